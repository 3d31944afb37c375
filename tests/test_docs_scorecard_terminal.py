"""The terminal example in the `corpparent scorecard` page is the command's own output.

The page shows the command's output with rows left out, each gap a line ``…``: every
run of lines between gaps must be found, line for line, in what the command prints to
a file or a pipe (120 characters wide), and the runs in the order printed. The line
naming corpparent's version is a gap too, as it changes with each release.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "cli-scorecard.md"
COMMAND = ("$ corpparent scorecard examples/data/wiltshire_readings_2022-23.csv -a wiltshire "
           '-p "2022-23 Q4"')
VERSION = re.compile(r"^corpparent \d+\.\d+")


def _example() -> list[list[str]]:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(f"```text\n{COMMAND}\n") + len(f"```text\n{COMMAND}\n")
    lines = text[start:text.index("```", start)].splitlines()
    runs: list[list[str]] = [[]]
    for line in lines:
        if line == "…" or VERSION.match(line):
            runs.append([])
        else:
            runs[-1].append(line)
    return [run for run in runs if run]


def test_the_pages_terminal_example_is_what_the_command_prints(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")
    result = CliRunner().invoke(cli, ["scorecard", "examples/data/wiltshire_readings_2022-23.csv",
                                      "-a", "wiltshire", "-p", "2022-23 Q4"])
    assert result.exit_code == 0
    printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    at = 0
    for run in _example():
        found = next((i for i in range(at, len(printed) - len(run) + 1)
                      if printed[i:i + len(run)] == run), None)
        assert found is not None, f"not printed, in this order: {run[0]!r}"
        at = found + len(run)
