"""The benchmarking arithmetic on arrays: rank, quartile band, group means and medians.

Each function takes a matrix with one row per measure and period and one column per
authority (NaN where an authority has no number) and works on every row at once, so
the whole of LAIT (thousands of measure-years) costs a few NumPy passes rather than a
Python loop per authority. The conventions are those of the scalar path
(:mod:`corpparent.comparators.position`), which are LAIT's
(``R/fn_analysis.R``: ``calculate_quartile_band``, ``calculate_rank``):

* quartile cuts are R's default ``quantile`` (type 7, linear interpolation) of the
  authorities' numbers: with ``x[0] <= ... <= x[n-1]``, the cut at ``p`` is
  ``x[i] + f * (x[i+1] - x[i])`` where ``i + f = p * (n - 1)``;
* a band is closed at its low end for the lowest quarter only and at its high end for
  every quarter (``[min, q25]``, ``(q25, q50]``, ``(q50, q75]``, ``(q75, max]``), so
  a value on a cut belongs to the quarter below it; band A is the best quarter;
* rank 1 is the best, and ties share the best rank of the tie ("min" ties); a missing
  number has no rank and counts in no ``n``;
* the neighbours' (or a group's) mean and median drop the members with no number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "BANDS",
    "MIN_VALUES_FOR_BANDS",
    "bands",
    "group_statistics",
    "ranks",
    "row_quartiles",
]

#: Band letters by index; index 4 is "no band".
BANDS: Final = ("A", "B", "C", "D", "")
#: As :data:`corpparent.comparators.position.MIN_VALUES_FOR_BANDS`.
MIN_VALUES_FOR_BANDS: Final = 4


def row_quartiles(ordered: NDArray[np.float64], count: NDArray[np.int64],
                  ) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """The 25th, 50th and 75th percentiles of each row of ``ordered`` (sorted, NaN last,
    ``count`` numbers per row), by linear interpolation; NaN for an empty row."""
    rows = np.arange(len(ordered))
    last = np.maximum(count - 1, 0)
    cuts = []
    for p in (0.25, 0.5, 0.75):
        position = p * last.astype(np.float64)
        low = np.floor(position).astype(np.int64)
        fraction = position - low
        here = ordered[rows, low]
        step = np.minimum(low + 1, last)
        after = ordered[rows, step]
        interpolate = (fraction != 0) & (low + 1 < count)
        cut = np.where(interpolate, here + fraction * (after - here), here)
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
    # Lower is better: one more than the numbers strictly below (the first of the tie);
    # higher is better: one more than those strictly above (n minus the last of the tie).
    sorted_rank = np.where(better_lower[:, None], first + 1, count[:, None] - last)
    result = np.empty(values.shape, dtype=np.int32)
    np.put_along_axis(result, order, sorted_rank.astype(np.int32), axis=1)
    result[np.isnan(values)] = 0
    return result, ordered, count


def bands(values: NDArray[np.float64], ordered: NDArray[np.float64],
          count: NDArray[np.int64], better_lower: NDArray[np.bool_],
          banded: NDArray[np.bool_]) -> NDArray[np.int8]:
    """Each number's band index into :data:`BANDS` (0 is A, the best; 4 no band).

    Rows where ``banded`` is false (no polarity, neutral, or LAIT's ``No_Quartile``)
    and rows with fewer than :data:`MIN_VALUES_FOR_BANDS` numbers get no band.
    """
    q25, q50, q75 = row_quartiles(ordered, count)
    quarter = ((values > q25[:, None]).astype(np.int8) + (values > q50[:, None])
               + (values > q75[:, None]))
    band = np.where(better_lower[:, None], quarter, 3 - quarter).astype(np.int8)
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
    middle = np.where(count % 2 == 1, below, (below + above) / 2)
    return mean, np.where(count > 0, middle, np.nan), count
