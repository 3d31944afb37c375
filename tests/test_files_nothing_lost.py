"""Rows a reader could lose without a word are reported instead: duplicates, records
beside the list read, empty names."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent import DataError, Indicator, IndicatorSet, Kind, Polarity, read_readings
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from national_data import NATIONAL_DATA

INDICATORS = IndicatorSet([Indicator("cla", "Children in care", Kind.SNAPSHOT,
                                     Polarity.NEUTRAL)])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(read: object, path: Path) -> tuple[str, ...]:
    with pytest.raises(DataError) as caught:
        read(path)  # type: ignore[operator]
    return tuple(str(problem) for problem in caught.value.problems)


def test_a_second_list_beside_the_readings_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{"readings": [{"indicator": "cla", "period": "2022-23",'
                 ' "value": 1}],\n "readingz": [{"indicator": "cla", "period": "2023-24",'
                 ' "value": 2}]}')
    [problem] = problems(lambda p: read_readings(p, INDICATORS), path)
    assert problem.startswith(f"{path}, line 2, field 'readingz': unknown key")


def test_keys_describing_a_file_are_accepted_beside_its_records(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{"source": "the panel\'s scorecard", "readings": ['
                 '{"indicator": "cla", "period": "2022-23", "value": 1}]}')
    assert len(read_readings(path, INDICATORS)) == 1


def test_member_less_rows_of_one_meeting_are_not_merged(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "date,member,attendance\n27/09/2022,,not recorded\n"
                 "27/09/2022,,not recorded\n")
    [problem] = problems(read_meetings, path)
    assert problem.startswith(f"{path}, line 3, field 'member': a second row")


@pytest.mark.national_data
def test_a_repeated_authority_of_the_neighbour_model_is_reported(tmp_path: Path) -> None:
    lines = (NATIONAL_DATA / "sn_model_2025_wide.csv").read_text(
        encoding="utf-8-sig").splitlines()
    path = write(tmp_path, "sn.csv", "\n".join([*lines, lines[1]]) + "\n")
    [problem] = problems(read_neighbours, path)
    assert problem.startswith(f"{path}, line {len(lines) + 1}, field 'old_la_code'")
    assert "first given at line 2" in problem


@pytest.mark.national_data
def test_a_contradictory_second_ofsted_row_is_reported(tmp_path: Path) -> None:
    lines = (NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv").read_text(
        encoding="utf-8").splitlines()
    changed = lines[1].replace(",Good", ",Outstanding", 1)
    assert changed != lines[1]
    path = write(tmp_path, "ofsted.csv", "\n".join([*lines, changed]) + "\n")
    [problem] = problems(read_ofsted, path)
    assert problem.startswith(f"{path}, line {len(lines) + 1}, field 'Local authority area")
    assert "the first is at line 2" in problem


@pytest.mark.parametrize(("text", "field"), [
    ('{"members": [{"name": "Ann Lee", "class": "core councillor"}],\n "leads": 5}',
     "leads"),
    ('{"members": [{"name": " ", "class": "core councillor"}]}', "members[0].name"),
    ('{"members": [{"name": "Ann Lee", "class": "core councillor"}],\n'
     ' "leads": [{"priority": "health", "member": ""}]}', "leads[0].member"),
])
def test_a_membership_file_names_the_line_and_field_at_fault(
        tmp_path: Path, text: str, field: str) -> None:
    path = write(tmp_path, "members.json", text)
    found = problems(read_membership, path)
    assert any(p.startswith(f"{path}, line ") and f"field '{field}'" in p for p in found), found
