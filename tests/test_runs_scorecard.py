"""The scorecard run: what the command line prints, from Python; rule sets carried
forward past the last year declared; and a report in which nothing could be judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attrs import evolve
from click.testing import CliRunner, Result
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.files import profile_from_toml, read_readings
from corpparent.findings import Status
from corpparent.indicators.readings import Readings
from corpparent.periods import FinancialQuarter, MunicipalYear, Period, parse_period
from corpparent.plugins import load_profile
from corpparent.profile import AuthorityProfile
from corpparent.report import make_provenance, scorecard_report
from corpparent.report.output import finish
from corpparent.rulesets import shifted
from corpparent.runs import assess_scorecard
from reports_support import INDICATORS_PY, READINGS
from test_rulesets import PLUGIN

ROOT = Path(__file__).resolve().parent.parent
STAFFORDSHIRE = ROOT / "examples" / "data" / "staffordshire_readings_2019-20.csv"
Q4_2022 = FinancialQuarter(2022, 4)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def moved_on(readings: Readings, years: int) -> Readings:
    """Every reading ``years`` later: the panel's figures a year (or more) on."""
    return Readings([evolve(r, period=shifted(r.period, years)) for r in readings])


def _cli_json(*args: str) -> dict[str, object]:
    result = run("scorecard", *args, "-f", "json")
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)
    return document


def _python_json(readings: Readings, period: Period, profile: AuthorityProfile,
                 ) -> dict[str, object]:
    run_ = assess_scorecard(readings, [period], profile=profile)
    (assessed,) = run_.periods
    report = finish(scorecard_report(assessed.result, make_provenance(period=period),
                                     authority=run_.authority), "json")
    document: dict[str, object] = json.loads(report.model_dump_json())
    return document


@pytest.mark.parametrize(("plugin", "readings", "period"), [
    ("wiltshire", READINGS, "2022-23 Q4"),
    ("staffordshire", STAFFORDSHIRE, "MY 2019-20"),
])
def test_the_python_api_gives_what_the_command_line_prints(plugin: str, readings: Path,
                                                           period: str) -> None:
    profile = load_profile(plugin)
    cli_document = _cli_json(str(readings), "-a", plugin, "-p", period)
    api_document = _python_json(read_readings(readings, profile.reading_indicators),
                                parse_period(period), profile)
    for key in ("title", "indicators", "exception_report", "summary"):
        assert api_document[key] == cli_document[key], key


def test_a_plug_in_file_with_two_years_gives_the_same_from_python_and_the_command_line(
        tmp_path: Path) -> None:
    plugin = tmp_path / "ourtown.toml"
    plugin.write_text(PLUGIN, encoding="utf-8")
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nmoves,2022-23 Q4,8.5\nmoves,2023-24 Q4,8.5\n"
                        "stability,2023-24 Q4,72\nin_house,2023-24 Q4,40\n", encoding="utf-8")
    profile = profile_from_toml(PLUGIN)
    for period in ("2022-23 Q4", "2023-24 Q4", "2024-25 Q4"):
        cli_document = _cli_json(str(readings), "-a", str(plugin), "-p", period)
        api_document = _python_json(read_readings(readings, profile.reading_indicators),
                                    parse_period(period), profile)
        assert api_document["indicators"] == cli_document["indicators"]
        assert api_document["exception_report"] == cli_document["exception_report"]
    # 2024-25 has no rules of its own: those of 2023-24 judge it, and say so.
    later = assess_scorecard(read_readings(readings, profile.reading_indicators),
                             [parse_period("2024-25 Q4")], profile=profile).periods[0]
    assert later.rule_set is not None
    assert str(later.rule_set.carried_from) == "2023-24"
    assert later.result.findings


def _judged(result_findings: object) -> list[tuple[str, str, str]]:
    assert isinstance(result_findings, tuple)
    return [(f.subject, f.rule, str(f.status)) for f in result_findings
            if f.family.is_judgement]


@pytest.mark.parametrize("years", [1, 2])
def test_a_year_after_the_last_rule_set_is_judged_by_it_carried_forward(years: int) -> None:
    """Wiltshire's plug-in sets its rules for 2022-23 only. Its example readings moved on
    by a year or two are judged, indicator by indicator, exactly as the originals were,
    and every range and target finding says whose rules judged it."""
    profile = load_profile("wiltshire")
    readings = read_readings(READINGS, profile.reading_indicators)
    before = assess_scorecard(readings, [Q4_2022], profile=profile).periods[0]
    later = shifted(Q4_2022, years)
    after = assess_scorecard(moved_on(readings, years), [later], profile=profile).periods[0]
    assert before.rule_set is not None
    assert after.rule_set is not None
    assert after.rule_set.carried_from == before.rule_set.year
    assert _judged(after.result.findings) == _judged(before.result.findings)
    judged = [f for f in after.result.findings if f.family.is_judgement
              and f.status is not Status.INSUFFICIENT_DATA]
    assert len(judged) >= 10
    for finding in judged:
        assert "ranges and targets set for 2022-23, carried forward" in finding.explanation
        assert finding.evidence["carried forward from"] == "2022-23"
    statuses = [a.headline for a in after.result.assessments]
    assert statuses == [a.headline for a in before.result.assessments]


