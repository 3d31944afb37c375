"""Six verdicts a terms of reference gave wrongly, each as the case that showed it, with
the answer the terms give: a reserve for a member who came does not act; a substitution
that does not count is marked apart from one that does; a quorum counts voting members
unless the terms say otherwise; a reserve's own register row shows their attendance; a
seat given to office holders among the councillors is filled only by a councillor; a
condition a CSV file cannot record is insufficient data, never a breach."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, strategies as st

from corpparent.cli import cli
from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.files.panel.meetings import read_meetings
from corpparent.findings import Finding, Status
from corpparent.governance import (
    Constitution,
    Meeting,
    Meetings,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    PanelRecord,
    Quorum,
    Substitution,
)
from corpparent.governance.register import Mark, attendance_register
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.periods import FinancialYear
from corpparent.plugins import load_profile
from corpparent.runs.governance import review_governance
from terms_cases import Panel, councillors, meeting

YEAR = FinancialYear(2023)
DAY = date(2023, 6, 1)


def _review(constitution: Constitution, members: Membership,
            *meetings: Meeting) -> list[Finding]:
    return list(constitution.review(PanelRecord("P", members, meetings, YEAR.start,
                                                YEAR.end, YEAR.end)))


def _rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def _plugin_review(panel: Panel) -> tuple[list[Finding], Constitution, str]:
    """The findings of ``panel`` read from its plug-in file, its constitution, and the
    file the profile writes back."""
    profile = profile_from_toml(panel.plugin())
    constitution, membership = profile.constitution, profile.membership
    assert constitution is not None
    assert membership is not None
    found = constitution.review_period(profile.meetings, membership, YEAR, YEAR.end)
    return list(found), constitution, profile_to_toml(profile)


# --- 1. a reserve for a member who attended does not act ---------------------------------


def test_a_reserve_for_a_member_who_attended_does_not_act() -> None:
    """Harrow-style reserves (national rules reference §2), recorded at a meeting their
    member attended: the quorum counts the member once, and the substitution finding
    says the reserve did not act, not that they "meet the conditions"."""
    members = Membership((
        Member("Cllr A", MemberClass.CORE_COUNCILLOR),
        Member("Cllr B", MemberClass.CORE_COUNCILLOR),
        Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B")))
    panel = Constitution("P", quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                         substitution_terms=SubstitutionTerms(named_member_only=True),
                         six_month_warning=None)
    found = _review(panel, members, Meeting(DAY, present=["Cllr A", "Cllr B"],
                                            substitutions=[Substitution("Reserve R",
                                                                        "Cllr B")]))
    (quorum,) = _rule(found, "quorum")
    assert quorum.status is Status.MET
    assert quorum.evidence["councillors present"] == 2
    (reserve,) = _rule(found, "substitution conditions")
    assert reserve.status is Status.WARNING
    assert "meets the conditions" not in reserve.explanation
    assert reserve.explanation == ("Reserve R for Cllr B does not act: Cllr B attended in "
                                   "person, so Reserve R is not counted")
    # The same reserve for an absent member acts, and meets the conditions.
    found = _review(panel, members, Meeting(DAY, present=["Cllr A"], substitutions=[
        Substitution("Reserve R", "Cllr B")]))
    assert [f.status for f in _rule(found, "substitution conditions")] == [Status.MET]


# --- 2. a substitution that does not count is marked apart -------------------------------


def _register_marks(terms: SubstitutionTerms | None, *substitutions: Substitution
                    ) -> dict[str, Mark]:
    members = Membership((
        Member("Cllr A", MemberClass.CORE_COUNCILLOR),
        Member("Cllr B", MemberClass.CORE_COUNCILLOR),
        Member("Cllr C", MemberClass.CORE_COUNCILLOR),
        Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B")))
    panel = Constitution("P", substitution_terms=terms, six_month_warning=None)
    run = review_governance(YEAR, constitution=panel, membership=members, meetings=Meetings(
        [Meeting(DAY, present=["Cllr A"], substitutions=substitutions)]))
    assert run.register is not None
    return {row.member.name: row.marks[0] for row in run.register.rows}


def test_the_register_marks_a_substitution_that_does_not_count_apart() -> None:
    terms = SubstitutionTerms(named_member_only=True, noted_at_start=True)
    counts = _register_marks(terms, Substitution("Reserve R", "Cllr B", noted_at_start=True))
    assert counts["Cllr B"] is Mark.SUBSTITUTE
    # Reserve R stands in for Cllr B only, so standing in for Cllr C does not count.
    wrong = _register_marks(terms, Substitution("Reserve R", "Cllr C", noted_at_start=True))
    assert wrong["Cllr C"] is Mark.SUBSTITUTE_NOT_COUNTED
    assert Mark.SUBSTITUTE_NOT_COUNTED.value == "substitute not counted"
    late_notice = _register_marks(terms, Substitution("Reserve R", "Cllr B",
                                                      noted_at_start=False))
    assert late_notice["Cllr B"] is Mark.SUBSTITUTE_NOT_COUNTED
    unknown = _register_marks(terms, Substitution("Reserve R", "Cllr B"))
    assert unknown["Cllr B"] is Mark.SUBSTITUTE_NOT_KNOWN
    # Without conditions every substitution counts, as before.
    assert _register_marks(None, Substitution("Reserve R", "Cllr C"))["Cllr C"] \
        is Mark.SUBSTITUTE


# --- 3. a quorum counts voting members unless the terms say otherwise --------------------

_FIFTEEN = [*councillors(*"AAAAA"),
            *({"name": f"Co-optee {i}", "class": "co-opted member", "voting": False}
              for i in range(10))]
_ALL_FIFTEEN = meeting("2023-06-01", *(m["name"] for m in _FIFTEEN))


def test_a_quorum_counts_voting_members_unless_the_terms_say_otherwise() -> None:
    """15 members present, 10 of them non-voting co-optees (Durham's are "non-voting",
    national rules reference §2): "at least 6" is not met by the 5 who vote."""
    quorum = {"quorum": {"parts": [{"minimum": 6}]}}
    found, constitution, _ = _plugin_review(Panel(quorum, _FIFTEEN, [_ALL_FIFTEEN]))
    (finding,) = _rule(found, "quorum")
    assert finding.status is Status.BREACHED
    assert finding.explanation.startswith(
        "5 voting members present (10 non-voting members present not counted); at least 6 "
        "required: not quorate")
    assert "quorum: at least 6 voting members" in constitution.describe()
    # Terms that count every member present say so, and the data says which.
    counting_all = {"quorum": {"parts": [{"minimum": 6, "voting_only": False}]}}
    found, constitution, written = _plugin_review(Panel(counting_all, _FIFTEEN,
                                                        [_ALL_FIFTEEN]))
    assert [f.status for f in _rule(found, "quorum")] == [Status.MET]
    assert "quorum: at least 6 members, voting or not" in constitution.describe()
    assert "voting_only = false" in written


def test_authorities_show_states_which_members_a_quorum_counts() -> None:
    """Wiltshire: "75% (6) Councillors, 70% (7) Associate Members in attendance" (001 §4):
    the councillors vote, and the associate members are counted as the class the terms
    name, whether or not they vote."""
    result = CliRunner().invoke(cli, ["authorities", "show", "wiltshire"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert ("quorum: 75% of voting councillors and 70% of associate members, voting or "
            "not") in text
    written = profile_to_toml(load_profile("wiltshire", environ={}))
    assert written.count("voting_only = true") == written.count("voting_only = false") >= 1


# --- 4. a reserve's own register row shows their attendance as a substitute --------------


def test_a_reserves_register_row_agrees_with_the_six_month_finding() -> None:
    """A reserve who stood in at three meetings: the register showed them absent at each
    (0 of 3) while the six-month finding said they last attended on 10 December 2023."""
    members = Membership((
        Member("Cllr A", MemberClass.CORE_COUNCILLOR),
        Member("Cllr B", MemberClass.CORE_COUNCILLOR),
        Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B")))
    days = [date(2023, 10, 10), date(2023, 11, 10), date(2023, 12, 10)]
    meetings = [Meeting(d, present=["Cllr A"], substitutions=[Substitution("Reserve R",
                                                                           "Cllr B")])
                for d in days]
    run = review_governance(YEAR, constitution=Constitution("P"), membership=members,
                            meetings=Meetings(meetings), as_of=date(2024, 1, 31))
    assert run.register is not None
    (row,) = [r for r in run.register.rows if r.member.name == "Reserve R"]
    assert row.marks == (Mark.AS_SUBSTITUTE,) * 3
    assert (row.attended, row.possible, row.as_substitute) == (3, 3, 3)
    # A reserve is called on, never expected: no six-month finding judges them.
    assert not [f for f in run.findings if f.subject == "Reserve R"
                and f.rule.startswith("six months")]
    (member_b,) = [r for r in run.register.rows if r.member.name == "Cllr B"]
    assert member_b.marks == (Mark.SUBSTITUTE,) * 3


# --- 5. a seat for office holders among the councillors ----------------------------------

_SCRUTINY = {"roles": ["Chair of CYP Scrutiny", "Vice-Chair of CYP Scrutiny"],
             "member_classes": ["core councillor"]}
_SEAT = "seat for Chair of CYP Scrutiny or Vice-Chair of CYP Scrutiny"


def _seat(members: list[dict[str, object]]) -> Finding:
    found, _, _ = _plugin_review(Panel({"role_seats": [_SCRUTINY]}, members))
    (seat,) = _rule(found, _SEAT)
    return seat


def test_a_seat_for_office_holders_among_the_councillors_needs_a_councillor() -> None:
    """Durham: "21 Members of the Council, including ... the Chair/Vice-Chair of CYP
    Scrutiny" (national rules reference §2): a co-optee with the title does not fill
    it."""
    co_optee = {"name": "Partner P", "class": "co-opted member",
                "role": "Vice-Chair of CYP Scrutiny"}
    seat = _seat([*councillors("A"), co_optee])
    assert seat.status is Status.BREACHED
    assert ("no serving member among the councillors holds the role of Chair of CYP "
            "Scrutiny or Vice-Chair of CYP Scrutiny") in seat.explanation
    assert "Partner P holds the role but is a co-opted member" in seat.explanation
    councillor = {"name": "Cllr V", "class": "core councillor",
                  "role": "Vice-Chair of CYP Scrutiny"}
    assert _seat([councillor, co_optee]).status is Status.MET


# --- 6. a condition a CSV file cannot record ---------------------------------------------

_CSV_MEMBERS = Membership((
    Member("Cllr A", MemberClass.CORE_COUNCILLOR),
    Member("Cllr B", MemberClass.CORE_COUNCILLOR),
    Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B")))
_NOTED = Constitution("P", quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                      substitution_terms=SubstitutionTerms(noted_at_start=True),
                      six_month_warning=None)


def _csv_findings(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "meetings.csv"
    path.write_text(text, encoding="utf-8")
    return list(_NOTED.review_period(read_meetings(path), _CSV_MEMBERS, YEAR, YEAR.end))


def test_a_condition_a_csv_file_does_not_record_is_insufficient_data(tmp_path: Path) -> None:
    """Terms requiring a substitution to be noted at the start (Harrow's reserves,
    national rules reference §2), and a CSV file with no column saying whether it was."""
    found = _csv_findings(tmp_path, "date,member,attendance,substitute_for\n"
                          "2023-06-01,Cllr A,present,\n"
                          "2023-06-01,Reserve R,substitute,Cllr B\n")
    (reserve,) = _rule(found, "substitution conditions")
    assert reserve.status is Status.INSUFFICIENT_DATA
    assert "not counted" not in reserve.explanation
    assert "the record does not say whether Reserve R's substitution was noted" in (
        reserve.explanation)
    (quorum,) = _rule(found, "quorum")
    assert quorum.status is Status.INSUFFICIENT_DATA
    assert quorum.explanation.startswith(
        "1 councillor present; at least 2 required: not quorate without Reserve R; "
        "with Reserve R, whose substitution the record cannot judge against the terms")
    assert not [f for f in found if f.is_breach]


def test_the_csv_column_decides_what_the_record_says(tmp_path: Path) -> None:
    head = "date,member,attendance,substitute_for,noted_at_start\n2023-06-01,Cllr A,present,,\n"
    noted = _csv_findings(tmp_path, head + "2023-06-01,Reserve R,substitute,Cllr B,yes\n")
    assert [str(f.status) for f in noted if f.rule in ("quorum", "substitution conditions")
            ] == ["met", "met"]
    unnoted = _csv_findings(tmp_path, head + "2023-06-01,Reserve R,substitute,Cllr B,no\n")
    assert [str(f.status) for f in unnoted
            if f.rule in ("quorum", "substitution conditions")] == ["breached", "breached"]


def test_a_meeting_quorate_without_the_unknown_substitute_is_still_quorate(
        tmp_path: Path) -> None:
    found = _csv_findings(tmp_path, "date,member,attendance,substitute_for\n"
                          "2023-06-01,Cllr A,present,\n2023-06-01,Cllr B,present,\n"
                          "2023-06-01,Reserve R,substitute,Cllr B\n")
    assert [str(f.status) for f in _rule(found, "quorum")] == ["met"]


def test_a_csv_meetings_file_through_the_command_line(tmp_path: Path) -> None:
    """The same case through ``corpparent meetings``: insufficient data, exit 0."""
    panel = Panel({"quorum": {"parts": [{"minimum": 2, "member_classes": ["core councillor"]}]},
                   "substitution_terms": {"noted_at_start": True}},
                  [*councillors("A", "A"), {"name": "Reserve R", "class": "substitute",
                                            "reserve_for": "Cllr 1"}])
    (tmp_path / "plugin.toml").write_text(panel.plugin(), encoding="utf-8")
    (tmp_path / "members.json").write_text(json.dumps({"members": list(panel.members)}),
                                           encoding="utf-8")
    (tmp_path / "meetings.csv").write_text(
        "date,member,attendance,substitute_for\n2023-06-01,Cllr 0,present,\n"
        "2023-06-01,Reserve R,substitute,Cllr 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "meetings", str(tmp_path / "meetings.csv"), "-a", str(tmp_path / "plugin.toml"),
        "-m", str(tmp_path / "members.json"), "-p", "2023-24", "-f", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    statuses = {f["rule"]: f["status"] for f in document["findings"]
                if f["rule"] in ("quorum", "substitution conditions")}
    assert statuses == {"quorum": "insufficient data",
                        "substitution conditions": "insufficient data"}
    rows = {r["member"]: r["marks"] for r in document["attendance_register"]["rows"]}
    assert rows["Cllr 1"] == ["substitute, conditions not recorded"]
    assert rows["Reserve R"] == ["attended as substitute"]


# --- properties --------------------------------------------------------------------------


@st.composite
def _sittings(draw: st.DrawFn) -> tuple[Membership, Meeting, Meeting]:
    """A panel of councillors with a reserve for each, a meeting where some reserves
    stood in with the record silent on whether they were noted at the start, and the
    same meeting recording that each was."""
    size = draw(st.integers(1, 6))
    people = [Member(f"Cllr {i}", MemberClass.CORE_COUNCILLOR) for i in range(size)]
    reserves = [Member(f"Reserve {i}", MemberClass.SUBSTITUTE, reserve_for=f"Cllr {i}")
                for i in range(size)]
    came = draw(st.lists(st.sampled_from(range(size)), unique=True))
    stood_in = draw(st.lists(st.sampled_from(range(size)), unique=True))
    silent = [Substitution(f"Reserve {i}", f"Cllr {i}") for i in stood_in]
    noted = [Substitution(f"Reserve {i}", f"Cllr {i}", noted_at_start=True)
             for i in stood_in]
    present = [f"Cllr {i}" for i in came]
    return (Membership((*people, *reserves)), Meeting(DAY, present=present,
                                                      substitutions=silent),
            Meeting(DAY, present=present, substitutions=noted))


@given(_sittings(), st.integers(1, 6))
def test_an_unrecorded_condition_never_makes_a_quorum_breach(
        case: tuple[Membership, Meeting, Meeting], minimum: int) -> None:
    """Silence on a condition gives insufficient data where the substitutes would make the
    quorum, and the verdict of the meeting without them otherwise: never a breach that
    recording the condition as met would turn into quorate."""
    members, silent, noted = case
    panel = Constitution("P", quorum=Quorum(MinimumPresent(minimum)),
                         substitution_terms=SubstitutionTerms(noted_at_start=True),
                         six_month_warning=None)
    (unknown,) = _rule(_review(panel, members, silent), "quorum")
    (known,) = _rule(_review(panel, members, noted), "quorum")
    if known.status is Status.MET:
        assert unknown.status in (Status.MET, Status.INSUFFICIENT_DATA)
    else:
        assert unknown.status is known.status
    for finding in _rule(_review(panel, members, silent), "substitution conditions"):
        assert finding.status in (Status.INSUFFICIENT_DATA, Status.WARNING)


@given(_sittings())
def test_the_register_marks_as_counted_exactly_the_substitutes_quorum_counts(
        case: tuple[Membership, Meeting, Meeting]) -> None:
    members, silent, noted = case
    terms = SubstitutionTerms(noted_at_start=True)
    for meeting_, mark in ((silent, Mark.SUBSTITUTE_NOT_KNOWN), (noted, Mark.SUBSTITUTE)):
        record = PanelRecord("P", members, [meeting_], YEAR.start, YEAR.end, YEAR.end)
        register = attendance_register(record, terms)
        marked = {r.member.name for r in register.rows if r.marks[0] is mark}
        standing_in = {s.replaces for s in meeting_.substitutions
                       if not meeting_.attended(s.replaces)}
        assert marked == standing_in
        reserves = {r.member.name for r in register.rows
                    if r.marks[0] is Mark.AS_SUBSTITUTE}
        assert reserves == {s.substitute for s in meeting_.substitutions}
