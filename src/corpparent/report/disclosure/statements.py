"""What a report's statements say about its figures: process charts, and the status and
travel words of its findings, as [`Relation`][corpparent.disclosure.Relation] (see
`corpparent.report.disclosure.relations` for the figures and for what is left out).

A process chart's mean is the average of its baseline points (in each group of a chart
rebased), and its variation word puts the latest point inside its limits for common
cause (where the baseline varies: limits that coincide judge no point). Where a report
withheld the chart but kept what was computed from it (the variation and assurance
findings' evidence, the process range), the chart's points are still the indicator's
values of the period's kind up to the period, with the defaults a scorecard draws with
(one group, every point in the baseline): the mean then ties them together from where
the series starts: where a trend shorter than the history the report was made with shows
it (it starts at the first reading), or, for a count, at the earliest period shown when
the guess checks out (the points of a count add up to a whole number, so the mean times
their number must be one). The checker errs that way on purpose: a reader who guesses
right has the figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from corpparent.disclosure import Relation
from corpparent.families import RuleFamily
from corpparent.findings import EvidenceValue, Status
from corpparent.periods import Period
from corpparent.report.disclosure.relations import (
    Collector,
    Key,
    half_unit,
    is_count,
    period_of,
    symbol_of,
    value_key,
)
from corpparent.report.model import FindingsReport, ScorecardReport
from corpparent.report.parts import ChartOut, FindingOut, IndicatorOut
from corpparent.trends import DEFAULT_HISTORY

__all__ = ["chart_report_statements", "statements"]

_COMMON_CAUSE: Final = "common cause variation"
#: How an aggregate that could not be had is explained (see
#: `corpparent.indicators.aggregation`): such a period has no point on a chart.
_UNAVAILABLE: Final = ("value withheld (", "no ", "denominators ")
_TRAVEL: Final = (RuleFamily.TRAVEL_SINCE_LAST_PERIOD, RuleFamily.TRAVEL_SINCE_LAST_YEAR)


def _number(evidence: dict[str, EvidenceValue], name: str) -> float | None:
    value = evidence.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)




def computed(value: float) -> float:
    """How far a figure corpparent computed (a mean, a limit) may be from the exact one:
    the JSON carries it to the last bit, so only the float's own error."""
    return 1e-6 * max(1.0, abs(value))


def _below(bound: float, whole: bool) -> float:
    """The largest value strictly below ``bound``: a whole number for a count."""
    return math.ceil(bound) - 1.0 if whole else bound


def _above(bound: float, whole: bool) -> float:
    return math.floor(bound) + 1.0 if whole else bound


# -- process charts -------------------------------------------------------------------


def _chart(collector: Collector, statement: Key, points: Sequence[Key], mean: float,
           lower: float, upper: float, *, count: bool, latest: str | None,
           label: str) -> None:
    """The relations of one group of a chart: its baseline ``points`` average ``mean``,
    and a latest point of common cause variation lies within the limits. Limits that
    coincide (a baseline that does not vary) judge nothing, so common cause variation
    then says nothing of where the latest point lies."""
    n = len(points)
    if n == 0:
        return
    collector.relate(Relation.equation(
        [(key, 1.0) for key in points], n * mean, tolerance=computed(n * mean),
        statement=statement, source=f"the process chart's mean {mean:.4g} over {n} points"
        f"{label}"), count=count)
    if latest == _COMMON_CAUSE and upper > lower:
        latest_point = Relation(((points[-1], 1.0),), lower - computed(lower),
                                upper + computed(upper), statement=statement,
                                source="the common cause variation of the latest point")
        collector.relate(latest_point, count=count)


def _published_chart(collector: Collector, subject: str, chart: ChartOut,
                     count: bool) -> None:
    keys = [value_key(subject, p.period or f"point {n}")
            for n, p in enumerate(chart.points, start=1)]
    for key, point in zip(keys, chart.points, strict=True):
        collector.see(key, point.value, count=count)
    groups: list[list[int]] = []
    for n, point in enumerate(chart.points):
        limits = (point.mean, point.lower_limit, point.upper_limit)
        if n and limits == (chart.points[n - 1].mean, chart.points[n - 1].lower_limit,
                            chart.points[n - 1].upper_limit):
            groups[-1].append(n)
        else:
            groups.append([n])
    rebased = chart.options.get("rebased", 0)
    if not isinstance(rebased, int) or len(groups) != rebased + 1:
        return  # two groups with the same limits cannot be told apart
    baseline = chart.options.get("baseline")
    statement = ("chart", subject)
    for number, group in enumerate(groups):
        first = chart.points[group[0]]
        base = group[:baseline] if isinstance(baseline, int) and baseline > 0 else group
        last = number == len(groups) - 1 and base == group
        _chart(collector, statement, [keys[i] for i in base], first.mean, first.lower_limit,
               first.upper_limit, count=count, latest=chart.variation if last else None, label="")


