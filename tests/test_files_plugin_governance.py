"""The built-in profiles' constitutions, memberships and meetings reproduce their sources.

Expected values are those of 001 (Wiltshire terms of reference 2016-18), 002 (Wiltshire
annual report 2022-23) and 004 (Staffordshire annual report 2019-20 with its terms of
reference).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corpparent.errors import PluginFileError
from corpparent.families import RuleFamily
from corpparent.files import profile_from_toml, read_meetings
from corpparent.findings import Status
from corpparent.governance import (
    FrequencyOutcome,
    Meeting,
    MeetingLog,
    Member,
    MemberClass,
    PanelRecord,
    Roster,
    Sitting,
    Substitution,
    attendance_table,
)
from corpparent.governance.composition import EachMemberLeads, PrioritiesHaveLeads
from corpparent.periods import MunicipalYear
from corpparent.plugins import load_profile
from corpparent.profile import AuthorityProfile

ROOT = Path(__file__).resolve().parent.parent
STAFFORDSHIRE_MEETINGS = ROOT / "examples" / "data" / "staffordshire_2019-20_meetings.json"


@pytest.fixture(scope="module")
def wiltshire() -> AuthorityProfile:
    return load_profile("wiltshire", environ={})


@pytest.fixture(scope="module")
def staffordshire() -> AuthorityProfile:
    return load_profile("staffordshire", environ={})


# --- Wiltshire: quorum (001 §4) ---------------------------------------------------------

DAY = date(2022, 9, 27)
COUNCILLORS = [Member(f"Councillor {i}", MemberClass.CORE_COUNCILLOR) for i in range(8)]
ASSOCIATES = [Member(f"Associate {i}", MemberClass.ASSOCIATE) for i in range(10)]


def _sitting(councillors: int, associates: int, substitutes: int = 0) -> Sitting:
    present = [m.name for m in COUNCILLORS[:councillors]] + [
        m.name for m in ASSOCIATES[:associates]]
    absent = COUNCILLORS[councillors:]
    swaps = [Substitution(f"Substitute {i}", m.name) for i, m in enumerate(absent[:substitutes])]
    roster = Roster(DAY, (*COUNCILLORS, *ASSOCIATES))
    return Sitting(Meeting(DAY, present=present, substitutions=swaps), roster)


@pytest.mark.parametrize(("councillors", "associates", "substitutes", "quorate"), [
    (6, 7, 0, True),   # "75% (6) Councillors, 70% (7) Associate Members"
    (5, 7, 0, False),  # one councillor short
    (5, 7, 1, True),   # "If any of the core members are unable to attend ... a substitute"
    (6, 6, 0, False),  # one associate member short
])
def test_wiltshire_quorum_is_the_terms_of_reference(
    wiltshire: AuthorityProfile, councillors: int, associates: int, substitutes: int,
    quorate: bool,
) -> None:
    assert wiltshire.constitution is not None
    quorum = wiltshire.constitution.quorum
    assert quorum is not None
    finding = quorum.evaluate(_sitting(councillors, associates, substitutes))
    assert (finding.status is Status.MET) is quorate
    if not quorate:
        assert "the Chairperson will adjourn the meeting" in finding.explanation


def test_wiltshire_constitution(wiltshire: AuthorityProfile) -> None:
    constitution = wiltshire.constitution
    assert constitution is not None
    core = constitution.seats_for(MemberClass.CORE_COUNCILLOR)
    associates = constitution.seats_for(MemberClass.ASSOCIATE)
    assert core is not None
    assert associates is not None
    assert (core.count, associates.count, len(associates.roles)) == (8, 10, 10)  # 001 §3
    frequency = constitution.frequency
    assert frequency is not None
    # 001 §5: "bi-monthly with a minimum of 5 meetings a year"
    assert (frequency.every_months, frequency.minimum_per_year) == (2, 5)
    # Every 2023 priority must have a lead (002 §15), named by its title.
    assert constitution.priorities == tuple(
        p.title for p in wiltshire.priorities if "2023" in p.strategy)


def test_wiltshire_membership_and_leads_2022_23(wiltshire: AuthorityProfile) -> None:
    membership = wiltshire.membership
    assert membership is not None
    roster = membership.on(date(2023, 3, 31))
    # 002 §7: eight councillors, Peter Hutton (Chair), Dominic Muns (Vice Chair).
    assert len(roster.members) == 8
    chair = [m.name for m in roster.members if m.office is not None and m.office.value == "chair"]
    assert chair == ["Peter Hutton"]
    # The leads the membership records agree with the priorities' leads (002 §15).
    by_title = {p.title: p for p in wiltshire.priorities}
    for lead in membership.leads:
        assert by_title[lead.priority].leads == (f"Cllr {lead.member}",)
        assert by_title[lead.priority].officers == (lead.officer,)
    constitution = wiltshire.constitution
    assert constitution is not None
    leads = [rule.evaluate(roster) for rule in constitution.composition_rules()
             if isinstance(rule, PrioritiesHaveLeads | EachMemberLeads)]
    assert leads
    assert all(f.status is Status.MET for f in leads), [f.explanation for f in leads]


def test_wiltshire_meetings_2022_23(wiltshire: AuthorityProfile) -> None:
    """002 §10: CPP meetings on 27.9.22, 15.11.22, 17.1.23 and 21.3.23."""
    assert wiltshire.meetings.dates == (
        date(2022, 9, 27), date(2022, 11, 15), date(2023, 1, 17), date(2023, 3, 21))
    assert all(not m.attendance_recorded for m in wiltshire.meetings)
    assert wiltshire.constitution is not None
    frequency = wiltshire.constitution.frequency
    assert frequency is not None
    log = MeetingLog.of(wiltshire.meetings, date(2022, 9, 27), date(2023, 3, 31),
                        date(2023, 3, 31), panel="Wiltshire")
    gaps = [f for f in frequency.findings(log) if f.family is RuleFamily.MEETING_GAP]
    assert gaps
    assert all(f.status is Status.MET for f in gaps)  # every gap within two months


# --- Staffordshire (004) ----------------------------------------------------------------

# 004 §7-8, attended/possible as published.
PUBLISHED = {
    "Gill Burnett": (8, 9), "Bernard Peters": (5, 9), "Janet Eagland": (6, 9),
    "Natasha Pullen": (2, 9), "John Francis": (7, 9), "Paul Snape": (8, 9),
    "Gill Heath": (2, 9), "Mark Sutton": (8, 9), "Michael Greatorex": (2, 4),
    "Carolyn Trowbridge": (8, 9), "Phil Hewitt": (8, 9), "Ron Clarke": (8, 9),
    "Bryan Jones": (9, 9), "Maureen Compton": (6, 9), "Jill Hood": (6, 9),
    "Richard Ford": (2, 3), "Ann Edgeller": (7, 9), "Barbara Hughes": (3, 9),
    "Alan Pearson": (4, 9), "Jill Waring": (0, 9), "Wendy Sutton": (7, 9),
    "Jeremy Oates": (3, 9), "Janice Silvester-Hall": (2, 3),
}


def _record(profile: AuthorityProfile) -> PanelRecord:
    assert profile.constitution is not None
    assert profile.membership is not None
    return PanelRecord.for_period(profile.constitution.panel, profile.membership,
                                  read_meetings(STAFFORDSHIRE_MEETINGS), MunicipalYear(2019))


def test_staffordshire_attendance_table(staffordshire: AuthorityProfile) -> None:
    """The profile's membership, with its tenures, gives the published table when
    combined with the meeting records reconstructed in examples/data."""
    table = {row.member.name: (row.attended, row.possible)
             for row in attendance_table(_record(staffordshire))}
    assert table == PUBLISHED


def test_staffordshire_constitution(staffordshire: AuthorityProfile) -> None:
    constitution = staffordshire.constitution
    assert constitution is not None
    assert constitution.max_members == 20  # "no more than 20 Members"
    assert constitution.chair_role == "Cabinet Member for Children and Young People"
    # 004 §14: "All panel members are required to complete Level 1 Child Protection Training"
    assert [r.name for r in constitution.requirements] == ["Level 1 Child Protection Training"]
    assert staffordshire.membership is not None
    co_opted = [m for m in staffordshire.membership.members
                if m.member_class is MemberClass.CO_OPTED]
    assert len(co_opted) == 7  # 004 §8
    # ToR: "shall meet every month"; 004 §13: "The Panel met 9 times during the period".
    findings = constitution.review(_record(staffordshire))
    shortfalls = [f for f in findings if f.outcome is FrequencyOutcome.SHORTFALL]
    assert len(shortfalls) == 1
    assert shortfalls[0].status is Status.BREACHED


# --- the governance tables of a plug-in file ---------------------------------------------

BASE = """\
format_version = 1

