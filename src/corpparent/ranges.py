"""Expected ranges, targets and direction of travel.

Wiltshire's scorecard gives each indicator a lower and an upper expected range, both
inclusive: "At the end of Q4 2023 we are reporting 7%, below our upper range of 9.1%
and in line with our lower range of 7%" is within range (annual report 2022-23 §30).
"Annually, the indicators themselves, together with their expected ranges and targets
are reviewed" (§17), so a range belongs to the period it was set for. The indicator's
polarity turns a position into a performance:

| polarity         | below                | within      | above                |
| ---------------- | -------------------- | ----------- | -------------------- |
| higher is better | worse than expected  | as expected | better than expected |
| lower is better  | better than expected | as expected | worse than expected  |
| neutral          | outside range        | as expected | outside range        |

Targets are separate from ranges ("we remain ambitious and want to see 65% of our
children in 'in house' foster care", §49, is a long-term ambition).
"""

from __future__ import annotations

import math
from enum import Enum
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.indicators.definitions import Polarity
from corpparent.periods import Period

__all__ = [
    "PER_MONTHS",
    "ExpectedRange",
    "Performance",
    "Position",
    "Target",
    "TargetDirection",
    "TargetOutcome",
    "Travel",
    "direction_of_travel",
    "performance",
]


class Position(Enum):
    """Where a value lies against an expected range."""

    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"

    def __str__(self) -> str:
        return self.value


class Performance(Enum):
    """A position judged by the indicator's polarity."""

    BETTER = "better than expected"
    AS_EXPECTED = "as expected"
    WORSE = "worse than expected"
    OUTSIDE = "outside range"

    def __str__(self) -> str:
        return self.value


def performance(polarity: Polarity, position: Position) -> Performance:
    """The performance table: polarity and position to performance."""
    if position is Position.WITHIN:
        return Performance.AS_EXPECTED
    if polarity is Polarity.NEUTRAL:
        return Performance.OUTSIDE
    high_good = polarity is Polarity.HIGHER_IS_BETTER
    if (position is Position.ABOVE) == high_good:
        return Performance.BETTER
    return Performance.WORSE


def _finite(_instance: object, attribute: object, value: float) -> None:
    if not math.isfinite(value):
        name = getattr(attribute, "name", "value")
        raise DefinitionError(f"{name!r} must be a finite number, got {value!r}")


#: The lengths of period, in months, a range or target may say its values are for.
PER_MONTHS = {"month": 1, "quarter": 3, "half year": 6, "year": 12}


def _months_in(period: Period) -> int:
    start, end = period.start, period.end
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _per_fits(instance: ExpectedRange | Target, _attribute: object, months: int | None) -> None:
    """A range or target is for values of a month, a quarter, half a year or a year, and
    never for periods longer than the one it was set for."""
    if months is None:
        return
    if months not in PER_MONTHS.values():
        raise DefinitionError(
            f"{type(instance).__name__} for {instance.indicator!r}: 'per_months' must be one "
            f"of {sorted(PER_MONTHS.values())} (a month, quarter, half year or year), got "
            f"{months!r}")
    if months > _months_in(instance.period):
        raise DefinitionError(
            f"{type(instance).__name__} for {instance.indicator!r} set for {instance.period} "
            f"cannot be for {months}-month values: they are longer than the period it was "
            "set for")


@final
@frozen
class ExpectedRange:
    """An inclusive range ``[lower, upper]`` for ``indicator``, set for ``period``.

    Bounds are in the indicator's unit; convert other units first with
    [`corpparent.Indicator.magnitude`][corpparent.indicators.definitions.Indicator.magnitude].
    """

    indicator: str
    lower: float = field(converter=float, validator=_finite)
    upper: float = field(converter=float, validator=_finite)
    period: Period
    source: str = field(default="", eq=False)
    per_months: int | None = field(default=None, validator=_per_fits)
    """The length, in months, of the periods whose values the bounds are for, where the
    source says it: a range set for 2023-24 for a year's total is ``per_months=12``, and
    then a month's count is never judged against it. ``None``: the length is inferred from
    the readings
    ([`corpparent.indicator_rules.bounds_length`][corpparent.indicator_rules.bounds_length])."""

    def __attrs_post_init__(self) -> None:
        if self.lower > self.upper:
            raise DefinitionError(
                f"expected range for {self.indicator!r}: 'lower' must be <= 'upper': "
                f"{self.lower:g} > {self.upper:g}"
            )

    def position(self, value: float) -> Position:
        """Below, within or above; both bounds count as within."""
        if value < self.lower:
            return Position.BELOW
        if value > self.upper:
            return Position.ABOVE
        return Position.WITHIN

    def applies_to(self, period: Period) -> bool:
        """Whether the range was set for a period that includes ``period``."""
        return self.period.contains(period)


class TargetDirection(Enum):
    """Whether a target is a floor or a ceiling."""

    AT_LEAST = "at least"
    AT_MOST = "at most"

    @classmethod
    def for_polarity(cls, polarity: Polarity) -> TargetDirection:
        """At least where higher is better, at most where lower is better."""
        if polarity is Polarity.NEUTRAL:
            raise DefinitionError("a neutral indicator has no better direction for a target")
        return cls.AT_LEAST if polarity is Polarity.HIGHER_IS_BETTER else cls.AT_MOST

    def __str__(self) -> str:
        return self.value


class TargetOutcome(Enum):
    """Whether a value reaches a target or ambition."""

    MET = "met"
    BELOW_TARGET = "below target"
    BELOW_AMBITION = "below ambition"

    def __str__(self) -> str:
        return self.value


@final
@frozen
class Target:
    """A required level for ``indicator`` in ``period``, in the indicator's unit.

    An ``ambition`` is a long-term aspiration rather than this period's required level;
    falling short of it is noted, not reported as a breach.
    """

    indicator: str
    value: float = field(converter=float, validator=_finite)
    direction: TargetDirection = field(converter=TargetDirection)
    period: Period
    ambition: bool = False
    source: str = field(default="", eq=False)
    per_months: int | None = field(default=None, validator=_per_fits)
    """As [`ExpectedRange.per_months`][corpparent.ranges.ExpectedRange.per_months]: the length of
    the periods whose values the target is for, where the source says it."""

    def is_met(self, value: float) -> bool:
        """Whether ``value`` reaches the target; the target value itself meets it."""
        if self.direction is TargetDirection.AT_LEAST:
            return value >= self.value
        return value <= self.value

    def applies_to(self, period: Period) -> bool:
        """Whether the target was set for a period that includes ``period``."""
        return self.period.contains(period)


class Travel(Enum):
    """Direction of travel between two values of one indicator."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    NO_CHANGE = "no change"
    ROSE = "rose"
    FELL = "fell"

    def __str__(self) -> str:
        return self.value


def direction_of_travel(
    polarity: Polarity, current: float, earlier: float, tolerance: float = 0.0
) -> Travel:
    """How ``current`` moved from ``earlier``.

    A change no larger than ``tolerance`` (in the indicator's unit) is no change. A
    neutral indicator rises or falls rather than improving or worsening.
    """
    if tolerance < 0 or not math.isfinite(tolerance):
        raise DefinitionError(f"tolerance must be a finite number >= 0, got {tolerance!r}")
    change = current - earlier
    if abs(change) <= tolerance:
        return Travel.NO_CHANGE
    if polarity is Polarity.NEUTRAL:
        return Travel.ROSE if change > 0 else Travel.FELL
    return Travel.IMPROVED if polarity.better(current, earlier) else Travel.WORSENED
