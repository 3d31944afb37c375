"""The benchmark's charts over time as part of the report document.

[`charts_section`][corpparent.report.benchmark_chart.charts_section] is a section
"Charts over time" with one [`SeriesBlock`][corpparent.report.document.SeriesBlock] per
measure shown: the chart (drawn by the formats that draw: the authority's line against
England's, its region's and its neighbours' mean or median, its quartile band's range
shaded behind; for several authorities one line each, with England's), its words, which
are the chart's text alternative, and its figures as a table, in every format.

A format that puts a small chart in each row of a table calls
[`series_of`][corpparent.report.benchmark_chart.series_of] for the row's measure and
`corpparent.report.backends.benchmark_svg.compact_chart` on what it gives, with
[`series_words`][corpparent.report.benchmark_chart.series_words] as its description.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from corpparent.report.document import Cell, CellKind, Paragraph, Section, SeriesBlock, Table

if TYPE_CHECKING:
    from corpparent.report.benchmark_chart_parts import SeriesOut, SeriesPointOut
    from corpparent.report.model import BenchmarkReport

__all__ = ["DISTINCT_LINES", "FULL_CHARTS_PRINTED", "charts_section", "periods_of",
           "series_block", "series_of", "series_words", "show"]

#: How many authorities' lines a chart tells apart without colour: up to this many each
#: has its own colour and dash together, and its own dash or mark. A chart of more (all
#: of London's 33) says so, and its table is the way to read each authority's figures.
DISTINCT_LINES: Final = 21
_TOO_MANY: Final = (
    "With {count} authorities, more than the {distinct} line styles a chart can tell "
    "apart, some lines share a colour and a dash and differ only in their marks: read "
    "each authority's figures in the table under its chart.")
#: A benchmark of at most this many measures has every chart in every format; one of
#: more has them in the HTML page only, each folded under its measure for a reader to
#: open, and left out of print, papers and text (434 charts fill no 10 pages).
FULL_CHARTS_PRINTED: Final = 12
_FOLDED: Final = (
    "With {count} measures, each chart is folded under its measure's name in the HTML "
    "page: open one to see it with its figures. Printed pages, papers and text formats "
    "leave them out; the HTML page and its print draw each measure small in its "
    "theme's Trend column instead, and the JSON report carries every figure.")

_INTRODUCTION = (
    "Each measure over every period published: the authority's value as a solid line "
    "with round marks, England's dashed with square marks, the region's dotted with "
    "triangles, the statistical neighbours' {average} dash-dotted with diamonds, and the "
    "range of the authority's quartile band in each period shaded behind (the quarter "
    "of every authority's values its own falls in). A count leaves out England's and the "
    "region's lines: areas of different sizes are not compared by counts. The figures are "
    "in the table with each chart.")


_COUNTS = ("Counts, which areas of different sizes make incomparable: England's and "
           "the region's are in the table, not drawn.")


def show(value: float | None) -> str:
    """A figure to four significant digits, never in exponent form; "-" for none."""
    if value is None:
        return "-"
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    shown = float(f"{value:.4g}")
    return f"{int(shown):,}" if shown.is_integer() else f"{shown:,}"


def periods_of(series: tuple[SeriesOut, ...]) -> list[str]:
    """Every period of the series, oldest first (a measure's periods share one form, so
    their written order is their order in time)."""
    return sorted({p.period for s in series for p in s.points})


def series_of(report: BenchmarkReport, measure: str) -> tuple[SeriesOut, ...]:
    """The series of ``measure`` in ``report``, one per authority, in the order chosen;
    empty where it has none."""
    return tuple(s for s in report.series if s.measure == measure)


def _neighbours(point: SeriesPointOut, average: str) -> float | None:
    return point.neighbours_median if average == "median" else point.neighbours_mean


def _span(series: SeriesOut, pick: str) -> str:
    found = [(p.period, getattr(p, pick)) for p in series.points
             if getattr(p, pick) is not None]
    if not found:
        return "none published"
    (first, a), (last, b) = found[0], found[-1]
    return show(a) + (f" in {first}" if first == last else
                      f" in {first} to {show(b)} in {last}")


def series_words(series: tuple[SeriesOut, ...], average: str = "mean") -> str:
    """The chart's text alternative: what each line goes from and to, and for one
    authority the bands it was in and the latest band's range."""
    if not series:
        return "No figures."
    one = series[0]
    periods = periods_of(series)
    lead = f"{periods[0]} to {periods[-1]}." if periods else ""
    areas = [_COUNTS] if one.counts else [f"England: {_span(one, 'england')}."]
    if len(series) > 1:
        lines = [f"{s.authority}: {_span(s, 'value')}." for s in series]
        return " ".join([lead, *lines, *areas])
    parts = [lead, f"{one.authority}: {_span(one, 'value')}.", *areas]
    if one.region and not one.counts:
        parts.append(f"{one.region}: {_span(one, 'region_value')}.")
    parts.append(f"Neighbours ({average}): {_span(one, f'neighbours_{average}')}.")
    banded = [p for p in one.points if p.band]
    if banded:
        counts = {b: sum(p.band == b for p in banded) for b in "ABCD"}
        latest = banded[-1]
        parts.append("Quartile band " + ", ".join(
            f"{b} in {n} period{'s' if n > 1 else ''}" for b, n in counts.items() if n)
            + f"; in {latest.period} band {latest.band}, the quarter from "
            f"{show(latest.band_lower)} to {show(latest.band_upper)}.")
    return " ".join(p for p in parts if p)


