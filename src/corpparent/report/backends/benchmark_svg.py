"""A benchmark measure over time as an inline SVG, in two sizes from the one series.

[`series_chart`][corpparent.report.backends.benchmark_svg.series_chart] is the full
chart: the periods across, the authority's value against England's, its region's and
its neighbours' mean or median, and the range of the authority's quartile band in each
period shaded behind as a bar (the quarter of every authority's values its own falls
in); for several authorities, one line each with England's. Colour never carries
meaning alone: each line has its own dash pattern and marks, and a key in words inside
the drawing names them, so a printed or pasted chart keeps it. Several authorities
take their styles from `authority_style`: each of the first
[`DISTINCT_LINES`][corpparent.report.benchmark_chart.DISTINCT_LINES] differs from every
other in its colour and dash together, and in its dash or its mark, never in colour
alone. The drawing is sized for a phone (440 units across, text of 13 and 14 units), so
a page that sets it in 350 pixels keeps its words 10 pixels high or more.
[`compact_chart`][corpparent.report.backends.benchmark_svg.compact_chart] is the same
series at the size of a line of text (120 by 28), to sit in a table's row: the
authority's line, England's dashed, the band shaded, and nothing else.

Each has a ``<title>`` and a description (the words of
`corpparent.report.benchmark_chart.series_words`): a ``<desc>``, or, in a page that
shows the words beside the chart, a reference to them (``aria-describedby``) rather than
a second copy. Every mark has a ``<title>`` with its figure; there are no scripts, fonts
or images from elsewhere; every piece of text is escaped. The drawing is written short,
since a page may hold hundreds: what a group of elements shares (colour, stroke, font
size, anchor) is set once on the group, the grid and axes are one path each, the marks
are short paths, and coordinates keep one decimal and drop a trailing ".0".
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

__all__ = ["LINE_STYLES", "authority_style", "compact_chart", "series_chart", "value_range"]

#: How each line is drawn: colour (each meets 3:1 against white), dash pattern and mark.
LINE_STYLES: Final = {
    "value": (CHART_COLOURS["line"], "", "circle"),
    "england": (CHART_COLOURS["target"], "6 4", "square"),
    "region_value": (CHART_COLOURS["comparator"], "2 3", "triangle"),
    "neighbours": ("#6a3d9a", "8 3 2 3", "diamond"),
}
#: The colours of several authorities' lines (each meets 3:1 against white), their
#: dash patterns (none of them England's) and their marks: seven, three and eight, so
#: the colour and dash together repeat only after 21 lines, and the dash and mark
#: together after 24.
_COLOURS: Final = ("#1d4f91", "#b00020", "#00695c", "#6a3d9a", "#7a5c00", "#1b1b1b",
                   "#c2185b")
_DASHES: Final = ("", "2 3", "9 3 2 3")
_MARKS: Final = ("circle", "triangle", "square-open", "cross", "diamond", "circle-open",
                 "square", "diamond-open")
_WIDTH, _PLOT_HEIGHT = 440, 230
_LEFT, _RIGHT, _TOP, _BOTTOM = 54, 14, 14, 32
_KEY_ROW = 20
#: The font sizes of the axes' labels and of the key, and the width of a character at
#: each, as estimated to fit the labels and wrap the key.
_AXIS_FONT, _KEY_FONT = 13, 14
_AXIS_CHAR, _KEY_CHAR = 7.6, 8.2
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


def authority_style(index: int) -> tuple[str, str, str]:
    """The colour, dash pattern and mark of the ``index``-th of several authorities'
    lines: neighbours in the order differ in all three; each of the first
    [`DISTINCT_LINES`][corpparent.report.benchmark_chart.DISTINCT_LINES] differs from
    every other in colour and dash together, and in dash or mark."""
    return (_COLOURS[index % len(_COLOURS)], _DASHES[index % len(_DASHES)],
            _MARKS[index % len(_MARKS)])


def _style(key: str) -> tuple[str, str, str]:
    return authority_style(int(key[1:])) if key.startswith("a") and \
        key[1:].isdigit() else LINE_STYLES[key]


def _within(x: float, label: str) -> float:
    """Where a period's label centred at ``x`` is set so it stays inside the drawing:
    "year ending September 2016" under the last period is moved left, not clipped."""
    half = _AXIS_CHAR * len(label) / 2 + 2
    return min(max(x, half), _WIDTH - half)


def _n(value: float) -> str:
    """A coordinate to a tenth of a pixel, written short: 84, not 84.0."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _mark(shape: str, x: float, y: float, tip: str = "") -> str:
    """A mark, taking its group's fill and stroke (an open one is filled white)."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    fill = ' fill="#ffffff"' if shape.endswith("-open") else ""
    shape = shape.removesuffix("-open")
    if shape == "circle":
        shown = f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5"{fill}'
        return f"{shown}>{title}</circle>" if title else f"{shown}/>"
    path = {"square": f"M{_n(x - 3.5)} {_n(y - 3.5)}h7v7h-7z",
            "cross": f"M{_n(x - 4)} {_n(y - 4)}l8 8m-8 0l8-8",
            "triangle": f"M{_n(x)} {_n(y - 4.5)}l4.5 8h-9z"}.get(
        shape, f"M{_n(x)} {_n(y - 4.5)}l4.5 4.5-4.5 4.5-4.5-4.5z")
    width = ' stroke-width="2"' if shape == "cross" else ""
    shown = f'<path d="{path}"{fill}{width}'
    return f"{shown}>{title}</path>" if title else f"{shown}/>"


def _line(values: list[float | None], area: PlotArea, dash: str, width: float) -> str:
    """The line through each run of consecutive figures (a gap where one is missing), in
    its group's stroke."""
    runs: list[list[str]] = [[]]
    for i, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append(f"{_n(area.x(i))},{_n(area.y(value))}")
    pattern = f' stroke-dasharray="{dash}"' if dash else ""
    return "".join(f'<polyline points="{" ".join(run)}" fill="none" stroke-width="{width}"'
                   f"{pattern}/>" for run in runs if len(run) > 1)