[authority]
id = "testshire"
name = "Testshire"

[[priorities]]
id = "safe"
title = "To feel and be safe"

[constitution]
panel = "Testshire Panel"
priorities = ["safe"]

[constitution.quorum]
parts = [
    {member_class = "core councillor", fraction = "75%", seats = 8},
    {minimum = 3},
]

[membership]
members = [{name = "A", class = "core councillor"}]
leads = [{priority = "safe", member = "A"}]

[[meetings]]
date = 2023-01-17
present = ["A"]
"""


def test_governance_tables_read_and_round_trip() -> None:
    from corpparent.files import profile_to_toml

    profile = profile_from_toml(BASE)
    assert profile.constitution is not None
    assert profile.constitution.priorities == ("To feel and be safe",)
    assert profile.membership is not None
    assert profile.membership.leads[0].priority == "To feel and be safe"
    assert profile_from_toml(profile_to_toml(profile)) == profile


def _problems(text: str) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text, "t.toml")
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_governance_problems_name_their_lines() -> None:
    wrong_class = _problems(BASE.replace('class = "core councillor"}]', 'class = "councillor"}]'))
    assert [(row, field) for row, field, _ in wrong_class] == [
        (22, "membership.members[0].class")]
    ((row, field, message),) = _problems(BASE.replace('"75%"', '"175%"'))
    assert (row, field) == (17, "constitution.quorum.parts[0]")
    assert "at most 100%" in message
    duplicate = _problems(BASE + "\n[[meetings]]\ndate = 2023-01-17\n")
    assert [(row, field) for row, field, _ in duplicate] == [(30, "meetings[1].date")]
    assert "a second meeting on 2023-01-17" in duplicate[0][2]


# --- reporting obligations ----------------------------------------------------------------


def test_wiltshire_reporting_lines(wiltshire: AuthorityProfile) -> None:
    """001 §6: minutes to the Chairman of Children's Select Committee after each meeting;
    a six-monthly report to him on each of the seven priorities; an annual report to
    Full Council, shared with the Children's Select Committee before it is submitted."""
    obligations = wiltshire.obligations
    recipients = {o.recipient for o in obligations}
    assert recipients == {"Chairman of Children's Select Committee",
                          "Children's Select Committee", "Full Council"}
    six_monthly = obligations["six-monthly-report"]
    assert len(six_monthly.covers) == 7
    council = obligations["annual-report-council"]
    assert [p.obligation for p in council.after] == ["annual-report-select"]


def test_staffordshire_reporting_lines(staffordshire: AuthorityProfile) -> None:
    """004 ToR: "The Corporate Parenting Panel will report to the appropriate Select
    Committee, the Local Safeguarding Children Board and the Health and Wellbeing Board"."""
    recipients = {o.recipient for o in staffordshire.obligations}
    assert {"Local Safeguarding Children Board", "Health and Wellbeing Board"} <= recipients
    assert any("Select Committee" in r for r in recipients)


OBLIGATION = """
[[obligations]]
id = "annual-report"
document = "annual report"
recipient = "Full Council"
trigger = { kind = "annually", year = "financial" }
deadline = { by_month = 7 }
"""


def test_obligations_in_a_plug_in_file() -> None:
    profile = profile_from_toml(BASE + OBLIGATION)
    assert profile.obligations["annual-report"].recipient == "Full Council"
    problems = _problems(BASE + OBLIGATION.replace('"annually"', '"yearly"'))
    assert [(row, field) for row, field, _ in problems] == [(33, "obligations[0].trigger.kind")]
