"""What a report's figures and words say about each other: each kind of relation read
from small reports built by hand, its source, and the rounding it allows; and a property
that every relation read holds at the true figures the reports were made from."""

from __future__ import annotations

import itertools
import math
import statistics

from hypothesis import given, settings, strategies as st

from corpparent.disclosure import Relation
from corpparent.families import RuleFamily
from corpparent.findings import Status
from corpparent.report.disclosure.relations import Figures, Key, figures_of, half_unit
from corpparent.report.model import FindingsReport, Provenance, SuppressionNote
from corpparent.report.parts import ChartOut, ChartPointOut, RangeOut
from disclosure_builders import finding, indicator, point, scorecard

Q1 = "2024-25 Q1"


def holds(relation: Relation[Key], truth: dict[Key, float]) -> bool:
    total = math.fsum(weight * truth[key] for key, weight in relation.terms)
    return relation.lower - 1e-9 <= total <= relation.upper + 1e-9


def about(figures: Figures, key: Key) -> list[Relation[Key]]:
    return [r for r in figures.relations if key in r.figures]


def value(indicator_id: str, period: str) -> Key:
    return ("value", indicator_id, period)


def test_a_figure_withheld_in_one_paper_and_shown_in_another_is_shown() -> None:
    may = scorecard("2024-05", [indicator("moves", [("2024-04", 4), ("2024-05", None)])])
    june = scorecard("2024-06", [indicator("moves", [("2024-05", 7), ("2024-06", None)])])
    figures = figures_of(may, june)
    assert figures.values[value("moves", "2024-05")] == 7
    assert figures.withheld == {value("moves", "2024-06")}
    assert figures.counts >= {value("moves", "2024-04"), value("moves", "2024-06")}


def test_a_declared_total_relates_its_parts_in_each_period_shown() -> None:
    report = scorecard("2024-04", [
        indicator("missing", [("2024-04", 71)], parts=["in_county", "out_of_county"]),
        indicator("in_county", [("2024-04", None)]),
        indicator("out_of_county", [("2024-04", None)])])
    (total,) = about(figures_of(report), value("in_county", "2024-04"))
    assert total.statement is None  # holds by definition
    assert dict(total.terms) == {value("missing", "2024-04"): 1.0,
                                 value("in_county", "2024-04"): -1.0,
                                 value("out_of_county", "2024-04"): -1.0}
    assert total.lower == total.upper == 0
    assert total.source == "the total missing of in_county, out_of_county in 2024-04"


def test_a_quarter_of_a_count_is_the_sum_of_its_months_even_one_never_shown() -> None:
    april = scorecard("2024-04", [indicator("moves", [("2024-04", 2)])])
    quarter = scorecard(Q1, [indicator("moves", [(Q1, 9)], value=9)])
    figures = figures_of(april, quarter)
    (sum_of_months,) = about(figures, value("moves", "2024-06"))
    assert sum_of_months.source == f"the {Q1} total"
    assert {k for k, _ in sum_of_months.terms} == {value("moves", p) for p in (
        Q1, "2024-04", "2024-05", "2024-06")}
    # a month no paper shows is unknown to a reader, not withheld by anyone
    assert figures.values[value("moves", "2024-06")] is None
    assert value("moves", "2024-06") not in figures.withheld


def test_a_year_is_tiled_by_its_quarters_and_its_months() -> None:
    report = scorecard("2024-25", [indicator("moves", [
        ("2024-25 Q1", 5), ("2024-25 Q2", 7), ("2024-04", 1), ("2024-25", 30)])])
    sources = {r.source for r in about(figures_of(report), value("moves", "2024-25"))}
    sums = [r for r in about(figures_of(report), value("moves", "2024-25"))
            if len(r.terms) == 5]
    assert sources == {"the 2024-25 total"}
    assert len(sums) == 1  # the four quarters; the twelve months are a second relation
    assert len(about(figures_of(report), value("moves", "2024-25"))) == 2


def test_a_snapshot_of_a_quarter_is_its_last_month() -> None:
    report = scorecard(Q1, [indicator("looked_after", [("2024-06", 460), (Q1, 460)],
                                      kind="snapshot")])
    (last,) = about(figures_of(report), value("looked_after", Q1))
    assert dict(last.terms) == {value("looked_after", Q1): 1.0,
                                value("looked_after", "2024-06"): -1.0}
    assert last.source == f"the {Q1} figure"


