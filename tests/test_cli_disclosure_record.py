"""The disclosure record at the command line: a public paper is protected against the
authority's earlier public papers and adds what it publishes; nothing else is recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.files.panel.disclosure_record import default_record_path, read_record
from corpparent.report.disclosure import check
from disclosure_scenario import (
    APRIL,
    MAY,
    PLUGIN,
    Q1,
    READINGS,
    write_scenario,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"
WILTSHIRE = EXAMPLES / "wiltshire_readings_2022-23.csv"


def _paper(tmp_path: Path, period: str, *options: str, fmt: str = "markdown") -> Path:
    output = tmp_path / f"paper-{period.replace(' ', '-')}.{'md' if fmt == 'markdown' else fmt}"
    result = CliRunner().invoke(cli, ["scorecard", str(WILTSHIRE), "-a", "wiltshire", "-p",
                                      period, "-f", fmt, "-o", str(output), *options])
    assert result.exit_code == 0, result.output
    return output


def test_a_public_paper_is_recorded_in_the_data_folder_not_beside_it(tmp_path: Path) -> None:
    paper = _paper(tmp_path, "2022-23 Q4")
    record = read_record(default_record_path("wiltshire"), "wiltshire")
    assert record.papers == (paper.name,)
    assert record.known  # the figures it published
    assert not list(tmp_path.glob("*.json"))  # nothing beside the paper
    text = default_record_path("wiltshire").read_text(encoding="utf-8")
    assert json.loads(text)["note"].startswith("Not for publication")


def test_internal_copies_and_opting_out_record_nothing(tmp_path: Path) -> None:
    _paper(tmp_path, "2022-23 Q4", "--profile", "internal")
    _paper(tmp_path, "2022-23 Q3", "--no-disclosure-record")
    assert not default_record_path("wiltshire").exists()


def test_a_record_named_on_the_command_line_is_used(tmp_path: Path) -> None:
    record = tmp_path / "elsewhere" / "wiltshire.json"
    _paper(tmp_path, "2022-23 Q4", "--disclosure-record", str(record))
    assert read_record(record, None).papers
    assert not default_record_path("wiltshire").exists()


def test_the_two_record_options_together_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["scorecard", str(WILTSHIRE), "-a", "wiltshire", "-p",
                                      "2022-23 Q4", "--disclosure-record", "x.json",
                                      "--no-disclosure-record"])
    assert result.exit_code == 2
    assert "cannot be given together" in result.output


def test_a_figure_withheld_in_one_paper_stays_withheld_in_the_next(tmp_path: Path) -> None:
    """April 2023's paper withholds placed in county in November 2022 only to protect
    placed out of county (71 = 68 + 3); the chart of placed in county drawn afterwards
    must not publish the 68, which with the published 71 gives the 3 back."""
    write_scenario(tmp_path)
    common = ["-a", str(tmp_path / PLUGIN), "-p", APRIL, "-f", "json", "--profile", "public"]
    paper = CliRunner().invoke(cli, ["scorecard", str(tmp_path / READINGS), *common,
                                     "-o", str(tmp_path / "april.json")])
    assert paper.exit_code == 0, paper.output
    record = read_record(default_record_path("fenmoor"), "fenmoor")
    assert ("value", "placed_in_county", "2022-11") in record.withheld
    chart = CliRunner().invoke(cli, ["chart", str(tmp_path / READINGS), "-n",
                                     "placed_in_county", *common])
    assert chart.exit_code == 0, chart.output
    drawn = json.loads(chart.output)
    assert drawn["chart"] is None
    alone = CliRunner().invoke(cli, ["chart", str(tmp_path / READINGS), "-n",
                                     "placed_in_county", *common, "--no-disclosure-record"])
    assert json.loads(alone.output)["chart"] is not None  # the record is what withholds it


def test_a_quarters_papers_give_no_withheld_figure_away(tmp_path: Path) -> None:
    """The scenario's April, May and June papers and its first quarter's, each written by
    the command line against the record of those before it: a reader with all four
    narrows no withheld figure and shows no count never printed to be small (the
    percentages of April and May 2022, 42.86% and 45.45%, rule some small numerators out
    and leave large ones: no small group is shown)."""
    write_scenario(tmp_path)
    papers = []
    for index, period in enumerate((APRIL, MAY, "2023-06", Q1)):
        papers.append(output := tmp_path / f"{index}.json")
        result = CliRunner().invoke(cli, [
            "scorecard", str(tmp_path / READINGS), "-a", str(tmp_path / PLUGIN), "-p",
            period, "-f", "json", "--profile", "public", "-o", str(output)])
        assert result.exit_code == 0, result.output
    found = check(papers)
    assert found.safe, "\n".join(found.lines())
    assert sum(item.shown for item in found.figures) >= 10  # there was much to give away


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheets_default_to_internal_and_are_not_recorded(tmp_path: Path, fmt: str) -> None:
    _paper(tmp_path, "2022-23 Q4", fmt=fmt)
    assert not default_record_path("wiltshire").exists()


def test_a_chart_of_a_part_does_not_give_another_away_through_their_total(
        tmp_path: Path) -> None:
    """The chart of children placed, published first, puts November 2022's 71 in the
    record; the chart of those placed in county would then publish its 68, and every
    reader has the 3 placed out of county. It goes whole; drawn without the record,
    nothing ties it to the 71 and it is drawn."""
    write_scenario(tmp_path)
    common = ["-a", str(tmp_path / PLUGIN), "-p", "2022-11", "-f", "json", "--profile",
              "public"]
    total = CliRunner().invoke(cli, ["chart", str(tmp_path / READINGS), "-n", "placed",
                                     *common])
    assert total.exit_code == 0, total.output
    assert json.loads(total.output)["chart"] is not None  # no small count among its points
    record = read_record(default_record_path("fenmoor"), "fenmoor")
    assert record.known[("value", "placed", "2022-11")] == 71
    part = CliRunner().invoke(cli, ["chart", str(tmp_path / READINGS), "-n",
                                    "placed_in_county", *common])
    assert part.exit_code == 0, part.output
    assert json.loads(part.output)["chart"] is None
    alone = CliRunner().invoke(cli, ["chart", str(tmp_path / READINGS), "-n",
                                     "placed_in_county", *common, "--no-disclosure-record"])
    assert json.loads(alone.output)["chart"] is not None


def test_the_officers_copy_withholds_what_the_public_paper_does_and_says_why(
        tmp_path: Path) -> None:
    """After April's and May's public papers, the quarter's withholds figures that with
    them would give a withheld one away; the officer's copy of the quarter (internal,
    --suppress) withholds the same, against the same record, and logs each; it is not
    added to the record."""
    write_scenario(tmp_path)
    common = ["scorecard", str(tmp_path / READINGS), "-a", str(tmp_path / PLUGIN), "-f",
              "json"]
    for month in (APRIL, MAY):
        assert CliRunner().invoke(cli, [*common, "-p", month, "--profile", "public", "-o",
                                        str(tmp_path / f"{month}.json")]).exit_code == 0
    papers = read_record(default_record_path("fenmoor"), "fenmoor").papers

    def withheld(document: dict[str, object]) -> set[tuple[str, str]]:
        indicators = document["indicators"]
        assert isinstance(indicators, list)
        return {(i["id"], p["period"]) for i in indicators for p in i["trend"]
                if p["value"] is None and p["symbol"] == "c"}

    officer = CliRunner().invoke(cli, [*common, "-p", Q1, "--profile", "internal",
                                       "--suppress"])
    assert officer.exit_code == 0, officer.output
    assert read_record(default_record_path("fenmoor"), "fenmoor").papers == papers
    public = CliRunner().invoke(cli, [*common, "-p", Q1, "--profile", "public"])
    assert public.exit_code == 0, public.output
    internal_copy, public_copy = json.loads(officer.stdout), json.loads(public.stdout)
    assert withheld(internal_copy) == withheld(public_copy)
    logged = {(w["indicator"], w["period"]) for w in internal_copy["suppression"]["log"]}
    assert withheld(public_copy) <= logged
