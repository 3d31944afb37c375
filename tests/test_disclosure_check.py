"""The checker: each way a reader once worked a withheld count out of a panel's papers,
caught on small papers shaped like 0.2's; nothing caught where nothing gives a count
away; its ranges equal a brute-force reader's; and the command line's exit codes."""

from __future__ import annotations

import itertools
import json
import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.families import RuleFamily
from corpparent.findings import Status
from corpparent.report.disclosure import CheckResult, check
from corpparent.report.disclosure.check import read_report
from corpparent.report.model import ScorecardReport
from corpparent.report.parts import TrendPoint
from disclosure_builders import finding, indicator, point, scorecard
from disclosure_scenario import MAY, NUMERATORS, VALUES

Q1 = "2024-25 Q1"
MONTHS = [f"2023-{m:02d}" for m in range(4, 13)] + [f"2024-{m:02d}" for m in range(1, 5)]


def only(result: CheckResult, name: str) -> set[int]:
    """The values of 1 to 5 the withheld figure ``name`` can still take."""
    (found,) = [item for item in result.figures if item.name == name]
    return {v for v in range(1, result.threshold) if found.range.possible(v)}


def line(result: CheckResult, name: str) -> str:
    (found,) = [item for item in result.figures if item.name == name]
    return found.describe()


def _chart_kept(values: list[int], hidden: int, family: RuleFamily) -> ScorecardReport:
    """April's paper as 0.2 published it: the chart withheld for a withheld month, the
    variation (or assurance) finding's mean and limits kept, the other months shown."""
    mean = statistics.fmean(values)
    average = statistics.fmean(abs(b - a) for a, b in itertools.pairwise(values))
    limits = {"lower_limit": mean - 2.66 * average, "upper_limit": mean + 2.66 * average}
    evidence = ({"value": values[-1], "mean": mean, **limits, "variation":
                 "common cause variation"} if family is RuleFamily.VARIATION else
                {"target": 4, **limits, "assurance": "hit and miss"})
    kept = finding("missing_episode", family, Status.MET, MONTHS[-1], evidence,
                   rule=family.value)
    points: list[tuple[str, float | None]] = [
        (m, float(v)) for m, v in zip(MONTHS, values, strict=True)]
    points[hidden] = (MONTHS[hidden], None)
    return scorecard(MONTHS[-1], [indicator("missing_episode", points, value=values[-1],
                                            findings=[kept])], history=13)


@pytest.mark.parametrize("family", [RuleFamily.VARIATION, RuleFamily.ASSURANCE])
def test_a_withheld_charts_kept_mean_or_limits_give_back_the_month(family: RuleFamily) -> None:
    values = [12, 15, 11, 14, 16, 13, 17, 3, 14, 12, 15, 16, 13]
    result = check([_chart_kept(values, 7, family)])
    assert only(result, "missing_episode, 2023-11") == {3}
    assert line(result, "missing_episode, 2023-11").startswith(
        f"missing_episode, 2023-11: c is 3 (the process chart's mean "
        f"{statistics.fmean(values):.4g} over 13 points, kept where the chart was withheld")
    assert not result.safe


def test_a_guess_at_where_the_series_starts_that_does_not_check_out_is_not_taken() -> None:
    values = [12, 15, 11, 14, 16, 13, 17, 3, 14, 12, 15, 16, 13]
    report = _chart_kept(values, 7, RuleFamily.VARIATION)
    item = report.indicators[0]
    mean = 12.5  # 13 points of a count cannot average 12.5: the chart had more points
    findings = [f.model_copy(update={"evidence": {**f.evidence, "mean": mean}})
                for f in item.findings]
    report = report.model_copy(update={"indicators": [
        item.model_copy(update={"findings": findings})]})
    assert only(check([report]), "missing_episode, 2023-11") == {1, 2, 3, 4, 5}


def test_better_than_expected_against_2_to_9_gives_back_1() -> None:
    better = finding("offending", RuleFamily.EXPECTED_RANGE, Status.EXCEEDED, "2024-05",
                     {"value": "c", "lower": 2, "upper": 9, "unit": "child"},
                     "better than expected", rule="expected range")
    result = check([scorecard("2024-05", [indicator("offending", [("2024-05", None)],
                                                    findings=[better])])])
    assert only(result, "offending, 2024-05") == {1}
    assert line(result, "offending, 2024-05") == (
        "offending, 2024-05: c is 0 or 1 ('better than expected' against the range 2–9)")


