"""The comparators' figures shown beside an indicator's own value.

Comparators lag local data: Wiltshire sets its 2020-21 comparators beside 2022-23
quarters ("COMPARATORS 2020-21", annual report 2022-23 §32). For each comparator, the
figure shown is its latest one published for a period ending by the end of the period
assessed, converted to the indicator's unit, or the official symbol published instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import frozen

from corpparent.comparators.series import Comparator, ComparatorKind
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period

__all__ = ["ComparatorFigure", "comparator_figures"]


@final
@frozen
class ComparatorFigure:
    """A comparator's figure for an indicator: its value in the indicator's unit, or the
    symbol published in its place, and the period it is for."""

    name: str
    kind: ComparatorKind
    period: Period
    value: float | None
    symbol: str | None = None


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
        entry = comparator.entry(indicator.id, when)
        if isinstance(entry, float):
            unit = comparator.unit(indicator.id)
            value = indicator.magnitude(entry, unit) if unit else entry
            found.append(ComparatorFigure(comparator.name, comparator.kind, when, value))
        else:
            found.append(ComparatorFigure(comparator.name, comparator.kind, when, None,
                                          symbol=entry))
    return tuple(found)
