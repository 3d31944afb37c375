"""Hypothesis strategies of corpparent's values, each draw accepted by corpparent's own
constructors and validation: readings series with missing and suppressed values, ranges,
targets, indicator sets, comparator sets, constitutions, a panel's year of meetings and
attendance, meeting calendars, submissions logs and whole plug-ins.

[`corpparent.testing.rules`][corpparent.testing.rules] re-exports them beside ``satisfying`` and
``violating``. Importing this module needs hypothesis; ``import corpparent`` never imports it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from corpparent.comparators import Authority, Comparator, ComparatorKind, ComparatorSet
from corpparent.governance.constitution import Constitution, Seats
from corpparent.governance.meetings import Meeting, Meetings
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import ClassQuorum, Quorum
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import FinancialQuarter, FinancialYear, Period
from corpparent.profile import AuthorityProfile
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.spc.limits import Limits
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
    "members_for",
    "panel_records",
    "periods_in",
    "profiles",
    "readings_series",
    "spc_limits",
    "submissions_logs",
    "targets",
]

_IDENTIFIERS = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
_NAMES = st.text(st.characters(codec="ascii", categories=("L", "N", "Zs")), min_size=1,
                 max_size=24).filter(lambda text: bool(text.strip()))
_SUPPRESSED = ("c", "x", "z")


def periods_in(period: Period) -> tuple[Period, ...]:
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
    spans = draw(st.lists(st.sampled_from(periods_in(chosen)), unique=True, min_size=1))
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


_CLASSES = (MemberClass.CORE_COUNCILLOR, MemberClass.CO_OPTED, MemberClass.ASSOCIATE)


@st.composite
def constitutions(draw: st.DrawFn) -> Constitution:
    """A panel's constitution: its name, seats for up to three classes of member and,
    maybe, a meeting frequency and a quorum."""
    seats = draw(st.lists(st.tuples(st.sampled_from(_CLASSES), st.integers(1, 8)),
                          unique_by=lambda seat: seat[0], max_size=3))
    frequency = draw(st.none() | governance.meeting_frequencies())
    quorum = draw(st.none() | governance.class_quorums().map(Quorum))
    if quorum is not None and isinstance(quorum.requirement, ClassQuorum):
        # A constitution refuses a quorum its seats could never meet: the quorum's class
        # has at least as many seats as its floor.
        rule = quorum.requirement
        seats = [(kind, max(count, rule.floor) if kind is rule.member_class else count)
                 for kind, count in seats]
    return Constitution(f"{draw(_NAMES).strip()} Corporate Parenting Panel",
                        seats=[Seats(kind, count) for kind, count in seats],
                        frequency=frequency, quorum=quorum)


def members_for(constitution: Constitution | None, extra: int = 0) -> tuple[Member, ...]:
    """A member for every seat ``constitution`` declares (three core councillors when it
    declares none), and ``extra`` more core councillors, all serving throughout."""
    seats = constitution.seats if constitution is not None and constitution.seats else (
        Seats(MemberClass.CORE_COUNCILLOR, 3),)
    made = [Member(f"{seat.member_class.value.title()} {i + 1}", seat.member_class)
            for seat in seats for i in range(seat.count)]
    made.extend(Member(f"Councillor {i + 1}", MemberClass.CORE_COUNCILLOR)
                for i in range(extra))
    return tuple(made)


@st.composite
def panel_records(draw: st.DrawFn, constitution: Constitution | None = None,
                  period: Period | None = None,
                  attended: Any = None) -> PanelRecord:
    """A year of the panel's formal meetings (one to eight, on distinct days) with
    attendance, its members those ``constitution``'s seats call for (see
    [`members_for`][corpparent.testing.values.members_for]), read at the year's end. ``attended``
    picks, for a member and the number of meetings, how many they attend (default: any number)."""
    span = period if period is not None else FinancialYear(2022)
    days = (span.end - span.start).days
    dates = sorted(span.start + timedelta(days=d) for d in draw(
        st.lists(st.integers(0, days), min_size=1, max_size=8, unique=True)))
    members = members_for(constitution)
    present: dict[date, list[str]] = {day: [] for day in dates}
    for member in members:
        count = draw(attended(member, len(dates)) if attended is not None
                     else st.integers(0, len(dates)))
        for day in draw(st.permutations(dates))[:count]:
            present[day].append(member.name)
    meetings = Meetings(Meeting(day, present=tuple(names)) for day, names in present.items())
    panel = constitution.panel if constitution is not None else "the panel"
    return PanelRecord(panel, Membership(members), meetings, span.start, span.end, span.end)


meeting_calendars = governance.meeting_logs
"""Any year of meeting dates (a [`MeetingLog`][corpparent.governance.frequency.MeetingLog])."""


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




@st.composite
def spc_limits(draw: st.DrawFn) -> Limits:
    """Process limits of an XmR chart: a mean, an average moving range (zero: a baseline
    that does not vary) and the baseline's length."""
    return Limits(draw(finite_values), draw(st.just(0.0) | st.floats(0.001, 1e4)),
                  draw(st.integers(2, 40)))
