"""One authority's national benchmark as a report like the others.

`BenchmarkPage` holds what the national figures give for one authority (a row
per measure and period, with the notes that say where the figures come from and when
they were published); `benchmark_report` makes it a
`BenchmarkReport`, with its provenance and output
profile, which every registered format writes. Its figures are rounded as the DfE
publishes them (`published_figure`: the dictionary's decimal places, fives
rounded away from zero), so no format shows the binary noise of the published file or
of a mean (98.71, never 98.71000000000001). `benchmark_sections` is its part of
the report document: rank shown as "k of n" (1 the best), the quartile band as LAIT
shows it (A the best quarter, "-" where it shows none), figures to four significant
digits, the travel since the period before by the measure's polarity with the raw
direction as an arrow ("improved \u2191"), and the notes at its foot in every format. It
opens with a summary by theme (`corpparent.report.benchmark_summary`), then a compact
table for each of the dictionary's themes; every column is in the downloads. `provenance_items` is
where the figures come from and how they were made, as ``(item, text)`` pairs: the
downloads carry it beside their table, never inside it. Where the benchmark was given
the DfE's EES files, its table has a column saying whether the authority is above,
below or within the funnel plot's 99.8% limits (the 95% flag and both limits are in
the downloads), and a section draws each funnel (`corpparent.report.funnel`).
A benchmark of several authorities (a region, an authority and its neighbours) has a
row per authority in each measure and period, and an "Authority (region)" column.
After the themes, each measure's chart over time (`corpparent.report.benchmark_chart`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Final, final

from attrs import field, frozen

from corpparent.dfe.lait_periods import lait_status
from corpparent.errors import PeriodError
from corpparent.periods.parsing import parse_period
from corpparent.report.benchmark_chart import FULL_CHARTS_PRINTED, charts_section
from corpparent.report.benchmark_chart_parts import Average, SeriesOut, series_out
from corpparent.report.benchmark_summary import by_theme, summary_section, theme_ident
from corpparent.report.document import Cell, CellKind, Section, Table
from corpparent.report.funnel import funnel_section
from corpparent.report.funnel_parts import funnel_out, shown_limit
from corpparent.report.model import (
    BenchmarkReport,
    BenchmarkRowOut,
    Profile,
    Provenance,
    SuppressionNote,
)

if TYPE_CHECKING:
    from corpparent.benchmarking.funnel import Funnel
    from corpparent.indicators.definitions import Polarity
    from corpparent.runs.benchmark_series import Series

__all__ = ["BenchmarkPage", "benchmark_report", "benchmark_sections", "provenance_items",
           "published_figure", "render_benchmark"]

#: The columns of each theme's table, with their headings: what fits an A4 page upright
#: at a readable size; every column is in the downloads.
_SHOWN: Final = (
    ("measure", "Measure"), ("period", "Period"), ("value", "Value"), ("band", "Band"),
    ("rank", "Rank"), ("england", "England"), ("region_value", "Region"),
    ("neighbours_mean", "Neighbours"), ("travel", "Change"),
)
#: The column shown where the benchmark has funnel plots.
_FUNNEL: Final = ("funnel_998", "Against England (99.8% funnel)")
#: The raw direction beside an improvement or a worsening.
_ARROWS: Final = {"increase": "\u2191", "decrease": "\u2193"}
#: A space a line is not broken at.
_NO_BREAK: Final = "\u00a0"
#: A space before a year, where a period's line is not broken.
_BEFORE_YEAR: Final = re.compile(r" (?=\d)")
#: The funnel limits of a row, rounded as the funnel's figures are.
_LIMITS: Final = ("funnel_lower_998", "funnel_lower_95", "funnel_upper_95",
                  "funnel_upper_998")
#: The columns whose cells are figures.
_NUMERIC: Final = frozenset({"value", "england", "region_value", "neighbours_mean",
                             "neighbours_median", "outstanding_mean"})
#: The figures of a row, each rounded to its measure's published decimal places.
_FIGURES: Final = ("value", "england", "region_value", "neighbours_mean",
                   "neighbours_median", "outstanding_mean", "gap_england", "gap_region",
                   "gap_neighbours", "gap_outstanding", "previous_value")
#: The significant digits kept of a figure whose measure has no decimal places in the
#: dictionary: more than any published figure has, fewer than the 16 or 17 at which
#: binary noise shows.
_SIGNIFICANT: Final = 12
#: Figures this large are left as they are (no published figure comes near).
_LARGEST: Final = 1e15
#: The most decimal places a figure is taken as already rounded to without working it
#: out: with at most 15 digits before the point, within the 28 digits Decimal works in.
_PLACES_KEPT: Final = 12
#: LAIT's bracketed note after a year, which release the figure is from, in words.
_RELEASES: Final = {"ot": "outturn", "rev": "revised", "final": "final",
                    "prov": "provisional"}


def published_figure(value: float, places: int | None) -> float:
    """``value`` as the DfE publishes it: rounded to ``places`` decimal places with
    fives rounded away from zero, the DfE's rule (``round_five_up`` in the DfE's R
    package dfeR), so 2.675 is 2.68 and -2.5 is -3. The number is taken as it is
    written (``repr``), never as its binary expansion, so 98.71000000000001 is 98.71.
    Where the dictionary gives no decimal places (``places`` None) the figure keeps
    12 significant digits: what was published, without the binary noise."""
    if places is None:
        return float(f"{value:.{_SIGNIFICANT}g}") + 0.0
    if abs(value) >= _LARGEST or value != value:
        return value
    written = repr(value)
    point = written.find(".")
    if 0 <= places <= _PLACES_KEPT and "e" not in written and point >= 0 \
            and len(written) - point - 1 <= places:
        # Written to no more places than are published (most figures, read from the
        # published file): rounding would only add zeros, so the figure is itself.
        return value + 0.0
    shown = Decimal(written).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return float(shown) + 0.0  # never -0.0


@cache
def _year(period: str) -> int | None:
    """The year ``period`` ends in: LAIT's own year (2025 for 2024-25, AY 2024/25,
    CY 2025 or the year ending January 2025)."""
    try:
        return parse_period(period).end.year
    except PeriodError:
        return None


def _release(years: object) -> str | None:
    """The release a LAIT label's note names ("2025 (Rev)": revised), or None."""
    note = lait_status(str(years)) if years is not None else None
    return None if note is None else _RELEASES.get(note.casefold(), note.casefold())


