"""A public report bounds no withheld count: each way a reader worked one out of an
unprotected report (a process chart's mean, a status word against a range, a direction of
travel with a tolerance) works on the report as built and fails once it is suppressed."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from corpparent import (
    ExpectedRange,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Status,
)
from corpparent.periods import Month
from corpparent.ranges import Target, TargetDirection
from corpparent.report import ScorecardReport, finish, make_provenance, render, scorecard_report
from corpparent.report.exceptions import exception_report
from corpparent.report.suppression import Suppression, suppress

#: Twenty-one months, April 2022 to December 2023.
MONTHS = [Month(2022, m) for m in range(4, 13)] + [Month(2023, m) for m in range(1, 13)]
FY23 = FinancialYear(2023)


def monthly(values: Sequence[float], *, last: int | None = None, lower: float = 2,
            upper: float = 9, target: float | None = 10, tolerance: float = 0.0,
            ranged: bool = True) -> ScorecardReport:
    """Placement moves by month from April 2022, assessed for the month ``last`` (an
    index of :data:`MONTHS`, the last value by default), with a range set by hand for
    2023-24 and a ceiling target."""
    moves = Indicator("moves", "Placement moves", Kind.COUNT, Polarity.LOWER_IS_BETTER)
    targets = [] if target is None else [
        Target("moves", target, TargetDirection.AT_MOST, FY23)]
    ranges = [ExpectedRange("moves", lower, upper, FY23)] if ranged else []
    indicators = IndicatorSet([moves], ranges=ranges, targets=targets)
    readings = Readings(Reading("moves", m, v) for m, v in zip(MONTHS, values, strict=False))
    period = MONTHS[len(values) - 1 if last is None else last]
    result = Scorecard(indicators, default_tolerance=tolerance).assess(readings, period)
    return scorecard_report(result, make_provenance(), authority="Test")


def _walk(document: object) -> Iterator[tuple[str, object]]:
    if isinstance(document, dict):
        for key, value in document.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(document, list):
        for value in document:
            yield from _walk(value)


def _numbers(report: ScorecardReport, *keys: str) -> list[float]:
    """Every number the report's JSON gives under one of ``keys``."""
    document = json.loads(report.model_dump_json())
    return [float(v) for k, v in _walk(document) if k in keys
            and isinstance(v, int | float) and not isinstance(v, bool)]


def _chart_recovery(report: ScorecardReport, period: str) -> float | None:
    """The value of ``period`` worked out from the chart's mean and its other points, as
    a reader of the report would (the mean of the last group times its size, less the
    other points of the group); None where the report gives no chart."""
    (item,) = report.indicators
    chart = item.chart
    if chart is None:
        return None
    group = [p for p in chart.points if p.mean == chart.mean]
    others = sum(p.value for p in group if p.period != period)
    return chart.mean * len(group) - others


# Eighteen months of moves; September 2022 (index 5) had 1.
HISTORY = [8, 9, 7, 10, 12, 1, 8, 11, 7, 9, 10, 8, 9, 7, 8, 10, 9, 8]
#: The same with 8 in September 2022: no small count.
CLEAN = [*HISTORY[:5], 8, *HISTORY[6:]]


def test_a_process_chart_with_a_withheld_month_goes_with_its_mean_limits_and_verdicts(
) -> None:
    report = monthly(HISTORY)
    (item,) = report.indicators
    assert item.chart is not None
    assert any(p.period == "2022-09" for p in item.chart.points)
    assert round(_chart_recovery(report, "2022-09") or 0) == 1  # the leak, as built
    hidden = suppress(report, Suppression(6))
    (shown,) = hidden.indicators
    assert _chart_recovery(hidden, "2022-09") is None
    assert (shown.chart, shown.variation, shown.assurance, shown.process_range) == (
        None, None, None, None)
    assert _numbers(hidden, "mean", "lower_limit", "upper_limit") == []
    gone = {f.rule: f for f in shown.findings if f.family.value in ("variation", "assurance")}
    assert set(gone) == {"variation", "assurance"}
    assert all(f.status is Status.INSUFFICIENT_DATA for f in gone.values())
    text = render(hidden, "markdown")
    assert "process limits" not in text
    assert "mean of" not in text
    # the month itself was never in the trend or a finding: only the chart had it
    assert all(p.period != "2022-09" for p in item.trend)


def test_as_expected_against_withheld_process_limits_goes_with_them() -> None:
    """Without a range set by hand, "as expected" is said against the process limits:
    it goes with the chart, and the value, shown, is not called withheld."""
    report = monthly(HISTORY, ranged=False, target=None)
    (item,) = report.indicators
    assert item.performance is not None
    (shown,) = suppress(report, Suppression(6)).indicators
    assert shown.chart is None
    assert shown.performance is None
    assert shown.value == item.value