def _group(colour: str, body: str, name: str = "") -> str:
    """``body`` in a group filled and stroked ``colour``."""
    named = f' class="{escape(name)}"' if name else ""
    return (f'<g{named} fill="{colour}" stroke="{colour}" stroke-width="1.5">{body}</g>')


def _key(items: list[tuple[str, str]], top: float) -> tuple[str, int]:
    """The key in words: a sample of each line and its name, wrapped to the width;
    with the number of rows it takes."""
    samples, names, x, row = [], [], 8.0, 0
    for key, name in items:
        wide = 34 + _KEY_CHAR * len(name) + 14
        if x + wide > _WIDTH and x > 8:
            x, row = 8.0, row + 1
        y = top + row * _KEY_ROW
        if key == "band":
            samples.append(f'<rect x="{_n(x)}" y="{_n(y - 6)}" width="28" height="12" '
                           f'fill="{CHART_COLOURS["band"]}" '
                           f'stroke="{CHART_COLOURS["band_edge"]}"/>')
        else:
            colour, dash, shape = _style(key)
            pattern = f' stroke-dasharray="{dash}"' if dash else ""
            samples.append(_group(colour, f'<path d="M{_n(x)} {_n(y)}h28" stroke-width="2"'
                                  f"{pattern}/>" + _mark(shape, x + 14, y)))
        names.append(f'<text x="{_n(x + 34)}" y="{_n(y + 4)}">{escape(name)}</text>')
        x += wide
    return ("".join(samples) + f'<g font-size="{_KEY_FONT}" fill="{CHART_COLOURS["text"]}">'
            + "".join(names) + "</g>"), row + 1


def _described(chart_id: str, title: str, words: str, words_id: str, size: str) -> list[str]:
    """The ``<svg>`` tag and its title and description: the words inside it, or, where
    ``words_id`` names an element of the page holding them, referred to there."""
    named = (f'aria-labelledby="{chart_id}-t" aria-describedby="{escape(words_id)}"'
             if words_id else f'aria-labelledby="{chart_id}-t {chart_id}-d"')
    return [f"<svg {size} {named}>",
            f'<title id="{chart_id}-t">{escape(title)}: over time</title>',
            *(() if words_id else (f'<desc id="{chart_id}-d">{escape(words)}</desc>',))]


