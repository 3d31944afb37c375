"""Small-number suppression for reports meant for the public.

Official statistics withhold small counts of people so that no child can be identified,
writing the symbol ``c`` ("confidential") in the cell instead (GSS guidance on symbols
in tables; the symbol corpparent reads in DfE files, see :mod:`corpparent.symbols`).
:func:`suppress` does the same to a report: every count of children from 1 to
``threshold - 1`` becomes ``c``, with the explanations and evidence that would reveal
it, and the report gains a footnote saying what was withheld and why. Zero is shown:
it identifies no one. Percentages, rates, scores and the ranges and targets set by the
council are not counts of children and are shown. A process chart of a count with any
small count among its points is withheld whole; its variation and assurance, which
reveal no count, are shown.

Suppression is on by default for HTML and Markdown (papers that may be published) and
off for JSON (data passed to another tool), and always on for the ``public`` profile.
"""

from __future__ import annotations

from typing import Final, TypeVar, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.findings import EvidenceValue
from corpparent.report.model import (
    ComparatorOut,
    ExceptionReportOut,
    FindingOut,
    FindingsReport,
    IndicatorOut,
    ScorecardReport,
    SuppressionNote,
    TrendPoint,
)

__all__ = ["COUNT_UNIT", "DEFAULT_THRESHOLD", "SUPPRESSED", "Suppression", "suppress"]

#: The unit of counts of children, the figures that are suppressed.
COUNT_UNIT: Final = "child"
#: Counts from 1 to 5 are withheld by default.
DEFAULT_THRESHOLD: Final = 6
#: The official-statistics symbol for a value withheld to protect individuals.
SUPPRESSED: Final = "c"
# Evidence that would reveal a suppressed count (directly, or with another figure).
_REVEALING = ("value", "earlier", "change")

R = TypeVar("R", ScorecardReport, FindingsReport)


def _at_least_one(_instance: object, _attribute: object, value: int) -> None:
    if value < 1:
        raise DefinitionError(f"suppression threshold must be at least 1, got {value}")


@final
@frozen
class Suppression:
    """Withhold counts of children from 1 to ``threshold - 1``."""

    threshold: int = field(default=DEFAULT_THRESHOLD, validator=_at_least_one)

    def hides(self, value: float | None) -> bool:
        """Whether a count of ``value`` children is withheld."""
        return value is not None and 0 < value < self.threshold

    @property
    def footnote(self) -> str:
        """The sentence a report prints under its tables."""
        return (
            f"{SUPPRESSED}: a count of fewer than {self.threshold} children is withheld to "
            "protect the children concerned (the official-statistics symbol for "
            "confidential); figures from which it could be worked out are withheld too."
        )


class _Counter:
    def __init__(self) -> None:
        self.withheld = 0


def _finding(finding: FindingOut, policy: Suppression) -> FindingOut:
    if finding.evidence.get("unit") != COUNT_UNIT:
        return finding
    counts = [finding.evidence.get(key) for key in ("value", "earlier")]
    if not any(isinstance(c, int | float) and policy.hides(float(c)) for c in counts):
        return finding
    evidence: dict[str, EvidenceValue] = {
        key: (SUPPRESSED if key in _REVEALING else value)
        for key, value in finding.evidence.items()
    }
    subject = finding.display_subject
    period = f" for {finding.period}" if finding.period else ""
    explanation = (
        f"{subject}: figure{period} withheld ({SUPPRESSED}); fewer than {policy.threshold} "
        "children."
    )
    return finding.model_copy(update={"evidence": evidence, "explanation": explanation})


def _point(point: TrendPoint, policy: Suppression, counter: _Counter) -> TrendPoint:
    if not policy.hides(point.value):
        return point
    counter.withheld += 1
    return point.model_copy(
        update={"value": None, "symbol": SUPPRESSED,
                "note": f"withheld: fewer than {policy.threshold} children"}
    )


def _comparator(item: ComparatorOut, policy: Suppression, counter: _Counter) -> ComparatorOut:
    if not policy.hides(item.value):
        return item
    counter.withheld += 1
    return item.model_copy(update={"value": None, "symbol": SUPPRESSED})


def _indicator(item: IndicatorOut, policy: Suppression, counter: _Counter) -> IndicatorOut:
    if item.unit != COUNT_UNIT:
        return item
    update: dict[str, object] = {
        "trend": [_point(p, policy, counter) for p in item.trend],
        "comparators": [_comparator(c, policy, counter) for c in item.comparators],
        "findings": [_finding(f, policy) for f in item.findings],
    }
    if policy.hides(item.value):
        update.update(value=None, value_text=SUPPRESSED, symbol=SUPPRESSED)
    if item.chart is not None:
        hidden = sum(policy.hides(p.value) for p in item.chart.points)
        if hidden:  # its points are counts too: withhold the chart, keep its verdicts
            counter.withheld += hidden
            update["chart"] = None
    return item.model_copy(update=update)


def suppress(report: R, policy: Suppression | None = None) -> R:
    """A copy of ``report`` with small counts of children withheld and a footnote."""
    policy = policy or Suppression()
    counter = _Counter()
    update: dict[str, object] = {}
    if isinstance(report, ScorecardReport):
        exceptions = report.exception_report
        update["indicators"] = [_indicator(i, policy, counter) for i in report.indicators]
        update["exception_report"] = ExceptionReportOut(
            exceptions=[_finding(f, policy) for f in exceptions.exceptions],
            successes=[_finding(f, policy) for f in exceptions.successes],
            insufficient=[_finding(f, policy) for f in exceptions.insufficient],
        )
    else:
        findings = [_finding(f, policy) for f in report.findings]
        counter.withheld = sum(new is not old for new, old in zip(findings, report.findings,
                                                                  strict=True))
        update["findings"] = findings
        chart = report.chart
        if chart is not None and chart.unit == COUNT_UNIT:
            hidden = sum(policy.hides(p.value) for p in chart.points)
            if hidden:
                counter.withheld += hidden
                update["chart"] = None
    update["suppression"] = SuppressionNote(
        applied=True,
        threshold=policy.threshold,
        symbol=SUPPRESSED,
        withheld=counter.withheld,
        footnote=policy.footnote,
    )
    return report.model_copy(update=update)
