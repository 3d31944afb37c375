"""A committee system's membership list, a row a member, read into the membership; and
`corpparent meetings` taking an attendance export and a membership list."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.files.panel.membership import read_membership
from corpparent.governance.membership import MemberClass, Office
from reports_support import ROOT

DATA = ROOT / "examples" / "data"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_roles_parties_and_dates_are_read(tmp_path: Path) -> None:
    listed = write(tmp_path, "members.csv", (
        "Councillor,Role,Party,Portfolio,Start date,End date,Seat\n"
        "Ann Abbot,Chair,Independent,Cabinet Member for Children,,,\n"
        "Ben Bryce,Vice-Chairman,Green,,01/06/2022,,\n"
        "Cal Cole,Member,Labour,,,31/12/2022,\n"
        "Dee Dunn,Co-optee,,,,,\n"
        "Eve Earl,Reserve,Labour,,,,\n"
        "Fay Ford,vice chair,,,,,co-opted member\n"))
    members = {m.name: m for m in read_membership(listed).members}
    ann, ben, cal, dee, eve, fay = members.values()
    assert (ann.office, ann.member_class, ann.group, ann.role) == (
        Office.CHAIR, MemberClass.CORE_COUNCILLOR, "Independent", "Cabinet Member for Children")
    assert (ben.office, ben.group, ben.joined) == (Office.VICE_CHAIR, "Green", date(2022, 6, 1))
    assert (cal.office, cal.left) == (None, date(2022, 12, 31))
    assert (dee.member_class, dee.group) == (MemberClass.CO_OPTED, None)
    assert eve.member_class is MemberClass.SUBSTITUTE
    assert (fay.office, fay.member_class) == (Office.VICE_CHAIR, MemberClass.CO_OPTED)


def test_a_list_gives_the_membership_its_json_gives() -> None:
    assert read_membership(DATA / "staffordshire_2019-20_membership_list.csv") == \
        read_membership(DATA / "staffordshire_2019-20_membership.json")


def test_problems_are_reported_with_line_and_heading(tmp_path: Path) -> None:
    listed = write(tmp_path, "members.csv", (
        "Name,Role,From,To,Class\n"
        "Ann Abbot,Boss,,,\n"                             # 2: no such role
        "Ben Bryce,Co-optee,,,core councillor\n"          # 3: a co-optee's seat is co-opted
        "Cal Cole,Member,01/06/2022,01/01/2022,\n"        # 4: left before joining
        "Dee Dunn,Member,2022-13-01,,\n"                  # 5: no such month
        ",Member,,,\n"))                                  # 6: no name
    with pytest.raises(DataError) as caught:
        read_membership(listed)
    problems = caught.value.problems
    assert [(p.line, p.field) for p in problems] == [
        (2, "Role"), (3, "Class"), (4, "To"), (5, "From"), (6, "Name")]
    assert "'Co-optee'" in problems[0].message
    assert "'Boss'" in problems[0].message
    assert "co-opted member" in problems[1].message


def test_a_second_overlapping_spell_is_reported_at_its_row(tmp_path: Path) -> None:
    listed = write(tmp_path, "members.csv", (
        "Name,Role,From,To\n"
        "Ann Abbot,Member,01/01/2022,\n"
        "Ann Abbot,Chair,01/06/2022,\n"))
    with pytest.raises(DataError) as caught:
        read_membership(listed)
    assert [p.line for p in caught.value.problems] == [3]


def test_own_headings_are_mapped_and_other_files_refused(tmp_path: Path) -> None:
    listed = write(tmp_path, "members.csv", "Cllr,Position\nAnn Abbot,Chair\n")
    (ann,) = read_membership(listed, columns={"Cllr": "name", "Position": "role"}).members
    assert ann.office is Office.CHAIR
    with pytest.raises(DataError) as caught:
        read_membership(write(tmp_path, "members.txt", "Name\nAnn\n"))
    assert ".json" in caught.value.problems[0].message
    assert ".csv" in caught.value.problems[0].message


STAFFORDSHIRE = f"{ROOT / 'examples' / 'governance.py'}:STAFFORDSHIRE"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def findings(meetings: Path, membership: Path, *more: str) -> list[tuple[object, ...]]:
    result = run("meetings", str(meetings), "-C", STAFFORDSHIRE, "-m", str(membership),
                 "-p", "MY 2019-20", "-f", "json", *more)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    return [(f["subject"], f["rule"], f["status"], f["explanation"], f["evidence"])
            for f in document["findings"]] + [document["attendance_register"]]


def test_the_command_takes_an_export_and_a_list() -> None:
    assert findings(DATA / "staffordshire_2019-20_attendance_export.csv",
                    DATA / "staffordshire_2019-20_membership_list.csv") == findings(
        DATA / "staffordshire_2019-20_meetings.csv",
        DATA / "staffordshire_2019-20_membership.json")


def test_the_command_maps_headings_with_columns(tmp_path: Path) -> None:
    export = (DATA / "staffordshire_2019-20_attendance_export.csv").read_text(encoding="utf-8")
    renamed = write(tmp_path, "export.csv", export.replace("Attendee,", "Cllr,", 1))
    listed = (DATA / "staffordshire_2019-20_membership_list.csv").read_text(encoding="utf-8")
    members = write(tmp_path, "members.csv", listed.replace("Role,", "Position,", 1))
    assert findings(renamed, members, "--columns", "Cllr=member",
                    "--membership-columns", "Position=role") == findings(
        DATA / "staffordshire_2019-20_meetings.csv",
        DATA / "staffordshire_2019-20_membership.json")
    bad = run("meetings", str(renamed), "-C", STAFFORDSHIRE, "-p", "MY 2019-20",
              "--columns", "Cllr")
    assert bad.exit_code == 2
    assert "HEADING=FIELD" in bad.stderr
