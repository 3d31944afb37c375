"""The rules a scorecard applies to each indicator: expected range, target, travel.

An [`Observation`][corpparent.indicator_rules.Observation] is what a scorecard knows of one
indicator in one period. Three rules judge it, each a [`Rule`][corpparent.findings.Rule] making one
[`Finding`][corpparent.findings.Finding]:
[`ExpectedRangeRule`][corpparent.indicator_rules.ExpectedRangeRule] ("outside the expected range"),
[`TargetRule`][corpparent.indicator_rules.TargetRule] ("below the required target level") and
[`TravelRule`][corpparent.indicator_rules.TravelRule] (the direction of travel against the previous
period or the same period last year), after Wiltshire's scorecard and exception report (annual
report 2022-23, §12a). A value that could not be had is a finding of insufficient data.

A range or target judges values of one length of period, and the indicator's kind says
whether another length can be judged by it
([`grows_with_length`][corpparent.indicator_rules.grows_with_length]). A snapshot, a percentage and
a score are on the same scale whatever the length of their period (a year's percentage re-divides
its quarters' sums), so a range set for quarters judges a year too. A count sums its sub-periods,
and a rate sums its events over one population, so a year's total is about four quarters' and a
quarter's range cannot judge it: 398 children with a missing episode in a year are not "above" a
quarterly range of 60-90. Such a rule's finding is of insufficient data, saying why
([`bounds_length`][corpparent.indicator_rules.bounds_length] tells the length a range or target is
for), never a verdict. Where a range or target set for a year does not say the length it
is for (no ``per``) and the length is inferred from the readings (a quarter, where
quarters are read), a finding judged by it says so (the source may have meant a year's
total), and its evidence says how the plug-in would say which (`LENGTH_UNSAID`), for its
keeper rather than a paper's reader.
"""

from __future__ import annotations

import functools
from typing import final

from attrs import frozen

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Rule, Status
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator, Kind, places_apart
from corpparent.indicators.readings import Readings
from corpparent.periods import Period
from corpparent.ranges import (
    PER_MONTHS,
    ExpectedRange,
    Performance,
    Position,
    Target,
    TargetDirection,
    TargetOutcome,
    Travel,
    direction_of_travel,
    performance,
)

__all__ = [
    "BOUNDS_FOR",
    "LENGTH_UNSAID",
    "ExpectedRangeRule",
    "Observation",
    "TargetRule",
    "TravelRule",
    "bounds_length",
    "grows_with_length",
    "length_in_months",
]

#: The evidence key of a finding not judged because its range or target is for another
#: length of period: the length it is for ("a quarter").
BOUNDS_FOR = "bounds are for"
#: The evidence key of a finding whose range or target does not say the length of period
#: it is for: how its source would say it, for whoever keeps the plug-in (a paper's
#: reader is told only what was assumed).
LENGTH_UNSAID = "to say the length of period"


def length_in_months(period: Period) -> int:
    """How many calendar months ``period`` spans: 1 for a month, 3 for a quarter, 12 for
    a year, 36 for a span of three years."""
    return _months_spanned(period)


@functools.lru_cache(maxsize=4096)
def _months_spanned(period: Period) -> int:
    # Worked out once for each period: a scorecard asks of the same few for every indicator.
    start, end = period.start, period.end
    return (end.year - start.year) * 12 + end.month - start.month + 1


def grows_with_length(kind: Kind) -> bool:
    """Whether a value of ``kind`` grows with the length of its period alone, as its
    aggregation makes it (`corpparent.indicators.aggregation`): a count sums its
    sub-periods and a rate sums its events over one population; a snapshot is the value
    at the period's end, and a percentage or score re-divides sums, so neither does."""
    return kind in (Kind.COUNT, Kind.RATE)


