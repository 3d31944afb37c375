"""A wide table saved as CSV with its title above the header is read as the same table
in a workbook is: its header found under the title, in long and wide layouts alike."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.indicators.readings import Readings
from corpparent.periods import parse_period
from corpparent.plugins import load_profile
from workbooks import write_xlsx

INDICATORS = load_profile("wiltshire").indicators
#: The trial's scorecard: a title line over a wide table, as a sheet is saved to CSV.
TABLE = [
    ["indicator", "2021-22", "2022-23 Q1", "2022-23 Q2", "2022-23 Q3", "2022-23 Q4", "2022-23"],
    ["placement_moves_3plus", "9.1%", "7.5%", "5.6%", "6.4%", "7.0%", ""],
    ["missing_episode", "", "49", "47", "49", "71", "216"],
    ["missing_episode_out_of_county", "", "17", "13", "c", "24", ""],
    ["children_in_care", "", "", "445", "", "461", "461"],
]
TITLE = ["Wiltshire scorecard", "", "", "", "", "", ""]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _values(readings: Readings) -> set[tuple[str, str, float | None, str | None]]:
    return {(r.indicator, str(r.period), r.value, r.symbol) for r in readings}


@pytest.mark.parametrize("layout", [None, "wide"])
def test_a_wide_csv_under_a_title_reads_as_the_workbook_does(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, layout: str | None) -> None:
    titled = _csv(tmp_path / "wide.csv", [TITLE, *TABLE])
    book = write_xlsx(tmp_path / "wide_fromcsv.xlsx", [TITLE, *TABLE], sheet="Scorecard")
    untitled = _csv(tmp_path / "wide_nt.csv", TABLE)
    with caplog.at_level(logging.WARNING):
        read = read_readings(titled, INDICATORS, layout=layout)
    assert len(read) == 17
    assert _values(read) == _values(read_readings(book, INDICATORS, layout=layout))
    assert _values(read) == _values(read_readings(untitled, INDICATORS, layout=layout))
    assert f"{titled}: the table's header is on line 2; line 1 above it" in caplog.text
    moves = read.get("placement_moves_3plus", parse_period("2022-23 Q4"))
    assert moves is not None
    assert moves.source == f"{titled} line 3"  # the file's own line, under the title


def test_the_command_reads_the_titled_wide_csv(tmp_path: Path) -> None:
    titled = _csv(tmp_path / "wide.csv", [TITLE, *TABLE])
    for extra in ([], ["--layout", "wide"]):
        result = CliRunner().invoke(cli, ["validate", "-a", "wiltshire", *extra, str(titled)])
        assert result.exit_code == 0, result.output
        assert "ok:" in result.output
        assert "17 readings of 4 indicators" in result.output


def test_a_year_over_its_quarters_is_read_under_a_title(tmp_path: Path) -> None:
    titled = _csv(tmp_path / "wide.csv", [
        ["Wiltshire scorecard", "", "", "", ""], ["", "2022-23", "", "", ""],
        ["indicator", "Q1", "Q2", "Q3", "Q4"],
        ["placement_moves_3plus", "7.5%", "5.6%", "6.4%", "7.0%"]])
    assert sorted((str(r.period), r.value) for r in read_readings(titled, INDICATORS)) == [
        ("2022-23 Q1", 7.5), ("2022-23 Q2", 5.6), ("2022-23 Q3", 6.4), ("2022-23 Q4", 7.0)]


def test_a_row_of_the_table_above_the_header_is_still_reported(tmp_path: Path) -> None:
    titled = _csv(tmp_path / "wide.csv", [
        ["children_in_care", "", "", "445", "", "461", "461"], *TABLE])
    with pytest.raises(DataError) as caught:
        read_readings(titled, INDICATORS, layout="wide")
    [problem] = caught.value.problems
    assert problem.line == 1
    assert "a row above the table's header (line 2)" in problem.message


def test_a_title_over_no_header_is_said_as_such(tmp_path: Path) -> None:
    titled = _csv(tmp_path / "wide.csv", [TITLE, ["Measure ref", "2022-23 Q1", "", "", "",
                                                  "", ""],
                                          ["children_in_care", "445", "", "", "", "", ""]])
    with pytest.raises(DataError) as caught:
        read_readings(titled, INDICATORS, layout="wide")
    [problem] = caught.value.problems
    assert problem.line == 1
    assert "no line of the first 20 holds the table's header" in problem.message
    mapped = read_readings(titled, INDICATORS, layout="wide", columns="Measure ref=indicator")
    assert [(r.indicator, str(r.period), r.value) for r in mapped] == [
        ("children_in_care", "2022-23 Q1", 445.0)]