def test_no_change_within_2_of_a_published_7_gives_back_5() -> None:
    same = finding("school_moves", RuleFamily.TRAVEL_SINCE_LAST_PERIOD, Status.MET, "2024-05",
                   {"value": "c", "earlier": 7, "change": "c", "tolerance": 2}, "no change")
    result = check([scorecard("2024-05", [indicator(
        "school_moves", [("2024-04", 7), ("2024-05", None)], findings=[same])])])
    assert only(result, "school_moves, 2024-05") == {5}


def test_a_quarter_less_its_two_published_months_gives_back_the_third() -> None:
    april = scorecard("2024-04", [indicator("moves", [("2024-04", 4)], value=4)])
    may = scorecard("2024-05", [indicator("moves", [("2024-04", 4), ("2024-05", 6)],
                                          value=6)])
    quarter = scorecard(Q1, [indicator("moves", [(Q1, 11), ("2024-06", None)], value=11)])
    result = check([april, may, quarter])
    assert only(result, "moves, 2024-06") == {1}
    assert line(result, "moves, 2024-06") == "moves, 2024-06: c is 1 (the 2024-25 Q1 total)"
    assert only(check([april, quarter]), "moves, 2024-06") == {1, 2, 3, 4, 5}


def test_a_month_no_paper_shows_that_its_quarter_gives_away_small_is_caught() -> None:
    april = scorecard("2024-04", [indicator("moves", [("2024-04", 4)], value=4)])
    may = scorecard("2024-05", [indicator("moves", [("2024-04", 4), ("2024-05", 6)],
                                          value=6)])
    quarter = scorecard(Q1, [indicator("moves", [(Q1, 11)], value=11)])
    result = check([april, may, quarter])
    (june,) = result.narrowed
    assert june.describe() == ("moves, 2024-06: never published, is 1 (the 2024-25 Q1 "
                               "total)")
    assert not june.shown
    assert result.lines()[0] == ("0 withheld figures in 3 reports: 0 narrowed beyond what c "
                                 "says (counts from 1 to 5); 1 count never published shown "
                                 "to be small.")
    big = scorecard(Q1, [indicator("moves", [(Q1, 30)], value=30)])
    assert check([april, may, big]).safe  # June's 20 is no small count


def test_a_quarters_percentage_and_the_other_months_give_back_a_numerator() -> None:
    # 3 of 41 and 4 of 37 published; June's 2 of 40 withheld; the quarter 9 of 118
    # (in lowest terms, so only 9 children in the quarter fit its percentage below 14)
    report = scorecard(Q1, [indicator("dental_checks", kind="percentage", unit="percent",
                                      polarity="higher is better", value=900 / 118, trend=[
                                          point("2024-04", 300 / 41, 3),
                                          point("2024-05", 400 / 37, 4),
                                          point("2024-06", None), point(Q1, 900 / 118)])])
    result = check([report])
    assert only(result, "dental_checks, 2024-06 (numerator)") == {2}
    assert "the percentage 7.627% for 2024-25 Q1" in line(
        result, "dental_checks, 2024-06 (numerator)")


def _dental(period: str, trend: list[TrendPoint]) -> ScorecardReport:
    return scorecard(period, [indicator("dental_checks", kind="percentage", unit="percent",
                                        polarity="higher is better", value=trend[-1].value,
                                        trend=trend)])


def test_a_percentage_of_counts_never_printed_shows_no_small_numerator() -> None:
    # 42.86% with neither count printed: 3 of 7, 6 of 14 ... 18 of 42; a reader can rule
    # out 1, 2, 4 and 5, but cannot tell the 3 from the 18, so learns of no small group
    result = check([_dental("2024-04", [point("2024-04", 42.86)])])
    assert result.safe, result.lines()


def test_a_numerator_never_printed_that_the_quarter_shows_small_is_caught() -> None:
    # April 10 of 20 and May 12 of 30 printed; June's 20% and the quarter's 40% leave
    # June 2 of 10: x = 0.2 d and 22 + x = 0.4 (50 + d)
    trend = [point("2024-04", 50.0, 10), point("2024-05", 40.0, 12), point("2024-06", 20.0)]
    assert check([_dental("2024-06", trend)]).safe  # June alone: 1 of 5, 2 of 10, ...
    result = check([_dental(Q1, [*trend, point(Q1, 40.0)])])
    (june,) = result.narrowed
    assert (june.name, june.shown) == ("dental_checks, 2024-06 (numerator)", False)
    assert only(result, "dental_checks, 2024-06 (numerator)") == {2}