def series_chart(series: tuple[SeriesOut, ...], title: str, chart_id: str,
                 average: str = "mean", *, words_id: str = "") -> str:
    """The full chart of one measure's ``series`` (one per authority) as an inline
    ``<svg>``; ``chart_id`` must be unique in the page. Its description is
    `corpparent.report.benchmark_chart.series_words`, in its ``<desc>`` or, where
    ``words_id`` is given, in the page's element of that id."""
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
    bottom = _TOP + area.plot_h
    out = _described(chart_id, title, series_words(series, average), words_id,
                     f'class="chart series" viewBox="0 0 {_WIDTH} {height}" '
                     f'width="{_WIDTH}" height="{height}" role="img"')
    ticks = [(area.y(tick), show(tick)) for tick in nice_ticks(low, high) if low <= tick <= high]
    out.append(f'<path d="{"".join(f"M{_LEFT} {_n(y)}H{_WIDTH - _RIGHT}" for y, _ in ticks)}" '
               'stroke="#e3e6ea"/>' if ticks else "")
    label = _AXIS_CHAR * max((len(p) for p in periods), default=1) + 8
    every = max(1, math.ceil(len(periods) / max(1, int(area.plot_w // label))))
    labels = [(area.x(i), period) for i, period in enumerate(periods)
              if (len(periods) - 1 - i) % every == 0]  # the latest always labelled
    out.append(f'<g font-size="{_AXIS_FONT}" fill="{CHART_COLOURS["muted"]}" text-anchor="end">'
               + "".join(f'<text x="{_LEFT - 4}" y="{_n(y + 4)}">{escape(tick)}</text>'
                         for y, tick in ticks)
               + '<g text-anchor="middle">'
               + "".join(f'<text x="{_n(x)}" y="{bottom + 17}">{escape(period)}</text>'
                         for x, period in ((_within(x, period), period)
                                           for x, period in labels)) + "</g></g>")
    index = {period: i for i, period in enumerate(periods)}
    if bands:
        out.append(f'<g class="band" fill="{CHART_COLOURS["band"]}" '
                   f'stroke="{CHART_COLOURS["band_edge"]}">')
        for p in bands:
            top, foot = area.y(p.band_upper or 0.0), area.y(p.band_lower or 0.0)
            out.append(f'<rect x="{_n(area.x(index[p.period]) - area.step * 0.3)}" '
                       f'y="{_n(top)}" width="{_n(area.step * 0.6)}" height="{_n(foot - top)}">'
                       f"<title>{escape(p.period)}: band {escape(p.band or '')}, "
                       f"{escape(show(p.band_lower))} to {escape(show(p.band_upper))}</title>"
                       "</rect>")
        out.append("</g>")
    out.append(f'<path d="M{_LEFT} {_TOP}V{_n(bottom)}H{_WIDTH - _RIGHT}" fill="none" '
               f'stroke="{CHART_COLOURS["axis"]}"/>')
    # England and the comparators first, the authority (or authorities) on top.
    for name_key, name, values in sorted(drawn, key=lambda d: d[0] in ("value", "a0")):
        colour, dash, shape = _style(name_key)
        main = name_key == "value" or name_key.startswith("a")
        out.append(_group(colour, _line(values, area, dash, 2.5 if main else 1.8)
                          + "".join(_mark(shape, area.x(i), area.y(v),
                                          f"{name}, {periods[i]}: {show(v)}")
                                    for i, v in enumerate(values) if v is not None),
                          f"line {name_key}"))
    out.append(key)
    out.append("</svg>")
    return "".join(out)


def compact_chart(series: tuple[SeriesOut, ...], title: str, chart_id: str,
                  average: str = "mean", *, words_id: str = "") -> str:
    """One measure's ``series`` at the size of a line of text (120 by 28), to sit in a
    table's row: the first authority's line, England's dashed, the first authority's
    band range shaded (one authority only), with the full chart's ``<title>`` and
    description (in its ``<desc>``, or in the page's element ``words_id`` names).
    ``chart_id`` must be unique in the page."""
    periods = periods_of(series)
    low, high = value_range(series, average, compact=True)
    area = PlotArea(_COMPACT_W, _COMPACT_H, 2, 2, 2, 2, len(periods), low, high)
    index = {period: i for i, period in enumerate(periods)}
    drawn = {d[0]: d[2] for d in _drawn(series, average)}
    own = drawn.get("value", drawn.get("a0", []))
    out = _described(chart_id, title, series_words(series, average), words_id,
                     f'class="chart compact" viewBox="0 0 {_COMPACT_W} {_COMPACT_H}" '
                     f'width="{_COMPACT_W}" height="{_COMPACT_H}" role="img"')
    bands = []
    for p in _bands(series):
        top, foot = area.y(p.band_upper or 0.0), area.y(p.band_lower or 0.0)
        bands.append(f"M{_n(area.x(index[p.period]) - area.step * 0.4)} {_n(top)}"
                     f"h{_n(area.step * 0.8)}v{_n(max(foot - top, 0.5))}"
                     f"h{_n(-area.step * 0.8)}z")
    if bands:
        out.append(f'<path d="{"".join(bands)}" fill="{CHART_COLOURS["band"]}"/>')
    england, line = LINE_STYLES["england"][0], LINE_STYLES["value"][0]
    out.append(f'<g stroke="{england}">{_line(drawn.get("england", []), area, "3 2", 1.2)}'
               f'</g><g stroke="{line}">{_line(own, area, "", 1.8)}</g>')
    last = max((i for i, v in enumerate(own) if v is not None), default=None)
    if last is not None:
        out.append(f'<circle cx="{_n(area.x(last))}" cy="{_n(area.y(own[last] or 0.0))}" '
                   f'r="2" fill="{line}"/>')
    out.append("</svg>")
    return "".join(out)
