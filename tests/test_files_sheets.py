"""Readings and other tables from Excel, OpenDocument, DataFrames and lists of dicts,
each read to exactly what the same table read as CSV gives."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.errors import MissingDependencyError
from corpparent.files._tabular.sheets import cell_text, column_letter
from corpparent.files.dfe.ofsted import read_ofsted
from corpparent.files.panel.comparators import read_comparators
from corpparent.files.panel.submissions import read_submissions
from corpparent.indicators.readings import Readings
from corpparent.plugins import load_profile
from national_data import NATIONAL_DATA

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
INDICATORS = load_profile("wiltshire").indicators
ODS = NATIONAL_DATA / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"


def csv_rows() -> list[list[str]]:
    with READINGS.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def typed(cell: str) -> Any:
    """A CSV cell as a spreadsheet holds it: a number as a number, text as text."""
    try:
        return float(cell)
    except ValueError:
        return cell


def as_set(readings: Readings) -> list[tuple[Any, ...]]:
    return sorted((r.indicator, str(r.period), r.value, r.symbol) for r in readings)


def write_xlsx(path: Path, rows: list[list[Any]], *, sheet: str = "Readings",
               top: int = 3, left: int = 2) -> None:
    """A workbook with a notes sheet first, then ``rows`` from row ``top``, column
    ``left`` (1-based) of ``sheet``, under a title, as published workbooks lay tables."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes["A1"] = "About these figures"
    table = book.create_sheet(sheet)
    table.cell(row=1, column=left, value="Wiltshire's scorecard")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(row=top + r, column=left + c, value=value)
    book.save(path)


def test_an_xlsx_written_by_openpyxl_gives_the_csv_readings(tmp_path: Path) -> None:
    header, *body = csv_rows()
    path = tmp_path / "readings.xlsx"
    write_xlsx(path, [header, *[[typed(cell) for cell in row] for row in body]])
    assert as_set(read_readings(path, INDICATORS)) == as_set(read_readings(READINGS,
                                                                           INDICATORS))


def test_a_sheet_problem_names_the_sheet_and_the_cell(tmp_path: Path) -> None:
    header, *body = csv_rows()
    body[1][2] = "lots"  # the value of the second reading: row 3 + 2 = 5, column B + 2 = D
    path = tmp_path / "readings.xlsx"
    write_xlsx(path, [header, *body])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (5, "value (Readings!D5)")
    assert "'lots'" in str(problem)


