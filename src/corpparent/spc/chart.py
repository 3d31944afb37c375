"""The individuals and moving range (XmR) chart: [`xmr`][corpparent.spc.chart.xmr].

An XmR chart shows a series against its mean and its process limits, the range of
ordinary ("common cause") variation computed from the series itself, and marks the
points where something changed ("special cause"). NHS boards read their measures this
way under NHS England's "Making Data Count"; the conventions each option follows are in
[`XmROptions`][corpparent.spc.chart.XmROptions], and the rules in `corpparent.spc.rules`.

The series is split into groups where it is rebased ("recalculation"): each group has
its own mean and limits, set from its own first points, and its own signals; runs and
trends do not cross from one group into the next. ``mean``, ``lower_limit`` and
``upper_limit`` of the chart are those of the last group, which describe the process
as it is now.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Final, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.indicators.definitions import Polarity
from corpparent.periods import Period
from corpparent.spc.limits import Limits, process_limits
from corpparent.spc.rules import (
    DEFAULT_RUN_LENGTH,
    DEFAULT_TREND_LENGTH,
    Firing,
    check_length,
    firings,
)
from corpparent.spc.signals import Nature, Signal, nature_of

__all__ = ["DEFAULT_MINIMUM_POINTS", "ChartPoint", "Group", "XmRChart", "XmROptions", "xmr"]

#: NHS England's SQL: "@SettingMinimumPoints = 13 per chart (below that, draw a run chart
#: with no SPC icons)".
DEFAULT_MINIMUM_POINTS: Final = 13


def _at_least_two(_instance: object, attribute: object, value: int | None) -> None:
    if value is not None and value < 2:
        name = getattr(attribute, "name", "value")
        raise DefinitionError(f"{name} must be at least 2 points, got {value}")


def _run_length(_instance: object, _attribute: object, value: int) -> None:
    check_length("run_length", value)


def _trend_length(_instance: object, _attribute: object, value: int) -> None:
    check_length("trend_length", value)


@final
@frozen
class XmROptions:
    """How an XmR chart is drawn, each option after a published convention.

    ``screen_outliers``: leave out moving ranges at or above 3.267 × their average
    before setting the limits. On by default, as NHSRplotthedots; off reproduces the
    Making Data Count Excel tool and NHS England's SQL default.

    ``baseline``: set each group's limits from its first ``baseline`` points only and
    hold them for the points after ("fix_after_n_points" in NHSRplotthedots); ``None``
    uses every point of the group.

    ``minimum_points``: a group whose limits come from fewer points has trial limits,
    and the chart says so (NHS England's SQL: 13 points per chart).

    ``run_length`` and ``trend_length``: 7 as NHSRplotthedots, or 6 as NHS England's
    SQL; at least 6.
    """

    screen_outliers: bool = True
    baseline: int | None = field(default=None, validator=_at_least_two)
    minimum_points: int = field(default=DEFAULT_MINIMUM_POINTS, validator=_at_least_two)
    run_length: int = field(default=DEFAULT_RUN_LENGTH, validator=_run_length)
    trend_length: int = field(default=DEFAULT_TREND_LENGTH, validator=_trend_length)


@final
@frozen
class Group:
    """The points from ``start`` up to (not including) ``stop`` that share one set of
    limits; ``trial`` when the limits come from fewer points than the minimum."""

    start: int
    stop: int
    limits: Limits
    trial: bool


@final
@frozen
class ChartPoint:
    """One point of the chart: its value, its period where known, its group, and the
    one signal reported for it (``None`` for common cause variation)."""

    index: int
    value: float
    period: Period | None
    group: int
    signal: Signal | None

    @property
    def nature(self) -> Nature | None:
        """Improvement, concern or neither for a signal; ``None`` for common cause."""
        return None if self.signal is None else self.signal.nature


def _values(items: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in items)


@final
@frozen
class XmRChart:
    """An XmR chart over ``values`` (see [`xmr`][corpparent.spc.chart.xmr])."""

    values: tuple[float, ...] = field(converter=_values)
    periods: tuple[Period, ...] | None
    polarity: Polarity
    options: XmROptions
    groups: tuple[Group, ...]
    firings: tuple[Firing, ...]
    signals: tuple[Signal, ...]
    points: tuple[ChartPoint, ...]

    @property
    def last_group(self) -> Group:
        """The group the latest point belongs to."""
        return self.groups[-1]

    @property
    def limits(self) -> Limits:
        """The limits of the last group: the process as it is now."""
        return self.last_group.limits

    @property
    def mean(self) -> float:
        """The mean of the last group's baseline."""
        return self.limits.mean

    @property
    def lower_limit(self) -> float:
        """The last group's lower process limit."""
        return self.limits.lower

    @property
    def upper_limit(self) -> float:
        """The last group's upper process limit."""
        return self.limits.upper

    @property
    def trial(self) -> bool:
        """Whether the last group's limits are trial limits (too few points)."""
        return self.last_group.trial

    @property
    def varies(self) -> bool:
        """Whether the last group's baseline varies (an average moving range above 0)."""
        return self.limits.varies

    def firings_at(self, index: int) -> tuple[Firing, ...]:
        """Every rule that fired at point ``index``, before the precedence chose the
        one reported ([`ChartPoint.signal`][corpparent.spc.chart.ChartPoint.signal])."""
        return tuple(f for f in self.firings if index in f.points)

    def label(self, index: int) -> str:
        """The period of point ``index`` where known, else its position from 1."""
        if self.periods is None:
            return f"point {index + 1}"
        return str(self.periods[index])


def _group_starts(
    count: int, rebase: Iterable[int | Period], periods: Sequence[Period] | None
) -> list[int]:
    starts = {0}
    for at in rebase:
        if isinstance(at, Period):
            if periods is None or at not in periods:
                raise DefinitionError(f"cannot rebase at {at}: the series has no such period")
            starts.add(list(periods).index(at))
        elif isinstance(at, int) and not isinstance(at, bool) and 0 <= at < count:
            starts.add(at)
        else:
            raise DefinitionError(
                f"cannot rebase at {at!r}: give a period of the series or a point's "
                f"position from 0 to {count - 1}")
    ordered = sorted(starts)
    for first, after in zip(ordered, [*ordered[1:], count], strict=True):
        if after - first < 2:
            raise DefinitionError(
                f"each rebased group needs at least 2 points; the group starting at point "
                f"{first + 1} has {after - first}")
    return ordered


def _reported(found: Sequence[Firing], count: int) -> dict[int, Firing]:
    """For each point, the firing reported for it: highest precedence, then earliest."""
    chosen: dict[int, Firing] = {}
    for firing in found:
        for index in firing.points:
            held = chosen.get(index)
            if held is None or firing.cause.precedence < held.cause.precedence:
                chosen[index] = firing
    return {i: f for i, f in chosen.items() if i < count}


def xmr(
    values: Sequence[float],
    *,
    periods: Sequence[Period] | None = None,
    polarity: Polarity = Polarity.NEUTRAL,
    rebase: Iterable[int | Period] = (),
    options: XmROptions | None = None,
) -> XmRChart:
    """An individuals and moving range chart over ``values``, in order.

    ``periods``, one per value and rising, name the points; ``polarity`` says which way
    is better, so each signal is an improvement, a concern, or (neutral) neither.
    ``rebase`` starts a new group, with its own limits, at each period or position
    given ("recalculation" in Making Data Count). ``options`` holds the conventions
    (see [`XmROptions`][corpparent.spc.chart.XmROptions]).
    """
    chosen = options or XmROptions()
    series = _values(values)
    if len(series) < 2:
        raise DefinitionError(f"an XmR chart needs at least 2 values, got {len(series)}")
    if not all(math.isfinite(v) for v in series):
        raise DefinitionError("an XmR chart needs finite values, not NaN or infinity")
    named = None if periods is None else tuple(periods)
    if named is not None:
        if len(named) != len(series):
            raise DefinitionError(
                f"{len(named)} periods given for {len(series)} values: give one each")
        if any(later <= earlier for earlier, later in pairwise(named)):
            raise DefinitionError("the periods of a chart must rise, each after the last")
    starts = _group_starts(len(series), rebase, named)
    groups: list[Group] = []
    found: list[Firing] = []
    for start, stop in zip(starts, [*starts[1:], len(series)], strict=True):
        part = series[start:stop]
        size = len(part) if chosen.baseline is None else min(chosen.baseline, len(part))
        limits = process_limits(part[:size], screen_outliers=chosen.screen_outliers)
        groups.append(Group(start, stop, limits, trial=size < chosen.minimum_points))
        found.extend(firings(part, limits, start=start, run_length=chosen.run_length,
                             trend_length=chosen.trend_length))
    reported = _reported(found, len(series))
    signals = tuple(
        Signal(cause=f.cause, side=f.side, nature=nature_of(f.side, polarity),
               points=tuple(i for i in f.points if reported.get(i) is f))
        for f in found if any(reported.get(i) is f for i in f.points))
    signals = tuple(sorted(signals, key=lambda s: s.points[0]))
    by_point = {i: s for s in signals for i in s.points}
    group_of = [g for g, group in enumerate(groups) for _ in range(group.start, group.stop)]
    points = tuple(
        ChartPoint(index=i, value=v, period=None if named is None else named[i],
                   group=group_of[i], signal=by_point.get(i))
        for i, v in enumerate(series))
    return XmRChart(values=series, periods=named, polarity=polarity, options=chosen,
                    groups=tuple(groups), firings=tuple(found), signals=signals,
                    points=points)

