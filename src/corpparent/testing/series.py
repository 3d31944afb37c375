"""Inputs that move, for
[`corpparent.testing.rules.satisfying`][corpparent.testing.rules.satisfying] and ``violating``: an
observation that travelled from its earlier value, a reading set beside a comparator's, and series
of ordinary or special-cause variation on a process chart.

Importing this module needs hypothesis; ``import corpparent`` never imports it.
"""

from __future__ import annotations

from hypothesis import strategies as st

from corpparent.comparators import CompareWith
from corpparent.indicator_rules import Observation, TravelRule
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import FinancialQuarter
from corpparent.spc.limits import Limits
from corpparent.spc.rules import DEFAULT_RUN_LENGTH, DEFAULT_TREND_LENGTH

__all__ = ["compared", "ordinary", "special", "travelled"]


@st.composite
def travelled(draw: st.DrawFn, rule: TravelRule, worse: bool) -> Observation:
    """An observation that moved from its earlier value: by more than the tolerance in
    the worse direction when ``worse``, else any way but that."""
    polarity = draw(st.sampled_from([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER])
                    if worse else st.sampled_from(Polarity))
    earlier = draw(st.floats(-1e6, 1e6))
    step = draw(st.floats(0, 1e6))
    if worse:
        step = rule.tolerance + 1 + step
        sign = -1 if polarity is Polarity.HIGHER_IS_BETTER else 1
    else:
        sign = {Polarity.HIGHER_IS_BETTER: 1, Polarity.LOWER_IS_BETTER: -1}.get(
            polarity, draw(st.sampled_from([-1, 1])))
    value = earlier + sign * step
    span = FinancialQuarter(draw(st.integers(2000, 2040)), draw(st.integers(1, 4)))
    indicator = Indicator("indicator", "Indicator", draw(st.sampled_from(Kind)), polarity)
    missing = Unavailable(indicator.id, span, "not asked for")
    return Observation(indicator, span, value, missing if rule.against_last_year else earlier,
                       earlier if rule.against_last_year else missing)


@st.composite
def compared(draw: st.DrawFn, rule: CompareWith, worse: bool) -> Reading:
    """A reading in a period the comparator has a number for: in line with it or better
    (not worse), or worse by more than the tolerance when ``worse``."""
    indicator, comparator = rule.indicator, rule.comparator
    numbers = [(period, value) for (ident, period), value in comparator.values.items()
               if ident == indicator.id and not isinstance(value, str)
               and (rule.comparator_period is None or period == rule.comparator_period)]
    if not numbers:
        raise ValueError(f"{comparator.name} has no number for {indicator.id!r} to compare")
    if worse and indicator.polarity is Polarity.NEUTRAL:
        raise ValueError(f"{indicator.id!r} is neutral: nothing compares worse")
    period, entry = draw(st.sampled_from(numbers))
    other = indicator.magnitude(entry, comparator.unit(indicator.id))
    tolerance = float(rule.tolerance)
    better = -1 if indicator.polarity is Polarity.LOWER_IS_BETTER else 1
    past = tolerance + 1 + draw(st.floats(0, 1e6))
    if worse:
        value = other - better * past
    elif indicator.polarity is Polarity.NEUTRAL or draw(st.booleans()):
        value = other + draw(st.floats(-tolerance, tolerance)) / 2
    else:
        value = other + better * past
    return Reading(indicator.id, period, value)


@st.composite
def ordinary(draw: st.DrawFn, limits: Limits, length: st.SearchStrategy[int]) -> list[float]:
    """A series showing only ordinary variation against ``limits``: each point within one
    sigma of the mean (so none beyond a limit or two sigma), on the other side of the
    mean from the one before (so no run, and no trend of more than two points)."""
    count = draw(length)
    if not limits.varies:
        return [limits.mean] * count
    first = draw(st.sampled_from([-1, 1]))
    return [limits.mean + first * (-1) ** i * draw(st.floats(0, 1)) * limits.sigma
            for i in range(count)]


@st.composite
def special(draw: st.DrawFn, limits: Limits, length: st.SearchStrategy[int]) -> list[float]:
    """An ordinary series with a special cause put in at some point: a point beyond a
    limit, or a run or trend of the default length (7 points)."""
    series = draw(ordinary(limits, length))
    causes = ["run", "trend", *(["outside"] if limits.varies else [])]
    cause = draw(st.sampled_from(causes))
    at = draw(st.integers(0, len(series)))
    spread = max(limits.sigma, 1.0)
    if cause == "outside":
        side = draw(st.sampled_from([-1, 1]))
        inserted = [limits.mean + side * (3 * limits.sigma + spread * draw(st.floats(0.01, 5)))]
    elif cause == "run":
        side = draw(st.sampled_from([-1, 1]))
        inserted = [limits.mean + side * spread * draw(st.floats(0.01, 0.9))
                    for _ in range(DEFAULT_RUN_LENGTH)]
    else:
        step = draw(st.sampled_from([-1, 1])) * spread / DEFAULT_TREND_LENGTH
        inserted = [limits.mean + step * i for i in range(DEFAULT_TREND_LENGTH)]
    return [*series[:at], *inserted, *series[at:]]

