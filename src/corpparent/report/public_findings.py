"""What a paper for publication says of a judgement its source does not support.

A range or target set for a year that does not say the length of period it is for
(a quarter's figure, or a year's) is judged, for the officers, as for the shortest
period read in that year, and the finding's evidence says how the authority's plug-in
would say which (`corpparent.indicator_rules.LENGTH_UNSAID`). That judgement rests on an
assumption its source does not make, and the how-to is for whoever keeps the plug-in,
not for a councillor or the public. So a ``public`` report says instead that the
indicator is not judged against that range or target, and why: its headline, its
exception report and its summary counts follow, as they do when disclosure control
withdraws a finding. The ``internal`` and ``private`` reports keep the judgement.
"""

from __future__ import annotations

from typing import TypeVar

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.headline import headline_status
from corpparent.indicator_rules import LENGTH_UNSAID
from corpparent.report.build import summarise
from corpparent.report.exceptions import exception_report
from corpparent.report.model import FindingsReport, ScorecardReport
from corpparent.report.parts import FindingOut, IndicatorOut

__all__ = ["for_publication"]

P = TypeVar("P", ScorecardReport, FindingsReport)


def _not_judged(finding: FindingOut, lead: str) -> FindingOut:
    """``finding`` said not to be judged; ``lead`` names the figure (``Children ...: 10
    per 10,000 children in 2022-23 Q4``)."""
    evidence = {key: item for key, item in finding.evidence.items() if key != LENGTH_UNSAID}
    return finding.model_copy(update={
        "status": Status.INSUFFICIENT_DATA, "breach": False,
        "outcome": NotJudged.INSUFFICIENT_DATA.value, "evidence": evidence,
        "explanation": f"{lead} is not judged against the {finding.rule}: the "
                       f"{finding.rule} does not say which length of period it is for."})


def _when(finding: FindingOut) -> str:
    return f" in {finding.period}" if finding.period else ""


def _indicator(item: IndicatorOut) -> IndicatorOut:
    if not any(LENGTH_UNSAID in f.evidence for f in item.findings):
        return item
    findings = [_not_judged(f, f"{item.name}: {item.value_text}{_when(f)}")
                if LENGTH_UNSAID in f.evidence else f for f in item.findings]
    update: dict[str, object] = {"findings": findings, "status": headline_status(
        [Finding(f.subject, f.rule, f.status, f.explanation, family=f.family)
         for f in findings], has_value=item.value is not None)}
    if any(LENGTH_UNSAID in f.evidence and f.family is RuleFamily.EXPECTED_RANGE
           for f in item.findings):
        update["performance"] = None  # the range's verdict, no longer given
    return item.model_copy(update=update)


def for_publication(report: P) -> P:
    """``report`` as a ``public`` paper says it: each finding judged on a length of
    period its range or target does not state, said not to be judged (see the module)."""
    if isinstance(report, ScorecardReport):
        indicators = [_indicator(item) for item in report.indicators]
        if all(new is old for new, old in zip(indicators, report.indicators, strict=True)):
            return report
        return report.model_copy(update={"indicators": indicators,
                                         "exception_report": exception_report(indicators),
                                         "summary": summarise(indicators)})
    if not any(LENGTH_UNSAID in f.evidence for f in report.findings):
        return report
    findings = [_not_judged(f, f"{f.display_subject}: the figure{_when(f)}")
                if LENGTH_UNSAID in f.evidence else f for f in report.findings]
    return report.model_copy(update={"findings": findings, "summary": summarise(findings)})
