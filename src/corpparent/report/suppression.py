"""Small-number suppression for reports meant for the public.

Official statistics withhold small counts of people so that no child can be identified,
writing the symbol ``c`` ("confidential") in the cell instead (GSS guidance on symbols
in tables; the symbol corpparent reads in DfE files, see :mod:`corpparent.symbols`), and
"secondary suppression may be required" (the DfE's methodology for its children looked
after statistics). :func:`suppress` does the same to a scorecard through
:func:`corpparent.disclosure.protect`:

* primary: every count of children from 1 to ``threshold - 1`` becomes ``c``, and so
  does every percentage or rate whose numerator (where it was read) is withheld;
* secondary: where an indicator is declared the sum of others (``Indicator.parts``), in
  any period of the trend, enough other figures are withheld that none can be worked out
  by differencing.

The explanations and evidence that would reveal a withheld figure go with it, and the
report gains a footnote and a per-figure log of what was withheld and why (the log is
left out of a ``public`` report: telling the small count from the figures withheld to
protect it would say which is small). Zero is shown: it identifies no one. Ranges and
targets set by the council are not counts of children and are shown. A process chart
with any withheld point is withheld whole; its variation and assurance, which reveal no
count, are shown.

Suppression is on by default for HTML and Markdown (papers that may be published) and
off for JSON (data passed to another tool), and always on for the ``public`` profile.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Final, TypeVar, final

from attrs import field, frozen

from corpparent.disclosure import Derived, Protected, Reason, Total, protect
from corpparent.errors import DefinitionError
from corpparent.findings import EvidenceValue
from corpparent.report.model import (
    BenchmarkReport,
    ExceptionReportOut,
    FindingsReport,
    ScorecardReport,
    SuppressionNote,
    WithheldOut,
)
from corpparent.report.parts import ComparatorOut, FindingOut, IndicatorOut, TrendPoint

__all__ = ["COUNT_UNIT", "DEFAULT_THRESHOLD", "SUPPRESSED", "Suppression", "suppress"]

#: The unit of counts of children, the figures that are suppressed.
COUNT_UNIT: Final = "child"
#: Counts from 1 to 5 are withheld by default.
DEFAULT_THRESHOLD: Final = 6
#: The official-statistics symbol for a value withheld to protect individuals.
SUPPRESSED: Final = "c"
# Evidence that would reveal a suppressed count (directly, or with another figure).
_REVEALING = ("value", "earlier", "change")

R = TypeVar("R", ScorecardReport, FindingsReport, BenchmarkReport)


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


#: How a figure withheld from a public report is noted: the same for every reason, so
#: that the note does not tell the small count from the figures that protect it.
_WITHHELD_NOTE: Final = "withheld (c) to protect the children concerned"
_REASONS: Final = {Reason.SMALL_COUNT: "small count",
                   Reason.DERIVED: "computed from a withheld count",
                   Reason.DIFFERENCING: "gives one away"}
_Key = tuple[str, str]


def _masked(finding: FindingOut) -> FindingOut:
    evidence: dict[str, EvidenceValue] = {
        key: (SUPPRESSED if key in _REVEALING else value)
        for key, value in finding.evidence.items()
    }
    subject = finding.display_subject
    period = f" for {finding.period}" if finding.period else ""
    explanation = f"{subject}: figure{period} withheld ({SUPPRESSED})."
    return finding.model_copy(update={"evidence": evidence, "explanation": explanation})


def _finding(finding: FindingOut, policy: Suppression,
             hidden: frozenset[float] = frozenset(), withheld: bool = False) -> FindingOut:
    """The finding, its revealing evidence withheld when its own figure is (``withheld``),
    or when it compares with a withheld figure of its indicator (``hidden``, their values)
    or with a small count."""
    if withheld:
        return _masked(finding)
    numbers = [float(n) for key in ("value", "earlier")
               if isinstance(n := finding.evidence.get(key), int | float)]
    counted = finding.evidence.get("unit") == COUNT_UNIT
    if any(n in hidden for n in numbers) or (counted and any(map(policy.hides, numbers))):
        return _masked(finding)
    return finding


def _figures(report: ScorecardReport, policy: Suppression) -> Protected[Hashable]:
    """The report's counts of children, the percentages and rates computed from a count
    read beside them, and its declared totals, protected."""
    values: dict[Hashable, float | None] = {}
    derived: list[Derived[Hashable]] = []
    for item in report.indicators:
        counted = item.unit == COUNT_UNIT
        for point in item.trend:
            key = (item.id, point.period)
            if counted:
                values[key] = point.value
            elif point.numerator is not None:
                source = (item.id, point.period, "numerator")
                values[source] = point.numerator
                values[key] = point.value
                derived.append(Derived(key, source))
        if counted and report.period is not None:
            values.setdefault((item.id, report.period), item.value)
    totals: list[Total[Hashable]] = []
    for item in report.indicators:
        for point in item.trend if item.parts else ():
            parts = tuple((part, point.period) for part in item.parts)
            for key in parts:
                values.setdefault(key, None)
            totals.append(Total((item.id, point.period), parts))
    return protect(values, totals=totals, derived=derived, threshold=policy.threshold)


def _log(protected: Protected[Hashable]) -> list[WithheldOut]:
    log = []
    for item in protected.withheld:
        figure = item.figure
        if not (isinstance(figure, tuple) and len(figure) == 2):
            continue  # a numerator read beside a percentage: its percentage is logged
        protects = item.protects
        log.append(WithheldOut(
            indicator=str(figure[0]), period=str(figure[1]), reason=_REASONS[item.reason],
            protects=None if not isinstance(protects, tuple) else
            f"{protects[0]}, {protects[1]}"))
    return log


def _point(point: TrendPoint, withheld: bool, counter: _Counter) -> TrendPoint:
    if not withheld:
        return point
    counter.withheld += 1
    return point.model_copy(
        update={"value": None, "symbol": SUPPRESSED, "numerator": None, "note": _WITHHELD_NOTE}
    )


def _comparator(item: ComparatorOut, policy: Suppression, counter: _Counter) -> ComparatorOut:
    history = [p.model_copy(update={"value": None, "symbol": SUPPRESSED})
               if policy.hides(p.value) else p for p in item.history]
    if not policy.hides(item.value):
        return item.model_copy(update={"history": history})
    counter.withheld += 1
    return item.model_copy(update={"value": None, "symbol": SUPPRESSED, "history": history})


def _indicator(item: IndicatorOut, policy: Suppression, withheld: set[_Key],
               originals: dict[_Key, float | None], period: str | None,
               counter: _Counter) -> IndicatorOut:
    own = {key for key in withheld if key[0] == item.id}
    hidden = frozenset(v for key in own if (v := originals.get(key)) is not None)
    counted = item.unit == COUNT_UNIT
    if not own and not counted:
        return item
    update: dict[str, object] = {
        "trend": [_point(p, (item.id, p.period) in own, counter) for p in item.trend],
        "findings": [_finding(f, policy, hidden, (item.id, f.period or "") in own)
                     for f in item.findings],
    }
    if counted:
        update["comparators"] = [_comparator(c, policy, counter) for c in item.comparators]
    # The authority's own values beside its comparators are years made of the quarters
    # shown in the trend: where a count of the indicator is withheld, a year's total
    # could give it away, so all of them go; otherwise a small one goes.
    update["beside"] = [
        _point(p, (item.id, p.period) in own or (counted and (bool(own)
                                                              or policy.hides(p.value))),
               counter)
        for p in item.beside]
    if (item.id, period) in own:
        update.update(value=None, value_text=SUPPRESSED, symbol=SUPPRESSED)
    if item.chart is not None and (own or any(policy.hides(p.value) for p in item.chart.points
                                             if counted)):
        # its points are the same figures: withhold the chart, keep its verdicts
        update["chart"] = None
    return item.model_copy(update=update)


def _shows_counts(report: ScorecardReport | FindingsReport) -> bool:
    """Whether the report shows a count of children anywhere: an indicator counted in
    children or with a numerator, a finding whose evidence is in children, or a chart of
    a count."""
    if isinstance(report, ScorecardReport):
        return any(i.unit == COUNT_UNIT or any(p.numerator is not None for p in i.trend)
                   for i in report.indicators)
    charted = report.chart is not None and report.chart.unit == COUNT_UNIT
    return charted or any(f.evidence.get("unit") == COUNT_UNIT for f in report.findings)


def _at_source(report: ScorecardReport | FindingsReport) -> int:
    """How many values the report shows as withheld before it withholds any: those the
    data withheld as published, counted where :func:`suppress` counts its own."""
    if not isinstance(report, ScorecardReport):
        return 0
    shown: list[TrendPoint | ComparatorOut] = []
    for item in report.indicators:
        shown += [*item.trend, *item.beside, *item.comparators]
    return sum(point.value is None and point.symbol == SUPPRESSED for point in shown)


def suppress(report: R, policy: Suppression | None = None) -> R:
    """A copy of ``report`` with small counts of children withheld and a footnote. A
    benchmark of published national statistics is returned as it is: its publishers
    withheld what they had to, and its banner says so."""
    if isinstance(report, BenchmarkReport):
        return report
    policy = policy or Suppression()
    counter = _Counter()
    update: dict[str, object] = {}
    log: list[WithheldOut] = []
    if isinstance(report, ScorecardReport):
        protected = _figures(report, policy)
        withheld = {key for key in protected.withheld_figures
                    if isinstance(key, tuple) and len(key) == 2}
        originals = {key: value for key, value in protected.values.items()
                     if isinstance(key, tuple) and len(key) == 2}
        update["indicators"] = [
            _indicator(i, policy, withheld, originals, report.period, counter)
            for i in report.indicators]

        def again(finding: FindingOut) -> FindingOut:
            own = {key for key in withheld if key[0] == finding.subject}
            hidden = frozenset(v for key in own if (v := originals.get(key)) is not None)
            return _finding(finding, policy, hidden, (finding.subject, finding.period or "")
                            in own)

        exceptions = report.exception_report
        update["exception_report"] = ExceptionReportOut(
            exceptions=[again(f) for f in exceptions.exceptions],
            successes=[again(f) for f in exceptions.successes],
            insufficient=[again(f) for f in exceptions.insufficient],
        )
        log = _log(protected)
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
        withheld_at_source=_at_source(report),
        footnote=policy.footnote,
        counts_shown=_shows_counts(report),
        log=[] if report.profile == "public" else log,
    )
    return report.model_copy(update=update)