def test_better_than_expected_against_a_range_of_2_to_9_is_not_said_of_a_withheld_1(
) -> None:
    report = monthly([*CLEAN, 1])
    (item,) = report.indicators
    assert item.performance == "better than expected"
    assert any(f.outcome == "better than expected" for f in report.exception_report.successes)
    hidden = suppress(report, Suppression(6))
    (shown,) = hidden.indicators
    assert (shown.value, shown.value_text, shown.performance) == (None, "c", None)
    assert shown.status is Status.INSUFFICIENT_DATA
    for finding in [*shown.findings, *hidden.findings]:
        assert finding.status is Status.INSUFFICIENT_DATA
        assert finding.outcome == "insufficient data"
        assert "withheld (c)" in finding.explanation
        assert {k for k, v in finding.evidence.items() if v != "c"} <= {
            "unit", "tolerance", "direction", "trial"}
    assert hidden.exception_report.successes == []
    assert hidden.exception_report.exceptions == []
    assert [f.subject for f in hidden.exception_report.insufficient] == ["moves"]
    assert hidden.summary == {"insufficient data": 1}
    for fmt in ("markdown", "html", "terminal"):
        text = render(finish(report, fmt, profile="public"), fmt)
        assert "better than expected" not in text
        assert "below the expected range" not in text


def test_no_change_within_a_tolerance_of_2_from_a_published_7_is_withdrawn() -> None:
    """A withheld 5 after a published 7, tolerance 2: "no change" says 5 to 9; and the
    next month's travel from it says as much from the other side."""
    values = [*CLEAN[:16], 7, 5, 9]
    for last, period in ((17, "2023-09"), (18, "2023-10")):
        report = monthly(values[: last + 1], tolerance=2)
        travel = [f for f in report.indicators[0].findings
                  if f.rule == "travel since last period"]
        assert [f.status for f in travel] != [Status.INSUFFICIENT_DATA]
        assert travel[0].period == period
        hidden = suppress(report, Suppression(6))
        (shown,) = hidden.indicators
        (after,) = [f for f in shown.findings if f.rule == "travel since last period"]
        assert after.status is Status.INSUFFICIENT_DATA
        assert after.outcome == "insufficient data"
        assert "no change" not in after.explanation
        assert {after.evidence[k] for k in ("value", "earlier", "change")} == {"c"}
    # 7, 6, 8: nothing withheld, so every direction of travel is shown
    kept = monthly([*CLEAN[:16], 7, 6, 8], tolerance=2)
    assert suppress(kept, Suppression(6)).indicators == kept.indicators


def test_sorting_the_exception_report_again_changes_nothing_where_nothing_is_withheld(
) -> None:
    for values, lower in ((CLEAN, 2), ([*CLEAN[:17], 30], 2), ([*CLEAN[:17], 13], 2),
                          ([*CLEAN[:17], 6], 7)):
        report = monthly(values, lower=lower)
        assert exception_report(report.indicators) == report.exception_report
        assert suppress(report, Suppression(6)).exception_report == report.exception_report


def test_every_withdrawal_is_logged_inside_and_nothing_in_public() -> None:
    report = monthly([*CLEAN[:17], 1])
    internal = finish(report, "json", profile="internal", suppress_small=True)
    withdrawn = {(w.period, w.statement) for w in internal.suppression.log
                 if w.reason == "withdrawn"}
    assert ("2023-09", "process chart") in withdrawn
    assert {("2023-09", rule) for rule in ("expected range", "target", "variation",
                                           "travel since last period")} <= withdrawn
    assert finish(report, "markdown").suppression.log == []
    text = render(finish(report, "markdown", profile="private", suppress_small=True),
                  "markdown")
    assert "process chart withdrawn, as it would bound a withheld figure" in text


def test_a_chart_reports_variation_goes_with_a_chart_of_a_small_count() -> None:
    from corpparent.report import FindingOut, findings_report
    from corpparent.report.parts import ChartOut, ChartPointOut

    points = [ChartPointOut(period=f"2023-{m:02d}", value=v, mean=7, lower_limit=1,
                            upper_limit=13) for m, v in zip(range(1, 5), (9, 3, 8, 8),
                                                              strict=True)]
    chart = ChartOut(mean=7, lower_limit=1, upper_limit=13, trial=True, varies=True,
                     variation="common cause variation", unit="child", points=points)
    variation = FindingOut(
        subject="moves", rule="variation", family="variation", status=Status.MET,
        breach=False, explanation="Moves: 8 children in 2023-04 shows common cause "
        "variation; process limits 1 to 13 around a mean of 7.", period="2023-04",
        evidence={"value": 8, "mean": 7, "lower_limit": 1, "upper_limit": 13,
                  "unit": "child"})
    report = findings_report([], make_provenance(), title="Moves").model_copy(
        update={"chart": chart, "findings": [variation]})
    assert 7 * 4 - (9 + 8 + 8) == 3  # the month the mean gives back
    hidden = suppress(report, Suppression(6))
    assert hidden.chart is None
    (after,) = hidden.findings
    assert after.status is Status.INSUFFICIENT_DATA
    assert "mean" not in after.explanation
    assert after.evidence["mean"] == "c"
    assert hidden.summary == {"insufficient data": 1}
    # its own figure, 8 in 2023-04, is shown: the finding says the chart went, not it
    assert "process chart is withheld" in after.explanation
    assert "figure for 2023-04 withheld" not in after.explanation


