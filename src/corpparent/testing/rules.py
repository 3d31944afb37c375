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
``TravelRule``              an observation that did not worsen     one that worsened by more
                                                                   than the tolerance
``CompareWith``             a reading in line with the comparator  one worse than it by more
                            or better                              than the tolerance
``Limits`` (process         a series of ordinary variation: no     a series with a point
limits, the SPC rules)      special cause fires                    beyond a limit, a run or
                                                                   a trend
``ClassQuorum``, and a      a quorate sitting                      an inquorate sitting
``Quorum`` of one
``AttendanceThreshold``     a year's record, every judged member   one where every judged
                            at or above the minimum                member is below it
``SeatLimit``, ``MaximumSize``  a roster within the seats (every    one over them by one to
(composition)               seat filled where they are exact)      three members
``SixMonthRule``            a year of monthly meetings, every      one in which a judged
(LGA 1972 s.85)             judged member at the last one          member attends none
``MeetingFrequency``        a year's meetings that keep to it      a year with too few
``ObligationSet``           a submissions log meeting every        a log with a breach once
                            occurrence of the 2022-23 year         judged after the last
                                                                   deadline
=========================  ====================================  ==========================

Importing this module needs hypothesis (``pip install 'corpparent[test]'``);
``import corpparent`` never imports it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import singledispatch
from typing import Any

from hypothesis import strategies as st

from corpparent.comparators import CompareWith
from corpparent.governance._fractions import ceil_of
from corpparent.governance._roster import SEATED
from corpparent.governance.attendance import AttendanceThreshold, SixMonthRule
from corpparent.governance.composition import MaximumSize, SeatLimit
from corpparent.governance.constitution import Constitution, Seats
from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.meetings import Meeting, Meetings
from corpparent.governance.membership import Member, MemberClass, Membership, Roster
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import ClassQuorum, Quorum
from corpparent.governance.years import YearKind
from corpparent.indicator_rules import ExpectedRangeRule, Observation, TargetRule, TravelRule
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading, Readings
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import FinancialYear, Period
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.spc.limits import Limits
from corpparent.testing import (
    governance_strategies as governance,
    obligations as obligation_strategies,
    series,
)
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


@satisfying.register
def _(rule: TravelRule, **context: Any) -> st.SearchStrategy[Any]:
    return series.travelled(rule, worse=False)


@violating.register
def _(rule: TravelRule, **context: Any) -> st.SearchStrategy[Any]:
    return series.travelled(rule, worse=True)


def _judged(rule: AttendanceThreshold, member: Member) -> bool:
    return not rule.member_classes or member.member_class in rule.member_classes


def _seated(rule: AttendanceThreshold, context: dict[str, Any]) -> Constitution | None:
    """The constitution given, else one seating two members of each class ``rule``
    judges (or, judging every class, the default three core councillors)."""
    given = context.get("constitution")
    if given is not None or not rule.member_classes:
        return given
    return Constitution("the panel", seats=[Seats(kind, 2) for kind in rule.member_classes])


@satisfying.register
def _(rule: AttendanceThreshold, **context: Any) -> st.SearchStrategy[Any]:
    def enough(member: Member, held: int) -> st.SearchStrategy[int]:
        return st.integers(ceil_of(rule.minimum, held) if _judged(rule, member) else 0, held)

    return panel_records(_seated(rule, context), attended=enough)


@violating.register
def _(rule: AttendanceThreshold, **context: Any) -> st.SearchStrategy[Any]:
    """Every judged member attends fewer meetings than the rule asks of them (a
    constitution given must seat a class the rule judges)."""
    def too_few(member: Member, held: int) -> st.SearchStrategy[int]:
        if not _judged(rule, member):
            return st.integers(0, held)
        return st.integers(0, ceil_of(rule.minimum, held) - 1)

    return panel_records(_seated(rule, context), attended=too_few)


@satisfying.register
def _(rule: CompareWith, **context: Any) -> st.SearchStrategy[Any]:
    return series.compared(rule, worse=False)


@violating.register
def _(rule: CompareWith, **context: Any) -> st.SearchStrategy[Any]:
    return series.compared(rule, worse=True)


