"""An indicator's recent values, each with the expected range that applied then.

Councillors read a value against its history: the scorecard's trend is the value for
the period assessed and up to ``history - 1`` periods of the same kind before it (eight
quarters by default), from the first period with any reading, each beside the range set
for it (ranges are reviewed each year, Wiltshire annual report 2022-23 §17, so the band
can step). A period with no value keeps its place, with the official symbol given for it
(``c`` when withheld) or the reason it is missing, so a gap is never closed up.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import final

from attrs import frozen

from corpparent.indicators.aggregation import Unavailable, value_and_reading
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.ranges import ExpectedRange

__all__ = ["DEFAULT_HISTORY", "TrendValue", "symbol_for", "trend_values", "values_at"]

#: How many periods a trend shows by default: two years of quarters.
DEFAULT_HISTORY = 8


@final
@frozen
class TrendValue:
    """An indicator's value in one period (``None`` when missing or withheld), with the
    official symbol given for it, why it is missing, and the range that applied."""

    period: Period
    value: float | None
    symbol: str | None = None
    note: str | None = None
    expected: ExpectedRange | None = None
    numerator: float | None = None
    """The count behind a percentage or rate, where the reading for exactly the period
    gave it."""


def symbol_for(readings: Readings, indicator: Indicator, period: Period) -> str | None:
    """The official symbol read for ``indicator`` in exactly ``period``, if any."""
    reading = readings.get(indicator.id, period)
    return None if reading is None else reading.symbol


def trend_values(
    indicator: Indicator,
    indicators: IndicatorSet,
    readings: Readings,
    period: Period,
    history: int = DEFAULT_HISTORY,
) -> tuple[TrendValue, ...]:
    """The values of ``indicator`` for ``period`` and up to ``history - 1`` periods of the
    same kind before it, oldest first, from the first period with any reading."""
    points: list[TrendValue] = []
    for each in _periods_to(period, history):
        point = _value_at(indicator, indicators, readings, each)
        if point.value is None and point.symbol is None and not points and each != period:
            continue  # nothing before the first reading
        points.append(point)
    return tuple(points)


def values_at(
    indicator: Indicator, indicators: IndicatorSet, readings: Readings,
    periods: Iterable[Period],
) -> tuple[TrendValue, ...]:
    """The values of ``indicator`` for ``periods`` (the comparators' years, say, beside
    a quarterly series: a year's value is its quarters' where they make it up)."""
    return tuple(_value_at(indicator, indicators, readings, p) for p in periods)


@lru_cache(maxsize=256)
def _periods_to(period: Period, history: int) -> tuple[Period, ...]:
    """``period`` and the ``history - 1`` periods of its kind before it, oldest first
    (the same for every indicator a scorecard judges)."""
    periods = [period]
    while len(periods) < history:
        periods.append(periods[-1].previous())
    return tuple(reversed(periods))


def _value_at(indicator: Indicator, indicators: IndicatorSet, readings: Readings,
              period: Period) -> TrendValue:
    value, reading = value_and_reading(indicator, readings, period)
    return TrendValue(
        period=period,
        value=None if isinstance(value, Unavailable) else value,
        symbol=None if reading is None else reading.symbol,  # as `symbol_for`
        note=value.reason if isinstance(value, Unavailable) else None,
        expected=indicators.range_for(indicator.id, period),
        numerator=None if reading is None else reading.numerator,
    )
