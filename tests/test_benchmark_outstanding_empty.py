"""A period whose Outstanding group has no one in it gives no Outstanding figure.

Every latest inspection in Ofsted's release (``ofsted_ilacs_outcomes_2025-03-31.csv``,
column ``Inspection date``) took place after 31 March 2021, so for 2020-21 no authority
can be placed in the group. The command's rows then hold no mean, no position, no count
and no gap (null in JSON, blank in CSV), never "better than 0 of 0"; its notes say why in
the words the Python benchmark uses; and a later year is still compared.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.dated_groups import DatedGroup, unformed
from corpparent.files import read_benchmarking
from corpparent.periods import FinancialYear
from national_data import NATIONAL_DATA

pytestmark = pytest.mark.national_data

OFSTED = NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv"
#: The Outstanding-group columns that give a figure.
FIGURES = ("outstanding_mean", "outstanding_better_than", "outstanding_with_value",
           "gap_outstanding")


def _inspected() -> list[date]:
    with OFSTED.open(encoding="utf-8-sig", newline="") as handle:
        return [date.fromisoformat(row["Inspection date"]) for row in csv.DictReader(handle)]


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-m",
                                      "LACStable_2016on", *args])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The command's JSON and CSV for Wiltshire's 3+ placements, 2020-21 and 2021-22."""
    folder = tmp_path_factory.mktemp("empty-group")
    found = {}
    for form in ("json", "csv"):
        found[form] = folder / f"wiltshire.{form}"
        _run("-p", "2020-21", "-p", "2021-22", "-f", form, "-o", str(found[form]))
    return found


def _json_rows(outputs: dict[str, Path]) -> dict[str, dict[str, Any]]:
    return {row["period"]: row for row in json.loads(outputs["json"].read_text())["rows"]}


def _csv_rows(outputs: dict[str, Path]) -> dict[str, dict[str, str]]:
    with outputs["csv"].open(encoding="utf-8", newline="") as handle:
        return {row["period"]: row for row in csv.DictReader(handle)}


def test_the_release_places_no_authority_in_2020_21() -> None:
    assert min(_inspected()) > date(2021, 3, 31)


def test_a_group_with_no_one_in_it_gives_no_figure_in_json_and_csv(
        outputs: dict[str, Path]) -> None:
    later = len(_inspected())
    row, text = _json_rows(outputs)["2020-21"], _csv_rows(outputs)["2020-21"]
    assert row["value"] is not None
    assert {name: row[name] for name in FIGURES} == dict.fromkeys(FIGURES)
    assert {name: text[name] for name in FIGURES} == dict.fromkeys(FIGURES, "")
    # What the group is, and why it is empty, stays.
    assert (row["outstanding_as_at"], row["outstanding_unknown"]) == ("2021-03-31", later)
    assert (text["outstanding_as_at"], text["outstanding_unknown"]) == ("2021-03-31",
                                                                        str(later))


def test_a_later_year_still_gives_its_figures(outputs: dict[str, Path]) -> None:
    row, text = _json_rows(outputs)["2021-22"], _csv_rows(outputs)["2021-22"]
    assert row["outstanding_with_value"] > 0
    assert row["outstanding_better_than"] is not None
    assert text["outstanding_with_value"] == str(row["outstanding_with_value"])
    assert text["outstanding_better_than"] == str(row["outstanding_better_than"])


def test_the_python_benchmark_agrees_and_says_why_in_the_same_words(
        outputs: dict[str, Path]) -> None:
    scalar = read_benchmarking(NATIONAL_DATA).benchmark(
        "Wiltshire", "placements_3plus", FinancialYear(2020))
    row = _json_rows(outputs)["2020-21"]
    assert scalar.value == row["value"]
    assert scalar.outstanding_position is None
    assert scalar.outstanding_average() is None
    group = scalar.outstanding_group
    assert isinstance(group, DatedGroup)
    assert len(group.unknown) == row["outstanding_unknown"]
    words = unformed([group])
    assert words == ("Outstanding authorities as at 31 March 2021: cannot be formed, no "
                     f"other authority known to be in it ({len(_inspected())} authorities "
                     "judged later)")
    assert words in scalar.describe()
    sources = json.loads(outputs["json"].read_text())["sources"]
    assert f"{words}, so no Outstanding figure is given for 2020-21." in sources


def test_a_later_year_alone_has_no_such_note(tmp_path: Path) -> None:
    out = tmp_path / "later.json"
    _run("-p", "2021-22", "-f", "json", "-o", str(out))
    assert not [s for s in json.loads(out.read_text())["sources"] if "cannot be formed" in s]
