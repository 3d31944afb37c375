"""The scorecard judged on figures computed from the SSDA903 return: an indicator names
its measure, ``corpparent ssda903 readings`` writes the readings file, and ``corpparent
scorecard --ssda903`` judges the same figures in one step.

The return is the invented one in ``examples/data/ssda903``, whose figures
docs/ssda903.md works by hand from the definitions; the expected figures below are
those, not the code's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.errors import DataError, DefinitionError, PeriodError, PluginFileError
from corpparent.files import read_readings, read_returns
from corpparent.files.plugin.reader import profile_from_toml
from corpparent.files.plugin.writer import profile_to_toml
from corpparent.indicators.definitions import Indicator, Kind, ssda903_misfit
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import (
    AcademicYear,
    CalendarYear,
    FinancialQuarter,
    FinancialYear,
    Month,
    YearEnding,
)
from corpparent.plugins import load_profile
from corpparent.report.ssda903 import render_readings
from corpparent.runs.scorecard import assess_scorecard
from corpparent.runs.ssda903 import reading_period, ssda903_readings, with_return
from corpparent.ssda903 import MEASURES, Return, Returns, Table, Unit
from corpparent.testing.ssda903 import returns

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"
PLUGIN = """format_version = 1
[authority]
id = "testshire"
name = "Testshire"
[[indicators]]
id = "moves"
name = "Three or more placements"
kind = "percentage"
polarity = "lower is better"
ssda903 = "placements_3plus"
[[indicators]]
id = "looked_after"
name = "Children looked after"
kind = "{kind}"
polarity = "neutral"
ssda903 = "{measure}"
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def indicators() -> list[Indicator]:
    return [Indicator("moves", "3+ placements", Kind.PERCENTAGE, "lower is better",
                      ssda903="placements_3plus"),
            Indicator("stable", "Long-term stability", Kind.PERCENTAGE, "higher is better",
                      ssda903="long_term_stability"),
            Indicator("cla", "Looked after", Kind.SNAPSHOT, "neutral", ssda903="cla_31_march"),
            Indicator("started", "Started", Kind.COUNT, "neutral", ssda903="starts"),
            Indicator("incidents", "Incidents per child", Kind.RATE, "neutral",
                      unit="dimensionless", ssda903="missing_incidents"),
            Indicator("unnamed", "Not from the return", Kind.PERCENTAGE, "neutral")]


# --- the indicator's field, and the plug-in's -------------------------------------------

def test_a_plugin_names_the_measure_and_writes_it_back() -> None:
    profile = profile_from_toml(PLUGIN.format(kind="snapshot", measure="cla_31_march"))
    assert profile.indicators["moves"].ssda903 == "placements_3plus"
    assert profile.indicators["looked_after"].ssda903 == "cla_31_march"
    again = profile_from_toml(profile_to_toml(profile))
    assert [i.ssda903 for i in again.indicators] == ["placements_3plus", "cla_31_march"]


@pytest.mark.parametrize(("kind", "measure", "said"), [
    ("snapshot", "looked_after_31_march", "no SSDA903 measure 'looked_after_31_march'"),
    ("snapshot", "placements_3plus", "the SSDA903 measure 'placements_3plus' is a "
     "percentage, so it gives the figures of a percentage indicator, not of a snapshot"),
    ("percentage", "starts", "the SSDA903 measure 'starts' is a count of children, so it "
     "gives the figures of a count or snapshot indicator measured in children"),
])
def test_an_unknown_or_misfitting_measure_names_file_line_indicator_and_field(
        kind: str, measure: str, said: str) -> None:
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(PLUGIN.format(kind=kind, measure=measure), source="testshire.toml")
    [problem] = caught.value.problems
    assert (problem.source, problem.line, problem.field) == (
        "testshire.toml", 16, "indicators[1].ssda903")
    assert f"indicator 'looked_after': {said}" in problem.message


def test_a_years_indicator_is_checked_too() -> None:
    text = PLUGIN.format(kind="snapshot", measure="cla_31_march").replace(
        "[authority]\n", "[authority]\nrules_year = \"2023-24\"\n") + (
        "[[years]]\nyear = \"2024-25\"\n[[years.indicators]]\nid = \"later\"\n"
        "name = \"Later\"\nkind = \"count\"\npolarity = \"neutral\"\n"
        "ssda903 = \"long_term_stability\"\n")
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text, source="testshire.toml")
    [problem] = caught.value.problems
    assert problem.field == "years[0].indicators[0].ssda903"
    assert "indicator 'later': the SSDA903 measure 'long_term_stability' is a percentage" \
        in problem.message


