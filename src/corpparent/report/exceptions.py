"""The panel's exception report, made from a report's indicators.

One function makes it, for a scorecard's report as built and again after disclosure
control withdrew findings, so the two never sort differently: the findings are sorted as
the scorecard sorts them (`corpparent.exception_sorting.sort_findings`), each
indicator at most once in each list, and each exception carries the questions the panel
may ask about it ([`corpparent.questions.panel_questions`][corpparent.questions.panel_questions]),
from the rules it broke and the indicator's own questions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from corpparent.exception_sorting import is_exception, sort_findings
from corpparent.findings import Status
from corpparent.questions import panel_questions
from corpparent.report.model import ExceptionReportOut
from corpparent.report.parts import FindingOut, IndicatorOut
from corpparent.spc.signals import Nature, Variation

__all__ = ["exception_report"]

_CONCERNS: Final = frozenset(v.value for v in Variation if v.nature is Nature.CONCERN)


def _concern(finding: FindingOut) -> bool:
    return finding.outcome in _CONCERNS


def exception_report(indicators: Iterable[IndicatorOut]) -> ExceptionReportOut:
    """The exception report of these indicators' findings: exceptions, successes and
    insufficient data, each exception with the questions the panel may ask."""
    items = list(indicators)
    exceptions, successes, insufficient = sort_findings(
        ((item.findings, item.status is Status.INSUFFICIENT_DATA) for item in items),
        concern=_concern,
        explained=lambda f, text: f.model_copy(update={"explanation": text}))
    by_id = {item.id: item for item in items}
    asked = []
    for entry in exceptions:  # each an indicator's joined findings, its id the subject
        item = by_id[entry.subject]
        families = [f.family for f in item.findings if is_exception(f, concern=_concern)]
        asked.append(entry.model_copy(update={"questions": list(panel_questions(
            item.name, families, item.questions))}))
    return ExceptionReportOut(exceptions=asked, successes=successes,
                              insufficient=insufficient)
