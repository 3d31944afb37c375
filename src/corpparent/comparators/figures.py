"""The comparators' figures shown beside an indicator's own value, latest and over time.

Comparators lag local data: Wiltshire sets its 2020-21 comparators beside 2022-23
quarters ("COMPARATORS 2020-21", annual report 2022-23 §32). For each comparator, the
figure shown is its latest one published for a period ending by the end of the period
assessed, converted to the indicator's unit, or the official symbol published instead;
its ``history`` holds every figure it published up to then, oldest first, so a report
can set the comparators' series beside the authority's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.comparators.series import Comparator, ComparatorKind
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period

__all__ = ["ComparatorFigure", "ComparatorPoint", "comparator_figures"]


@final
@frozen
class ComparatorPoint:
    """One figure a comparator published: its value in the indicator's unit, or the
    symbol published in its place."""

    period: Period
    value: float | None
    symbol: str | None = None


def _points(items: Iterable[ComparatorPoint]) -> tuple[ComparatorPoint, ...]:
    return tuple(items)


@final
@frozen
class ComparatorFigure:
    """A comparator's figure for an indicator: its value in the indicator's unit, or the
    symbol published in its place, and the period it is for; with every figure it
    published up to then (``history``, oldest first, the latest included)."""

    name: str
    kind: ComparatorKind
    period: Period
    value: float | None
    symbol: str | None = None
    history: tuple[ComparatorPoint, ...] = field(default=(), converter=_points)


def comparator_figures(
    indicator: Indicator, comparators: Iterable[Comparator], period: Period
) -> tuple[ComparatorFigure, ...]:
    """Each comparator's latest figure for ``indicator`` up to the end of ``period``;
    comparators with none are left out."""
    found = []
    for comparator in comparators:
        when = comparator.latest(indicator.id, up_to=period)
        if when is None:
            continue
        history = tuple(_point(indicator, comparator, p)
                        for p in comparator.periods(indicator.id) if p.end <= period.end)
        latest = _point(indicator, comparator, when)
        found.append(ComparatorFigure(comparator.name, comparator.kind, when, latest.value,
                                      latest.symbol, history))
    return tuple(found)


def _point(indicator: Indicator, comparator: Comparator, period: Period) -> ComparatorPoint:
    entry = comparator.entry(indicator.id, period)
    if isinstance(entry, float):
        unit = comparator.unit(indicator.id)
        return ComparatorPoint(period, indicator.magnitude(entry, unit) if unit else entry)
    return ComparatorPoint(period, None, entry)
