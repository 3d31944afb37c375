"""The process (XmR) chart as an inline SVG: the series, its mean and process limits
(stepping where the series was rebased), the target, and its signals marked.

Making Data Count charts colour special cause improvement blue and concern orange, and
leave common cause grey. Colour never carries meaning alone here: a point of a signal
is drawn larger and shaped by what it means (a square for an improvement, a diamond for
a concern, a triangle for a signal of a neutral indicator), its ``<title>`` names the
rule, and the chart's ``<desc>`` says the variation and assurance in words. As the
trend chart (`corpparent.report.backends.svg`), it uses no scripts, fonts or images from
elsewhere and escapes every piece of text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import Final

from corpparent.report.backends.mdc_icons import assurance_icon, variation_icon
from corpparent.report.backends.svg import (
    CHART_COLOURS,
    PROCESS_COLOURS,
    PlotArea,
    nice_ticks,
    period_label,
)
from corpparent.report.parts import ChartOut, ChartPointOut
from corpparent.report.process import assurance_label, trial_note, variation_label

__all__ = ["PROCESS_COLOURS", "process_chart", "process_legend"]


#: The drawing's own size: in a page it scales to the width of its box (a phone's too),
#: so its text is set large enough to read at about two thirds of this size.
_WIDTH, _HEIGHT = 480, 260
_LEFT, _RIGHT, _TOP, _BOTTOM = 58, 86, 16, 42
_FONT = 13


def _domain(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    return low - pad, high + pad


def _mark(point: ChartPointOut, px: float, py: float, text: str) -> str:
    nature = point.nature or "common"
    colour = PROCESS_COLOURS[nature]
    tip = f"<title>{escape(text)}</title>"
    if point.signal is None:
        return (f'<circle class="point common" cx="{px:.1f}" cy="{py:.1f}" r="3" '
                f'fill="{colour}">{tip}</circle>')
    if nature == "improvement":
        return (f'<rect class="point improvement" x="{px - 5:.1f}" y="{py - 5:.1f}" '
                f'width="10" height="10" fill="{colour}">{tip}</rect>')
    if nature == "concern":
        shape = (f"{px:.1f},{py - 7:.1f} {px + 7:.1f},{py:.1f} {px:.1f},{py + 7:.1f} "
                 f"{px - 7:.1f},{py:.1f}")
        return f'<polygon class="point concern" points="{shape}" fill="{colour}">{tip}</polygon>'
    shape = f"{px:.1f},{py - 7:.1f} {px + 6:.1f},{py + 5:.1f} {px - 6:.1f},{py + 5:.1f}"
    return f'<polygon class="point neither" points="{shape}" fill="{colour}">{tip}</polygon>'


def _describe(chart: ChartOut, show: Callable[[float], str]) -> str:
    trial = " These are trial limits, from too few points to rely on." if chart.trial else ""
    trial += trial_note(chart)
    parts = [f"Variation: {chart.variation}. Mean {show(chart.mean)}, process limits "
             f"{show(chart.lower_limit)} to {show(chart.upper_limit)}.{trial}"]
    if chart.target is not None:
        parts.append(f"Target {show(chart.target)}: {chart.assurance or 'no assurance'}.")
    signals = [f"{p.period or i + 1}: {p.signal} ({p.nature})"
               for i, p in enumerate(chart.points) if p.signal is not None]
    parts.append("Signals: " + ("; ".join(signals) if signals else "none") + ".")
    return " ".join(parts)


def _limit_lines(chart: ChartOut, x: Callable[[int], float], y: Callable[[float], float],
                 step: float) -> list[str]:
    out: list[str] = []
    start = 0
    points = chart.points
    for i in range(1, len(points) + 1):
        if i < len(points) and (points[i].mean, points[i].lower_limit, points[i].upper_limit) == (
                points[start].mean, points[start].lower_limit, points[start].upper_limit):
            continue
        left, right = x(start) - step / 2, x(i - 1) + step / 2
        first = points[start]
        for value, kind in ((first.mean, "mean"), (first.lower_limit, "limit"),
                            (first.upper_limit, "limit")):
            dash = "" if kind == "mean" else ' stroke-dasharray="4 3"'
            out.append(f'<line class="{kind}" x1="{left:.1f}" x2="{right:.1f}" '
                       f'y1="{y(value):.1f}" y2="{y(value):.1f}" '
                       f'stroke="{PROCESS_COLOURS[kind]}" stroke-width="1.5"{dash}/>')
        start = i
    return out


def _y_axis(low: float, high: float, y: Callable[[float], float],
            show: Callable[[float], str]) -> list[str]:
    """The y-axis's values in the indicator's unit: ``94%`` at each tick; a unit in words
    (``461 children``) is written once, along the axis, and the ticks carry the numbers."""
    ticks = nice_ticks(low, high)
    shown = [show(tick).partition(" ") for tick in ticks]
    unit = next((words for _number, _space, words in shown if words), "")
    out = [f'<line x1="{_LEFT - 4}" x2="{_LEFT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
           f'stroke="{CHART_COLOURS["axis"]}"/><text class="tick" x="{_LEFT - 6}" '
           f'y="{y(tick) + 4:.1f}" text-anchor="end" font-size="{_FONT - 1}" '
           f'fill="{CHART_COLOURS["muted"]}">{escape(number)}</text>'
           for tick, (number, _space, _words) in zip(ticks, shown, strict=True)]
    if unit:
        middle = _TOP + (_HEIGHT - _TOP - _BOTTOM) / 2
        out.append(f'<text class="unit" x="12" y="{middle:.1f}" text-anchor="middle" '
                   f'font-size="{_FONT - 1}" fill="{CHART_COLOURS["muted"]}" '
                   f'transform="rotate(-90 12 {middle:.1f})">{escape(unit)}</text>')
    return out


def process_chart(chart: ChartOut, title: str, chart_id: str,
                  show: Callable[[float], str]) -> str:
    """``chart`` as an inline ``<svg>``; ``chart_id`` must be unique in the page, and
    ``show`` writes a value in the indicator's unit."""
    points = chart.points
    numbers = [p.value for p in points] + [b for p in points for b in (p.lower_limit,
                                                                        p.upper_limit)]
    if chart.target is not None:
        numbers.append(chart.target)
    low, high = _domain(numbers)
    area = PlotArea(_WIDTH, _HEIGHT, _LEFT, _RIGHT, _TOP, _BOTTOM, len(points), low, high)
    plot_w, plot_h, step, x, y = area.plot_w, area.plot_h, area.step, area.x, area.y

    label = f"{title}: process chart"
    out = [
        f'<svg class="chart process" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" '
        f'height="{_HEIGHT}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(label)}</title>',
        f'<desc id="{chart_id}-d">{escape(_describe(chart, show))}</desc>',
        f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{_TOP + plot_h}" '
        f'stroke="{CHART_COLOURS["axis"]}"/>'
        f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}" '
        f'stroke="{CHART_COLOURS["axis"]}"/>',
    ]
    out.extend(_y_axis(low, high, y, show))
    out.extend(_limit_lines(chart, x, y, step))
    last = points[-1]
    for value, name in ((last.upper_limit, "upper"), (last.mean, "mean"),
                        (last.lower_limit, "lower")):
        out.append(f'<text x="{_LEFT + plot_w + 4}" y="{y(value) + 4:.1f}" '
                   f'font-size="{_FONT - 1}" fill="{CHART_COLOURS["muted"]}">{escape(name)} '
                   f"{escape(show(value))}</text>")
    if chart.target is not None:
        ty = y(chart.target)
        out.append(
            f'<line class="target" x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{ty:.1f}" '
            f'y2="{ty:.1f}" stroke="{CHART_COLOURS["target"]}" stroke-width="2" '
            f'stroke-dasharray="6 4"/><text x="{_LEFT + 4}" y="{ty - 4:.1f}" font-size="{_FONT}" '
            f'font-weight="bold" fill="{CHART_COLOURS["target"]}">Target '
            f"{escape(show(chart.target))}</text>")
    path = " ".join(f"{x(i):.1f},{y(p.value):.1f}" for i, p in enumerate(points))
    out.append(f'<polyline class="line" points="{path}" fill="none" '
               f'stroke="{PROCESS_COLOURS["common"]}" stroke-width="1.5"/>')
    for i, point in enumerate(points):
        where = point.period or f"point {i + 1}"
        said = "common cause" if point.signal is None else (
            f"{point.signal} ({point.side}), {point.nature}")
        out.append(_mark(point, x(i), y(point.value), f"{where}: {show(point.value)}, {said}"))
    every = max(1, math.ceil(len(points) / 6))  # about six labels, whatever the width
    shown_year = ""
    for i, point in enumerate(points):
        if i % every and i != len(points) - 1:
            continue
        first, second = period_label(point.period or str(i + 1))
        second, shown_year = ("" if second == shown_year else second), second or shown_year
        out.append(f'<text x="{x(i):.1f}" y="{_TOP + plot_h + 16}" text-anchor="middle" '
                   f'font-size="{_FONT - 1}" fill="{CHART_COLOURS["muted"]}">{escape(first)}'
                   f'<tspan x="{x(i):.1f}" dy="14">{escape(second)}</tspan></text>')
    out.append("</svg>")
    return "".join(out)


