"""A workbook cell whose formula failed (``#DIV/0!``) is a problem of its own cell, never
read as a blank: the spreadsheet library gives such a cell as empty, so its type is read
from the workbook's XML (Excel ``t="e"``, OpenDocument ``calcext:value-type="error"``)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.files._tabular.formula_errors import ERROR_KINDS
from corpparent.files._tabular.limits import current_limits
from corpparent.files._tabular.workbook_checks import _check_excel_sheet
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership_table import read_membership_table
from corpparent.plugins import load_profile
from workbooks import cut_at_tags, write_ods

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.xlsx"
INDICATORS = load_profile("wiltshire").indicators
#: The errors Excel writes into a cell, as openpyxl knows them.
EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!")
FIGURE = "expected a figure, a blank for no figure, or an official symbol such as c"


def _book(path: Path, rows: list[list[object]], sheet: str = "Readings") -> Path:
    book = openpyxl.Workbook()
    page = book.active
    assert page is not None
    page.title = sheet
    for row in rows:
        page.append(row)
    book.save(path)
    return path


def _with_error_at_c8(folder: Path) -> Path:
    """The example readings workbook with Readings!C8 a formula dividing by zero, as
    Excel saves it: the formula, then its error as the cached value."""
    copy = folder / "x_err.xlsx"
    with zipfile.ZipFile(EXAMPLE) as source, zipfile.ZipFile(copy, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet2.xml":
                data, count = re.subn(rb'<c r="C8"[^>]*>.*?</c>',
                                      b'<c r="C8" t="e"><f>1/0</f><v>#DIV/0!</v></c>', data)
                assert count == 1
            target.writestr(member, data)
    return copy


def test_the_example_workbook_reads_before_a_cell_is_broken(tmp_path: Path) -> None:
    """The check below fails for the error alone: the workbook as given reads."""
    shutil.copy(EXAMPLE, tmp_path / "x.xlsx")
    assert len(read_readings(tmp_path / "x.xlsx", INDICATORS)) == 90


def test_a_formula_error_in_a_readings_workbook_is_a_problem(tmp_path: Path) -> None:
    book = _with_error_at_c8(tmp_path)
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (8, "value (Readings!C8)")
    assert str(problem).endswith("'value (Readings!C8)': a formula error, #DIV/0! (a division "
                                 f"by zero); {FIGURE}")
    result = CliRunner().invoke(cli, ["validate", "-a", "wiltshire", str(book)])
    assert result.exit_code == 2
    assert "Readings!C8" in result.output
    assert "#DIV/0!" in result.output
    assert "ok:" not in result.output


@pytest.mark.parametrize("error", EXCEL_ERRORS)
def test_each_kind_of_excel_error_is_named(tmp_path: Path, error: str) -> None:
    book = _book(tmp_path / "r.xlsx", [
        ["indicator", "period", "value"], ["children_in_care", "2022-23 Q1", 450],
        ["children_in_care", "2022-23 Q2", error]])
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    [problem] = caught.value.problems
    assert problem.field == "value (Readings!C3)"
    assert problem.message == f"a formula error, {error} ({ERROR_KINDS[error]}); {FIGURE}"


def test_a_formula_error_in_an_opendocument_sheet_is_a_problem(tmp_path: Path) -> None:
    plain = write_ods(tmp_path / "plain.ods", [["indicator", "period", "value"],
                                               ["children_in_care", "2022-23 Q1", "BROKEN"]],
                      sheet="Readings")
    cell = ('<table:table-cell table:formula="of:=1/0" office:value-type="string" '
            'office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
            "</table:table-cell>")
    book = tmp_path / "r.ods"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(book, "w") as target:
        for member in source.infolist():
            data = source.read(member).decode()
            if member.filename == "content.xml":
                data = re.sub(r'<table:table-cell office:value-type="string"><text:p>BROKEN'
                              r"</text:p></table:table-cell>", cell, data).replace(
                    "<office:document-content", '<office:document-content xmlns:calcext="'
                    'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"', 1)
            target.writestr(member, data)
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    [problem] = caught.value.problems
    assert problem.field == "value (Readings!C2)"
    assert problem.message.startswith("a formula error, #DIV/0!")


def test_a_wide_table_names_the_broken_cell(tmp_path: Path) -> None:
    book = _book(tmp_path / "w.xlsx", [["indicator", "2022-23 Q1", "2022-23 Q2"],
                                       ["children_in_care", 450, "#N/A"]])
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    [problem] = caught.value.problems
    assert problem.field == "2022-23 Q2 (Readings!C2)"
    assert problem.message.startswith("a formula error, #N/A")
    assert FIGURE in problem.message


def test_a_membership_workbook_names_the_broken_cell(tmp_path: Path) -> None:
    book = _book(tmp_path / "m.xlsx", [["Name", "Role"], ["Gill Burnett", "Member"],
                                       ["Janet Eagland", "#REF!"]], sheet="Members")
    with pytest.raises(DataError) as caught:
        read_membership_table(book)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (3, "Role (Members!B3)")
    assert problem.message == ("a formula error, #REF! (a reference to a cell that is no "
                               "longer there); expected the value itself, or a blank where "
                               "there is none")


def test_an_attendance_workbook_names_the_broken_cell(tmp_path: Path) -> None:
    book = _book(tmp_path / "a.xlsx", [
        ["Committee", "Meeting date", "Attendee", "Role", "Attendance", "Substitute for"],
        ["Corporate Parenting Panel", "20/05/2019", "Gill Burnett", "Member",
         "Present as expected", ""],
        ["Corporate Parenting Panel", "20/05/2019", "Janet Eagland", "Member", "#NAME?", ""]],
        sheet="Attendance")
    with pytest.raises(DataError) as caught:
        read_meetings(book)
    assert [(p.line, p.field) for p in caught.value.problems
            if "formula error" in p.message] == [(3, "Attendance (Attendance!E3)")]


_CELLS = st.lists(st.tuples(st.integers(1, 30), st.integers(1, 5),
                            st.sampled_from([*EXCEL_ERRORS, "", "#SPILL!", "9.5"])),
                  min_size=1, max_size=20, unique_by=lambda cell: cell[:2])


@settings(max_examples=60, deadline=None)
@given(cells=_CELLS, cuts=st.lists(st.integers(0, 10_000), max_size=12))
def test_error_cells_are_found_wherever_the_xml_is_cut(
        cells: list[tuple[int, int, str]], cuts: list[int]) -> None:
    """However the sheet's XML falls into chunks (each ending at a tag's end, as the
    workbook is streamed), every error cell is found with its text, and no other."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for row, column, text in sorted(cells):
        rows.setdefault(row, []).append((column, text))
    xml = '<worksheet><sheetData>' + "".join(
        f'<row r="{row}">' + "".join(
            f'<c r="{"ABCDE"[column - 1]}{row}" s="1"><v>{text}</v></c>' if text == "9.5"
            else f'<c r="{"ABCDE"[column - 1]}{row}" t="e"/>' if not text
            else f'<c r="{"ABCDE"[column - 1]}{row}" t="e"><f>A1/0</f><v>{text}</v></c>'
            for column, text in found) + "</row>" for row, found in rows.items()
    ) + "</sheetData></worksheet>"
    chunks = cut_at_tags(xml, cuts)
    _formats, errors = _check_excel_sheet(iter(chunks), "t.xlsx", "sheet1.xml", "Sheet1",
                                          current_limits(), {})
    assert errors == {(row - 1, column - 1): text for row, column, text in cells
                      if text != "9.5"}
