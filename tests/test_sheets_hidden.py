"""A hidden sheet is never read in place of a visible one: the table is looked for on the
visible sheets first, and a hidden sheet is read only where no visible one holds it,
with a warning; in ``.xlsx``, ``.ods`` and ``.xls`` workbooks alike."""

from __future__ import annotations

import logging
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from corpparent import read_readings
from corpparent.cli import cli
from corpparent.plugins import load_profile
from workbooks import write_ods_sheets, write_xls

INDICATORS = load_profile("wiltshire").indicators
HEADER = ["indicator", "period", "value"]
HIDDEN = "the table is read from the hidden sheet"


def _rows(value: int) -> list[list[str]]:
    return [HEADER, ["placement_moves_3plus", "2022-23 Q4", str(value)]]


def _xlsx(path: Path, sheets: list[tuple[str, list[list[str]], str]]) -> Path:
    """A workbook of ``sheets`` (name, rows, state: ``visible``, ``hidden`` or
    ``veryHidden``), in order, as the trial's was made."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows, state in sheets:
        page = book.create_sheet(name)
        for row in rows:
            page.append(row)
        page.sheet_state = state  # type: ignore[assignment]
    book.save(path)
    return path


def _values(path: Path, **options: str) -> list[float | None]:
    return [reading.value for reading in read_readings(path, INDICATORS, **options)]


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_visible_sheet_is_read_before_a_hidden_one_ahead_of_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, state: str) -> None:
    book = _xlsx(tmp_path / "hidden_first.xlsx",
                 [("Old", _rows(99), state), ("Current", _rows(7), "visible")])
    with caplog.at_level(logging.WARNING):
        assert _values(book) == [7.0]
    assert HIDDEN not in caplog.text


def test_the_command_judges_the_visible_sheets_figure(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "hidden_first.xlsx",
                 [("Old", _rows(99), "hidden"), ("Current", _rows(7), "visible")])
    result = CliRunner().invoke(cli, ["scorecard", str(book), "-a", "wiltshire", "-p",
                                      "2022-23 Q4", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert '"value": 7.0' in result.output
    assert '"value": 99.0' not in result.output


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_table_only_on_a_hidden_sheet_is_read_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, state: str) -> None:
    book = _xlsx(tmp_path / "hidden_only.xlsx",
                 [("Notes", [["About these figures"]], "visible"),
                  ("Data", _rows(7), state)])
    with caplog.at_level(logging.WARNING):
        assert _values(book) == [7.0]
    assert f"{book}: {HIDDEN} 'Data', as no visible sheet holds it" in caplog.text


def test_a_hidden_sheet_named_is_read_without_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    book = _xlsx(tmp_path / "hidden_first.xlsx",
                 [("Old", _rows(99), "hidden"), ("Current", _rows(7), "visible")])
    with caplog.at_level(logging.WARNING):
        assert _values(book, sheet="Old") == [99.0]
    assert HIDDEN not in caplog.text


def test_a_wide_table_is_read_from_the_visible_sheet(tmp_path: Path) -> None:
    wide = [["indicator", "2022-23 Q3", "2022-23 Q4"]]
    book = _xlsx(tmp_path / "wide.xlsx", [
        ("Old", [*wide, ["placement_moves_3plus", "98", "99"]], "hidden"),
        ("Scorecard", [*wide, ["placement_moves_3plus", "6", "7"]], "visible")])
    assert _values(book, layout="wide") == [6.0, 7.0]


def test_an_ods_sheet_hidden_by_its_style_is_passed_over(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    book = write_ods_sheets(tmp_path / "hidden_first.ods",
                            [("Old", _rows(99), True), ("Current", _rows(7), False)])
    assert _values(book) == [7.0]
    only = write_ods_sheets(tmp_path / "hidden_only.ods", [("Old", _rows(99), True)])
    with caplog.at_level(logging.WARNING):
        assert _values(only) == [99.0]
    assert f"{HIDDEN} 'Old'" in caplog.text


def test_an_xls_sheet_hidden_by_its_record_is_read_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    book = write_xls(tmp_path / "hidden.xls", _rows(7), "Data", hidden=True)
    with caplog.at_level(logging.WARNING):
        assert _values(book) == [7.0]
    assert f"{HIDDEN} 'Data'" in caplog.text
    shown = write_xls(tmp_path / "shown.xls", _rows(7), "Data")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _values(shown) == [7.0]
    assert HIDDEN not in caplog.text
