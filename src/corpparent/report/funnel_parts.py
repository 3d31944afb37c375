"""A funnel plot as a report's JSON carries it: the target, how over-dispersion was
allowed for, each authority's point and flags, and the curve of the limits.

`funnel_out` makes one from a `Funnel`;
`BenchmarkReport` carries one for each measure and
period of the benchmark that has a count and a denominator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from corpparent.report.parts import OutModel

if TYPE_CHECKING:
    from corpparent.benchmarking.funnel import Funnel, FunnelPoint, Limits

__all__ = ["FunnelLimitsOut", "FunnelOut", "FunnelPointOut", "funnel_out", "shown_limit"]

#: Flags as the JSON writes them.
FlagText = Literal["above", "below", "within", "not judged"]
#: Limits and targets keep this many decimal places: finer than any figure published,
#: without binary noise.
PLACES = 4


def shown_limit(value: float) -> float:
    """A limit rounded to `PLACES` decimal places (never -0.0)."""
    return round(value, PLACES) + 0.0


class FunnelLimitsOut(OutModel):
    """The 95% and 99.8% control limits at one denominator, on the scale shown."""

    denominator: float
    lower_998: float
    lower_95: float
    upper_95: float
    upper_998: float


class FunnelPointOut(OutModel):
    """One authority on the funnel."""

    authority: str
    code: str
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = Field(default=None, description="the count over the "
                                "denominator, on the scale shown")
    limits: FunnelLimitsOut | None = Field(default=None, description="the limits at its "
                                           "denominator")
    flag_95: FlagText
    flag_998: FlagText
    reason: str = Field(default="", description="why it was not judged")


class FunnelOut(OutModel):
    """One measure's funnel plot for one period (Spiegelhalter 2005)."""

    measure: str = Field(description="the LAIT measure code")
    measure_name: str | None = None
    period: str
    kind: Literal["proportion", "rate"]
    per: float = Field(description="the scale shown: 100 (a percentage) or 10,000")
    target: float = Field(description="England's own figure, the funnel's centre")
    method: Literal["exact", "normal"]
    dispersion: Literal["multiplicative", "additive", "none"]
    phi: float = Field(description="the over-dispersion factor from winsorised z-scores")
    tau2: float = Field(description="the between-authority variance (additive form)")
    widened: bool = Field(description="whether the limits were widened for "
                          "over-dispersion")
    left_out: int = Field(description="authorities not judged")
    authority_code: str = Field(description="the authority the benchmark is for")
    points: list[FunnelPointOut]
    curve: list[FunnelLimitsOut]

    @property
    def chosen(self) -> FunnelPointOut | None:
        """The point of the authority the benchmark is for."""
        return next((p for p in self.points if p.code == self.authority_code), None)


def _limits(limits: Limits) -> FunnelLimitsOut:
    return FunnelLimitsOut(denominator=limits.denominator,
                           lower_998=shown_limit(limits.lower_998),
                           lower_95=shown_limit(limits.lower_95),
                           upper_95=shown_limit(limits.upper_95),
                           upper_998=shown_limit(limits.upper_998))


def _point(point: FunnelPoint) -> FunnelPointOut:
    return FunnelPointOut(
        authority=point.authority, code=point.code, numerator=point.numerator,
        denominator=point.denominator,
        value=None if point.value is None else shown_limit(point.value),
        limits=None if point.limits is None else _limits(point.limits),
        flag_95=point.flag_95.value, flag_998=point.flag_998.value, reason=point.reason)


def funnel_out(funnel: Funnel, measure: str, period: str, authority_code: str,
               measure_name: str | None = None) -> FunnelOut:
    """The report's part for ``funnel``, drawn for the authority ``authority_code``."""
    return FunnelOut(
        measure=measure, measure_name=measure_name, period=period,
        kind=funnel.kind.value, per=funnel.per, target=shown_limit(funnel.target),
        method=funnel.method.value, dispersion=funnel.dispersion.value, phi=funnel.phi,
        tau2=funnel.tau2, widened=funnel.widened, left_out=funnel.left_out,
        authority_code=authority_code, points=[_point(p) for p in funnel.points],
        curve=[_limits(c) for c in funnel.curve])
