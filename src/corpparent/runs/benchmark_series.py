"""Each measure's figures over time, for a benchmark's charts.

A benchmark's table shows the periods asked for; its charts show every period the
national results hold for each measure shown, whatever periods the table shows: the
authority's value, England's, its region's, its statistical neighbours' mean and median,
and the range of the quartile band the authority's value falls in.

The band's range is what a chart shades behind the authority's line: the lower and
upper boundary of the quarter of every authority's values that holds the authority's
own, cut by R's type-7 quantiles exactly as the band itself is
(`corpparent.benchmarking.lait`): ``[minimum, q25]``, ``(q25, median]``,
``(median, q75]`` or ``(q75, maximum]``. So wherever a band is shown, the authority's
value lies within its range. A period without a band (a measure without polarity, one
LAIT marks ``No_Quartile = N``, or no value) has no range.
[`quartile_cuts`][corpparent.runs.benchmark_series.quartile_cuts] works the cuts of
every measure and period at once, on arrays, with the same functions the engine uses.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, final

from attrs import field, frozen

from corpparent.benchmarking.lait import BANDS, QUARTILE_POINTS, Quartiles, type7_cut, type7_place
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
    median and q75, and the maximum, the cuts the engine bands by."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    table = results.table
    wanted = pc.is_in(table["measure"].cast(pa.string()), pa.array(sorted(measures),
                                                                    pa.string()))
    rows = table.filter(pc.and_(wanted, pc.is_valid(table["value"]))).select(
        ["measure", "period", "value"]).combine_chunks()
    if rows.num_rows == 0:
        return {}
    measure = rows["measure"].chunk(0)
    period = rows["period"].chunk(0)
    key = (measure.indices.to_numpy().astype(np.int64) * len(period.dictionary)
           + period.indices.to_numpy().astype(np.int64))
    value = rows["value"].to_numpy()
    order = np.lexsort((value, key))
    ordered, keys = value[order], key[order]
    distinct, start, count = np.unique(keys, return_index=True, return_counts=True)
    cuts = []
    for p in QUARTILE_POINTS:
        low, high, h = type7_place(count.astype(np.float64), p)
        cuts.append(type7_cut(ordered[start + low.astype(np.int64)],
                              ordered[start + high.astype(np.int64)], h))
    names = measure.dictionary.to_pylist()
    periods = period.dictionary.to_pylist()
    width = len(periods)
    return {(names[k // width], periods[k % width]): Quartiles(
        float(ordered[s]), float(q25), float(q50), float(q75), float(ordered[s + n - 1]))
        for k, s, n, q25, q50, q75 in zip(distinct.tolist(), start.tolist(), count.tolist(),
                                          cuts[0].tolist(), cuts[1].tolist(),
                                          cuts[2].tolist(), strict=True)}


def _number(row: Mapping[str, Any], name: str) -> float | None:
    found = row.get(name)
    return None if found is None or found != found else float(found)


def measure_series(rows: Sequence[Mapping[str, Any]], cuts: Mapping[tuple[str, str], Quartiles],
                   polarities: Mapping[str, Polarity | None],
                   periods: Mapping[str, Period],
                   axes: Mapping[str, str] | None = None) -> list[Series]:
    """The series of each measure and authority of ``rows`` (engine rows of every
    period), in the order the rows first name them, each oldest period first, with its
    band's range from ``cuts``
    ([`quartile_cuts`][corpparent.runs.benchmark_series.quartile_cuts])."""
    grouped: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault((str(row["measure"]), str(row["authority_code"])), []).append(row)
    found = []
    for (measure, code), items in grouped.items():
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
