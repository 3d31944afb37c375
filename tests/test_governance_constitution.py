"""Constitutions as data, and reviewing a panel's record against one."""

from __future__ import annotations

from datetime import date
from enum import Enum
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from corpparent.findings import AllOf, Finding, Status
from corpparent.governance.attendance import AttendanceThreshold
from corpparent.governance.constitution import Constitution, Seats
from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.membership import MemberClass
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import ClassQuorum, Quorum
from corpparent.governance.requirements import Requirement
from corpparent.governance.years import YearKind
from corpparent.periods import MunicipalYear

DATA = Path(__file__).parent / "data" / "governance"

WILTSHIRE = Constitution(
    panel="Wiltshire Corporate Parenting Panel",
    seats=(Seats(MemberClass.CORE_COUNCILLOR, 8),  # 001 §3 "up to 8 Core Members"
           Seats(MemberClass.ASSOCIATE, 10, roles=("Corporate Director",))),
    priority_leads_from=MemberClass.CORE_COUNCILLOR,  # 001 §3
    substitutes_for=MemberClass.CORE_COUNCILLOR,  # 001 §3
    requirements=(Requirement("Enhanced DBS check"),),  # 002 §145
    quorum=Quorum(  # 001 §4
        ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8, stated=6)
        & ClassQuorum(MemberClass.ASSOCIATE, "70%", seats=10, stated=7),
        consequence="the Chairperson will adjourn the meeting",
    ),
    frequency=MeetingFrequency(every_months=2, tolerance_days=14, minimum_per_year=5),  # §5
)

STAFFORDSHIRE = Constitution(
    panel="Staffordshire Corporate Parenting Panel",
    seats=(Seats(MemberClass.CORE_COUNCILLOR, 15, exact=True),),
    max_members=20,
    chair_role="Cabinet Member for Children and Young People",
    requirements=(Requirement("Level 1 Child Protection Training"),),  # 004 §14
    frequency=MeetingFrequency(every_months=1, tolerance_days=7, year=YearKind.MUNICIPAL),
    attendance=AttendanceThreshold("50%", member_classes=(MemberClass.CORE_COUNCILLOR,)),
)

PLAIN = (str, int, bool, date, Fraction, Enum, type(None))


def plain_values(value: object, path: str = "constitution") -> list[str]:
    """Paths of any value in the object graph that is not plain data."""
    if isinstance(value, PLAIN):
        return []
    if isinstance(value, tuple):
        return [p for i, v in enumerate(value) for p in plain_values(v, f"{path}[{i}]")]
    if attrs.has(type(value)):
        return [p for f in attrs.fields(type(value))
                for p in plain_values(getattr(value, f.name), f"{path}.{f.name}")]
    return [f"{path}: {type(value).__name__}"]


@pytest.mark.parametrize("constitution", [WILTSHIRE, STAFFORDSHIRE], ids=lambda c: c.panel)
def test_a_constitution_holds_only_plain_data(constitution: Constitution) -> None:
    assert plain_values(constitution) == []
    assert hash(constitution) == hash(attrs.evolve(constitution))
    assert attrs.evolve(constitution) == constitution


def test_wiltshire_quorum_is_two_class_rules_joined() -> None:
    assert WILTSHIRE.quorum is not None
    assert isinstance(WILTSHIRE.quorum.requirement, AllOf)


def test_reviewing_staffordshire_2019_20() -> None:
    record = PanelRecord.for_period(
        "Staffordshire Corporate Parenting Panel",
        read_membership(DATA / "staffordshire_2019-20_membership.json"),
        read_meetings(DATA / "staffordshire_2019-20_meetings.csv"),
        MunicipalYear(2019),
    )
    findings = STAFFORDSHIRE.review(record)
    def of(family: RuleFamily) -> list[Finding]:
        return [f for f in findings if f.family is family]

    # Seats filled (15 councillors), no more than 20 members (15 + 7 = 22), and the chair
    # the Cabinet Member, in the order the constitution lists its composition rules.
    seats, size, chair = of(RuleFamily.COMPOSITION)
    assert (seats.status, size.status, chair.status) == (
        Status.MET, Status.BREACHED, Status.MET)
    assert (size.evidence["members"], size.evidence["limit"]) == (22, 20)
    [frequency] = of(RuleFamily.MEETING_FREQUENCY)
    assert frequency.status is Status.BREACHED  # 9 of 12
    assert (frequency.evidence["meetings"], frequency.evidence["required"]) == (9, 12)
    # The report publishes no training records, so 004 §14 cannot be judged either way.
    [training] = of(RuleFamily.REQUIREMENT)
    assert training.status is Status.INSUFFICIENT_DATA
    attendance = [f for f in findings if f.family is RuleFamily.ATTENDANCE]
    assert {f.subject for f in attendance if f.status is Status.WARNING} == {
        "Gill Heath", "Natasha Pullen"}  # 2/9 each, 004 §7


def test_a_period_with_its_membership_is_the_whole_review() -> None:
    membership = read_membership(DATA / "staffordshire_2019-20_membership.json")
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.csv")
    year = MunicipalYear(2019)
    record = PanelRecord.for_period(STAFFORDSHIRE.panel, membership, meetings, year,
                                    as_of=year.end)
    assert STAFFORDSHIRE.review_period(meetings, membership, year, year.end) == (
        STAFFORDSHIRE.review(record))


def test_a_period_without_its_membership_judges_frequency_and_says_what_it_could_not() -> None:
    """Quorum, attendance and composition depend on who sat on the panel; meeting
    frequency only on the dates. 004 §13: "The Panel met 9 times during the period"."""
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.csv")
    year = MunicipalYear(2019)
    findings = STAFFORDSHIRE.review_period(meetings, None, year, year.end)
    *frequency, unjudged = findings
    assert {f.family for f in frequency} <= {
        RuleFamily.MEETING_FREQUENCY, RuleFamily.MEETING_GAP, RuleFamily.NEXT_MEETING}
    assert next(f for f in frequency if f.family is RuleFamily.MEETING_FREQUENCY).status is (
        Status.BREACHED)  # 9 of 12 monthly meetings
    assert unjudged.family is RuleFamily.GOVERNANCE
    assert unjudged.status is Status.INSUFFICIENT_DATA
    assert unjudged.outcome is NotJudged.INSUFFICIENT_DATA
    assert unjudged.subject == STAFFORDSHIRE.panel
    assert unjudged.evidence["meetings"] == len(meetings.between(year.start, year.end))
    assert unjudged.period == year


def test_without_a_frequency_only_the_unjudged_finding_remains() -> None:
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.csv")
    year = MunicipalYear(2019)
    bare = attrs.evolve(STAFFORDSHIRE, frequency=None)
    (only,) = bare.review_period(meetings, None, year, date(2019, 12, 31))
    assert only.evidence["meetings"] == len(meetings.between(year.start, date(2019, 12, 31)))


def test_seats_validation() -> None:
    with pytest.raises(DefinitionError, match="given twice"):
        Constitution("P", seats=(Seats(MemberClass.ASSOCIATE, 2),
                                 Seats(MemberClass.ASSOCIATE, 3)))
    with pytest.raises(DefinitionError, match="3 roles named for 2 seats"):
        Seats(MemberClass.ASSOCIATE, 2, roles=("a", "b", "c"))
