"""Readings: the value of one indicator for one period.

A reading holds its value in the indicator's own unit, with the numerator,
denominator and population where they are known (percentages and rates aggregate
from those, never by averaging). A published value may be withheld: then ``value``
is ``None`` and ``symbol`` keeps the official-statistics symbol (``c``, ``x`` ...), so
the gap is reported, never read as zero.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import pairwise
from typing import final

from attrs import field, frozen

from corpparent.errors import DataError, Problem
from corpparent.periods import Period
from corpparent.symbols import (
    MAX_MAGNITUDE,
    OFFICIAL_SYMBOLS,
    is_symbol,
    optional_number,
    symbol_meaning,
)

__all__ = ["Reading", "Readings"]


@final
@frozen
class Reading:
    """The value of ``indicator`` for ``period``, in the indicator's unit."""

    indicator: str
    period: Period
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    population: float | None = None
    symbol: str | None = None
    source: str | None = field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        """Check a reading built in Python as a row of a file is checked: each number
        finite and of a size a figure can have, a symbol an official one. A text given
        as the value is read as a symbol (``Reading(..., "c")`` is withheld, not a
        number); any other text is refused, never read as a number."""
        value: object = self.value
        if (self.numerator is None and self.denominator is None and self.population is None
                and ((value is None and (self.symbol is None or (
                    type(self.symbol) is str and self.symbol in OFFICIAL_SYMBOLS)))
                     or (type(value) is float and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
                         and self.symbol is None))):
            return  # most readings: a number in range, or a symbol as it is kept
        problems: list[Problem] = []
        where = self.source or f"the reading of {self.indicator!r} for {self.period}"
        if isinstance(value, str):
            if not is_symbol(value) or self.symbol is not None:
                problems.append(Problem(where, field="value", expected="a number or an "
                                        "official symbol", found=_shown(value)))
            else:
                object.__setattr__(self, "symbol", value.strip().lower())
                object.__setattr__(self, "value", None)
        for name in ("value", "numerator", "denominator", "population"):
            number: object = getattr(self, name)
            if number is None or isinstance(number, str) or (
                    type(number) is float and abs(number) <= MAX_MAGNITUDE):
                continue  # blank, a text refused above, or a number already in range
            try:
                object.__setattr__(self, name, optional_number(number))
            except ValueError as exc:
                problems.append(Problem(where, str(exc), field=name))
        if self.symbol is not None:
            symbol: object = self.symbol
            if not isinstance(symbol, str) or not is_symbol(symbol):
                problems.append(Problem(where, field="symbol", expected="an official "
                                        "symbol", found=_shown(symbol)))
            else:
                object.__setattr__(self, "symbol", symbol.strip().lower())
        if problems:
            raise DataError(problems)

    @property
    def is_available(self) -> bool:
        """Whether the reading has a number."""
        return self.value is not None

    @property
    def unavailable_reason(self) -> str:
        """Why there is no number, in words ("suppressed (c): confidential ...")."""
        if self.symbol is not None:
            return f"value withheld ({self.symbol}: {symbol_meaning(self.symbol)})"
        return "no value given"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@final
class Readings:
    """A set of readings with at most one per indicator and period.

    Building it from readings that repeat an indicator and period raises
    [`DataError`][corpparent.errors.DataError] naming both places.
    """

    __slots__ = ("_by_indicator", "_by_key", "_ends")

    def __init__(self, readings: Iterable[Reading] = ()) -> None:
        self._by_key: dict[tuple[str, Period], Reading] = {}
        problems: list[Problem] = []
        by_indicator: dict[str, list[Reading]] = {}
        for reading in readings:
            earlier = self._by_key.setdefault((reading.indicator, reading.period), reading)
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
                continue
            series = by_indicator.get(reading.indicator)
            if series is None:
                by_indicator[reading.indicator] = [reading]
            else:
                series.append(reading)
        if problems:
            raise DataError(problems)
        # Each distinct period is ordered (and its end found) once, however many
        # readings share it: a period's order is worked out from its dates.
        place: dict[Period, int] = {}
        ends: list[date] = []
        last: Period | None = None
        for period in sorted({period for _, period in self._by_key}):
            if last is None or last < period:  # periods of one order share a place
                ends.append(period.end)
                last = period
            place[period] = len(ends) - 1
        self._by_indicator: dict[str, tuple[Reading, ...]] = {}
        self._ends: dict[str, list[date]] = {}
        for name, series in by_indicator.items():
            places = [place[r.period] for r in series]
            if any(after < before for before, after in pairwise(places)):
                order = sorted(range(len(series)), key=places.__getitem__)
                series = [series[i] for i in order]
                places = [places[i] for i in order]
            self._by_indicator[name] = tuple(series)
            # Periods sort by end date first, so each series' ends are sorted too.
            self._ends[name] = [ends[i] for i in places]

    def get(self, indicator: str, period: Period) -> Reading | None:
        """The reading for ``indicator`` in exactly ``period``, if any."""
        return self._by_key.get((indicator, period))

    def series(self, indicator: str) -> tuple[Reading, ...]:
        """Every reading of ``indicator``, in period order."""
        return self._by_indicator.get(indicator, ())

    def within(self, indicator: str, period: Period) -> tuple[Reading, ...]:
        """Readings of ``indicator`` for periods inside ``period`` (itself included)."""
        series = self.series(indicator)
        if not series:
            return ()
        ends = self._ends[indicator]
        first = bisect_left(ends, period.start)
        last = bisect_right(ends, period.end)
        return tuple(r for r in series[first:last] if r.period.start >= period.start)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators with at least one reading, sorted."""
        return tuple(sorted(self._by_indicator))

    @property
    def periods(self) -> tuple[Period, ...]:
        """Every period with at least one reading, in order."""
        return tuple(sorted({period for _, period in self._by_key}))

    def merged(self, other: Readings) -> Readings:
        """Both sets together; a repeated indicator and period is a DataError."""
        return Readings([*self, *other])

    def __iter__(self) -> Iterator[Reading]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __repr__(self) -> str:
        return f"Readings({len(self)} readings of {len(self._by_indicator)} indicators)"
