"""Funnel plots: which authorities are statistically above or below England, and which
are within what chance allows for their size.

Rank and quartile band ignore how many children a figure rests on: a small authority's
chance swing reads as a change of band. A funnel plot (Spiegelhalter 2005; the limits
and their sources are in `corpparent.benchmarking.funnel_limits`) puts each
authority's figure against its denominator, with control limits around the target that
narrow as the denominator grows. `funnel` flags each authority **above**,
**below** or **within** the limits at its own denominator, at 95% and at 99.8%, and
gives the limits and the curve for drawing; the flags come from
`corpparent.benchmarking.funnel_flags`, which flags every authority on every
measure-year at once, from the tail probability of each count, without a limit.

Over-dispersion (Spiegelhalter, Qual Saf Health Care 2005, 14:347-351). Each
authority's z-score is ``z_i = (y_i - θ0) / s(n_i)`` (its figure per unit less the
target, over the standard error at the target). They are **winsorised**: those below
the 10th percentile are set to it, those above the 90th to it (the percentiles by
linear interpolation, R's type 7). Then

* **multiplicative** (the default): ``φ = (1/I) Σ z_w²`` over the ``I`` authorities
  judged, and the limits are widened by ``√φ`` when ``φ > 1`` (never narrowed);
* **additive** (random effects): ``τ² = (I φ - (I - 1)) / (Σ w_i - Σ w_i² / Σ w_i)``
  with ``w_i = 1/s(n_i)²`` (a DerSimonian-Laird moment estimate on the winsorised
  z-scores), 0 when ``I φ ≤ I - 1``; the limits at ``n`` become those of standard error
  ``√(s(n)² + τ²)``;
* **none**: the plain binomial or Poisson limits.

A row whose denominator is missing, withheld (``c``), zero or negative, or whose
numerator is missing, withheld or impossible (negative, or above a proportion's
denominator), is **not judged**, with its reason; `Funnel.left_out` counts them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, final

from attrs import frozen

from corpparent.benchmarking.funnel_flags import (
    FLAGS,
    Dispersion,
    Flag,
    funnel_flags,
    row_dispersion,
    row_winsorised,
)
from corpparent.benchmarking.funnel_limits import (
    LEVELS,
    Kind,
    Limits,
    Method,
    inflated,
    limits_of,
    standard_error,
)
from corpparent.errors import DataError
from corpparent.periods import Period

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Dispersion", "Flag", "Funnel", "FunnelMeasure", "FunnelPoint",
           "FunnelRow", "Kind", "Limits", "Method", "dispersion_of", "funnel", "limits_at",
           "winsorised"]

#: The points the funnel's curve is drawn through, from the smallest denominator to
#: the largest, evenly spaced on a log scale.
CURVE_POINTS: Final = 60


@final
@frozen
class FunnelRow:
    """One authority's figure as published: its count and its denominator (a count of
    children, or a population), each None where not published, with the ``symbol``
    published in its place (``c``, ``x``, ``z``)."""

    authority: str
    numerator: float | None
    denominator: float | None
    symbol: str | None = None
    code: str = ""


@final
@frozen
class FunnelMeasure:
    """What one measure's funnel is drawn from, for one period: every authority's row,
    and England's own (its count over its denominator is the target), with what the
    figure is and the scale it is shown on (``per``)."""

    measure: str
    period: Period
    kind: Kind
    per: float
    england: FunnelRow | None
    rows: tuple[FunnelRow, ...]

    @property
    def target(self) -> float | None:
        """England's own figure on the scale shown, where its count and denominator
        were published."""
        england = self.england
        if england is None or not england.numerator or not england.denominator:
            return None
        return england.numerator / england.denominator * self.per

    def funnel(self, dispersion: Dispersion = Dispersion.MULTIPLICATIVE,
               method: Method = Method.EXACT) -> Funnel:
        """The funnel of `rows` around England's figure (their pooled figure where
        England's is not published)."""
        return funnel(self.rows, self.kind, target=self.target, per=self.per,
                      dispersion=dispersion, method=method)


