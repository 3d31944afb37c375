"""Turn results into report documents: a scorecard's assessment, or any findings.

[`scorecard_report`][corpparent.report.build.scorecard_report] writes the assessment as the JSON
output model: every value, range, target, trend, comparator, process chart and headline it shows
comes from the [`ScorecardResult`][corpparent.scorecard.ScorecardResult], which decided them;
nothing is read or judged again here. [`findings_report`][corpparent.report.build.findings_report]
does the same for the findings of any other check, and `chart_report` for a process chart run. Every
renderer reads the model, so every format shows the same figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from corpparent.findings import Finding
from corpparent.governance.register import AttendanceRegister
from corpparent.periods import Period
from corpparent.report.exceptions import exception_report
from corpparent.report.formatting import show_judged_value
from corpparent.report.labels import SUMMARY_ORDER, status_key
from corpparent.report.model import (
    FindingsReport,
    Profile,
    Provenance,
    RegisterOut,
    RegisterRowOut,
    ScorecardReport,
    SuppressionNote,
)
from corpparent.report.parts import (
    ComparatorOut,
    ComparatorPointOut,
    FindingOut,
    IndicatorOut,
    NationalOut,
    RangeOut,
    TargetOut,
    TrendPoint,
)
from corpparent.report.process import chart_out
from corpparent.scorecard import IndicatorAssessment, ScorecardResult
from corpparent.trends import TrendValue

if TYPE_CHECKING:  # a report is built from a run's results; the run never builds one
    from corpparent.runs.chart import ChartRun

__all__ = ["chart_report", "findings_report", "scorecard_report", "summarise"]

_NO_SUPPRESSION = SuppressionNote(applied=False, threshold=0)


def summarise(items: Iterable[FindingOut | IndicatorOut]) -> dict[str, int]:
    """How many items have each status, keyed by its value, most severe first: the
    indicators of a scorecard by their headline (``'not judged'`` for an indicator with
    nothing to be judged against), or the findings of any other report."""
    counts = Counter(status_key(item.status) for item in items)
    return {status_key(s): counts[status_key(s)] for s in SUMMARY_ORDER
            if counts[status_key(s)]}


def _point(point: TrendValue) -> TrendPoint:
    return TrendPoint(
        period=str(point.period), value=point.value, symbol=point.symbol, note=point.note,
        lower=None if point.expected is None else point.expected.lower,
        upper=None if point.expected is None else point.expected.upper,
        numerator=point.numerator,
    )


def _indicator(assessment: IndicatorAssessment) -> IndicatorOut:
    indicator = assessment.indicator
    value = assessment.value
    symbol = assessment.symbol
    # A value is shown to the places its bounds ask for (`show_judged_value`), once the
    # bounds are in the row.
    value_text = "" if value is not None else f"withheld ({symbol})" if symbol else "no value"
    expected = assessment.expected
    performance = assessment.performance
    chart = assessment.chart
    first_target = next((t for t in assessment.targets if not t.ambition), None)
    shown = None if chart is None else chart_out(chart, first_target, indicator.unit)
    derived = assessment.process_range
    out = IndicatorOut(
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
        status=assessment.headline,
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
        parts=list(indicator.parts),
        questions=list(indicator.questions),
        targets=[
            TargetOut(value=t.value, direction=t.direction.value, ambition=t.ambition,
                      period=str(t.period))
            for t in assessment.targets
        ],
        trend=[_point(point) for point in assessment.trend],
        comparators=[
            ComparatorOut(name=c.name, kind=c.kind.value, period=str(c.period), value=c.value,
                          symbol=c.symbol,
                          history=[ComparatorPointOut(period=str(p.period), value=p.value,
                                                      symbol=p.symbol) for p in c.history])
            for c in assessment.comparators
        ],
        beside=[_point(point) for point in assessment.beside],
        national=None if assessment.national is None else NationalOut(
            measure=assessment.national.measure, period=str(assessment.national.period),
            value=assessment.national.value, rank=assessment.national.rank,
            ranked=assessment.national.ranked, band=assessment.national.band,
            group=assessment.national.group or None,
            better_than=assessment.national.better_than,
            among=assessment.national.among if assessment.national.group else None,
            unknown=assessment.national.unknown if assessment.national.group else None,
            text=assessment.national.describe(
                None if assessment.national.value is None
                else indicator.format(assessment.national.value))),
        findings=[FindingOut.of(f) for f in assessment.findings],
    )
    if value is None:
        return out
    return out.model_copy(update={"value_text": show_judged_value(out)})


def scorecard_report(
    result: ScorecardResult,
    provenance: Provenance,
    *,
    title: str | None = None,
    authority: str | None = None,
    profile: Profile = "internal",
    notes: Sequence[str] = (),
) -> ScorecardReport:
    """The report of a scorecard assessed for ``result.period``, unsuppressed. Its
    ``summary`` counts the indicators by headline status, the count every format shows.

    Apply [`corpparent.report.suppression.suppress`][corpparent.report.suppression.suppress] for
    reports meant for the public.
    """
    items = [_indicator(a) for a in result.assessments]
    out = exception_report(items)
    default_title = f"Corporate parenting scorecard, {result.period}"
    if authority:
        default_title = f"{authority}: corporate parenting scorecard, {result.period}"
    return ScorecardReport(
        title=title or default_title,
        authority=authority,
        period=str(result.period),
        profile=profile,
        summary=summarise(items),
        suppression=_NO_SUPPRESSION,
        provenance=provenance,
        indicators=items,
        exception_report=out,
        notes=list(notes),
    )


def findings_report(
    findings: Sequence[Finding],
    provenance: Provenance,
    *,
    title: str,
    authority: str | None = None,
    period: Period | None = None,
    profile: Profile = "internal",
    register: AttendanceRegister | None = None,
    notes: Sequence[str] = (),
) -> FindingsReport:
    """A report of the findings of any check (meetings, obligations), in order, with the
    attendance register of a report of meetings."""
    out = [FindingOut.of(f) for f in findings]
    return FindingsReport(
        attendance_register=None if register is None else RegisterOut(
            meetings=[m.held_on.isoformat() for m in register.meetings],
            rows=[RegisterRowOut(member=row.member.name,
                                 marks=[mark.value for mark in row.marks],
                                 attended=row.attended, possible=row.possible)
                  for row in register.rows]
            + [RegisterRowOut(member=f"{row.name} (standing invitee, not counted)",
                              marks=[mark.value for mark in row.marks],
                              attended=row.attended, possible=row.possible)
               for row in register.invitees]),
        title=title,
        authority=authority,
        period=None if period is None else str(period),
        profile=profile,
        summary=summarise(out),
        suppression=_NO_SUPPRESSION,
        provenance=provenance,
        findings=out,
        notes=list(notes),
    )

def chart_report(run: ChartRun, provenance: Provenance, *,
                 authority: str | None = None) -> FindingsReport:
    """The report of a process chart run: its findings, the chart with the target in
    force at its last point, and the run's notes (the rule set carried forward)."""
    report = findings_report(run.findings, provenance, title=run.title, authority=authority,
                             period=run.last, notes=run.notes)
    return report.model_copy(update={"chart": chart_out(run.chart, run.target,
                                                        run.indicator.unit)})
