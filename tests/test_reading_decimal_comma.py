"""A comma in a number is read only as a thousands separator, between groups of three
digits: a decimal comma (``7,5``, ``1,5%``) is a problem of its cell, never a figure ten
times too large."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from corpparent import DataError, read_readings
from corpparent.files._tabular import text_columns as columns_module
from corpparent.plugins import load_profile
from corpparent.symbols import has_stray_comma, number_or_symbol, optional_number

INDICATORS = load_profile("wiltshire").indicators


@pytest.mark.parametrize(("text", "number"), [
    ("1,234", 1234.0), ("12,345,678.5", 12345678.5), ("-1,234.25", -1234.25),
    (" 1,000 ", 1000.0), ("999", 999.0),
])
def test_commas_between_thousands_are_read(text: str, number: float) -> None:
    assert number_or_symbol(text) == number
    assert optional_number(text) == number
    assert not has_stray_comma(text)


@pytest.mark.parametrize(("text", "written"), [
    ("7,5", "'7.5'"), ("0,119", "'0.119'"), ("1,5%", "'1.5%'"), ("-2,25", "'-2.25'"),
])
def test_a_decimal_comma_is_refused_saying_how_to_write_it(text: str, written: str) -> None:
    for read in (number_or_symbol, optional_number):
        with pytest.raises(ValueError, match="a decimal comma is not read") as caught:
            read(text)
        assert f"write {written}, not {text!r}" in str(caught.value)
    assert has_stray_comma(text)


@pytest.mark.parametrize("text", ["1,23,456", "1,234,5", "0,5.1", "12.3,4", ",5", "1,"])
def test_commas_that_do_not_group_thousands_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="between groups of three digits") as caught:
        number_or_symbol(text)
    assert repr(text) in str(caught.value)


def test_a_comma_in_text_that_is_no_number_is_an_unknown_value() -> None:
    with pytest.raises(ValueError, match="expected a number or an official symbol"):
        number_or_symbol("a,b")


TRIAL = ('indicator,period,value\n'
         'placement_moves_3plus,2022-23 Q1,"7,5"\n'
         'placement_moves_3plus,2022-23 Q2,"1,5%"\n'
         'placement_moves_3plus,2022-23 Q3,"0,119"\n'
         'missing_episode,2022-23 Q1,"1,23,456"\n'
         'missing_episode,2022-23 Q2,"1,234"\n'
         'placement_moves_3plus,2022-23 Q4,7.5\n')


def _problems(path: Path) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    return [(p.line, p.field, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("by_columns", [False, True])
def test_a_csv_file_with_decimal_commas_names_each_cell(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by_columns: bool) -> None:
    if by_columns:
        monkeypatch.setattr(columns_module, "COLUMNS_FROM_ROWS", 0)
    path = tmp_path / "readings.csv"
    path.write_text(TRIAL, encoding="utf-8")
    found = _problems(path)
    assert [(line, field) for line, field, _ in found] == [
        (2, "value"), (3, "value"), (4, "value"), (5, "value")]
    assert "write '7.5', not '7,5'" in found[0][2]
    assert "write '1.5%', not '1,5%'" in found[1][2]
    assert "write '0.119', not '0,119'" in found[2][2]
    assert "between groups of three digits" in found[3][2]
    assert not any("119%" in message for _, _, message in found)


def test_the_good_rows_are_read_with_their_thousands(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\nmissing_episode,2022-23 Q2,\"1,234\"\n"
                    "placement_moves_3plus,2022-23 Q4,7.5\n", encoding="utf-8")
    assert sorted(r.value for r in read_readings(path, INDICATORS)) == [7.5, 1234.0]


def test_a_text_cell_with_a_decimal_comma_names_the_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Readings"
    sheet.append(["indicator", "period", "value"])
    sheet.append(["placement_moves_3plus", "2022-23 Q4", "7,5"])
    path = tmp_path / "readings.xlsx"
    book.save(path)
    [(line, field, message)] = _problems(path)
    assert (line, field) == (2, "value (Readings!C2)")
    assert "a decimal comma is not read: write '7.5'" in message
