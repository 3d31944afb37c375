"""Readings held as columns, indexed by indicator and period, made objects when asked.

A table of a million readings checked a column at a time need not become a million
[`Reading`][corpparent.indicators.reading.Reading] objects: a scorecard judging one
period reads a few of each indicator's.
[`ReadingColumns`][corpparent.indicators.reading_store.ReadingColumns] holds a set's
readings as the columns they were checked in (file order): each indicator and period
as a code into its distinct values, each figure a float (NaN where there is none, which
no checked figure can be), each symbol, and each reading's line.
[`ReadingStore`][corpparent.indicators.reading_store.ReadingStore] orders them once,
by indicator and then period (file order breaking ties, as a stable sort keeps it),
and keeps where each indicator's readings start: a lookup is then a bisection within
one indicator's readings, and a `Reading` is made only for a reading asked for, once.
Readings made one by one (a JSON file's, or a set built in Python) are held the same
way, each kept as it was made.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple, final

from attrs import field, frozen

from corpparent.indicators.reading import Reading
from corpparent.indicators.tiling_sums import FigureArrays, TilingSums, period_sums
from corpparent.indicators.tilings import TILINGS_FROM, RowArrays, every_tiling
from corpparent.periods import Period

__all__ = ["Figures", "ReadingColumns", "ReadingStore", "StoreOrder", "order_in_python",
           "order_with_numpy"]


class Figures(NamedTuple):
    """One reading's period and figures, read without making the reading."""

    period: Period
    value: float | None
    numerator: float | None
    denominator: float | None
    population: float | None
    symbol: str | None


@final
@frozen
class ReadingColumns:
    """A set's readings as columns, in file order, with no two of one indicator and
    period: ``indicator[i]`` indexes ``names`` and ``period[i]`` indexes ``periods`` (each
    period given once); ``value``, ``numerator``, ``denominator`` and ``population`` hold
    NaN where a reading has no such figure (``None``: no reading has one), as floats
    (Python's or a NumPy array's: a reading made from them holds Python floats; the
    codes and lines may be NumPy arrays too); ``source``
    is the text before and after each reading's ``line`` in its source. ``made`` holds
    readings already made, by their place in the columns: those are given as they are."""

    names: Sequence[str]
    periods: Sequence[Period]
    indicator: Sequence[int]
    period: Sequence[int]
    value: Sequence[float]
    symbol: Sequence[str | None]
    numerator: Sequence[float] | None = None
    denominator: Sequence[float] | None = None
    population: Sequence[float] | None = None
    line: Sequence[int] | None = None
    source: tuple[str, str] = ("", "")
    made: Mapping[int, Reading] = field(factory=dict)


def period_places(periods: Sequence[Period]) -> list[int]:
    """The place of each period in order; periods that order alike share one."""
    order = sorted(range(len(periods)), key=periods.__getitem__)
    places = [0] * len(periods)
    place, last = -1, None
    for at in order:
        if last is None or last < periods[at]:
            place += 1
            last = periods[at]
        places[at] = place
    return places


@final
@frozen
class StoreOrder:
    """Where each reading of some columns goes in a store: ordered by indicator name,
    then period place, then place in the columns. ``row`` is each one's place in the
    columns, ``period`` its period's code, ``place`` that period's place and ``end``
    its last day (an ordinal); ``bounds`` where each of ``names`` starts (and, last,
    the end)."""

    row: list[int]
    period: list[int]
    place: list[int]
    end: list[int]
    bounds: list[int]
    names: tuple[str, ...]
    places: list[int]


def order_in_python(columns: ReadingColumns) -> StoreOrder:
    """The store's order of ``columns`` by one stable sort in Python (for readings made
    one by one: a few, and no NumPy loaded for them)."""
    places = period_places(columns.periods)
    names = columns.names
    indicator, period = columns.indicator, columns.period
    order = sorted(range(len(indicator)),
                   key=lambda row: (names[indicator[row]], places[period[row]]))
    codes = [period[row] for row in order]
    ends = [each.end.toordinal() for each in columns.periods]
    bounds: list[int] = []
    own: list[str] = []
    for at, row in enumerate(order):
        if not own or names[indicator[row]] != own[-1]:
            own.append(names[indicator[row]])
            bounds.append(at)
    return StoreOrder(order, codes, [places[code] for code in codes],
                      [ends[code] for code in codes], [*bounds, len(order)], tuple(own),
                      places)


