"""A committee system's attendance export and membership list, read as they are, give
the same records, attendance register and findings as the hand-written files."""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given, settings, strategies as st
from openpyxl import Workbook

from corpparent.errors import DataError
from corpparent.files.panel.committee_words import ATTENDANCE_WORDS
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from corpparent.findings import Finding, Status
from corpparent.governance import (
    ClassQuorum,
    Constitution,
    MemberClass,
    PanelRecord,
    Quorum,
)
from corpparent.governance.meetings import Meetings
from corpparent.governance.membership import Membership
from corpparent.governance.register import attendance_register
from corpparent.periods import MunicipalYear
from corpparent.plugins.python_objects import load_object
from reports_support import ROOT

DATA = ROOT / "examples" / "data"
OFFICERS = ("Ruth Ashby", "Tom Kellett")  # invented: the export's officers in attendance


def staffordshire() -> Constitution:
    """Staffordshire's terms (examples/governance.py), with a quorum of three quarters
    of the 15 councillor seats added: the terms state none (004), and the comparison
    needs quorum findings to compare, met at some meetings and not at others."""
    terms = load_object(f"{ROOT / 'examples' / 'governance.py'}:STAFFORDSHIRE", Constitution,
                        "constitution")
    return evolve(terms, quorum=Quorum(ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%",
                                                   seats=15, stated=12)))


def judged(membership: Membership, meetings: Meetings) -> tuple[object, list[object]]:
    """The register's rows and every finding of the review, as comparable values."""
    record = PanelRecord.for_period("Staffordshire Corporate Parenting Panel", membership,
                                    meetings, MunicipalYear(2019))
    register = attendance_register(record)
    rows = [(row.member, row.marks, row.attended) for row in register.rows]
    findings = [_seen(f) for f in staffordshire().review(record)]
    return ([m.held_on for m in register.meetings], rows), findings


def _seen(finding: Finding) -> object:
    return (finding.subject, finding.rule, finding.status, finding.explanation,
            dict(finding.evidence))


HAND_WRITTEN = (read_membership(DATA / "staffordshire_2019-20_membership.json"),
                read_meetings(DATA / "staffordshire_2019-20_meetings.csv"))


def test_the_export_gives_the_hand_written_register_and_findings() -> None:
    membership = read_membership(DATA / "staffordshire_2019-20_membership_list.csv")
    meetings = read_meetings(DATA / "staffordshire_2019-20_attendance_export.csv")
    assert membership == HAND_WRITTEN[0]
    assert judged(membership, meetings) == judged(*HAND_WRITTEN)
    quorum = [f for f in staffordshire().review(PanelRecord.for_period(
        "panel", membership, meetings, MunicipalYear(2019))) if f.rule == "quorum"]
    assert len(quorum) == 9
    assert {f.status for f in quorum} == {Status.MET, Status.BREACHED}


def test_officers_in_attendance_are_recorded_and_never_counted() -> None:
    meetings = read_meetings(DATA / "staffordshire_2019-20_attendance_export.csv")
    assert all(m.invited == OFFICERS for m in meetings)
    assert [evolve(m, invited=()) for m in meetings] == list(HAND_WRITTEN[1])


def _workbook(source: Path, target: Path, dated: tuple[str, ...]) -> Path:
    """``source`` as a workbook: its ``dated`` columns as date cells, as a committee
    system's spreadsheet export holds them, under a title row."""
    with source.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Attendance export"])
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([_date_cell(cell) if heading in dated else cell
                      for heading, cell in zip(rows[0], row, strict=True)])
    book.save(target)
    return target


def _date_cell(text: str) -> date | str:
    if not text:
        return text
    day, month, year = map(int, text.split("/"))
    return date(year, month, day)


def test_a_workbook_export_reads_as_the_csv_does(tmp_path: Path) -> None:
    meetings = _workbook(DATA / "staffordshire_2019-20_attendance_export.csv",
                         tmp_path / "attendance.xlsx", ("Meeting date",))
    members = _workbook(DATA / "staffordshire_2019-20_membership_list.csv",
                        tmp_path / "members.xlsx", ("From", "To"))
    assert list(read_meetings(meetings)) == list(
        read_meetings(DATA / "staffordshire_2019-20_attendance_export.csv"))
    assert read_membership(members) == HAND_WRITTEN[0]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_substitute_and_apologies_count_as_the_project_counts_them(tmp_path: Path) -> None:
    """"Present as substitute" is the project's substitute, "In attendance" its invited,
    "Apologies" and "Absent" its own: the same meeting, and the same quorum."""
    export = write(tmp_path, "export.csv", (
        "Meeting date,Attendee,Role,Attendance status,Substituting for\n"
        "27/09/2022,Ann Abbot,Chair,Present as expected,\n"
        "27/09/2022,Ben Bryce,Member,Apologies,\n"
        "27/09/2022,Sue Sands,Substitute,Present as substitute,Ben Bryce\n"
        "27/09/2022,Cal Cole,Member,Absent,\n"
        "27/09/2022,Olu Officer,Officer,In attendance,\n"))
    own = write(tmp_path, "own.csv", (
        "date,member,attendance,substitute_for\n"
        "2022-09-27,Ann Abbot,present,\n"
        "2022-09-27,Ben Bryce,apologies,\n"
        "2022-09-27,Sue Sands,substitute,Ben Bryce\n"
        "2022-09-27,Olu Officer,invited,\n"))
    (meeting,) = read_meetings(export)
    assert list(read_meetings(own)) == [meeting]
    assert meeting.substituted("Ben Bryce")
    assert meeting.invited == ("Olu Officer",)


