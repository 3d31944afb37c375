"""Funnel-plot control limits: where chance alone would put an authority, by denominator.

The method is Spiegelhalter's (D. J. Spiegelhalter, "Funnel plots for comparing
institutional performance", *Statistics in Medicine* 24 (2005) 1185-1202, and
"Handling over-dispersion of performance indicators", *Quality and Safety in Health
Care* 14 (2005) 347-351). Around a target ``θ0`` (England's own figure), the limits at
denominator ``n`` are the ``p`` and ``1 - p`` quantiles of the count an authority of
that size would have if its true figure were ``θ0``:

* a **proportion** (care leavers in suitable accommodation of all care leavers): the
  count is Binomial(``n``, ``θ0``);
* a **rate** (children looked after per 10,000 children): the count is
  Poisson(``θ0 · n``), ``n`` the population.

By default the limits are the **exact** quantiles (`Method.EXACT`), not the normal
approximation ``θ0 ± z_p s(n)`` (`Method.NORMAL`, with ``s(n)``
below and ``z_p`` the standard normal quantile): the figures benchmarked rest
on denominators as small as 10 (care leavers of a small authority) and proportions near
90%, where the normal limits are visibly wrong (too narrow on the short side, and
beyond 100% on the other). A quantile of a count is a whole number, so the limit as
drawn would be a staircase; the paper (Statistics in Medicine 2005, its appendix)
interpolates it. With ``r_p`` the smallest count whose cumulative probability
``F(r_p)`` is at least ``p``:

    α = (F(r_p) - p) / (F(r_p) - F(r_p - 1))
    limit = (r_p - α) / n

which is the count at which the cumulative probability, drawn as straight lines
between whole counts, reaches ``p``. A count is discrete, so exact limits narrow as the
denominator grows only up to a fraction of one count (a small saw-tooth where the
denominators are small); the normal limits narrow strictly. The limits are then
clipped to what a figure can be: 0 to 1 for a proportion, 0 upwards for a rate.

**Over-dispersion** (Qual Saf Health Care 2005, "multiplicative" and "additive"
models): where authorities differ more than chance allows, the limits are widened
about the target. With ``s(n)`` the standard error at the target, ``√(θ0(1 - θ0)/n)``
for a proportion and ``√(θ0/n)`` for a rate, a limit at distance ``d`` from ``θ0`` is
moved to distance ``k · d`` with

* ``k = √φ`` (multiplicative; only when ``φ > 1``), or
* ``k = √(1 + τ²/s(n)²)`` (additive random effects), which for the normal limits is
  exactly the paper's ``θ0 ± z_p √(s(n)² + τ²)``.

With ``k = 1`` the limits are the plain binomial or Poisson limits, to the last digit.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from statistics import NormalDist
from typing import TYPE_CHECKING, Final, final

from attrs import frozen

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["LEVELS", "Kind", "Limits", "Method", "cumulative", "exact_limits", "inflated",
           "limits_of", "normal_limits", "standard_error"]

#: The two-sided coverages drawn: 95% (about two standard errors) and 99.8% (about
#: three), the paper's choice; each as the lower and upper tail probability.
LEVELS: Final = {"95%": (0.025, 0.975), "99.8%": (0.001, 0.999)}


class Kind(Enum):
    """What a figure is: a share of its denominator, or a count per head of population."""

    PROPORTION = "proportion"
    RATE = "rate"


class Method(Enum):
    """How the limits are worked out: the exact distribution of the count, or the normal
    approximation to it."""

    EXACT = "exact"
    NORMAL = "normal"


@final
@frozen
class Limits:
    """The control limits at one denominator, on the scale shown (a percentage, a rate
    per 10,000): 95% and 99.8% two-sided."""

    denominator: float
    lower_998: float
    lower_95: float
    upper_95: float
    upper_998: float


def standard_error(kind: Kind, target: float,
                   denominators: NDArray[np.float64]) -> NDArray[np.float64]:
    """``s(n)``: the standard error of an authority's figure at the target, per unit
    (a proportion of 1, a rate per head): ``√(θ0(1 - θ0)/n)`` or ``√(θ0/n)``."""
    import numpy as np

    spread = target * (1 - target) if kind is Kind.PROPORTION else target
    return np.asarray(np.sqrt(spread / denominators), dtype=np.float64)


def _levels(p: float | Sequence[float]) -> NDArray[np.float64]:
    """The probabilities as a column, so that they broadcast against the denominators:
    one row of limits for each."""
    import numpy as np

    return np.asarray(p, dtype=np.float64).reshape(-1, 1)


def exact_limits(kind: Kind, target: float, denominators: NDArray[np.float64],
                 p: float | Sequence[float]) -> NDArray[np.float64]:
    """The interpolated exact ``p`` quantile of the figure (per unit) at each
    denominator, for a true figure of ``target`` (per unit): ``(r_p - α)/n`` as above,
    clipped to 0-1 for a proportion and to 0 upwards for a rate; one row for each
    probability given (all worked out in one pass). A proportion's denominators are
    counts and are taken to the nearest whole number. ``F(r_p) - F(r_p - 1)`` is the
    probability of the count ``r_p`` itself."""
    import numpy as np
    from scipy import stats

    n = np.asarray(denominators, dtype=np.float64)
    levels = _levels(p)
    if kind is Kind.PROPORTION:
        n = np.maximum(np.rint(n), 1.0)
        r = np.asarray(stats.binom.ppf(levels, n, target), dtype=np.float64)
    else:
        r = np.asarray(stats.poisson.ppf(levels, target * n), dtype=np.float64)
    at, step = cumulative(kind, r, n, target)
    alpha = np.divide(at - levels, step, out=np.zeros_like(step), where=step > 0)
    limit = (r - alpha) / n
    upper = 1.0 if kind is Kind.PROPORTION else np.inf
    return np.asarray(np.clip(limit, 0.0, upper), dtype=np.float64)


def cumulative(kind: Kind, counts: NDArray[np.float64], denominators: NDArray[np.float64],
               target: float | NDArray[np.float64],
               ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``F(r)`` and ``F(r) - F(r - 1)`` (the probability of the count ``r`` itself) at
    each whole count ``r`` of ``counts``, for a denominator (a proportion's taken whole)
    and a true figure ``target`` per unit (one, or one for each count): the one
    distribution function both the limits and the flags
    (`corpparent.benchmarking.funnel_flags`) are worked out from."""
    import numpy as np
    from scipy import special, stats

    if kind is Kind.PROPORTION:
        return (np.asarray(stats.binom.cdf(counts, denominators, target), dtype=np.float64),
                np.asarray(stats.binom.pmf(counts, denominators, target), dtype=np.float64))
    mean = target * denominators  # SciPy's Poisson distribution, without its checks
    return (np.asarray(special.pdtr(counts, mean), dtype=np.float64),
            np.exp(special.xlogy(counts, mean) - special.gammaln(counts + 1) - mean))


