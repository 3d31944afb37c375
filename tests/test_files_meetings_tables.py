"""Meetings from what an analyst already holds: a workbook, a list of dicts, a pandas or
polars DataFrame, each read as the CSV file with the same rows."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import polars as pl
import pytest

from corpparent.errors import DataError
from corpparent.files.panel.meetings import read_meetings

CSV = Path(__file__).resolve().parent.parent / "examples" / "data" / \
    "staffordshire_2019-20_meetings.csv"


def _rows() -> list[dict[str, str]]:
    with CSV.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_a_list_of_dicts_gives_the_same_meetings_as_the_csv() -> None:
    assert list(read_meetings(_rows())) == list(read_meetings(CSV))


def test_pandas_and_polars_give_the_same_meetings_as_the_csv() -> None:
    expected = list(read_meetings(CSV))
    assert list(read_meetings(pd.read_csv(CSV, dtype=str, keep_default_na=False))) == expected
    assert list(read_meetings(pl.read_csv(CSV, infer_schema=False))) == expected


def test_a_workbook_gives_the_same_meetings_as_the_csv(tmp_path: Path) -> None:
    rows = _rows()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Attendance"
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    path = tmp_path / "meetings.xlsx"
    book.save(path)
    assert list(read_meetings(path)) == list(read_meetings(CSV))


def test_a_bad_date_in_a_dataframe_names_its_line_and_field() -> None:
    rows = _rows()
    rows[2]["date"] = "the 3rd"
    with pytest.raises(DataError) as caught:
        read_meetings(pd.DataFrame(rows))
    problem = caught.value.problems[0]
    assert (problem.line, problem.field) == (4, "date")
