"""Small-number suppression for reports meant for the public.

Official statistics withhold small counts of people so that no child can be identified,
writing the symbol ``c`` ("confidential") in the cell instead (GSS guidance on symbols
in tables; the symbol corpparent reads in DfE files, see `corpparent.symbols`), and
"secondary suppression may be required" (the DfE's methodology for its children looked
after statistics). [`suppress`][corpparent.report.suppression.suppress] does the same to a scorecard
through [`corpparent.disclosure.protect`][corpparent.disclosure.protect]:

* primary: every count of children from 1 to ``threshold - 1`` becomes ``c``, and so
  does every percentage or rate whose numerator (where it was read) is withheld;
* secondary: where an indicator is declared the sum of others (``Indicator.parts``), in
  any period of the trend, enough other figures are withheld that none can be worked out
  by differencing.

Everything the report says about a withheld figure is withdrawn with it
(`corpparent.report.disclosure.masking`): its judgements, whose words bound it
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

from collections.abc import Collection, Mapping
from typing import Final, TypeVar, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.report.build import summarise
from corpparent.report.disclosure.masking import (
    SUPPRESSED,
    mask_chart_findings,
    mask_finding,
    mask_indicator,
)
from corpparent.report.disclosure.protection import COUNT_UNIT, decide
from corpparent.report.disclosure.relations import Key
from corpparent.report.exceptions import exception_report
from corpparent.report.model import (
    BenchmarkReport,
    FindingsReport,
    ScorecardReport,
    SuppressionNote,
    WithheldOut,
)
from corpparent.report.parts import ComparatorOut, FindingOut, TrendPoint

__all__ = ["COUNT_UNIT", "DEFAULT_THRESHOLD", "SUPPRESSED", "Suppression", "suppress"]

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


def _comparator(item: ComparatorOut, policy: Suppression) -> tuple[ComparatorOut, int]:
    history = [p.model_copy(update={"value": None, "symbol": SUPPRESSED})
               if policy.hides(p.value) else p for p in item.history]
    if not policy.hides(item.value):
        return item.model_copy(update={"history": history}), 0
    return item.model_copy(update={"value": None, "symbol": SUPPRESSED, "history": history}), 1


def _scorecard(report: ScorecardReport, policy: Suppression,
               published: Mapping[Key, float] | None, withheld_before: Collection[Key],
               ) -> tuple[dict[str, object], list[WithheldOut], int]:
    decision = decide(report, policy.threshold, published, withheld_before)
    log = list(decision.log)
    count = 0
    indicators = []
    for item in report.indicators:
        masked, withdrawn, shown = mask_indicator(item, report.period, decision.withheld,
                                                  decision.dropped, decision.hidden)
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


def _findings(report: FindingsReport, policy: Suppression, withheld_before: Collection[Key],
              ) -> tuple[dict[str, object], int]:
    """A report of one process chart: a finding quoting a small count is withdrawn, and
    a chart of counts with a small one, or with a point an earlier paper withheld, goes
    whole, with every finding read off it."""
    def quotes_small(finding: FindingOut) -> bool:
        numbers = [n for key in ("value", "earlier")
                   if isinstance(n := finding.evidence.get(key), int | float)]
        return finding.evidence.get("unit") == COUNT_UNIT and any(map(policy.hides, numbers))

    findings = [mask_finding(f) if quotes_small(f) else f for f in report.findings]
    count = sum(new is not old for new, old in zip(findings, report.findings, strict=True))
    update: dict[str, object] = {}
    chart = report.chart
    subject = next((f.subject for f in report.findings
                    if f.family is RuleFamily.VARIATION), None)
    before = {key[2] for key in withheld_before
              if len(key) == 3 and key[0] == "value" and key[1] == subject}
    hidden = 0 if chart is None else sum(
        (chart.unit == COUNT_UNIT and policy.hides(p.value)) or p.period in before
        for p in chart.points)
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
    data withheld as published, counted where [`suppress`][corpparent.report.suppression.suppress]
    counts its own."""
    if not isinstance(report, ScorecardReport):
        return 0
    shown: list[TrendPoint | ComparatorOut] = []
    for item in report.indicators:
        shown += [*item.trend, *item.beside, *item.comparators]
    return sum(point.value is None and point.symbol == SUPPRESSED for point in shown)


def suppress(report: R, policy: Suppression | None = None, *,
             published: Mapping[Key, float] | None = None,
             withheld_before: Collection[Key] = ()) -> R:
    """A copy of ``report`` with small counts of children withheld, everything that would
    bound them withdrawn, and a footnote. A benchmark of published national statistics
    is returned as it is: its publishers withheld what they had to, and its banner says
    so.

    ``published``: figures a reader already has, by key (``("value", indicator,
    period)``, ``("numerator", ...)``): a disclosure record of the authority's earlier
    papers, or the DfE's published figures. They are never withheld, and nothing they
    would give away with this report is published. ``withheld_before``: the keys of the
    figures earlier public papers withheld; they are withheld here too, so that a figure
    withheld there only to protect another does not give the other away from here."""
    if isinstance(report, BenchmarkReport):
        return report
    policy = policy or Suppression()
    log: list[WithheldOut] = []
    if isinstance(report, ScorecardReport):
        update, log, count = _scorecard(report, policy, published, withheld_before)
    else:
        update, count = _findings(report, policy, withheld_before)
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