#: The key to each mark a process chart may draw, by what it marks.
_KEYS: Final = {
    "common": ('<svg width="12" height="12"><circle cx="6" cy="6" r="3.5" fill="{c}"/></svg>'
               "common cause"),
    "improvement": ('<svg width="12" height="12"><rect width="10" height="10" x="1" y="1" '
                    'fill="{c}"/></svg>improvement'),
    "concern": ('<svg width="14" height="14"><polygon points="7,0 14,7 7,14 0,7" '
                'fill="{c}"/></svg>concern'),
    "neither": ('<svg width="14" height="14"><polygon points="7,1 13,13 1,13" '
                'fill="{c}"/></svg>neither'),
}


def process_legend(chart: ChartOut) -> str:
    """The variation and assurance in words with their symbols, and the key to the
    marks the chart draws, and only those."""
    c = PROCESS_COLOURS
    trial = " <strong>Trial limits</strong>: too few points to rely on." if chart.trial else ""
    trial += escape(trial_note(chart))
    drawn = {"common" if p.signal is None else (p.nature or "common") for p in chart.points}
    keys = "".join(key.replace("{c}", c[name]) for name, key in _KEYS.items() if name in drawn)
    target = (f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" '
              f'stroke="{CHART_COLOURS["target"]}" stroke-width="2" stroke-dasharray="6 4"/>'
              "</svg>target") if chart.target is not None else ""
    return (
        f'<p class="process-words">{variation_icon(chart.variation)}'
        f"{assurance_icon(chart.assurance)}<strong>Variation:</strong> "
        f"{escape(variation_label(chart.variation))}. <strong>Assurance:</strong> "
        f"{escape(assurance_label(chart.assurance))}.{trial}</p>"
        f'<p class="legend" aria-hidden="true">{keys}'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" stroke="{c["mean"]}" '
        'stroke-width="1.5"/></svg>mean'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" stroke="{c["limit"]}" '
        f'stroke-width="1.5" stroke-dasharray="4 3"/></svg>process limits{target}'
        "</p>"
    )