def normal_limits(kind: Kind, target: float, denominators: NDArray[np.float64],
                  p: float | Sequence[float]) -> NDArray[np.float64]:
    """The normal approximation to the ``p`` limit at each denominator: ``θ0 + z_p s(n)``,
    clipped as `exact_limits` clips; one row for each probability given."""
    import numpy as np

    z = np.array([[NormalDist().inv_cdf(float(q))] for q in _levels(p)[:, 0]])
    limit = target + z * standard_error(kind, target, np.asarray(denominators, np.float64))
    upper = 1.0 if kind is Kind.PROPORTION else np.inf
    return np.asarray(np.clip(limit, 0.0, upper), dtype=np.float64)


def limits_of(method: Method, kind: Kind, target: float,
              denominators: NDArray[np.float64],
              p: float | Sequence[float]) -> NDArray[np.float64]:
    """The ``p`` limits at each denominator by ``method``, one row for each ``p``."""
    if method is Method.NORMAL:
        return normal_limits(kind, target, denominators, p)
    return exact_limits(kind, target, denominators, p)


def inflated(kind: Kind, target: float, limits: NDArray[np.float64],
             factors: NDArray[np.float64] | float) -> NDArray[np.float64]:
    """``limits`` moved away from ``target`` by ``factors`` (``k`` above; 1 leaves them
    as they are, to the last digit), clipped to what a figure can be."""
    import numpy as np

    k = np.asarray(factors, dtype=np.float64)
    if k.ndim == 0 and float(k) == 1.0:
        return limits
    moved = np.where(k == 1.0, limits, target + k * (limits - target))
    upper = 1.0 if kind is Kind.PROPORTION else np.inf
    return np.asarray(np.clip(moved, 0.0, upper), dtype=np.float64)