@satisfying.register
def _(rule: Quorum, **context: Any) -> st.SearchStrategy[Any]:
    return satisfying(rule.requirement, **context)


@violating.register
def _(rule: Quorum, **context: Any) -> st.SearchStrategy[Any]:
    return violating(rule.requirement, **context)


@satisfying.register
def _(rule: Limits, **context: Any) -> st.SearchStrategy[Any]:
    return series.ordinary(rule, context.get("length", st.integers(2, 30)))


@violating.register
def _(rule: Limits, **context: Any) -> st.SearchStrategy[Any]:
    return series.special(rule, context.get("length", st.integers(2, 30)))


@st.composite
def _monthly_year(draw: st.DrawFn, rule: SixMonthRule, *, absent: bool) -> PanelRecord:
    """A financial year of monthly meetings of the members a constitution of the rule's
    classes seats, read at the year's end: everyone at the last meeting, on the year's
    last day, or (``absent``) one judged member at none."""
    year = FinancialYear(draw(st.integers(2015, 2030)))
    kinds = list(rule.member_classes)
    constitution = Constitution("the panel", seats=[Seats(kind, 2) for kind in kinds])
    members = members_for(constitution)
    judged = [m for m in members if m.member_class in rule.member_classes]
    missing = draw(st.sampled_from(judged)).name if absent else None
    days = [year.start + timedelta(days=30 * n) for n in range(12)] + [year.end]
    meetings = []
    for day in sorted(set(days)):
        present = [m.name for m in members if m.name != missing
                   and (day == year.end or draw(st.booleans()))]
        meetings.append(Meeting(day, present=tuple(present)))
    return PanelRecord("the panel", Membership(members), Meetings(meetings), year.start,
                       year.end, year.end)


@satisfying.register
def _(rule: SixMonthRule, **context: Any) -> st.SearchStrategy[Any]:
    """Every judged member attends the last meeting, on the record's last day (a rule
    whose notice runs to six months or more warns whatever the record)."""
    return _monthly_year(rule, absent=False)


@violating.register
def _(rule: SixMonthRule, **context: Any) -> st.SearchStrategy[Any]:
    return _monthly_year(rule, absent=True)


def _roster(counts: dict[MemberClass, int]) -> Roster:
    """A roster on 31 March 2023 with ``counts`` members of each class."""
    return Roster(date(2023, 3, 31), tuple(
        Member(f"{kind.value.title()} {n + 1}", kind)
        for kind, count in counts.items() for n in range(count)))


def _others(draw: st.DrawFn, besides: tuple[MemberClass, ...]) -> dict[MemberClass, int]:
    kinds = [k for k in MemberClass if k not in besides]
    return {kind: draw(st.integers(0, 3)) for kind in draw(st.lists(
        st.sampled_from(kinds), unique=True, max_size=2))} if kinds else {}


@st.composite
def _within_seats(draw: st.DrawFn, rule: SeatLimit, *, over: bool) -> Roster:
    if over:
        filled = rule.seats + draw(st.integers(1, 3))
    else:
        filled = rule.seats if rule.exact else draw(st.integers(0, rule.seats))
    return _roster({rule.member_class: filled, **_others(draw, (rule.member_class,))})


@st.composite
def _sized(draw: st.DrawFn, rule: MaximumSize, *, over: bool) -> Roster:
    classes = rule.member_classes or SEATED
    size = rule.limit + draw(st.integers(1, 3)) if over else draw(st.integers(0, rule.limit))
    counts = dict.fromkeys(classes, 0)
    for _ in range(size):
        counts[draw(st.sampled_from(list(classes)))] += 1
    return _roster({**counts, **_others(draw, tuple(classes))})


@satisfying.register
def _(rule: SeatLimit, **context: Any) -> st.SearchStrategy[Any]:
    return _within_seats(rule, over=False)


@violating.register
def _(rule: SeatLimit, **context: Any) -> st.SearchStrategy[Any]:
    return _within_seats(rule, over=True)


@satisfying.register
def _(rule: MaximumSize, **context: Any) -> st.SearchStrategy[Any]:
    return _sized(rule, over=False)


@violating.register
def _(rule: MaximumSize, **context: Any) -> st.SearchStrategy[Any]:
    return _sized(rule, over=True)
