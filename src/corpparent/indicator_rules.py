"""The rules a scorecard applies to each indicator: expected range, target, travel.

An :class:`Observation` is what a scorecard knows of one indicator in one period. Three
rules judge it, each a :class:`~corpparent.findings.Rule` making one
:class:`~corpparent.findings.Finding`: :class:`ExpectedRangeRule` ("outside the expected
range"), :class:`TargetRule` ("below the required target level") and
:class:`TravelRule` (the direction of travel against the previous period or the same
period last year), after Wiltshire's scorecard and exception report (annual report
2022-23, §12a). A value that could not be had is a finding of insufficient data.
"""

from __future__ import annotations

from typing import final

from attrs import frozen

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period
from corpparent.ranges import (
    ExpectedRange,
    Performance,
    Position,
    Target,
    TargetOutcome,
    Travel,
    direction_of_travel,
    performance,
)

__all__ = ["ExpectedRangeRule", "Observation", "TargetRule", "TravelRule"]


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


def _insufficient(rule: Rule[Observation], observation: Observation, reason: str) -> Finding:
    indicator = observation.indicator
    return Finding(
        subject=indicator.id,
        subject_name=indicator.name,
        rule=rule.name,
        family=rule.family,
        status=Status.INSUFFICIENT_DATA,
        explanation=f"{indicator.name}: insufficient data for {observation.period}: {reason}.",
        evidence={"indicator": indicator.id},
        period=observation.period,
        outcome=NotJudged.INSUFFICIENT_DATA,
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
    from_process: bool = False
    """Whether the range is the process limits of the indicator's own history (see
    :func:`corpparent.spc.process_range`) rather than one set by hand."""

    @property
    def name(self) -> str:
        return "expected range (process limits)" if self.from_process else "expected range"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.EXPECTED_RANGE

    def evaluate(self, subject: Observation, /) -> Finding:
        value = subject.value
        if isinstance(value, Unavailable):
            return _insufficient(self, subject, value.reason)
        indicator, expected = subject.indicator, self.expected
        position = expected.position(value)
        judged = performance(indicator.polarity, position)
        bounds = indicator.format_range(expected.lower, expected.upper)
        where = "within" if position is Position.WITHIN else f"{position}"
        origin = (f"given by the {expected.source}" if self.from_process
                  else f"set for {expected.period}")
        explanation = (
            f"{indicator.name}: {indicator.format(value)} in {subject.period} is {where} the "
            f"expected range of {bounds} {origin}"
        )
        if position is not Position.WITHIN and judged is not Performance.OUTSIDE:
            explanation += f", {judged} ({indicator.polarity})"
        return Finding(
            subject=indicator.id,
            subject_name=indicator.name,
            rule=self.name,
            family=self.family,
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
            outcome=judged,
        )


@final
@frozen
class TargetRule(Rule[Observation]):
    """Judges an observation against a target (a breach) or an ambition (a warning)."""

    target: Target

    @property
    def name(self) -> str:
        return "ambition" if self.target.ambition else "target"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.AMBITION if self.target.ambition else RuleFamily.TARGET

    def evaluate(self, subject: Observation, /) -> Finding:
        value = subject.value
        if isinstance(value, Unavailable):
            return _insufficient(self, subject, value.reason)
        indicator, target = subject.indicator, self.target
        met = target.is_met(value)
        shortfall = Status.WARNING if target.ambition else Status.BREACHED
        verb = "meets" if met else "falls short of"
        below = TargetOutcome.BELOW_AMBITION if target.ambition else TargetOutcome.BELOW_TARGET
        return Finding(
            subject=indicator.id,
            subject_name=indicator.name,
            rule=self.name,
            family=self.family,
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
            outcome=TargetOutcome.MET if met else below,
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

    @property
    def family(self) -> RuleFamily:
        if self.against_last_year:
            return RuleFamily.TRAVEL_SINCE_LAST_YEAR
        return RuleFamily.TRAVEL_SINCE_LAST_PERIOD

    def evaluate(self, subject: Observation, /) -> Finding:
        indicator = subject.indicator
        earlier_period = (
            subject.period.same_period_last_year()
            if self.against_last_year
            else subject.period.previous()
        )
        earlier = subject.last_year if self.against_last_year else subject.previous
        if isinstance(subject.value, Unavailable):
            return _insufficient(self, subject, subject.value.reason)
        if isinstance(earlier, Unavailable):
            return _insufficient(self, subject, earlier.reason)
        travel = direction_of_travel(indicator.polarity, subject.value, earlier, self.tolerance)
        return Finding(
            subject=indicator.id,
            subject_name=indicator.name,
            rule=self.name,
            family=self.family,
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
            outcome=travel,
        )
