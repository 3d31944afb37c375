"""The command line on each class of bad input: exit 2, one line on standard error that
names the file and place, no traceback, and never a raw escape sequence from data."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
COMPARATORS = ROOT / "examples" / "data" / "wiltshire_comparators_2020-21.csv"
MEMBERSHIP = ROOT / "examples" / "data" / "wiltshire_2022-23_membership.json"
ESCAPE = "\x1b]0;owned\x07"
SCORECARD = ["-a", "wiltshire", "-p", "2022-23 Q4"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def readings(tmp_path: Path, line: str, name: str = "readings.csv") -> Path:
    path = tmp_path / name
    path.write_text(READINGS.read_text(encoding="utf-8") + line, encoding="utf-8")
    return path


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _scorecard(path: Path, *more: str) -> Result:
    return run("scorecard", str(path), *SCORECARD, *more)


def _validate(path: Path, *more: str) -> Result:
    return run("validate", *more, str(path))


def _json_readings(tmp_path: Path, value: str) -> Path:
    return written(tmp_path, "readings.json", '[{"indicator": "children_in_care",\n'
                   f' "period": "2022-23 Q4", "value": {value}}}]')


def _membership(tmp_path: Path, change: Callable[[dict[str, object]], None]) -> Path:
    data = json.loads(MEMBERSHIP.read_text(encoding="utf-8"))
    change(data)
    return written(tmp_path, "membership.json", json.dumps(data, indent=1))


def _no_lead_name(data: dict[str, object]) -> None:
    data["leads"][0]["member"] = ""  # type: ignore[index]


def _bad_comparator(tmp_path: Path, value: str) -> Path:
    return written(tmp_path, "comparators.csv", COMPARATORS.read_text(encoding="utf-8")
                   + f"England,England,placement_moves_3plus,2021-22,{value}\n")


# Each class of bad input: how to make it, how to run it, and what the line must say.
CASES: dict[str, tuple[Callable[[Path], Result], str]] = {
    "a unit written as an expression": (lambda t: _scorecard(written(t, "readings.csv",
        "indicator,period,value,unit\nchildren_in_care,2022-23 Q4,461,child**0\n")),
        "line 2, field 'unit': unknown unit"),
    "a unit of 100,000 characters": (lambda t: _scorecard(written(t, "readings.csv",
        "indicator,period,value,unit\nchildren_in_care,2022-23 Q4,461," + "(" * 100_000
        + "\n")), "line 2, field 'unit'"),
    "a JSON integer of 5,000 digits": (lambda t: _scorecard(_json_readings(t, "1" * 5000)),
                                       "line 2, field '[0].value'"),
    "a 400-digit value": (lambda t: _scorecard(_json_readings(t, "1" * 400)),
                          "line 2, field '[0].value'"),
    "a value of 1.7e308": (lambda t: _scorecard(readings(
        t, "children_in_care,2023-24 Q1,1.7e308\n")), "field 'value'"),
    "JSON nested 100,000 deep": (lambda t: _scorecard(written(
        t, "readings.json", "[" * 100_000 + "]" * 100_000)), "nests too deeply"),
    "a second list beside the readings": (lambda t: _scorecard(written(
        t, "readings.json", '{"readings": [],\n "readingz": []}')),
        "line 2, field 'readingz': unknown key"),
    "a comparator of 500%": (lambda t: _scorecard(READINGS, "-c", str(_bad_comparator(
        t, "500"))), "field 'value': a percentage cannot exceed 100%"),
    "a comparator of -40": (lambda t: _scorecard(READINGS, "-c", str(_bad_comparator(
        t, "-40"))), "field 'value'"),
    "leads that are no list": (lambda t: _validate(_membership(
        t, lambda d: d.__setitem__("leads", 5))), "field 'leads'"),
    "an empty lead member": (lambda t: _validate(_membership(t, _no_lead_name)),
                             "field 'leads[0].member'"),
    "a meeting's second member-less row": (lambda t: _validate(written(
        t, "meetings.csv", "date,member,attendance\n27/09/2022,,not recorded\n"
        "27/09/2022,,not recorded\n")), "line 3, field 'member'"),
    "a directory": (lambda t: _scorecard(t), "a directory"),
    "a workbook that is not one": (lambda t: _scorecard(written(t, "readings.xlsx", "x")),
                                   "cannot read the workbook"),
    "an escape sequence in a cell": (lambda t: _scorecard(readings(
        t, f"children_in_care{ESCAPE},2022-23 Q4,461\n")), "\\x1b]0;owned\\x07"),
    "a report written over its readings": (lambda t: _scorecard(
        readings(t, ""), "-f", "markdown", "-o", str(t / "readings.csv")),
        "will not write"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_line_and_exit_2(case: str, tmp_path: Path) -> None:
    make, fragment = CASES[case]
    result = make(tmp_path)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr + result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_given_as_a_plugin_is_refused_at_once() -> None:
    result = run("validate", "--kind", "authority-plugin", "/dev/zero")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "/dev/zero: cannot read the file; expected a regular file, found a device"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "readings.csv"
    os.mkfifo(fifo)
    result = _scorecard(fifo)
    assert result.exit_code == 2
    assert "a pipe (FIFO)" in result.stderr


def test_an_escape_sequence_in_a_report_is_written_out(tmp_path: Path) -> None:
    comparators = written(tmp_path, "comparators.csv", COMPARATORS.read_text(
        encoding="utf-8").replace("South West", f"South West{ESCAPE}"))
    for output_format in ("terminal", "markdown", "html", "json"):
        result = _scorecard(READINGS, "-c", str(comparators), "-f", output_format)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout
        assert "\x07" not in result.stdout
        if output_format != "terminal":  # the terminal report does not list comparators
            assert "x1b" in result.stdout  # the name is shown, its escape written out
            assert "owned" in result.stdout
        target = tmp_path / f"report.{output_format}"
        assert _scorecard(READINGS, "-c", str(comparators), "-f", output_format,
                          "-o", str(target)).exit_code == 0
        assert "\x1b" not in target.read_text(encoding="utf-8")
