"""An indicator's readings as a process chart, and the expected range its limits give.

Wiltshire sets its expected ranges by hand once a year ("Annually, the indicators
themselves, together with their expected ranges and targets are reviewed", annual
report 2022-23, §17). A process chart computes the range of ordinary variation from the
data instead: "Lower/upper expected range = LPL/UPL from an XmR chart over a baseline"
(reference notes on NHS Making Data Count, §5.4).
[`process_range`][corpparent.spc.expected.process_range] gives it as an
[`ExpectedRange`][corpparent.ranges.ExpectedRange], so it can be used wherever a hand-set range is.

An indicator's chart takes its readings of one kind of period (months, quarters or
years: the kind of the period assessed) up to and including that period, in order.
A withheld or missing value is left out, so the points either side become neighbours;
NHSRplotthedots likewise expects a series without gaps.
"""

from __future__ import annotations

from collections.abc import Iterable

from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.periods import Period
from corpparent.ranges import ExpectedRange
from corpparent.spc.chart import XmRChart, XmROptions, xmr

__all__ = ["indicator_chart", "indicator_series", "process_range"]


def indicator_series(
    indicator: Indicator, readings: Readings, up_to: Period | None = None
) -> tuple[tuple[Period, ...], tuple[float, ...]]:
    """The periods and values of ``indicator`` with a value, in the indicator's unit:
    with ``up_to``, those of its kind of period ending no later than it; without, those
    of the kind of the latest reading."""
    read = readings.periods_of(indicator.id)
    if not read:
        return (), ()
    kind = type(up_to) if up_to is not None else type(read[-1])
    periods: list[Period] = []
    values: list[float] = []
    for period in read:
        if type(period) is not kind or (up_to is not None and period > up_to):
            continue
        value = value_for(indicator, readings, period)
        if not isinstance(value, Unavailable):
            periods.append(period)
            values.append(value)
    return tuple(periods), tuple(values)


def indicator_chart(
    indicator: Indicator,
    readings: Readings,
    up_to: Period | None = None,
    *,
    rebase: Iterable[Period] = (),
    options: XmROptions | None = None,
) -> XmRChart | None:
    """The XmR chart of ``indicator``'s readings (see
    [`indicator_series`][corpparent.spc.expected.indicator_series]), by its polarity; ``None`` with
    fewer than 2 values. A rebase period without a value is skipped to the next period that has
    one."""
    periods, values = indicator_series(indicator, readings, up_to)
    if len(values) < 2:
        return None
    starts = []
    for at in rebase:
        later = [p for p in periods if p >= at]
        if later and later[0] != periods[0]:
            starts.append(later[0])
    return xmr(values, periods=periods, polarity=indicator.polarity, rebase=starts,
               options=options)


def process_range(chart: XmRChart, indicator: str, period: Period) -> ExpectedRange | None:
    """The expected range the last group's process limits give for ``period``; ``None``
    when the baseline does not vary (no limits can be set)."""
    if not chart.varies:
        return None
    source = (f"process limits from {chart.limits.baseline_points} points"
              + (" (trial)" if chart.trial else ""))
    return ExpectedRange(indicator, chart.lower_limit, chart.upper_limit, period,
                         source=source)
