"""The sums an aggregate is made of, for one period, worked out for every indicator at once.

A scorecard aggregates each of thousands of indicators' months to the same few quarters
and years: the period assessed, the one before, the same one last year and each period of
its trend. [`period_sums`][corpparent.indicators.tiling_sums.period_sums] adds up, for one
period and every indicator whose readings tile it
([`every_tiling`][corpparent.indicators.tilings.every_tiling]), the pieces' values,
numerators and denominators, and counts those missing, over whole columns, so that
[`value_for`][corpparent.indicators.aggregation.value_for] need not gather each
indicator's pieces in Python. Each sum is added left to right, in period order, as
[`added`][corpparent.indicators.tiling_sums.added] adds one indicator's pieces, so the
two give the same figure to the last bit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any, NamedTuple

from corpparent.periods import Period

__all__ = ["FigureArrays", "TilingSums", "added", "period_sums"]


class TilingSums(NamedTuple):
    """What the pieces that tile a period add up to: their periods, each figure's sum
    over the pieces that have it and how many lack it, and the last piece's value and
    population (a snapshot's value, a rate's base)."""

    pieces: tuple[Period, ...]
    value: float
    missing_values: int
    numerator: float
    missing_numerators: int
    denominator: float
    missing_denominators: int
    last_value: float
    last_population: float


class FigureArrays(NamedTuple):
    """A store's figures as NumPy arrays of floats in the store's order, NaN where a
    reading has no such figure."""

    value: Any
    numerator: Any
    denominator: Any
    population: Any


def added(numbers: Iterable[float]) -> float:
    """``numbers`` added one after another, left to right: the order a period's pieces
    are summed in, whichever way they are found."""
    total = 0.0
    for number in numbers:
        total += number
    return total


def period_sums(tilings: Mapping[int, list[int] | None], figures: FigureArrays,
                period_codes: Sequence[int], periods: Sequence[Period]
                ) -> dict[int, TilingSums]:
    """For each indicator (by its code) of ``tilings`` whose readings tile the period
    (its places in the store, in period order), the sums of its pieces' ``figures``,
    with the pieces' periods (each place's period is ``periods[period_codes[place]]``; one
    tuple of them for all indicators whose pieces' periods are alike)."""
    import numpy as np

    codes = [code for code, places in tilings.items() if places]
    if not codes:
        return {}
    lists = [tilings[code] or [] for code in codes]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    last = flat[starts + lengths - 1]

    def summed(column: Any) -> tuple[list[float], list[int]]:
        total = np.zeros(len(lists))
        missing = np.zeros(len(lists), dtype=np.int64)
        for step in range(int(lengths.max())):
            has = np.flatnonzero(lengths > step)
            numbers = column[flat[starts[has] + step]]
            lacking = np.isnan(numbers)
            missing[has] += lacking
            total[has] += np.where(lacking, 0.0, numbers)  # left to right, as `added`
        return total.tolist(), missing.tolist()

    value, missing_values = summed(figures.value)
    numerator, missing_numerators = summed(figures.numerator)
    denominator, missing_denominators = summed(figures.denominator)
    alike: dict[tuple[int, ...], tuple[Period, ...]] = {}
    pieces = []
    for places in lists:
        key = tuple([period_codes[at] for at in places])
        named = alike.get(key)
        if named is None:
            named = alike[key] = tuple(periods[code] for code in key)
        pieces.append(named)
    return {code: TilingSums(*row) for code, row in zip(codes, zip(
        pieces, value, missing_values, numerator, missing_numerators,
        denominator, missing_denominators, figures.value[last].tolist(),
        figures.population[last].tolist(), strict=True), strict=True)}
