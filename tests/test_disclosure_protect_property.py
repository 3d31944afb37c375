"""Whatever the figures, a suppressed scorecard leaves a reader nothing that narrows a
withheld small count: a reader's working (every figure the public report's JSON shows,
the declared totals, what each status word and direction of travel says, a chart's mean)
is handed to the solver, which must find every value of each ``c`` still possible."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

from hypothesis import example, given, settings, strategies as st

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
from corpparent.disclosure import Relation, Unknown, ranges
from corpparent.periods import FinancialQuarter, Month, Period
from corpparent.ranges import Target, TargetDirection
from corpparent.report import ScorecardReport, finish, make_provenance, scorecard_report
from corpparent.report.disclosure import figures_of
from corpparent.report.disclosure.check import check
from corpparent.report.disclosure.masking import earlier_period
from corpparent.report.parts import FindingOut, IndicatorOut

Key = tuple[str, ...]
THRESHOLD = 6
MONTHS = ([Month(2022, m) for m in range(4, 13)] + [Month(2023, m) for m in range(1, 13)]
          + [Month(2024, m) for m in range(1, 4)])
FY22, FY23 = FinancialYear(2022), FinancialYear(2023)
PARTS = ("in_county", "out_of_county")


def _scorecard(rows: list[tuple[int, int]], lower: int, width: int, target: int,
               tolerance: int, period: Period | None = None) -> ScorecardReport:
    """Children placed, in county and out of county by month from April 2022, the total
    declared as the sum of the parts, each with a range, a target and a tolerance."""
    indicators = [Indicator("placed", "Placed", Kind.COUNT, Polarity.LOWER_IS_BETTER,
                            parts=PARTS)]
    indicators += [Indicator(p, p, Kind.COUNT, Polarity.LOWER_IS_BETTER) for p in PARTS]
    ranges_ = [ExpectedRange(i.id, lower, lower + width, year)
               for i in indicators for year in (FY22, FY23)]
    targets = [Target(i.id, target, TargetDirection.AT_MOST, year)
               for i in indicators for year in (FY22, FY23)]
    readings = Readings(
        reading
        for month, (inside, outside) in zip(MONTHS, rows, strict=False)
        for reading in (Reading("placed", month, inside + outside),
                        Reading("in_county", month, inside),
                        Reading("out_of_county", month, outside)))
    result = Scorecard(IndicatorSet(indicators, ranges=ranges_, targets=targets),
                       default_tolerance=tolerance).assess(readings,
                                                           period or MONTHS[len(rows) - 1])
    return scorecard_report(result, make_provenance(), authority="Test")


def _said(item: IndicatorOut, finding: FindingOut) -> Iterator[Relation[Key]]:
    """What a published finding says about its figures, as a reader would take it."""
    if finding.status is Status.INSUFFICIENT_DATA or finding.period is None:
        return
    value = ("value", item.id, finding.period)
    evidence = finding.evidence
    if finding.family.value == "expected range":
        lower, upper = float(evidence["lower"]), float(evidence["upper"])  # type: ignore[arg-type]
        bounds = {"below": (-math.inf, lower - 1), "within": (lower, upper),
                  "above": (upper + 1, math.inf)}[str(evidence["position"])]
        yield Relation(((value, 1.0),), *bounds)
    elif finding.family.value == "target":
        target = float(evidence["target"])  # type: ignore[arg-type]
        met = finding.outcome == "met"
        yield Relation(((value, 1.0),), -math.inf if met else target + 1,
                       target if met else math.inf)
    elif (earlier := earlier_period(finding)) is not None:
        tolerance = float(evidence["tolerance"])  # type: ignore[arg-type]
        terms = ((value, 1.0), (("value", item.id, earlier), -1.0))
        bounds = {"no change": (-tolerance, tolerance), "improved": (-math.inf, -tolerance - 1),
                  "worsened": (tolerance + 1, math.inf)}[str(finding.outcome)]
        yield Relation(terms, *bounds)
    elif "lower_limit" in evidence and evidence.get("variation") == "common cause variation":
        lower, upper = (float(evidence[k]) for k in ("lower_limit", "upper_limit"))  # type: ignore[arg-type]
        yield Relation(((value, 1.0),), lower, upper)


def _reader(report: ScorecardReport) -> tuple[dict[Key, float], set[Key],
                                                list[Relation[Key]]]:
    """What a reader of the public report knows: the figures shown, those withheld, and
    the relations its totals, words and charts state."""
    known: dict[Key, float] = {}
    withheld: set[Key] = set()
    relations: list[Relation[Key]] = []
    periods: set[str] = set()
    for item in report.indicators:
        points = [(p.period, p.value) for p in item.trend]
        points += [(p.period, p.value) for p in (item.chart.points if item.chart else ())]
        points.append((report.period or "", item.value))
        for finding in item.findings:
            if finding.period and isinstance(v := finding.evidence.get("value"), float | int):
                points.append((finding.period, v))
            earlier = earlier_period(finding)
            if earlier and isinstance(v := finding.evidence.get("earlier"), float | int):
                points.append((earlier, v))
        for period, value in points:
            periods.add(period)
            if value is None:
                withheld.add(("value", item.id, period))
            else:
                known[("value", item.id, period)] = float(value)
        for finding in item.findings:
            relations += _said(item, finding)
        if item.chart is not None:
            group = [p for p in item.chart.points if p.mean == item.chart.mean]
            terms = tuple((("value", item.id, p.period or ""), 1.0) for p in group)
            relations.append(Relation.equation(terms, item.chart.mean * len(group),
                                               tolerance=1e-6 * len(group)))
    for period in periods:
        figures = [("value", i, period) for i in ("placed", *PARTS)]
        if all(key in known or key in withheld for key in figures):
            relations.append(Relation.total(figures[0], figures[1:]))
    withheld -= known.keys()
    for relation in relations:  # a figure named but not shown is unknown to the reader
        withheld.update(key for key in relation.figures if key not in known)
    return known, withheld, relations


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.one_of(st.integers(0, 7), st.integers(6, 40)),
                               st.one_of(st.integers(0, 7), st.integers(6, 40))),
                     min_size=2, max_size=18),
       lower=st.integers(0, 12), width=st.integers(0, 20), target=st.integers(0, 40),
       tolerance=st.integers(0, 3))
def test_a_reader_of_the_public_report_narrows_no_withheld_small_count(
    rows: list[tuple[int, int]], lower: int, width: int, target: int, tolerance: int,
) -> None:
    report = _scorecard(rows, lower, width, target, tolerance)
    public = finish(report, "json", profile="public")
    json.loads(public.model_dump_json())  # the document as published
    truth = {("value", i.id, p.period): p.value for i in report.indicators for p in i.trend}
    known, withheld, relations = _reader(public)
    for key, value in known.items():
        assert key not in truth or truth[key] == value
    small = {key for key in withheld if (v := truth.get(key)) is not None and 0 < v < THRESHOLD}
    assert small == {key for key, v in truth.items() if v is not None and 0 < v < THRESHOLD}
    found = ranges(known, [Unknown(key) for key in sorted(withheld)], relations,
                   threshold=THRESHOLD)
    assert found.consistent
    narrowed = sorted(key for key in small if found[key].narrows(THRESHOLD))
    assert narrowed == [], (narrowed, [found[k] for k in narrowed])
    checked = check([public], threshold=THRESHOLD)
    assert checked.consistent
    assert {f.figure for f in checked.figures} >= small
    assert [f.describe() for f in checked.narrowed if f.figure in small] == []


def _narrowed(public: ScorecardReport, truth: ScorecardReport) -> list[Key]:
    values = {("value", i.id, p.period): p.value for i in truth.indicators for p in i.trend}
    known, withheld, relations = _reader(public)
    found = ranges(known, [Unknown(key) for key in sorted(withheld)], relations,
                   threshold=THRESHOLD)
    return sorted(key for key in withheld if (v := values.get(key)) is not None
                  and 0 < v < THRESHOLD and found[key].narrows(THRESHOLD))


def test_the_reader_can_fail_a_report_that_keeps_a_word_or_a_total() -> None:
    """The control cases: the same reader pins a withheld count where a status word about
    it, or the figure withheld to protect it, is put back in the public report."""
    report = _scorecard([(30, 8), (28, 9), (27, 1)], lower=2, width=7, target=40,
                        tolerance=0)
    public = finish(report, "json", profile="public")
    assert _narrowed(public, report) == []
    out = ("value", "out_of_county", "2022-06")
    # "below the expected range of 2-9", its value withheld as 0.2 withheld it: the 1 is
    # the only value left
    (item,) = [i for i in public.indicators if i.id == "out_of_county"]
    (said,) = [f.model_copy(update={"evidence": {**f.evidence, "value": "c"}})
               for f in report.indicators[2].findings if f.rule == "expected range"]
    kept = [said if f.rule == "expected range" else f for f in item.findings]
    worded = public.model_copy(update={"indicators": [
        i.model_copy(update={"findings": kept}) if i.id == item.id else i
        for i in public.indicators]})
    assert _narrowed(worded, report) == [out]
    # the other part put back: 28 - 27 = 1
    complement = next(i for i in public.indicators if i.id != item.id and i.value is None)
    original = next(i for i in report.indicators if i.id == complement.id)
    totalled = public.model_copy(update={"indicators": [
        i.model_copy(update={"trend": original.trend}) if i.id == complement.id else i
        for i in public.indicators]})
    assert _narrowed(totalled, report) == [out]


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.one_of(st.integers(0, 7), st.integers(6, 40)),
                               st.one_of(st.integers(0, 7), st.integers(6, 40))),
                     min_size=3, max_size=15),
       lower=st.integers(0, 12), width=st.integers(0, 20), target=st.integers(0, 40))
# every part of a quarter withheld in the month's paper, only their totals published
@example(rows=[(0, 0)] * 9 + [(1, 5), (2, 4), (3, 5)], lower=0, width=0, target=0)
def test_a_quarters_paper_after_the_months_paper_gives_none_of_its_counts_back(
    rows: list[tuple[int, int]], lower: int, width: int, target: int,
) -> None:
    """The month's paper, then the quarter's paper protected against every figure the
    month's paper published: the checker, given both, narrows no withheld small count."""
    last = MONTHS[len(rows) - 1]
    month = finish(_scorecard(rows, lower, width, target, 0), "json", profile="public")
    quarter_report = _scorecard(rows, lower, width, target, 0,
                                FinancialQuarter.containing(last.start))
    quarter = finish(quarter_report, "json", profile="public",
                     published=figures_of(month).known)
    truth = {("value", name, str(m)): float(v)
             for m, (inside, outside) in zip(MONTHS, rows, strict=False)
             for name, v in (("placed", inside + outside), ("in_county", inside),
                             ("out_of_county", outside))}
    truth.update({("value", i.id, p.period): p.value for i in quarter_report.indicators
                  for p in i.trend if p.value is not None})
    checked = check([month, quarter], threshold=THRESHOLD)
    small = {f.figure for f in checked.figures
             if (v := truth.get(f.figure)) is not None and 0 < v < THRESHOLD}
    assert [f.describe() for f in checked.narrowed if f.figure in small] == []


def test_the_checker_catches_a_quarters_paper_not_told_of_the_months_paper() -> None:
    """The control case of the series: June's 1 out of county comes back from the
    quarter's 18 less April's 8 and May's 9, unless the quarter's paper is protected
    against what June's paper published."""
    rows = [(30, 8), (28, 9), (27, 1)]
    month = finish(_scorecard(rows, 2, 7, 40, 0), "json", profile="public")
    quarter = _scorecard(rows, 2, 7, 40, 0, FinancialQuarter(2022, 1))
    june = ("value", "out_of_county", "2022-06")
    told = finish(quarter, "json", profile="public", published=figures_of(month).known)
    untold = finish(quarter, "json", profile="public")
    assert [f.figure for f in check([month, untold]).narrowed if f.figure == june] == [june]
    assert [f.figure for f in check([month, told]).narrowed if f.figure == june] == []
