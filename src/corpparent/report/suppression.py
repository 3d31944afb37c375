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

Everything the report says about a withheld figure is withdrawn with it
(:mod:`corpparent.report.disclosure.masking`): its judgements, whose words bound it
("better than expected" against a range of 2 to 9 says "below 2"), a direction of travel
from or to it, and a process chart with it among its points, whose mean and limits give
it back from the other points. The report gains a footnote and a log of what was
withheld or withdrawn and why (the log is left out of a ``public`` report: telling the
small count from the figures withheld to protect it would say which is small). Zero is
shown: it identifies no one. Ranges and targets set by the council are not counts of
children and are shown.

Suppression is on by default for HTML and Markdown (papers that may be published) and
off for JSON (data passed to another tool), and always on for the ``public`` profile.
"""

from __future__ import annotations

from typing import Final, TypeVar, final

from attrs import field, frozen

from corpparent.disclosure import Derived, Protected, Reason, Total, protect
from corpparent.errors import DefinitionError
from corpparent.report.build import summarise
from corpparent.report.disclosure.masking import (
    SUPPRESSED,
    Key,
    earlier_period,
    exception_report,
    mask_chart_findings,
    mask_finding,
    mask_indicator,
)
from corpparent.report.model import (
    BenchmarkReport,
    FindingsReport,
    ScorecardReport,
    SuppressionNote,
    WithheldOut,
)
from corpparent.report.parts import ComparatorOut, FindingOut, TrendPoint

__all__ = ["COUNT_UNIT", "DEFAULT_THRESHOLD", "SUPPRESSED", "Suppression", "suppress"]

#: The unit of counts of children, the figures that are suppressed.
COUNT_UNIT: Final = "child"
#: Counts from 1 to 5 are withheld by default.
DEFAULT_THRESHOLD: Final = 6

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


_REASONS: Final = {Reason.SMALL_COUNT: "small count",
                   Reason.DERIVED: "computed from a withheld count",
                   Reason.DIFFERENCING: "gives one away"}


def _figures(report: ScorecardReport, policy: Suppression) -> Protected[Key]:
    """The report's counts of children wherever it shows them (trend, headline, chart,
    the earlier value of a direction of travel, beside its comparators), the percentages
    and rates computed from a count read beside them, and its declared totals,
    protected."""
    values: dict[Key, float | None] = {}
    derived: list[Derived[Key]] = []
    for item in report.indicators:
        counted = item.unit == COUNT_UNIT
        for point in item.trend:
            key = ("value", item.id, point.period)
            if counted:
                values[key] = point.value
            elif point.numerator is not None:
                source = ("numerator", item.id, point.period)
                values[source] = point.numerator
                values[key] = point.value
                derived.append(Derived(key, source))
        if not counted:
            continue
        if report.period is not None:
            values.setdefault(("value", item.id, report.period), item.value)
        for charted in item.chart.points if item.chart is not None else ():
            if charted.period is not None:
                values.setdefault(("value", item.id, charted.period), charted.value)
        for finding in item.findings:
            earlier, value = earlier_period(finding), finding.evidence.get("earlier")
            if earlier is not None and isinstance(value, int | float):
                values.setdefault(("value", item.id, earlier), float(value))
        for point in item.beside:
            values.setdefault(("value", item.id, point.period), point.value)
    totals: list[Total[Key]] = []
    for item in report.indicators:
        for point in item.trend if item.parts else ():
            parts = tuple(("value", part, point.period) for part in item.parts)
            for key in parts:
                values.setdefault(key, None)
            totals.append(Total(("value", item.id, point.period), parts))
    return protect(values, totals=totals, derived=derived, threshold=policy.threshold)


def _withheld(report: ScorecardReport, protected: Protected[Key]) -> set[Key]:
    """The figures to withhold: those protected, and the authority's own years beside
    its comparators wherever a count of the indicator is withheld (a year is the sum of
    the quarters shown)."""
    withheld = set(protected.withheld_figures)
    for item in report.indicators:
        if item.unit == COUNT_UNIT and any(key[1] == item.id for key in withheld):
            withheld.update(("value", item.id, p.period) for p in item.beside)
    return withheld


def _log(protected: Protected[Key]) -> list[WithheldOut]:
    log = []
    for item in protected.withheld:
        kind, indicator, period = item.figure
        if kind != "value":
            continue  # a numerator read beside a percentage: its percentage is logged
        protects = item.protects
        log.append(WithheldOut(
            indicator=indicator, period=period, reason=_REASONS[item.reason],
            protects=None if protects is None else f"{protects[1]}, {protects[2]}"))
    return log


def _comparator(item: ComparatorOut, policy: Suppression) -> tuple[ComparatorOut, int]:
    history = [p.model_copy(update={"value": None, "symbol": SUPPRESSED})
               if policy.hides(p.value) else p for p in item.history]
    if not policy.hides(item.value):
        return item.model_copy(update={"history": history}), 0
    return item.model_copy(update={"value": None, "symbol": SUPPRESSED, "history": history}), 1


def _scorecard(report: ScorecardReport, policy: Suppression,
               ) -> tuple[dict[str, object], list[WithheldOut], int]:
    protected = _figures(report, policy)
    withheld = _withheld(report, protected)
    hidden = {key: value for key, value in protected.values.items() if key in withheld}
    log = _log(protected)
    count = 0
    indicators = []
    for item in report.indicators:
        masked, withdrawn, shown = mask_indicator(item, report.period, withheld, frozenset(),
                                                  hidden)
        if item.unit == COUNT_UNIT:
            comparators = [_comparator(c, policy) for c in masked.comparators]
            masked = masked.model_copy(update={"comparators": [c for c, _ in comparators]})
            shown += sum(n for _, n in comparators)
        indicators.append(masked)
        log += withdrawn
        count += shown
    update: dict[str, object] = {
        "indicators": indicators,
        "exception_report": exception_report(indicators),
        "summary": summarise(indicators),
    }
    return update, log, count


def _findings(report: FindingsReport, policy: Suppression) -> tuple[dict[str, object], int]:
    """A report of one process chart: a finding quoting a small count is withdrawn, and
    a chart of counts with a small one goes whole, with every finding read off it."""
    def quotes_small(finding: FindingOut) -> bool:
        numbers = [n for key in ("value", "earlier")
                   if isinstance(n := finding.evidence.get(key), int | float)]
        return finding.evidence.get("unit") == COUNT_UNIT and any(map(policy.hides, numbers))

    findings = [mask_finding(f) if quotes_small(f) else f for f in report.findings]
    count = sum(new is not old for new, old in zip(findings, report.findings, strict=True))
    update: dict[str, object] = {}
    chart = report.chart
    hidden = 0 if chart is None or chart.unit != COUNT_UNIT else sum(
        policy.hides(p.value) for p in chart.points)
    if hidden:
        count += hidden
        update["chart"] = None
        findings = mask_chart_findings(findings)
    update["findings"] = findings
    update["summary"] = summarise(findings)
    return update, count


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
    """A copy of ``report`` with small counts of children withheld, everything that would
    bound them withdrawn, and a footnote. A benchmark of published national statistics
    is returned as it is: its publishers withheld what they had to, and its banner says
    so."""
    if isinstance(report, BenchmarkReport):
        return report
    policy = policy or Suppression()
    log: list[WithheldOut] = []
    if isinstance(report, ScorecardReport):
        update, log, count = _scorecard(report, policy)
    else:
        update, count = _findings(report, policy)
    update["suppression"] = SuppressionNote(
        applied=True,
        threshold=policy.threshold,
        symbol=SUPPRESSED,
        withheld=count,
        withheld_at_source=_at_source(report),
        footnote=policy.footnote,
        counts_shown=_shows_counts(report),
        log=[] if report.profile == "public" else log,
    )
    return report.model_copy(update=update)
