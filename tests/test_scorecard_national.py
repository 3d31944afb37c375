"""The national rank and quartile band beside a scorecard's indicators, from the DfE's
benchmarking data shipped with corpparent, where an indicator names its LAIT measure."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.comparators.national_standing import NationalStanding, latest_standing
from corpparent.files.dfe.national_package import national_results, shipped_folder
from corpparent.files.dfe.ofsted import read_ofsted
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
    terminal = CliRunner().invoke(cli, [*BASE, "--national"], terminal_width=200).stdout
    words = " ".join(terminal.split())
    assert "National rank and quartile band" in words
    # The rank is of the DfE's own figure, which is shown with it.
    engine = national_results().authority("865")
    (row,) = engine.filter(pc.and_(pc.equal(engine["measure"], "LAC_LongStable%"),
                                   pc.equal(engine["period"], "2022-23"))).to_pylist()
    assert f"DfE figure {row['value']:g}%: {row['rank']} of {row['ranked']}" in words


def test_national_needs_an_authority() -> None:
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-i",
                                      "tests/data/reports/wiltshire_indicators.py",
                                      "-p", "2022-23 Q4", "--national"],
                                prog_name="corpparent")
    assert result.exit_code == 2
    assert "--national needs --authority" in result.stderr


def _lait_values(measure: str, years: str) -> dict[str, float]:
    """Every authority's published number on ``measure`` in ``years``, by old LA code,
    read from the shipped parquet with pyarrow alone."""
    table = pq.read_table(shipped_folder() / "lait_bds_long.parquet").to_pylist()
    return {str(int(r["LA Number"])): float(r["Values"]) for r in table
            if (r["Short Desc"], r["Years"]) == (measure, years) and r["LA Number"] < 970
            and r["Values"] not in ("-", "c", "x", "z", "k", "low")}


def test_the_outstanding_position_is_as_at_the_periods_end() -> None:
    """Wiltshire 2022-23 among the authorities whose Outstanding judgement Ofsted had
    published by 31 March 2023 (Ofsted's release as at 31 March 2025)."""
    result = CliRunner().invoke(cli, [*BASE, "--national", "-f", "json"])
    shown = {i["id"]: i["national"] for i in json.loads(result.stdout)["indicators"]}
    national = shown["long_term_stability"]
    group = read_ofsted(shipped_folder() / "ofsted_ilacs_outcomes_2025-03-31.csv").as_at(
        date(2023, 3, 31))
    values = _lait_values("LAC_LongStable%", "2023")
    own = values["865"]
    others = [values[c] for c in group.members if c != "865" and c in values]
    assert national["group"] == "Outstanding authorities as at 31 March 2023"
    assert (national["better_than"], national["among"], national["unknown"]) == (
        sum(v < own for v in others), len(others), len(group.unknown))
    assert f"better than {national['better_than']} of {national['among']}" in national["text"]


# Wiltshire's two DfE measures, judged against a group the panel declares for its year.
DECLARED = '''format_version = 1
[authority]
id = "declared"
name = "Wiltshire"
dfe_code = "865"
rules_year = "2022-23"

[[indicators]]
id = "long_term_stability"
name = "Long-term stability"
kind = "percentage"
polarity = "higher is better"
national_measure = "LAC_LongStable%"

[[groups]]
name = "Outstanding authorities"
as_at = 2023-03-31
members = ["Bexley", "Bracknell Forest", "Wiltshire"]
'''


def _declared_scorecard(tmp_path: Path, plugin_text: str, exit_code: int = 0) -> Result:
    """The 2022-23 Q4 scorecard, with national figures, of a plug-in written here."""
    plugin = tmp_path / "declared.toml"
    plugin.write_text(plugin_text, encoding="utf-8")
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nlong_term_stability,2022-23 Q4,72\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["scorecard", str(readings), "-a", str(plugin), "-p",
                                      "2022-23 Q4", "--national", "-f", "json"])
    assert result.exit_code == exit_code, result.output
    return result


def test_a_group_the_rule_set_declares_is_used(tmp_path: Path) -> None:
    result = _declared_scorecard(tmp_path, DECLARED)
    (indicator,) = json.loads(result.stdout)["indicators"]
    values = _lait_values("LAC_LongStable%", "2023")
    others = [values["303"], values["867"]]  # Bexley and Bracknell Forest, by old LA code
    national = indicator["national"]
    assert national["group"] == "Outstanding authorities as at 31 March 2023"
    assert (national["better_than"], national["among"]) == (
        sum(v < values["865"] for v in others), 2)
    assert national["unknown"] == 0


def test_a_measure_the_national_data_lacks_is_named(tmp_path: Path) -> None:
    result = _declared_scorecard(
        tmp_path, DECLARED.replace('"LAC_LongStable%"', '"LAC_LongStabel%"'))
    assert ("warning: the national data has no measure named by indicator "
            "long_term_stability ('LAC_LongStabel%'), so it has no national rank"
            in result.stderr)


def test_a_code_that_is_no_authoritys_is_named_with_its_field(tmp_path: Path) -> None:
    result = _declared_scorecard(
        tmp_path, DECLARED.replace('dfe_code = "865"', 'dfe_code = "999"'), exit_code=2)
    assert "authority.dfe_code '999' is no English local authority's code" in result.stderr


def test_a_group_under_another_name_is_said_to_be_unused(tmp_path: Path) -> None:
    result = _declared_scorecard(tmp_path, DECLARED.replace(
        'name = "Outstanding authorities"', 'name = "Outstanding authorites"'))
    assert ("rule set 2022-23 declares group 'Outstanding authorites' but none called "
            "'Outstanding authorities'") in result.stderr
    (indicator,) = json.loads(result.stdout)["indicators"]
    assert indicator["national"]["group"] == "Outstanding authorities as at 31 March 2023"
