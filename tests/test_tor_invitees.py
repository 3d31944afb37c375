"""Standing invitees, declared once in the terms ("invited to all meetings", not
members): their attendance is recorded in JSON and CSV meetings files, shown in the
register in rows of their own, and never counted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, strategies as st

from corpparent.cli import cli
from corpparent.files.panel.meetings import read_meetings
from corpparent.findings import Finding, Status
from corpparent.governance import (
    ClassQuorum,
    Constitution,
    Meeting,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    PanelRecord,
    Quorum,
)
from corpparent.governance.invitees import StandingInvitees
from corpparent.governance.quorum import Basis
from corpparent.governance.register import Mark, attendance_register
from corpparent.periods import FinancialYear
from terms_cases import Panel, councillors, meeting

YEAR = FinancialYear(2023)
DAY = date(2023, 6, 1)
INVITEES = StandingInvitees(["Virtual School Head", "Designated Nurse"])


def _review(constitution: Constitution, members: Membership,
            *meetings: Meeting) -> list[Finding]:
    return list(constitution.review(PanelRecord("P", members, meetings, YEAR.start,
                                                YEAR.end, YEAR.end)))


def test_an_invitee_recorded_present_is_neither_unknown_nor_counted() -> None:
    members = Membership([Member("Cllr A", MemberClass.CORE_COUNCILLOR),
                          Member("Cllr B", MemberClass.CORE_COUNCILLOR)])
    panel = Constitution("P", quorum=Quorum(MinimumPresent(2)), standing_invitees=INVITEES,
                         six_month_warning=None)
    found = _review(panel, members, Meeting(DAY, present=["Cllr A", "Virtual School Head"]))
    assert not [f for f in found if f.rule == "attendees not on the membership"]
    (quorum,) = [f for f in found if f.rule.startswith("quorum")]
    assert quorum.status is Status.BREACHED  # one member of two required
    (invited,) = [f for f in found if f.rule == "standing invitees"]
    assert invited.status is Status.MET
    assert "Virtual School Head at 1 and Designated Nurse at 0" in invited.explanation


def test_without_the_declaration_the_same_person_is_an_unknown_attendee() -> None:
    members = Membership([Member("Cllr A", MemberClass.CORE_COUNCILLOR)])
    found = _review(Constitution("P", six_month_warning=None), members,
                    Meeting(DAY, present=["Cllr A", "Virtual School Head"]))
    assert [f.status for f in found if f.rule == "attendees not on the membership"] == [
        Status.WARNING]


def test_an_invitee_given_a_seat_is_a_breach_and_still_not_counted() -> None:
    members = Membership([Member("Cllr A", MemberClass.CORE_COUNCILLOR),
                          Member("Virtual School Head", MemberClass.CO_OPTED)])
    panel = Constitution("P", quorum=Quorum(MinimumPresent(2)), standing_invitees=INVITEES,
                         six_month_warning=None)
    found = _review(panel, members, Meeting(DAY, present=["Cllr A", "Virtual School Head"]))
    (invited,) = [f for f in found if f.rule == "standing invitees"]
    assert invited.status is Status.BREACHED
    assert "gives Virtual School Head a seat the terms do not" in invited.explanation
    (quorum,) = [f for f in found if f.rule.startswith("quorum")]
    assert quorum.status is Status.BREACHED


def test_no_recorded_attendance_is_insufficient_data() -> None:
    members = Membership([Member("Cllr A", MemberClass.CORE_COUNCILLOR)])
    panel = Constitution("P", standing_invitees=INVITEES, six_month_warning=None)
    found = _review(panel, members, Meeting(DAY))
    assert [f.status for f in found if f.rule == "standing invitees"] == [
        Status.INSUFFICIENT_DATA]


@st.composite
def sittings(draw: st.DrawFn) -> tuple[Membership, list[str], list[str], bool]:
    """Councillors (and, sometimes, an invitee the membership seats), those present, the
    invitees who came, and whether they came as invited or among those present."""
    count = draw(st.integers(1, 6))
    people = [Member(f"Cllr {i}", MemberClass.CORE_COUNCILLOR,
                     voting=draw(st.booleans())) for i in range(count)]
    if draw(st.booleans()):
        people.append(Member(draw(st.sampled_from(INVITEES.invitees)), MemberClass.CO_OPTED))
    present = draw(st.lists(st.sampled_from([f"Cllr {i}" for i in range(count)]),
                            unique=True))
    came = draw(st.lists(st.sampled_from(INVITEES.invitees), unique=True, min_size=1))
    return Membership(people), present, came, draw(st.booleans())


@given(sittings(), st.integers(1, 6), st.booleans())
def test_a_standing_invitees_attendance_never_changes_a_quorum_finding(
        case: tuple[Membership, list[str], list[str], bool], minimum: int,
        voting_only: bool) -> None:
    members, present, came, as_invited = case
    quorum = Quorum(MinimumPresent(minimum, voting_only=voting_only)
                    & ClassQuorum(MemberClass.CO_OPTED, "50%", basis=Basis.FILLED,
                                  voting_only=voting_only)
                    & ClassQuorum(MemberClass.CORE_COUNCILLOR, "50%", basis=Basis.FILLED,
                                  voting_only=voting_only))
    panel = Constitution("P", quorum=quorum, standing_invitees=INVITEES,
                         six_month_warning=None)
    without = Meeting(DAY, present=present)
    with_them = (Meeting(DAY, present=present, invited=came) if as_invited
                 else Meeting(DAY, present=[*present, *came]))

    def quorum_findings(held: Meeting) -> list[tuple[str, Status, str]]:
        return [(f.rule, f.status, f.explanation) for f in _review(panel, members, held)
                if f.family.value == "quorum"]

    assert quorum_findings(with_them) == quorum_findings(without)


def test_the_register_shows_invitees_in_rows_of_their_own() -> None:
    members = Membership([Member("Cllr A", MemberClass.CORE_COUNCILLOR)])
    record = PanelRecord("P", members, [
        Meeting(DAY, present=["Cllr A"], invited=["Virtual School Head"]),
        Meeting(date(2023, 9, 1), present=["Cllr A", "Designated Nurse"]),
        Meeting(date(2023, 12, 1))], YEAR.start, YEAR.end, YEAR.end)
    register = attendance_register(record, invitees=INVITEES)
    assert [r.member.name for r in register.rows] == ["Cllr A"]
    assert [(r.name, r.marks) for r in register.invitees] == [
        ("Virtual School Head", (Mark.PRESENT, Mark.ABSENT, Mark.NOT_RECORDED)),
        ("Designated Nurse", (Mark.ABSENT, Mark.PRESENT, Mark.NOT_RECORDED))]
    assert [(r.attended, r.possible) for r in register.invitees] == [(1, 2), (1, 2)]


CSV = """\
date,member,attendance
2023-06-01,Cllr 0,present
2023-06-01,Virtual School Head,invited
2023-09-01,Cllr 0,present
"""


def test_a_csv_meetings_file_records_invitees_through_the_command_line(
        tmp_path: Path) -> None:
    panel = Panel({"standing_invitees": ["Virtual School Head"]}, councillors("A"),
                  [meeting("2023-05-01", "Cllr 0")])
    (tmp_path / "case.toml").write_text(panel.plugin(), encoding="utf-8")
    (tmp_path / "meetings.csv").write_text(CSV, encoding="utf-8")
    assert read_meetings(tmp_path / "meetings.csv")[0].invited == ("Virtual School Head",)
    result = CliRunner().invoke(cli, ["meetings", str(tmp_path / "meetings.csv"), "-a",
                                      str(tmp_path / "case.toml"), "-p", "2023-24",
                                      "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    (invited,) = [f for f in report["findings"] if f["rule"] == "standing invitees"]
    assert invited["status"] == "met"
    assert "Virtual School Head at 1" in invited["explanation"]
    rows = {r["member"]: r["marks"] for r in report["attendance_register"]["rows"]}
    assert rows["Virtual School Head (standing invitee, not counted)"] == ["present", "absent"]
    assert rows["Cllr 0"] == ["present", "present"]