@final
@frozen
class FunnelPoint:
    """One authority on the funnel: its figure on the scale shown, its z-score, the
    limits at its denominator and its flags; ``reason`` says why it is not judged."""

    authority: str
    code: str
    numerator: float | None
    denominator: float | None
    value: float | None
    z: float | None
    limits: Limits | None
    flag_95: Flag
    flag_998: Flag
    reason: str = ""


@final
@frozen
class Funnel:
    """A funnel plot: the target, how over-dispersion was allowed for, each authority's
    point and flags, and the curve of the limits for drawing (on the scale shown:
    ``per`` 100 for a percentage, 10,000 for a rate per 10,000)."""

    kind: Kind
    per: float
    target: float
    dispersion: Dispersion
    method: Method
    phi: float
    tau2: float
    points: tuple[FunnelPoint, ...]
    curve: tuple[Limits, ...]

    @property
    def left_out(self) -> int:
        """How many authorities were not judged."""
        return sum(p.flag_998 is Flag.NOT_JUDGED for p in self.points)

    @property
    def widened(self) -> bool:
        """Whether the limits were widened for over-dispersion."""
        return (self.dispersion is Dispersion.MULTIPLICATIVE and self.phi > 1) or (
            self.dispersion is Dispersion.ADDITIVE and self.tau2 > 0)

    def point(self, authority: str) -> FunnelPoint | None:
        """The point of ``authority`` (by name), if it was given."""
        return next((p for p in self.points if p.authority == authority), None)

    def point_of(self, code: str) -> FunnelPoint | None:
        """The point of the authority with ``code``, if it was given."""
        return next((p for p in self.points if p.code == code), None)


def _refusal(kind: Kind, row: FunnelRow) -> str:
    """Why ``row`` cannot be judged, or "" when it can."""
    withheld = f" ({row.symbol})" if row.symbol else ""
    n, y = row.denominator, row.numerator
    if n is None or not math.isfinite(n):
        return f"no denominator published{withheld}"
    if n <= 0:
        return f"denominator {n:g}: nothing to judge"
    if y is None or not math.isfinite(y):
        return f"no count published{withheld}"
    if y < 0:
        return f"count {y:g} is negative"
    if kind is Kind.PROPORTION and y > n:
        return f"count {y:g} is more than its denominator {n:g}"
    return ""


def winsorised(z: NDArray[np.float64]) -> NDArray[np.float64]:
    """The z-scores with those beyond the 10th and 90th percentiles (type 7) set to them."""
    import numpy as np

    return np.asarray(row_winsorised(np.asarray(z, dtype=np.float64)[None, :])[0])


def dispersion_of(z: NDArray[np.float64], se: NDArray[np.float64]) -> tuple[float, float]:
    """``(φ, τ²)`` from the authorities' z-scores and standard errors (per unit), as the
    module's docstring gives them."""
    import numpy as np

    phi, tau2 = row_dispersion(np.asarray(z, dtype=np.float64)[None, :],
                               np.asarray(se, dtype=np.float64)[None, :])
    return float(phi[0]), float(tau2[0])


def _factors(dispersion: Dispersion, phi: float, tau2: float,
             se: NDArray[np.float64]) -> NDArray[np.float64] | float:
    import numpy as np

    if dispersion is Dispersion.MULTIPLICATIVE and phi > 1:
        return math.sqrt(phi)
    if dispersion is Dispersion.ADDITIVE and tau2 > 0:
        return np.asarray(np.sqrt(1.0 + tau2 / se**2), dtype=np.float64)
    return 1.0


#: The probabilities of the limits, in the order `Limits` holds them.
_PROBABILITIES: Final = (LEVELS["99.8%"][0], *LEVELS["95%"], LEVELS["99.8%"][1])


def limits_at(kind: Kind, target: float, denominators: Sequence[float], *,
              factors: NDArray[np.float64] | float = 1.0, per: float = 1.0,
              method: Method = Method.EXACT) -> tuple[Limits, ...]:
    """The limits at each of ``denominators``, around ``target`` (per unit), worked out
    by ``method``, widened by ``factors`` (one, or one for each denominator), on the
    scale ``per``: every limit at every denominator in one pass."""
    import numpy as np

    n = np.asarray(denominators, dtype=np.float64)
    if not len(n):
        return ()
    rows = inflated(kind, target, limits_of(method, kind, target, n, _PROBABILITIES),
                    factors) * per
    return tuple(Limits(d, *columns) for d, *columns in zip(
        n.tolist(), *rows.tolist(), strict=True))


