"""Values of an indicator for a period, directly or aggregated from shorter periods.

Each kind aggregates its own way (Wiltshire annual report 2022-23, §19–21):

* snapshot: the value at the end of the period ("the No of CLA as at end of Q4 was
  461, which is a snapshot measure as at March 23, the last month of Q4"): the value of
  the last of the pieces that tile it, or, where none do, of the longest reading inside
  it that ends on its last day (a year's, from its fourth quarter, though only the
  second was read besides), since a snapshot is taken at a point in time;
* count: the sum ("the totals for each month are added up to give an overall figure
  for the quarter");
* percentage and score: summed numerators over summed denominators, never an average
  of percentages;
* rate: summed numerators over the base population of the last sub-period (a rate
  counts events against the child population, which is not summed), or over summed
  denominators where the sub-periods give denominators instead.

Shorter periods must tile the period exactly (quarters of a year, or months), but for
a snapshot's last; where they do not, or a needed number is missing or withheld, the
result is
[`Unavailable`][corpparent.indicators.aggregation.Unavailable] with the reason, which a scorecard
reports as insufficient data.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import final

from attrs import frozen

from corpparent import units
from corpparent.indicators.definitions import Indicator, Kind
from corpparent.indicators.reading import Reading, unavailable_reason
from corpparent.indicators.readings import Figures, Readings
from corpparent.indicators.tiling_sums import TilingSums, added
from corpparent.periods import Period

__all__ = ["Unavailable", "value_and_reading", "value_for"]


@final
@frozen
class Unavailable:
    """No value could be had for ``indicator`` in ``period``, and why."""

    indicator: str
    period: Period
    reason: str


def _missing(indicator: Indicator, period: Period, pieces: Sequence[Period], what: str) -> str:
    return _missing_text(indicator.kind, period, tuple(pieces), what)


@lru_cache(maxsize=4096)
def _missing_text(kind: Kind, period: Period, pieces: tuple[Period, ...], what: str) -> str:
    """Why a period's value cannot be aggregated, written once for every indicator of
    one kind that lacks the same pieces (a scorecard's thousands of indicators share
    the same few months)."""
    names = ", ".join(map(str, pieces))
    return f"{what} for {names}, needed to aggregate {kind} indicator to {period}"


def _from_reading(indicator: Indicator, reading: Reading | Figures) -> float | Unavailable:
    if reading.value is None:
        return Unavailable(indicator.id, reading.period, unavailable_reason(reading.symbol))
    return reading.value


def _ratio(indicator: Indicator, numerator: float, denominator: float) -> float:
    if indicator.kind is Kind.SCORE:
        return numerator / denominator
    return units.convert(numerator / denominator, "dimensionless", indicator.unit)


def value_for(indicator: Indicator, readings: Readings, period: Period) -> float | Unavailable:
    """The value of ``indicator`` for ``period``, in the indicator's unit.

    A reading for exactly ``period`` is used as it is; otherwise shorter periods are
    aggregated as the indicator's kind requires.
    """
    return value_and_reading(indicator, readings, period)[0]


def value_and_reading(indicator: Indicator, readings: Readings, period: Period
                      ) -> tuple[float | Unavailable, Reading | None]:
    """The value of ``indicator`` for ``period``, as
    [`value_for`][corpparent.indicators.aggregation.value_for] gives it, and the reading
    for exactly ``period`` if there is one (a trend shows its symbol and numerator)."""
    exact = readings.get(indicator.id, period)
    if exact is not None:
        return _from_reading(indicator, exact), exact
    return _aggregated(indicator, readings, period), None


def _aggregated(indicator: Indicator, readings: Readings,
                period: Period) -> float | Unavailable:
    sums = readings.tiling_sums(indicator.id, period)
    if sums is not None:
        found = _from_sums(indicator, period, sums)
        if found is not None:
            return found
    pieces = readings.tiling(indicator.id, period)
    if pieces is None:
        last = _at_end(readings, indicator, period) if indicator.kind is Kind.SNAPSHOT else None
        if last is not None:
            return _from_reading(indicator, last)
        return Unavailable(indicator.id, period, f"no reading for {period}")
    kind = indicator.kind
    if kind is Kind.SNAPSHOT:
        return _from_reading(indicator, pieces[-1])
    if kind is Kind.COUNT:
        withheld = [p for p in pieces if p.value is None]
        if withheld:
            return Unavailable(
                indicator.id, period,
                _missing(indicator, period, [p.period for p in withheld], "no value"),
            )
        return added(p.value for p in pieces if p.value is not None)
    return _redivide(indicator, period, pieces)


def _at_end(readings: Readings, indicator: Indicator, period: Period) -> Reading | None:
    """The longest reading of ``indicator`` inside ``period``, other than one for the
    period itself, that ends on its last day: a snapshot at that day."""
    ending = [r for r in readings.within(indicator.id, period)
              if r.period.end == period.end and r.period != period]
    return min(ending, key=lambda r: r.period.start, default=None)


def _from_sums(indicator: Indicator, period: Period,
               sums: TilingSums) -> float | Unavailable | None:
    """The aggregate ``sums`` make, as the plain path below makes it from the pieces;
    ``None`` where the plain path is needed to say why it cannot be had."""
    kind = indicator.kind
    if kind is Kind.SNAPSHOT:
        last = sums.last_value
        return None if last != last else last
    if kind is Kind.COUNT:
        return None if sums.missing_values else sums.value
    if sums.missing_numerators == len(sums.pieces):  # none given: every piece lacks it
        return Unavailable(indicator.id, period,
                           _missing(indicator, period, sums.pieces, "no numerator"))
    if sums.missing_numerators:
        return None
    if kind is Kind.RATE and sums.missing_denominators == len(sums.pieces):
        base = sums.last_population
        return _ratio(indicator, sums.numerator, base) if base > 0 else None
    if sums.missing_denominators or sums.denominator <= 0:
        return None
    return _ratio(indicator, sums.numerator, sums.denominator)


def _redivide(
    indicator: Indicator, period: Period, pieces: Sequence[Figures]
) -> float | Unavailable:
    if any(p.numerator is None for p in pieces):
        lacking = [p for p in pieces if p.numerator is None]
        return Unavailable(
            indicator.id, period,
            _missing(indicator, period, [p.period for p in lacking], "no numerator"),
        )
    numerator = added(p.numerator for p in pieces if p.numerator is not None)
    if indicator.kind is Kind.RATE and all(p.denominator is None for p in pieces):
        base = pieces[-1].population
        if base is None or base <= 0:
            return Unavailable(
                indicator.id, period,
                _missing(indicator, period, [pieces[-1].period], "no population"),
            )
        return _ratio(indicator, numerator, base)
    lacking = [p for p in pieces if p.denominator is None]
    if lacking:
        return Unavailable(
            indicator.id, period,
            _missing(indicator, period, [p.period for p in lacking], "no denominator"),
        )
    denominator = added(p.denominator for p in pieces if p.denominator is not None)
    if denominator <= 0:
        return Unavailable(indicator.id, period, f"denominators for {period} sum to zero")
    return _ratio(indicator, numerator, denominator)
