"""Readings: the values of indicators for periods, at most one per indicator and period.

A [`Reading`][corpparent.indicators.reading.Reading] is one value of one indicator for one
period. [`Readings`][corpparent.indicators.readings.Readings] is a set of them, held as
columns ([`reading_store`][corpparent.indicators.reading_store]): built from readings made
one by one, or from the columns a table was checked in
([`Readings.of_columns`][corpparent.indicators.readings.Readings.of_columns]), where a
`Reading` is made only when one is asked for. Both give the same readings, in the same
order, to every lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import final

from corpparent.errors import DataError, Problem
from corpparent.indicators.reading import Reading
from corpparent.indicators.reading_store import (
    Figures,
    ReadingColumns,
    ReadingStore,
    order_in_python,
    order_with_numpy,
)
from corpparent.indicators.tiling_sums import TilingSums
from corpparent.periods import Period

__all__ = ["Figures", "Reading", "ReadingColumns", "Readings"]

_NONE = float("nan")


@final
class Readings:
    """A set of readings with at most one per indicator and period.

    Building it from readings that repeat an indicator and period raises
    [`DataError`][corpparent.errors.DataError] naming both places.
    """

    __slots__ = ("_store",)

    def __init__(self, readings: Iterable[Reading] = ()) -> None:
        by_key: dict[tuple[str, Period], Reading] = {}
        problems: list[Problem] = []
        for reading in readings:
            earlier = by_key.setdefault((reading.indicator, reading.period), reading)
            if earlier is not reading:
                problems.append(
                    Problem(
                        source=reading.source or "readings",
                        message=(
                            f"duplicate reading for indicator {reading.indicator!r} in "
                            f"{reading.period}; first given at "
                            f"{earlier.source or 'an earlier reading'}"
                        ),
                    )
                )
        if problems:
            raise DataError(problems)
        made = list(by_key.values())
        names = sorted({reading.indicator for reading in made})
        code = {name: at for at, name in enumerate(names)}
        periods = list(dict.fromkeys(reading.period for reading in made))
        period_code = {period: at for at, period in enumerate(periods)}
        columns = ReadingColumns(
            names=names, periods=periods,
            indicator=[code[reading.indicator] for reading in made],
            period=[period_code[reading.period] for reading in made],
            value=[_NONE] * len(made), symbol=[None] * len(made),
            made=dict(enumerate(made)))
        self._store = ReadingStore(columns, order_in_python(columns))

    @classmethod
    def of_columns(cls, columns: ReadingColumns) -> Readings:
        """The readings of ``columns`` (no two of one indicator and period: a reader
        checks that first), each made a `Reading` only when it is asked for. The columns
        are ordered with one stable sort of their codes."""
        readings = cls.__new__(cls)
        readings._store = ReadingStore(columns, order_with_numpy(columns))
        return readings

    def get(self, indicator: str, period: Period) -> Reading | None:
        """The reading for ``indicator`` in exactly ``period``, if any."""
        at = self._store.find(indicator, period)
        return None if at is None else self._store.reading(at)

    def series(self, indicator: str) -> tuple[Reading, ...]:
        """Every reading of ``indicator``, in period order."""
        return tuple(map(self._store.reading, self._store.span(indicator)))

    def periods_of(self, indicator: str) -> tuple[Period, ...]:
        """The periods of ``indicator``'s readings, in period order (those of
        [`series`][corpparent.indicators.readings.Readings.series], no reading made)."""
        return self._store.periods_at(self._store.span(indicator))

    def within(self, indicator: str, period: Period) -> tuple[Reading, ...]:
        """Readings of ``indicator`` for periods inside ``period`` (itself included)."""
        return tuple(map(self._store.reading, self._store.inside(indicator, period)))

    def periods_within(self, indicator: str, period: Period) -> tuple[Period, ...]:
        """The periods of [`within`][corpparent.indicators.readings.Readings.within]'s
        readings, no reading made."""
        return self._store.periods_at(self._store.inside(indicator, period))

    def tiling(self, indicator: str, period: Period) -> tuple[Figures, ...] | None:
        """The figures of the coarsest readings of ``indicator`` of one kind of period
        (months, quarters ...) that tile ``period`` exactly, other than a reading for
        ``period`` itself, in order: the fewest, the first kind read where kinds tie;
        ``None`` where no kind does. An aggregate of ``period`` is made of these, and
        no reading is made for them."""
        places = self._store.tiling(indicator, period)
        return None if places is None else tuple(map(self._store.figures, places))

    def tiling_sums(self, indicator: str, period: Period) -> TilingSums | None:
        """What the figures of [`tiling`][corpparent.indicators.readings.Readings.tiling]
        add up to, where a large set has worked them out for every indicator at once;
        ``None`` otherwise (the pieces are then added as `tiling` gives them)."""
        return self._store.tiling_sums(indicator, period)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators with at least one reading, sorted."""
        return self._store.names

    @property
    def periods(self) -> tuple[Period, ...]:
        """Every period with at least one reading, in order."""
        return self._store.periods

    def merged(self, other: Readings) -> Readings:
        """Both sets together; a repeated indicator and period is a DataError."""
        return Readings([*self, *other])

    def __iter__(self) -> Iterator[Reading]:
        return map(self._store.reading, self._store.in_file_order())

    def __len__(self) -> int:
        return len(self._store)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 2:
            return False
        indicator, period = key
        return (isinstance(indicator, str) and isinstance(period, Period)
                and self._store.find(indicator, period) is not None)

    def __repr__(self) -> str:
        return f"Readings({len(self)} readings of {len(self._store.names)} indicators)"
