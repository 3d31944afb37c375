"""A header's problems reach the user beside the rows' own, through every reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel

from corpparent.errors import DataError
from corpparent.files._tabular.records import read_records, validate_records
from corpparent.files.kinds import Against
from corpparent.files.panel.comparators import read_comparators
from corpparent.files.panel.meetings import read_meetings_csv
from corpparent.files.panel.submissions import read_submissions
from corpparent.kinds import kind_named


def _write(folder: Path, text: str) -> Path:
    path = folder / "file.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _readings(path: Path) -> object:
    return kind_named("readings").check(path, Against())


@pytest.mark.parametrize(("read", "text", "bad"), [
    (read_comparators, "comparator,indicator,period,value,Colour\n"
     "England,moves,2022-23,abc,red\n", "value"),
    (read_submissions, "document,recipient,date,Colour\nminutes,Select Committee,someday,red\n",
     "date"),
    (read_meetings_csv, "date,member,Colour\nsomeday,Ann,red\n", "date"),
    (_readings, "indicator,period,value,Colour\nmoves,someday,7,red\n", "period"),
])
def test_an_unknown_column_is_reported_with_the_rows_problems(
    tmp_path: Path, read: Callable[[Path], object], text: str, bad: str
) -> None:
    with pytest.raises(DataError) as caught:
        read(_write(tmp_path, text))
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "Colour"), (2, bad)]
    assert caught.value.problems[0].note == "unknown column"


class _Row(BaseModel):
    name: str
    count: int


def test_records_recast_or_left_out_keep_the_header_problems(tmp_path: Path) -> None:
    path = _write(tmp_path, "name,count,Colour\nAnn,1,red\nBen,x,blue\n")
    records = read_records(path, required=("name", "count"))
    kept = records.with_records(record for record in records if record.row != 2)
    valid, problems = validate_records(_Row, kept)
    assert valid == []
    assert [(p.line, p.field) for p in problems] == [(1, "Colour"), (3, "count")]


def test_unknown_columns_alone_let_every_row_be_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "name,Colour,count,Shade\nAnn,red,1,dark\n")
    records = read_records(path, required=("name", "count"))
    assert [(p.line, p.field) for p in records.problems] == [(1, "Colour"), (1, "Shade")]
    assert records.header == ("name", "count")
    assert dict(records[0].fields) == {"name": "Ann", "count": "1"}


def test_a_repeated_unknown_column_stops_the_file(tmp_path: Path) -> None:
    # One repeat is enough to stop the file, however many columns are only unknown.
    path = _write(tmp_path, "name,count,Colour,Colour\nAnn,1,red,blue\n")
    with pytest.raises(DataError) as caught:
        read_records(path, required=("name", "count"))
    assert [(p.field, p.note, p.found) for p in caught.value.problems] == [
        ("Colour", "", "it repeated"), ("Colour", "unknown column", None)]