def test_a_declared_total_gives_back_a_part_once_the_other_is_known() -> None:
    total = scorecard("2024-04", [
        indicator("placed", [("2024-04", 71)], parts=["in_county", "out_of_county"]),
        indicator("in_county", [("2024-04", None)]),
        indicator("out_of_county", [("2024-04", None)])])
    assert check([total]).safe
    part = scorecard("2024-04", [indicator("in_county", [("2024-04", 68)], value=68)])
    result = check([total, part])
    (found,) = result.narrowed
    assert found.name == "out_of_county, 2024-04"
    assert found.range.pinned
    assert found.range.lower == 3
    # the other way round the 68 is worked out too, but gives no child away by itself:
    # what gives the child away is the 3 one paper withheld and the other published
    other = scorecard("2024-04", [indicator("out_of_county", [("2024-04", 3)], value=3)])
    (shown,) = check([total, other]).narrowed
    assert (shown.name, shown.sources) == ("out_of_county, 2024-04",
                                           ("its value in another report",))


def test_a_withheld_month_nothing_bounds_is_safe() -> None:
    result = check([scorecard("2024-05", [indicator("moves", [("2024-04", 7),
                                                             ("2024-05", None)])])])
    assert result.safe
    assert result.lines() == ["1 withheld figure in 1 report: 0 narrowed beyond what c "
                              "says (counts from 1 to 5)."]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 7), min_size=6, max_size=6),
       st.sets(st.integers(0, 5), min_size=1, max_size=4),
       st.sets(st.sampled_from(["2024-25 Q1", "2024-25 Q2"])))
def test_the_checkers_range_is_a_brute_force_readers(counts: list[int], hidden: set[int],
                                                     totals: set[str]) -> None:
    months = ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"]
    sums = {"2024-25 Q1": sum(counts[:3]), "2024-25 Q2": sum(counts[3:])}
    points = [(m, None if i in hidden else float(v))
              for i, (m, v) in enumerate(zip(months, counts, strict=True))]
    points += [(q, float(sums[q])) for q in sorted(totals)]
    result = check([scorecard("2024-09", [indicator("moves", points, value=None)])])
    # every value of the withheld months up to the largest total, kept where it agrees
    hidden_months = sorted(hidden)
    top = max(sums.values()) + 1
    seen: dict[int, set[int]] = {i: set() for i in hidden_months}
    for guess in itertools.product(range(top), repeat=len(hidden_months)):
        filled = list(counts)
        for i, v in zip(hidden_months, guess, strict=True):
            filled[i] = v
        if all(sum(filled[:3] if q.endswith("Q1") else filled[3:]) == sums[q] for q in totals):
            for i, v in zip(hidden_months, guess, strict=True):
                seen[i].add(v)
    for i in hidden_months:
        (found,) = [f for f in result.figures if f.figure == ("value", "moves", months[i])]
        quarter = "2024-25 Q1" if i < 3 else "2024-25 Q2"
        if quarter in totals:
            assert {v for v in range(top) if found.range.possible(v)} == seen[i]
        else:  # nothing bounds it from above
            assert found.range.upper == float("inf")
            assert not found.narrowed


OLD = Path(__file__).parent / "data" / "disclosure_0_2"


def test_the_checker_pins_what_0_2s_papers_gave_away() -> None:
    """Every recovery of 0.2's papers of the scenario, found by the checker alone: the
    charts' kept means, the quarter less its months, the percentages, the declared total,
    the words that bound a figure."""
    papers = ["april.json", "may.json", "may-tolerance.json", "q1.json", "year.json"]
    result = check([OLD / name for name in papers])
    pinned = {item.figure: item.range for item in result.figures if item.range.pinned}
    for month in ("2022-11", "2023-06"):
        for name in ("missing_episodes", "placement_moves", "placed_out_of_county",
                     "placed_in_county"):
            assert pinned[("value", name, month)].lower == VALUES[name, month], (name, month)
    assert pinned[("numerator", "dental_checks", "2022-11")].lower == NUMERATORS["2022-11"]
    # June's numerator, which these papers never print, is 2, 13, 24 ... of 40, 72, 104
    # ...: a reader cannot tell the 2 from the 13 until June's own paper prints a c for
    # its percentage, as 0.2's did for a numerator below 6 (its one statement stands in
    # for that paper here); then the 2 is the only count from 1 to 5 it can be
    june = ("numerator", "dental_checks", "2023-06")
    assert june not in {item.figure for item in result.narrowed}
    june_paper = scorecard("2023-06", [indicator(
        "dental_checks", kind="percentage", unit="percent", polarity="higher is better",
        trend=[point("2023-06", None)])])
    (found,) = [item for item in check([*(OLD / name for name in papers), june_paper]).narrowed
                if item.figure == june]
    assert [v for v in range(1, 6) if found.range.possible(v)] == [NUMERATORS["2023-06"]]
    assert pinned[("value", "offending", MAY)].lower == VALUES["offending", MAY]
    assert pinned[("value", "school_moves", MAY)].lower == VALUES["school_moves", MAY]
    assert result.consistent