def bounds_length(indicator: Indicator, set_for: Period, readings: Readings,
                  declared: int | None = None) -> int | None:
    """The length, in months, of the periods whose values a range or target of
    ``indicator`` set for ``set_for`` is for, where the indicator's kind grows with
    length (``None`` otherwise: any length is judged).

    A length the range or target declares (``declared``, its ``per_months``) is taken as
    said. Otherwise: a range set for one month or quarter is for that period's value. A
    range set for a year or more is reviewed each year for the periods the panel is given
    in it: its length is the shortest of the indicator's readings within ``set_for``
    (quarters, where the panel is given quarters, a year's total beside them being a sum
    of them; a year, where the indicator is read once a year). With no reading within
    ``set_for`` there is no value to judge, and ``None``. Inferring cannot tell a yearly
    range from a monthly one when only months are read: a source that sets a range for a
    year's total says so with ``per = "year"``.
    """
    if not grows_with_length(indicator.kind):
        return None
    if declared is not None:
        return declared
    own = length_in_months(set_for)
    if own < 12:
        return own
    lengths = [length_in_months(p) for p in readings.periods_within(indicator.id, set_for)]
    return min(lengths) if lengths else None


_LENGTHS = {1: "a month", 3: "a quarter", 6: "half a year", 12: "a year"}


def _length(months: int) -> str:
    return _LENGTHS.get(months, f"{months} months")


def _other_length(rule: Rule[Observation], observation: Observation, value: float,
                  months: int, set_for: Period, bounds: str) -> Finding | None:
    """The finding of a rule whose bounds are for ``months``-long periods, where the
    observation's period is of another length its indicator's kind cannot be judged
    across; ``None`` where the rule can judge it."""
    indicator, period = observation.indicator, observation.period
    length = length_in_months(period)
    if length == months or not grows_with_length(indicator.kind):
        return None
    return _not_judged(
        rule, observation,
        f"{indicator.name}: {indicator.format(value)} in {period} is not judged against "
        f"the {rule.name} of {bounds} set for {set_for}, which is for {_length(months)}'s "
        f"{indicator.kind}; {period} is {_length(length)}, and a {indicator.kind} grows "
        "with the length of its period.",
        {"indicator": indicator.id, "value": value, BOUNDS_FOR: _length(months),
         "period is": _length(length), "unit": indicator.unit})


def _assumed(rule: Rule[Observation], indicator: Indicator, bounds: ExpectedRange | Target,
             months: int | None) -> tuple[str, dict[str, EvidenceValue]]:
    """What a finding judged by ``bounds`` assumes, where their length of period was
    inferred (``months``, from the readings) as shorter than the period they were set
    for, the source not saying it: a sentence for the paper's reader, and the evidence
    saying how the plug-in would say it (`LENGTH_UNSAID`), which a reader of the paper
    cannot act on; nothing otherwise."""
    own = length_in_months(bounds.period)
    if months is None or bounds.per_months is not None or months >= own or not (
            grows_with_length(indicator.kind)):
        return "", {}
    fix = ("per = " + "".join(f'"{word}", or ' for word, length in PER_MONTHS.items()
                              if length == months) + '"year" for a year\'s total')
    return (f" The {rule.name} set for {bounds.period} does not say the length of period "
            f"it is for; it is taken to be for {_length(months)}'s {indicator.kind}, the "
            f"shortest period read in {bounds.period}.", {LENGTH_UNSAID: fix})


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
    return _not_judged(
        rule, observation,
        f"{indicator.name}: insufficient data for {observation.period}: {reason}.",
        {"indicator": indicator.id})