def test_a_part_published_elsewhere_makes_the_total_the_figure_withheld() -> None:
    """71 placed, 68 in county, 3 out of county: with 68 already in the reader's hands
    (another paper, the DfE's table), 71 - 68 gives the 3 unless the total goes."""
    from corpparent.periods import FinancialQuarter

    def count(id_: str, *parts: str) -> Indicator:
        return Indicator(id_, id_, Kind.COUNT, Polarity.LOWER_IS_BETTER, parts=parts)

    quarter = FinancialQuarter(2022, 2)
    indicators = IndicatorSet([count("placed", "in_county", "out_of_county"),
                               count("in_county"), count("out_of_county")])
    readings = Readings([Reading("placed", quarter, 71), Reading("in_county", quarter, 68),
                         Reading("out_of_county", quarter, 3)])
    report = scorecard_report(Scorecard(indicators).assess(readings, quarter),
                              make_provenance())

    def shown(done: ScorecardReport) -> dict[str, float | None]:
        return {i.id: i.value for i in done.indicators}

    alone = shown(finish(report, "markdown"))
    assert alone["out_of_county"] is None
    assert alone["in_county"] is None  # the smaller part goes first, the total stays
    assert alone["placed"] == 71
    key = ("value", "in_county", str(quarter))
    known = shown(finish(report, "markdown", published={key: 68.0}))
    assert known == {"placed": None, "in_county": 68, "out_of_county": None}
    # the parameter is ignored where nothing is suppressed
    assert shown(finish(report, "json", published={key: 68.0}))["out_of_county"] == 3


def _year_of_months(moves: dict[int, float], share: dict[int, tuple[int, int]],
                    period: object) -> ScorecardReport:
    """Moves (a count) and the share of children moved (a percentage with its
    numerator and denominator) by month, April 2022 to June 2023, assessed for
    ``period``; months not given are 9 moves and 10 of 40."""
    from corpparent.periods import FinancialQuarter, Period

    assert isinstance(period, Month | FinancialQuarter | Period)
    indicators = IndicatorSet([
        Indicator("moves", "Placement moves", Kind.COUNT, Polarity.LOWER_IS_BETTER),
        Indicator("share", "Share moved", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)])
    readings = []
    for month in MONTHS[:15]:
        index = month.start.month
        n, d = share.get(index, (10, 40)) if month.start.year == 2023 else (10, 40)
        value = moves.get(index, 9) if month.start.year == 2023 else 9
        readings += [Reading("moves", month, value),
                     Reading("share", month, 100 * n / d, numerator=n, denominator=d)]
    result = Scorecard(indicators).assess(Readings(readings), period)
    return scorecard_report(result, make_provenance(), authority="Test")


def test_a_quarter_less_the_months_published_elsewhere_does_not_give_the_third() -> None:
    """April 1 (withheld in April's paper), May 9 and June 8 published in theirs: the
    first quarter's 18 would give the 1 back, so the quarter's paper withholds it."""
    from corpparent.periods import FinancialQuarter

    q1 = FinancialQuarter(2023, 1)
    report = _year_of_months({4: 1, 5: 9, 6: 8}, {}, q1)
    moves = report.indicators[0]
    assert moves.value == 18
    assert finish(report, "markdown").indicators[0].value == 18  # alone, nothing to hide
    months = {("value", "moves", "2023-05"): 9.0, ("value", "moves", "2023-06"): 8.0}
    public = finish(report, "markdown", published=months)
    (shown, _) = public.indicators
    assert (shown.value, shown.value_text) == (None, "c")
    assert [p.value for p in shown.trend if p.period == str(q1)] == [None]
    assert all(p.value is not None for p in shown.trend if p.period != str(q1))
    # the other way round: the quarter published first, June's paper keeps April safe
    june = _year_of_months({4: 1, 5: 9, 6: 8}, {}, Month(2023, 6))
    quarter = {("value", "moves", str(q1)): 18.0}
    trend = {p.period: p.value for p in finish(june, "markdown", published=quarter)
             .indicators[0].trend}
    assert trend["2023-04"] is None
    assert [trend["2023-05"], trend["2023-06"]].count(None) >= 1


