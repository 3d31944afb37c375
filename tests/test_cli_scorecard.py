"""`corpparent scorecard`: every format, the exit codes, and bad input on one line."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from corpparent.cli import cli
from corpparent.cli.common import progress
from corpparent.report import published_schema
from reports_support import COMPARATORS, INDICATORS_PY, READINGS

INDICATORS = f"{INDICATORS_PY}:wiltshire_indicators"
BASE = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def assert_bad_input(result: Result, *fragments: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr holding each fragment, no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_terminal_report_lists_the_exceptions() -> None:
    """002 §33 and §43: stability 73% and placements over 20 miles 39% are exceptions;
    002 §88: health assessments at 82% against a 94% target."""
    result = run(*BASE)
    assert result.exit_code == 0, result.output
    assert "Wiltshire Council: corporate parenting scorecard, 2022-23 Q4" in result.stdout
    exceptions = json.loads(run(*BASE, "-f", "json").stdout)["exception_report"]["exceptions"]
    judged = {(f["subject"], f["rule"]): f["evidence"]["value"] for f in exceptions}
    assert judged[("long_term_stability", "expected range")] == 73
    assert judged[("placed_over_20_miles", "expected range")] == 39
    assert judged[("health_assessments", "target")] == 82
    assert f"Outside expected range or below target ({len(exceptions)})" in result.stdout


def test_indicators_from_python_instead_of_a_plug_in() -> None:
    result = run("scorecard", str(READINGS), "-i", INDICATORS, "--name", "Our council",
                 "-p", "2022-23 Q4", "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["title"] == "Our council: corporate parenting scorecard, 2022-23 Q4"
    assert document["indicators"][0]["comparators"] == []  # no plug-in, no file


def test_json_output_validates_against_the_published_schema() -> None:
    result = run(*BASE, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(published_schema()).validate(document)
    assert document["profile"] == "internal"
    assert not document["suppression"]["applied"]
    assert document["provenance"]["options"]["format"] == "json"
    assert document["provenance"]["inputs"][0]["path"] == str(READINGS)


def test_markdown_is_public_and_suppressed_by_default() -> None:
    result = run(*BASE, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Wiltshire Council: corporate parenting scorecard")
    assert "For publication" in result.stdout
    assert "fewer than 6 children" in result.stdout
    # a public paper names its input without the folder it came from, its size or digest
    assert "- Input: wiltshire\\_readings\\_2022-23.csv\n" in result.stdout
    assert "SHA-256" not in result.stdout
    assert str(READINGS.parent) not in result.stdout


def test_html_is_written_to_the_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "scorecard.html"
    result = run(*BASE, "--format", "html", "--output", str(target), "--profile", "private")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert str(target) in result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Not for publication" in page


def test_fail_on_breach_exits_1_when_a_finding_is_a_breach() -> None:
    """Wiltshire's 2022-23 Q4 scorecard has breaches (002 §33: stability below range)."""
    assert run(*BASE).exit_code == 0
    assert run(*BASE, "--fail-on-breach").exit_code == 1


def test_fail_on_breach_exits_0_without_a_breach(tmp_path: Path) -> None:
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nchildren_in_care,2022-23 Q4,440\n",
                        encoding="utf-8")
    args = ["scorecard", str(readings), "-a", "wiltshire", "-p", "2022-23 Q4",
            "--fail-on-breach"]
    assert run(*args).exit_code == 0


def test_several_periods_write_one_report_each(tmp_path: Path) -> None:
    pattern = tmp_path / "scorecard-{period}.md"
    result = run(*BASE, "-p", "2022-23 Q3", "-f", "markdown", "-o", str(pattern))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["scorecard-2022-23-Q3.md", "scorecard-2022-23-Q4.md"]
    assert "2022-23 Q3" in (tmp_path / "scorecard-2022-23-Q3.md").read_text(encoding="utf-8")


def test_suppression_can_be_turned_off_and_the_threshold_set() -> None:
    result = run(*BASE, "-f", "markdown", "--no-suppress")
    assert "fewer than" not in result.stdout
    result = run(*BASE, "-f", "json", "--suppress", "--threshold", "100")
    document = json.loads(result.stdout)
    missing = next(i for i in document["indicators"] if i["id"] == "missing_episode")
    assert (missing["value"], missing["symbol"]) == (None, "c")  # 71 children, below 100


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["-p", "Q4 2023"], ["--period", "Q4 2023", "Accepted forms"]),
        (["-p", "2022-23 Q4", "--format", "pdf"], ["--format", "pdf"]),
        (["-p", "2022-23 Q4", "--threshold", "0"], ["--threshold"]),
        (["-p", "2022-23 Q4", "-p", "2022-23 Q3"], ["{period}"]),
    ],
)
def test_bad_options_exit_2_with_one_line(args: list[str], fragments: list[str]) -> None:
    result = run("scorecard", str(READINGS), "-a", "wiltshire", *args)
    assert_bad_input(result, *fragments)


