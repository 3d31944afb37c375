"""A benchmark measure over time as an inline SVG, in two sizes from the one series.

[`series_chart`][corpparent.report.backends.benchmark_svg.series_chart] is the full
chart: the periods across, the authority's value against England's, its region's and
its neighbours' mean or median, and the range of the authority's quartile band in each
period shaded behind as a bar (the quarter of every authority's values its own falls
in); for several authorities, one line each with England's. Colour never carries
meaning alone: each line has its own dash pattern and marks, and a key in words inside
the drawing names them, so a printed or pasted chart keeps it.
[`compact_chart`][corpparent.report.backends.benchmark_svg.compact_chart] is the same
series at the size of a line of text (120 by 28), to sit in a table's row: the
authority's line, England's dashed, the band shaded, and nothing else.

Each has a ``<title>`` and a ``<desc>`` (the words of
`corpparent.report.benchmark_chart.series_words`), every mark a ``<title>`` with its
figure, and no scripts, fonts or images from elsewhere; every piece of text is escaped.
[`value_range`][corpparent.report.backends.benchmark_svg.value_range] is the vertical
range both draw, which holds every figure drawn and every band.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING, Final

from corpparent.report.backends.svg import CHART_COLOURS, PlotArea, nice_ticks
from corpparent.report.benchmark_chart import periods_of, series_words, show

if TYPE_CHECKING:
    from corpparent.report.benchmark_chart_parts import SeriesOut, SeriesPointOut

__all__ = ["LINE_STYLES", "compact_chart", "series_chart", "value_range"]

#: How each line is drawn: colour (each meets 3:1 against white), dash pattern and mark.
LINE_STYLES: Final = {
    "value": (CHART_COLOURS["line"], "", "circle"),
    "england": (CHART_COLOURS["target"], "6 4", "square"),
    "region_value": (CHART_COLOURS["comparator"], "2 3", "triangle"),
    "neighbours": ("#6a3d9a", "8 3 2 3", "diamond"),
}
#: Each authority's line where several are drawn, in turn.
_SEVERAL: Final = (
    ("#1d4f91", "", "circle"), ("#6a3d9a", "2 3", "diamond"), ("#00695c", "8 3 2 3", "triangle"),
    ("#b00020", "10 3", "cross"), ("#4a4f55", "1 3", "circle-open"),
    ("#1b1b1b", "4 2 1 2", "square-open"), ("#7a5c00", "12 3 3 3", "diamond-open"),
)
_WIDTH, _PLOT_HEIGHT = 580, 250
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 16, 14, 30
_KEY_ROW = 18
_MOST_LABELS = 8
_COMPACT_W, _COMPACT_H = 120, 28


def _drawn(series: tuple[SeriesOut, ...], average: str) -> list[tuple[str, str, list[
        float | None]]]:
    """Each line drawn: its key, its name and its figure in each period (None where it
    has none). England's and the region's counts are not drawn beside an authority's."""
    periods = periods_of(series)
    at = [{p.period: p for p in s.points} for s in series]

    def figures(i: int, name: str) -> list[float | None]:
        return [None if (p := at[i].get(period)) is None else getattr(p, name)
                for period in periods]

    england = [next((p.england for a in at if (p := a.get(period)) is not None
                     and p.england is not None), None) for period in periods]
    areas = [] if series[0].counts else [("england", "England", england)]
    if len(series) > 1:
        return [*((f"a{i}", s.authority, figures(i, "value")) for i, s in enumerate(series)),
                *areas]
    one = series[0]
    if not one.counts:
        areas.append(("region_value", one.region or "Region", figures(0, "region_value")))
    return [("value", one.authority, figures(0, "value")), *areas,
            ("neighbours", f"Neighbours ({average})", figures(0, f"neighbours_{average}"))]


def _bands(series: tuple[SeriesOut, ...]) -> list[SeriesPointOut]:
    """The points whose band range is shaded: one authority's only."""
    if len(series) != 1:
        return []
    return [p for p in series[0].points if p.band_lower is not None
            and p.band_upper is not None]


def value_range(series: tuple[SeriesOut, ...], average: str = "mean",
                *, compact: bool = False) -> tuple[float, float]:
    """The lowest and highest value the chart's vertical axis shows: every figure drawn
    and every band's range, with a margin; from 0 where every figure is 0 or more and
    the margin would go below it."""
    drawn = _drawn(series, average)
    if compact:
        drawn = [d for d in drawn if d[0] in ("value", "a0", "england")]
    numbers = [v for _key, _name, values in drawn for v in values if v is not None]
    numbers += [b for p in _bands(series) for b in (p.band_lower, p.band_upper)
                if b is not None]
    if not numbers:
        return 0.0, 1.0
    low, high = min(numbers), max(numbers)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    bottom = low - pad
    return (0.0 if low >= 0 > bottom else bottom), high + pad


