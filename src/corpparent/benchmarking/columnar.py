"""The columnar backend: LAIT's conventions on arrays, every authority at once.

Each function takes a matrix with one row per measure and period and one column per
authority (NaN where an authority has no number) and works on every row at once, so
the whole of LAIT (thousands of measure-years) costs a few NumPy passes rather than a
Python loop per authority. The rules are those of `corpparent.benchmarking.lait`
(R's type-7 quartile cuts, bands by polarity with ``No_Quartile`` honoured, "min"
ranks, group means and medians with missing numbers dropped), applied by the same
functions the scalar backend (`corpparent.benchmarking.scalar`) applies to one
set of numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from corpparent.benchmarking.lait import (
    MIN_VALUES_FOR_BANDS,
    QUARTILE_POINTS,
    band_index,
    middle,
    quarter,
    rank_from,
    type7_cut,
    type7_place,
)

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "bands",
    "group_statistics",
    "ranks",
    "row_quartiles",
]


def row_quartiles(ordered: NDArray[np.float64], count: NDArray[np.int64],
                  ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """The 25th, 50th and 75th percentiles of each row of ``ordered`` (sorted, NaN last,
    ``count`` numbers per row) by R's type 7; NaN for an empty row."""
    rows = np.arange(len(ordered))
    present = np.maximum(count, 1)
    cuts = []
    for p in QUARTILE_POINTS:
        low, high, h = type7_place(present.astype(np.float64), p)
        cut = type7_cut(ordered[rows, low.astype(np.int64)],
                        ordered[rows, high.astype(np.int64)], h)
        cuts.append(np.where(count > 0, cut, np.nan))
    return cuts[0], cuts[1], cuts[2]


def ranks(values: NDArray[np.float64], better_lower: NDArray[np.bool_],
          ) -> tuple[NDArray[np.int32], NDArray[np.float64], NDArray[np.int64]]:
    """Each number's rank within its row ("min" ties, 1 best; 0 where no number), the
    rows sorted ascending (NaN last) and each row's count of numbers.

    ``better_lower`` says, per row, that lower is better; otherwise higher is.
    """
    order = np.argsort(values, axis=1, kind="stable")
    ordered = np.take_along_axis(values, order, axis=1)
    count = np.count_nonzero(~np.isnan(values), axis=1).astype(np.int64)
    width = values.shape[1]
    column = np.broadcast_to(np.arange(width), values.shape)
    starts = np.ones(values.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    first = np.maximum.accumulate(np.where(starts, column, 0), axis=1)
    ends = np.ones(values.shape, dtype=bool)
    ends[:, :-1] = starts[:, 1:]
    last = np.flip(np.minimum.accumulate(np.flip(np.where(ends, column, width), axis=1),
                                         axis=1), axis=1)
    # Strictly below: the first of the tie's place; strictly above: the numbers after
    # the last of the tie.
    sorted_rank = rank_from(first, count[:, None] - 1 - last, better_lower[:, None])
    result = np.empty(values.shape, dtype=np.int32)
    np.put_along_axis(result, order, sorted_rank.astype(np.int32), axis=1)
    result[np.isnan(values)] = 0
    return result, ordered, count


def bands(values: NDArray[np.float64], ordered: NDArray[np.float64],
          count: NDArray[np.int64], better_lower: NDArray[np.bool_],
          banded: NDArray[np.bool_]) -> NDArray[np.int8]:
    """Each number's band index into [`BANDS`][corpparent.benchmarking.lait.BANDS] (0 is
    A, the best; 4 no band).

    Rows where ``banded`` is false (no polarity, neutral, or LAIT's ``No_Quartile``)
    and rows with fewer than
    [`MIN_VALUES_FOR_BANDS`][corpparent.benchmarking.lait.MIN_VALUES_FOR_BANDS] numbers get no band.
    """
    q25, q50, q75 = row_quartiles(ordered, count)
    lowest = quarter(values, q25[:, None], q50[:, None], q75[:, None])
    band = band_index(lowest, better_lower[:, None]).astype(np.int8)
    ok = (banded & (count >= MIN_VALUES_FOR_BANDS))[:, None] & ~np.isnan(values)
    return np.where(ok, band, 4).astype(np.int8)


def group_statistics(values: NDArray[np.float64], members: NDArray[np.int64],
                     *, median: bool = True,
                     ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]]:
    """For each row of ``values`` and each authority, the mean and median of its group's
    numbers and how many there are; NaN where none has one.

    ``members`` has one row per authority listing the columns of its group, padded
    with -1 (a neighbour not in the data, or none at all).
    """
    padded = np.concatenate([values, np.full((len(values), 1), np.nan)], axis=1)
    gathered = padded[:, members]  # rows x authorities x group size
    present = ~np.isnan(gathered)
    count = present.sum(axis=2)
    total = np.where(present, gathered, 0.0).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    if not median:
        return mean, np.full_like(mean, np.nan), count
    ordered = np.sort(gathered, axis=2)
    low = np.maximum((count - 1) // 2, 0)
    high = np.maximum(count // 2, 0)
    below = np.take_along_axis(ordered, low[..., None], axis=2)[..., 0]
    above = np.take_along_axis(ordered, high[..., None], axis=2)[..., 0]
    median = middle(below, above, count % 2 == 1)
    return mean, np.where(count > 0, median, np.nan), count
