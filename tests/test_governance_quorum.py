"""Quorum rules, against Wiltshire's terms of reference and as properties.

Wiltshire: "The quorum of the Corporate Parenting Panel will be 75% (6) Councillors, 70%
(7) Associate Members in attendance. Where the meeting is not quorate, the Chairperson
will adjourn the meeting" (001 §4), with "up to 8 Core Members" and ten Associate
Members (001 §3).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DefinitionError
from corpparent.findings import Status
from corpparent.governance.meetings import Meeting, Sitting, Substitution
from corpparent.governance.membership import Member, MemberClass, Roster
from corpparent.governance.quorum import (
    Basis,
    ClassQuorum,
    MinimumPresent,
    Quorum,
    QuorumOutcome,
)
from corpparent.testing.governance_strategies import (
    class_quorums,
    inquorate_sittings,
    quorate_sittings,
    sittings,
)

DAY = date(2022, 9, 27)
COUNCILLORS = [Member(f"Councillor {i}", MemberClass.CORE_COUNCILLOR) for i in range(1, 9)]
ASSOCIATES = [Member(f"Associate {i}", MemberClass.ASSOCIATE) for i in range(1, 11)]
ROSTER = Roster(DAY, (*COUNCILLORS, *ASSOCIATES))
WILTSHIRE = Quorum(
    ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8, stated=6)
    & ClassQuorum(MemberClass.ASSOCIATE, "70%", seats=10, stated=7),
    consequence="the Chairperson will adjourn the meeting",
)


def sitting(councillors: int, associates: int, substitutes: int = 0) -> Sitting:
    present = [m.name for m in COUNCILLORS[:councillors]]
    present += [m.name for m in ASSOCIATES[:associates]]
    absent = COUNCILLORS[councillors:]
    subs = [Substitution(f"Substitute {i}", m.name) for i, m in enumerate(absent[:substitutes])]
    return Sitting(Meeting(DAY, present=present, substitutions=subs), ROSTER)


def test_wiltshire_six_councillors_and_seven_associates_is_quorate() -> None:
    # 001 §4: 75% of 8 councillors is 6, 70% of 10 associate members is 7.
    finding = WILTSHIRE.evaluate(sitting(6, 7))
    assert finding.status is Status.MET
    assert "6 of 8 councillors present; 75% of 8 requires 6: quorate" in finding.explanation
    assert "7 of 10 associate members present; 70% of 10 requires 7: quorate" in (
        finding.explanation)


def test_wiltshire_five_councillors_is_not_quorate_and_the_chair_adjourns() -> None:
    finding = WILTSHIRE.evaluate(sitting(5, 7))
    assert finding.status is Status.BREACHED
    assert "5 of 8 councillors present; 75% of 8 requires 6: not quorate" in finding.explanation
    assert finding.explanation.endswith("the Chairperson will adjourn the meeting.")
    assert finding.outcome is QuorumOutcome.NOT_QUORATE


def test_wiltshire_a_substitute_for_an_absent_councillor_counts() -> None:
    # 001 §3: "If any of the core members are unable to attend a meeting they will send
    # a substitute representative."
    finding = WILTSHIRE.evaluate(sitting(5, 7, substitutes=1))
    assert finding.status is Status.MET
    assert "6 of 8 councillors present (1 by substitute)" in finding.explanation


def test_wiltshire_six_councillors_with_six_associates_is_not_quorate() -> None:
    finding = WILTSHIRE.evaluate(sitting(6, 6))
    assert finding.status is Status.BREACHED
    assert "6 of 10 associate members present; 70% of 10 requires 7: not quorate" in (
        finding.explanation)


def test_a_substitute_counts_once_and_not_for_a_member_who_came() -> None:
    subs = [
        Substitution("Sub A", COUNCILLORS[5].name),
        Substitution("Sub B", COUNCILLORS[5].name),  # a second substitute for the same member
        Substitution("Sub C", COUNCILLORS[0].name),  # for a member who attended anyway
    ]
    present = [m.name for m in COUNCILLORS[:5]]
    count = Sitting(Meeting(DAY, present=present, substitutions=subs), ROSTER).count(
        MemberClass.CORE_COUNCILLOR)
    assert (count.present, count.by_substitute) == (6, (COUNCILLORS[5].name,))


def test_attendance_not_recorded_is_insufficient_data() -> None:
    # 002 §10 gives Wiltshire's 2022-23 meeting dates but not who attended.
    finding = WILTSHIRE.evaluate(Sitting(Meeting(DAY), ROSTER))
    assert finding.status is Status.INSUFFICIENT_DATA


def test_seventy_percent_of_ten_is_seven_exactly_not_eight() -> None:
    # 0.7 * 10 is 7.000000000000001 in floating point; the rule must not round it up to 8.
    assert ClassQuorum(MemberClass.ASSOCIATE, 0.7, seats=10).required(10) == 7


def test_a_stated_number_that_disagrees_with_the_arithmetic_is_rejected() -> None:
    with pytest.raises(DefinitionError, match="rounded up is 6, but the constitution states 5"):
        ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8, stated=5)


def test_a_floor_above_the_seats_can_never_be_met() -> None:
    with pytest.raises(DefinitionError, match="can never be met"):
        ClassQuorum(MemberClass.CORE_COUNCILLOR, "50%", seats=4, floor=5)


@pytest.mark.parametrize("bad", ["0%", "101%", "abc", -0.5])
def test_a_fraction_outside_zero_to_one_is_rejected(bad: object) -> None:
    with pytest.raises(DefinitionError):
        ClassQuorum(MemberClass.CORE_COUNCILLOR, bad, seats=8)  # type: ignore[arg-type]


def test_filled_seats_basis_counts_against_members_serving() -> None:
    roster = Roster(DAY, COUNCILLORS[:7])  # one vacancy
    rule = ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", basis=Basis.FILLED)
    present = [m.name for m in COUNCILLORS[:6]]
    finding = rule.evaluate(Sitting(Meeting(DAY, present=present), roster))
    assert finding.status is Status.MET
    assert "6 of 7 councillors present; 75% of 7 filled seats requires 6" in finding.explanation


def test_parish_style_fraction_with_a_floor() -> None:
    # national-rules.md §1.1 G6: one third of members, never fewer than 3.
    rule = ClassQuorum(MemberClass.CORE_COUNCILLOR, "1/3", seats=6, floor=3)
    assert rule.required(6) == 3
    assert ClassQuorum(MemberClass.CORE_COUNCILLOR, "1/3", seats=12, floor=3).required(12) == 4


def test_minimum_present_and_any_of() -> None:
    either = MinimumPresent(10) | ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8)
    assert either.evaluate(sitting(6, 0)).status is Status.MET  # the fraction holds
    assert either.evaluate(sitting(2, 8)).status is Status.MET  # ten members present
    assert either.evaluate(sitting(2, 7)).status is Status.BREACHED


# Properties ---------------------------------------------------------------------------

@given(sittings(), st.data())
def test_adding_an_attendee_never_makes_a_quorate_meeting_inquorate(
    base: Sitting, data: st.DataObject
) -> None:
    absent = [m for m in base.roster.members if not base.meeting.attended(m.name)]
    if not absent:
        return
    extra = data.draw(st.sampled_from(absent))
    more = Sitting(
        Meeting(DAY, present=(*(base.meeting.present or ()), extra.name),
                substitutions=base.meeting.substitutions),
        base.roster,
    )
    if WILTSHIRE.evaluate(base).status is Status.MET:
        assert WILTSHIRE.evaluate(more).status is Status.MET
    before = base.count(extra.member_class).present
    assert more.count(extra.member_class).present >= before


@given(class_quorums(), st.data())
def test_the_threshold_is_exact_at_its_boundary(rule: ClassQuorum, data: st.DataObject) -> None:
    assert rule.seats is not None
    required = rule.required(rule.seats)
    # Enough, and no more than needed: the least whole number of members reaching the
    # fraction, unless the floor is higher.
    assert Fraction(required) >= rule.fraction * rule.seats
    assert required == rule.floor or Fraction(required - 1) < rule.fraction * rule.seats
    if required <= rule.seats:
        met = data.draw(quorate_sittings(rule))
        assert rule.evaluate(met).status is Status.MET
    if required >= 1:
        unmet = data.draw(inquorate_sittings(rule))
        assert rule.evaluate(unmet).status is Status.BREACHED


@given(class_quorums())
def test_one_fewer_than_required_is_inquorate_and_exactly_required_is_quorate(
    rule: ClassQuorum,
) -> None:
    assert rule.seats is not None
    required = rule.required(rule.seats)
    members = [Member(f"M{i}", rule.member_class) for i in range(rule.seats)]
    roster = Roster(DAY, members)

    def at(present: int) -> Status:
        names = [m.name for m in members[:present]]
        return rule.evaluate(Sitting(Meeting(DAY, present=names), roster)).status

    if required <= rule.seats:
        assert at(required) is Status.MET
    if 1 <= required <= rule.seats + 1:
        assert at(required - 1) is Status.BREACHED