def test_an_indicator_built_in_python_is_checked_as_a_plugin_is() -> None:
    with pytest.raises(DefinitionError, match="indicator 'x', field 'ssda903': the SSDA903 "
                       "measure 'missing_children' is a percentage"):
        Indicator("x", "X", Kind.COUNT, "neutral", ssda903="missing_children")


@pytest.mark.parametrize("measure", list(MEASURES))
def test_each_measure_fits_the_kinds_of_its_unit_only(measure: str) -> None:
    fits = {kind for kind in Kind if ssda903_misfit(measure, kind) is None}
    assert fits == {Unit.PERCENT: {Kind.PERCENTAGE}, Unit.COUNT: {Kind.COUNT, Kind.SNAPSHOT},
                    Unit.PER_CHILD: {Kind.RATE}}[MEASURES[measure].unit]
    # A snapshot of children, not of another unit, is a count's.
    if MEASURES[measure].unit is Unit.COUNT:
        assert ssda903_misfit(measure, Kind.SNAPSHOT, "point") is not None


def test_the_built_in_plugins_name_the_dfe_measures() -> None:
    national = {i.id: i.ssda903 for i in load_profile("national", environ={}).indicators
                if i.ssda903}
    assert national == {
        "cla_number": "cla_31_march", "cla_starts_number": "starts",
        "cla_ceased_number": "ceased", "placements_3plus": "placements_3plus",
        "long_term_stability": "long_term_stability", "health_checks": "oc2_health_check",
        "dental_checks": "oc2_teeth_check", "immunisations": "oc2_immunisations",
        "missing": "missing_children",
        "care_leavers_19_21_suitable_accommodation": "care_leavers_suitable_accommodation",
        "care_leavers_19_21_eet": "care_leavers_eet",
        "care_leavers_17_18_suitable_accommodation":
            "care_leavers_17_18_suitable_accommodation",
        "care_leavers_17_18_eet": "care_leavers_17_18_eet"}
    wiltshire = {i.id: i.ssda903 for i in
                 load_profile("wiltshire", environ={}).reading_indicators if i.ssda903}
    assert wiltshire == {"placement_moves_3plus": "placements_3plus",
                         "long_term_stability": "long_term_stability"}


# --- the readings computed from the return -----------------------------------------------

def test_the_readings_are_the_figures_worked_by_hand() -> None:
    done = ssda903_readings(read_returns(EXAMPLE), indicators(), ["2023-24"])
    year = FinancialYear(2023)
    got = {r.indicator: (r.value, r.numerator, r.denominator) for r in done.readings}
    # docs/ssda903.md: 1 of the 5 children looked after at 31 March had three
    # placements; long-term stability 2 of 3; 2 started; 3 incidents of 2 children.
    assert got == {"moves": (pytest.approx(20), 1, 5),
                   "stable": (pytest.approx(200 / 3), 2, 3),
                   "cla": (5, None, None), "started": (2, None, None),
                   "incidents": (1.5, 3, 2)}
    assert {r.period for r in done.readings} == {year}
    assert done.warnings == ()


def test_a_year_not_yet_ended_is_an_extract_and_gives_no_figure_for_the_year() -> None:
    # On 15 January 2024 the 2023-24 return can only be an extract: counted at 31 March
    # 2024, every child in care on the extract's day would count as still in care.
    early = ssda903_readings(read_returns(EXAMPLE), indicators(), today=dt.date(2024, 1, 15))
    assert FinancialYear(2023) not in {r.period for r in early.readings}
    assert FinancialYear(2022) in {r.period for r in early.readings}
    [warning] = [w for w in early.warnings if "2023-24" in str(w)]
    assert "extract" in str(warning)
    assert warning.incomplete
    # Its month ends are still taken, as asked.
    days = ssda903_readings(read_returns(EXAMPLE), indicators()[:1],
                            as_at=[dt.date(2023, 12, 31)], today=dt.date(2024, 1, 15))
    assert {r.period for r in days.readings} == {FinancialQuarter(2023, 3)}
    # From its 31 March on, the year is computed.
    later = ssda903_readings(read_returns(EXAMPLE), indicators(), today=dt.date(2024, 3, 31))
    assert FinancialYear(2023) in {r.period for r in later.readings}