def _curve_denominators(kind: Kind, smallest: float, largest: float) -> list[float]:
    import numpy as np

    low, high = max(smallest, 1.0), max(largest, smallest, 1.0)
    spaced = np.geomspace(low, high * 1.05, CURVE_POINTS) if high > low else np.array([low])
    if kind is Kind.PROPORTION:
        spaced = np.unique(np.rint(spaced))
    return [float(d) for d in spaced]


def funnel(rows: Iterable[FunnelRow], kind: Kind, *, target: float | None = None,
           per: float | None = None, dispersion: Dispersion = Dispersion.MULTIPLICATIVE,
           method: Method = Method.EXACT) -> Funnel:
    """Each authority of ``rows`` flagged above, below or within the funnel's limits at
    its denominator, at 95% and 99.8%, with the curve of the limits for drawing.

    ``target`` is on the scale shown (``per``: 100 for a percentage, the default for a
    proportion; 10,000 for a rate per 10,000, the default for a rate). Give England's
    own figure; by default it is the pooled figure of the rows judged (their counts
    over their denominators), which is England's when the rows are every authority.
    ``method`` works the limits out from the exact distribution of the count (the
    default) or its normal approximation. Rows that cannot be judged are kept, flagged
    "not judged" with their reason.
    Raises [`DataError`][corpparent.errors.DataError] when no row can be judged, or when the
    target is not a figure the limits can be drawn around (a proportion strictly
    between 0 and 100%, a rate above 0).
    """
    import numpy as np

    scale = float(per if per is not None else 100.0 if kind is Kind.PROPORTION else 1e4)
    given = list(rows)
    y = np.array([math.nan if r.numerator is None else float(r.numerator) for r in given])
    n = np.array([math.nan if r.denominator is None else float(r.denominator)
                  for r in given])
    found = funnel_flags(y[None, :], n[None, :], kind, dispersion=dispersion, method=method,
                         targets=None if target is None else [target / scale])
    judged = found.judged[0]
    if not judged.any():
        raise DataError.single("funnel", f"none of the {len(given)} authorities has a "
                               "count and a denominator above 0: no funnel can be drawn")
    theta = float(found.target[0])
    if not found.centred[0]:
        raise DataError.single("target", f"target {theta * scale:g} cannot be a funnel's "
                               "centre: expected " + ("a proportion between 0 and "
                               f"{scale:g}, both excluded" if kind is Kind.PROPORTION
                               else "a rate above 0"))
    phi, tau2 = float(found.phi[0]), float(found.tau2[0])
    curve_n = _curve_denominators(kind, float(np.nanmin(n[judged])),
                                  float(np.nanmax(n[judged])))
    every = np.concatenate([n[judged], np.asarray(curve_n, dtype=np.float64)])
    factors = _factors(dispersion, phi, tau2, standard_error(kind, theta, every))
    drawn = limits_at(kind, theta, every.tolist(), factors=factors, per=scale,
                      method=method)
    at = iter(drawn[:int(judged.sum())])
    points = []
    for row, ok, score, flag_95, flag_998 in zip(
            given, judged.tolist(), found.z[0].tolist(), found.flag_95[0].tolist(),
            found.flag_998[0].tolist(), strict=True):
        if not ok:
            points.append(FunnelPoint(row.authority, row.code, row.numerator,
                                      row.denominator, None, None, None, Flag.NOT_JUDGED,
                                      Flag.NOT_JUDGED, _refusal(kind, row) or "not judged"))
            continue
        value = float(row.numerator or 0.0) / float(row.denominator or 1.0) * scale
        points.append(FunnelPoint(row.authority, row.code, row.numerator, row.denominator,
                                  value, score, next(at), FLAGS[flag_95], FLAGS[flag_998]))
    return Funnel(kind, scale, theta * scale, dispersion, method, phi, tau2, tuple(points),
                  drawn[int(judged.sum()):])
