"""Funnel flags for every authority on every measure and year at once.

`funnel_flags` takes a matrix of counts and one of denominators, every measure-year a
row and every authority a column (as the rank-and-band pass of
`corpparent.benchmarking.columnar` takes its figures), and flags every authority above,
below or within its funnel's limits at 95% and 99.8% in a few NumPy passes, without
working out a limit or drawing a curve: the curve is for a chart that is drawn
(`corpparent.benchmarking.funnel.funnel`). The method, the over-dispersion and the
rows not judged are those of `corpparent.benchmarking.funnel`.

**The flag from the tail probability of the count.** The paper's exact limit at
probability ``p`` (`corpparent.benchmarking.funnel_limits`) is ``(r_p - α)/n``, with
``r_p`` the smallest count whose cumulative probability ``F(r_p)`` is at least ``p`` and
``α = (F(r_p) - p) / (F(r_p) - F(r_p - 1))``: the count at which ``G``, the cumulative
probability drawn as straight lines between whole counts, reaches ``p``. An authority is
flagged when its figure lies strictly beyond the limit; a figure on the limit is within.
``G`` rises, so with the figure taken back to a count of the limits' distribution
(``x``: the count itself, or, where the limits are widened by ``k`` about the target
``θ0``, ``n θ0 + (y - n θ0)/k``),

* **above** at ``p`` exactly when ``G(x) > p``, and **below** exactly when ``G(x) < p``;
  ``G(x) = p`` is on the limit, within. For a whole count (no widening) ``G(x)`` is
  ``F(y)`` itself, so the discrete edge, ``F(y) = p`` with ``α = 0`` and the limit on the
  count, is within both ways;
* a count of 0 is never above: the limits are clipped at 0, as a figure is.

``G(x) = F(c) - (c - x)(F(c) - F(c - 1))`` with ``c`` the whole count at or above ``x``,
from the same distribution function as the limits
(`corpparent.benchmarking.funnel_limits.cumulative`). Working ``F`` out for every
authority would cost more than everything else together, so it is worked out only for
the few whose flag it decides: Zubkov and Serov's bounds ("A complete proof of universal
inequalities for the distribution function of the binomial law", *Theory of
Probability and its Applications* 57 (2013) 539-544), ``Φ(w(k)) ≤ F(k) ≤ Φ(w(k + 1))``
for every ``k < n`` with ``w(k) = sign(k - nθ) √(2n H(k/n, θ))`` and
``H(a, θ) = a ln(a/θ) + (1 - a) ln((1 - a)/(1 - θ))`` (for a rate, their limit as
``n`` grows, ``H`` becoming ``k ln(k/μ) - k + μ`` for the mean ``μ``), put ``G(x)``
between ``Φ(w(⌊x⌋))`` and ``Φ(w(⌈x⌉ + 1))``. Where ``p`` is outside that bracket (by a
margin far beyond rounding) the flag is decided by comparing ``w`` with the normal
quantile of ``p``, with no distribution function; where it is inside (the authorities
within a count or two of a limit), ``G(x)`` decides. The normal limits
(`Method.NORMAL`, ``θ0 ± k z_p s(n)``) flag where ``z/k`` is beyond ``z_p``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from statistics import NormalDist
from typing import TYPE_CHECKING, Final, final

from attrs import field, frozen

from corpparent.benchmarking.funnel_limits import LEVELS, Kind, Method, cumulative
from corpparent.benchmarking.lait import type7_cut, type7_place

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike, NDArray

__all__ = ["FLAGS", "Dispersion", "Flag", "FunnelFlags", "funnel_flags", "row_dispersion",
           "row_winsorised"]


class Dispersion(Enum):
    """How over-dispersion between authorities is allowed for."""

    MULTIPLICATIVE = "multiplicative"
    ADDITIVE = "additive"
    NONE = "none"


class Flag(Enum):
    """Where an authority's figure lies against the limits at its denominator."""

    ABOVE = "above"
    BELOW = "below"
    WITHIN = "within"
    NOT_JUDGED = "not judged"


#: The flags in the order `FunnelFlags` codes them (0 above ... 3 not judged).
FLAGS: Final = (Flag.ABOVE, Flag.BELOW, Flag.WITHIN, Flag.NOT_JUDGED)
#: The winsorising percentiles (Spiegelhalter 2005: "10% winsorised"), R's type 7.
WINSOR: Final = (0.10, 0.90)
#: How far (in standard normal units) the bounds must clear a limit to decide a flag
#: without the distribution function: many times the rounding of ``w``.
_MARGIN: Final = 1e-6