def _figures(series: tuple[SeriesOut, ...], average: str, title: str) -> Table:
    """The figures behind the chart: a row per period for one authority; for several,
    a row per authority (and England's) and a column per period."""
    one = series[0]
    periods = periods_of(series)
    at = [{p.period: p for p in s.points} for s in series]
    first = {p.period: p for s in series for p in reversed(s.points)}

    def number(value: float | None) -> Cell:
        return Cell(show(value), CellKind.NUMBER, value=value) if value is not None \
            else Cell("-")

    def own(point: SeriesPointOut | None) -> Cell:
        if point is None or point.value is None:
            return Cell(f"not published ({point.symbol})" if point and point.symbol
                        else "not published", CellKind.WITHHELD if point and point.symbol
                        else CellKind.TEXT)
        return number(point.value)

    if len(series) > 1:  # a row per authority, so the table is as wide as its periods
        england = tuple(number(first[period].england) for period in periods)
        several = tuple((Cell(s.authority), *(own(a.get(period)) for period in periods))
                        for s, a in zip(series, at, strict=True))
        return Table(title, ("Authority", *periods), (*several, (Cell("England"), *england)))
    columns = (one.authority, "Band (range)", "England", one.region or "Region",
               f"Neighbours ({average})")
    rows = tuple((Cell(p.period), own(p), Cell(
        f"{p.band} ({show(p.band_lower)} to {show(p.band_upper)})" if p.band else "-"),
        number(p.england), number(p.region_value), number(_neighbours(p, average)))
        for p in one.points)
    return Table(title, ("Period", *columns), rows)


def series_block(series: tuple[SeriesOut, ...], average: str, ident: str,
                 *, shown: bool = True) -> SeriesBlock:
    """One measure's chart over time: its series (one per authority), words and figures."""
    one = series[0]
    name = one.measure_name or one.measure
    title = f"{name} ({one.measure})"
    return SeriesBlock(title, series, average, lambda: series_words(series, average),
                       lambda: _figures(series, average, f"{title}: the figures over time"),
                       ident, shown)


def charts_section(report: BenchmarkReport) -> Section | None:
    """The charts over time of ``report``, one per measure shown, or None where it
    carries no series."""
    # Each measure's series gathered in one pass (as `series_of` would give them), not
    # a pass over every series for each of several hundred measures.
    by_measure: dict[str, list[SeriesOut]] = {}
    for series in report.series:
        by_measure.setdefault(series.measure, []).append(series)
    measures = list(by_measure)
    if not measures:
        return None
    average = report.neighbours_average
    shown = len(measures) <= FULL_CHARTS_PRINTED
    blocks = tuple(series_block(tuple(by_measure[m]), average, f"series-{i}", shown=shown)
                   for i, m in enumerate(measures))
    several = len({s.authority_code for s in report.series}) > 1
    lead = ("Each measure over every period published: one line for each authority "
            "(each with its own marks and line style, named in the key), and England's "
            "dashed with square marks. The figures are in the table with each chart."
            if several else _INTRODUCTION.format(average=average))
    folded: tuple[Paragraph, ...] = () if shown else (
        Paragraph(_FOLDED.format(count=len(measures))),)
    count = len({s.authority_code for s in report.series})
    if count > DISTINCT_LINES:
        folded += (Paragraph(_TOO_MANY.format(count=count, distinct=DISTINCT_LINES)),)
    return Section("Charts over time", (Paragraph(lead), *folded, *blocks), ident="charts")
