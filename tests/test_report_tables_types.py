"""Tables for BI tools keep their types: a period has its first and last days as dates, a
meeting is a date, a rank a whole number, evidence a typed value, whatever the rows."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
from attrs import evolve
from click.testing import CliRunner
from hypothesis import given

from corpparent.cli import cli
from corpparent.periods import Period
from corpparent.report.backends.spreadsheets import parquet_bytes, xlsx_bytes
from corpparent.report.tables import Table, tidy_tables
from corpparent.testing.strategies import periods
from reports_support import ROOT, wiltshire_report

DATA = ROOT / "examples" / "data"
STAFFORDSHIRE = f"{ROOT / 'examples' / 'governance.py'}:STAFFORDSHIRE"
ARROW = {"text": pa.string(), "date": pa.date32(), "number": pa.float64(),
         "integer": pa.int64(), "yes/no": pa.bool_()}


def _schema(table: Table) -> pa.Schema:
    return pq.read_table(io.BytesIO(parquet_bytes(table))).schema


def test_parquet_has_one_schema_for_a_full_table_and_an_empty_one() -> None:
    for table in tidy_tables(wiltshire_report()):
        full = _schema(table)
        empty = _schema(evolve(table, rows=()))
        assert [(f.name, f.type) for f in full] == [(f.name, f.type) for f in empty]
        assert [f.type for f in full] == [ARROW[kind] for kind in table.types], table.name


def test_a_row_carries_its_periods_days_as_dates() -> None:
    indicators = pq.read_table(io.BytesIO(parquet_bytes(
        tidy_tables(wiltshire_report())[0]))).to_pylist()
    q4 = next(r for r in indicators if r["period"] == "2022-23 Q4")
    assert (q4["period_start"], q4["period_end"]) == (date(2023, 1, 1), date(2023, 3, 31))
    ranked = [r["national_rank"] for r in indicators if r["national_rank"] is not None]
    assert all(type(rank) is int for rank in ranked)


def test_xlsx_writes_dates_as_dates_and_numbers_as_numbers(tmp_path: Path) -> None:
    tables = tidy_tables(wiltshire_report())
    path = tmp_path / "w.xlsx"
    path.write_bytes(xlsx_bytes([*tables, evolve(tables[0], name="empty", rows=())]))
    book = openpyxl.load_workbook(path)
    sheet = book["indicators"]
    header = [cell.value for cell in sheet[1]]
    first = [cell.value for cell in sheet[2]]
    row = dict(zip(header, first, strict=True))
    assert isinstance(row["period_start"], datetime)
    assert sheet.cell(2, header.index("period_start") + 1).number_format == "yyyy-mm-dd"
    assert isinstance(row["value"], int | float) or row["value"] is None
    assert [cell.value for cell in book["empty"][1]] == header
    assert book["empty"].max_row == 1


def test_evidence_is_a_table_of_typed_values() -> None:
    report = wiltshire_report()
    tables = {t.name: t for t in tidy_tables(report)}
    evidence = tables["evidence"].records()
    expected = [(f.subject, f.rule, key, value) for f in report.findings
                for key, value in f.evidence.items()]
    assert len(evidence) == len(expected)
    for row, (subject, rule, key, value) in zip(evidence, expected, strict=True):
        assert (row["subject"], row["rule"], row["key"]) == (subject, rule, key)
        if isinstance(value, bool):
            assert row["yes_no"] is value
        elif isinstance(value, int | float):
            assert row["number"] == value or abs(row["number"] - value) < 1e-9 * abs(value)
        else:
            assert row["text"] == value


def test_a_meetings_register_has_its_meetings_as_dates(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    result = CliRunner().invoke(cli, [
        "meetings", str(DATA / "staffordshire_2019-20_meetings.csv"), "-C", STAFFORDSHIRE,
        "-m", str(DATA / "staffordshire_2019-20_membership.json"), "-p", "MY 2019-20",
        "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    book = openpyxl.load_workbook(out)
    register = book["register"]
    header = [cell.value for cell in register[1]]
    meetings = [row[header.index("meeting")].value for row in register.iter_rows(min_row=2)]
    assert meetings
    assert all(isinstance(day, datetime) for day in meetings)


@given(periods)
def test_a_periods_days_are_read_back_from_its_text(period: Period) -> None:
    from corpparent.report.tables import _period_cells

    text = str(period)
    assert _period_cells(text) == (text, period.start.isoformat(), period.end.isoformat())


def test_a_period_corpparent_does_not_read_keeps_its_text_and_no_days() -> None:
    from corpparent.report.tables import _period_cells

    assert _period_cells("2023") == ("2023", None, None)
    assert _period_cells(None) == (None, None, None)