def test_a_percentage_ties_its_numerator_to_its_denominator_within_its_last_digit() -> None:
    report = scorecard("2024-04", [indicator("stable", kind="percentage", unit="percent",
                                             trend=[point("2024-04", 7.5, 3)])])
    figures = figures_of(report)
    numerator = ("numerator", "stable", "2024-04")
    denominator = ("denominator", "stable", "2024-04")
    relations = about(figures, denominator)
    assert {r.statement for r in relations} == {("percentage", "stable", "2024-04")}
    assert {r.source for r in relations} == {"the percentage 7.5% for 2024-04"}
    # 7.5% is anything from 7.45% to 7.55%: 3 of 40 (7.5%) fits, 3 of 39 (7.69%) does not
    for d, fits in ((40, True), (39.8, True), (39, False), (41, False)):
        truth = {numerator: 3.0, denominator: d}
        assert all(holds(r, truth) for r in relations) is fits, d
    assert numerator in figures.counts
    assert denominator in figures.counts
    assert [(d.figure, d.source) for d in figures.derived] == [
        (value("stable", "2024-04"), numerator)]


def test_a_quarters_percentage_sums_numerators_and_denominators_and_a_rate_numerators() -> None:
    pct = scorecard(Q1, [indicator("stable", [("2024-04", 10.0), (Q1, 9.5)],
                                   kind="percentage", unit="percent")])
    sources = {r.source for r in figures_of(pct).relations}
    assert {f"the {Q1} numerators", f"the {Q1} denominators"} <= sources
    rate = scorecard(Q1, [indicator("missing_rate", [("2024-04", 10.0), (Q1, 9.5)],
                                    kind="rate", unit="per 10,000 children")])
    rate_sources = {r.source for r in figures_of(rate).relations}
    assert f"the {Q1} numerators" in rate_sources
    assert f"the {Q1} denominators" not in rate_sources  # which population is not said


def test_half_a_unit_of_the_last_digit_published() -> None:
    assert half_unit(7.5) == 0.05
    assert half_unit(68.0) == 1e-6 * 68  # a whole number: exact, give or take the float
    assert half_unit(100 * 2 / 37) == 1e-6 * (100 * 2 / 37)
    assert half_unit(12.25) == 0.005


def _chart(values: list[float], periods: list[str], *, screen: bool = True) -> ChartOut:
    mean = statistics.fmean(values)
    average = statistics.fmean(abs(b - a) for a, b in itertools.pairwise(values))
    lower, upper = mean - 2.66 * average, mean + 2.66 * average
    return ChartOut(mean=mean, lower_limit=lower, upper_limit=upper, trial=False,
                    varies=True, variation="common cause variation", unit="child",
                    options={"screen_outliers": screen, "baseline": None, "rebased": 0},
                    points=[ChartPointOut(period=p, value=v, mean=mean, lower_limit=lower,
                                          upper_limit=upper) for p, v in
                            zip(periods, values, strict=True)])


MONTHS = [f"2023-{m:02d}" for m in range(4, 13)] + [f"2024-{m:02d}" for m in range(1, 6)]


def test_a_published_chart_says_the_mean_of_each_group_and_where_its_latest_point_is() -> None:
    values = [7.0, 9, 4, 6, 8, 10, 5, 7, 6, 9, 8, 7, 3, 6]
    report = scorecard("2024-05", [indicator("missing", list(zip(MONTHS, values, strict=True)),
                                             chart=_chart(values, MONTHS))])
    figures = figures_of(report)
    truth = dict(figures.known.items())
    chart = [r for r in figures.relations if r.statement == ("chart", "missing")]
    assert {r.source for r in chart} == {"the process chart's mean 6.786 over 14 points",
                                         "the common cause variation of the latest point"}
    assert all(holds(r, truth) for r in chart)
    (mean,) = [r for r in chart if "mean" in r.source]
    assert len(mean.terms) == 14