@pytest.mark.parametrize(("top", "left", "cell"), [(1, 1, "C3"), (4, 3, "E6"), (2, 5, "G4")])
def test_a_table_anywhere_on_a_sheet_is_placed_by_its_own_cells(
        tmp_path: Path, top: int, left: int, cell: str) -> None:
    # Nothing above or left of the table (the title row is left out): found by moving
    # the table to C4, where the rows were first numbered from the table's top.
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Readings"
    rows = [["indicator", "period", "value"], ["children_in_care", "2022-23 Q4", 461],
            ["children_in_care", "2022-23 Q3", "lots"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.cell(row=top + r, column=left + c, value=value)
    path = tmp_path / "readings.xlsx"
    book.save(path)
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (top + 2, f"value (Readings!{cell})")


def test_the_sheet_named_is_the_one_read(tmp_path: Path) -> None:
    path = tmp_path / "readings.xlsx"
    write_xlsx(path, csv_rows())
    with pytest.raises(DataError, match=r"no sheet named 'Q4'.*'Notes', 'Readings'"):
        read_readings(path, INDICATORS, sheet="Q4")
    with pytest.raises(DataError, match="no table in sheet 'Notes'"):
        read_readings(path, INDICATORS, sheet="Notes")
    assert len(read_readings(path, INDICATORS, sheet="Readings")) == len(csv_rows()) - 1


@pytest.mark.national_data
def test_ofsteds_published_ods_gives_the_same_inspections_as_its_csv() -> None:
    from_ods = read_ofsted(ODS)
    from_csv = read_ofsted(NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv")
    assert len(from_ods) == 153  # one row per authority, A3:K156 of the table
    assert list(from_ods) == list(from_csv)


@pytest.mark.national_data
def test_the_cli_checks_ofsteds_ods_and_a_sheet_chosen() -> None:
    result = CliRunner().invoke(cli, ["validate", str(ODS)])
    assert result.exit_code == 0, result.output
    assert "the inspections of 153 authorities" in result.stdout
    wrong = CliRunner().invoke(cli, ["validate", "--kind", "ofsted", "--sheet",
                                     "In-year_inspections", str(ODS)])
    assert wrong.exit_code == 2
    # That sheet's table heads its region 'Region', not 'Ofsted region'.
    assert wrong.stderr.startswith(f"{ODS}: no table in sheet 'In-year_inspections'; "
                                   "expected a header row holding Local authority area code")


def test_pandas_and_polars_dataframes_give_the_csv_readings() -> None:
    pandas = pytest.importorskip("pandas")
    polars = pytest.importorskip("polars")
    expected = as_set(read_readings(READINGS, INDICATORS))
    assert as_set(read_readings(pandas.read_csv(READINGS), INDICATORS)) == expected
    assert as_set(read_readings(polars.read_csv(READINGS), INDICATORS)) == expected


def test_a_pyarrow_table_gives_the_csv_readings() -> None:
    csv_module = pytest.importorskip("pyarrow.csv")
    table = csv_module.read_csv(READINGS)
    assert hasattr(table, "__arrow_c_stream__")
    assert as_set(read_readings(table, INDICATORS)) == as_set(read_readings(READINGS,
                                                                            INDICATORS))


def test_a_list_of_dicts_gives_the_csv_readings() -> None:
    header, *body = csv_rows()
    records = [dict(zip(header, [typed(cell) for cell in row], strict=True)) for row in body]
    assert as_set(read_readings(records, INDICATORS)) == as_set(read_readings(READINGS,
                                                                              INDICATORS))


def test_a_dataframe_problem_names_the_csv_line_and_column() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(READINGS)
    frame["value"] = frame["value"].astype(object)
    frame.loc[2, "value"] = "lots"
    frame["period"] = frame["period"].astype(object)
    frame.loc[0, "period"] = "Q9"
    with pytest.raises(DataError) as caught:
        read_readings(frame, INDICATORS)
    places = [(p.source, p.line, p.field) for p in caught.value.problems]
    assert ("the pandas DataFrame", 2, "period") in places  # the first row: line 2
    assert ("the pandas DataFrame", 4, "value") in places


def test_without_pyarrow_a_dataframe_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(READINGS)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match=r"needs pyarrow.*corpparent\[dfe\]"):
        read_readings(frame, INDICATORS)


def test_something_that_is_no_table_is_refused() -> None:
    with pytest.raises(DataError, match="a list of dicts, or a table speaking Arrow"):
        read_readings(42, INDICATORS)  # type: ignore[arg-type]


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"),
                                                (702, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters


@pytest.mark.parametrize(("value", "text"), [(7.0, "7"), (8.2, "8.2"), (None, ""),
                                             (True, "TRUE"), ("c", "c"), (1e300, "1e+300")])
def test_cells_read_as_a_csv_file_writes_them(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(("read", "name"), [
    (read_submissions, "wiltshire_submissions_2022-23.csv"),
    (read_comparators, "wiltshire_comparators_2020-21.csv"),
])
def test_other_tabular_kinds_read_a_dataframe_as_their_csv(
        read: Callable[[Any], Any], name: str) -> None:
    polars = pytest.importorskip("polars")
    path = ROOT / "examples" / "data" / name
    frame = polars.read_csv(path, infer_schema=False)  # every column as text, as in the file
    assert _content(read(frame)) == _content(read(path))


def _content(items: tuple[Any, ...]) -> list[object]:
    """What was read, less where it was read from (a comparator keeps its source)."""
    return [(item.name, item.kind, dict(item.values)) if hasattr(item, "values") else item
            for item in items]
