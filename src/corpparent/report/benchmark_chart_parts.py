"""A measure's figures over time as a benchmark report's JSON carries them.

[`BenchmarkReport`][corpparent.report.model.BenchmarkReport] carries one
[`SeriesOut`][corpparent.report.benchmark_chart_parts.SeriesOut] for each measure shown
and each authority benchmarked: every period the national results hold, with the
authority's value, England's, its region's, its statistical neighbours' mean and median,
and the range of the authority's quartile band (what the charts shade behind its line;
`corpparent.runs.benchmark_series` says how it is cut). Every figure is rounded as the
DfE publishes the measure, as the table's are; rounding keeps order, so a value within
its band's range stays within it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from corpparent.report.parts import OutModel

if TYPE_CHECKING:
    from collections.abc import Callable

    from corpparent.runs.benchmark_series import Series

__all__ = ["Average", "SeriesOut", "SeriesPointOut", "series_out"]

#: The neighbours' figure a chart draws: their mean (LAIT's) or their median.
Average = Literal["mean", "median"]


class SeriesPointOut(OutModel):
    """One period of a measure's series for one authority."""

    period: str = Field(description="the period as written ('2024-25')")
    years: str = Field(description="the period as LAIT labels it ('2025')")
    value: float | None = None
    symbol: str | None = Field(default=None, description="why no value was published")
    england: float | None = None
    region_value: float | None = None
    neighbours_mean: float | None = None
    neighbours_median: float | None = None
    band: str | None = Field(default=None, description="quartile band, A the best")
    band_lower: float | None = Field(default=None, description="the lower boundary of the "
                                     "band's quarter of every authority's values")
    band_upper: float | None = Field(default=None, description="its upper boundary")


class SeriesOut(OutModel):
    """One measure over every period the national results hold, for one authority,
    oldest period first."""

    measure: str = Field(description="the LAIT measure code")
    measure_name: str | None = None
    authority: str
    authority_code: str
    region: str | None = None
    polarity: str | None = None
    axis: str | None = Field(default=None, description="the dictionary's axis title: what "
                             "the figures measure ('Rate per 10,000', 'Number')")
    points: list[SeriesPointOut]

    @property
    def counts(self) -> bool:
        """Whether the figures are counts ("Number of ..."), which areas of different
        sizes make incomparable: England's and the region's are not drawn beside an
        authority's."""
        axis = (self.axis or "").casefold()
        return axis.startswith("number") or axis in ("total cases", "entries")


def series_out(series: Series, name: str | None, polarity: str | None,
               rounded: Callable[[float], float], *, figures: bool = True) -> SeriesOut:
    """The report's part for ``series``, each figure through ``rounded``; without
    ``figures``, which measure and authority it is of and no points (for a chart folded
    away in a format that leaves it out)."""

    def shown(value: float | None) -> float | None:
        return None if value is None else rounded(value)

    return SeriesOut(
        measure=series.measure, measure_name=name, authority=series.authority,
        authority_code=series.authority_code, region=series.region, polarity=polarity,
        axis=series.axis or None,
        points=[SeriesPointOut(
            period=p.period, years=p.years, value=shown(p.value), symbol=p.symbol,
            england=shown(p.england), region_value=shown(p.region_value),
            neighbours_mean=shown(p.neighbours_mean),
            neighbours_median=shown(p.neighbours_median), band=p.band,
            band_lower=shown(p.band_lower), band_upper=shown(p.band_upper))
            for p in series.points] if figures else [])
