"""The panel's scorecard and the exception report it receives.

Wiltshire's Corporate Parenting Panel scorecard "provides a single view of indicators
broken down into 8 domains", and "at each meeting, an exception report is presented by
the Head of Service for those indicators which are outside the expected range or below
the required target level and successes are acknowledged" (annual report 2022-23, §12a).

:meth:`Scorecard.assess` judges every indicator of an :class:`IndicatorSet` for one
period: its value (read directly, or aggregated from shorter periods), its position
against the expected range set for that period, each target, and its direction of
travel against the previous period and the same period last year, by the rules of
:mod:`corpparent.indicator_rules`. Each judgement is a
:class:`~corpparent.findings.Finding`; :meth:`ScorecardResult.exception_report` sorts
them into exceptions, successes and gaps in the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import final

from attrs import field, frozen

from corpparent.errors import UnknownIndicatorError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.indicator_rules import ExpectedRangeRule, Observation, TargetRule, TravelRule
from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.ranges import ExpectedRange, Performance, Travel

__all__ = [
    "ExceptionReport",
    "IndicatorAssessment",
    "Scorecard",
    "ScorecardResult",
]


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

    def of_family(self, family: RuleFamily) -> tuple[Finding, ...]:
        """The findings of the rules of ``family``, in the order they were made."""
        return tuple(f for f in self.findings if f.family is family)

    def finding(self, family: RuleFamily) -> Finding | None:
        """The first finding of a rule of ``family``, if one was applied."""
        return next(iter(self.of_family(family)), None)

    @property
    def range_finding(self) -> Finding | None:
        """The finding against the expected range, if a range was set."""
        return self.finding(RuleFamily.EXPECTED_RANGE)

    @property
    def target_findings(self) -> tuple[Finding, ...]:
        """The findings against each target (not the ambitions)."""
        return self.of_family(RuleFamily.TARGET)

    @property
    def travel_since_last_period(self) -> Finding | None:
        """The direction of travel since the previous period."""
        return self.finding(RuleFamily.TRAVEL_SINCE_LAST_PERIOD)

    @property
    def travel_since_last_year(self) -> Finding | None:
        """The direction of travel since the same period last year."""
        return self.finding(RuleFamily.TRAVEL_SINCE_LAST_YEAR)

    @property
    def performance(self) -> Performance | None:
        """Better, as expected, worse or outside range; ``None`` without range or value."""
        found = self.range_finding
        if found is None or not isinstance(found.outcome, Performance):
            return None
        return found.outcome


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
        """The assessment of one indicator; an indicator not assessed is an
        :class:`~corpparent.errors.UnknownIndicatorError` naming those that were."""
        for assessment in self.assessments:
            if assessment.indicator.id == indicator_id:
                return assessment
        assessed = ", ".join(a.indicator.id for a in self.assessments) or "none"
        raise UnknownIndicatorError(
            f"no assessment of indicator {indicator_id!r}; assessed: {assessed}")

    def exception_report(self) -> ExceptionReport:
        """Sort the findings as the panel's exception report does."""
        exceptions: list[Finding] = []
        successes: list[Finding] = []
        insufficient: list[Finding] = []
        for finding in self.findings:
            ranged = finding.family is RuleFamily.EXPECTED_RANGE
            targeted = finding.family is RuleFamily.TARGET
            if finding.status is Status.INSUFFICIENT_DATA:
                if ranged or targeted:
                    insufficient.append(finding)
                continue
            outside = ranged and finding.status is not Status.MET
            below_target = targeted and finding.status is Status.BREACHED
            if outside or below_target:
                exceptions.append(finding)
            if finding.status is Status.EXCEEDED or finding.outcome is Travel.IMPROVED:
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