def test_the_command_line_says_the_rules_were_carried_forward(tmp_path: Path) -> None:
    profile = load_profile("wiltshire")
    readings = moved_on(read_readings(READINGS, profile.reading_indicators), 2)
    moved = tmp_path / "readings.csv"
    moved.write_text("indicator,period,value\n" + "".join(
        f"{r.indicator},{r.period},{r.value}\n" for r in readings if r.value is not None),
        encoding="utf-8")
    for output_format in ("terminal", "markdown", "json", "html"):
        result = run("scorecard", str(moved), "-a", "wiltshire", "-p", "2024-25 Q4",
                     "-f", output_format)
        assert result.exit_code == 0, result.output
        text = " ".join(result.stdout.split()).replace("│ ", "")
        assert "ranges and targets set for 2022-23, carried forward" in text, output_format
        # said once for the whole report, so that a met indicator is covered too
        assert ("No rule set was declared for 2024-25: the ranges and targets set for "
                "2022-23 judged it, carried forward.") in text, output_format
        assert text.count("No rule set was declared") == 1, output_format
        # and on standard error, as every warning is, with what would answer it
        assert ("corpparent scorecard: warning: no rule set was declared for 2024-25: the "
                "ranges and targets set for 2022-23 judged it, carried forward: declare "
                "2024-25's ranges and targets in the plug-in") in result.stderr
    paper = tmp_path / "paper.docx"
    assert run("scorecard", str(moved), "-a", "wiltshire", "-p", "2024-25 Q4", "-f", "docx",
               "-o", str(paper)).exit_code == 0
    from docx import Document

    words = " ".join(p.text for p in Document(str(paper)).paragraphs)
    assert "No rule set was declared for 2024-25" in words


quarters = st.sampled_from([FinancialQuarter(2022, q) for q in (1, 2, 3, 4)])


@settings(max_examples=25, deadline=None)
@given(quarters, st.integers(1, 3))
def test_carrying_forward_judges_moved_readings_as_the_originals(quarter: Period,
                                                                  years: int) -> None:
    """A property of the rule family: for any quarter of the year declared and any
    number of years on, the readings moved on by those years are judged by the rules
    carried forward exactly as the originals were by the rules as declared."""
    profile = load_profile("wiltshire")
    readings = read_readings(READINGS, profile.reading_indicators)
    before = assess_scorecard(readings, [quarter], profile=profile, process=None)
    after = assess_scorecard(moved_on(readings, years), [shifted(quarter, years)],
                             profile=profile, process=None)
    assert _judged(after.periods[0].result.findings) == _judged(
        before.periods[0].result.findings)


def test_staffordshire_carries_its_municipal_year_forward() -> None:
    profile = load_profile("staffordshire")
    rule_set = profile.rule_set_for(MunicipalYear(2022))
    assert rule_set is not None
    assert str(rule_set.year) == "MY 2022-23"
    assert str(rule_set.carried_from) == "MY 2019-20"
    assert rule_set.label == ("rule set MY 2022-23: ranges and targets set for MY 2019-20, "
                              "carried forward")


def test_nothing_judged_is_a_warning_and_strict_exits_3(tmp_path: Path) -> None:
    """Indicators from Python with no ranges or targets for the period: every reading is
    there, nothing is judged, and the run says so."""
    indicators = f"{INDICATORS_PY}:wiltshire_indicators"
    readings_of_2020 = tmp_path / "readings.csv"
    readings_of_2020.write_text("indicator,period,value\nchildren_in_care,2019-20 Q1,400\n",
                                encoding="utf-8")
    result = run("scorecard", str(readings_of_2020), "-i", indicators, "--name", "Ours",
                 "-p", "2019-20 Q1", "--strict")
    assert result.exit_code == 3, result.output
    assert "nothing was judged for 2019-20 Q1" in result.stderr
    lenient = run("scorecard", str(readings_of_2020), "-i", indicators, "--name", "Ours",
                  "-p", "2019-20 Q1")
    assert lenient.exit_code == 0
    assert "nothing was judged for 2019-20 Q1" in lenient.stderr


def test_the_old_rule_set_assess_is_deprecated_and_names_the_run() -> None:
    rule_sets = profile_from_toml(PLUGIN).rule_sets
    assert rule_sets is not None
    with pytest.warns(DeprecationWarning, match="corpparent.runs.assess_scorecard"):
        rule_sets.assess(Readings([]), Q4_2022)
