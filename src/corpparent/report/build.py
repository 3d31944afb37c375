"""Turn results into report documents: a scorecard's assessment, or any findings.

:func:`scorecard_report` gathers, for each indicator, what a councillor needs beside
the verdicts: the trend over recent periods with the expected range that applied in
each, the targets, and comparators where they are given. :func:`findings_report` does
the same for the findings of any other check. Both return the JSON output model,
which every renderer reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from corpparent.comparators.series import Comparator
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status, worst
from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.report.labels import SUMMARY_ORDER, status_key
from corpparent.report.model import (
    ComparatorOut,
    ExceptionReportOut,
    FindingOut,
    FindingsReport,
    IndicatorOut,
    Profile,
    Provenance,
    RangeOut,
    ScorecardReport,
    SuppressionNote,
    TargetOut,
    TrendPoint,
)
from corpparent.report.process import chart_out
from corpparent.scorecard import IndicatorAssessment, ScorecardResult

__all__ = [
    "comparators_for",
    "findings_report",
    "headline_status",
    "scorecard_report",
    "summarise",
    "trend",
]

_NO_SUPPRESSION = SuppressionNote(applied=False, threshold=0)


def summarise(items: Iterable[FindingOut | IndicatorOut]) -> dict[str, int]:
    """How many findings (or indicators, by headline) have each status, keyed by its
    value (``'not judged'`` for an indicator with nothing to be judged against)."""
    counts = Counter(status_key(item.status) for item in items)
    return {status_key(s): counts[status_key(s)] for s in SUMMARY_ORDER
            if counts[status_key(s)]}


def headline_status(findings: Sequence[Finding], has_value: bool = True) -> Status | None:
    """An indicator's headline: the worst of its range and target findings (the
    judgement the panel acts on); without either, the variation of its latest value on
    its process chart, where it has enough history; without that, insufficient data if
    there is no value, and ``None`` (not judged) if there is a value but nothing to judge
    it against. A direction of travel is never the headline: one step between two values
    may be ordinary variation, so it is neither "met" nor a success."""
    judged = [f.status for f in findings if f.family.is_judgement]
    if judged:
        return worst(judged)
    variation = [f.status for f in findings if f.family is RuleFamily.VARIATION]
    if variation:
        return worst(variation)
    return None if has_value else Status.INSUFFICIENT_DATA


def _symbol(readings: Readings, indicator: Indicator, period: Period) -> str | None:
    reading = readings.get(indicator.id, period)
    return None if reading is None else reading.symbol


def trend(
    indicator: Indicator,
    indicators: IndicatorSet,
    readings: Readings,
    period: Period,
    history: int = 8,
) -> list[TrendPoint]:
    """The indicator's values for ``period`` and up to ``history - 1`` periods before it,
    of the same kind, from the first period with any reading."""
    periods = [period]
    while len(periods) < history:
        periods.append(periods[-1].previous())
    points: list[TrendPoint] = []
    for each in reversed(periods):
        value = value_for(indicator, readings, each)
        symbol = _symbol(readings, indicator, each)
        if isinstance(value, Unavailable) and symbol is None and not points and each != period:
            continue  # nothing before the first reading
        expected = indicators.range_for(indicator.id, each)
        points.append(
            TrendPoint(
                period=str(each),
                value=None if isinstance(value, Unavailable) else value,
                symbol=symbol,
                note=value.reason if isinstance(value, Unavailable) else None,
                lower=None if expected is None else expected.lower,
                upper=None if expected is None else expected.upper,
            )
        )
    return points


def comparators_for(
    indicator: Indicator, comparators: Iterable[Comparator], period: Period
) -> list[ComparatorOut]:
    """Each comparator's latest value of ``indicator`` published for a period ending by
    the end of ``period`` (comparators lag local data: "COMPARATORS 2020-21" beside
    2022-23 quarters, 002 §32), in the indicator's unit; a symbol where one is given."""
    found = []
    for comparator in comparators:
        when = comparator.latest(indicator.id, up_to=period)
        if when is None:
            continue
        entry = comparator.entry(indicator.id, when)
        common = {"name": comparator.name, "kind": comparator.kind.value, "period": str(when)}
        if isinstance(entry, float):
            unit = comparator.unit(indicator.id)
            value = indicator.magnitude(entry, unit) if unit else entry
            found.append(ComparatorOut(value=value, **common))
        else:
            found.append(ComparatorOut(value=None, symbol=entry, **common))
    return found


