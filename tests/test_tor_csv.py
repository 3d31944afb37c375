"""A CSV meetings file carries everything a JSON one can: who attended, sent apologies,
was absent, attended by invitation or substituted, whether each substitution was noted
at the start and the item the substitute sat from, the kind and the title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpparent.errors import DataError
from corpparent.files.panel.meetings import read_meetings
from corpparent.governance import Substitution

CSV = """\
date,member,attendance,substitute_for,noted_at_start,from_item,kind,title
2023-06-01,Cllr A,present,,,,formal,Panel
2023-06-01,Cllr B,apologies,,,,,
2023-06-01,Cllr C,absent,,,,,
2023-06-01,Reserve R,substitute,Cllr B,yes,3,,
2023-06-01,Reserve S,substitute,Cllr C,no,,,
2023-06-01,Virtual School Head,invited,,,,,
2023-07-01,Cllr A,present,,,,informal,
2023-07-01,Reserve R,substitute,Cllr B,,,,
2023-09-01,,not recorded,,,,,
"""

JSON = [
    {"date": "2023-06-01", "kind": "formal", "title": "Panel", "present": ["Cllr A"],
     "apologies": ["Cllr B"], "absent": ["Cllr C"],
     "substitutes": [{"name": "Reserve R", "for": "Cllr B", "noted_at_start": True,
                      "from_item": 3},
                     {"name": "Reserve S", "for": "Cllr C", "noted_at_start": False}],
     "invited": ["Virtual School Head"]},
    {"date": "2023-07-01", "kind": "informal", "present": ["Cllr A"],
     "substitutes": [{"name": "Reserve R", "for": "Cllr B"}]},
    {"date": "2023-09-01"},
]


def test_a_csv_file_and_a_json_file_hold_the_same_meetings(tmp_path: Path) -> None:
    (tmp_path / "meetings.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "meetings.json").write_text(json.dumps(JSON), encoding="utf-8")
    from_csv = read_meetings(tmp_path / "meetings.csv")
    assert from_csv == read_meetings(tmp_path / "meetings.json")
    first = from_csv[0]
    assert first.substitutions == (Substitution("Reserve R", "Cllr B", True, 3),
                                   Substitution("Reserve S", "Cllr C", False, None))
    assert first.invited == ("Virtual School Head",)
    assert from_csv[1].substitutions == (Substitution("Reserve R", "Cllr B"),)


def test_a_table_of_rows_carries_them_too() -> None:
    rows = [{"date": "2023-06-01", "member": "Reserve R", "attendance": "substitute",
             "substitute_for": "Cllr B", "noted_at_start": "no", "from_item": "2"}]
    (meeting,) = read_meetings(rows)
    assert meeting.substitutions == (Substitution("Reserve R", "Cllr B", False, 2),)


@pytest.mark.parametrize(("row", "field", "expected"), [
    ("2023-06-01,Cllr A,present,,yes,", "noted_at_start",
     "'noted_at_start' is only for attendance 'substitute', not 'present'"),
    ("2023-06-01,Cllr A,apologies,,,2", "from_item",
     "'from_item' is only for attendance 'substitute', not 'apologies'"),
    ("2023-06-01,Reserve R,substitute,Cllr B,perhaps,", "noted_at_start", "boolean"),
    ("2023-06-01,Reserve R,substitute,Cllr B,,0", "from_item", "greater than or equal"),
])
def test_a_wrong_substitution_column_is_reported_at_its_line_and_field(
        tmp_path: Path, row: str, field: str, expected: str) -> None:
    path = tmp_path / "meetings.csv"
    path.write_text("date,member,attendance,substitute_for,noted_at_start,from_item\n"
                    f"{row}\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_meetings(path)
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (2, field)
    assert expected in str(problem)
