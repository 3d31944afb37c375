"""`corpparent benchmark` finds authorities as people write them, lists them, and finds
measures by words and themes; the expected measures are read from the shipped LAIT
dictionary with the csv module, and the authorities from the shipped table."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.dfe.areas import known_areas
from corpparent.dfe.authority_names import FORMER_AUTHORITIES
from corpparent.files.dfe.national_package import shipped_folder

MEASURE = "LAC_LongStable%"
ROWS = list(csv.DictReader(
    (resources.files("corpparent.dfe") / "authorities.csv").read_text("utf-8").splitlines()))
CODE = {row["la_name"]: row["old_la_code"] for row in ROWS}
DICTIONARY = list(csv.DictReader(
    (shipped_folder() / "lait_data_dictionary.csv").read_text("utf-8").splitlines()))


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["benchmark", *args], prog_name="corpparent")


def shown(*args: str) -> dict[str, object]:
    result = run(*args, "-m", MEASURE, "-f", "json")
    assert result.exit_code == 0, result.output
    found: dict[str, object] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize(("written", "published"),
                         [("Bristol", "Bristol, City of"), ("Hull", "Kingston upon Hull, City of"),
                          ("St Helens", "St. Helens"), ("Southend", "Southend-on-Sea"),
                          ("Leeds City Council", "Leeds"), ("cumbria", "Cumbria"),
                          ("NORTHAMPTONSHIRE", "Northamptonshire")])
def test_benchmark_finds_the_authority_as_written(written: str, published: str) -> None:
    assert shown("--la", written)["code"] == CODE[published]


def test_benchmark_finds_bournemouth_before_2019_and_names_its_successor() -> None:
    report = shown("--la", "Bournemouth")
    assert report["code"] == "837"
    said = " ".join(map(str, report["sources"]))  # type: ignore[call-overload]
    assert "was replaced on 1 April 2019 by Bournemouth, Christchurch and Poole (839)" in said
    assert "SI 2018/648" in said


def test_a_misspelt_authority_exits_2_suggesting_the_one_meant() -> None:
    result = run("--la", "Wiltshre", "-m", MEASURE)
    assert result.exit_code == 2
    assert "did you mean Wiltshire (865)?" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_measure_code_in_any_case_is_the_measure() -> None:
    result = run("--la", "Wiltshire", "-m", MEASURE.lower(), "-f", "csv")
    assert result.exit_code == 0, result.output
    assert {r["measure"] for r in csv.DictReader(io.StringIO(result.stdout))} == {MEASURE}


def test_a_misspelt_measure_suggests_the_code_meant() -> None:
    result = run("--la", "Wiltshire", "-m", "LAC_LongStabel%")
    assert result.exit_code == 2
    assert f"did you mean {MEASURE!r}" in result.stderr


def test_without_an_authority_the_command_says_how_to_list_them() -> None:
    result = run("-m", MEASURE)
    assert result.exit_code == 2
    assert "--list-authorities" in result.stderr


def test_the_list_holds_every_authority_once_and_each_is_found_as_listed() -> None:
    result = run("--list-authorities", "-f", "csv")
    assert result.exit_code == 0, result.output
    listed = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(r["code"] for r in listed) == sorted(
        [*CODE.values(), *(f.code for f in FORMER_AUTHORITIES)])
    current = [r for r in listed if r["code"] in CODE.values()]
    for row in current:
        assert known_areas()[row["name"]].code == row["code"]
        assert known_areas()[row["ons_code"]].code == row["code"]
        for other in filter(None, row["also_found_by"].split("; ")):
            assert known_areas()[other].code == row["code"]
    replaced = {r["name"] for r in listed if r["replaced"]}
    assert replaced == {"Northamptonshire", "Cumbria", *(f.name for f in FORMER_AUTHORITIES)}


def test_the_list_on_the_terminal_says_what_replaced_what() -> None:
    result = run("--list-authorities")
    assert result.exit_code == 0, result.output
    assert "Kingston upon Hull, City of" in result.stdout
    assert ("Northamptonshire was replaced on 1 April 2021 by North Northamptonshire (940) "
            "and West Northamptonshire (941)") in result.stdout


def test_a_listing_refuses_a_report_format() -> None:
    result = run("--list-authorities", "-f", "html")
    assert result.exit_code == 2
    assert "--format terminal or --format csv" in result.stderr


def _searched(*words: str) -> list[dict[str, str]]:
    result = run("--search-measures", " ".join(words), "-f", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _holds(row: dict[str, str], word: str) -> bool:
    text = " ".join(row[k] for k in ("Measure_short", "Measure", "Topic", "y_axis_name"))
    return word.casefold() in text.casefold().replace("-", " ")


def test_searching_by_words_finds_the_measures_holding_them_in_any_case() -> None:
    found = _searched("PLACEMENT", "stability")
    assert MEASURE in {r["Code"] for r in found}
    expected = {r["Measure_short"] for r in DICTIONARY
                if _holds(r, "placement") and _holds(r, "stability")}
    assert {r["Code"] for r in found} == expected
    assert found == _searched("placement", "stability")


def test_searching_by_a_theme_finds_every_measure_of_it() -> None:
    theme = {r["Measure_short"] for r in DICTIONARY if r["Topic"] == "Adoption"}
    found = _searched("adoption")
    assert len(theme) > 1
    assert theme <= {r["Code"] for r in found}
    assert all(any(_holds(d, "adopt") for d in DICTIONARY if d["Measure_short"] == r["Code"])
               for r in found)


def test_a_search_that_finds_nothing_exits_2_saying_so() -> None:
    result = run("--search-measures", "zebra crossings")
    assert result.exit_code == 2
    assert "no LAIT measure" in result.stderr
