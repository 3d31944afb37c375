"""The attendance register: every member against every meeting, from the minutes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given

from corpparent.cli import cli
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from corpparent.governance.attendance import attendance_table
from corpparent.governance.meetings import Meeting, Meetings, Substitution
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.governance.register import Mark, attendance_register
from corpparent.periods import MunicipalYear
from corpparent.testing.values import panel_records
from test_governance_attendance import DATA, PUBLISHED

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"


@pytest.fixture(scope="module")
def staffordshire() -> PanelRecord:
    """Staffordshire's 2019-20 panel, from its membership and meetings (004 §7-8)."""
    membership = read_membership(DATA / "staffordshire_2019-20_membership.json")
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.json")
    return PanelRecord.for_period("Staffordshire CPP", membership, meetings,
                                  MunicipalYear(2019))


def test_the_register_adds_up_to_the_published_attendance(
    staffordshire: PanelRecord,
) -> None:
    """004 §7-8: each member's attended over possible, as the annual report prints it."""
    register = attendance_register(staffordshire)
    assert {row.member.name: f"{row.attended}/{row.possible}"
            for row in register.rows} == PUBLISHED
    assert len(register.meetings) == 9


def test_each_mark_says_what_the_minutes_say() -> None:
    year = MunicipalYear(2023)
    ann = Member("Ann", MemberClass.CORE_COUNCILLOR)
    bob = Member("Bob", MemberClass.CORE_COUNCILLOR)
    cat = Member("Cat", MemberClass.CORE_COUNCILLOR)
    dan = Member("Dan", MemberClass.CORE_COUNCILLOR, joined=date(2023, 9, 1))
    meetings = Meetings([
        Meeting(date(2023, 6, 1), present=("Ann", "Sub"),
                substitutions=(Substitution("Sub", "Bob"),), apologies=("Cat",)),
        Meeting(date(2023, 7, 1)),  # attendance not recorded
        Meeting(date(2023, 10, 1), present=("Dan",)),
    ])
    record = PanelRecord.for_period("Panel", Membership([ann, bob, cat, dan]), meetings, year)
    marks = {row.member.name: row.marks for row in attendance_register(record).rows}
    assert marks == {
        "Ann": (Mark.PRESENT, Mark.NOT_RECORDED, Mark.ABSENT),
        "Bob": (Mark.SUBSTITUTE, Mark.NOT_RECORDED, Mark.ABSENT),
        "Cat": (Mark.APOLOGIES, Mark.NOT_RECORDED, Mark.ABSENT),
        "Dan": (Mark.NOT_A_MEMBER, Mark.NOT_A_MEMBER, Mark.PRESENT),
    }


@given(panel_records())
def test_the_register_and_the_attendance_table_agree(record: PanelRecord) -> None:
    table = {(row.member.name, row.member.joined): (row.attended, row.possible)
             for row in attendance_table(record)}
    register = {(row.member.name, row.member.joined): (row.attended, row.possible)
                for row in attendance_register(record).rows}
    assert register == table


def test_the_meetings_report_carries_the_register(tmp_path: Path) -> None:
    args = ["meetings", str(EXAMPLES / "staffordshire_2019-20_meetings.csv"), "-a",
            "staffordshire", "-p", "MY 2019-20"]
    markdown = CliRunner().invoke(cli, [*args, "-f", "markdown"]).stdout
    assert "## Attendance register" in markdown
    # named once: the section's heading is the table's name, with its dates
    headings = [line for line in markdown.splitlines() if "Attendance register" in line]
    assert len(headings) == 1
    assert headings[0].startswith("## Attendance register (")
    assert "| Michael Greatorex | ✓ | ✗ | ✓ | ✗ | – | – | – | – | – | 2 of 4 |" in markdown
    html = CliRunner().invoke(cli, [*args, "-f", "html"]).stdout
    assert '<h2 id="register">Attendance register</h2>' in html
    out = tmp_path / "meetings.csv"
    assert CliRunner().invoke(cli, [*args, "-f", "csv", "-o", str(out)]).exit_code == 0
    register = (tmp_path / "meetings-register.csv").read_text(encoding="utf-8")
    marks = [(r["member"], r["meeting"], r["mark"]) for r in csv.DictReader(
        io.StringIO(register)) if r["member"] == "Richard Ford"]
    assert marks[-3:] == [("Richard Ford", "2020-01-20", "present"),
                          ("Richard Ford", "2020-02-17", "present"),
                          ("Richard Ford", "2020-03-16", "absent")]
