"""Cells read as the sheet shows them: a number formatted as a percentage is that many
per cent, from the workbook's own styles (Excel) or the cell's value type
(OpenDocument), and a percentage where the indicator is no percentage is refused."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.files._tabular.number_formats import NumberFormat, format_of_code
from corpparent.files._tabular.sheets import sheet_table
from corpparent.plugins import load_profile

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
PERCENTAGES = ROOT / "examples" / "data" / "wiltshire_readings_2022-23_percentages.xlsx"
INDICATORS = load_profile("wiltshire").indicators
HEADER = ["indicator", "period", "value"]


@pytest.mark.parametrize(("code", "kind"), [
    ("0%", NumberFormat.PERCENT), ("0.0%", NumberFormat.PERCENT),
    ("#,##0.00%;[Red]-#,##0.00%", NumberFormat.PERCENT), ('0.0"%"', None),
    ("0.0\\%", None), ("General", None), ("#,##0", None), ("mmm-yy", NumberFormat.MONTH),
    ("mmmm yyyy", NumberFormat.MONTH), ("[$-809]mmm\\-yy", NumberFormat.MONTH),
    ("dd/mm/yyyy", None), ("d-mmm-yy", None), ("yyyy-mm-dd hh:mm", None), ("yyyy", None),
])
def test_format_codes_say_what_a_number_is(code: str, kind: NumberFormat | None) -> None:
    """A per cent sign written as quoted or escaped text shows the number as it is held
    (the number is already in per cent); a month is a month and a year with no day."""
    assert format_of_code(code) is kind


def _xlsx(path: Path, rows: list[list[Any]], formats: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Readings"
    for row in rows:
        sheet.append(row)
    for cell, code in formats.items():
        sheet[cell].number_format = code
    book.save(path)
    return path


def test_an_xlsx_cell_is_read_as_its_number_format_shows_it(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "a.xlsx", [
        HEADER, ["a", "2022-23 Q1", 0.119], ["b", "2022-23 Q1", 0.119],
        ["c", "2022-23 Q1", 1], ["d", "2022-23 Q1", "c"], ["e", "2022-23 Q1", 0.5],
        ["f", dt.datetime(2025, 1, 1), 0.07], ["g", dt.datetime(2022, 6, 30), 0.075]],
        {"C2": "0.0%", "C4": "0%", "C5": "0%", "C6": "0.00%", "B7": "mmm-yy",
         "C7": "General", "C8": "0.0%"})
    rows = [cells for _, cells in sheet_table(book, HEADER).rows[1:]]
    assert rows == [["a", "2022-23 Q1", "11.9%"], ["b", "2022-23 Q1", "0.119"],
                    ["c", "2022-23 Q1", "100%"], ["d", "2022-23 Q1", "c"],
                    ["e", "2022-23 Q1", "50%"], ["f", "2025-01", "0.07"],
                    ["g", "2022-06-30", "7.5%"]]


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def _ods(path: Path, body: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Readings">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return path


def _text(text: str, repeat: int = 1) -> str:
    return (f'<table:table-cell table:number-columns-repeated="{repeat}" '
            f'office:value-type="string"><text:p>{text}</text:p></table:table-cell>')


def _number(kind: str, value: float, repeat: int = 1) -> str:
    return (f'<table:table-cell table:number-columns-repeated="{repeat}" '
            f'office:value-type="{kind}" office:value="{value!r}"><text:p>x</text:p>'
            "</table:table-cell>")


def test_an_ods_percentage_cell_is_read_as_a_percentage(tmp_path: Path) -> None:
    """A percentage cell, repeated across columns and down rows, and a plain number."""
    row = ("<table:table-row>" + _text("a") + _text("2022-23 Q1")
           + _number("percentage", 0.119, 2) + _number("float", 0.119) + "</table:table-row>")
    body = ("<table:table-row>" + "".join(_text(h) for h in ["indicator", "period", "value",
                                                             "x", "y"])
            + "</table:table-row>" + "<table:table-row><table:table-cell/></table:table-row>"
            + row.replace("<table:table-row>",
                          '<table:table-row table:number-rows-repeated="2">', 1))
    book = _ods(tmp_path / "a.ods", body)
    rows = [(line, cells) for line, cells in sheet_table(book, HEADER).rows[1:]]
    expected = ["a", "2022-23 Q1", "11.9%", "11.9%", "0.119"]
    assert rows == [(2, [""] * 5), (3, expected), (4, expected)]


def test_the_example_workbook_of_percentages_gives_the_csvs_readings() -> None:
    """Its percentages are fractions in cells formatted as percentages (0.39 as 39%)."""
    book = openpyxl.load_workbook(PERCENTAGES)
    cells = [row[2] for row in book["Scorecard"].iter_rows(min_row=5)]
    assert any(cell.number_format == "0%" and cell.value < 1 for cell in cells)
    assert set(read_readings(PERCENTAGES, INDICATORS)) == set(read_readings(CSV, INDICATORS))


def _exceptions(readings: Path) -> dict[tuple[str, str], Any]:
    result = CliRunner().invoke(cli, ["scorecard", str(readings), "-a", "wiltshire",
                                      "-p", "2022-23 Q4", "-f", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["exception_report"]["exceptions"]
    return {(f["subject"], f["rule"]): f["evidence"]["value"] for f in found}


def test_a_percentage_cell_judges_a_breach_through_the_scorecard() -> None:
    """002 §43: 39% placed over 20 miles is outside the expected range, held in the
    workbook as 0.39 formatted as a percentage (read as 0.39%, it was "better than
    expected")."""
    judged = _exceptions(PERCENTAGES)
    assert judged[("placed_over_20_miles", "expected range")] == 39
    assert judged == _exceptions(CSV)


def test_a_percentage_cell_on_a_count_is_refused_naming_the_cell(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "a.xlsx", [HEADER, ["long_term_stability", "2022-23 Q4", 0.73],
                                       ["children_in_care", "2022-23 Q4", 4.61]],
                 {"C2": "0%", "C3": "0%"})
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.field == "value (Readings!C3)"
    assert "a percentage (461%" in problem.message
    assert "'children_in_care', a snapshot measured in children" in problem.message
    assert "expected a number in children" in problem.message


def test_a_csv_value_with_a_per_cent_sign_is_read_as_excel_saves_it(tmp_path: Path) -> None:
    """Excel saves a percentage-formatted cell to CSV as it shows it: ``73%``."""
    readings = tmp_path / "r.csv"
    readings.write_text("indicator,period,value,unit\nlong_term_stability,2022-23 Q4,73%,\n"
                        "placed_over_20_miles,2022-23 Q4, 39.5 % ,percent\n"
                        "section_20,2022-23 Q4,22%,fraction\n"
                        "missing_episode,2022-23 Q4,71%,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_readings(readings, INDICATORS)
    assert [(p.line, p.field) for p in caught.value.problems] == [(4, "unit"), (5, "value")]
    assert "given with the unit 'fraction'" in caught.value.problems[0].message
    readings.write_text("indicator,period,value\nlong_term_stability,2022-23 Q4,73%\n"
                        "placed_over_20_miles,2022-23 Q4, 39.5 % \n", encoding="utf-8")
    assert sorted(r.value for r in read_readings(readings, INDICATORS)) == [39.5, 73]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 100_000), st.sampled_from(["0%", "0.0%", "0.00%",
                                                                   "General"])),
                min_size=1, max_size=6))
def test_any_fraction_formatted_as_a_percentage_reads_as_that_many_per_cent(
        tmp_path_factory: pytest.TempPathFactory, cells: list[tuple[int, str]]) -> None:
    """A fraction in a percentage-formatted cell is read as exactly the per cent the
    cell shows (``Decimal`` of the fraction times 100); in a general cell, as held."""
    rows: list[list[Any]] = [HEADER]
    formats = {}
    for number, (hundred_thousandths, code) in enumerate(cells, start=2):
        rows.append(["section_20", f"FY {2000 + number}-{(number + 1) % 100:02d}",
                     hundred_thousandths / 100_000])
        formats[f"C{number}"] = code
    book = _xlsx(tmp_path_factory.mktemp("p") / "p.xlsx", rows, formats)
    read = {str(r.period): r.value for r in read_readings(book, INDICATORS)}
    for row, (_, code) in zip(rows[1:], cells, strict=True):
        held = row[2]
        expected = float(Decimal(repr(held)) * 100) if code != "General" else held
        assert read[row[1]] == expected
