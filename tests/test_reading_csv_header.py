"""A CSV file whose header sits below a title and notes, as a sheet saved as CSV keeps
them, is read from its header, as a sheet is: the lines skipped are said in a warning,
a line above the header that looks like a row of the table is a problem at its line,
and a file whose header cannot be found under its title is one problem with the fix."""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.plugins import load_profile

TIDY = Path(__file__).resolve().parent.parent / "examples" / "data" / \
    "wiltshire_readings_2022-23.csv"
INDICATORS = load_profile("wiltshire").indicators
TITLE = "Wiltshire Council: corporate parenting scorecard 2022-23"
NOTES = "Figures from the Annual Report of the Corporate Parenting Panel; percentages of CiC"


def tidy_lines() -> list[str]:
    return TIDY.read_text(encoding="utf-8").splitlines()


def below(path: Path, above: list[str], lines: list[str] | None = None) -> Path:
    path.write_text("\n".join([*above, *(lines or tidy_lines())]) + "\n", encoding="utf-8")
    return path


def test_a_title_and_notes_above_the_header_are_skipped_and_said(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # As Excel saves a sheet to CSV: each line as wide as the table, the rest empty.
    path = below(tmp_path / "titled.csv", [f'"{TITLE}, as reported",,', f'"{NOTES}",,', ",,"])
    with caplog.at_level(logging.WARNING):
        read = read_readings(path, INDICATORS)
    assert set(read) != set()
    assert [(r.indicator, r.period, r.value) for r in read] == [
        (r.indicator, r.period, r.value) for r in read_readings(TIDY, INDICATORS)]
    assert {r.source.rsplit(" ", 1)[-1] for r in read} == {
        str(line) for line in range(5, 4 + len(tidy_lines()))}
    assert f"{path}: the table's header is on line 4; lines 1-3 above it" in caplog.text


def test_a_header_on_the_first_line_is_read_without_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        read_readings(TIDY, INDICATORS)
    assert "header is on line" not in caplog.text


def test_problems_below_a_title_name_the_files_own_lines(tmp_path: Path) -> None:
    path = below(tmp_path / "wrong.csv", [TITLE], [
        "Measure,Quarter,Actual", "children_in_care,2022-23 Q4,-3", "nonsense,2022-23 Q4,4"])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (3, "Actual"), (4, "Measure")]


def test_a_row_of_the_table_above_the_header_is_reported_not_lost(tmp_path: Path) -> None:
    lines = tidy_lines()
    path = below(tmp_path / "stray.csv", [TITLE, lines[1]], lines)
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    [problem] = caught.value.problems
    assert problem.line == 2
    assert "above the table's header (line 3)" in problem.note


def test_no_header_under_a_title_is_one_problem_with_the_fix(tmp_path: Path) -> None:
    path = below(tmp_path / "unknown.csv", [TITLE], [
        "KPI ref,Qtr,Number", "children_in_care,2022-23 Q4,461"])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.line, problem.found) == (1, repr(TITLE))
    assert "--columns" in str(problem.fix)
    mapped = read_readings(path, INDICATORS, columns="KPI ref=indicator,Qtr=period,Number=value")
    assert [(r.indicator, r.value) for r in mapped] == [("children_in_care", 461.0)]


def test_the_command_line_tells_the_kind_and_says_the_lines_skipped(tmp_path: Path) -> None:
    path = below(tmp_path / "titled.csv", [TITLE, ""])
    result = CliRunner().invoke(cli, ["validate", "-a", "wiltshire", str(path)])
    assert result.exit_code == 0, result.output
    assert "the table's header is on line 3; lines 1-2 above it" in result.stderr


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
               max_size=40)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(above=st.lists(st.one_of(TEXT, st.just("")), min_size=1, max_size=6),
       padding=st.integers(0, 4))
def test_any_title_and_notes_above_a_tidy_table_read_as_the_table(
        above: list[str], padding: int, tmp_path: Path) -> None:
    """Lines of one cell (or none) above the header, padded with empty cells as a sheet
    saved as CSV pads them, take nothing from the table and add nothing to it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[text, *[""] * padding] for text in above])
    path = below(tmp_path / "any.csv", out.getvalue().splitlines())
    read = read_readings(path, INDICATORS)
    assert [(r.indicator, r.period, r.value) for r in read] == [
        (r.indicator, r.period, r.value) for r in read_readings(TIDY, INDICATORS)]