def _style(key: str) -> tuple[str, str, str]:
    return _SEVERAL[int(key[1:]) % len(_SEVERAL)] if key.startswith("a") and \
        key[1:].isdigit() else LINE_STYLES[key]


def _mark(shape: str, x: float, y: float, colour: str | None, tip: str = "") -> str:
    """A mark; without ``colour`` it takes its group's fill and stroke."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    fill = "#ffffff" if shape.endswith("-open") else colour
    shape = shape.removesuffix("-open")
    common = " ".join(f'{name}="{value}"' for name, value in (
        ("fill", fill), ("stroke", colour), ("stroke-width", colour and "1.5")) if value)
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" {common}>{title}</circle>'
    if shape == "square":
        return (f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" '
                f"{common}>{title}</rect>")
    if shape == "cross":
        return (f'<path d="M{x - 4:.1f},{y - 4:.1f}L{x + 4:.1f},{y + 4:.1f}M{x - 4:.1f},'
                f'{y + 4:.1f}L{x + 4:.1f},{y - 4:.1f}" stroke-width="2"'
                f'{f" stroke={chr(34)}{colour}{chr(34)}" if colour else ""}>{title}</path>')
    points = ((x, y - 4.5), (x + 4.5, y + 3.5), (x - 4.5, y + 3.5)) if shape == "triangle" \
        else ((x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y))
    shown = " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
    return f'<polygon points="{shown}" {common}>{title}</polygon>'


def _line(values: list[float | None], area: PlotArea, colour: str, dash: str,
          width: float) -> str:
    """The line through each run of consecutive figures (a gap where one is missing)."""
    runs: list[list[str]] = [[]]
    for i, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append(f"{area.x(i):.1f},{area.y(value):.1f}")
    pattern = f' stroke-dasharray="{dash}"' if dash else ""
    return "".join(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                   f'stroke-width="{width}"{pattern}/>' for run in runs if len(run) > 1)


def _key(items: list[tuple[str, str]], top: float) -> tuple[str, int]:
    """The key in words: a sample of each line and its name, wrapped to the width;
    with the number of rows it takes."""
    out, x, row = [], 8.0, 0
    for key, name in items:
        wide = 34 + 6.2 * len(name) + 14
        if x + wide > _WIDTH and x > 8:
            x, row = 8.0, row + 1
        y = top + row * _KEY_ROW
        if key == "band":
            sample = (f'<rect x="{x:.1f}" y="{y - 6:.1f}" width="28" height="12" '
                      f'fill="{CHART_COLOURS["band"]}" stroke="{CHART_COLOURS["band_edge"]}"/>')
        else:
            colour, dash, shape = _style(key)
            pattern = f' stroke-dasharray="{dash}"' if dash else ""
            sample = (f'<line x1="{x:.1f}" x2="{x + 28:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                      f'stroke="{colour}" stroke-width="2"{pattern}/>'
                      + _mark(shape, x + 14, y, colour))
        out.append(sample + f'<text x="{x + 34:.1f}" y="{y + 4:.1f}" font-size="11" '
                   f'fill="{CHART_COLOURS["text"]}">{escape(name)}</text>')
        x += wide
    return "".join(out), row + 1


def series_chart(series: tuple[SeriesOut, ...], title: str, chart_id: str,
                 average: str = "mean") -> str:
    """The full chart of one measure's ``series`` (one per authority) as an inline
    ``<svg>``; ``chart_id`` must be unique in the page. Its ``<desc>`` is
    `corpparent.report.benchmark_chart.series_words`."""
    drawn = _drawn(series, average)
    periods = periods_of(series)
    low, high = value_range(series, average)
    area = PlotArea(_WIDTH, _PLOT_HEIGHT, _LEFT, _RIGHT, _TOP, _BOTTOM, len(periods), low,
                    high)
    bands = _bands(series)
    items = [(key, name) for key, name, values in drawn if any(v is not None for v in values)]
    if bands:
        items.append(("band", f"{series[0].authority}'s quartile band range"))
    key, rows = _key(items, _PLOT_HEIGHT + 8)
    height = _PLOT_HEIGHT + 8 + rows * _KEY_ROW
    muted, axis = CHART_COLOURS["muted"], CHART_COLOURS["axis"]
    bottom = _TOP + area.plot_h
    out = [f'<svg class="chart series" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
           f'height="{height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
           f'<title id="{chart_id}-t">{escape(title)}: over time</title>',
           f'<desc id="{chart_id}-d">{escape(series_words(series, average))}</desc>']
    for tick in nice_ticks(low, high):
        if low <= tick <= high:
            out.append(f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{area.y(tick):.1f}" '
                       f'y2="{area.y(tick):.1f}" stroke="#e3e6ea"/>'
                       f'<text x="{_LEFT - 4}" y="{area.y(tick) + 4:.1f}" text-anchor="end" '
                       f'font-size="10" fill="{muted}">{escape(show(tick))}</text>')
    every = max(1, math.ceil(len(periods) / _MOST_LABELS))
    for i, period in enumerate(periods):
        if (len(periods) - 1 - i) % every == 0:  # the latest always labelled
            out.append(f'<text x="{area.x(i):.1f}" y="{bottom + 15}" text-anchor="middle" '
                       f'font-size="10" fill="{muted}">{escape(period)}</text>')
    index = {period: i for i, period in enumerate(periods)}
    for p in bands:
        top, foot = area.y(p.band_upper or 0.0), area.y(p.band_lower or 0.0)
        out.append(f'<rect class="band" x="{area.x(index[p.period]) - area.step * 0.3:.1f}" '
                   f'y="{top:.1f}" width="{area.step * 0.6:.1f}" height="{foot - top:.1f}" '
                   f'fill="{CHART_COLOURS["band"]}" stroke="{CHART_COLOURS["band_edge"]}">'
                   f"<title>{escape(p.period)}: band {escape(p.band or '')}, "
                   f"{escape(show(p.band_lower))} to {escape(show(p.band_upper))}</title>"
                   "</rect>")
    out.append(f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{bottom}" stroke="{axis}"/>'
               f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{bottom}" y2="{bottom}" '
               f'stroke="{axis}"/>')
    # England and the comparators first, the authority (or authorities) on top.
    for name_key, name, values in sorted(drawn, key=lambda d: d[0] in ("value", "a0")):
        colour, dash, shape = _style(name_key)
        main = name_key == "value" or name_key.startswith("a")
        out.append(f'<g class="line {escape(name_key)}" fill="{colour}" stroke="{colour}" '
                   'stroke-width="1.5">'
                   + _line(values, area, colour, dash, 2.5 if main else 1.8)
                   + "".join(_mark(shape, area.x(i), area.y(v), None,
                                   f"{name}, {periods[i]}: {show(v)}")
                             for i, v in enumerate(values) if v is not None) + "</g>")
    out.append(key)
    out.append("</svg>")
    return "".join(out)


def compact_chart(series: tuple[SeriesOut, ...], title: str, chart_id: str,
                  average: str = "mean") -> str:
    """One measure's ``series`` at the size of a line of text (120 by 28), to sit in a
    table's row: the first authority's line, England's dashed, the first authority's
    band range shaded (one authority only), with the full chart's ``<title>`` and
    ``<desc>``. ``chart_id`` must be unique in the page."""
    periods = periods_of(series)
    low, high = value_range(series, average, compact=True)
    area = PlotArea(_COMPACT_W, _COMPACT_H, 2, 2, 2, 2, len(periods), low, high)
    index = {period: i for i, period in enumerate(periods)}
    drawn = {d[0]: d[2] for d in _drawn(series, average)}
    own = drawn.get("value", drawn.get("a0", []))
    out = [f'<svg class="chart compact" viewBox="0 0 {_COMPACT_W} {_COMPACT_H}" '
           f'width="{_COMPACT_W}" height="{_COMPACT_H}" role="img" '
           f'aria-labelledby="{chart_id}-t {chart_id}-d">',
           f'<title id="{chart_id}-t">{escape(title)}: over time</title>',
           f'<desc id="{chart_id}-d">{escape(series_words(series, average))}</desc>']
    for p in _bands(series):
        top, foot = area.y(p.band_upper or 0.0), area.y(p.band_lower or 0.0)
        out.append(f'<rect x="{area.x(index[p.period]) - area.step * 0.4:.1f}" y="{top:.1f}" '
                   f'width="{area.step * 0.8:.1f}" height="{max(foot - top, 0.5):.1f}" '
                   f'fill="{CHART_COLOURS["band"]}"/>')
    out.append(_line(drawn.get("england", []), area, LINE_STYLES["england"][0], "3 2", 1.2))
    out.append(_line(own, area, LINE_STYLES["value"][0], "", 1.8))
    last = max((i for i, v in enumerate(own) if v is not None), default=None)
    if last is not None:
        out.append(f'<circle cx="{area.x(last):.1f}" cy="{area.y(own[last] or 0.0):.1f}" '
                   f'r="2" fill="{LINE_STYLES["value"][0]}"/>')
    out.append("</svg>")
    return "".join(out)
