"""Tidy exports: the scorecard as CSV, Excel and Parquet tables with flat columns, the
same rows in each, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from corpparent.cli import cli
from corpparent.report import finish, render
from corpparent.report.backends.spreadsheets import FORMULA_STARTS, csv_text, safe_text
from corpparent.report.output import render_binary
from corpparent.report.tables import INDICATOR_COLUMNS, tidy_tables
from reports_support import READINGS, count_report, wiltshire_report


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_indicator_and_period_of_its_trend() -> None:
    report = wiltshire_report()
    rows = _csv_rows(render(report, "csv"))
    expected = {(i.id, p.period) for i in report.indicators for p in i.trend}
    assert {(r["indicator_id"], r["period"]) for r in rows} >= expected
    assert len(rows) == len({(r["indicator_id"], r["period"]) for r in rows})
    own = [r for r in rows if r["is_report_period"] == "yes"]
    assert sorted(r["indicator_id"] for r in own) == sorted(i.id for i in report.indicators)


def test_the_report_period_row_carries_the_headline_and_the_range() -> None:
    report = wiltshire_report()
    rows = {(r["indicator_id"], r["period"]): r for r in _csv_rows(render(report, "csv"))}
    for indicator in report.indicators:
        row = rows[(indicator.id, "2022-23 Q4")]
        status = "not judged" if indicator.status is None else indicator.status.value
        assert row["status"] == status
        if indicator.value is not None:
            assert float(row["value"]) == indicator.value
        if indicator.expected_range is not None:
            assert float(row["range_lower"]) == indicator.expected_range.lower


def test_every_column_holds_one_plain_value() -> None:
    for table in tidy_tables(wiltshire_report()):
        for row in table.rows:
            assert len(row) == len(table.columns)
            assert all(cell is None or isinstance(cell, str | int | float | bool)
                       for cell in row)
    assert tidy_tables(wiltshire_report())[0].columns == INDICATOR_COLUMNS


def test_withheld_counts_stay_withheld_in_the_tables() -> None:
    report = finish(count_report({"Q1": 2, "Q2": 7, "Q3": 4, "Q4": 8}), "csv",
                    profile="public")
    rows = {r["period"]: r for r in _csv_rows(render(report, "csv"))}
    assert (rows["2022-23 Q1"]["value"], rows["2022-23 Q1"]["symbol"]) == ("", "c")
    assert rows["2022-23 Q2"]["value"] == "7.0"


def test_xlsx_holds_the_same_rows_as_the_csv(tmp_path: Path) -> None:
    report = wiltshire_report()
    path = tmp_path / "w.xlsx"
    path.write_bytes(render_binary(report, "xlsx"))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["About", "indicators", "comparators", "findings", "evidence"]
    for table in tidy_tables(report):
        sheet = book[table.name]
        got = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
        assert got[0] == table.columns
        dates = [kind == "date" for kind in table.types]
        assert [tuple(datetime.fromisoformat(c) if c is not None and is_date else c
                      for c, is_date in zip(row, dates, strict=True))
                 for row in table.rows] == got[1:]


def test_parquet_holds_the_same_rows_as_the_csv(tmp_path: Path) -> None:
    report = wiltshire_report()
    path = tmp_path / "w.parquet"
    path.write_bytes(render_binary(report, "parquet"))
    records = pq.read_table(path).to_pylist()
    rows = _csv_rows(render(report, "csv"))
    assert len(records) == len(rows)
    for record, row in zip(records, rows, strict=True):
        assert record["indicator_id"] == row["indicator_id"]
        assert record["period"] == row["period"]
        assert (record["value"] is None) == (row["value"] == "")


def test_a_formula_in_a_name_is_text_in_csv_and_xlsx(tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://example.invalid","click")'
    report = count_report({"Q4": 8}, name=formula)
    row = _csv_rows(render(report, "csv"))[0]
    assert row["indicator_name"] == "'" + formula
    path = tmp_path / "f.xlsx"
    path.write_bytes(render_binary(report, "xlsx"))
    cell = openpyxl.load_workbook(path)["indicators"]["F2"]  # after profile, publication ...
    assert (cell.value, cell.data_type) == (formula, "s")


@given(st.text())
def test_no_csv_text_cell_starts_a_formula(text: str) -> None:
    safe = safe_text(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe == text or safe == "'" + text


def test_the_command_line_writes_every_table_beside_a_csv(tmp_path: Path) -> None:
    out = tmp_path / "w.csv"
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire",
                                      "-p", "2022-23 Q4", "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["w-comparators.csv", "w-evidence.csv", "w-findings.csv", "w.csv"]
    expected = _csv_rows(csv_text(tidy_tables(wiltshire_report())[0]))
    written = _csv_rows(out.read_bytes().decode("utf-8"))
    assert [{**r, "authority": ""} for r in written] == [
        {**r, "authority": ""} for r in expected]
    findings = _csv_rows((tmp_path / "w-findings.csv").read_text(encoding="utf-8"))
    assert len(findings) == len(wiltshire_report().findings)


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_a_binary_format_needs_a_file(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire",
                                      "-p", "2022-23 Q4", "-f", fmt])
    assert result.exit_code == 2
    assert "give --output FILE" in result.output


def test_the_report_period_row_carries_the_target_and_ambition() -> None:
    # 002 §88: health assessments, "target at least 94%"; in-house fostering, an
    # ambition of 65% (both set for 2022-23).
    report = wiltshire_report()
    rows = {(r["indicator_id"], r["is_report_period"]): r
            for r in _csv_rows(render(report, "csv"))}
    for indicator in report.indicators:
        row = rows[(indicator.id, "yes")]
        targets = {t.ambition: t for t in indicator.targets}
        for ambition, column in ((False, "target"), (True, "ambition")):
            if ambition in targets:
                assert float(row[column]) == targets[ambition].value
                assert row[f"{column}_direction"] == targets[ambition].direction
            else:
                assert row[column] == ""
    assert any(i.targets for i in report.indicators)
    assert all(r["target"] == "" for (_, own), r in rows.items() if own == "no")