def test_a_days_figures_are_the_quarters_or_months_and_a_count_the_twelve_months_to_it(
        ) -> None:
    days = [dt.date(2023, 12, 31), dt.date(2024, 1, 31)]
    done = ssda903_readings(read_returns(EXAMPLE), indicators()[:4], as_at=days)
    got = {(r.indicator, r.period): (r.numerator, r.denominator, r.value)
           for r in done.readings}
    # docs/ssda903.md: at 31 December 2023, long-term stability is 3 of 4 and 7
    # children are looked after.
    assert got[("stable", FinancialQuarter(2023, 3))][:2] == (3, 4)
    assert got[("cla", FinancialQuarter(2023, 3))][2] == 7
    assert ("started", CalendarYear(2023)) in got
    assert ("started", YearEnding(2024, 1)) in got
    assert ("moves", Month(2024, 1)) in got


def test_the_period_of_a_figure() -> None:
    count, share = indicators()[3], indicators()[0]
    year = FinancialYear(2024)
    assert reading_period(share, year) == year == reading_period(count, year)
    assert reading_period(share, year, dt.date(2024, 9, 30)) == FinancialQuarter(2024, 2)
    assert reading_period(share, year, dt.date(2024, 8, 31)) == Month(2024, 8)
    assert reading_period(count, year, dt.date(2024, 10, 31)) == YearEnding(2024, 10)
    assert reading_period(count, year, dt.date(2024, 8, 31)) == AcademicYear(2023)
    assert reading_period(count, year, dt.date(2025, 3, 31)) == year
    with pytest.raises(PeriodError, match="the day 2024-08-30 ends no month"):
        reading_period(share, year, dt.date(2024, 8, 30))


def test_no_indicator_naming_a_measure_is_an_error() -> None:
    with pytest.raises(DefinitionError, match="no indicator names an SSDA903 measure"):
        ssda903_readings(read_returns(EXAMPLE), indicators()[5:])


def test_no_child_in_the_denominator_is_not_applicable_not_a_zero() -> None:
    # One child, looked after since 1 March 2024: nobody has been looked after for 2.5
    # years at 31 March 2024, so long-term stability has no child to be a share of.
    episodes = Table.from_rows("Episodes", [
        {"CHILD": "N1", "DECOM": dt.date(2024, 3, 1), "RNE": "S", "LS": "C2",
         "PLACE": "U1", "PLACE_PROVIDER": "PR1", "DEC": None, "REC": None}])
    header = Table.from_rows("Header", [{"CHILD": "N1", "SEX": "1",
                                         "DOB": dt.date(2015, 5, 1)}])
    found = Returns([Return("2023-24", {"Episodes": episodes, "Header": header})])
    [reading] = ssda903_readings(found, indicators()[1:2]).readings
    assert (reading.value, reading.symbol, reading.numerator, reading.denominator) == (
        None, "z", 0, 0)
    assert "stable,2023-24,z,0,0" in render_readings([reading]).splitlines()


@settings(max_examples=30, deadline=None)
@given(returns(), st.sampled_from([(), (dt.date(2023, 9, 30), dt.date(2024, 2, 29))]))
def test_the_readings_file_reads_back_as_computed(tmp_path_factory: pytest.TempPathFactory,
                                                  found: Returns,
                                                  days: tuple[dt.date, ...]) -> None:
    chosen = indicators()
    done = ssda903_readings(found, chosen, as_at=days)
    path = tmp_path_factory.mktemp("readings") / "readings.csv"
    path.write_text(render_readings(done.readings), encoding="utf-8")
    again = read_readings(path, IndicatorSet(chosen))
    assert sorted(again, key=_key) == sorted(done.readings, key=_key)


def _key(reading: Reading) -> tuple[str, str]:
    return reading.indicator, str(reading.period)


# --- the scorecard ----------------------------------------------------------------------