def _limits_kept(item: IndicatorOut) -> tuple[float, float] | None:
    """The process limits a report kept where it withheld the chart: from the variation
    or assurance findings' evidence, or the process range."""
    for finding in item.findings:
        if finding.family in (RuleFamily.VARIATION, RuleFamily.ASSURANCE):
            lower = _number(finding.evidence, "lower_limit")
            upper = _number(finding.evidence, "upper_limit")
            if lower is not None and upper is not None:
                return lower, upper
    if item.process_range is not None:
        return item.process_range.lower, item.process_range.upper
    return None


def _mean_kept(item: IndicatorOut, limits: tuple[float, float]) -> float:
    for finding in item.findings:
        if finding.family is RuleFamily.VARIATION:
            mean = _number(finding.evidence, "mean")
            if mean is not None:
                return mean
    return (limits[0] + limits[1]) / 2


def _series(item: IndicatorOut, period: Period,
            scorecards: Sequence[ScorecardReport]) -> tuple[list[Key], bool] | None:
    """The points of the indicator's chart up to ``period``: every period of its kind
    from the first reading, leaving out those without a value; ``None`` where a period
    in between is in no report. The second item is False where the reports show where
    the series starts (a trend shorter than its report's history), True where the
    earliest period shown is taken for its start."""
    kind = type(period)
    start: Period | None = None
    earliest: Period | None = None
    points: dict[str, bool] = {}
    for report in scorecards:
        history = report.provenance.options.get("history", DEFAULT_HISTORY)
        for other in report.indicators:
            if other.id != item.id:
                continue
            trend = [(p, parsed) for p in other.trend
                     if type(parsed := period_of(p.period)) is kind and parsed is not None]
            if not trend:
                continue
            first = trend[0][1]
            earliest = first if earliest is None or first < earliest else earliest
            if isinstance(history, int) and len(other.trend) < history:
                start = first if start is None or first < start else start
            for point, _ in trend:
                charted = point.value is not None or (
                    point.symbol == symbol_of(report)
                    and not (point.note or "").startswith(_UNAVAILABLE))
                points[point.period] = points.get(point.period, False) or charted
    begin = start or earliest
    if begin is None:
        return None
    walk: list[Period] = [period]
    while walk[-1] > begin:
        walk.append(walk[-1].previous())
    if walk[-1] != begin or any(str(p) not in points for p in walk):
        return None
    return [value_key(item.id, str(p)) for p in reversed(walk) if points[str(p)]], start is None


def _withheld_chart(collector: Collector, report: ScorecardReport, item: IndicatorOut,
                    scorecards: Sequence[ScorecardReport]) -> None:
    """Where a report withheld the chart but kept its limits (and mean), they still tie
    the chart's points together. Where the reports do not show where the series starts,
    a reader takes the earliest period shown for its start, and for a count can check
    the guess: its points add up to a whole number, so ``n × mean`` must be one."""
    limits = _limits_kept(item)
    period = period_of(report.period)
    if limits is None or period is None:
        return
    found = _series(item, period, scorecards)
    if found is None:
        return
    series, guessed = found
    mean = _mean_kept(item, limits)
    whole = len(series) * mean
    if guessed and not (is_count(item) and abs(whole - round(whole)) <= computed(whole)):
        return
    _chart(collector, ("chart", item.id), series, mean, *limits,
           count=is_count(item), latest=item.variation,
           label=", kept where the chart was withheld")


# -- status and travel words ----------------------------------------------------------


def _position(finding: FindingOut, polarity: str) -> str | None:
    """Below, within or above the range, as the finding says it."""
    said = finding.evidence.get("position")
    if said in ("below", "within", "above"):
        return str(said)
    word = finding.outcome or {Status.MET: "as expected", Status.EXCEEDED: "better than "
                               "expected", Status.BREACHED: "worse than expected"}.get(
                                   finding.status)
    if word == "as expected":
        return "within"
    if polarity == "neutral" or word not in ("better than expected", "worse than expected"):
        return None
    high = (word == "better than expected") == (polarity == "higher is better")
    return "above" if high else "below"


