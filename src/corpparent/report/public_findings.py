"""What a paper for publication leaves out of a finding: how to mend its source.

Some findings carry, in their evidence, how whoever keeps the authority's plug-in or the
committee's records would put the source right: how a plug-in says the length of period
a range or target is for (`corpparent.indicator_rules.LENGTH_UNSAID`), how to correct an
attendance record (`corpparent.governance.attendees.PUT_RIGHT`). That is for officers,
not for a councillor or the public, who cannot act on it: a ``public`` report leaves it
out. What a finding judges, and what it assumed to judge it, is the same in every
profile: a profile decides what a paper discloses, never its verdicts, so the public
paper, the officers' copy and every format agree on each finding and every count.
"""

from __future__ import annotations

from typing import Final, TypeVar

from corpparent.governance.attendees import PUT_RIGHT
from corpparent.indicator_rules import LENGTH_UNSAID
from corpparent.report.model import FindingsReport, ScorecardReport
from corpparent.report.parts import FindingOut, IndicatorOut

__all__ = ["FOR_KEEPERS", "for_publication"]

#: The evidence keys whose values are for whoever keeps a source, not a paper's reader.
FOR_KEEPERS: Final = frozenset({LENGTH_UNSAID, PUT_RIGHT})

P = TypeVar("P", ScorecardReport, FindingsReport)


def _for_readers(finding: FindingOut) -> FindingOut:
    if FOR_KEEPERS.isdisjoint(finding.evidence):
        return finding
    evidence = {key: item for key, item in finding.evidence.items() if key not in FOR_KEEPERS}
    return finding.model_copy(update={"evidence": evidence})


def _indicator(item: IndicatorOut) -> IndicatorOut:
    findings = [_for_readers(f) for f in item.findings]
    if all(new is old for new, old in zip(findings, item.findings, strict=True)):
        return item
    return item.model_copy(update={"findings": findings})


def for_publication(report: P) -> P:
    """``report`` as a ``public`` paper gives it: each finding's evidence without what
    is for a source's keeper (`FOR_KEEPERS`); its verdicts and counts unchanged."""
    if isinstance(report, ScorecardReport):
        indicators = [_indicator(item) for item in report.indicators]
        if all(new is old for new, old in zip(indicators, report.indicators, strict=True)):
            return report
        return report.model_copy(update={"indicators": indicators})
    findings = [_for_readers(f) for f in report.findings]
    if all(new is old for new, old in zip(findings, report.findings, strict=True)):
        return report
    return report.model_copy(update={"findings": findings})