@pytest.mark.parametrize(("papers", "figure", "values"), [
    (["april.json"], ("value", "missing_episodes", "2022-11"), {3}),
    (["may.json"], ("value", "offending", MAY), {1}),
    (["may-tolerance.json"], ("value", "school_moves", MAY), {5}),
    (["april.json", "may.json", "q1.json"], ("value", "placement_moves", "2023-06"), {1}),
    (["april.json"], ("numerator", "dental_checks", "2022-11"), {2}),
])
def test_each_0_2_paper_gives_away_on_its_own_what_the_issue_says(
        papers: list[str], figure: tuple[str, ...], values: set[int]) -> None:
    result = check([OLD / name for name in papers])
    (found,) = [item for item in result.figures if item.figure == figure]
    assert found.narrowed
    assert {v for v in range(1, 6) if found.range.possible(v)} == values


def test_a_file_that_is_not_a_report_is_a_data_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "readings.json"
    path.write_text(json.dumps({"indicators": []}), encoding="utf-8")
    with pytest.raises(DataError, match=r"readings\.json") as raised:
        check([path])
    assert raised.value.field == "kind"
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DataError, match=r"list\.json.*a corpparent report"):
        read_report(listed)


def _write(tmp_path: Path, name: str, report: ScorecardReport) -> str:
    path = tmp_path / name
    path.write_text(report.model_dump_json(), encoding="utf-8")
    return str(path)


def test_the_command_exits_1_with_a_line_per_narrowed_figure(tmp_path: Path) -> None:
    april = _write(tmp_path, "april.json", scorecard("2024-05", [indicator(
        "moves", [("2024-04", 4), ("2024-05", 6)], value=6)]))
    quarter = _write(tmp_path, "q1.json", scorecard(Q1, [indicator(
        "moves", [(Q1, 11), ("2024-06", None)], value=11)]))
    done = CliRunner().invoke(cli, ["disclosure", "check", april, quarter])
    assert done.exit_code == 1, done.output
    assert done.output.splitlines() == [
        "1 withheld figure in 2 reports: 1 narrowed beyond what c says (counts from 1 to 5).",
        "moves, 2024-06: c is 1 (the 2024-25 Q1 total)"]
    done = CliRunner().invoke(cli, ["disclosure", "check", "--format", "json", april, quarter])
    written = json.loads(done.output)
    assert done.exit_code == 1
    assert written["narrowed"] == 1
    assert written["figures"][0]["only"] == [1]
    assert CliRunner().invoke(cli, ["disclosure", "check", quarter]).exit_code == 0


def test_the_command_exits_2_for_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\nmoves,2024-04,4\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["disclosure", "check", str(path)])
    assert done.exit_code == 2
    assert "readings.csv" in done.output


def test_the_guides_example_is_what_the_command_prints() -> None:
    """The disclosure guide's run of the command over 0.2's April, May and first-quarter
    papers: its summary line and each line it shows whole are the command's own."""
    guide = (Path(__file__).parent.parent / "docs" / "disclosure.md").read_text("utf-8")
    command = "$ corpparent disclosure check april.json may.json q1.json\n"
    shown = guide.split(command, 1)[1].split("```", 1)[0].splitlines()
    done = CliRunner().invoke(cli, ["disclosure", "check",
                                    *(str(OLD / name) for name in command.split()[4:])])
    assert done.exit_code == 1
    printed = done.stdout.splitlines()
    assert shown[0] == printed[0]
    whole = [text for text in shown[1:] if "..." not in text]  # the rest are shortened
    assert whole
    assert set(whole) <= set(printed)
