"""Process limits of an individuals (XmR) chart: the mean, the average moving range, and
the limits they set.

The constants are those of NHS England's "Making Data Count" statistical process control
and of the NHS-R Community's NHSRplotthedots package:

* "XmR limits: mean ± 2.66 × mean moving range. Sigma lines at 2.66×(1/3) and
  2.66×(2/3). Moving-range upper limit 3.267 × mean MR" (NHS England SPC charts SQL
  query v2.6, NHSE Improvement Analytics Team);
* NHSRplotthedots (``R/ptd_spc_standard.R``) keeps a moving range only while it is
  below ``3.267 * amr`` when screening outliers, then averages again: a moving range at
  or above 3.267 times the average is screened out before the limits are set. Screening
  is on by default there; the Making Data Count Excel tool and the SQL query's default
  (``@ExcludeMovingRangeOutliers = 0``) do not screen.

An average moving range of zero (every baseline value the same) sets no limits a value
can be judged against: [`Limits`][corpparent.spc.limits.Limits] then says so with
[`Limits.varies`][corpparent.spc.limits.Limits.varies] false, and nothing divides by it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import Final, final

from attrs import frozen

from corpparent.errors import DefinitionError

__all__ = [
    "LIMIT_FACTOR",
    "MOVING_RANGE_FACTOR",
    "Limits",
    "moving_ranges",
    "process_limits",
]

#: The process limits lie this many average moving ranges from the mean (3 sigma, with
#: sigma estimated as the average moving range over d2 = 1.128).
LIMIT_FACTOR: Final = 2.66
#: The upper limit of the moving ranges, in average moving ranges (D4 = 3.267).
MOVING_RANGE_FACTOR: Final = 3.267


def moving_ranges(values: Sequence[float]) -> tuple[float, ...]:
    """The absolute differences between each value and the one before it."""
    return tuple(abs(after - before) for before, after in pairwise(values))


@final
@frozen
class Limits:
    """The centre line and process limits set from a baseline.

    ``average_moving_range`` is the average after any screening; ``screened`` counts the
    moving ranges left out by it. ``sigma`` is one third of the distance from the mean to
    a limit (2.66 / 3 average moving ranges).
    """

    mean: float
    average_moving_range: float
    baseline_points: int
    screened: int = 0

    @property
    def varies(self) -> bool:
        """Whether the baseline varies at all: with an average moving range of zero the
        limits coincide with the mean and judge nothing."""
        return self.average_moving_range > 0

    @property
    def lower(self) -> float:
        """The lower process limit: mean - 2.66 × average moving range."""
        return self.mean - LIMIT_FACTOR * self.average_moving_range

    @property
    def upper(self) -> float:
        """The upper process limit: mean + 2.66 × average moving range."""
        return self.mean + LIMIT_FACTOR * self.average_moving_range

    @property
    def sigma(self) -> float:
        """One sigma: a third of the distance from the mean to a limit."""
        return LIMIT_FACTOR * self.average_moving_range / 3

    @property
    def lower_two_sigma(self) -> float:
        """The lower two-sigma line: mean - 2.66 × (2/3) × average moving range."""
        return self.mean - 2 * self.sigma

    @property
    def upper_two_sigma(self) -> float:
        """The upper two-sigma line: mean + 2.66 × (2/3) × average moving range."""
        return self.mean + 2 * self.sigma


def process_limits(baseline: Sequence[float], *, screen_outliers: bool = True) -> Limits:
    """The limits set by ``baseline``: at least two finite values, in order.

    With ``screen_outliers`` (NHSRplotthedots' default), moving ranges at or above
    3.267 times their average are left out and the average taken again; without it
    (the Making Data Count Excel tool), every moving range counts.
    """
    if len(baseline) < 2:
        raise DefinitionError(
            f"process limits need at least 2 values to have a moving range, got "
            f"{len(baseline)}")
    if not all(math.isfinite(v) for v in baseline):
        raise DefinitionError("process limits need finite values, not NaN or infinity")
    mean = math.fsum(baseline) / len(baseline)
    ranges = moving_ranges(baseline)
    average = math.fsum(ranges) / len(ranges)
    screened = 0
    if screen_outliers and average > 0:
        kept = [r for r in ranges if r < MOVING_RANGE_FACTOR * average]
        screened = len(ranges) - len(kept)
        average = math.fsum(kept) / len(kept)
    return Limits(mean=mean, average_moving_range=average, baseline_points=len(baseline),
                  screened=screened)