def order_with_numpy(columns: ReadingColumns) -> StoreOrder:
    """The store's order of ``columns`` by one stable sort of their codes (NumPy's
    ``lexsort``), for the columns a table was checked in."""
    import numpy as np

    names = list(columns.names)
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.array(sorted(range(len(names)), key=names.__getitem__), dtype=np.int64)] = (
        np.arange(len(names), dtype=np.int64))
    places = period_places(columns.periods)
    place_of = np.asarray(places, dtype=np.int64)
    period = np.asarray(columns.period, dtype=np.int64)
    ranked = rank[np.asarray(columns.indicator, dtype=np.int64)]
    order = np.lexsort((place_of[period], ranked))
    codes = period[order]
    ranked = ranked[order]
    starts = np.flatnonzero(np.concatenate([[True], ranked[1:] != ranked[:-1]])) if len(
        order) else np.zeros(0, dtype=np.int64)
    ends = np.asarray([each.end.toordinal() for each in columns.periods], dtype=np.int64)
    by_rank = sorted(names)
    return StoreOrder(order.tolist(), codes.tolist(), place_of[codes].tolist(),
                      ends[codes].tolist(), [*starts.tolist(), len(order)],
                      tuple(by_rank[at] for at in ranked[starts].tolist()), places)


@final
class ReadingStore:
    """Readings ordered by indicator and period from ``columns`` as ``order`` says."""

    __slots__ = ("_bounds", "_code", "_columns", "_end", "_figures", "_file", "_kind", "_last",
                 "_made", "_names", "_period", "_period_code", "_place", "_places", "_rows",
                 "_spans", "_start", "_sums", "_tilings", "_where")

    def __init__(self, columns: ReadingColumns, order: StoreOrder) -> None:
        self._columns = columns
        self._file = order.row  # each reading's place in the columns, in the store's order
        self._bounds = order.bounds
        self._names = order.names
        self._code = {name: at for at, name in enumerate(order.names)}
        self._period_code: dict[Period, int] = {}
        for at, each in enumerate(columns.periods):
            self._period_code.setdefault(each, at)
        self._places = order.places
        self._period = order.period
        self._place = order.place
        self._end = order.end
        self._start = [each.start.toordinal() for each in columns.periods]
        self._last = [each.end.toordinal() for each in columns.periods]
        self._kind = [type(each) for each in columns.periods]
        self._where: list[int] | None = None
        self._made: dict[int, Reading] = {}
        self._spans: dict[Period, tuple[int, int]] = {}
        self._rows: RowArrays | None = None
        self._tilings: dict[Period, dict[int, list[int] | None]] = {}
        self._figures: FigureArrays | None = None
        self._sums: dict[Period, dict[int, TilingSums]] = {}

    def __len__(self) -> int:
        return len(self._file)

    @property
    def names(self) -> tuple[str, ...]:
        """The indicators with a reading, sorted."""
        return self._names

    @property
    def periods(self) -> tuple[Period, ...]:
        """Every period read, in order."""
        used = {self._columns.periods[code] for code in set(self._period)}
        return tuple(sorted(used))

    def reading(self, at: int) -> Reading:
        """The reading at ``at`` in the store's order, made the first time it is asked."""
        found = self._made.get(at)
        if found is not None:
            return found
        columns, row = self._columns, self._file[at]
        found = columns.made.get(row)
        if found is None:
            value = float(columns.value[row])
            symbol = columns.symbol[row]
            prefix, suffix = columns.source
            found = Reading(
                columns.names[columns.indicator[row]], columns.periods[self._period[at]],
                None if value != value else value, _figure(columns.numerator, row),
                _figure(columns.denominator, row), _figure(columns.population, row),
                symbol, None if columns.line is None
                else f"{prefix}{columns.line[row]}{suffix}")
        self._made[at] = found
        return found

    def figures(self, at: int) -> Figures:
        """The figures of the reading at ``at`` in the store's order, none made."""
        row = self._file[at]
        made = self._made.get(at) or self._columns.made.get(row)
        if made is not None:
            return Figures(made.period, made.value, made.numerator, made.denominator,
                           made.population, made.symbol)
        columns = self._columns
        value = float(columns.value[row])
        return Figures(columns.periods[self._period[at]], None if value != value else value,
                       _figure(columns.numerator, row), _figure(columns.denominator, row),
                       _figure(columns.population, row), columns.symbol[row])

    def span(self, indicator: str) -> range:
        """Where ``indicator``'s readings are, in the store's order."""
        code = self._code.get(indicator)
        if code is None:
            return range(0)
        return range(self._bounds[code], self._bounds[code + 1])

    def periods_at(self, places: Iterable[int]) -> tuple[Period, ...]:
        """The periods of the readings at ``places``, none made."""
        periods, codes = self._columns.periods, self._period
        if isinstance(places, range):  # one indicator's: a slice of the codes
            return tuple(map(periods.__getitem__, codes[places.start:places.stop]))
        return tuple(periods[codes[at]] for at in places)

    def find(self, indicator: str, period: Period) -> int | None:
        """Where the reading of ``indicator`` for exactly ``period`` is, if any."""
        code = self._code.get(indicator)
        wanted = self._period_code.get(period)
        if code is None or wanted is None:
            return None
        low, high = self._bounds[code], self._bounds[code + 1]
        place = self._places[wanted]
        at = bisect_left(self._place, place, low, high)
        while at < high and self._place[at] == place:
            if self._columns.periods[self._period[at]] == period:
                return at
            at += 1
        return None

    def inside(self, indicator: str, period: Period) -> list[int]:
        """Where the readings of ``indicator`` for periods inside ``period`` are."""
        code = self._code.get(indicator)
        if code is None:
            return []
        low, high = self._bounds[code], self._bounds[code + 1]
        start, end = self._span(period)
        first = bisect_left(self._end, start, low, high)
        last = bisect_right(self._end, end, first, high)
        starts, codes = self._start, self._period
        return [at for at in range(first, last) if starts[codes[at]] >= start]

    def tiling(self, indicator: str, period: Period) -> list[int] | None:
        """Where the coarsest readings of ``indicator`` of one kind of period that tile
        ``period`` exactly are (the fewest, the first kind read of those as few), each
        day of it in one of them; ``None`` where no kind does. A reading for ``period``
        itself is not one of them."""
        own = self._period_code.get(period, -1)
        if len(self._file) >= TILINGS_FROM:  # every indicator's at once (`tilings`)
            every = self._every_tiling(period)
            code = self._code.get(indicator, -1)
            if code in every:
                return every[code]
        codes, kinds = self._period, self._kind
        by_kind: dict[type[Period], list[int]] = {}
        for at in self.inside(indicator, period):
            if codes[at] != own:
                by_kind.setdefault(kinds[codes[at]], []).append(at)
        start, end = self._span(period)
        best: list[int] | None = None
        for places in by_kind.values():
            if (best is None or len(places) < len(best)) and self._tiles(start, end, places):
                best = places
        return best

    def tiling_sums(self, indicator: str, period: Period) -> TilingSums | None:
        """What the readings of ``indicator`` that tile ``period`` (those of
        [`tiling`][corpparent.indicators.reading_store.ReadingStore.tiling]) add up to,
        worked out for every indicator at once; ``None`` where they do not tile it, and
        in a store too small for that to be quicker (the pieces are then added one
        indicator at a time)."""
        if len(self._file) < TILINGS_FROM:
            return None
        sums = self._sums.get(period)
        if sums is None:
            sums = self._sums[period] = period_sums(self._every_tiling(period),
                                                    self._figure_arrays(), self._period,
                                                    self._columns.periods)
        return sums.get(self._code.get(indicator, -1))

    def _every_tiling(self, period: Period) -> dict[int, list[int] | None]:
        every = self._tilings.get(period)
        if every is None:
            every = self._tilings[period] = every_tiling(
                self._arrays(), *self._span(period), self._period_code.get(period, -1))
        return every

    def _figure_arrays(self) -> FigureArrays:
        """Each reading's figures in the store's order, NaN where it has none."""
        if self._figures is None:
            import numpy as np

            columns, order = self._columns, np.asarray(self._file, dtype=np.int64)

            def figure(name: str) -> object:
                given = getattr(columns, name)
                numbers = (np.full(len(order), np.nan) if given is None
                           else np.array(given, dtype=np.float64))  # a copy: made ones below
                for row, made in columns.made.items():
                    number = getattr(made, name)
                    numbers[row] = np.nan if number is None else number
                return numbers[order]

            self._figures = FigureArrays(figure("value"), figure("numerator"),
                                         figure("denominator"), figure("population"))
        return self._figures

    def _tiles(self, start: int, end: int, places: list[int]) -> bool:
        """Whether the periods at ``places`` run from day ``start`` to day ``end``, each
        starting the day after the one before ends."""
        codes, firsts, lasts = self._period, self._start, self._last
        if firsts[codes[places[0]]] != start or lasts[codes[places[-1]]] != end:
            return False
        return all(lasts[codes[before]] + 1 == firsts[codes[after]]
                   for before, after in pairwise(places))

    def _arrays(self) -> RowArrays:
        if self._rows is None:
            kinds = {kind: at for at, kind in enumerate(dict.fromkeys(self._kind))}
            self._rows = RowArrays(self._bounds, self._period,
                                   [kinds[kind] for kind in self._kind], self._start,
                                   self._last)
        return self._rows

    def _span(self, period: Period) -> tuple[int, int]:
        """The first and last day of ``period`` as ordinals, worked out once for each
        period asked about (a scorecard asks about the same few for every indicator)."""
        span = self._spans.get(period)
        if span is None:
            span = self._spans[period] = (period.start.toordinal(), period.end.toordinal())
        return span

    def in_file_order(self) -> list[int]:
        """The store's places in the order the readings were given."""
        if self._where is None:
            self._where = sorted(range(len(self._file)), key=self._file.__getitem__)
        return self._where


def _figure(column: Sequence[float] | None, row: int) -> float | None:
    if column is None:
        return None
    number = float(column[row])
    return None if number != number else number