def _indicator(
    assessment: IndicatorAssessment,
    indicators: IndicatorSet,
    readings: Readings,
    period: Period,
    comparators: Sequence[Comparator],
    history: int,
) -> IndicatorOut:
    indicator = assessment.indicator
    value = assessment.value
    observed = assessment.observation.value
    symbol = _symbol(readings, indicator, period)
    if isinstance(observed, Unavailable):
        value_text = f"withheld ({symbol})" if symbol else "no value"
    else:
        value_text = indicator.format(observed)
    expected = assessment.expected
    performance = assessment.performance
    targets = indicators.targets_for(indicator.id, period)
    chart = assessment.chart
    first_target = next((t for t in targets if not t.ambition), None)
    shown = None if chart is None else chart_out(chart, first_target, indicator.unit)
    derived = assessment.process_range
    return IndicatorOut(
        id=indicator.id,
        name=indicator.name,
        domain=indicator.domain,
        kind=indicator.kind.value,
        polarity=indicator.polarity.value,
        unit=indicator.unit,
        unit_label=indicator.unit_label,
        value=value,
        value_text=value_text,
        symbol=symbol,
        status=headline_status(assessment.findings, has_value=value is not None),
        performance=None if performance is None else performance.value,
        expected_range=None
        if expected is None
        else RangeOut(lower=expected.lower, upper=expected.upper, period=str(expected.period),
                      from_process=expected is derived),
        process_range=None
        if derived is None
        else RangeOut(lower=derived.lower, upper=derived.upper, period=str(derived.period),
                      from_process=True),
        variation=None if shown is None else shown.variation,
        assurance=None if shown is None else shown.assurance,
        chart=shown,
        targets=[
            TargetOut(
                value=t.value,
                direction=t.direction.value,
                ambition=t.ambition,
                period=str(t.period),
            )
            for t in targets
        ],
        trend=trend(indicator, indicators, readings, period, history),
        comparators=comparators_for(indicator, comparators, period),
        findings=[FindingOut.of(f) for f in assessment.findings],
    )


def scorecard_report(
    result: ScorecardResult,
    indicators: IndicatorSet,
    readings: Readings,
    provenance: Provenance,
    *,
    title: str | None = None,
    authority: str | None = None,
    profile: Profile = "internal",
    comparators: Iterable[Comparator] = (),
    history: int = 8,
) -> ScorecardReport:
    """The report of a scorecard assessed for ``result.period``, unsuppressed.

    Apply :func:`corpparent.report.suppression.suppress` for reports meant for the public.
    """
    given = tuple(comparators)
    items = [
        _indicator(a, indicators, readings, result.period, given, history)
        for a in result.assessments
    ]
    exceptions = result.exception_report()
    out = ExceptionReportOut(
        exceptions=[FindingOut.of(f) for f in exceptions.exceptions],
        successes=[FindingOut.of(f) for f in exceptions.successes],
        insufficient=[FindingOut.of(f) for f in exceptions.insufficient],
    )
    every = [f for item in items for f in item.findings]
    default_title = f"Corporate parenting scorecard, {result.period}"
    if authority:
        default_title = f"{authority}: corporate parenting scorecard, {result.period}"
    return ScorecardReport(
        title=title or default_title,
        authority=authority,
        period=str(result.period),
        profile=profile,
        summary=summarise(every),
        suppression=_NO_SUPPRESSION,
        provenance=provenance,
        indicators=items,
        exception_report=out,
    )


def findings_report(
    findings: Sequence[Finding],
    provenance: Provenance,
    *,
    title: str,
    authority: str | None = None,
    period: Period | None = None,
    profile: Profile = "internal",
) -> FindingsReport:
    """A report of the findings of any check (meetings, obligations), in order."""
    out = [FindingOut.of(f) for f in findings]
    return FindingsReport(
        title=title,
        authority=authority,
        period=None if period is None else str(period),
        profile=profile,
        summary=summarise(out),
        suppression=_NO_SUPPRESSION,
        provenance=provenance,
        findings=out,
    )
