"""Small report documents built by hand for the disclosure checker's tests: a scorecard
of a few indicators with trends, charts and findings, shaped as the JSON carries them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpparent.families import RuleFamily
from corpparent.findings import Status
from corpparent.report.model import (
    ExceptionReportOut,
    Provenance,
    ScorecardReport,
    SuppressionNote,
)
from corpparent.report.parts import FindingOut, IndicatorOut, TrendPoint

WITHHELD_NOTE = "withheld (c) to protect the children concerned"


def point(period: str, value: float | None, numerator: float | None = None) -> TrendPoint:
    """A trend point; ``None`` is withheld (``c``)."""
    if value is None:
        return TrendPoint(period=period, value=None, symbol="c", note=WITHHELD_NOTE)
    return TrendPoint(period=period, value=value, numerator=numerator)


def indicator(id_: str, points: Sequence[tuple[str, float | None]] = (), *,
              kind: str = "count", unit: str = "child", polarity: str = "lower is better",
              value: float | None = None, **fields: Any) -> IndicatorOut:
    """An indicator with a trend of ``(period, value)`` points."""
    trend = fields.pop("trend", None) or [point(p, v) for p, v in points]
    return IndicatorOut(
        id=id_, name=id_.replace("_", " "), domain="Safety", kind=kind, polarity=polarity,
        unit=unit, unit_label="children" if unit == "child" else "%", value=value,
        value_text="c" if value is None else f"{value:g}", symbol="c" if value is None
        else None, status=None, trend=trend, **fields)


def finding(subject: str, family: RuleFamily, status: Status, period: str,
            evidence: dict[str, Any], outcome: str | None = None,
            rule: str | None = None) -> FindingOut:
    """A finding as a scorecard publishes it."""
    return FindingOut(subject=subject, rule=rule or family.value, family=family,
                      status=status, breach=status is Status.BREACHED,
                      explanation=f"{subject}: judged.", evidence=evidence, period=period,
                      outcome=outcome)


def scorecard(period: str, indicators: Sequence[IndicatorOut], *, history: int = 8,
              findings: Sequence[FindingOut] = ()) -> ScorecardReport:
    """A published scorecard for ``period``."""
    return ScorecardReport(
        title=f"Scorecard, {period}", authority="Anyshire", period=period, profile="public",
        suppression=SuppressionNote(applied=True, threshold=6),
        provenance=Provenance(corpparent_version="0.3", python_version="3.12",
                              options={"history": history}),
        indicators=list(indicators),
        exception_report=ExceptionReportOut(exceptions=list(findings), successes=[],
                                            insufficient=[]))
