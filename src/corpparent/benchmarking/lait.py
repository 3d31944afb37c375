"""LAIT's benchmarking conventions, written once for both backends.

The Department for Education's Local Authority Interactive Tool (LAIT) places every
authority on each measure (``R/fn_analysis.R``: ``calculate_quartile_band``,
``calculate_rank``, ``calculate_trend``; the project's reference notes §3.1):

* **Quartile cuts** are R's ``quantile(x, na.rm = TRUE)`` of all authorities' numbers,
  R's default type 7. R works it as ``index <- 1 + (n - 1) * probs``,
  ``lo <- floor(index)``, ``hi <- ceiling(index)``, ``h <- index - lo`` and, where
  ``index > lo`` and ``x[hi] != x[lo]``, ``(1 - h) * x[lo] + h * x[hi]``; elsewhere the
  cut is ``x[lo]`` itself. The weighted form matters: ``x[lo] + h * (x[hi] - x[lo])``
  is the same number on paper but not in floating point, and on the published file's
  noise ("99.100000000000009" beside "99.1") it moves authorities across a cut.
* **Bands**: ``[min, q25]``, ``(q25, q50]``, ``(q50, q75]``, ``(q75, max]``, a value on
  a cut belonging to the quarter below it; A B C D from the lowest where lower is
  better ("Polarity Low"), D C B A where higher is better, so **band A is always the
  best quarter**. No band for a measure without polarity or one the dictionary marks
  ``No_Quartile = N`` (LAIT's ``no_qb_indicators``), nor with fewer than
  [`MIN_VALUES_FOR_BANDS`][corpparent.benchmarking.lait.MIN_VALUES_FOR_BANDS] numbers.
* **Rank**: ``rank(values, ties.method = "min")`` on the value (lower is better) or its
  negation (higher is better): one more than the numbers strictly better, so tied
  values share the best rank of the tie and rank 1 is the best. No number, no rank.
* **Group figures** (statistical neighbours, the Outstanding group): the mean ("simple
  averages ... where data does not exist ... excluded from the mean") and the median of
  the members with a number.
* **Direction of travel** (``calculate_trend``): the sign of the change from the period
  just before: increase, decrease or no change; not comparable without both numbers.

Each rule is one function of plain arithmetic and comparisons, so the same definition
serves the scalar backend (`corpparent.benchmarking.scalar`, Python floats) and
the columnar backend (`corpparent.benchmarking.columnar`, NumPy arrays holding
every authority at once); `choose` is the one place the two differ.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar, final

from attrs import frozen

from corpparent.indicators.definitions import Polarity

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "BANDS",
    "DIRECTIONS",
    "MIN_VALUES_FOR_BANDS",
    "QUARTILE_POINTS",
    "Band",
    "Quartiles",
    "band_index",
    "choose",
    "direction_index",
    "is_banded",
    "middle",
    "quarter",
    "rank_from",
    "type7_cut",
    "type7_place",
]

#: Fewer numeric values than this give no quartile band: a "quarter" of three
#: authorities tells a panel nothing. LAIT always has about 150.
MIN_VALUES_FOR_BANDS: Final = 4
#: The probabilities of the three inner cuts (R's ``quantile`` gives 0% and 100% too).
QUARTILE_POINTS: Final = (0.25, 0.5, 0.75)
#: Band letters by index from the best quarter; index 4 is "no band".
BANDS: Final = ("A", "B", "C", "D", "")
#: Directions of travel by index (`direction_index`).
DIRECTIONS: Final = ("not comparable", "increase", "decrease", "no change")

#: A Python float (the scalar backend) or an array of them (the columnar backend).
Number = TypeVar("Number", float, "NDArray[np.float64]")


class Band(Enum):
    """A quartile band; A is always the best quarter."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    def __str__(self) -> str:
        return self.value


@final
@frozen
class Quartiles:
    """The five cut points of a set of values (minimum, q25, median, q75, maximum)."""

    minimum: float
    q25: float
    median: float
    q75: float
    maximum: float


def choose(condition: Any, then: Any, otherwise: Any) -> Any:
    """``then`` where ``condition`` holds, else ``otherwise``: Python's conditional for a
    single value, NumPy's ``where`` for arrays (element by element)."""
    if isinstance(condition, bool):
        return then if condition else otherwise
    import numpy as np

    return np.where(condition, then, otherwise)


def type7_place(count: Any, p: float) -> tuple[Any, Any, Any]:
    """Where R's type-7 cut at probability ``p`` falls among ``count`` sorted numbers:
    the 0-based positions of ``x[lo]`` and ``x[hi]`` and the weight ``h``.

    R: ``index <- 1 + (n - 1) * probs; lo <- floor(index); hi <- ceiling(index);
    h <- index - lo``. ``count`` is an int or an array of counts (at least 1 each)."""
    index = 1 + (count - 1) * p
    low = index // 1
    high = -(-index // 1)
    return low - 1, high - 1, index - low


def type7_cut(low: Number, high: Number, h: Any) -> Number:
    """R's type-7 cut from ``x[lo]``, ``x[hi]`` and ``h`` (`type7_place`):
    ``(1 - h) * x[lo] + h * x[hi]`` where ``h > 0`` and the two differ, else ``x[lo]``."""
    weighted = (1 - h) * low + h * high
    found: Number = choose((h > 0) & (high != low), weighted, low)
    return found


def quarter(value: Any, q25: Any, q50: Any, q75: Any) -> Any:
    """The quarter of ``value`` from the lowest (0 to 3), a value on a cut belonging to
    the quarter below it: ``[min, q25]``, ``(q25, q50]``, ``(q50, q75]``, ``(q75, max]``."""
    return 1 * (value > q25) + 1 * (value > q50) + 1 * (value > q75)


def band_index(lowest_quarter: Any, lower_is_better: Any) -> Any:
    """The band's index into [`BANDS`][corpparent.benchmarking.lait.BANDS] (0 is A, the best) of a
    quarter counted from the lowest: the same where lower is better, reversed where higher is."""
    return choose(lower_is_better, lowest_quarter, 3 - lowest_quarter)


def is_banded(polarity: Polarity | None, quartiles: bool = True) -> bool:
    """Whether a measure is shown with quartile bands at all: it has a better direction
    and the dictionary does not mark it ``No_Quartile = N``."""
    return quartiles and polarity in (Polarity.LOWER_IS_BETTER, Polarity.HIGHER_IS_BETTER)


def rank_from(below: Any, above: Any, lower_is_better: Any) -> Any:
    """The "min" rank from how many numbers are strictly below and strictly above the
    value: one more than those strictly better."""
    return 1 + choose(lower_is_better, below, above)


def middle(below: Any, above: Any, odd: Any) -> Any:
    """The median from the two middle numbers of a sorted group (the same one when the
    group is odd): the middle one, or the mean of the two."""
    return choose(odd, below, (below + above) / 2)


def direction_index(change: Any) -> Any:
    """The direction of travel's index into [`DIRECTIONS`][corpparent.benchmarking.lait.DIRECTIONS]
    from the change since the period just before (NaN when either number is missing)."""
    return choose(change != change, 0, choose(change > 0, 1, choose(change < 0, 2, 3)))
