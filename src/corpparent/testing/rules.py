"""Hypothesis strategies for every rule family, with inputs that satisfy or violate a rule.

A council tool that embeds corpparent tests its own code against corpparent's rules with
these. Each value strategy draws values the library itself accepts (its constructors and
validation run on every draw); :func:`satisfying` and :func:`violating` take a rule and
give a strategy of inputs the rule passes, or rejects::

    from hypothesis import given
    from corpparent import ExpectedRange, FinancialYear
    from corpparent.testing.rules import satisfying, violating

    STABILITY = ExpectedRange("long_term_stability", 75, 82, FinancialYear(2022))

    @given(violating(STABILITY))
    def test_my_dashboard_flags_it(readings): ...

=========================  ====================================  ==========================
rule                        satisfying(rule) draws                 violating(rule) draws
=========================  ====================================  ==========================
``ExpectedRange``           readings, every number within (the     readings with a number
                            bounds included), some missing or      outside the range
                            suppressed
``Target``                  readings, every number meeting it      readings with one missing it
``ExpectedRangeRule``       an observation it finds met            one it finds not met
``TargetRule``              an observation it finds met            one it finds breached
``ClassQuorum``             a quorate sitting                      an inquorate sitting
``MeetingFrequency``        a year's meetings that keep to it      a year with too few
``ObligationSet``           a submissions log meeting every        a log with a breach once
                            occurrence of the 2022-23 year         judged after the last
                                                                   deadline
=========================  ====================================  ==========================

Importing this module needs hypothesis (``pip install 'corpparent[test]'``);
``import corpparent`` never imports it.
"""

from __future__ import annotations

from datetime import date
from functools import singledispatch
from typing import Any

from hypothesis import strategies as st

from corpparent.comparators import Authority, Comparator, ComparatorKind, ComparatorSet
from corpparent.governance.constitution import Constitution
from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.quorum import ClassQuorum, Quorum
from corpparent.governance.years import YearKind
from corpparent.indicator_rules import ExpectedRangeRule, Observation, TargetRule
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import FinancialQuarter, FinancialYear, Period
from corpparent.profile import AuthorityProfile
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.testing import (
    governance_strategies as governance,
    obligations as obligation_strategies,
)
from corpparent.testing.strategies import finite_values, indicators, years

__all__ = [
    "comparator_sets",
    "constitutions",
    "expected_ranges",
    "indicator_sets",
    "indicators",
    "meeting_calendars",
    "profiles",
    "readings_series",
    "satisfying",
    "submissions_logs",
    "targets",
    "violating",
]

_IDENTIFIERS = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
_NAMES = st.text(st.characters(codec="ascii", categories=("L", "N", "Zs")), min_size=1,
                 max_size=24).filter(lambda text: bool(text.strip()))
_SUPPRESSED = ("c", "x", "z")


def _periods_in(period: Period) -> tuple[Period, ...]:
    """``period`` and, for a financial year, its quarters."""
    if isinstance(period, FinancialYear):
        return (period, *(FinancialQuarter(period.year, q) for q in range(1, 5)))
    return (period,)


@st.composite
def expected_ranges(draw: st.DrawFn, indicator: str = "indicator",
                    period: Period | None = None) -> ExpectedRange:
    """A range for ``indicator``, lower <= upper, set for a financial year."""
    a, b = draw(finite_values), draw(finite_values)
    chosen = period if period is not None else FinancialYear(draw(years))
    return ExpectedRange(indicator, min(a, b), max(a, b), chosen)


@st.composite
def targets(draw: st.DrawFn, indicator: str = "indicator",
            period: Period | None = None) -> Target:
    """A target, at least or at most a value, for ``indicator`` in a financial year."""
    chosen = period if period is not None else FinancialYear(draw(years))
    return Target(indicator, draw(finite_values), draw(st.sampled_from(TargetDirection)),
                  chosen, ambition=draw(st.booleans()))


@st.composite
def readings_series(draw: st.DrawFn, indicator: str = "indicator",
                    period: Period | None = None,
                    values: st.SearchStrategy[float] = finite_values,
                    gaps: bool = True) -> Readings:
    """Readings of ``indicator`` in ``period`` and its quarters (a financial year when not
    given), each a number from ``values`` or, when ``gaps``, missing or suppressed."""
    chosen = period if period is not None else FinancialYear(draw(years))
    spans = draw(st.lists(st.sampled_from(_periods_in(chosen)), unique=True, min_size=1))
    made = []
    for span in spans:
        what = draw(st.sampled_from(("number", "missing", "suppressed")) if gaps
                    else st.just("number"))
        if what == "number":
            made.append(Reading(indicator, span, draw(values)))
        elif what == "missing":
            made.append(Reading(indicator, span, None))
        else:
            made.append(Reading(indicator, span, None, symbol=draw(st.sampled_from(_SUPPRESSED))))
    return Readings(made)