def test_the_scorecard_from_the_return_is_the_scorecard_from_the_same_figures_by_hand(
        tmp_path: Path) -> None:
    # docs/ssda903.md's figures for Wiltshire's two measures, typed as a panel would.
    by_hand = tmp_path / "by-hand.csv"
    by_hand.write_text("indicator,period,value,numerator,denominator\n"
                       "placement_moves_3plus,2023-24,,1,5\n"
                       "long_term_stability,2023-24,,2,3\n"
                       "placement_moves_3plus,2023-24 Q3,,1,7\n"
                       "long_term_stability,2023-24 Q3,,3,4\n", encoding="utf-8")
    args = ["-a", "wiltshire", "-p", "2023-24 Q3", "-f", "json", "--profile", "internal"]
    typed = run("scorecard", str(by_hand), *args)
    computed = run("scorecard", "--ssda903", str(EXAMPLE), *args)
    assert typed.exit_code == 0 == computed.exit_code, typed.output + computed.output

    def judged(result: Result) -> list[object]:
        report = json.loads(result.stdout)
        return [(i["id"], i["value"], i["status"], i["findings"], i["trend"])
                for i in report["indicators"]]

    assert judged(typed) == judged(computed)
    statuses = {i[0]: i[2] for i in judged(computed)}
    # 1 of 7 (14.3%) is above Wiltshire's range of 7%-10%; 3 of 4 is in 75%-82%.
    assert (statuses["placement_moves_3plus"], statuses["long_term_stability"]) == (
        "breached", "met")


def test_the_scorecard_in_python_is_the_same() -> None:
    profile = load_profile("wiltshire", environ={})
    found = ssda903_readings(read_returns(EXAMPLE), profile.reading_indicators,
                             as_at=[dt.date(2023, 12, 31)])
    run_ = assess_scorecard(found.readings, [FinancialQuarter(2023, 3)], profile=profile)
    [period] = run_.periods
    value = {a.indicator.id: a.value for a in period.result.assessments}
    assert value["long_term_stability"] == 75.0


def test_a_figure_given_by_both_the_file_and_the_return_is_refused(tmp_path: Path) -> None:
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nchildren_in_care,2023-24,400\n"
                        "long_term_stability,2023-24,70\n", encoding="utf-8")
    result = run("scorecard", str(readings), "-a", "wiltshire", "--ssda903", str(EXAMPLE),
                 "-p", "2023-24")
    assert result.exit_code == 2
    assert (f"{readings} line 3, field 'indicator': indicator 'long_term_stability' has a "
            "reading for 2023-24 here and one computed from the SSDA903 measure "
            "long_term_stability of 2023-24 at 2024-03-31") in result.stderr
    # Other indicators and periods sit side by side.
    readings.write_text("indicator,period,value\nlong_term_stability,2022-23 Q4,70\n",
                        encoding="utf-8")
    fine = run("scorecard", str(readings), "-a", "wiltshire", "--ssda903", str(EXAMPLE),
               "-p", "2023-24", "-f", "json")
    assert fine.exit_code == 0, fine.output


def test_with_return_keeps_both_sides() -> None:
    year = FinancialYear(2023)
    mine = Readings([Reading("a", year, 1.0)])
    theirs = Readings([Reading("b", year, 2.0)])
    assert len(with_return(mine, theirs)) == 2
    with pytest.raises(DataError):
        with_return(mine, Readings([Reading("a", year, 1.0, source="the return")]))


def test_neither_readings_nor_a_return_is_a_usage_error() -> None:
    result = run("scorecard", "-a", "wiltshire", "-p", "2023-24")
    assert result.exit_code == 2
    assert "give a READINGS file, or --ssda903 FOLDER, or both" in result.stderr


@pytest.mark.parametrize("output_format", ["markdown", "json", "html", "terminal"])
def test_a_public_scorecard_from_the_return_withholds_small_counts(
        output_format: str) -> None:
    # 1 of 5 children had three or more placements in 2023-24: a count under 6, so the
    # percentage is withheld with it, in every format.
    result = run("scorecard", "-a", "national", "--ssda903", str(EXAMPLE), "-p", "2023-24",
                 "-f", output_format, "--profile", "public")
    assert result.exit_code == 0, result.output
    text = result.stdout
    internal = run("scorecard", "-a", "national", "--ssda903", str(EXAMPLE), "-p",
                   "2023-24", "-f", output_format, "--profile", "internal").stdout
    for shown in ("20%", "66.7%"):
        assert shown in internal
        assert shown not in text
    if output_format == "json":
        report = json.loads(text)
        moves = next(i for i in report["indicators"] if i["id"] == "placements_3plus")
        assert (moves["value"], moves["symbol"]) == (None, "c")
        assert moves["trend"][-1]["numerator"] is None


