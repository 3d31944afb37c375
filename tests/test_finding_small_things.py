"""Small things a user trips on: ``obligations due`` starts today unless told, a
scorecard result iterates over its assessments, and the ``test`` extra holds only what
a downstream tool's tests need."""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from corpparent import (
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
)
from corpparent.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def _due(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["obligations", "due", "-a", "wiltshire", *args,
                                      "-f", "json"], prog_name="corpparent")
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def test_obligations_due_starts_today_without_from() -> None:
    today = date.today()
    past, soon = today - timedelta(days=60), today + timedelta(days=20)
    window = ["--until", str(today + timedelta(days=90)),
              "--meeting", str(past), "--meeting", str(soon)]
    assumed = _due(*window)
    assert assumed == _due("--from", str(today), *window)
    dues = [str(f["evidence"]["due"]) for f in assumed]  # type: ignore[index]
    assert dues
    assert all(d >= str(today) for d in dues)
    # The minutes of the meeting 60 days ago fell due before today: left out, though a
    # window from before it lists them.
    earlier = [str(f["evidence"]["due"]) for f in _due(  # type: ignore[index]
        "--from", str(past), *window)]
    assert str(past + timedelta(days=14)) in earlier
    assert str(past + timedelta(days=14)) not in dues


def test_a_scorecard_result_iterates_over_its_assessments() -> None:
    quarter = FinancialQuarter(2022, 4)
    indicators = IndicatorSet([
        Indicator("ltstab", "Long-term placement stability", Kind.PERCENTAGE,
                  Polarity.HIGHER_IS_BETTER),
        Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL)])
    result = Scorecard(indicators).assess(
        Readings([Reading("ltstab", quarter, 73), Reading("cla", quarter, 461)]), quarter)
    assessed = []
    for assessment in result:  # as an analyst writes it
        assessed.append(assessment)
    assert assessed == list(result.assessments)
    assert [a.indicator.id for a in assessed] == ["ltstab", "cla"]
    assert len(result) == 2
    assert result["cla"] is assessed[1]


def _extras() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras: dict[str, list[str]] = project["optional-dependencies"]
    return extras


def _name(requirement: str) -> str:
    return re.split(r"[<>=\[ ]", requirement, maxsplit=1)[0].lower()


def test_the_test_extra_holds_only_pytest_and_hypothesis() -> None:
    assert sorted(_name(r) for r in _extras()["test"]) == ["hypothesis", "pytest"]


def test_the_project_s_tooling_is_in_the_dev_extra_the_makefile_installs() -> None:
    dev = {_name(r) for r in _extras()["dev"]}
    assert {"mypy", "ruff", "import-linter", "playwright", "polars"} <= dev
    assert "corpparent[test]" in _extras()["dev"]
    assert "-e '.[dev,docs]'" in (ROOT / "Makefile").read_text("utf-8")


def test_corpparent_testing_imports_nothing_beyond_the_test_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    allowed = {"attrs", "attr", "corpparent", "hypothesis", "pytest", "_pytest",
               *(_name(r).replace("-", "_") for r in project["dependencies"])}
    for path in (ROOT / "src" / "corpparent" / "testing").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom)
                     and node.level == 0 else [])
            for name in names:
                root = name.split(".")[0]
                assert root in sys.stdlib_module_names or root in allowed, (path, name)
