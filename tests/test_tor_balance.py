"""Political balance in proportion to the council: the Local Government and Housing Act
1989 s.15(5)(a), (b) and (d) for one body, (c) stated as not judged, each roster of a
period judged against the council composition in force on its day."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DefinitionError
from corpparent.findings import Finding, Status
from corpparent.governance import Constitution, Meetings, Member, MemberClass, Membership
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.panel import PanelRecord
from corpparent.governance.proportional import (
    CouncilGroups,
    allocate,
    in_force,
    principle_breaches,
)
from corpparent.governance.seats import Seats
from corpparent.periods import MunicipalYear

YEAR = MunicipalYear(2023)
MAY = date(2023, 5, 1)
# A council of 55: a Labour majority, a Conservative opposition and a small group.
COUNCIL = CouncilGroups(MAY, {"Labour": 30, "Conservative": 20, "Green": 5})


def _councillors(*groups: str, **tenure: date) -> list[Member]:
    return [Member(f"{g} {i}", MemberClass.CORE_COUNCILLOR, group=g, **tenure)
            for i, g in enumerate(groups)]


def _review(rule: PoliticalBalance, *members: Member) -> list[Finding]:
    record = PanelRecord.for_period("Panel", Membership(members), Meetings(()), YEAR)
    found = Constitution("Panel", political_balance=rule).review(record)
    return [f for f in found if f.rule == "political balance"]


# --- the arithmetic ------------------------------------------------------------------


def test_nine_seats_of_a_council_of_fifty_five() -> None:
    # Proportions 4.91, 3.27 and 0.82: the largest remainders give 5, 3 and 1.
    assert allocate(COUNCIL, 9) == (("Labour", 5), ("Conservative", 3), ("Green", 1))
    assert principle_breaches(COUNCIL, {"Labour": 5, "Conservative": 3, "Green": 1}, 9) == ()


def test_a_majority_group_below_a_majority_breaks_b() -> None:
    found = principle_breaches(COUNCIL, {"Labour": 4, "Conservative": 4, "Green": 1}, 9)
    assert found[0].startswith("(b) Labour holds a majority of the council but 4")


def test_every_seat_to_one_group_breaks_a() -> None:
    # Even a group of 99 in 100 leaves the other group a seat (s.15(5)(a)).
    council = CouncilGroups(MAY, {"Labour": 99, "Green": 1})
    assert allocate(council, 10) == (("Labour", 9), ("Green", 1))
    found = principle_breaches(council, {"Labour": 10}, 10)
    assert [f[:3] for f in found] == ["(a)"]


def test_a_seat_nearer_another_groups_proportion_breaks_d() -> None:
    found = principle_breaches(COUNCIL, {"Labour": 6, "Conservative": 2, "Green": 1}, 9)
    assert found == ("(d) Labour holds 6 against a proportion of 4.91 and Conservative 2 "
                     "against 3.27: a seat of Labour's belongs to Conservative",)


def test_d_gives_way_to_a() -> None:
    # Green's proportion of 10 seats is 0.1, yet (a) gives it one: no (d) breach.
    council = CouncilGroups(MAY, {"Labour": 99, "Green": 1})
    assert principle_breaches(council, {"Labour": 9, "Green": 1}, 10) == ()


def test_the_composition_in_force_is_the_latest_started() -> None:
    later = CouncilGroups(date(2024, 5, 9), {"Labour": 25, "Conservative": 30})
    assert in_force([later, COUNCIL], date(2024, 1, 1)) is COUNCIL
    assert in_force([later, COUNCIL], date(2024, 5, 9)) is later
    assert in_force([later, COUNCIL], date(2023, 4, 1)) is None


def test_a_composition_needs_groups_with_members() -> None:
    with pytest.raises(DefinitionError, match="at least 1 member"):
        CouncilGroups(MAY, {"Labour": 0})
    with pytest.raises(DefinitionError, match="not both"):
        PoliticalBalance({"Labour": 2}, council=[COUNCIL])


# --- properties ----------------------------------------------------------------------


@st.composite
def councils(draw: st.DrawFn) -> CouncilGroups:
    sizes = draw(st.lists(st.integers(1, 60), min_size=1, max_size=6))
    return CouncilGroups(MAY, {f"Group {i}": n for i, n in enumerate(sizes)})


@st.composite
def sharings(draw: st.DrawFn) -> tuple[CouncilGroups, int, dict[str, int]]:
    """A council, a body's seats and a sharing of them among the council's groups (any
    sharing, right or wrong)."""
    council = draw(councils())
    seats = draw(st.integers(1, 15))
    held = dict.fromkeys((g for g, _ in council.groups), 0)
    for _ in range(seats):
        held[draw(st.sampled_from(sorted(held)))] += 1
    return council, seats, held


@given(councils(), st.integers(0, 25))
def test_allocated_seats_sum_to_the_bodys_seats(council: CouncilGroups, seats: int) -> None:
    assert sum(n for _, n in allocate(council, seats)) == seats


@given(councils(), st.integers(1, 25))
def test_an_allocation_meets_a_b_and_d(council: CouncilGroups, seats: int) -> None:
    assert principle_breaches(council, dict(allocate(council, seats)), seats) == ()


@given(councils(), st.integers(1, 25))
def test_a_majority_on_the_council_keeps_a_majority_on_the_body(
        council: CouncilGroups, seats: int) -> None:
    majority = council.majority()
    if majority is not None:
        assert 2 * dict(allocate(council, seats))[majority] > seats


@given(sharings(), st.randoms(use_true_random=False))
def test_a_judgement_stays_the_same_when_the_groups_are_relabelled(
        case: tuple[CouncilGroups, int, dict[str, int]], rng: random.Random) -> None:
    council, seats, held = case
    names = [g for g, _ in council.groups]
    shuffled = list(names)
    rng.shuffle(shuffled)
    label = {old: f"Party {new}" for old, new in zip(names, shuffled, strict=True)}
    again = CouncilGroups(MAY, [(label[g], n) for g, n in reversed(council.groups)])
    before = principle_breaches(council, held, seats)
    after = principle_breaches(again, {label[g]: n for g, n in held.items()}, seats)
    assert [p[:3] for p in before] == [p[:3] for p in after]
    assert (before == ()) == (after == ())


# --- judged against the membership of each period ------------------------------------


def test_a_membership_shared_as_the_council_is_met() -> None:
    rule = PoliticalBalance(council=[COUNCIL], seats=9)
    (finding,) = _review(rule, *_councillors(*["Labour"] * 5, *["Conservative"] * 3,
                                             "Green"))
    assert finding.status is Status.MET
    assert "(a), (b) and (d) met" in finding.explanation
    assert "(c) is not judged" in finding.explanation


def test_a_vacancy_that_can_be_filled_within_the_principles_warns() -> None:
    rule = PoliticalBalance(council=[COUNCIL], seats=9)
    (finding,) = _review(rule, *_councillors(*["Labour"] * 5, *["Conservative"] * 2,
                                             "Green"))
    assert finding.status is Status.WARNING
    assert "1 seat vacant" in finding.explanation


def test_a_new_composition_within_the_period_is_judged_from_its_first_day() -> None:
    # From 1 January the Conservatives hold the majority: the same panel breaks (b).
    later = CouncilGroups(date(2024, 1, 1), {"Labour": 20, "Conservative": 30, "Green": 5})
    rule = PoliticalBalance(council=[COUNCIL, later], seats=9)
    found = _review(rule, *_councillors(*["Labour"] * 5, *["Conservative"] * 3, "Green"))
    assert [f.status for f in found] == [Status.BREACHED]
    assert found[0].subject_name == "membership on 2024-01-01"
    assert "(b) Conservative holds a majority of the council" in found[0].explanation


def test_a_day_before_the_first_composition_is_insufficient_data() -> None:
    rule = PoliticalBalance(council=[CouncilGroups(date(2023, 6, 1), COUNCIL.groups)])
    found = _review(rule, *_councillors("Labour", "Labour", "Conservative"))
    assert [f.status for f in found] == [Status.INSUFFICIENT_DATA]
    assert "no composition of the council is given for 2023-05-01" in found[0].explanation


def test_without_stated_seats_the_seats_are_the_constitutions() -> None:
    panel = Constitution("Panel", political_balance=PoliticalBalance(council=[COUNCIL]),
                         seats=[Seats(MemberClass.CORE_COUNCILLOR, 9)])
    record = PanelRecord.for_period(
        "Panel", Membership(_councillors("Labour", "Labour", "Conservative")),
        Meetings(()), YEAR)
    (finding,) = [f for f in panel.review(record) if f.rule == "political balance"]
    assert "6 seats vacant" in finding.explanation
    assert "gives 9 seats as 5 Labour, 3 Conservative and 1 Green" in finding.explanation