def _not_judged(rule: Rule[Observation], observation: Observation, explanation: str,
                evidence: dict[str, EvidenceValue]) -> Finding:
    """The finding of ``rule`` that cannot judge ``observation``: insufficient data."""
    indicator = observation.indicator
    return Finding(
        subject=indicator.id,
        subject_name=indicator.name,
        rule=rule.name,
        family=rule.family,
        status=Status.INSUFFICIENT_DATA,
        explanation=explanation,
        evidence=evidence,
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
    [`corpparent.spc.process_range`][corpparent.spc.process_range]) rather than one set by hand."""
    per_months: int | None = None
    """The length, in months, of the periods whose values the bounds are for
    ([`bounds_length`][corpparent.indicator_rules.bounds_length]); a period of another length is not
    judged where the indicator's kind grows with length. ``None``: the bounds judge any period."""

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
        if self.per_months is not None:
            other = _other_length(self, subject, value, self.per_months, expected.period,
                                  indicator.format_range(expected.lower, expected.upper))
            if other is not None:
                return other
        position = expected.position(value)
        judged = performance(indicator.polarity, position)
        where = "within" if position is Position.WITHIN else f"{position}"
        origin = (f"given by the {expected.source}" if self.from_process
                  else f"set for {expected.period}")
        places = places_apart(value, lower=(expected.lower,), upper=(expected.upper,))
        explanation = (
            f"{indicator.name}: {indicator.format(value, places)} in {subject.period} is "
            f"{where} the expected range of "
            f"{indicator.format_range(expected.lower, expected.upper, places)} {origin}"
        )
        if position is not Position.WITHIN and judged is not Performance.OUTSIDE:
            explanation += f", {judged} ({indicator.polarity})"
        assumed, fix = _assumed(self, indicator, expected, self.per_months)
        return Finding(
            subject=indicator.id,
            subject_name=indicator.name,
            rule=self.name,
            family=self.family,
            status=_RANGE_STATUS[judged],
            explanation=explanation + "." + assumed,
            evidence={
                "value": value,
                "lower": expected.lower,
                "upper": expected.upper,
                "unit": indicator.unit,
                "position": position.value,
                **fix,
            },
            period=subject.period,
            outcome=judged,
        )


@final
@frozen
class TargetRule(Rule[Observation]):
    """Judges an observation against a target (a breach) or an ambition (a warning)."""

    target: Target
    per_months: int | None = None
    """The length, in months, of the periods whose values the target is for, as for
    [`ExpectedRangeRule.per_months`][corpparent.indicator_rules.ExpectedRangeRule.per_months]."""

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
        if self.per_months is not None:
            other = _other_length(self, subject, value, self.per_months, target.period,
                                  f"{target.direction} {indicator.format(target.value)}")
            if other is not None:
                return other
        met = target.is_met(value)
        bound = (target.value,)  # "at least" a lower bound, "at most" an upper
        at_least = target.direction is TargetDirection.AT_LEAST
        places = places_apart(value, lower=bound if at_least else (),
                              upper=() if at_least else bound)
        shortfall = Status.WARNING if target.ambition else Status.BREACHED
        verb = "meets" if met else "falls short of"
        below = TargetOutcome.BELOW_AMBITION if target.ambition else TargetOutcome.BELOW_TARGET
        assumed, fix = _assumed(self, indicator, target, self.per_months)
        return Finding(
            subject=indicator.id,
            subject_name=indicator.name,
            rule=self.name,
            family=self.family,
            status=Status.MET if met else shortfall,
            explanation=(
                f"{indicator.name}: {indicator.format(value, places)} in {subject.period} "
                f"{verb} the {self.name} of {target.direction} "
                f"{indicator.format(target.value, places)}."
                + assumed
            ),
            evidence={
                "value": value,
                "target": target.value,
                "direction": target.direction.value,
                "unit": indicator.unit,
                **fix,
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
        earlier = subject.last_year if self.against_last_year else subject.previous
        if isinstance(subject.value, Unavailable):
            return _insufficient(self, subject, subject.value.reason)
        if isinstance(earlier, Unavailable):
            return _insufficient(self, subject, earlier.reason)
        earlier_period = (
            subject.period.same_period_last_year()
            if self.against_last_year
            else subject.period.previous()
        )
        travel = direction_of_travel(indicator.polarity, subject.value, earlier, self.tolerance)
        # A change is shown as one: "worsened from 8.6% to 8.6%" for 8.62% and 8.58%
        # would say nothing moved, so both are shown to the places that tell them apart.
        value = subject.value
        places = 1 if travel is Travel.NO_CHANGE else places_apart(
            value, lower=(earlier,), upper=(earlier,))
        return Finding(
            subject=indicator.id,
            subject_name=indicator.name,
            rule=self.name,
            family=self.family,
            status=_TRAVEL_STATUS[travel],
            explanation=(
                f"{indicator.name}: {travel} from {indicator.format(earlier, places)} in "
                f"{earlier_period} to {indicator.format(value, places)} in {subject.period}."
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
