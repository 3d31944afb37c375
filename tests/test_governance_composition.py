"""Composition rules against the Wiltshire and Staffordshire documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corpparent.errors import DefinitionError
from corpparent.files.panel.membership import read_membership
from corpparent.findings import Status
from corpparent.governance.composition import (
    ChairHoldsRole,
    EachMemberLeads,
    MaximumSize,
    OfficesFilled,
    PrioritiesHaveLeads,
    RolesFilled,
    SeatLimit,
    SubstitutesAppointed,
)
from corpparent.governance.membership import (
    Credential,
    Member,
    MemberClass,
    Office,
    PriorityLead,
    Roster,
)
from corpparent.governance.requirements import Requirement, RequirementMet

DATA = Path(__file__).parent / "data" / "governance"
STAFFORDSHIRE = read_membership(DATA / "staffordshire_2019-20_membership.json")
WILTSHIRE = read_membership(DATA / "wiltshire_2022-23_membership.json")

# 002 §15, the eight priorities as the report lists them.
WILTSHIRE_PRIORITIES = (
    "A loving home where I have good relationships, respect and the opportunity to see my "
    "family",
    "To have links with my local community where I am trusted, respected and accepted",
    "To feel and be safe",
    "Support with my mental health especially at school, at a time and a place that suits "
    "me and not services",
    "Support to be healthy and this includes opportunities to be involved in new activities",
    "Support to be the best I can",
    "Support for as long as I need it",
    "To be heard - my voice is not the only way I am heard, it may come out as my behaviour",
)


def test_staffordshire_publishes_more_members_than_its_terms_of_reference_allow() -> None:
    # ToR: "no more than 20 Members (15 County Councillors plus cooptees)". In May 2019 the
    # report lists 15 county councillors (004 §7, with Richard Ford not yet joined) and 6
    # co-optees (004 §8, with Janice Silvester-Hall not yet joined): 21.
    finding = MaximumSize(20).evaluate(STAFFORDSHIRE.on(date(2019, 5, 20)))
    assert finding.status is Status.BREACHED
    assert finding.evidence["members"] == 21
    assert "15 councillors, 6 co-opted members" in finding.explanation


def test_staffordshire_county_councillor_seats() -> None:
    # Greatorex left in October 2019 and Ford joined in January 2020 (004 §7).
    rule = SeatLimit(MemberClass.CORE_COUNCILLOR, 15, exact=True)
    assert rule.evaluate(STAFFORDSHIRE.on(date(2019, 9, 1))).status is Status.MET
    gap = rule.evaluate(STAFFORDSHIRE.on(date(2019, 12, 1)))
    assert gap.status is Status.WARNING
    assert "1 seat vacant" in gap.explanation


def test_staffordshire_chair_is_the_cabinet_member() -> None:
    # 004: "County Councillor Mark Sutton, Chairman of Corporate Parenting Panel, Cabinet
    # Member for Children and Young People".
    rule = ChairHoldsRole("Cabinet Member for Children and Young People")
    finding = rule.evaluate(STAFFORDSHIRE.on(date(2019, 6, 1)))
    assert finding.status is Status.MET
    assert "Mark Sutton" in finding.explanation


def test_a_chair_without_the_role_is_a_breach() -> None:
    roster = Roster(date(2020, 1, 1), (Member("X", MemberClass.CORE_COUNCILLOR,
                                             office=Office.CHAIR, role="Leader"),))
    finding = ChairHoldsRole("Cabinet Member for Children").evaluate(roster)
    assert finding.status is Status.BREACHED
    assert ChairHoldsRole("Any").evaluate(Roster(date(2020, 1, 1), ())).status is (
        Status.BREACHED)


def test_wiltshire_every_priority_has_a_lead_and_each_councillor_leads_one() -> None:
    # 002 §7: eight councillors; §15: "Each member of the Panel has a lead role for a
    # strategic priority", with the eight leads named.
    roster = WILTSHIRE.on(date(2023, 3, 31))
    assert len(roster.of_class(MemberClass.CORE_COUNCILLOR)) == 8
    assert PrioritiesHaveLeads(WILTSHIRE_PRIORITIES).evaluate(roster).status is Status.MET
    assert EachMemberLeads().evaluate(roster).status is Status.MET


def test_a_priority_whose_lead_has_left_is_unled() -> None:
    # Wiltshire 2017 (001 §3.7): "Cllr Palmen joined Panel following changes to membership".
    members = (Member("Stewart Palmen", MemberClass.CORE_COUNCILLOR, left=date(2017, 5, 3)),
               Member("Laura Mayes", MemberClass.CORE_COUNCILLOR))
    leads = (PriorityLead("Mental health", "Stewart Palmen"),
             PriorityLead("Corporate parenting role", "Laura Mayes"))
    roster = Roster(date(2017, 6, 1), tuple(m for m in members if m.serves_on(
        date(2017, 6, 1))), leads)
    finding = PrioritiesHaveLeads(("Corporate parenting role", "Mental health")).evaluate(roster)
    assert finding.status is Status.BREACHED
    assert "no lead for: Mental health" in finding.explanation


def test_a_priority_may_have_two_leads() -> None:
    # 001 §3.2: "Cllr Jane Davies and Sally Smith – Chair of Wiltshire Fostering Association".
    roster = Roster(date(2017, 11, 30), (
        Member("Jane Davies", MemberClass.CORE_COUNCILLOR),
        Member("Sally Smith", MemberClass.ASSOCIATE, role="Chair of Wiltshire Fostering "
               "Association"),
    ), (PriorityLead("Permanency", "Jane Davies"), PriorityLead("Permanency", "Sally Smith")))
    assert PrioritiesHaveLeads(("Permanency",)).evaluate(roster).status is Status.MET


def test_substitutes_appointed_for_each_group() -> None:
    # 001 §3: "Group leaders will ensure that they appoint substitute members".
    day = date(2017, 6, 1)
    roster = Roster(day, (
        Member("A", MemberClass.CORE_COUNCILLOR, group="Conservative"),
        Member("B", MemberClass.CORE_COUNCILLOR, group="Liberal Democrat"),
        Member("S", MemberClass.SUBSTITUTE, group="Conservative"),
    ))
    finding = SubstitutesAppointed().evaluate(roster)
    assert finding.status is Status.BREACHED
    assert "none for: Liberal Democrat" in finding.explanation


def test_substitutes_cannot_be_judged_without_groups() -> None:
    # The 2022-23 report names Wiltshire's councillors but not their groups.
    finding = SubstitutesAppointed().evaluate(WILTSHIRE.on(date(2023, 3, 31)))
    assert finding.status is Status.INSUFFICIENT_DATA


def test_requirements_with_and_without_renewal() -> None:
    # 004 §14: "All panel members are required to complete Level 1 Child Protection
    # Training as a minimum"; 002 §145: "Panel Members are required to have an enhanced
    # DBS check undertaken".
    training = Requirement("Level 1 Child Protection Training")
    dbs = Requirement("Enhanced DBS check", renew_every_months=36)
    day = date(2020, 1, 1)
    roster = Roster(day, (
        Member("A", MemberClass.CORE_COUNCILLOR, credentials=(
            Credential("Level 1 child protection training", date(2019, 6, 1)),
            Credential("Enhanced DBS check", date(2016, 6, 1)))),
        Member("B", MemberClass.CO_OPTED, credentials=(
            Credential("Enhanced DBS check", date(2019, 6, 1)),)),
    ))
    trained = RequirementMet(training).evaluate(roster)
    assert trained.status is Status.BREACHED
    assert "no current record for B" in trained.explanation
    checked = RequirementMet(dbs).evaluate(roster)
    assert checked.status is Status.BREACHED  # A's check is more than 36 months old
    assert "no current record for A" in checked.explanation


def test_credentials_not_recorded_leave_a_requirement_unjudged() -> None:
    day = date(2020, 1, 1)
    rule = RequirementMet(Requirement("Enhanced DBS check"))
    unknown = Roster(day, (Member("A", MemberClass.CORE_COUNCILLOR),))
    assert rule.evaluate(unknown).status is Status.INSUFFICIENT_DATA
    none_held = Roster(day, (Member("A", MemberClass.CORE_COUNCILLOR, credentials=()),))
    assert rule.evaluate(none_held).status is Status.BREACHED
    held = Roster(day, (Member("A", MemberClass.CORE_COUNCILLOR, credentials=(
        Credential("enhanced DBS check", date(2019, 1, 1)),)),))
    assert rule.evaluate(held).status is Status.MET


def test_membership_findings_have_one_subject_and_name_the_day_for_readers() -> None:
    """Composition and requirement findings are about the membership; the day judged is
    in the name a reader sees, not in the identifier."""
    roster = WILTSHIRE.on(date(2023, 3, 31))
    rules = (MaximumSize(20), SubstitutesAppointed(),
             RequirementMet(Requirement("Enhanced DBS check")))
    for finding in (rule.evaluate(roster) for rule in rules):
        assert (finding.subject, finding.subject_name) == ("membership",
                                                           "membership on 2023-03-31")


def test_a_credential_completed_after_the_date_does_not_count() -> None:
    assert not Credential("X", date(2020, 2, 1)).valid_on(date(2020, 1, 1))
    assert not Credential("X", date(2019, 2, 1), expires=date(2019, 12, 31)).valid_on(
        date(2020, 1, 1))


def test_seat_limit_over_is_a_breach() -> None:
    roster = Roster(date(2020, 1, 1), tuple(
        Member(f"M{i}", MemberClass.CORE_COUNCILLOR) for i in range(9)))
    finding = SeatLimit(MemberClass.CORE_COUNCILLOR, 8).evaluate(roster)
    assert finding.status is Status.BREACHED
    assert "1 over the limit" in finding.explanation


def test_invalid_definitions_are_rejected() -> None:
    with pytest.raises(DefinitionError):
        SeatLimit(MemberClass.CORE_COUNCILLOR, 0)
    with pytest.raises(DefinitionError):
        PrioritiesHaveLeads(())
    with pytest.raises(DefinitionError):
        Requirement("DBS", renew_every_months=0)


def test_offices_filled_wiltshire_and_staffordshire() -> None:
    # 002 §7: "Peter Hutton, (Chair) … Dominic Muns (Vice Chair)"; 004 §7: "Bryan Jones
    # (vice chairman)", "Mark Sutton (chairman)".
    wiltshire = OfficesFilled().evaluate(WILTSHIRE.on(date(2023, 3, 31)))
    assert wiltshire.status is Status.MET
    assert wiltshire.explanation == "chair: Peter Hutton; vice-chair: Dominic Muns"
    assert OfficesFilled().evaluate(STAFFORDSHIRE.on(date(2019, 6, 1))).status is Status.MET
    empty = OfficesFilled().evaluate(Roster(date(2020, 1, 1), ()))
    assert empty.status is Status.WARNING


def test_named_roles_filled() -> None:
    # 001 §3 lists the ten Associate Members by post; two of them here.
    rule = RolesFilled(MemberClass.ASSOCIATE, ("Virtual School Headteacher",
                                               "Chair of Wiltshire Fostering Association"))
    roster = Roster(date(2017, 11, 30), (
        Member("Sally Smith", MemberClass.ASSOCIATE,
               role="Chair of Wiltshire Fostering Association"),
    ))
    finding = rule.evaluate(roster)
    assert finding.status is Status.WARNING
    assert "1 of 2 named roles" in finding.explanation
    assert "vacant: Virtual School Headteacher" in finding.explanation