@final
@frozen(eq=False)
class FunnelFlags:
    """Every authority's flags on every measure-year: each matrix has a row per
    measure-year and a column per authority, each vector one entry per row.

    ``target`` is each row's centre per unit (England's figure given, else the pooled
    figure of the authorities judged); ``centred`` whether a funnel can be drawn around
    it (a proportion strictly between 0 and 1, a rate above 0, some authority judged);
    ``judged`` whether an authority's count and denominator can be judged; ``z`` its
    z-score (NaN where not judged); ``flag_95`` and ``flag_998`` index `FLAGS`."""

    target: NDArray[np.float64]
    centred: NDArray[np.bool_]
    phi: NDArray[np.float64]
    tau2: NDArray[np.float64]
    judged: NDArray[np.bool_]
    z: NDArray[np.float64]
    flag_95: NDArray[np.int8] = field(repr=False)
    flag_998: NDArray[np.int8] = field(repr=False)


def row_winsorised(z: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each row's z-scores (NaN where not judged) with those beyond the row's 10th and
    90th percentiles (R's type 7) set to them."""
    import numpy as np

    ordered = np.sort(z, axis=1)  # NaN last
    count = np.maximum(np.count_nonzero(~np.isnan(z), axis=1), 1).astype(np.float64)
    rows = np.arange(len(z))
    cuts = []
    for q in WINSOR:
        low, high, h = type7_place(count, q)
        cuts.append(type7_cut(ordered[rows, low.astype(np.int64)],
                              ordered[rows, high.astype(np.int64)], h)[:, None])
    return np.asarray(np.clip(z, cuts[0], cuts[1]), dtype=np.float64)


def row_dispersion(z: NDArray[np.float64], se: NDArray[np.float64],
                   ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Each row's ``(φ, τ²)`` from its z-scores and standard errors (per unit; NaN where
    not judged), as `corpparent.benchmarking.funnel` gives them: ``φ`` the mean square
    of the winsorised z-scores (1 for a row with none), ``τ²`` the moment estimate."""
    import numpy as np

    judged = ~np.isnan(z)
    count = np.count_nonzero(judged, axis=1)
    squares = np.where(judged, row_winsorised(z) ** 2, 0.0).sum(axis=1)
    phi = np.where(count > 0, squares / np.maximum(count, 1), 1.0)
    weights = np.where(judged, 1.0 / np.where(judged, se, 1.0) ** 2, 0.0)
    total = weights.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        spread = total - (weights**2).sum(axis=1) / total
        excess = count * phi - (count - 1)
        tau2 = np.where((excess > 0) & (spread > 0), excess / spread, 0.0)
    return phi, tau2


def _proportions(kinds: Kind | Sequence[Kind], rows: int) -> NDArray[np.bool_]:
    import numpy as np

    if isinstance(kinds, Kind):
        return np.full(rows, kinds is Kind.PROPORTION)
    return np.array([k is Kind.PROPORTION for k in kinds], dtype=bool).reshape(rows)


def _w(k: NDArray[np.float64], n: NDArray[np.float64], mean: NDArray[np.float64],
       share: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Zubkov and Serov's ``w(k)`` (``k`` stacked: one matrix for each count looked
    at); ``+inf`` beyond a proportion's denominator, where ``F`` is 1."""
    import numpy as np

    tiny = np.finfo(np.float64).tiny  # 0 ln 0 = 0
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        own = k * np.log(np.maximum(k, tiny) * (1.0 / mean))
        left = np.maximum(n - k, 0.0)
        rest = np.where(share, left * np.log(np.maximum(left, tiny) * (1.0 / (n - mean))),
                        mean - k)
        root = np.sqrt(np.maximum(2.0 * (own + rest), 0.0))
    return np.where(share & (k > n), np.inf, np.where(k < mean, -root, root))


def _exact(x: NDArray[np.float64], n: NDArray[np.float64], theta: NDArray[np.float64],
           share: NDArray[np.bool_]) -> NDArray[np.float64]:
    """``G(x)`` at each of the (few) counts given, one element each."""
    import numpy as np

    found = np.empty(len(x))
    for kind, chosen in ((Kind.PROPORTION, share), (Kind.RATE, ~share)):
        if chosen.any():
            c = np.ceil(x[chosen])
            at, step = cumulative(kind, c, n[chosen], theta[chosen])
            found[chosen] = at - (c - x[chosen]) * step
    return found


#: The limits' probabilities, each with its normal quantile and whether it is an
#: upper limit, 99.8% first.
_LIMITS: Final = tuple((p, NormalDist().inv_cdf(p), p > 0.5)
                       for p in (*LEVELS["99.8%"], *LEVELS["95%"]))


def funnel_flags(counts: ArrayLike, denominators: ArrayLike, kinds: Kind | Sequence[Kind],
                 *, targets: ArrayLike | None = None,
                 dispersion: Dispersion = Dispersion.MULTIPLICATIVE,
                 method: Method = Method.EXACT) -> FunnelFlags:
    """Every authority flagged above, below or within its funnel's limits at 95% and
    99.8%, every measure-year (row) at once.

    ``counts`` and ``denominators`` are matrices of the same shape (NaN where not
    published); ``kinds`` one kind for every row or one per row; ``targets`` each row's
    centre per unit (a share of 1, a rate per head), NaN or None for the pooled figure of
    the authorities judged. An authority whose denominator is missing, zero or
    negative, or whose count is missing, negative or above a proportion's denominator,
    is not judged; so is every authority of a row with no centre (`FunnelFlags`)."""
    import numpy as np

    y = np.atleast_2d(np.asarray(counts, dtype=np.float64))
    n = np.atleast_2d(np.asarray(denominators, dtype=np.float64))
    share = _proportions(kinds, len(y))[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        judged = (np.isfinite(n) & (n > 0) & np.isfinite(y) & (y >= 0)
                  & ~(share & (y > n)))
        pooled = (np.where(judged, y, 0.0).sum(axis=1)
                  / np.where(judged, n, 0.0).sum(axis=1))
    theta = pooled if targets is None else np.where(
        np.isnan(given := np.asarray(targets, dtype=np.float64).reshape(len(y))),
        pooled, given)
    centred = judged.any(axis=1) & (theta > 0) & ~(share[:, 0] & ~(theta < 1))
    ok = judged & centred[:, None]
    t = np.where(centred, theta, 0.5)[:, None]
    n = np.where(ok, n, np.nan)
    y = np.where(ok, y, np.nan)
    se = np.sqrt(np.where(share, t * (1 - t), t) / n)
    z = (y / n - t) / se
    phi, tau2 = row_dispersion(z, se)
    if dispersion is Dispersion.MULTIPLICATIVE:
        k = np.sqrt(np.maximum(phi, 1.0))[:, None]
    elif dispersion is Dispersion.ADDITIVE:
        k = np.where(tau2[:, None] > 0, np.sqrt(1.0 + tau2[:, None] / se**2), 1.0)
    else:
        k = np.ones((len(y), 1))
    beyond = (_normal(z / k) if method is Method.NORMAL
              else _exact_flags(y, n, t, k, share, ok))
    flags = []
    for upper, lower in ((beyond[3], beyond[2]), (beyond[1], beyond[0])):
        code = np.where(upper & (y > 0), 0, np.where(lower, 1, 2)).astype(np.int8)
        flags.append(np.where(ok, code, 3).astype(np.int8))
    return FunnelFlags(theta, centred, phi, tau2, judged, z, flags[0], flags[1])


def _normal(scaled: NDArray[np.float64]) -> list[NDArray[np.bool_]]:
    """Beyond each limit of `_LIMITS`: ``z/k`` past the normal quantile."""
    return [scaled > zp if upper else scaled < zp for _, zp, upper in _LIMITS]


def _exact_flags(y: NDArray[np.float64], n: NDArray[np.float64], t: NDArray[np.float64],
                 k: NDArray[np.float64], share: NDArray[np.bool_],
                 ok: NDArray[np.bool_]) -> list[NDArray[np.bool_]]:
    """Beyond each limit of `_LIMITS`, by the module's bounds and, where they do not
    decide, by ``G(x)``."""
    import numpy as np

    whole = np.where(share, np.maximum(np.rint(n), 1.0), n)  # a proportion's limits' n
    mean = whole * t
    taken = y * (whole / n)
    x = np.where(k == 1.0, taken, mean + (taken - mean) / k)
    # G(x) >= Φ(w_low) and G(x) <= Φ(w_high)
    w_low, w_high = _w(np.stack([np.floor(x), np.ceil(x) + 1.0]), whole, mean, share)
    sure, unsure = [], np.zeros(x.shape, dtype=bool)
    for _, zp, upper in _LIMITS:
        yes = w_low > zp + _MARGIN if upper else w_high < zp - _MARGIN
        no = w_high <= zp - _MARGIN if upper else w_low >= zp + _MARGIN
        sure.append(yes)
        unsure |= ok & ~yes & ~no
    if not unsure.any():
        return sure
    at = np.flatnonzero(unsure)  # the cells, in the flattened matrix
    row = at // x.shape[1]
    g = _exact(x.take(at), whole.take(at), t[row, 0], share[row, 0])
    for (p, _, upper), found in zip(_LIMITS, sure, strict=True):
        np.put(found, at, g > p if upper else g < p)
    return sure
