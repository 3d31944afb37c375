"""The scalar backend: LAIT's conventions for one set of numbers, in plain Python.

One authority's standing at a time (a scorecard, a chart, one benchmark finding) needs
no arrays: these functions take Python floats and apply the definitions of
`corpparent.benchmarking.lait` to them, so they give exactly the figures of the
columnar backend (`corpparent.benchmarking.columnar`), which a property test and a
test over the whole LAIT file hold them to.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence

from corpparent.benchmarking.lait import (
    BANDS,
    DIRECTIONS,
    MIN_VALUES_FOR_BANDS,
    QUARTILE_POINTS,
    Band,
    Quartiles,
    band_index,
    direction_index,
    is_banded,
    middle,
    quarter,
    rank_from,
    type7_cut,
    type7_place,
)
from corpparent.errors import DefinitionError
from corpparent.indicators.definitions import Polarity

__all__ = [
    "bands_of",
    "direction",
    "group_mean",
    "group_median",
    "quartile_band",
    "quartiles",
    "rank_in",
    "rank_values",
]


def _cut(ordered: Sequence[float], p: float) -> float:
    low, high, h = type7_place(len(ordered), p)
    return type7_cut(ordered[int(low)], ordered[int(high)], h)


def quartiles(values: Iterable[float]) -> Quartiles:
    """The quartile cuts of ``values`` by R's type 7, exactly as LAIT works them.
    Needs at least one value."""
    ordered = sorted(values)
    if not ordered:
        raise DefinitionError("quartiles need at least one value")
    q25, q50, q75 = (_cut(ordered, p) for p in QUARTILE_POINTS)
    return Quartiles(ordered[0], q25, q50, q75, ordered[-1])


def quartile_band(value: float, cuts: Quartiles, polarity: Polarity | None,
                  *, banded: bool = True) -> Band | None:
    """The band of ``value`` against ``cuts``; ``None`` for a measure without bands
    (no better direction, or ``banded`` false: LAIT's ``No_Quartile = N``).

    A value below the minimum or above the maximum (a figure that was not among those
    the cuts came from) falls in the end band it is beyond.
    """
    if not is_banded(polarity, banded):
        return None
    index = band_index(quarter(value, cuts.q25, cuts.median, cuts.q75),
                       polarity is Polarity.LOWER_IS_BETTER)
    return Band(BANDS[index])


def rank_in(ordered: Sequence[float], value: float, polarity: Polarity | None) -> int | None:
    """The rank ``value`` has among ``ordered`` (sorted numbers): one more than those
    strictly better; ``None`` without a better direction."""
    if polarity not in (Polarity.LOWER_IS_BETTER, Polarity.HIGHER_IS_BETTER):
        return None
    below = bisect_left(ordered, value)
    above = len(ordered) - bisect_right(ordered, value)
    found: int = rank_from(below, above, polarity is Polarity.LOWER_IS_BETTER)
    return found


def rank_values(values: Mapping[str, float], polarity: Polarity | None) -> dict[str, int]:
    """Rank 1 is the best; ties share the best rank of the tie. Empty without a better
    direction."""
    ordered = sorted(values.values())
    found = {name: rank_in(ordered, value, polarity) for name, value in values.items()}
    return {name: rank for name, rank in found.items() if rank is not None}


def bands_of(values: Mapping[str, float], polarity: Polarity | None,
             *, banded: bool = True) -> dict[str, Band]:
    """Every value's band among ``values`` themselves; empty without bands or with
    fewer than [`MIN_VALUES_FOR_BANDS`][corpparent.benchmarking.lait.MIN_VALUES_FOR_BANDS]
    values."""
    if len(values) < MIN_VALUES_FOR_BANDS or not is_banded(polarity, banded):
        return {}
    cuts = quartiles(values.values())
    return {name: band for name, value in values.items()
            if (band := quartile_band(value, cuts, polarity)) is not None}


def group_mean(values: Iterable[float]) -> float | None:
    """The mean of a group's numbers (the members without one already left out);
    ``None`` for none."""
    numbers = list(values)
    return statistics.fmean(numbers) if numbers else None


def group_median(values: Iterable[float]) -> float | None:
    """The median of a group's numbers; ``None`` for none."""
    ordered = sorted(values)
    if not ordered:
        return None
    count = len(ordered)
    found: float = middle(ordered[(count - 1) // 2], ordered[count // 2], count % 2 == 1)
    return found


def direction(before: float | None, now: float | None) -> str:
    """The direction of travel from ``before`` (the period just before) to ``now``."""
    if before is None or now is None:
        return DIRECTIONS[0]
    return DIRECTIONS[direction_index(now - before)]
