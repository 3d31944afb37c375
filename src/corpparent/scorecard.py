"""The panel's scorecard and the exception report it receives.

Wiltshire's Corporate Parenting Panel scorecard "provides a single view of indicators
broken down into 8 domains", and "at each meeting, an exception report is presented by
the Head of Service for those indicators which are outside the expected range or below
the required target level and successes are acknowledged" (annual report 2022-23, §12a).

:meth:`Scorecard.assess` judges every indicator of an :class:`IndicatorSet` for one
period: its value (read directly, or aggregated from shorter periods), its position
against the expected range set for that period, each target, and its direction of
travel against the previous period and the same period last year. Each judgement is a
:class:`~corpparent.findings.Finding`; :meth:`ScorecardResult.exception_report` sorts
them into exceptions, successes and gaps in the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import final

from attrs import field, frozen

from corpparent.findings import Finding, Rule, Status
from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.ranges import (
    ExpectedRange,
    Performance,
    Position,
    Target,
    Travel,
    direction_of_travel,
    performance,
)

__all__ = [
    "ExceptionReport",
    "ExpectedRangeRule",
    "IndicatorAssessment",
    "Observation",
    "Scorecard",
    "ScorecardResult",
    "TargetRule",
    "TravelRule",
]


@final
@frozen
class Observation:
    """What a scorecard knows of one indicator in one period: the value and the two
    values it is compared with (each a number or the reason it is missing)."""

    indicator: Indicator
    period: Period
    value: float | Unavailable
    previous: float | Unavailable
    last_year: float | Unavailable


def _insufficient(rule: str, observation: Observation, reason: str) -> Finding:
    indicator = observation.indicator
    return Finding(
        subject=indicator.id,
        rule=rule,
        status=Status.INSUFFICIENT_DATA,
        explanation=f"{indicator.name}: insufficient data for {observation.period}: {reason}.",
        evidence={"indicator": indicator.id},
        period=observation.period,
        outcome="insufficient data",
    )


_RANGE_STATUS = {
    Performance.AS_EXPECTED: Status.MET,
    Performance.BETTER: Status.EXCEEDED,
    Performance.WORSE: Status.BREACHED,
    Performance.OUTSIDE: Status.WARNING,
}


@final
@frozen
class ExpectedRangeRule(Rule[Observation]):
    """Judges an observation against its expected range, by the indicator's polarity."""

    expected: ExpectedRange

    @property
    def name(self) -> str:
        return "expected range"

    def evaluate(self, subject: Observation, /) -> Finding:
        value = subject.value
        if isinstance(value, Unavailable):
            return _insufficient(self.name, subject, value.reason)
        indicator, expected = subject.indicator, self.expected
        position = expected.position(value)
        judged = performance(indicator.polarity, position)
        bounds = indicator.format_range(expected.lower, expected.upper)
        where = "within" if position is Position.WITHIN else f"{position}"
        explanation = (
            f"{indicator.name}: {indicator.format(value)} in {subject.period} is {where} the "
            f"expected range of {bounds} set for {expected.period}"
        )
        if position is not Position.WITHIN and judged is not Performance.OUTSIDE:
            explanation += f", {judged} ({indicator.polarity})"
        return Finding(
            subject=indicator.id,
            rule=self.name,
            status=_RANGE_STATUS[judged],
            explanation=explanation + ".",
            evidence={
                "value": value,
                "lower": expected.lower,
                "upper": expected.upper,
                "unit": indicator.unit,
                "position": position.value,
            },
            period=subject.period,
            outcome=judged.value,
        )