def test_a_chart_with_a_baseline_averages_its_first_points_only() -> None:
    values = [7.0, 9, 4, 6, 8, 10, 5, 7, 6, 9, 8, 7, 3, 6]
    base = _chart(values[:12], MONTHS[:12])
    later = _chart(values, MONTHS)
    chart = later.model_copy(update={"options": {**later.options, "baseline": 12},
                                     "points": [p.model_copy(update={
                                         "mean": base.mean, "lower_limit": base.lower_limit,
                                         "upper_limit": base.upper_limit})
                                         for p in later.points]})
    report = scorecard("2024-05", [indicator("missing", [], chart=chart)])
    (mean,) = [r for r in figures_of(report).relations if "mean" in r.source]
    assert {k[2] for k, _ in mean.terms} == set(MONTHS[:12])
    rebased = chart.model_copy(update={"options": {**chart.options, "rebased": 1}})
    report = scorecard("2024-05", [indicator("missing", [], chart=rebased)])
    assert not figures_of(report).relations  # two groups with the same limits: unclear


def _kept_verdicts(values: list[float], hidden: int, history: int) -> Figures:
    """A 0.2-style paper: the chart withheld, its variation finding's evidence kept."""
    mean = statistics.fmean(values)
    average = statistics.fmean(abs(b - a) for a, b in itertools.pairwise(values))
    evidence = {"value": values[-1], "mean": mean, "lower_limit": mean - 2.66 * average,
                "upper_limit": mean + 2.66 * average, "trial": False,
                "variation": "common cause variation", "unit": "child"}
    points: list[tuple[str, float | None]] = list(zip(MONTHS, values, strict=True))
    points[hidden] = (MONTHS[hidden], None)
    variation = finding("missing", RuleFamily.VARIATION, Status.MET, MONTHS[-1], evidence,
                        "common cause variation", rule="variation")
    return figures_of(scorecard(MONTHS[-1], [indicator(
        "missing", points[-history:] if history < len(points) else points,
        value=values[-1], findings=[variation], variation="common cause variation")],
        history=history))


def test_a_withheld_charts_kept_mean_ties_the_series_when_the_papers_show_its_start() -> None:
    values = [7.0, 9, 4, 6, 8, 10, 5, 7, 6, 9, 8, 7, 3, 6]
    figures = _kept_verdicts(values, hidden=12, history=24)
    (mean,) = [r for r in figures.relations
               if r.source.endswith("kept where the chart was withheld")]
    assert mean.statement == ("chart", "missing")
    assert len(mean.terms) == 14
    truth = {value("missing", p): v for p, v in zip(MONTHS, values, strict=True)}
    assert holds(mean, truth)
    # a trend as long as the history may start after the chart does: no relation
    cut = _kept_verdicts(values, hidden=12, history=8)
    assert not [r for r in cut.relations if r.source.endswith("kept where the chart was withheld")]


def _range_finding(status: Status, outcome: str, position: str | None) -> Figures:
    evidence: dict[str, object] = {"value": "c", "lower": 2, "upper": 9, "unit": "child"}
    if position is not None:
        evidence["position"] = position
    found = finding("moves", RuleFamily.EXPECTED_RANGE, status, "2024-05", evidence, outcome,
                    rule="expected range")
    return figures_of(scorecard("2024-05", [indicator(
        "moves", [("2024-05", None)], findings=[found],
        expected_range=RangeOut(lower=2, upper=9, period="2024-25"))]))


def test_a_status_against_a_range_bounds_the_figure_a_count_strictly() -> None:
    key = value("moves", "2024-05")
    statement = ("finding", "moves", "2024-05", "expected range")
    for status, outcome, position, bounds in (
            (Status.EXCEEDED, "better than expected", "below", (-math.inf, 1)),
            (Status.EXCEEDED, "better than expected", None, (-math.inf, 1)),
            (Status.MET, "as expected", None, (2, 9)),
            (Status.BREACHED, "worse than expected", None, (10, math.inf))):
        (relation,) = about(_range_finding(status, outcome, position), key)
        assert (relation.lower, relation.upper) == bounds, outcome
        assert relation.statement == statement
        assert relation.source == f"'{outcome}' against the range 2–9"


def test_outside_a_neutral_range_says_no_side() -> None:
    found = finding("moves", RuleFamily.EXPECTED_RANGE, Status.WARNING, "2024-05",
                    {"value": "c", "lower": 2, "upper": 9}, "outside range")
    report = scorecard("2024-05", [indicator("moves", [("2024-05", None)], polarity="neutral",
                                             findings=[found])])
    assert about(figures_of(report), value("moves", "2024-05")) == []


