"""Hypothesis strategies for every rule family, with inputs that satisfy or violate a rule.

A council tool that embeds corpparent tests its own code against corpparent's rules with
these. Each value strategy draws values the library itself accepts (its constructors and
validation run on every draw); [`satisfying`][corpparent.testing.rules.satisfying] and
[`violating`][corpparent.testing.rules.violating] take a rule and give a strategy of inputs the rule
passes, or rejects:

    from hypothesis import given
    from corpparent import ExpectedRange, FinancialYear
    from corpparent.testing.rules import satisfying, violating

    STABILITY = ExpectedRange("long_term_stability", 75, 82, FinancialYear(2022))

    @given(violating(STABILITY))
    def test_my_dashboard_flags_it(readings): ...

- ``ExpectedRange`` — satisfying(rule) draws: readings, every number within (the bounds included),
  some missing or suppressed; violating(rule) draws: readings with a number outside the range.
- ``Target`` — satisfying(rule) draws: readings, every number meeting it; violating(rule) draws:
  readings with one missing it.
- ``ExpectedRangeRule`` — satisfying(rule) draws: an observation it finds met; violating(rule)
  draws: one it finds not met.
- ``TargetRule`` — satisfying(rule) draws: an observation it finds met; violating(rule) draws: one
  it finds breached.
- ``TravelRule`` — satisfying(rule) draws: an observation that did not worsen; violating(rule)
  draws: one that worsened by more than the tolerance.
- ``CompareWith`` — satisfying(rule) draws: a reading in line with the comparator or better;
  violating(rule) draws: one worse than it by more than the tolerance.
- ``Limits`` (process limits, the SPC rules) — satisfying(rule) draws: a series of ordinary
  variation: no special cause fires; violating(rule) draws: a series with a point beyond a limit, a
  run or a trend.
- ``ClassQuorum``, and a ``Quorum`` of one — satisfying(rule) draws: a quorate sitting;
  violating(rule) draws: an inquorate sitting.
- ``AttendanceThreshold`` — satisfying(rule) draws: a year's record, every judged member at or above
  the minimum; violating(rule) draws: one where every judged member is below it.
- ``SeatLimit``, ``MaximumSize`` (composition) — satisfying(rule) draws: a roster within the seats
  (every seat filled where they are exact); violating(rule) draws: one over them by one to three
  members.
- ``SixMonthRule`` (LGA 1972 s.85) — satisfying(rule) draws: a year of monthly meetings, every
  judged member at the last one; violating(rule) draws: one in which a judged member attends none.
- ``MeetingFrequency`` — satisfying(rule) draws: a year's meetings that keep to it; violating(rule)
  draws: a year with too few.
- ``ObligationSet`` — satisfying(rule) draws: a submissions log meeting every occurrence of the
  2022-23 year; violating(rule) draws: a log with a breach once judged after the last deadline.

Every rule type a [`Constitution`][corpparent.governance.Constitution] may declare (the
governance rows above, and seats, offices, the chair's role, priorities and their leads,
substitutes, requirements, seats by role, office holders, political balance,
substitution terms and reporting lines) has its strategies in one module of
`corpparent.testing.panel_rules`, whose docstring says what it draws.

Importing this module needs hypothesis (``pip install 'corpparent[test]'``);
``import corpparent`` never imports it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import corpparent.testing.panel_rules  # noqa: F401  (registers each rule type's strategies)
from corpparent.comparators import CompareWith
from corpparent.indicator_rules import ExpectedRangeRule, Observation, TargetRule, TravelRule
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading, Readings
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import FinancialYear, Period
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.spc.limits import Limits
from corpparent.testing import obligations as obligation_strategies, series
from corpparent.testing._dispatch import satisfying, violating
from corpparent.testing.values import (
    comparator_sets,
    constitutions,
    expected_ranges,
    indicator_sets,
    indicators,
    meeting_calendars,
    members_for,
    panel_records,
    periods_in,
    profiles,
    readings_series,
    spc_limits,
    submissions_logs,
    targets,
)

__all__ = [
    "comparator_sets",
    "constitutions",
    "expected_ranges",
    "indicator_sets",
    "indicators",
    "meeting_calendars",
    "members_for",
    "panel_records",
    "profiles",
    "readings_series",
    "satisfying",
    "spc_limits",
    "submissions_logs",
    "targets",
    "violating",
]

# --- satisfying and violating -----------------------------------------------------------

def _within(expected: ExpectedRange) -> st.SearchStrategy[float]:
    bounds = st.sampled_from((expected.lower, expected.upper))
    return bounds | st.floats(expected.lower, expected.upper, allow_nan=False)


def _outside(expected: ExpectedRange) -> st.SearchStrategy[float]:
    below = st.floats(max_value=expected.lower, exclude_max=True, allow_nan=False,
                      allow_infinity=False, min_value=-1e12)
    above = st.floats(min_value=expected.upper, exclude_min=True, allow_nan=False,
                      allow_infinity=False, max_value=1e12)
    return below | above


def _meeting(target: Target) -> st.SearchStrategy[float]:
    if target.direction is TargetDirection.AT_LEAST:
        return st.floats(min_value=target.value, max_value=max(target.value, 1e12))
    return st.floats(max_value=target.value, min_value=min(target.value, -1e12))


def _missing(target: Target) -> st.SearchStrategy[float]:
    if target.direction is TargetDirection.AT_LEAST:
        return st.floats(max_value=target.value, exclude_max=True, min_value=-1e12)
    return st.floats(min_value=target.value, exclude_min=True, max_value=1e12)


@st.composite
def _with_one(draw: st.DrawFn, base: Readings, indicator: str, period: Period,
              value: st.SearchStrategy[float]) -> Readings:
    """``base`` with the reading of the first period it lacks (or replaces) set to a value
    drawn from ``value``."""
    span = draw(st.sampled_from(periods_in(period)))
    kept = [r for r in base if r.period != span]
    return Readings([*kept, Reading(indicator, span, draw(value))])


@satisfying.register
def _(rule: ExpectedRange, **context: Any) -> st.SearchStrategy[Any]:
    return readings_series(rule.indicator, rule.period, _within(rule))


@violating.register
def _(rule: ExpectedRange, **context: Any) -> st.SearchStrategy[Any]:
    return readings_series(rule.indicator, rule.period, _within(rule)).flatmap(
        lambda base: _with_one(base, rule.indicator, rule.period, _outside(rule)))


@satisfying.register
def _(rule: Target, **context: Any) -> st.SearchStrategy[Any]:
    return readings_series(rule.indicator, rule.period, _meeting(rule))


@violating.register
def _(rule: Target, **context: Any) -> st.SearchStrategy[Any]:
    return readings_series(rule.indicator, rule.period, _meeting(rule)).flatmap(
        lambda base: _with_one(base, rule.indicator, rule.period, _missing(rule)))


def _observations(indicator: str, period: Period, value: st.SearchStrategy[float],
                  polarity: st.SearchStrategy[Polarity]) -> st.SearchStrategy[Observation]:
    return st.builds(
        lambda kind, judged, number, span: Observation(
            Indicator(indicator, indicator.replace("_", " ").capitalize(), kind, judged),
            span, number, Unavailable(indicator, span, "no reading"),
            Unavailable(indicator, span, "no reading")),
        st.sampled_from(Kind), polarity, value, st.sampled_from(periods_in(period)))


@satisfying.register
def _(rule: ExpectedRangeRule, **context: Any) -> st.SearchStrategy[Any]:
    expected = rule.expected
    return _observations(expected.indicator, expected.period, _within(expected),
                         st.sampled_from(Polarity))


@violating.register
def _(rule: ExpectedRangeRule, **context: Any) -> st.SearchStrategy[Any]:
    expected = rule.expected
    return _observations(expected.indicator, expected.period, _outside(expected),
                         st.sampled_from(Polarity))


@satisfying.register
def _(rule: TargetRule, **context: Any) -> st.SearchStrategy[Any]:
    target = rule.target
    return _observations(target.indicator, target.period, _meeting(target),
                         st.sampled_from(Polarity))


@violating.register
def _(rule: TargetRule, **context: Any) -> st.SearchStrategy[Any]:
    target = rule.target
    return _observations(target.indicator, target.period, _missing(target),
                         st.sampled_from(Polarity))


@satisfying.register
def _(rule: ObligationSet, **context: Any) -> st.SearchStrategy[Any]:
    return obligation_strategies.compliant_logs(rule, **_judged_with(context))


@violating.register
def _(rule: ObligationSet, **context: Any) -> st.SearchStrategy[Any]:
    return obligation_strategies.breaching_logs(rule, **_judged_with(context))


def _judged_with(context: dict[str, Any]) -> dict[str, Any]:
    return {"period": FinancialYear(2022), **context}


@satisfying.register
def _(rule: CompareWith, **context: Any) -> st.SearchStrategy[Any]:
    return series.compared(rule, worse=False)


@violating.register
def _(rule: CompareWith, **context: Any) -> st.SearchStrategy[Any]:
    return series.compared(rule, worse=True)


@satisfying.register
def _(rule: Limits, **context: Any) -> st.SearchStrategy[Any]:
    return series.ordinary(rule, context.get("length", st.integers(2, 30)))


@violating.register
def _(rule: Limits, **context: Any) -> st.SearchStrategy[Any]:
    return series.special(rule, context.get("length", st.integers(2, 30)))


@satisfying.register
def _(rule: TravelRule, **context: Any) -> st.SearchStrategy[Any]:
    return series.travelled(rule, worse=False)


@violating.register
def _(rule: TravelRule, **context: Any) -> st.SearchStrategy[Any]:
    return series.travelled(rule, worse=True)
