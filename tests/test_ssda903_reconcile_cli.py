"""``corpparent ssda903 reconcile`` and its rendering: every difference listed, and the
children behind one only in the internal profile, never in another output or an error."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.errors import DefinitionError
from corpparent.files import read_returns
from corpparent.report.ssda903_reconcile import render_reconciliation
from corpparent.ssda903.counted import drill_down
from ssda903_ees import CAMDEN, write_published

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"
#: Every child identifier in the example return.
CHILDREN = sorted({str(child) for returned in read_returns(EXAMPLE).values()
                   for table in returned.tables.values() for child in table.column("CHILD")})
#: The example's figures for 2023-24 (worked in docs/ssda903.md), one planted wrong:
#: 6 children published as looked after at 31 March where the return has 5.
PUBLISHED = {"cla_31_march": ("6", None, "6"), "starts": ("2", None, "2"),
             "placements_3plus": ("1", "5", "20"),
             "long_term_stability": ("c", "3", "c")}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


@pytest.fixture
def ees(tmp_path: Path) -> Path:
    return write_published(tmp_path / "ees", PUBLISHED)


def reconcile_args(ees: Path, *more: str) -> list[str]:
    return ["ssda903", "reconcile", str(EXAMPLE), "--published", str(ees), "--year",
            "2023-24", "--la", "302", *more]


def test_lists_every_difference_as_json(ees: Path) -> None:
    result = run(*reconcile_args(ees, "-f", "json"))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["profile"], document["publication"]) == ("internal", "not for publication")
    differ = [(r["measure"], r["figure"], r["computed"], r["published"], r["difference"])
              for r in document["reconciliation"] if r["status"] == "differ"]
    assert differ == [("cla_31_march", "value", "5", "6", "-1")]
    statuses = {(r["measure"], r["figure"]): r["status"] for r in document["reconciliation"]}
    assert statuses[("long_term_stability", "value")] == "not comparable"
    assert statuses[("placements_3plus", "value")] == "agree"
    assert statuses[("oc2_health_check", "")] == "not comparable"
    assert "drill_down" not in document


def test_drills_down_to_the_children_counted_in_the_internal_profile(ees: Path) -> None:
    result = run(*reconcile_args(ees, "--drill-down", "-f", "csv"))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    children = [r for r in rows if r["child"]]
    expected = drill_down(read_returns(EXAMPLE), "2023-24", "cla_31_march")
    assert len(expected.children) == 5
    assert [(r["measure"], r["child"], r["computed"]) for r in children] == [
        ("cla_31_march", c.child, "1") for c in expected.children]
    assert {r["profile"] for r in rows} == {"internal"}


@pytest.mark.parametrize("profile", ["public", "private"])
@pytest.mark.parametrize("output_format", ["csv", "json", "markdown"])
def test_no_other_profile_shows_a_child(ees: Path, profile: str, output_format: str) -> None:
    result = run(*reconcile_args(ees, "--profile", profile, "-f", output_format))
    assert result.exit_code == 0, result.output
    assert not [child for child in CHILDREN if child in result.output]
    refused = run(*reconcile_args(ees, "--profile", profile, "--drill-down",
                                  "-f", output_format))
    assert refused.exit_code == 2
    assert "only in the internal profile" in refused.output
    assert not [child for child in CHILDREN if child in refused.output]


def test_the_report_layer_refuses_a_drill_down_outside_the_internal_profile() -> None:
    drill = drill_down(read_returns(EXAMPLE), "2023-24", "cla_31_march")
    for profile in ("public", "private"):
        with pytest.raises(DefinitionError) as caught:
            render_reconciliation((), "csv", profile, [drill])  # type: ignore[arg-type]
        assert not [child for child in CHILDREN if child in str(caught.value)]


def test_public_output_withholds_a_computed_figure_the_dfe_did_not_publish(ees: Path) -> None:
    result = run(*reconcile_args(ees, "--profile", "public", "-f", "json"))
    rows = {(r["measure"], r["figure"]): r for r in json.loads(result.stdout)["reconciliation"]}
    suppressed = rows[("long_term_stability", "numerator")]
    assert (suppressed["computed"], suppressed["published"]) == ("", "c")
    assert "withheld" in suppressed["note"]
    assert rows[("long_term_stability", "denominator")]["computed"] == "3"
    assert rows[("cla_31_march", "value")]["source"].startswith(
        "cla_number_and_rate_per_10k_children.csv, row ")
    internal = json.loads(run(*reconcile_args(ees, "-f", "json")).stdout)["reconciliation"]
    numerator = [r for r in internal if (r["measure"], r["figure"]) ==
                 ("long_term_stability", "numerator")]
    assert numerator[0]["computed"] == "2"


def test_public_output_withholds_a_computed_figure_that_differs(ees: Path) -> None:
    """6 children published as looked after at 31 March where the return has 5: the
    public output says the figure differs, not the council's 5 nor the difference of 1,
    which together with the published 6 say how many children are counted otherwise."""
    result = run(*reconcile_args(ees, "--profile", "public", "-f", "json"))
    rows = {(r["measure"], r["figure"]): r for r in json.loads(result.stdout)["reconciliation"]}
    differs = rows[("cla_31_march", "value")]
    assert (differs["status"], differs["published"]) == ("differ", "6")
    assert (differs["computed"], differs["difference"]) == ("", "")
    assert "differs from the published one" in differs["note"]
    agrees = rows[("starts", "value")]
    assert (agrees["status"], agrees["computed"], agrees["published"]) == ("agree", "2", "2")
    internal = {(r["measure"], r["figure"]): r for r in json.loads(
        run(*reconcile_args(ees, "-f", "json")).stdout)["reconciliation"]}
    assert (internal[("cla_31_march", "value")]["computed"],
            internal[("cla_31_march", "value")]["difference"]) == ("5", "-1")


def test_markdown_counts_the_differences_and_states_its_profile(ees: Path) -> None:
    result = run(*reconcile_args(ees))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Internal working copy for officers. Not for publication."
    assert "Figures that differ from the DfE's published figures: 1." in lines
    assert "| cla_31_march | 2023-24 | value | 5 | 6 | differ | -1 |  |" in lines


def test_an_authority_no_file_has_is_a_warning_and_not_comparable(tmp_path: Path) -> None:
    folder = write_published(tmp_path / "ees", PUBLISHED, authority=CAMDEN, others=False)
    result = run(*reconcile_args(folder, "-f", "json"))
    assert result.exit_code == 0, result.output
    assert "no published file read has a local-authority row for '302'" in result.stderr
    statuses = {r["status"] for r in json.loads(result.stdout)["reconciliation"]}
    assert statuses == {"not comparable"}


def test_a_published_folder_without_the_files_is_one_line_and_exit_code_2(
        tmp_path: Path) -> None:
    result = run(*reconcile_args(tmp_path))
    assert result.exit_code == 2
    assert "none of the DfE's published files is here" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_shipped_example_shows_the_planted_difference_and_the_suppressed_figure() -> None:
    # examples/data/ssda903_published: the example's figures, 4 ceased planted where the
    # return has 3, and care leavers in suitable accommodation published as c.
    folder = EXAMPLE.parent / "ssda903_published"
    result = run("ssda903", "reconcile", str(EXAMPLE), "--published", str(folder), "-y",
                 "2023-24", "--la", "999", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["reconciliation"]
    assert [(r["measure"], r["computed"], r["published"]) for r in rows
            if r["status"] == "differ"] == [("ceased", "3", "4")]
    assert {r["figure"]: r["status"] for r in rows
            if r["measure"] == "care_leavers_suitable_accommodation"} == {
        "numerator": "not comparable", "denominator": "agree", "value": "not comparable"}


def test_a_misspelt_or_unknown_area_is_refused_with_the_closest_names(ees: Path) -> None:
    for wrong, said in (("Barnett", "did you mean Barnet (302)?"),
                        ("3O2", "no area is called or coded '3O2'"),
                        ("South West", "South West (E12000009) is not a local authority")):
        args = reconcile_args(ees)
        args[args.index("302")] = wrong
        result = run(*args)
        assert result.exit_code == 2, (wrong, result.output)
        assert said in result.output, (wrong, result.output)
        assert len(result.output.strip().splitlines()) == 1


def test_an_area_the_published_files_hold_is_found_by_its_own_names_first() -> None:
    """An invented council the register does not know (999, 'Example Council') is
    reconciled where the files hold it, by code or name; misspelt, it is refused."""
    folder = EXAMPLE.parent / "ssda903_published"
    for authority in ("999", "Example Council", "E06999999"):
        result = run("ssda903", "reconcile", str(EXAMPLE), "--published", str(folder),
                     "-y", "2023-24", "--la", authority, "-f", "json")
        assert result.exit_code == 0, (authority, result.output)
        rows = json.loads(result.stdout)["reconciliation"]
        assert {r["status"] for r in rows} >= {"agree", "differ"}
    result = run("ssda903", "reconcile", str(EXAMPLE), "--published", str(folder), "-y",
                 "2023-24", "--la", "Exampel Council")
    assert result.exit_code == 2
    assert "no area is called or coded 'Exampel Council'" in result.output
