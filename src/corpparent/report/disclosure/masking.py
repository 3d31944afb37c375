"""Withdraw from a report every figure withheld and everything said about it.

Disclosure control decides which figures a public report withholds (small counts, what
is computed from them, what would give them away) and which statements about figures it
withdraws (a process chart, a judgement whose wording bounds a figure).
`mask_scorecard` and `mask_findings` apply that decision to the report
document, deterministically, so that nothing left in it bounds a withheld figure:

* a withheld figure is shown as the symbol ``c`` wherever the report shows it: the trend,
  the headline value, the authority's own values beside its comparators;
* every finding about a withheld figure (its range, target, direction of travel,
  variation, assurance, comparison), and every finding that could not judge it but
  states it or a figure read off it ("3 children in 2023-09 is not judged against the
  range set for a quarter"), becomes ``insufficient data``, the status whose
  meaning includes "suppressed", with an explanation saying the figure is withheld and
  its bounding evidence (value, earlier value, change, bounds, target, mean, limits)
  withheld too: "better than expected" against a range of 2 to 9 says "below 2";
* a direction of travel goes when either of its two values is withheld: "no change"
  within 2 of a published 7 says "5 to 9";
* a process chart with any withheld point goes whole, with its mean and limits wherever
  they are shown (the variation and assurance, their findings, the process range and an
  expected range taken from it): the mean of twelve points and eleven of them give the
  twelfth;
* where the report period's value is withheld, the indicator's headline status and
  performance go with it;
* the exception report is sorted again from the findings that remain
  (`corpparent.report.exceptions.exception_report`), so its lists, their
  questions and the summary agree with them.

Each withdrawal is logged (the internal log; a public report prints none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from typing import Final

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.headline import headline_status
from corpparent.report.disclosure.relations import Key, period_of
from corpparent.report.model import WithheldOut
from corpparent.report.parts import FindingOut, IndicatorOut, TrendPoint

__all__ = [
    "CHART_WITHDRAWN",
    "CHART_WITHHELD",
    "SUPPRESSED",
    "WITHHELD_NOTE",
    "earlier_period",
    "mask_chart_findings",
    "mask_finding",
    "mask_indicator",
]

#: The official-statistics symbol for a value withheld to protect individuals.
SUPPRESSED: Final = "c"
#: How a figure withheld from a public report is noted: the same for every reason, so
#: that the note does not tell the small count from the figures that protect it.
WITHHELD_NOTE: Final = "withheld (c) to protect the children concerned"
#: What the log calls a process chart withdrawn.
CHART_WITHDRAWN: Final = "process chart"


# Evidence that names how a rule judged, not where the figure lies: kept.
_HARMLESS: Final = frozenset({"unit", "indicator", "tolerance", "direction", "trial"})
# The families whose findings are read off a process chart.
_PROCESS: Final = frozenset({RuleFamily.VARIATION, RuleFamily.ASSURANCE,
                             RuleFamily.SPECIAL_CAUSE, RuleFamily.PROCESS_LIMITS})
_LIMITS: Final = frozenset({"mean", "lower_limit", "upper_limit"})


def earlier_period(finding: FindingOut) -> str | None:
    """The period a direction of travel compares its finding's period with (the previous
    one, or the same one a year before); ``None`` for any other finding."""
    period = period_of(finding.period) if finding.family.is_travel else None
    if period is None:
        return None
    if finding.family is RuleFamily.TRAVEL_SINCE_LAST_YEAR:
        return str(period.same_period_last_year())
    return str(period.previous())


#: Why a finding read off a process chart is withdrawn when its own figure is shown.
CHART_WITHHELD: Final = "its process chart is withheld, as a point of it is"


def mask_finding(finding: FindingOut, why: str | None = None) -> FindingOut:
    """``finding`` withdrawn: insufficient data, saying its figure is withheld (or
    ``why`` it is withdrawn, where its own figure is shown: its process chart is
    withheld), with every piece of evidence that would place a withheld figure withheld
    too."""
    evidence: dict[str, EvidenceValue] = {
        key: (value if key in _HARMLESS else SUPPRESSED)
        for key, value in finding.evidence.items()
    }
    period = f" for {finding.period}" if finding.period else ""
    said = (f"{finding.display_subject}: figure{period} withheld ({SUPPRESSED})."
            if why is None else
            f"{finding.display_subject}: not judged{period}: {why} ({SUPPRESSED}).")
    return finding.model_copy(update={
        "status": Status.INSUFFICIENT_DATA,
        "breach": False,
        "outcome": NotJudged.INSUFFICIENT_DATA.value,
        "evidence": evidence,
        "explanation": said,
    })


def _quotes(finding: FindingOut) -> bool:
    """Whether ``finding`` states a figure (its evidence holds one): a judgement does,
    and so may a finding that could not judge ("3 children in 2023-09 is not judged
    against the range set for a quarter"; "7 in March is not judged: the limits ...")."""
    return any(isinstance(value, int | float) and not isinstance(value, bool)
               for key, value in finding.evidence.items() if key not in _HARMLESS)


def _is_process(finding: FindingOut) -> bool:
    return finding.family in _PROCESS or bool(_LIMITS & finding.evidence.keys())


def mask_chart_findings(findings: Sequence[FindingOut]) -> list[FindingOut]:
    """The findings of a report whose process chart is withdrawn: those read off the
    chart (variation, assurance, any giving its mean or limits) withdrawn with it."""
    return [mask_finding(f, CHART_WITHHELD) if _is_process(f) else f for f in findings]


class _Withdrawal:
    """What one indicator loses: its withheld periods, its withdrawn statements, and the
    log of both."""

    def __init__(self, item: IndicatorOut, withheld: Set[Key], dropped: Set[Key],
                 hidden: Mapping[Key, float | None]) -> None:
        self.item = item
        self.withheld = withheld
        self.dropped = dropped
        self.values = {v for key, v in hidden.items() if key[1:2] == (item.id,)
                       and key[0] == "value" and v is not None}
        self.log: list[WithheldOut] = []

    def holds(self, period: str | None) -> bool:
        return period is not None and ("value", self.item.id, period) in self.withheld

    def chart_goes(self) -> bool:
        chart = self.item.chart
        if ("chart", self.item.id) in self.dropped:
            return True
        return chart is not None and any(self.holds(p.period) for p in chart.points)

    def finding_goes(self, finding: FindingOut, chart_goes: bool) -> tuple[bool, str | None]:
        """Whether ``finding`` is withdrawn, and why where its own figure is shown
        (``None``: a figure it states or bounds is withheld)."""
        if ("finding", self.item.id, finding.period or "", finding.rule) in self.dropped:
            return True, None
        if self.holds(finding.period) or self.holds(earlier_period(finding)):
            return True, None
        numbers = [float(n) for key in ("value", "earlier")
                   if isinstance(n := finding.evidence.get(key), int | float)
                   and not isinstance(n, bool)]
        if any(n in self.values for n in numbers):
            return True, None
        if chart_goes and (_is_process(finding) or (
                finding.family is RuleFamily.EXPECTED_RANGE
                and self.item.expected_range is not None
                and self.item.expected_range.from_process)):
            return True, CHART_WITHHELD
        return False, None

    def withdrawn(self, period: str | None, what: str) -> None:
        self.log.append(WithheldOut(indicator=self.item.id, period=period or "",
                                    reason="withdrawn", statement=what))


def _point(point: TrendPoint, withheld: bool, numerator_withheld: bool) -> TrendPoint:
    if withheld:
        return point.model_copy(update={"value": None, "symbol": SUPPRESSED,
                                        "numerator": None, "note": WITHHELD_NOTE})
    if numerator_withheld:
        return point.model_copy(update={"numerator": None})
    return point


def mask_indicator(item: IndicatorOut, period: str | None, withheld: Set[Key],
                   dropped: Set[Key], hidden: Mapping[Key, float | None],
                   ) -> tuple[IndicatorOut, list[WithheldOut], int]:
    """``item`` with its ``withheld`` figures shown as ``c`` and every statement about
    them withdrawn; with the log of what was withdrawn, and how many values were
    withheld. ``hidden`` holds the withheld figures' values, so that a finding quoting
    one under another period goes too."""
    work = _Withdrawal(item, withheld, dropped, hidden)
    chart_goes = work.chart_goes()
    shown = 0

    def point(p: TrendPoint) -> TrendPoint:
        nonlocal shown
        gone = work.holds(p.period)
        shown += gone and p.value is not None
        return _point(p, gone, ("numerator", item.id, p.period) in withheld)

    trend = [point(p) for p in item.trend]
    update: dict[str, object] = {"beside": [point(p) for p in item.beside]}
    findings = []
    for finding in item.findings:
        goes, why = work.finding_goes(finding, chart_goes)
        if goes and (finding.status is not Status.INSUFFICIENT_DATA or _quotes(finding)):
            work.withdrawn(finding.period, finding.rule)
            finding = mask_finding(finding, why)
        findings.append(finding)
    update["findings"] = findings
    if chart_goes:
        if item.chart is not None:
            work.withdrawn(period, CHART_WITHDRAWN)
        update.update(chart=None, variation=None, assurance=None, process_range=None)
        if item.expected_range is None or item.expected_range.from_process:
            update["performance"] = None  # "as expected" said against the process limits
        if item.expected_range is not None and item.expected_range.from_process:
            update["expected_range"] = None  # the process limits, at every point too
            trend = [p.model_copy(update={"lower": None, "upper": None}) for p in trend]
    update["trend"] = trend
    if work.holds(period):
        update.update(value=None, value_text=SUPPRESSED, symbol=SUPPRESSED, performance=None,
                      variation=None, assurance=None, process_range=None)
    if work.log:  # the headline of what is left: insufficient data where the value went
        update["status"] = headline_status(
            [Finding(f.subject, f.rule, f.status, f.explanation, family=f.family,
                     evidence=f.evidence)  # which length of period a bound is for
             for f in findings], has_value=not work.holds(period) and item.value is not None)
    return item.model_copy(update=update), work.log, shown


