"""Inline SVG charts: an indicator's trend against its expected range and target, and
its latest value beside its comparators.

Councillors would rather see a trend against its expected range than read it. The trend
chart shades the expected range that applied in each period (ranges are reviewed each
year, so the band can step), draws the target as a dashed line, and labels the latest
value. Withheld or missing values leave a gap marked with their symbol. Every chart has
a ``<title>`` and a ``<desc>`` for screen readers, and every piece of text is escaped
with `html.escape`. The charts use no scripts, fonts or images from elsewhere.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Sequence
from html import escape
from typing import Final, final

from attrs import frozen

from corpparent.report.formatting import show_number, show_point, show_value
from corpparent.report.parts import IndicatorOut, TrendPoint

__all__ = ["CHART_COLOURS", "PROCESS_COLOURS", "PlotArea", "comparator_chart", "nice_ticks",
           "period_label", "trend_caption", "trend_chart", "trend_parts"]

#: Colours of chart marks; each meets 3:1 against white (WCAG 2.2, 1.4.11) where it
#: carries meaning, and text meets 4.5:1 (1.4.3).
CHART_COLOURS: Final = {
    "text": "#1b1b1b",
    "muted": "#4a4f55",
    "axis": "#6b7178",
    "line": "#1d4f91",
    "band": "#d7e6f5",
    "band_edge": "#4f7cac",
    "target": "#8a4b00",
    "comparator": "#5d6770",
}

#: The process chart's marks (`corpparent.report.backends.process_svg`) and Making Data
#: Count's icons (`corpparent.report.backends.mdc_icons`): each meets 3:1 against white
#: (WCAG 2.2, 1.4.11), and white text on the icons' colours 4.5:1.
PROCESS_COLOURS: Final = {
    "common": "#5d6770",
    "improvement": "#005eb8",
    "concern": "#b35200",
    "neither": "#6b3fa0",
    "mean": "#1b1b1b",
    "limit": "#4a4f55",
}

_WIDTH, _HEIGHT = 420, 210
_LEFT, _RIGHT, _TOP, _BOTTOM = 46, 34, 16, 40


@final
@frozen
class PlotArea:
    """The drawing area of a chart ``width`` by ``height`` with its margins, holding
    ``count`` points side by side and values from ``low`` to ``high``: where the i-th
    point (`x`) and a value (`y`) fall. Every chart of the reports uses it."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    count: int
    low: float
    high: float

    @property
    def plot_w(self) -> float:
        """The width between the margins."""
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        """The height between the margins."""
        return self.height - self.top - self.bottom

    @property
    def step(self) -> float:
        """The width each point takes."""
        return self.plot_w / max(self.count, 1)

    def x(self, i: int) -> float:
        """The middle of the i-th point's slot."""
        return self.left + self.step * (i + 0.5)

    def y(self, v: float) -> float:
        """Where the value ``v`` falls, ``high`` at the top."""
        return self.top + self.plot_h * (1 - (v - self.low) / (self.high - self.low))


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values for an axis from ``low`` to ``high``, about ``count`` steps apart."""
    span = high - low or abs(high) or 1.0
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    tick = first
    while tick <= high + step * 1e-9:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


def period_label(period: str) -> tuple[str, str]:
    """A period written on two short lines: ``2022-23 Q4`` -> (``Q4``, ``2022-23``)."""
    head, _, tail = period.rpartition(" ")
    if head and tail.startswith("Q"):
        return tail, head
    if len(period) == 7 and period[4] == "-" and period[:4].isdigit():
        months = calendar.month_abbr
        month = int(period[5:]) if period[5:].isdigit() else 0
        if 1 <= month <= 12:
            return months[month], period[:4]
    return period, ""


def _domain(values: Sequence[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    pad = (high - low) * 0.12 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    if min(values) >= 0 > low:
        low = 0.0
    return low, high


def _describe(indicator: IndicatorOut) -> str:
    points = "; ".join(f"{p.period}: {show_point(indicator, p)}" for p in indicator.trend)
    parts = [f"Values by period: {points}."]
    expected = indicator.expected_range
    if expected is not None:
        parts.append(
            f"Expected range for {expected.period}: "
            f"{show_value(indicator, expected.lower)} to {show_value(indicator, expected.upper)}."
        )
    for target in indicator.targets:
        kind = "Ambition" if target.ambition else "Target"
        parts.append(f"{kind}: {target.direction} {show_value(indicator, target.value)}.")
    return " ".join(parts)


def trend_parts(indicator: IndicatorOut) -> tuple[bool, bool, bool]:
    """What the trend chart of ``indicator`` draws: any value, an expected range, a
    target or ambition. With no value there is no chart to draw."""
    return (any(p.value is not None for p in indicator.trend),
            any(p.lower is not None and p.upper is not None for p in indicator.trend),
            bool(indicator.targets))


def trend_caption(indicator: IndicatorOut) -> str:
    """The trend chart's caption, naming only what it draws: ``Trend against the
    expected range and the target``, or just ``Trend``."""
    _values, band, target = trend_parts(indicator)
    against = [what for what, drawn in (("the expected range", band),
                                         ("the target", target)) if drawn]
    return "Trend" + (" against " + " and ".join(against) if against else "")


def trend_chart(indicator: IndicatorOut, chart_id: str) -> str:
    """The trend chart of ``indicator`` as an inline ``<svg>`` element.

    ``chart_id`` must be unique in the page and is used for the title and description.
    """
    points = indicator.trend
    colours = CHART_COLOURS
    numbers = [p.value for p in points if p.value is not None]
    numbers += [b for p in points for b in (p.lower, p.upper) if b is not None]
    numbers += [t.value for t in indicator.targets]
    low, high = _domain(numbers or [0.0, 1.0])
    area = PlotArea(_WIDTH, _HEIGHT, _LEFT, _RIGHT, _TOP, _BOTTOM, len(points), low, high)
    plot_w, plot_h, step, x, y = area.plot_w, area.plot_h, area.step, area.x, area.y

    caption = trend_caption(indicator)
    title = f"{indicator.name}: {caption[0].lower()}{caption[1:]}"
    out = [
        f'<svg class="chart trend" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(_describe(indicator))}</desc>',
    ]
    for start, stop, lower, upper in _bands(points):  # the range that applied in each period
        top, bottom = y(upper), y(lower)
        left, right = x(start) - step / 2, x(stop) + step / 2
        out.append(
            f'<rect class="band" x="{left:.1f}" y="{top:.1f}" width="{right - left:.1f}" '
            f'height="{max(bottom - top, 1):.1f}" fill="{colours["band"]}"/>'
        )
        for edge in (top, bottom):
            out.append(
                f'<line class="band-edge" x1="{left:.1f}" x2="{right:.1f}" y1="{edge:.1f}" '
                f'y2="{edge:.1f}" stroke="{colours["band_edge"]}" stroke-width="1.5"/>'
            )
    for tick in nice_ticks(low, high):
        out.append(
            f'<line x1="{_LEFT - 4}" x2="{_LEFT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{colours["axis"]}"/>'
            f'<text x="{_LEFT - 6}" y="{y(tick) + 3.5:.1f}" text-anchor="end" font-size="11" '
            f'fill="{colours["muted"]}">{escape(show_number(tick))}</text>'
        )
    out.append(
        f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{_TOP + plot_h}" '
        f'stroke="{colours["axis"]}"/>'
        f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}" '
        f'stroke="{colours["axis"]}"/>'
    )
    for target in indicator.targets:
        ty = y(target.value)
        label_y = ty - 5 if ty - 5 >= _TOP + 8 else ty + 14  # keep the label inside
        kind = "Ambition" if target.ambition else "Target"
        out.append(
            f'<line class="target" x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{ty:.1f}" '
            f'y2="{ty:.1f}" stroke="{colours["target"]}" stroke-width="2" '
            f'stroke-dasharray="6 4"/>'
            f'<text x="{_LEFT + plot_w}" y="{label_y:.1f}" font-size="11" text-anchor="end" '
            f'font-weight="bold" fill="{colours["target"]}">{escape(kind)} '
            f"{escape(show_value(indicator, target.value, bare=True))}</text>"
        )
    out.extend(_line(points, x, y))
    shown_year = ""
    for i, point in enumerate(points):
        first, second = period_label(point.period)
        second, shown_year = ("" if second == shown_year else second), second or shown_year
        out.append(
            f'<text x="{x(i):.1f}" y="{_TOP + plot_h + 14}" text-anchor="middle" font-size="11" '
            f'fill="{colours["muted"]}">{escape(first)}'
            f'<tspan x="{x(i):.1f}" dy="12">{escape(second)}</tspan></text>'
        )
        if point.value is None:
            mark = point.symbol or "–"
            out.append(
                f'<text class="gap" x="{x(i):.1f}" y="{_TOP + plot_h - 6}" text-anchor="middle" '
                f'font-size="12" font-weight="bold" fill="{colours["text"]}">{escape(mark)}'
                f"<title>{escape(point.period)}: {escape(point.note or 'no value')}</title></text>"
            )
    out.append("</svg>")
    return "".join(out)


def _bands(points: Sequence[TrendPoint]) -> list[tuple[int, int, float, float]]:
    """Runs of consecutive points that share an expected range: (first, last, lower, upper)."""
    runs: list[tuple[int, int, float, float]] = []
    for i, point in enumerate(points):
        if point.lower is None or point.upper is None:
            continue
        if runs and runs[-1][1] == i - 1 and runs[-1][2:] == (point.lower, point.upper):
            runs[-1] = (runs[-1][0], i, point.lower, point.upper)
        else:
            runs.append((i, i, point.lower, point.upper))
    return runs


def _line(
    points: Sequence[TrendPoint], x: Callable[[int], float], y: Callable[[float], float]
) -> list[str]:
    colour = CHART_COLOURS["line"]
    segments: list[list[str]] = [[]]
    marks: list[str] = []
    last = max((i for i, p in enumerate(points) if p.value is not None), default=-1)
    for i, point in enumerate(points):
        if point.value is None:
            segments.append([])
            continue
        px, py = x(i), y(point.value)
        segments[-1].append(f"{px:.1f},{py:.1f}")
        radius = 5 if i == last else 3.5
        marks.append(
            f'<circle class="point" cx="{px:.1f}" cy="{py:.1f}" r="{radius}" fill="{colour}" '
            f'stroke="#ffffff" stroke-width="1.5"><title>{escape(point.period)}: '
            f"{escape(show_number(point.value))}</title></circle>"
        )
        if i == last:
            marks.append(
                f'<text class="latest" x="{px + 8:.1f}" y="{py - 8:.1f}" font-size="12" '
                f'font-weight="bold" fill="{colour}">{escape(show_number(point.value))}</text>'
            )
    lines = [
        f'<polyline class="line" points="{" ".join(s)}" fill="none" stroke="{colour}" '
        f'stroke-width="2.5" stroke-linejoin="round"/>'
        for s in segments
        if len(s) > 1
    ]
    return lines + marks


def comparator_chart(indicator: IndicatorOut, authority: str, chart_id: str) -> str:
    """The latest value beside each comparator, as horizontal bars in one ``<svg>``."""
    latest = indicator.trend[-1].period if indicator.trend else ""
    rows = [(authority, indicator.value, indicator.symbol, latest, True)]
    rows += [(c.name, c.value, c.symbol, c.period, False) for c in indicator.comparators]
    values = [v for _, v, _, _, _ in rows if v is not None]
    low = min([0.0, *values])
    high = max([*values, 1e-9]) if values else 1.0
    label_w, bar_h, gap = 170, 20, 10
    width = 454
    plot_w = width - label_w - 124
    height = len(rows) * (bar_h + gap) + 8

    def x(v: float) -> float:
        return label_w + plot_w * (v - low) / ((high - low) or 1.0)

    title = f"{indicator.name}: {authority} beside its comparators"
    described = "; ".join(
        f"{name}, {when}: {show_value(indicator, v) if v is not None else (s or 'no value')}"
        for name, v, s, when, _ in rows
    )
    out = [
        f'<svg class="chart comparators" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(described)}.</desc>',
    ]
    for row, (name, value, symbol, when, own) in enumerate(rows):
        top = 6 + row * (bar_h + gap)
        colour = CHART_COLOURS["line"] if own else CHART_COLOURS["comparator"]
        # At about 6.6 units a character, 24 characters fit the label column; a longer
        # name is cut, and shown whole in its tooltip and in the chart's description.
        shown = name if len(name) <= 24 else name[:23] + "…"
        out.append(
            f'<text x="{label_w - 6}" y="{top + 14}" text-anchor="end" font-size="12" '
            f'font-weight="{"bold" if own else "normal"}" fill="{CHART_COLOURS["text"]}">'
            f"{escape(shown)}<title>{escape(name)}</title></text>"
        )
        if value is None:
            out.append(
                f'<text x="{label_w + 4}" y="{top + 14}" font-size="12" '
                f'fill="{CHART_COLOURS["text"]}">{escape(symbol or "–")} ({escape(when)})</text>'
            )
            continue
        start, end = sorted((x(0.0), x(value)))
        out.append(
            f'<rect class="bar" x="{start:.1f}" y="{top}" width="{max(end - start, 1):.1f}" '
            f'height="{bar_h}" fill="{colour}"/>'
            f'<text x="{end + 4:.1f}" y="{top + 14}" font-size="12" '
            f'fill="{CHART_COLOURS["text"]}">{escape(show_value(indicator, value, bare=True))}'
            f' <tspan fill="{CHART_COLOURS["muted"]}">({escape(when)})</tspan></text>'
        )
    out.append("</svg>")
    return "".join(out)