@st.composite
def indicator_sets(draw: st.DrawFn, max_size: int = 5) -> IndicatorSet:
    """Indicators of distinct ids, each kind possible, with ranges and targets for some."""
    drawn = draw(st.lists(indicators(), min_size=1, max_size=max_size,
                          unique_by=lambda i: i.id))
    year = FinancialYear(draw(years))
    ranges = [draw(expected_ranges(i.id, year)) for i in drawn if draw(st.booleans())]
    aims = [draw(targets(i.id, year)) for i in drawn if draw(st.booleans())]
    return IndicatorSet(drawn, ranges, aims)


@st.composite
def comparator_sets(draw: st.DrawFn, indicator: str = "indicator") -> ComparatorSet:
    """An authority with up to four comparators of distinct names and kinds, values for
    ``indicator`` in a year, and up to five statistical neighbours."""
    authority = Authority(draw(_NAMES), draw(st.from_regex(r"\d{3}", fullmatch=True)))
    year = FinancialYear(draw(years))
    kinds = draw(st.lists(st.sampled_from([k for k in ComparatorKind
                                           if k is not ComparatorKind.AUTHORITY]),
                          unique=True, max_size=4))
    comparators = [Comparator(kind.value, kind, {(indicator, year): draw(finite_values)})
                   for kind in kinds]
    neighbours = draw(st.lists(_NAMES.filter(lambda n: n != authority.name), unique=True,
                               max_size=5))
    return ComparatorSet(authority, comparators, [Authority(n) for n in neighbours])


@st.composite
def constitutions(draw: st.DrawFn) -> Constitution:
    """A panel's constitution: its name and, maybe, a meeting frequency and a quorum."""
    frequency = draw(st.none() | governance.meeting_frequencies())
    quorum = draw(st.none() | governance.class_quorums().map(Quorum))
    return Constitution(f"{draw(_NAMES).strip()} Corporate Parenting Panel",
                        frequency=frequency, quorum=quorum)


meeting_calendars = governance.meeting_logs
"""Any year of meeting dates (a :class:`~corpparent.governance.frequency.MeetingLog`)."""


def submissions_logs(obligations: ObligationSet, period: Period | None = None
                     ) -> st.SearchStrategy[Any]:
    """Submissions logs meeting every occurrence of ``obligations`` in ``period``."""
    return obligation_strategies.compliant_logs(
        obligations, period=period if period is not None else FinancialYear(2022))


@st.composite
def profiles(draw: st.DrawFn) -> AuthorityProfile:
    """A whole authority plug-in: identity, indicators with ranges and targets, maybe
    comparators and a constitution."""
    found = draw(indicator_sets())
    return AuthorityProfile(
        id=draw(_IDENTIFIERS), name=draw(_NAMES).strip(), indicators=found,
        dfe_code=draw(st.just("") | st.from_regex(r"\d{3}", fullmatch=True)),
        comparators=draw(st.none() | comparator_sets(found.ids[0])),
        constitution=draw(st.none() | constitutions()),
    )


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
    span = draw(st.sampled_from(_periods_in(period)))
    kept = [r for r in base if r.period != span]
    return Readings([*kept, Reading(indicator, span, draw(value))])


@singledispatch
def satisfying(rule: object, **context: Any) -> st.SearchStrategy[Any]:
    """A strategy of inputs ``rule`` passes (see the table of this module).

    ``context`` is what some rules are judged with: for an ``ObligationSet``, the
    ``period`` (default the 2022-23 financial year), ``meetings`` and ``events`` its
    triggers need.
    """
    raise TypeError(f"no strategy satisfies a {type(rule).__name__}")


@singledispatch
def violating(rule: object, **context: Any) -> st.SearchStrategy[Any]:
    """A strategy of inputs ``rule`` rejects (see the table of this module); ``context``
    as for :func:`satisfying`."""
    raise TypeError(f"no strategy violates a {type(rule).__name__}")


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
        st.sampled_from(Kind), polarity, value, st.sampled_from(_periods_in(period)))


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
def _(rule: ClassQuorum, **context: Any) -> st.SearchStrategy[Any]:
    return governance.quorate_sittings(rule)


@violating.register
def _(rule: ClassQuorum, **context: Any) -> st.SearchStrategy[Any]:
    return governance.inquorate_sittings(rule)


@satisfying.register
def _(rule: MeetingFrequency, **context: Any) -> st.SearchStrategy[Any]:
    return governance.compliant_meeting_logs(rule, start=_year_start(rule))


@violating.register
def _(rule: MeetingFrequency, **context: Any) -> st.SearchStrategy[Any]:
    return governance.noncompliant_meeting_logs(rule, start=_year_start(rule))


def _year_start(rule: MeetingFrequency) -> date:
    """The first day of the 2022 year of the kind ``rule`` counts in."""
    return {YearKind.MUNICIPAL: date(2022, 5, 1),
            YearKind.CALENDAR: date(2022, 1, 1)}.get(rule.year, date(2022, 4, 1))


@satisfying.register
def _(rule: ObligationSet, **context: Any) -> st.SearchStrategy[Any]:
    return obligation_strategies.compliant_logs(rule, **_judged_with(context))


@violating.register
def _(rule: ObligationSet, **context: Any) -> st.SearchStrategy[Any]:
    return obligation_strategies.breaching_logs(rule, **_judged_with(context))


def _judged_with(context: dict[str, Any]) -> dict[str, Any]:
    return {"period": FinancialYear(2022), **context}