def _rows(rows: Sequence[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(dict(row) for row in rows)


@final
@frozen
class BenchmarkPage:
    """What one benchmark shows: the rows of the national results for one authority."""

    authority: str
    code: str
    model: str
    notes: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = field(converter=_rows)
    names: Mapping[str, str] = field(factory=dict)
    #: Each measure's polarity (None where the dictionary gives none), by measure.
    polarities: Mapping[str, Polarity | None] = field(factory=dict)
    #: The decimal places the DfE publishes each measure to, by measure.
    decimals: Mapping[str, int | None] = field(factory=dict)
    #: The funnel plot of each measure and period that has one, by (measure, period).
    funnels: Mapping[tuple[str, str], Funnel] = field(factory=dict)
    #: Each measure shown over every period, for each authority, for the charts.
    series: tuple[Series, ...] = ()
    #: The neighbours' figure the charts draw: their mean or their median.
    neighbours_average: Average = "mean"
    #: Whether the series keep their figures where the charts are folded away (more
    #: measures than
    #: [`FULL_CHARTS_PRINTED`][corpparent.report.benchmark_chart.FULL_CHARTS_PRINTED]):
    #: a format that leaves folded charts out (the terminal, Markdown, Word) needs
    #: only which measure and authority each series is of.
    folded_figures: bool = True


def _row_out(page: BenchmarkPage, row: Mapping[str, Any]) -> BenchmarkRowOut:
    """One row of the report, its figures rounded as the DfE publishes them."""
    measure = str(row["measure"])
    places = page.decimals.get(measure)
    given = {name: row.get(name) for name in BenchmarkRowOut.model_fields
             if row.get(name) is not None}
    for name in _FIGURES:
        figure = given.get(name)
        if isinstance(figure, int | float) and not isinstance(figure, bool):
            given[name] = published_figure(float(figure), places)
    spread = given.get("spread")
    if isinstance(spread, float):  # a spread is no published figure: its noise only
        given["spread"] = published_figure(spread, None)
    for name in _LIMITS:
        limit = given.get(name)
        if isinstance(limit, float):
            given[name] = shown_limit(limit)
    given["measure_name"] = page.names.get(measure)
    given["year"] = _year(str(row["period"]))
    given["release"] = _release(row.get("years"))
    if measure in page.polarities:
        polarity = page.polarities[measure]
        given["polarity"] = None if polarity is None else polarity.value
    if measure in page.decimals:
        given["decimals"] = places
    return BenchmarkRowOut(**given)


def _series_out(page: BenchmarkPage, series: Series, *, figures: bool = True) -> SeriesOut:
    measure = series.measure
    polarity = page.polarities.get(measure)
    places = page.decimals.get(measure)
    return series_out(series, page.names.get(measure),
                      None if polarity is None else polarity.value,
                      lambda value: published_figure(value, places), figures=figures)


def benchmark_report(page: BenchmarkPage, provenance: Provenance, *,
                     profile: Profile = "internal") -> BenchmarkReport:
    """The report of ``page``. Its figures are the DfE's and Ofsted's published
    statistics, withheld (``c``, ``x``) where their publishers withheld them: nothing
    more is withheld here, and its banner says so. Each figure is rounded to its
    measure's published decimal places (`published_figure`)."""
    rows = [_row_out(page, row) for row in page.rows]
    codes = [row.authority_code for row in rows]
    # The funnels highlight the page's authority, or the first of several.
    shown = page.code if page.code in codes or not codes else str(codes[0])
    funnels = [funnel_out(funnel, measure, period, shown, page.names.get(measure))
               for (measure, period), funnel in page.funnels.items()]
    # Charts folded away are made for a format that shows them only (`charts_section`).
    figures = page.folded_figures or len(
        {series.measure for series in page.series}) <= FULL_CHARTS_PRINTED
    return BenchmarkReport(
        title=f"National benchmark: {page.authority} ({page.code})",
        authority=page.authority, profile=profile, code=page.code,
        neighbour_model=page.model, sources=list(page.notes), rows=rows, funnels=funnels,
        series=[_series_out(page, series, figures=figures) for series in page.series],
        neighbours_average=page.neighbours_average,
        suppression=SuppressionNote(applied=False, threshold=0, counts_shown=False,
                                    published_only=True),
        provenance=provenance)


def _number(value: float | int | None) -> str:
    """A figure to four significant digits, never in exponent form: 63.58, 52,430."""
    if value is None:
        return "-"
    if isinstance(value, float):
        if abs(value) >= 1e4:
            return f"{value:,.0f}"
        shown = float(f"{value:.4g}")
        return f"{int(shown):,}" if shown.is_integer() else f"{shown:,}"
    return str(value)


def _travel(row: BenchmarkRowOut) -> str:
    """"improved \u2191": the travel by the measure's polarity with an arrow for the raw
    direction; the direction alone ("increase") where the measure has no polarity."""
    if row.direction is None:
        return "-"
    if row.travel in ("improved", "worsened"):
        arrow = _ARROWS.get(row.direction)
        return f"{row.travel}{_NO_BREAK}{arrow}" if arrow else row.travel
    return row.direction


def _text(row: BenchmarkRowOut, key: str) -> str:
    if key == "measure":  # its code is in the downloads
        return row.measure_name or row.measure
    if key == "period":  # "AY 2024/25" on one line; "year ending / September 2025"
        return _BEFORE_YEAR.sub(_NO_BREAK, row.period)
    if key == "value":
        if row.value is None:
            return f"not published ({row.symbol})" if row.symbol else "not published"
        return _number(row.value)
    if key == "rank":
        return "-" if row.rank is None else f"{row.rank} of {row.ranked}"
    if key == "authority":
        return f"{row.authority} ({row.region})" if row.region else row.authority
    if key == "neighbours_mean" and row.neighbours_note:
        return row.neighbours_note
    if key == "travel":
        return _travel(row)
    shown = getattr(row, key)
    return shown if isinstance(shown, str) else _number(shown)


def _cell(row: BenchmarkRowOut, key: str) -> Cell:
    text = _text(row, key)
    if key in _NUMERIC:
        value = getattr(row, key)
        if isinstance(value, int | float) and text == _number(value):
            return Cell(text, CellKind.NUMBER, value=float(value))
        return Cell(text, CellKind.WITHHELD if key == "value" and row.symbol else
                    CellKind.TEXT)
    if key == "rank" and row.rank is not None:
        return Cell(text, CellKind.NUMBER, value=float(row.rank))
    return Cell(text)


def benchmark_sections(report: BenchmarkReport) -> tuple[Section, ...]:
    """The benchmark's part of the report document: the summary by theme first
    (`corpparent.report.benchmark_summary`), then a section for each theme with a
    compact table, a row a measure and period (and authority, where it has several,
    each named with its region), then the funnel plots where the benchmark has them."""
    several = len({row.authority_code for row in report.rows}) > 1
    region = None if several else next((row.region for row in report.rows if row.region),
                                       None)
    shown = (*_SHOWN, _FUNNEL) if report.funnels else _SHOWN
    if several:
        shown = (*shown[:2], ("authority", "Authority (region)"), *shown[2:])
    headings = tuple(heading for _key, heading in shown)
    series: dict[tuple[str, str | None], SeriesOut] = {
        (s.measure, s.authority_code): s for s in report.series}
    themes = tuple(
        Section(theme, (Table(theme, headings, tuple(tuple(_cell(row, key) for key, _ in shown)
                                                     for row in rows),
                              ident=f"{theme_ident(theme)}-table", stacked=True,
                              trends=_trends(series, rows),
                              average=report.neighbours_average),),
                ident=theme_ident(theme))
        for theme, rows in by_theme(report.rows).items())
    funnels = funnel_section(report)
    charts = charts_section(report)
    summary = summary_section(report.rows, region, trends=bool(report.series))
    return (summary, *themes, *((funnels,) if funnels else ()),
            *((charts,) if charts else ()))


def _trends(series: Mapping[tuple[str, str | None], SeriesOut], rows: Sequence[BenchmarkRowOut]
            ) -> tuple[tuple[SeriesOut, ...], ...]:
    """For each row, its authority's series of the row's measure (by measure and
    authority code in ``series``): the small chart in the row of a format that draws."""
    return tuple(tuple(s for s in [series.get((row.measure, row.authority_code))] if s)
                 for row in rows)


def provenance_items(report: BenchmarkReport) -> tuple[tuple[str, str], ...]:
    """Where the figures come from and how they were made, as ``(item, text)`` pairs:
    each source with its publication date and licence, the neighbour model, and the
    run's provenance (corpparent's version, the options, the files read, when). The
    downloads carry it beside the table: a CSV's sidecar file, a workbook's own sheet."""
    provenance = report.provenance
    items = [("source", note) for note in report.sources]
    items.append(("neighbour model", report.neighbour_model))
    items.append(("corpparent version", provenance.corpparent_version))
    items.append(("python version", provenance.python_version))
    if provenance.generated_at is not None:
        items.append(("generated at", provenance.generated_at.isoformat()))
    items += [(f"option {name}", str(value)) for name, value in provenance.options.items()
              if value is not None]
    items += [("input", i.path if i.sha256 is None or i.bytes is None
               else f"{i.path} ({i.bytes} bytes, sha256 {i.sha256})")
              for i in provenance.inputs]
    items += [("plug-in", f"{p.name} {p.version or ''}".strip()) for p in provenance.plugins]
    return tuple(items)


def render_benchmark(page: BenchmarkPage, output_format: str, *, width: int = 160) -> str:
    """The page in a text format, under the format's default profile."""
    from corpparent.report.output import finish, render
    from corpparent.report.provenance import make_provenance

    report = benchmark_report(page, make_provenance())
    return render(finish(report, output_format), output_format, width=width)
