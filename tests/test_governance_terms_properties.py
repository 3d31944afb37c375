"""Properties of the terms-of-reference rules: quorum is monotonic in attendance, and a
balanced composition stays balanced when two members of one group change places."""

from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from corpparent.findings import Status
from corpparent.governance import (
    ClassQuorum,
    Meeting,
    Member,
    MemberClass,
    MinimumPresent,
    Roster,
    Sitting,
)
from corpparent.governance.balance import PoliticalBalance

DAY = date(2023, 6, 1)
GROUPS = ("Labour", "Conservative", "MICA", "Independent", "Green")


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    count = draw(st.integers(1, 12))
    members = tuple(
        Member(f"Member {i}", draw(st.sampled_from([MemberClass.CORE_COUNCILLOR,
                                                   MemberClass.CO_OPTED])),
               voting=draw(st.booleans()))
        for i in range(count))
    return Roster(DAY, members)


@given(rosters(), st.data(), st.integers(1, 12), st.booleans())
def test_quorum_is_monotonic_in_attendance(roster: Roster, data: st.DataObject,
                                           minimum: int, voting_only: bool) -> None:
    names = [m.name for m in roster.members]
    present = data.draw(st.lists(st.sampled_from(names), unique=True))
    more = data.draw(st.lists(st.sampled_from(names), unique=True))
    fewer = Sitting(Meeting(DAY, present=present), roster)
    larger = Sitting(Meeting(DAY, present=sorted({*present, *more})), roster)
    seats = len(roster.of_class(MemberClass.CORE_COUNCILLOR)) or 1
    rules = [MinimumPresent(minimum, voting_only=voting_only),
             ClassQuorum(MemberClass.CORE_COUNCILLOR, "50%", seats=seats,
                         voting_only=voting_only)]
    for rule in rules:
        if rule.evaluate(fewer).status is Status.MET:
            assert rule.evaluate(larger).status is Status.MET


@st.composite
def balanced(draw: st.DrawFn) -> tuple[PoliticalBalance, list[Member]]:
    groups = draw(st.lists(st.sampled_from(GROUPS), min_size=1, max_size=4, unique=True))
    allocation = {g: draw(st.integers(1, 5)) for g in groups}
    members = [Member(f"{g} {i}", MemberClass.CORE_COUNCILLOR, group=g)
               for g, seats in allocation.items() for i in range(seats)]
    return PoliticalBalance(allocation), draw(st.permutations(members))


@given(balanced(), st.data())
def test_balance_survives_swapping_two_members_of_one_group(
        case: tuple[PoliticalBalance, list[Member]], data: st.DataObject) -> None:
    rule, members = case
    assert rule.evaluate(Roster(DAY, tuple(members))).status is Status.MET
    group = data.draw(st.sampled_from(sorted({m.group or "" for m in members})))
    index = data.draw(st.sampled_from([i for i, m in enumerate(members) if m.group == group]))
    # The member leaves and another of the same group takes the seat.
    swapped = list(members)
    swapped[index] = Member("Newcomer", MemberClass.CORE_COUNCILLOR, group=group)
    assert rule.evaluate(Roster(DAY, tuple(swapped))).status is Status.MET
    # Two members of the group exchange places in the order.
    others = [i for i, m in enumerate(members) if m.group == group and i != index]
    if others:
        j = others[0]
        swapped[index], swapped[j] = swapped[j], swapped[index]
        assert rule.evaluate(Roster(DAY, tuple(swapped))).status is Status.MET


@given(balanced())
def test_moving_a_seat_between_groups_breaks_a_seat_allocation(
        case: tuple[PoliticalBalance, list[Member]]) -> None:
    rule, members = case
    first = members[0]
    other = next((g for g in GROUPS if g != first.group), "Green")
    moved = [Member(first.name, MemberClass.CORE_COUNCILLOR, group=other), *members[1:]]
    assert rule.evaluate(Roster(DAY, tuple(moved))).status is Status.BREACHED
