"""What a signal means for the indicator: improvement, concern or neither, and the
variation of the latest point.

NHS England's SPC SQL v2.6 names a measure's improvement direction "Up", "Down" or
"Neither" and gives the latest point one of the variation icons "Improvement
(High/Low)", "Concern (High/Low)", "Neither (High/Low)", or "Common Cause".
corpparent's [`Polarity`][corpparent.indicators.definitions.Polarity] is that direction:
higher is better (Up), lower is better (Down), neutral (Neither).

A signal's side is the way it points: above the mean or rising is high, below the mean
or falling is low. (NHSRplotthedots labels each flagged point by its side of the mean
instead, so a falling trend still above the mean counts high there.)
"""

from __future__ import annotations

from enum import Enum
from typing import final

from attrs import frozen

from corpparent.indicators.definitions import Polarity
from corpparent.spc.rules import Side, SpecialCause

__all__ = ["Nature", "Signal", "Variation", "nature_of", "variation_of"]


class Nature(Enum):
    """What a signal means by the indicator's polarity."""

    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEITHER = "neither"

    def __str__(self) -> str:
        return self.value


def nature_of(side: Side, polarity: Polarity) -> Nature:
    """Improvement when the signal points the better way, concern when the worse, and
    neither for a neutral indicator."""
    if polarity is Polarity.NEUTRAL:
        return Nature.NEITHER
    high_good = polarity is Polarity.HIGHER_IS_BETTER
    return Nature.IMPROVEMENT if (side is Side.HIGH) == high_good else Nature.CONCERN


@final
@frozen
class Signal:
    """One rule firing, as reported: the points it is reported for (indices into the
    series) after the precedence of the rules has given each point one rule."""

    cause: SpecialCause
    side: Side
    nature: Nature
    points: tuple[int, ...]


class Variation(Enum):
    """The variation of the latest point, as Making Data Count's icons name it."""

    COMMON_CAUSE = "common cause variation"
    IMPROVEMENT_HIGH = "special cause improvement (high)"
    IMPROVEMENT_LOW = "special cause improvement (low)"
    CONCERN_HIGH = "special cause concern (high)"
    CONCERN_LOW = "special cause concern (low)"
    NEITHER_HIGH = "special cause, neither improvement nor concern (high)"
    NEITHER_LOW = "special cause, neither improvement nor concern (low)"

    @property
    def nature(self) -> Nature | None:
        """Improvement, concern or neither; ``None`` for common cause."""
        if self is Variation.COMMON_CAUSE:
            return None
        return Nature(self.name.split("_")[0].lower())

    def __str__(self) -> str:
        return self.value


def variation_of(signal: Signal | None) -> Variation:
    """The variation a point shows, from the signal reported for it."""
    if signal is None:
        return Variation.COMMON_CAUSE
    return Variation[f"{signal.nature.name}_{signal.side.name}"]