def test_a_public_table_from_the_return_withholds_small_counts() -> None:
    def row(profile: str) -> dict[str, str]:
        result = run("scorecard", "-a", "national", "--ssda903", str(EXAMPLE), "-p",
                     "2023-24", "-f", "csv", "--profile", profile)
        assert result.exit_code == 0, result.output
        return next(r for r in csv.DictReader(io.StringIO(result.stdout))
                    if r["indicator_id"] == "placements_3plus" and r["period"] == "2023-24")

    assert (row("internal")["value"], row("internal")["symbol"]) == ("20.0", "")
    assert (row("public")["value"], row("public")["symbol"]) == ("", "c")


def test_the_readings_command_writes_what_the_scorecard_reads(tmp_path: Path) -> None:
    target = tmp_path / "readings-903.csv"
    result = run("ssda903", "readings", str(EXAMPLE), "-a", "wiltshire", "-y", "2023-24",
                 "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").splitlines() == [
        "indicator,period,value,numerator,denominator",
        "long_term_stability,2023-24,66.666666666667,2,3",
        "placement_moves_3plus,2023-24,20,1,5"]
    judged = run("scorecard", str(target), "-a", "wiltshire", "-p", "2023-24", "-f", "json")
    assert judged.exit_code == 0, judged.output


def test_the_readings_command_takes_days_and_says_what_is_left_out() -> None:
    result = run("ssda903", "readings", str(EXAMPLE), "-a", "national", "--as-at",
                 "2023-12-31")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "long_term_stability,2023-24 Q3,75,3,4" in lines
    # A count's figure is for the twelve months to the day: the calendar year 2023.
    assert any(line.startswith("cla_starts_number,CY 2023,") for line in lines)
    bad = run("ssda903", "readings", str(EXAMPLE), "-a", "national", "--as-at", "2023-12-30")
    assert bad.exit_code == 2
    assert "the day 2023-12-30 ends no month" in bad.stderr
    whole = run("ssda903", "readings", str(EXAMPLE), "-a", "national")
    assert "care_leavers_eet needs the OC3 table, which the 2022-23 return lacks" \
        in whole.stderr


def test_the_scorecard_from_the_return_as_xml_is_the_same_and_names_its_files(
        tmp_path: Path) -> None:
    from corpparent.files.ssda903.xml_writer import return_xml, xml_name

    for year in sorted(p for p in EXAMPLE.iterdir() if p.is_dir()):
        tables = {table.stem: list(csv.DictReader(io.StringIO(
            table.read_text(encoding="utf-8")))) for table in year.glob("*.csv")}
        (tmp_path / year.name).mkdir()
        (tmp_path / year.name / xml_name(year.name)).write_text(return_xml(tables),
                                                                 encoding="utf-8")
    args = ["-a", "wiltshire", "-p", "2023-24 Q3", "-f", "json", "--profile", "internal"]
    from_csv = json.loads(run("scorecard", "--ssda903", str(EXAMPLE), *args).stdout)
    from_xml = run("scorecard", "--ssda903", str(tmp_path), *args)
    assert from_xml.exit_code == 0, from_xml.output
    report = json.loads(from_xml.stdout)
    assert report["indicators"] == from_csv["indicators"]
    assert sorted(Path(i["path"]).name for i in report["provenance"]["inputs"]
                  if i["path"].endswith(".xml")) == ["SSDA903_2022-23.xml",
                                                     "SSDA903_2023-24.xml"]
    one_file = run("scorecard", "--ssda903",
                   str(tmp_path / "2023-24" / "SSDA903_2023-24.xml"), *args)
    assert one_file.exit_code == 0, one_file.output


def test_the_docs_scorecard_examples_each_run_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/ssda903.md's "Into the scorecard" blocks, each copied on its own into a
    fresh script, run: they import what they use (the page's test runs the blocks in
    order in one namespace, where an earlier block's import would hide a missing one)."""
    import re

    root = EXAMPLE.parent.parent.parent
    page = (root / "docs" / "ssda903.md").read_text(encoding="utf-8")
    section = page.split("## Into the scorecard", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    assert len(blocks) == 2
    monkeypatch.chdir(root)
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"ssda903.md, Into the scorecard, block {number}", "exec"),
             {"__name__": "docs.ssda903"})
