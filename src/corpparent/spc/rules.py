"""The four special-cause rules, and the precedence that reports one rule per point.

From NHS England's SPC charts SQL query v2.6 ("Four special-cause rules") and
NHSRplotthedots (``R/ptd_calculate_point_type.R``):

1. a single point outside the process limits (strictly beyond a limit);
2. a **run**: a number of points in a row all above or all below the mean; a point on
   the mean belongs to neither side and breaks the run;
3. a **trend**: a number of points in a row each higher than the one before, or each
   lower, "including endpoints"; an equal pair breaks it;
4. **two of three** consecutive points close to a limit, in the outer third between the
   two-sigma line and the process limit on the same side, with the third on the same
   side of the mean too ("Since v2.1 the third point must be on the same side of the
   mean"). A point beyond the process limit is not close to it: it is a signal of its
   own, and NHSRplotthedots (``close_to_limits``) counts only points inside the limits.
   NHS England's SQL notes that "a later version lets points beyond 3σ count"; corpparent
   follows NHSRplotthedots there. The points flagged are those in the outer third.

Run and trend lengths are 7 by default, as NHSRplotthedots ("7-point trend", "7 points
on one side of the mean"); NHS England's SQL uses 6 ("default 6 ... 6–8 allowed").

When a point is part of several signals, one is reported, by NHSRplotthedots'
precedence: "outside > trend > 2-in-3 > run". (The SQL's rule-clash note orders its
display icons differently, trend > shift > 2-of-3 > single point.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import Enum
from itertools import pairwise
from typing import Final, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.spc.limits import Limits

__all__ = [
    "DEFAULT_RUN_LENGTH",
    "DEFAULT_TREND_LENGTH",
    "SHORTEST_RUN",
    "Firing",
    "Side",
    "SpecialCause",
    "check_length",
    "firings",
]

DEFAULT_RUN_LENGTH: Final = 7
DEFAULT_TREND_LENGTH: Final = 7
#: The shortest run or trend length accepted: NHS England's SQL warns outside 6–8.
SHORTEST_RUN: Final = 6


class SpecialCause(Enum):
    """The rule that found a signal, in order of precedence (first wins)."""

    OUTSIDE_LIMITS = "outside the process limits"
    TREND = "trend"
    TWO_OF_THREE = "two of three beyond two sigma"
    RUN = "run on one side of the mean"

    @property
    def precedence(self) -> int:
        """0 for the rule reported first when a point is part of several signals."""
        return _ORDER.index(self)

    def __str__(self) -> str:
        return self.value


_ORDER: Final = tuple(SpecialCause)


class Side(Enum):
    """Which way a signal points: high (above the mean, or rising) or low."""

    HIGH = "high"
    LOW = "low"

    def __str__(self) -> str:
        return self.value


def _indices(value: Sequence[int]) -> tuple[int, ...]:
    return tuple(value)


@final
@frozen
class Firing:
    """One rule firing once: its side and the points (indices into the series)."""

    cause: SpecialCause
    side: Side
    points: tuple[int, ...] = field(converter=_indices)


def _outside(values: Sequence[float], limits: Limits, start: int) -> Iterator[Firing]:
    for i, value in enumerate(values):
        if value > limits.upper:
            yield Firing(SpecialCause.OUTSIDE_LIMITS, Side.HIGH, (start + i,))
        elif value < limits.lower:
            yield Firing(SpecialCause.OUTSIDE_LIMITS, Side.LOW, (start + i,))


def _stretches(signs: Sequence[int], length: int) -> Iterator[tuple[int, int, int]]:
    """Maximal stretches (first, last, sign) of one non-zero sign at least ``length``
    long."""
    first = 0
    for i in range(1, len(signs) + 1):
        if i == len(signs) or signs[i] != signs[first]:
            if signs[first] != 0 and i - first >= length:
                yield first, i - 1, signs[first]
            first = i


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _runs(values: Sequence[float], limits: Limits, start: int, length: int) -> Iterator[Firing]:
    signs = [_sign(v - limits.mean) for v in values]
    for first, last, sign in _stretches(signs, length):
        side = Side.HIGH if sign > 0 else Side.LOW
        yield Firing(SpecialCause.RUN, side, range(start + first, start + last + 1))


def _trends(values: Sequence[float], start: int, length: int) -> Iterator[Firing]:
    # A trend of n points is n - 1 steps the same way.
    steps = [_sign(b - a) for a, b in pairwise(values)]
    for first, last, sign in _stretches(steps, length - 1):
        side = Side.HIGH if sign > 0 else Side.LOW
        yield Firing(SpecialCause.TREND, side, range(start + first, start + last + 2))


def _two_of_three(values: Sequence[float], limits: Limits, start: int) -> Iterator[Firing]:
    # Close to a limit: beyond the two-sigma line but not beyond the limit itself.
    for side, close, sign in (
        (Side.HIGH, [limits.upper_two_sigma < v <= limits.upper for v in values], 1),
        (Side.LOW, [limits.lower <= v < limits.lower_two_sigma for v in values], -1),
    ):
        flagged: set[int] = set()
        for i in range(len(values) - 2):
            window = range(i, i + 3)
            same_side = all(_sign(values[j] - limits.mean) == sign for j in window)
            if same_side and sum(close[j] for j in window) >= 2:
                flagged.update(j for j in window if close[j])
        for group in _consecutive_groups(sorted(flagged)):
            yield Firing(SpecialCause.TWO_OF_THREE, side, [start + j for j in group])


def _consecutive_groups(indices: Sequence[int]) -> Iterator[list[int]]:
    """Indices split where more than two apart, so one stretch of points near a limit is
    one signal."""
    group: list[int] = []
    for index in indices:
        if group and index - group[-1] > 2:
            yield group
            group = []
        group.append(index)
    if group:
        yield group


def check_length(name: str, length: int) -> int:
    """``length`` if it is a run or trend length a chart can use (at least 6)."""
    if length < SHORTEST_RUN:
        raise DefinitionError(
            f"{name} must be at least {SHORTEST_RUN} points (NHS England's SPC rules allow "
            f"6 to 8), got {length}")
    return length


def firings(
    values: Sequence[float],
    limits: Limits,
    *,
    start: int = 0,
    run_length: int = DEFAULT_RUN_LENGTH,
    trend_length: int = DEFAULT_TREND_LENGTH,
) -> tuple[Firing, ...]:
    """Every firing of every rule over ``values`` (one baseline group) against
    ``limits``; indices count from ``start``.

    When the baseline does not vary (an average moving range of zero) the limits and
    the two-sigma lines coincide with the mean, so the rules that use them judge nothing;
    runs and trends need no limits and still apply.
    """
    found: list[Firing] = []
    if limits.varies:
        found.extend(_outside(values, limits, start))
        found.extend(_two_of_three(values, limits, start))
    found.extend(_trends(values, start, trend_length))
    found.extend(_runs(values, limits, start, run_length))
    return tuple(sorted(found, key=lambda f: (f.points[0], f.cause.precedence)))
