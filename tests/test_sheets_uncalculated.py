"""A workbook cell holding a formula whose result was never calculated (as openpyxl saves
``=0.119``) is a problem of its own cell, never read as a blank, in readings, membership
and meetings workbooks alike; a formula's result of empty text is a blank. In a workbook
that asks to be calculated afresh when opened (as XlsxWriter saves one, with 0 for
every formula's result), every formula's cell is a problem, never read as its saved
result."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.files._tabular.limits import current_limits
from corpparent.files._tabular.uncalculated import NOT_CALCULATED, STALE
from corpparent.files._tabular.workbook_checks import _check_excel_sheet
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership_table import read_membership_table
from corpparent.plugins import load_profile
from workbooks import cut_at_tags, write_ods

INDICATORS = load_profile("wiltshire").indicators
NEVER = ("a formula whose result was never calculated (the workbook was saved by a program "
         "that does not calculate); open it in Excel or LibreOffice and save it again")
FIGURE = "expected a figure, a blank for no figure, or an official symbol such as c"
AFRESH = ("a formula whose saved result may never have been calculated (the workbook asks "
          "to be calculated afresh when opened, as a program that does not calculate "
          "saves it, and such a program may save 0 for every result); open it in Excel or "
          "LibreOffice and save it again")


def _book(path: Path, rows: list[list[object]], sheet: str = "Readings",
          percent: str | None = None) -> Path:
    """A workbook saved by openpyxl, which keeps a formula and calculates nothing."""
    book = openpyxl.Workbook()
    page = book.active
    assert page is not None
    page.title = sheet
    for row in rows:
        page.append(row)
    if percent is not None:
        page[percent].number_format = "0%"
    book.save(path)
    return path


def _one_problem(read: object, path: Path) -> tuple[int | None, str | None, str]:
    with pytest.raises(DataError) as caught:
        read(path)  # type: ignore[operator]
    [problem] = caught.value.problems
    return problem.line, problem.field, problem.message


def test_a_formula_saved_without_its_result_is_a_problem(tmp_path: Path) -> None:
    book = _book(tmp_path / "formula_nocache.xlsx", [
        ["indicator", "period", "value"], ["placement_moves_3plus", "2022-23 Q4", "=0.119"]],
        percent="C2")
    line, field, message = _one_problem(lambda p: read_readings(p, INDICATORS), book)
    assert (line, field) == (2, "value (Readings!C2)")
    assert message == f"{NEVER}; {FIGURE}"


def test_a_calculated_formula_and_an_empty_text_result_are_read(tmp_path: Path) -> None:
    """As Excel saves them: each formula with its result; ``=IF(...,"",...)`` giving
    empty text is a blank, no reading."""
    plain = _book(tmp_path / "plain.xlsx", [
        ["indicator", "period", "value"], ["children_in_care", "2022-23 Q3", "FIRST"],
        ["children_in_care", "2022-23 Q4", "SECOND"]])
    book = tmp_path / "calculated.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(book, "w") as target:
        for member in source.infolist():
            data = source.read(member).decode()
            if member.filename == "xl/workbook.xml":  # Excel's index: calculated
                data, count = re.subn(r'\s*fullCalcOnLoad="1"', "", data)
                assert count == 1
            if member.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(r'<c r="C2" t="inlineStr"><is><t>FIRST</t></is></c>',
                                      '<c r="C2"><f>450+11</f><v>461</v></c>', data)
                assert count == 1
                data, count = re.subn(r'<c r="C3" t="inlineStr"><is><t>SECOND</t></is></c>',
                                      '<c r="C3" t="str"><f>IF(1,"",1)</f><v></v></c>', data)
                assert count == 1
            target.writestr(member, data)
    assert [(str(r.period), r.value) for r in read_readings(book, INDICATORS)] == [
        ("2022-23 Q3", 461.0)]


def _xlsxwriter_book(path: Path, rows: list[list[object]]) -> Path:
    """A workbook saved by XlsxWriter, which stores 0 as every formula's result and
    asks for the workbook to be calculated when opened."""
    book = xlsxwriter.Workbook(str(path))
    page = book.add_worksheet("Readings")
    for at, row in enumerate(rows):
        for column, cell in enumerate(row):
            if isinstance(cell, str) and cell.startswith("="):
                page.write_formula(at, column, cell)
            else:
                page.write(at, column, cell)
    book.close()
    return path


def test_a_result_saved_uncalculated_is_a_problem_never_a_figure(tmp_path: Path) -> None:
    """``=461/1`` saved by XlsxWriter holds 0 as its result: read, it would be a figure
    of 0 children in care; it is a problem of its cell, and the plain figures beside it
    are read as they are."""
    rows: list[list[object]] = [["indicator", "period", "value"],
                                ["children_in_care", "2022-23 Q3", 450],
                                ["children_in_care", "2022-23 Q4", "=461/1"]]
    book = _xlsxwriter_book(tmp_path / "xlsxwriter.xlsx", rows)
    line, field, message = _one_problem(lambda p: read_readings(p, INDICATORS), book)
    assert (line, field) == (3, "value (Readings!C3)")
    assert message == f"{AFRESH}; {FIGURE}"
    plain = _xlsxwriter_book(tmp_path / "plain.xlsx", [*rows[:2], [*rows[2][:2], 461]])
    assert [(str(r.period), r.value) for r in read_readings(plain, INDICATORS)] == [
        ("2022-23 Q3", 450.0), ("2022-23 Q4", 461.0)]


def test_a_membership_workbook_names_the_uncalculated_cell(tmp_path: Path) -> None:
    book = _book(tmp_path / "m.xlsx", [["Name", "Role"], ["Gill Burnett", "Member"],
                                       ["Janet Eagland", '=UPPER("member")']], sheet="Members")
    line, field, message = _one_problem(read_membership_table, book)
    assert (line, field) == (3, "Role (Members!B3)")
    assert message.startswith(NEVER)


def test_an_attendance_workbook_names_the_uncalculated_cell(tmp_path: Path) -> None:
    book = _book(tmp_path / "a.xlsx", [
        ["Committee", "Meeting date", "Attendee", "Role", "Attendance", "Substitute for"],
        ["Corporate Parenting Panel", "20/05/2019", "Gill Burnett", "Member",
         "Present as expected", ""],
        ["Corporate Parenting Panel", "20/05/2019", "Janet Eagland", "Member",
         '="Present as expected"', ""]], sheet="Attendance")
    with pytest.raises(DataError) as caught:
        read_meetings(book)
    assert [(p.line, p.field) for p in caught.value.problems if NEVER in p.message] == [
        (3, "Attendance (Attendance!E3)")]


def test_an_opendocument_formula_without_a_value_is_a_problem(tmp_path: Path) -> None:
    plain = write_ods(tmp_path / "plain.ods", [["indicator", "period", "value"],
                                               ["children_in_care", "2022-23 Q1", "FORMULA"]],
                      sheet="Readings")
    book = tmp_path / "r.ods"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(book, "w") as target:
        for member in source.infolist():
            data = source.read(member).decode()
            if member.filename == "content.xml":
                data, count = re.subn(
                    r'<table:table-cell office:value-type="string"><text:p>FORMULA</text:p>'
                    r"</table:table-cell>",
                    '<table:table-cell table:formula="of:=450+11"/>', data)
                assert count == 1
            target.writestr(member, data)
    line, field, message = _one_problem(lambda p: read_readings(p, INDICATORS), book)
    assert (line, field) == (2, "value (Readings!C2)")
    assert message.startswith(NEVER)


#: Cells as each writer leaves them: openpyxl's formula (an empty ``<v>``), one with no
#: ``<v>``, Excel's calculated number, text and empty text, a plain number and text.
_KINDS = {
    "openpyxl": ("", "<f>1+1</f><v></v>", True),
    "no value": ("", "<f>1+1</f>", True),
    "self-closed": ("", "<f>1+1</f><v/>", True),
    "number": ("", "<f>1+1</f><v>2</v>", False),
    "text": (' t="str"', "<f>A1</f><v>x</v>", False),
    "empty text": (' t="str"', '<f>IF(1,"",1)</f><v></v>', False),
    "shared": ("", '<f t="shared" si="0"/><v>3</v>', False),
    "plain": ("", "<v>9.5</v>", False),
    "inline": (' t="inlineStr"', "<is><t>a</t></is>", False),
}
_CELLS = st.lists(st.tuples(st.integers(1, 30), st.integers(1, 5), st.sampled_from(
    sorted(_KINDS))), min_size=1, max_size=20, unique_by=lambda cell: cell[:2])


@settings(max_examples=80, deadline=None)
@given(cells=_CELLS, cuts=st.lists(st.integers(0, 10_000), max_size=12), stale=st.booleans())
def test_uncalculated_cells_are_found_wherever_the_xml_is_cut(
        cells: list[tuple[int, int, str]], cuts: list[int], stale: bool) -> None:
    """However the sheet's XML falls into chunks (each ending at a tag's end, as the
    workbook is streamed), every formula without a result is found, and no other cell;
    in a workbook to be calculated afresh when opened (``stale``), every other formula
    too, as one whose result cannot be trusted."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for row, column, kind in sorted(cells):
        rows.setdefault(row, []).append((column, kind))
    xml = "<worksheet><sheetData>" + "".join(
        f'<row r="{row}">' + "".join(
            f'<c r="{"ABCDE"[column - 1]}{row}"{_KINDS[kind][0]}>{_KINDS[kind][1]}</c>'
            for column, kind in found) + "</row>" for row, found in rows.items()
    ) + "</sheetData></worksheet>"
    chunks = cut_at_tags(xml, cuts)
    _formats, found = _check_excel_sheet(iter(chunks), "t.xlsx", "sheet1.xml", "Sheet1",
                                         current_limits(), {}, stale=stale)
    formulas = {kind for kind, (_, content, _) in _KINDS.items() if "<f" in content}
    assert found == {(row - 1, column - 1): NOT_CALCULATED if _KINDS[kind][2] else STALE
                     for row, column, kind in cells
                     if _KINDS[kind][2] or (stale and kind in formulas)}