def test_missing_required_option_exits_2() -> None:
    assert_bad_input(run("scorecard", str(READINGS), "-p", "2022-23 Q4"), "--authority")


def test_unknown_authority_exits_2() -> None:
    assert_bad_input(run("scorecard", str(READINGS), "-a", "nowhere", "-p", "2022-23 Q4"),
                     "no authority plug-in 'nowhere'")


def test_bad_readings_row_is_named_by_file_row_and_field(tmp_path: Path) -> None:
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nchildren_in_care,2022-23 Q4,461\n"
                        "no_such_indicator,2022-23 Q4,5\nchildren_in_care,2022-23 Q3,lots\n",
                        encoding="utf-8")
    result = run("scorecard", str(readings), "-a", "wiltshire", "-p", "2022-23 Q4")
    assert_bad_input(result, f"{readings}, line 3, field 'indicator'", "1 more problem")


def test_missing_readings_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    assert_bad_input(run("scorecard", str(missing), "-a", "wiltshire", "-p", "2022-23 Q4"),
                     str(missing), "file not found")


@pytest.mark.parametrize(
    ("reference", "fragment"),
    [("examples/no_such_file.py", "file not found"),
     (f"{INDICATORS_PY}:no_such_function", "no_such_function"),
     (f"{INDICATORS_PY}:NOT_A_SET", "not an IndicatorSet"),
     ("corpparent.no_such_module:x", "No module named")],
)
def test_bad_indicator_reference_exits_2(reference: str, fragment: str) -> None:
    result = run("scorecard", str(READINGS), "-i", reference, "-p", "2022-23 Q4")
    assert_bad_input(result, fragment)


def test_help_shows_examples() -> None:
    result = run("scorecard", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "--fail-on-breach" in result.stdout


def test_comparators_file_is_shown_and_recorded() -> None:
    result = run(*BASE, "-c", str(COMPARATORS), "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    moves = next(i for i in document["indicators"] if i["id"] == "placement_moves_3plus")
    assert {c["name"]: c["value"] for c in moves["comparators"]}["England"] == 9  # 002 §32
    assert [i["path"] for i in document["provenance"]["inputs"]] == [str(READINGS),
                                                                    str(COMPARATORS)]


def test_bad_comparators_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "comparators.csv"
    bad.write_text("comparator,indicator,period,value\nEngland,nope,2020-21,9\n",
                   encoding="utf-8")
    assert_bad_input(run(*BASE, "-c", str(bad)), f"{bad}, line 2, field 'indicator'")


def test_progress_is_shown_only_on_a_terminal() -> None:
    periods = ["2022-23 Q3", "2022-23 Q4"]
    quiet = StringIO()
    assert list(progress(periods, "Assessing", Console(file=quiet))) == periods
    assert quiet.getvalue() == ""
    shown = StringIO()
    console = Console(file=shown, force_terminal=True, width=80)
    assert list(progress(periods, "Assessing", console)) == periods
    assert "Assessing" in shown.getvalue()
    single = StringIO()
    assert list(progress(periods[:1], "Assessing",
                         Console(file=single, force_terminal=True))) == periods[:1]
    assert single.getvalue() == ""


def _no_reading_ids(period: str) -> set[str]:
    """The indicators with no row for ``period`` in the example file, read independently."""
    import csv

    with READINGS.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    defined = {row["indicator"] for row in rows} | _plugin_ids()
    return defined - {row["indicator"] for row in rows if row["period"] == period}


def _plugin_ids() -> set[str]:
    from corpparent.plugins import load_profile

    return {i.id for i in load_profile("wiltshire").indicators.indicators}


def test_a_period_with_no_data_is_a_warning_and_strict_exits_3() -> None:
    lenient = run("scorecard", str(READINGS), "-a", "wiltshire", "-p", "2024-25 Q4")
    assert lenient.exit_code == 0
    assert lenient.stderr.splitlines() == [
        "corpparent scorecard: warning: no rule set was declared for 2024-25: the ranges and "
        "targets set for 2022-23 judged it, carried forward: declare 2024-25's ranges and "
        "targets in the plug-in",
        "corpparent scorecard: warning: no indicator has a reading for 2024-25 Q4; the "
        "latest period with readings is 2022-23 Q4"]
    strict = run("scorecard", str(READINGS), "-a", "wiltshire", "-p", "2024-25 Q4", "--strict")
    assert strict.exit_code == 3


def test_indicators_without_a_reading_are_counted_and_named() -> None:
    result = run(*BASE)
    missing = _no_reading_ids("2022-23 Q4")
    assert missing
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"corpparent scorecard: warning: {len(missing)} of "
                           f"{len(_plugin_ids())} indicators have no reading for 2022-23 Q4: ")
    named = line.split("2022-23 Q4: ", 1)[1].split(" and ")[0].split(", ")
    assert set(named) <= missing
    assert run(*BASE, "--strict").exit_code == 3