@final
@frozen
class TargetRule(Rule[Observation]):
    """Judges an observation against a target (a breach) or an ambition (a warning)."""

    target: Target

    @property
    def name(self) -> str:
        return "ambition" if self.target.ambition else "target"

    def evaluate(self, subject: Observation, /) -> Finding:
        value = subject.value
        if isinstance(value, Unavailable):
            return _insufficient(self.name, subject, value.reason)
        indicator, target = subject.indicator, self.target
        met = target.is_met(value)
        shortfall = Status.WARNING if target.ambition else Status.BREACHED
        verb = "meets" if met else "falls short of"
        return Finding(
            subject=indicator.id,
            rule=self.name,
            status=Status.MET if met else shortfall,
            explanation=(
                f"{indicator.name}: {indicator.format(value)} in {subject.period} {verb} the "
                f"{self.name} of {target.direction} {indicator.format(target.value)}."
            ),
            evidence={
                "value": value,
                "target": target.value,
                "direction": target.direction.value,
                "unit": indicator.unit,
            },
            period=subject.period,
            outcome="met" if met else f"below {self.name}",
        )


_TRAVEL_STATUS = {
    Travel.IMPROVED: Status.MET,
    Travel.NO_CHANGE: Status.MET,
    Travel.ROSE: Status.MET,
    Travel.FELL: Status.MET,
    Travel.WORSENED: Status.WARNING,
}


@final
@frozen
class TravelRule(Rule[Observation]):
    """Direction of travel against the previous period or the same period last year.

    A change no larger than ``tolerance`` (in the indicator's unit) is no change.
    """

    against_last_year: bool = False
    tolerance: float = 0.0

    @property
    def name(self) -> str:
        return "travel since last year" if self.against_last_year else "travel since last period"

    def evaluate(self, subject: Observation, /) -> Finding:
        indicator = subject.indicator
        earlier_period = (
            subject.period.same_period_last_year()
            if self.against_last_year
            else subject.period.previous()
        )
        earlier = subject.last_year if self.against_last_year else subject.previous
        if isinstance(subject.value, Unavailable):
            return _insufficient(self.name, subject, subject.value.reason)
        if isinstance(earlier, Unavailable):
            return _insufficient(self.name, subject, earlier.reason)
        travel = direction_of_travel(indicator.polarity, subject.value, earlier, self.tolerance)
        return Finding(
            subject=indicator.id,
            rule=self.name,
            status=_TRAVEL_STATUS[travel],
            explanation=(
                f"{indicator.name}: {travel} from {indicator.format(earlier)} in "
                f"{earlier_period} to {indicator.format(subject.value)} in {subject.period}."
            ),
            evidence={
                "value": subject.value,
                "earlier": earlier,
                "change": subject.value - earlier,
                "tolerance": self.tolerance,
                "unit": indicator.unit,
            },
            period=subject.period,
            outcome=travel.value,
        )


@final
@frozen
class IndicatorAssessment:
    """Every finding about one indicator in one period."""

    observation: Observation
    findings: tuple[Finding, ...]
    expected: ExpectedRange | None = None

    @property
    def indicator(self) -> Indicator:
        """The indicator judged."""
        return self.observation.indicator

    @property
    def value(self) -> float | None:
        """The value, or ``None`` when it could not be had."""
        value = self.observation.value
        return None if isinstance(value, Unavailable) else value

    def finding(self, rule: str) -> Finding | None:
        """The finding of the rule named ``rule``, if it was applied."""
        return next((f for f in self.findings if f.rule == rule), None)

    @property
    def performance(self) -> Performance | None:
        """Better, as expected, worse or outside range; ``None`` without range or value."""
        found = self.finding("expected range")
        if found is None or found.status is Status.INSUFFICIENT_DATA or found.outcome is None:
            return None
        return Performance(found.outcome)


