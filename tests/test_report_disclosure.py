"""Suppression in reports as the DfE's practice asks: small counts, what is computed from
them, and the totals that would give them away (secondary suppression)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
    Scorecard,
)
from corpparent.cli import cli
from corpparent.disclosure import Unknown, ranges
from corpparent.report import (
    ScorecardReport,
    finish,
    make_provenance,
    render,
    scorecard_report,
)
from corpparent.report.disclosure import figures_of
from corpparent.report.suppression import Suppression, suppress
from reports_support import READINGS

QUARTERS = [FinancialQuarter(2022, q) for q in (1, 2, 3, 4)]


def _count(id_: str, *parts: str) -> Indicator:
    return Indicator(id_, id_.replace("_", " ").capitalize(), Kind.COUNT,
                     Polarity.LOWER_IS_BETTER, parts=parts)


def _placements(rows: list[tuple[int, int]]) -> ScorecardReport:
    """Children placed in and out of county, and their total, by quarter of 2022-23."""
    indicators = IndicatorSet([_count("placed", "in_county", "out_of_county"),
                               _count("in_county"), _count("out_of_county")])
    readings = Readings(
        reading
        for quarter, (inside, outside) in zip(QUARTERS, rows, strict=False)
        for reading in (Reading("placed", quarter, inside + outside),
                        Reading("in_county", quarter, inside),
                        Reading("out_of_county", quarter, outside)))
    result = Scorecard(indicators).assess(readings, QUARTERS[len(rows) - 1])
    return scorecard_report(result, make_provenance(), authority="Test")


def _published(report: ScorecardReport) -> dict[tuple[str, str], float | None]:
    return {(i.id, p.period): p.value for i in report.indicators for p in i.trend}


def test_a_total_and_one_part_do_not_give_away_the_other() -> None:
    # 71 children placed, 68 in county: the 3 out of county must not follow by subtraction.
    report = suppress(_placements([(60, 10), (68, 3)]), Suppression(6))
    shown = _published(report)
    q2 = str(QUARTERS[1])
    assert shown[("out_of_county", q2)] is None
    assert sum(shown[(name, q2)] is None for name in ("placed", "in_county")) == 1
    assert None not in {shown[(n, str(QUARTERS[0]))] for n in ("placed", "in_county",
                                                                 "out_of_county")}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=4),
       st.integers(1, 10))
def test_no_withheld_count_can_be_worked_out_in_any_quarter(
    rows: list[tuple[int, int]], threshold: int
) -> None:
    report = suppress(_placements(rows), Suppression(threshold))
    shown = _published(report)
    for quarter, (inside, outside) in zip(QUARTERS, rows, strict=False):
        cells = [shown[(name, str(quarter))] for name in ("placed", "in_county",
                                                           "out_of_county")]
        for value, original in zip(cells, (inside + outside, inside, outside), strict=True):
            assert value is None or value == original
            if 0 < original < threshold:
                assert value is None
        # One equation, placed = in + out: a single unknown would be determined by it.
        assert sum(c is None for c in cells) != 1


def test_a_percentage_of_a_small_count_is_withheld_with_it() -> None:
    # 2 of 8 published as 25% publishes the 2 to anyone who knows the 8.
    share = Indicator("share", "Share moved", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
    readings = Readings([Reading("share", QUARTERS[3], 25.0, numerator=2, denominator=8),
                         Reading("share", QUARTERS[2], 40.0, numerator=8, denominator=20)])
    result = Scorecard(IndicatorSet([share])).assess(readings, QUARTERS[3])
    report = suppress(scorecard_report(result, make_provenance()), Suppression(6))
    (item,) = report.indicators
    assert (item.value, item.value_text) == (None, "c")
    assert [p.value for p in item.trend] == [40.0, None]
    assert all(p.numerator is None for p in item.trend if p.value is None)


def test_the_log_says_why_each_figure_went_but_not_in_public() -> None:
    report = _placements([(68, 3)])
    internal = finish(report, "json", profile="internal", suppress_small=True)
    reasons = {(w.indicator, w.reason) for w in internal.suppression.log}
    assert ("out_of_county", "small count") in reasons
    assert any(reason == "gives one away" for _, reason in reasons)
    public = finish(report, "markdown")
    assert public.profile == "public"
    assert public.suppression.applied
    assert public.suppression.log == []
    notes = {p.note for i in public.indicators for p in i.trend if p.value is None}
    assert len(notes) == 1  # the same note for every reason


def test_wiltshire_missing_episodes_out_of_county_cannot_be_worked_out(
    tmp_path: Path,
) -> None:
    """The built-in Wiltshire plug-in declares missing episodes as in county plus out of
    county (002 §46). With 4 out of county in 2022-23 Q4 (a constructed case: the
    report's figure is 24), the published paper must not allow 51 - 47."""
    rows = list(csv.DictReader(io.StringIO(READINGS.read_text(encoding="utf-8"))))
    for row in rows:
        if row["period"] == "2022-23 Q4" and row["indicator"] == "missing_episode":
            row["value"] = "51"
        if row["period"] == "2022-23 Q4" and row["indicator"] == "missing_episode_out_of_county":
            row["value"] = "4"
    changed = tmp_path / "readings.csv"
    with changed.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = CliRunner().invoke(cli, ["scorecard", str(changed), "-a", "wiltshire", "-p",
                                      "2022-23 Q4", "-f", "csv", "--profile", "public"])
    assert result.exit_code == 0, result.output
    table = {(r["indicator_id"], r["period"]): r["value"]
             for r in csv.DictReader(io.StringIO(result.stdout))}
    cells = [table[(name, "2022-23 Q4")] for name in (
        "missing_episode", "missing_episode_in_county", "missing_episode_out_of_county")]
    assert cells[2] == ""
    assert cells.count("") >= 2


def test_the_papers_print_the_log_only_when_not_public() -> None:
    report = _placements([(68, 3)])
    for fmt in ("markdown", "html"):
        private = render(finish(report, fmt, profile="private", suppress_small=True), fmt)
        public = render(finish(report, fmt), fmt)
        assert "Withheld figures (not for publication)" in private
        assert "Withheld figures" not in public


def test_a_years_total_beside_the_comparators_does_not_give_a_quarter_away() -> None:
    """A count's year is the sum of its quarters: with one quarter withheld, the year's
    total beside England's figures would give it away, so it goes too."""
    from corpparent.comparators import Comparator, ComparatorKind

    missing = _count("missing")
    england = Comparator("England", ComparatorKind.ENGLAND, {
        ("missing", "2021-22"): 9000, ("missing", "2022-23"): 9100})
    readings = Readings(Reading("missing", q, v) for q, v in zip(QUARTERS, (12, 3, 15, 20),
                                                                  strict=True))
    result = Scorecard(IndicatorSet([missing]), comparators=[england]).assess(
        readings, QUARTERS[3])
    shown = scorecard_report(result, make_provenance())
    assert [(p.period, p.value) for p in shown.indicators[0].beside] == [
        ("2021-22", None), ("2022-23", 50)]  # the four quarters' sum, before suppression
    report = suppress(shown, Suppression(6))
    (item,) = report.indicators
    year = item.beside[1]
    quarters = [p.value for p in item.trend]
    assert quarters[1] is None
    # the year goes, or another quarter goes with the small one: 50 - 12 - 15 - 20 = 3
    assert (year.value, year.symbol) == (None, "c") or quarters.count(None) >= 2
    assert [p.value for p in item.comparators[0].history] == [9000, 9100]
    figures = figures_of(report)
    unknowns = [Unknown(key) for key, value in figures.values.items() if value is None]
    found = ranges(figures.known, unknowns, figures.relations)
    assert not found[("value", "missing", str(QUARTERS[1]))].narrows(6)


def _quarter_after_its_months(june: int, *parts: str) -> ScorecardReport:
    """The first quarter of 2024-25's public paper, after April's 8 and May's 9 placement
    moves were published and June's ``june`` never was; ``parts`` declares the moves a
    total of other indicators (never published either)."""
    months = [Month(2024, 4), Month(2024, 5), Month(2024, 6)]
    indicators = [_count("moves", *parts), *(_count(part) for part in parts)]
    readings = Readings([Reading("moves", month, value)
                         for month, value in zip(months, (8, 9, june), strict=True)])
    quarter = FinancialQuarter(2024, 1)
    report = scorecard_report(Scorecard(IndicatorSet(indicators), process=None).assess(
        readings, quarter), make_provenance(period=quarter), authority="Test")
    published = {("value", "moves", "2024-04"): 8.0, ("value", "moves", "2024-05"): 9.0}
    return finish(report, "json", profile="public", published=published)


def test_a_quarter_whose_unpublished_month_is_no_small_count_is_published() -> None:
    # 29 - 8 - 9 = 12 children: a count no paper printed, but no small one, and tied by
    # no declared total to any other figure that could be
    assert _quarter_after_its_months(12).indicators[0].value == 29
    # June's 3 would be given away: the quarter goes
    assert _quarter_after_its_months(3).indicators[0].value is None
    # where a declared total ties the moves to parts never published, June's 12 could
    # give one of them away, and this paper cannot tell: the quarter goes as well
    tied = _quarter_after_its_months(12, "moves_in_county", "moves_out_of_county")
    assert tied.indicators[0].value is None


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 30), st.integers(0, 30), st.integers(2, 10))
def test_a_finding_that_could_not_judge_a_withheld_count_does_not_state_it(
        inside: int, outside: int, threshold: int) -> None:
    """A month's count judged against a range set for a quarter is not judged, and its
    finding says so quoting the count ("3 children in 2023-09 is not judged against
    the expected range ... for a quarter's count"): where the count is withheld, no
    finding states it, in its words or its evidence."""
    month = Month(2023, 9)
    indicators = IndicatorSet(
        [_count("placed", "in_county", "out_of_county"), _count("in_county"),
         _count("out_of_county")],
        ranges=[ExpectedRange(name, 0, 90, FinancialQuarter(2023, 2))
                for name in ("placed", "in_county", "out_of_county")])
    readings = Readings([Reading("placed", month, inside + outside),
                         Reading("in_county", month, inside),
                         Reading("out_of_county", month, outside)])
    result = Scorecard(indicators).assess(readings, month)
    report = suppress(scorecard_report(result, make_provenance(), authority="Test"),
                      Suppression(threshold))
    for item in report.indicators:
        if item.value is not None:
            continue  # shown: its findings may state it
        for finding in item.findings:
            numbers = [v for k, v in finding.evidence.items()
                       if isinstance(v, int | float) and not isinstance(v, bool)]
            assert numbers == [], (item.id, finding.evidence)
            assert "children in" not in finding.explanation, finding.explanation


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(2, 10))
def test_a_count_withheld_at_source_cannot_be_worked_out_either(
        inside: int, outside: int, threshold: int) -> None:
    """The analyst's own ``c``: 52 children placed, 48 in county and ``c`` out of county
    gives the ``c`` away (4). Published, at most one of the three is known, or none:
    the equation placed = in + out never has a single unknown."""
    quarter = QUARTERS[1]
    indicators = IndicatorSet([_count("placed", "in_county", "out_of_county"),
                               _count("in_county"), _count("out_of_county")])
    readings = Readings([Reading("placed", quarter, inside + outside),
                         Reading("in_county", quarter, inside),
                         Reading("out_of_county", quarter, None, symbol="c")])
    result = Scorecard(indicators).assess(readings, quarter)
    report = suppress(scorecard_report(result, make_provenance(), authority="Test"),
                      Suppression(threshold))
    cells = [_published(report)[(name, str(quarter))]
             for name in ("placed", "in_county", "out_of_county")]
    assert cells[2] is None
    assert sum(c is None for c in cells) != 1
    for value, original in zip(cells[:2], (inside + outside, inside), strict=True):
        assert value is None or value == original


def test_a_small_count_every_reader_works_out_is_still_not_printed() -> None:
    """Two papers published June's 21 children placed and 18 in county: every reader
    has the 3 out of county. A paper for June hides nothing by withholding it, but
    still never prints a small count: it shows c."""
    june = Month(2023, 6)
    indicators = IndicatorSet([_count("placed", "in_county", "out_of_county"),
                               _count("in_county"), _count("out_of_county")])
    readings = Readings([Reading("placed", june, 21), Reading("in_county", june, 18),
                         Reading("out_of_county", june, 3)])
    report = scorecard_report(Scorecard(indicators, process=None).assess(readings, june),
                              make_provenance(period=june), authority="Test")
    published = {("value", "placed", "2023-06"): 21.0, ("value", "in_county", "2023-06"): 18.0}
    public = finish(report, "json", profile="public", published=published)
    shown = {item.id: item.value for item in public.indicators}
    assert shown == {"placed": 21, "in_county": 18, "out_of_county": None}
    assert "3 children" not in render(public, "markdown")
