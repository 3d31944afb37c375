"""The panel's scorecard and the exception report it receives.

Wiltshire's Corporate Parenting Panel scorecard "provides a single view of indicators
broken down into 8 domains", and "at each meeting, an exception report is presented by
the Head of Service for those indicators which are outside the expected range or below
the required target level and successes are acknowledged" (annual report 2022-23, §12a).

[`Scorecard.assess`][corpparent.scorecard.Scorecard.assess] judges every indicator of an
[`IndicatorSet`][corpparent.indicators.sets.IndicatorSet] for one period: its value (read directly,
or aggregated from shorter periods), its position against the expected range set for that period,
each target, and its direction of travel against the previous period and the same period last year,
by the rules of [`corpparent.indicator_rules`][corpparent.indicator_rules]. Each judgement is a
[`Finding`][corpparent.findings.Finding];
[`ScorecardResult.exception_report`][corpparent.scorecard.ScorecardResult.exception_report] sorts
them into exceptions, successes and gaps in the data.

Where an indicator has enough history (by default 13 readings of the kind of period
assessed, NHS England's minimum for a process chart), the scorecard also draws its
XmR chart ([`corpparent.spc`][corpparent.spc]) up to the period: the variation of the latest value
(common or special cause) and, for each target, the assurance the process limits give
(consistently met, hit and miss, consistently missed). Where no range was set by hand,
the process limits are its expected range. An indicator with no range, no target and
too little history is not judged: one step between two values (38% to 39%) is reported
as its direction of travel, never as a success or as met.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import final

from attrs import evolve, field, frozen

from corpparent._collector import paused
from corpparent.comparators.figures import ComparatorFigure, comparator_figures
from corpparent.comparators.national_standing import NationalStanding, latest_standing
from corpparent.comparators.series import Comparator
from corpparent.errors import UnknownIndicatorError
from corpparent.exception_sorting import sort_findings
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.headline import headline_status
from corpparent.indicator_rules import (
    ExpectedRangeRule,
    Observation,
    TargetRule,
    TravelRule,
    bounds_length,
)
from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.ranges import ExpectedRange, Performance, Target
from corpparent.spc.chart import XmRChart, XmROptions
from corpparent.spc.expected import indicator_chart, process_range
from corpparent.spc.judgements import assurance_finding, variation_finding
from corpparent.spc.signals import Nature, Variation
from corpparent.trends import (
    DEFAULT_HISTORY,
    TrendValue,
    symbol_for,
    trend_values,
    values_at,
)

__all__ = [
    "ExceptionReport",
    "IndicatorAssessment",
    "Scorecard",
    "ScorecardResult",
]


def _tuple(items: Iterable[object]) -> tuple[object, ...]:
    return tuple(items)


@final
@frozen
class IndicatorAssessment:
    """Every finding about one indicator in one period, with what a report shows beside
    them: the official symbol given for the value, the targets that applied, the recent
    trend and the comparators' figures. A report is made from this alone."""

    observation: Observation
    findings: tuple[Finding, ...]
    expected: ExpectedRange | None = None
    chart: XmRChart | None = None
    """The process chart up to the period, where the indicator has enough history."""
    process_range: ExpectedRange | None = None
    """The expected range the chart's process limits give, shown beside a hand-set one."""
    symbol: str | None = None
    """The official symbol given for the value (``c`` when withheld at source)."""
    targets: tuple[Target, ...] = field(default=(), converter=_tuple)
    trend: tuple[TrendValue, ...] = field(default=(), converter=_tuple)
    comparators: tuple[ComparatorFigure, ...] = field(default=(), converter=_tuple)
    beside: tuple[TrendValue, ...] = field(default=(), converter=_tuple)
    national: NationalStanding | None = None
    """The authority's national rank and band on the indicator's LAIT measure, where the
    scorecard was given them."""
    """The authority's own values for the periods its comparators published figures for,
    oldest first: the series the comparators' are set beside."""

    @property
    def headline(self) -> Status | None:
        """The verdict the scorecard's row shows
        ([`corpparent.headline.headline_status`][corpparent.headline.headline_status]): ``None``
        when there is a value but nothing to judge it against."""
        return headline_status(self.findings, has_value=self.value is not None)

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
    def variation(self) -> Variation | None:
        """The variation of the latest value, where the indicator has enough history."""
        found = self.finding(RuleFamily.VARIATION)
        return found.outcome if found is not None and isinstance(
            found.outcome, Variation) else None

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

    ``exceptions`` are the range findings worse than the expected range (or outside a
    neutral indicator's), the targets not met, and special cause concerns in the latest
    value; ``successes`` are results better than expected and special cause improvements
    (a single step up is not one: it may be ordinary variation), each listed there only;
    ``insufficient`` lists the gaps in the data.
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

    def __iter__(self) -> Iterator[IndicatorAssessment]:
        """The assessments, indicator by indicator (``for a in result``)."""
        return iter(self.assessments)

    def __len__(self) -> int:
        return len(self.assessments)

    def __getitem__(self, indicator_id: str) -> IndicatorAssessment:
        """The assessment of one indicator; an indicator not assessed is an
        [`UnknownIndicatorError`][corpparent.errors.UnknownIndicatorError] naming those that
        were."""
        for assessment in self.assessments:
            if assessment.indicator.id == indicator_id:
                return assessment
        assessed = ", ".join(a.indicator.id for a in self.assessments) or "none"
        raise UnknownIndicatorError(
            f"no assessment of indicator {indicator_id!r}; assessed: {assessed}")

    def exception_report(self) -> ExceptionReport:
        """Sort the findings as the panel's exception report does
        (`corpparent.exception_sorting.sort_findings`): each indicator at most once
        in each section, its findings there joined in one entry."""
        exceptions, successes, insufficient = sort_findings(
            ((a.findings, a.headline is Status.INSUFFICIENT_DATA) for a in self.assessments),
            concern=lambda f: isinstance(f.outcome, Variation)
            and f.outcome.nature is Nature.CONCERN,
            explained=lambda f, text: evolve(f, explanation=text))
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
    rest. ``process`` sets how process charts are drawn (``None`` draws none); an
    indicator has enough history for one when its chart has no trial limits and a value
    for the period assessed.
    """

    indicators: IndicatorSet
    default_tolerance: float = 0.0
    tolerances: Mapping[str, float] = field(factory=dict)
    process: XmROptions | None = field(factory=XmROptions)
    comparators: tuple[Comparator, ...] = field(default=(), converter=_tuple)
    """The comparators whose figures are shown beside each indicator (England, region,
    statistical neighbours, Outstanding authorities)."""
    history: int = DEFAULT_HISTORY
    """How many periods each indicator's trend holds."""
    national: Mapping[str, tuple[NationalStanding, ...]] = field(factory=dict)
    """The authority's standings by LAIT measure code, for indicators that name one."""

    def chart_for(self, indicator: Indicator, readings: Readings,
                  period: Period) -> XmRChart | None:
        """The process chart of ``indicator`` up to ``period``, where it has enough
        history; else ``None``."""
        if self.process is None:
            return None
        chart = indicator_chart(indicator, readings, period, options=self.process)
        if chart is None or chart.trial or chart.periods is None or chart.periods[-1] != period:
            return None
        return chart

    def observe(self, indicator: Indicator, readings: Readings, period: Period,
                trend: Iterable[TrendValue] = ()) -> Observation:
        """The indicator's value for ``period`` and the values it is compared with; a
        value its ``trend`` (`trend_values` up to ``period``) holds is taken from it."""
        known = {point.period: point.value if point.value is not None else Unavailable(
            indicator.id, point.period, point.note or "") for point in trend}

        def value(at: Period) -> float | Unavailable:
            found = known.get(at)
            return value_for(indicator, readings, at) if found is None else found

        return Observation(
            indicator=indicator,
            period=period,
            value=value(period),
            previous=value(period.previous()),
            last_year=value(period.same_period_last_year()),
        )

    def rules_for(self, indicator: Indicator, period: Period,
                  readings: Readings | None = None) -> tuple[Rule[Observation], ...]:
        """The rules that apply to ``indicator`` in ``period``; given the ``readings``,
        each range and target knows the length of period it is for
        ([`bounds_length`][corpparent.indicator_rules.bounds_length]); without them, only a length
        the range or target declares is known."""
        lengths: dict[tuple[Period, int | None], int | None] = {}

        def per(bounds: ExpectedRange | Target) -> int | None:
            if readings is None and bounds.per_months is None:
                return None
            key = (bounds.period, bounds.per_months)  # a range and its target share one
            if key not in lengths:
                lengths[key] = bounds_length(indicator, bounds.period, readings or Readings(()),
                                             declared=bounds.per_months)
            return lengths[key]

        rules: list[Rule[Observation]] = []
        expected = self.indicators.range_for(indicator.id, period)
        if expected is not None:
            rules.append(ExpectedRangeRule(expected, per_months=per(expected)))
        rules.extend(TargetRule(t, per_months=per(t))
                     for t in self.indicators.targets_for(indicator.id, period))
        tolerance = self.tolerances.get(indicator.id, self.default_tolerance)
        rules.append(TravelRule(against_last_year=False, tolerance=tolerance))
        rules.append(TravelRule(against_last_year=True, tolerance=tolerance))
        return tuple(rules)

    def assess(self, readings: Readings, period: Period) -> ScorecardResult:
        """Judge every indicator for ``period``."""
        with paused():  # nothing an assessment makes refers back to itself
            return ScorecardResult(period=period, assessments=tuple(
                self._assessed(indicator, readings, period) for indicator in self.indicators))

    def _assessed(self, indicator: Indicator, readings: Readings,
                  period: Period) -> IndicatorAssessment:
        trend = trend_values(indicator, self.indicators, readings, period, self.history)
        observation = self.observe(indicator, readings, period, trend)
        rules = list(self.rules_for(indicator, period, readings))
        chart = self.chart_for(indicator, readings, period)
        derived = None if chart is None else process_range(chart, indicator.id, period)
        hand_set = next((r.expected for r in rules if isinstance(r, ExpectedRangeRule)),
                        None)
        if derived is not None and hand_set is None:
            rules.insert(0, ExpectedRangeRule(derived, from_process=True))
        findings = [rule.evaluate(observation) for rule in rules]
        targets = self.indicators.targets_for(indicator.id, period)
        if chart is not None:
            findings.append(variation_finding(chart, indicator=indicator))
            for target in targets:
                judged = assurance_finding(chart, target, indicator=indicator)
                if judged is not None:
                    findings.append(judged)
        figures = comparator_figures(indicator, self.comparators, period)
        return IndicatorAssessment(
            observation=observation,
            findings=tuple(findings),
            expected=hand_set if hand_set is not None else derived,
            chart=chart,
            process_range=derived,
            symbol=symbol_for(readings, indicator, period),
            targets=targets,
            trend=trend,
            comparators=figures,
            beside=values_at(indicator, self.indicators, readings, sorted(
                {p.period for f in figures for p in f.history})),
            national=None if indicator.national_measure is None else latest_standing(
                self.national.get(indicator.national_measure, ()), period),
        )
