"""The national rank and quartile band beside a scorecard's indicators, from the DfE's
benchmarking data shipped with corpparent, where an indicator names its LAIT measure."""

from __future__ import annotations

import json

import pyarrow.compute as pc
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.comparators.national_standing import NationalStanding, latest_standing
from corpparent.files.national_package import national_results
from corpparent.periods import FinancialQuarter, FinancialYear
from reports_support import READINGS

BASE = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]


def _standing(year: int, rank: int | None) -> NationalStanding:
    return NationalStanding("LAC_LongStable%", FinancialYear(year), 70.0, rank, 150,
                            None if rank is None else "B")


def test_the_latest_standing_ending_by_the_period_is_shown() -> None:
    standings = [_standing(2021, 30), _standing(2022, 26), _standing(2023, 56)]
    chosen = latest_standing(standings, FinancialQuarter(2022, 4))
    assert chosen is not None
    assert chosen.period == FinancialYear(2022)  # 2023-24 had not ended
    assert chosen.describe() == "26 of 150 (2022-23), quartile band B"
    assert latest_standing(standings, FinancialQuarter(2020, 4)) is None
    assert _standing(2022, None).describe() == "not ranked (2022-23)"


def test_wiltshire_is_ranked_on_its_dfe_measures() -> None:
    result = CliRunner().invoke(cli, [*BASE, "--national", "-f", "json"])
    assert result.exit_code == 0, result.output
    shown = {i["id"]: i["national"] for i in json.loads(result.stdout)["indicators"]}
    engine = national_results().authority("865")
    for indicator, measure in (("long_term_stability", "LAC_LongStable%"),
                               ("placement_moves_3plus", "LACStable_2016on")):
        rows = engine.filter(pc.and_(pc.equal(engine["measure"], measure),
                                     pc.equal(engine["period"], "2022-23"))).to_pylist()
        (row,) = rows
        assert shown[indicator]["measure"] == measure
        assert (shown[indicator]["rank"], shown[indicator]["ranked"],
                shown[indicator]["band"]) == (row["rank"], row["ranked"], row["band"])
    assert shown["children_in_care"] is None  # names no DfE measure


def test_without_the_option_no_national_figures_are_read() -> None:
    result = CliRunner().invoke(cli, [*BASE, "-f", "json"])
    assert all(i["national"] is None for i in json.loads(result.stdout)["indicators"])


def test_the_papers_show_the_rank_and_band() -> None:
    html = CliRunner().invoke(cli, [*BASE, "--national", "-f", "html"]).stdout
    assert "<dt>National rank</dt><dd>" in html
    markdown = CliRunner().invoke(cli, [*BASE, "--national", "-f", "markdown"]).stdout
    assert "## National rank and quartile band" in markdown


def test_national_needs_an_authority() -> None:
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-i",
                                      "tests/data/reports/wiltshire_indicators.py",
                                      "-p", "2022-23 Q4", "--national"],
                                prog_name="corpparent")
    assert result.exit_code == 2
    assert "--national needs --authority" in result.stderr
