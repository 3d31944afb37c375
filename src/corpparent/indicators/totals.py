"""Indicators that are the sum of others: checked once, when an indicator set is built.

An indicator may declare the count indicators that add up to it (``Indicator.parts``).
The declaration is only useful if it is an equation a reader could use: every part
must be an indicator of the set, a count in the same unit as the total (children add
to children), named once, and no indicator may be a part of itself, directly or
through other totals.
"""

from __future__ import annotations

from collections.abc import Mapping

from corpparent import units
from corpparent.errors import DefinitionError
from corpparent.indicators.definitions import Indicator

__all__ = ["check_parts"]


def check_parts(indicators: Mapping[str, Indicator]) -> None:
    """Raise a [`DefinitionError`][corpparent.errors.DefinitionError] naming the first total whose
    parts are unusable."""
    for total in indicators.values():
        if not total.parts:
            continue
        repeated = sorted({p for p in total.parts if total.parts.count(p) > 1})
        if repeated:
            raise DefinitionError(
                f"indicator {total.id!r} names {', '.join(map(repr, repeated))} twice "
                "among its parts")
        for part_id in total.parts:
            part = indicators.get(part_id)
            if part is None:
                raise DefinitionError(
                    f"indicator {total.id!r} is the sum of {part_id!r}, which names no "
                    "indicator in the set")
            if not _counts_alike(total, part):
                raise DefinitionError(
                    f"indicator {total.id!r} is the sum of {part_id!r}, but only counts in "
                    f"the same unit add up: {total.unit_label} and {part.unit_label}")
    for start in indicators.values():
        _check_no_cycle(start, indicators)


def _counts_alike(total: Indicator, part: Indicator) -> bool:
    counted = units.same_dimension(total.unit, "child")
    return counted and units.same_dimension(part.unit, total.unit) and not part.is_proportion


def _check_no_cycle(start: Indicator, indicators: Mapping[str, Indicator]) -> None:
    path = [start.id]
    stack = [(part, [start.id, part]) for part in start.parts]
    while stack:
        current, path = stack.pop()
        if current == start.id:
            raise DefinitionError(
                f"indicator {start.id!r} is a part of itself: {' -> '.join(path)}")
        stack.extend((part, [*path, part]) for part in indicators[current].parts
                     if part not in path[1:])