_STATES = ("present", "apologies", "absent", "invited")
_WORDS = {state: [w for w, s in ATTENDANCE_WORDS.items() if s == state] for state in _STATES}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_STATES), min_size=1, max_size=8),
       st.data())
def test_any_attendance_in_committee_words_reads_as_in_the_project_words(
        states: list[str], data: st.DataObject) -> None:
    """Each state written in any of the committee system's words for it, in any case,
    reads back to the meeting the project's own words give."""
    own = ["date,member,attendance"]
    export = ["Meeting date,Attendee,Attendance"]
    for number, state in enumerate(states):
        word = data.draw(st.sampled_from(_WORDS[state]))
        word = data.draw(st.sampled_from([word, word.upper(), word.lower(), f" {word} "]))
        own.append(f"2022-09-27,Person {number},{state}")
        export.append(f"27/09/2022,Person {number},{word}")
    with tempfile.TemporaryDirectory() as folder:
        first = write(Path(folder), "own.csv", "\n".join(own) + "\n")
        second = write(Path(folder), "export.csv", "\n".join(export) + "\n")
        assert list(read_meetings(second)) == list(read_meetings(first))


def test_an_unknown_word_is_reported_never_guessed(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", (
        "Meeting date,Attendee,Attendance\n"
        "27/09/2022,Ann Abbot,Present as expected\n"
        "27/09/2022,Ben Bryce,Expected\n"
        "27/09/2022,Cal Cole,Present virtual\n"
        "27/09/2022,Dee Dunn,Here\n"))
    with pytest.raises(DataError) as caught:
        read_meetings(export)
    problems = caught.value.problems
    assert [(p.line, p.field) for p in problems] == [
        (3, "Attendance"), (4, "Attendance"), (5, "Attendance")]
    assert all(p.source == str(export) for p in problems)
    assert all("'Present as substitute'" in p.message and "'In attendance'" in p.message
               for p in problems)
    assert "before attendance is taken" in problems[0].message
    assert "remote attendance" in problems[1].message
    assert "'Here'" in problems[2].message


def test_own_headings_are_mapped_by_columns(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", (
        "Held,Cllr,Outcome\n"
        "27/09/2022,Ann Abbot,Present\n"
        "27/09/2022,Ben Bryce,Apologies\n"))
    with pytest.raises(DataError) as caught:
        read_meetings(export)
    assert {p.field for p in caught.value.problems} == {"Held", "Cllr", "Outcome", "date"}
    (meeting,) = read_meetings(export, columns="Held=date,Cllr=member,Outcome=attendance")
    assert (meeting.present, meeting.apologies) == (("Ann Abbot",), ("Ben Bryce",))


def test_a_second_committee_in_one_file_is_reported(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", (
        "Committee,Meeting date,Attendee,Attendance\n"
        "Corporate Parenting Panel,27/09/2022,Ann Abbot,Present\n"
        "corporate  parenting panel,27/09/2022,Ben Bryce,Present\n"
        "Planning Committee,28/09/2022,Cal Cole,Present\n"))
    with pytest.raises(DataError) as caught:
        read_meetings(export)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (4, "Committee")
    assert "Corporate Parenting Panel as at line 2" in problem.message


def test_validate_recognises_the_export_and_the_membership_list() -> None:
    from corpparent.kinds import detect

    root = Path(__file__).parent.parent / "examples" / "data"
    assert detect(root / "staffordshire_2019-20_attendance_export.csv").name == "meetings"
    assert detect(root / "staffordshire_2019-20_membership_list.csv").name == "membership"
    # The hand-written files are recognised as before.
    assert detect(root / "staffordshire_2019-20_meetings.csv").name == "meetings"
    assert detect(root / "staffordshire_2019-20_membership.json").name == "membership"
