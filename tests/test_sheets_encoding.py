"""A CSV file Excel saved on Windows (Windows-1252: "£" is 0xA3, an en dash 0x96) is read
as such, and says so; a UTF-8 file with a damaged byte is still refused."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.files._tabular.csv_rows import csv_rows
from corpparent.files.panel.comparators import read_comparators
from corpparent.plugins import load_profile

INDICATORS = load_profile("wiltshire").indicators
COMPARATORS = ("comparator,kind,indicator,period,value\n"
               "England – all authorities,England,placement_moves_3plus,2020-21,9\n"
               "South West (spend £),region,placement_moves_3plus,2020-21,11\n")


def test_a_windows_csv_file_is_read_as_windows_1252_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "comparators.csv"
    path.write_bytes(COMPARATORS.encode("cp1252"))
    assert b"\x96" in path.read_bytes()
    assert b"\xa3" in path.read_bytes()
    with caplog.at_level(logging.WARNING):
        rows = [cells for _, cells in csv_rows(path)]
    assert rows[1][0] == "England – all authorities"
    assert rows[2][0] == "South West (spend £)"
    assert "read as Windows-1252 (cp1252)" in caplog.text
    names = {c.name for c in read_comparators(path, indicators=INDICATORS)}
    assert names == {"England – all authorities", "South West (spend £)"}


def test_readings_from_a_windows_file_name_the_encoding_they_were_read_in(
        tmp_path: Path) -> None:
    """Excel's autocorrect writes ``2022–23`` with an en dash: a hyphen, as typed."""
    windows = tmp_path / "windows.csv"
    windows.write_bytes("indicator,period,value\r\nchildren_in_care,2022–23 Q4,461\r\n"
                        "section_20,2022—23 Q4,22\r\n".encode("cp1252"))
    plain = tmp_path / "plain.csv"
    plain.write_text("indicator,period,value\nchildren_in_care,2022-23 Q4,461\n"
                     "section_20,2022-23 Q4,22\n", encoding="utf-8")
    read = read_readings(windows, INDICATORS)
    assert set(read) == set(read_readings(plain, INDICATORS))
    assert {r.source for r in read} == {
        f"{windows} line {n}, read as Windows-1252 (cp1252)" for n in (2, 3)}
    assert {r.source for r in read_readings(plain, INDICATORS)} == {
        f"{plain} line {n}" for n in (2, 3)}


def test_a_windows_files_problem_shows_the_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("indicator,period,value,unit\nchildren_in_care,2022-23 Q4,461,\n"
                     "children_in_care,2022-23 Q3,450,£\n".encode("cp1252"))
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (3, "unit")
    assert "'£'" in str(problem)  # the pound sign it is, not a broken byte


@pytest.mark.parametrize("damaged", [
    "children_in_care – ok".encode() + b"\xa3",  # UTF-8 text, then a byte that is not
    b"caf\x81",  # a byte Windows-1252 leaves undefined
])
def test_a_file_that_is_neither_is_refused_as_not_utf_8(tmp_path: Path, damaged: bytes
                                                        ) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"indicator,period,value\n" + damaged + b",2022-23 Q4,1\n")
    with pytest.raises(DataError, match="not UTF-8 text"):
        list(csv_rows(path))


def test_validate_reads_a_windows_file(tmp_path: Path) -> None:
    path = tmp_path / "comparators.csv"
    path.write_bytes(COMPARATORS.encode("cp1252"))
    result = CliRunner().invoke(cli, ["validate", "-a", "wiltshire", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 comparators" in result.stdout