@final
@frozen
class ExceptionReport:
    """What the panel receives: exceptions, successes, and what could not be judged.

    ``exceptions`` are the range findings outside the expected range (better or worse)
    and the targets not met; ``successes`` are results better than expected, and
    improvements since the last period; ``insufficient`` lists the gaps in the data.
    """

    period: Period
    exceptions: tuple[Finding, ...]
    successes: tuple[Finding, ...]
    insufficient: tuple[Finding, ...]

    def __str__(self) -> str:
        lines = [f"Exception report for {self.period}"]
        for title, items in (
            ("Outside expected range or below target", self.exceptions),
            ("Successes", self.successes),
            ("Insufficient data", self.insufficient),
        ):
            lines.append("")
            lines.append(f"{title} ({len(items)})")
            lines.extend(f"  [{f.status}] {f.explanation}" for f in items)
            if not items:
                lines.append("  none")
        return "\n".join(lines)


@final
@frozen
class ScorecardResult:
    """A scorecard assessed for one period."""

    period: Period
    assessments: tuple[IndicatorAssessment, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, indicator by indicator."""
        return tuple(f for a in self.assessments for f in a.findings)

    def __getitem__(self, indicator_id: str) -> IndicatorAssessment:
        for assessment in self.assessments:
            if assessment.indicator.id == indicator_id:
                return assessment
        raise KeyError(indicator_id)

    def exception_report(self) -> ExceptionReport:
        """Sort the findings as the panel's exception report does."""
        exceptions: list[Finding] = []
        successes: list[Finding] = []
        insufficient: list[Finding] = []
        for finding in self.findings:
            if finding.status is Status.INSUFFICIENT_DATA:
                if finding.rule in ("expected range", "target"):
                    insufficient.append(finding)
                continue
            outside = finding.rule == "expected range" and finding.status is not Status.MET
            below_target = finding.rule == "target" and finding.status is Status.BREACHED
            if outside or below_target:
                exceptions.append(finding)
            if finding.status is Status.EXCEEDED or finding.outcome == Travel.IMPROVED.value:
                successes.append(finding)
        return ExceptionReport(
            period=self.period,
            exceptions=tuple(exceptions),
            successes=tuple(successes),
            insufficient=tuple(insufficient),
        )


@final
@frozen
class Scorecard:
    """Assesses an indicator set's readings for a period.

    ``tolerances`` gives, per indicator id, the change (in the indicator's unit) below
    which the direction of travel is "no change"; ``default_tolerance`` applies to the
    rest.
    """

    indicators: IndicatorSet
    default_tolerance: float = 0.0
    tolerances: Mapping[str, float] = field(factory=dict)

    def observe(self, indicator: Indicator, readings: Readings, period: Period) -> Observation:
        """The indicator's value for ``period`` and the values it is compared with."""
        return Observation(
            indicator=indicator,
            period=period,
            value=value_for(indicator, readings, period),
            previous=value_for(indicator, readings, period.previous()),
            last_year=value_for(indicator, readings, period.same_period_last_year()),
        )

    def rules_for(self, indicator: Indicator, period: Period) -> tuple[Rule[Observation], ...]:
        """The rules that apply to ``indicator`` in ``period``."""
        rules: list[Rule[Observation]] = []
        expected = self.indicators.range_for(indicator.id, period)
        if expected is not None:
            rules.append(ExpectedRangeRule(expected))
        rules.extend(TargetRule(t) for t in self.indicators.targets_for(indicator.id, period))
        tolerance = self.tolerances.get(indicator.id, self.default_tolerance)
        rules.append(TravelRule(against_last_year=False, tolerance=tolerance))
        rules.append(TravelRule(against_last_year=True, tolerance=tolerance))
        return tuple(rules)

    def assess(self, readings: Readings, period: Period) -> ScorecardResult:
        """Judge every indicator for ``period``."""
        assessments = []
        for indicator in self.indicators:
            observation = self.observe(indicator, readings, period)
            rules = self.rules_for(indicator, period)
            assessments.append(
                IndicatorAssessment(
                    observation=observation,
                    findings=tuple(rule.evaluate(observation) for rule in rules),
                    expected=next(
                        (r.expected for r in rules if isinstance(r, ExpectedRangeRule)), None
                    ),
                )
            )
        return ScorecardResult(period=period, assessments=tuple(assessments))