def test_a_target_met_or_missed_bounds_the_figure() -> None:
    key = value("moves", "2024-05")
    for status, outcome, direction, bounds in (
            (Status.MET, "met", "at most", (-math.inf, 4)),
            (Status.BREACHED, "below target", "at most", (5, math.inf)),
            (Status.BREACHED, "below target", "at least", (-math.inf, 3))):
        found = finding("moves", RuleFamily.TARGET, status, "2024-05",
                        {"value": "c", "target": 4, "direction": direction}, outcome)
        report = scorecard("2024-05", [indicator("moves", [("2024-05", None)],
                                                 findings=[found])])
        (relation,) = about(figures_of(report), key)
        assert (relation.lower, relation.upper) == bounds
        assert relation.source == f"'{outcome}' against the target of {direction} 4"


def _travel(outcome: str, evidence: dict[str, object], polarity: str) -> list[Relation[Key]]:
    found = finding("moves", RuleFamily.TRAVEL_SINCE_LAST_PERIOD, Status.MET, "2024-05",
                    {"value": "c", "change": "c", **evidence}, outcome)
    report = scorecard("2024-05", [indicator("moves", [("2024-04", 7), ("2024-05", None)],
                                             polarity=polarity, findings=[found])])
    return about(figures_of(report), value("moves", "2024-05"))


def test_a_direction_of_travel_with_its_tolerance_bounds_the_change() -> None:
    (same,) = _travel("no change", {"earlier": 7, "tolerance": 2}, "lower is better")
    assert dict(same.terms) == {value("moves", "2024-05"): 1.0, value("moves", "2024-04"): -1.0}
    assert (same.lower, same.upper) == (-2, 2)
    assert same.source == "the direction of travel 'no change' within 2"
    (better,) = _travel("improved", {"earlier": 7, "tolerance": 2}, "lower is better")
    assert (better.lower, better.upper) == (-math.inf, -3)  # fell by more than 2
    (rose,) = _travel("rose", {"earlier": 7, "tolerance": 0.5}, "neutral")
    assert (rose.lower, rose.upper) == (1, math.inf)
    assert _travel("no change", {"earlier": 7}, "lower is better") == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=6, max_size=6),
       st.sets(st.integers(0, 5), max_size=4))
def test_every_relation_read_holds_at_the_figures_the_papers_came_from(
        counts: list[int], hidden: set[int]) -> None:
    months = ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"]
    quarters = {"2024-25 Q1": sum(counts[:3]), "2024-25 Q2": sum(counts[3:])}
    points = [(m, None if i in hidden else float(v))
              for i, (m, v) in enumerate(zip(months, counts, strict=True))]
    papers = [scorecard(q, [indicator("moves", [*points, (q, float(total))], value=total,
                                      findings=[finding(
                                          "moves", RuleFamily.EXPECTED_RANGE,
                                          Status.EXCEEDED if total < 2 else Status.MET
                                          if total <= 20 else Status.BREACHED, q,
                                          {"lower": 2, "upper": 20,
                                           "position": "below" if total < 2 else "within"
                                           if total <= 20 else "above"})])])
              for q, total in quarters.items()]
    figures = figures_of(*papers)
    truth = {value("moves", m): float(v) for m, v in zip(months, counts, strict=True)}
    truth.update({value("moves", q): float(v) for q, v in quarters.items()})
    assert figures.withheld == {value("moves", months[i]) for i in hidden}
    assert all(holds(r, truth) for r in figures.relations)


def test_a_process_charts_own_report_says_its_points_and_mean() -> None:
    values = [7.0, 9, 4, 6, 8, 10, 5, 7, 6, 9, 8, 7, 3, 6]
    variation = finding("missing", RuleFamily.VARIATION, Status.MET, MONTHS[-1],
                        {"value": 6}, "common cause variation", rule="variation")
    report = FindingsReport(
        title="missing: process chart", findings=[variation], chart=_chart(values, MONTHS),
        suppression=SuppressionNote(applied=True, threshold=6),
        provenance=Provenance(corpparent_version="0.3", python_version="3.12"))
    figures = figures_of(report)
    assert figures.known == {value("missing", m): v
                             for m, v in zip(MONTHS, values, strict=True)}
    assert figures.counts == set(figures.known)
    assert {r.statement for r in figures.relations} == {("chart", "missing")}