def test_a_quarters_percentage_does_not_give_back_a_months_numerator() -> None:
    """2 of 40 in April (withheld), 10 of 40 and 12 of 40 published for May and June:
    the quarter's 20% is 24 of 120, so 24 - 10 - 12 = 2."""
    from corpparent.periods import FinancialQuarter

    q1 = FinancialQuarter(2023, 1)
    report = _year_of_months({}, {4: (2, 40), 5: (10, 40), 6: (12, 40)}, q1)
    share = report.indicators[1]
    assert share.value == 20
    assert finish(report, "markdown").indicators[1].value == 20
    others = {("numerator", "share", "2023-05"): 10.0, ("denominator", "share", "2023-05"): 40.0,
              ("numerator", "share", "2023-06"): 12.0, ("denominator", "share", "2023-06"): 40.0,
              ("denominator", "share", "2023-04"): 40.0}
    public = finish(report, "markdown", published=others)
    shown = public.indicators[1]
    assert (shown.value, shown.value_text) == (None, "c")
    assert public.indicators[0].value == report.indicators[0].value  # moves: nothing to hide


def test_the_authoritys_own_year_beside_the_comparators_gives_no_numerator_back() -> None:
    """2 of 25 in November 2022 (withheld), every other month of 2022-23 shown with its
    numerator and percentage: the year's percentage set beside England's gives the 2
    back (the year's numerators over its denominators), unless it is protected too."""
    from corpparent.comparators import Comparator, ComparatorKind
    from corpparent.report.disclosure.check import check

    share = Indicator("share", "Share moved", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
    england = Comparator("England", ComparatorKind.ENGLAND, {("share", "2022-23"): 30.0})
    fractions = {str(m): ((2, 25) if str(m) == "2022-11" else (8 + i % 5, 40))
                 for i, m in enumerate(MONTHS[:13])}
    readings = Readings(Reading("share", m, 100 * n / d, numerator=n, denominator=d)
                        for m, (n, d) in zip(MONTHS[:13], fractions.values(), strict=True))
    result = Scorecard(IndicatorSet([share]), comparators=[england], history=13).assess(
        readings, MONTHS[12])
    report = scorecard_report(result, make_provenance(), authority="Test")
    (item,) = report.indicators
    (year,) = [p.value for p in item.beside if p.period == "2022-23"]
    assert year is not None
    others = [fractions[p.period] for p in item.trend if p.period.startswith(("2022", "2023-0"))
              and p.period not in ("2022-11", "2023-04")]
    assert len(others) == 11
    denominators = sum(d for _, d in others) + 25
    recovered = year / 100 * denominators - sum(n for n, _ in others)
    assert round(recovered) == 2  # the leak, as built
    public = finish(report, "markdown")
    (shown,) = public.indicators
    assert [p.value for p in shown.trend if p.period == "2022-11"] == [None]
    november = ("numerator", "share", "2022-11")
    result_ = check([public])
    assert november in {f.figure for f in result_.figures}
    assert [f.describe() for f in result_.narrowed if f.figure == november] == []
    # the year put back beside the comparators: the checker pins the 2 again
    kept = public.model_copy(update={"indicators": [
        shown.model_copy(update={"beside": item.beside})]})
    assert [f.figure for f in check([kept]).narrowed if f.figure == november] == [november]


def test_the_dfes_own_figure_for_the_quarter_is_one_a_reader_has() -> None:
    """The DfE's published figure for the quarter (shown beside the indicator with
    --national) is in every reader's hands: with May and June shown, it gives April back
    unless June's paper withholds one of them."""
    from corpparent.periods import FinancialQuarter
    from corpparent.report.parts import NationalOut

    q1 = FinancialQuarter(2023, 1)
    june = _year_of_months({4: 1, 5: 9, 6: 8}, {}, Month(2023, 6))
    national = NationalOut(measure="moves", period=str(q1), value=18, rank=1, ranked=150,
                           band="A", text="1 of 150")
    moves = june.indicators[0].model_copy(update={"national": national})
    given = june.model_copy(update={"indicators": [moves, *june.indicators[1:]]})
    alone = {p.period: p.value for p in finish(june, "markdown").indicators[0].trend}
    assert (alone["2023-05"], alone["2023-06"]) == (9, 8)  # nothing ties them alone
    trend = {p.period: p.value for p in finish(given, "markdown").indicators[0].trend}
    assert trend["2023-04"] is None
    assert [trend["2023-05"], trend["2023-06"]].count(None) >= 1
