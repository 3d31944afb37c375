"""Hypothesis strategies for the governance rules: sittings, meeting logs, memberships.

For each rule family there is a strategy whose examples satisfy a given rule and one
whose examples violate it, so an authority can property-test its own constitution:

    from hypothesis import given
    from corpparent.testing.governance_strategies import inquorate_sittings

    @given(inquorate_sittings(councillors_75_percent))
    def test_adjourns(sitting): ...

Importing this module needs hypothesis (``pip install corpparent[test]``); nothing else
in corpparent imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError(
        "corpparent.testing.governance_strategies needs hypothesis: "
        "pip install 'corpparent[test]'"
    ) from exc

from corpparent.governance.frequency import MeetingFrequency, MeetingLog
from corpparent.governance.meetings import Meeting, Sitting, Substitution
from corpparent.governance.membership import Member, MemberClass, Membership, Roster
from corpparent.governance.quorum import Basis, ClassQuorum
from corpparent.governance.years import add_months

__all__ = [
    "class_quorums",
    "compliant_meeting_logs",
    "inquorate_sittings",
    "meeting_frequencies",
    "meeting_logs",
    "memberships",
    "noncompliant_meeting_logs",
    "quorate_sittings",
    "sittings",
]

_DAY = date(2022, 9, 27)


def _members(member_class: MemberClass, count: int) -> tuple[Member, ...]:
    prefix = member_class.value.split()[0].title()
    return tuple(Member(f"{prefix} {i + 1}", member_class) for i in range(count))


@st.composite
def sittings(
    draw: st.DrawFn,
    seats: Sequence[tuple[MemberClass, int]] = (
        (MemberClass.CORE_COUNCILLOR, 8), (MemberClass.ASSOCIATE, 10)
    ),
    on: date = _DAY,
) -> Sitting:
    """A meeting with full seats in each class, random attendance and substitutes."""
    members = [m for member_class, count in seats for m in _members(member_class, count)]
    present = draw(st.lists(st.sampled_from(members), unique=True)) if members else []
    absent = [m for m in members if m not in present]
    replaced = draw(st.lists(st.sampled_from(absent), unique=True)) if absent else []
    meeting = Meeting(
        held_on=on,
        present=tuple(m.name for m in present),
        substitutions=tuple(Substitution(f"Substitute for {m.name}", m.name) for m in replaced),
    )
    return Sitting(meeting, Roster(on, tuple(members)))


@st.composite
def class_quorums(draw: st.DrawFn, member_class: MemberClass = MemberClass.CORE_COUNCILLOR
                  ) -> ClassQuorum:
    """A quorum of a fraction of ``member_class`` against 1 to 20 seats."""
    seats = draw(st.integers(1, 20))
    percent = draw(st.integers(1, 100))
    return ClassQuorum(member_class, f"{percent}%", seats=seats,
                       floor=draw(st.integers(0, seats)))


def _sitting_with(rule: ClassQuorum, present: int, filled: int) -> Sitting:
    members = _members(rule.member_class, filled)
    meeting = Meeting(held_on=_DAY, present=tuple(m.name for m in members[:present]))
    return Sitting(meeting, Roster(_DAY, members))


@st.composite
def quorate_sittings(draw: st.DrawFn, rule: ClassQuorum) -> Sitting:
    """Sittings that satisfy ``rule`` (its seats all filled)."""
    filled = rule.seats if rule.basis is Basis.SEATS and rule.seats else draw(st.integers(1, 20))
    required = rule.required(filled)
    if required > filled:
        raise ValueError(f"{rule.name} can never be met with {filled} seats")
    return _sitting_with(rule, draw(st.integers(required, filled)), filled)


@st.composite
def inquorate_sittings(draw: st.DrawFn, rule: ClassQuorum) -> Sitting:
    """Sittings that violate ``rule`` (its seats all filled)."""
    filled = rule.seats if rule.basis is Basis.SEATS and rule.seats else draw(st.integers(1, 20))
    required = rule.required(filled)
    if required == 0:
        raise ValueError(f"{rule.name} is met by any attendance")
    return _sitting_with(rule, draw(st.integers(0, min(required - 1, filled))), filled)


@st.composite
def meeting_frequencies(draw: st.DrawFn) -> MeetingFrequency:
    """A cadence of 1 to 3 months, a tolerance of 0 to 21 days, maybe a minimum."""
    return MeetingFrequency(
        every_months=draw(st.integers(1, 3)),
        tolerance_days=draw(st.integers(0, 21)),
        minimum_per_year=draw(st.none() | st.integers(1, 12)),
    )


@st.composite
def meeting_logs(draw: st.DrawFn, start: date = date(2022, 4, 1),
                 end: date = date(2023, 3, 31)) -> MeetingLog:
    """Any set of meeting dates within ``start``..``end``, read at its end."""
    days = (end - start).days
    offsets = draw(st.lists(st.integers(0, days), unique=True, max_size=24))
    return MeetingLog(tuple(start + timedelta(days=o) for o in offsets), start, end, end)


@st.composite
def compliant_meeting_logs(draw: st.DrawFn, rule: MeetingFrequency,
                           start: date = date(2022, 4, 1)) -> MeetingLog:
    """A year's log that meets ``rule``: a meeting at least every cadence, enough of them.

    ``start`` must be the first day of one of the rule's years.
    """
    end = add_months(start, 12) - timedelta(days=1)
    step = rule.every_months or 1
    dates = []
    day = start + timedelta(days=draw(st.integers(0, 27)))
    while day <= end:
        dates.append(day)
        day = add_months(day, step) - timedelta(days=draw(st.integers(0, 10)))
    extra = draw(st.lists(st.integers(0, (end - start).days), max_size=6))
    dates.extend(start + timedelta(days=o) for o in extra)
    while len(set(dates)) < rule.required_per_year:
        dates.append(start + timedelta(days=draw(st.integers(0, (end - start).days))))
    return MeetingLog(tuple(dates), start, end, end)


@st.composite
def noncompliant_meeting_logs(draw: st.DrawFn, rule: MeetingFrequency,
                              start: date = date(2022, 4, 1)) -> MeetingLog:
    """A year's log with fewer meetings than ``rule`` requires (so at least one breach).

    ``start`` must be the first day of one of the rule's years.
    """
    end = add_months(start, 12) - timedelta(days=1)
    offsets = draw(st.lists(st.integers(0, (end - start).days), unique=True,
                            max_size=rule.required_per_year - 1))
    return MeetingLog(tuple(start + timedelta(days=o) for o in offsets), start, end, end)


@st.composite
def memberships(draw: st.DrawFn, start: date = date(2019, 5, 1),
                end: date = date(2020, 4, 30)) -> Membership:
    """Up to 12 members of random classes, joining or leaving within the span or up to
    two months either side of it."""
    span = (end - start).days
    members = []
    for i in range(draw(st.integers(1, 12))):
        days = st.integers(-60, span + 60).map(lambda d: start + timedelta(d))
        joined = draw(st.none() | days)
        left = draw(st.none() | days)
        if joined is not None and left is not None and left < joined:
            joined, left = left, joined
        member_class = draw(st.sampled_from(
            [MemberClass.CORE_COUNCILLOR, MemberClass.CO_OPTED, MemberClass.ASSOCIATE]))
        members.append(Member(f"Member {i + 1}", member_class, joined=joined, left=left))
    return Membership(tuple(members))