def _range_relation(collector: Collector, item: IndicatorOut, finding: FindingOut,
                    key: Key, statement: Key) -> None:
    evidence = finding.evidence
    lower, upper = _number(evidence, "lower"), _number(evidence, "upper")
    shown = item.process_range if "process" in finding.rule else item.expected_range
    if (lower is None or upper is None) and shown is not None:
        lower, upper = shown.lower, shown.upper
    position = _position(finding, item.polarity)
    if lower is None or upper is None or position is None:
        return
    whole = is_count(item)
    bounds = {"below": (-math.inf, _below(lower, whole)), "within": (lower, upper),
              "above": (_above(upper, whole), math.inf)}[position]
    word = finding.outcome or finding.status.value
    collector.relate(Relation(((key, 1.0),), *bounds, statement=statement,
                              source=f"'{word}' against the range {lower:.4g}–{upper:.4g}"),
                     count=whole)


def _target_relation(collector: Collector, item: IndicatorOut, finding: FindingOut,
                     key: Key, statement: Key) -> None:
    level, direction = _number(finding.evidence, "target"), finding.evidence.get("direction")
    if level is None or direction not in ("at least", "at most"):
        ambition = finding.family is RuleFamily.AMBITION
        fitting = [t for t in item.targets if t.ambition == ambition]
        if len(fitting) != 1:
            return
        level, direction = fitting[0].value, fitting[0].direction
    met = finding.outcome == "met" if finding.outcome else finding.status is Status.MET
    whole = is_count(item)
    if direction == "at least":
        bounds = (level, math.inf) if met else (-math.inf, _below(level, whole))
    else:
        bounds = (-math.inf, level) if met else (_above(level, whole), math.inf)
    collector.relate(Relation(((key, 1.0),), *bounds, statement=statement,
                              source=f"'{finding.outcome or finding.status.value}' against "
                              f"the {finding.family.value} of {direction} {level:.4g}"),
                     count=whole)


def _travel_relation(collector: Collector, item: IndicatorOut, finding: FindingOut,
                     key: Key, statement: Key, period: Period) -> None:
    earlier_period = (period.same_period_last_year()
                      if finding.family is RuleFamily.TRAVEL_SINCE_LAST_YEAR
                      else period.previous())
    earlier = value_key(item.id, str(earlier_period))
    whole = is_count(item)
    collector.see(earlier, _number(finding.evidence, "earlier"), count=whole)
    terms = ((key, 1.0), (earlier, -1.0))
    change = _number(finding.evidence, "change")
    if change is not None:
        collector.relate(Relation.equation(terms, change, tolerance=half_unit(change),
                                           statement=statement, source="the change shown"),
                         count=whole)
    tolerance = _number(finding.evidence, "tolerance")
    word = finding.outcome
    rises = {"rose": True, "fell": False}.get(word or "")
    if word in ("improved", "worsened") and item.polarity != "neutral":
        rises = (word == "improved") == (item.polarity == "higher is better")
    source = f"the direction of travel '{word}'"
    if word == "no change" and tolerance is not None:
        collector.relate(Relation(terms, -tolerance, tolerance, statement=statement,
                                  source=f"{source} within {tolerance:g}"), count=whole)
    elif rises is not None:
        step = _above(tolerance or 0.0, whole)
        bounds = (step, math.inf) if rises else (-math.inf, -step)
        collector.relate(Relation(terms, *bounds, statement=statement, source=source),
                         count=whole)


def _finding(collector: Collector, item: IndicatorOut, finding: FindingOut) -> None:
    period = period_of(finding.period)
    if period is None or finding.status is Status.INSUFFICIENT_DATA:
        return
    key = value_key(item.id, str(period))
    collector.see(key, _number(finding.evidence, "value"), count=is_count(item))
    statement = ("finding", item.id, str(period), finding.rule)
    if finding.family is RuleFamily.EXPECTED_RANGE:
        _range_relation(collector, item, finding, key, statement)
    elif finding.family in (RuleFamily.TARGET, RuleFamily.AMBITION):
        _target_relation(collector, item, finding, key, statement)
    elif finding.family in _TRAVEL:
        _travel_relation(collector, item, finding, key, statement, period)


def statements(collector: Collector, report: ScorecardReport, item: IndicatorOut,
               scorecards: Sequence[ScorecardReport]) -> None:
    """The relations an indicator's chart and findings state (in the scorecard and in its
    exception report)."""
    if item.chart is not None:
        _published_chart(collector, item.id, item.chart, is_count(item))
    else:
        _withheld_chart(collector, report, item, scorecards)
    listed = report.exception_report
    for finding in (*item.findings, *listed.exceptions, *listed.successes):
        if finding.subject == item.id:
            _finding(collector, item, finding)


def chart_report_statements(collector: Collector, report: object) -> None:
    """The figures and relations of a process chart's report (``corpparent chart``)."""
    if not isinstance(report, FindingsReport) or report.chart is None:
        return
    subject = next((f.subject for f in report.findings
                    if f.family is RuleFamily.VARIATION), "series")
    _published_chart(collector, subject, report.chart, report.chart.unit == "child")
