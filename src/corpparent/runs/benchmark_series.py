"""Each measure's figures over time, for a benchmark's charts.

A benchmark's table shows the periods asked for; its charts show every period the
national results hold for each measure shown, whatever periods the table shows: the
authority's value, England's, its region's, its statistical neighbours' mean and median,
and the range of the quartile band the authority's value falls in.

The band's range is what a chart shades behind the authority's line: the lower and
upper boundary of the quarter of every authority's values that holds the authority's
own, cut by R's type-7 quantiles exactly as the band itself is
(`corpparent.benchmarking.lait`, by the engine's columnar backend): ``[minimum, q25]``,
``(q25, median]``, ``(median, q75]`` or ``(q75, maximum]``. So wherever a band is
shown, the authority's value lies within its range. A period without a band (a measure
without polarity, one LAIT marks ``No_Quartile = N``, or no value) has no range.
[`quartile_cuts`][corpparent.runs.benchmark_series.quartile_cuts] works the cuts of
every measure and period at once, on arrays, with the same function the engine uses.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, final

from attrs import field, frozen

from corpparent.benchmarking.lait import BANDS, Quartiles
from corpparent.indicators.definitions import Polarity

if TYPE_CHECKING:
    from corpparent.dfe.national_results import NationalResults
    from corpparent.periods import Period

__all__ = ["Series", "SeriesPoint", "band_range", "measure_series", "quartile_cuts"]

def _points(items: Iterable[SeriesPoint]) -> tuple[SeriesPoint, ...]:
    return tuple(items)


@final
@frozen
class SeriesPoint:
    """One period of a measure's series for one authority: the figures as published
    (``symbol`` says why the authority's value was not), its band, and the band's range
    (``band_lower``, ``band_upper``; None where no band is shown)."""

    period: str
    years: str
    value: float | None
    england: float | None
    region_value: float | None
    neighbours_mean: float | None
    neighbours_median: float | None
    symbol: str | None = None
    band: str | None = None
    band_lower: float | None = None
    band_upper: float | None = None


@final
@frozen
class Series:
    """One measure over every period the results hold, for one authority, oldest first;
    ``axis`` is the dictionary's axis title, what the figures measure ("Rate per
    10,000", "Number")."""

    measure: str
    authority: str
    authority_code: str
    region: str | None
    points: tuple[SeriesPoint, ...] = field(default=(), converter=_points)
    axis: str = ""


def band_range(cuts: Quartiles, band: str, polarity: Polarity | None) -> tuple[float, float]:
    """The lower and upper boundary of ``band`` (a letter, A the best quarter) among
    ``cuts``: the quarter counted from the lowest is the band's index where lower is
    better, and its reverse where higher is."""
    index = BANDS.index(band)
    lowest = index if polarity is Polarity.LOWER_IS_BETTER else 3 - index
    edges = (cuts.minimum, cuts.q25, cuts.median, cuts.q75, cuts.maximum)
    return edges[lowest], edges[lowest + 1]


def quartile_cuts(results: NationalResults, measures: Collection[str],
                  ) -> dict[tuple[str, str], Quartiles]:
    """The quartile cuts of every authority's values, by ``(measure, period)``, for each
    of ``measures`` in every period the results hold: the minimum, R's type-7 q25,
    median and q75, and the maximum, cut by the engine's own
    [`row_quartiles`][corpparent.benchmarking.columnar.row_quartiles] on the figures the
    engine banded (the results'
    [`every_value`][corpparent.dfe.national_results.NationalResults.every_value]: one row
    per measure and period, one column per authority), whichever authorities' rows the
    results hold."""
    import numpy as np

    from corpparent.benchmarking.columnar import row_quartiles

    every = results.every_value
    if every is None:
        return {}
    rows = [row for row, (measure, period) in enumerate(every.keys)
            if period is not None and measure in measures]
    ordered = np.sort(every.values[rows], axis=1)  # NaN last
    count = np.count_nonzero(~np.isnan(ordered), axis=1).astype(np.int64)
    some = count > 0
    ordered, count = ordered[some], count[some]
    keys = [every.keys[row] for row, any_value in zip(rows, some.tolist(), strict=True)
            if any_value]
    if not keys:
        return {}
    q25, q50, q75 = row_quartiles(ordered, count)
    top = ordered[np.arange(len(keys)), count - 1]
    return {(str(m), str(p)): Quartiles(low, a, b, c, high)
            for (m, p), low, a, b, c, high in zip(keys, ordered[:, 0].tolist(), q25.tolist(),
                                                  q50.tolist(), q75.tolist(), top.tolist(),
                                                  strict=True)}


def _number(row: Mapping[str, Any], name: str) -> float | None:
    found = row.get(name)
    return None if found is None or found != found else float(found)


def measure_series(rows: Sequence[Mapping[str, Any]], cuts: Mapping[tuple[str, str], Quartiles],
                   polarities: Mapping[str, Polarity | None],
                   periods: Mapping[str, Period],
                   axes: Mapping[str, str] | None = None, *,
                   figures: bool = True) -> list[Series]:
    """The series of each measure and authority of ``rows`` (engine rows of every
    period), in the order the rows first name them, each oldest period first, with its
    band's range from ``cuts``
    ([`quartile_cuts`][corpparent.runs.benchmark_series.quartile_cuts]); without
    ``figures``, which measure and authority each is of and no points."""
    grouped: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault((str(row["measure"]), str(row["authority_code"])), []).append(row)
    found = []
    for (measure, code), items in grouped.items():
        if not figures:  # named as from its oldest row, as with its points
            first = min(items, key=lambda r: periods[str(r["period"])])
            found.append(Series(measure, str(first["authority"]), code, first.get("region"),
                                axis=(axes or {}).get(measure, "")))
            continue
        items.sort(key=lambda r: periods[str(r["period"])])
        points = []
        for row in items:
            band = row.get("band") or None
            cut = cuts.get((measure, str(row["period"])))
            low, high = (None, None) if band is None or cut is None else band_range(
                cut, str(band), polarities.get(measure))
            points.append(SeriesPoint(
                str(row["period"]), str(row["years"]), value=_number(row, "value"),
                england=_number(row, "england"), region_value=_number(row, "region_value"),
                neighbours_mean=_number(row, "neighbours_mean"),
                neighbours_median=_number(row, "neighbours_median"),
                symbol=row.get("symbol"), band=band, band_lower=low, band_upper=high))
        first = items[0]
        found.append(Series(measure, str(first["authority"]), code, first.get("region"),
                            tuple(points), axis=(axes or {}).get(measure, "")))
    return found
