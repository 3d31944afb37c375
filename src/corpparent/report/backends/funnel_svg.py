"""The funnel plot as an inline SVG: every authority's figure against its denominator,
England's figure across, and the 95% and 99.8% limits narrowing as the denominator
grows, with the authority the benchmark is for marked and named.

The denominator runs on a log scale: authorities differ in size a hundredfold, and on a
straight scale the small ones, where the funnel is widest, would share one corner.
Colour never carries meaning alone: the authority is a large diamond with its name
beside it, an authority beyond the 99.8% limits a square (above) or a triangle
(below), every other a small circle; each mark's ``<title>`` says its figure, its
denominator and its flags, and the chart's ``<desc>`` says in words what the chart
shows. As the other charts (`corpparent.report.backends.svg`), it uses no scripts,
fonts or images from elsewhere and escapes every piece of text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import Final

from corpparent.report.backends.svg import CHART_COLOURS
from corpparent.report.funnel import FLAG_WORDS, show_figure
from corpparent.report.funnel_parts import FunnelLimitsOut, FunnelOut, FunnelPointOut

__all__ = ["FUNNEL_COLOURS", "funnel_chart", "funnel_legend"]

#: Each meets 3:1 against white (WCAG 2.2, 1.4.11).
FUNNEL_COLOURS: Final = {
    "point": "#6b7178",
    "above": "#005eb8",
    "below": "#b35200",
    "chosen": "#1b1b1b",
    "target": CHART_COLOURS["target"],
    "limit_95": "#4f7cac",
    "limit_998": "#4a4f55",
}

_WIDTH, _HEIGHT = 580, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 16, 16, 44


def _ticks(low: float, high: float) -> list[float]:
    """Round denominators (1, 2, 5 times a power of ten) between ``low`` and ``high``."""
    out = []
    for power in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        out += [m * 10.0**power for m in (1, 2, 5) if low <= m * 10.0**power <= high]
    return out


def _scales(funnel: FunnelOut) -> tuple[Callable[[float], float], Callable[[float], float],
                                        float, float, float, float]:
    sizes = [c.denominator for c in funnel.curve] + [
        p.denominator for p in funnel.points if p.denominator and p.value is not None]
    values = [p.value for p in funnel.points if p.value is not None] + [funnel.target]
    values += [v for c in funnel.curve for v in (c.lower_998, c.upper_998)]
    left, right = math.log10(max(min(sizes), 1.0)), math.log10(max(max(sizes), 2.0))
    right = right if right > left else left + 1
    low, high = min(values), max(values)
    pad = (high - low) * 0.05 or 1.0
    low, high = max(low - pad, 0.0), high + pad
    if funnel.kind == "proportion":
        high = min(high, 100.0)
    plot_w = _WIDTH - _LEFT - _RIGHT
    plot_h = _HEIGHT - _TOP - _BOTTOM

    def x(n: float) -> float:
        return _LEFT + plot_w * (math.log10(max(n, 1.0)) - left) / (right - left)

    def y(v: float) -> float:
        return _TOP + plot_h * (1 - (min(max(v, low), high) - low) / (high - low))

    return x, y, 10**left, 10**right, low, high


def _line(curve: list[FunnelLimitsOut], pick: Callable[[FunnelLimitsOut], float],
          x: Callable[[float], float], y: Callable[[float], float], name: str) -> str:
    path = " ".join(f"{x(c.denominator):.1f},{y(pick(c)):.1f}" for c in curve)
    dash = ' stroke-dasharray="6 3"' if name == "limit_95" else ""
    return (f'<polyline class="{name}" points="{path}" fill="none" '
            f'stroke="{FUNNEL_COLOURS[name]}" stroke-width="1.5"{dash}/>')


def _mark(point: FunnelPointOut, funnel: FunnelOut, px: float, py: float) -> str:
    tip = (f"<title>{escape(point.authority)}: {escape(show_figure(point.value, funnel))} "
           f"of {point.denominator or 0:,.0f}; {escape(FLAG_WORDS[point.flag_998])} at "
           f"99.8%, {escape(FLAG_WORDS[point.flag_95])} at 95%</title>")
    if point.code == funnel.authority_code:
        shape = (f"{px:.1f},{py - 8:.1f} {px + 8:.1f},{py:.1f} {px:.1f},{py + 8:.1f} "
                 f"{px - 8:.1f},{py:.1f}")
        anchor = "end" if px > _WIDTH * 0.7 else "start"
        shift = -11 if anchor == "end" else 11
        return (f'<polygon class="point chosen" points="{shape}" '
                f'fill="{FUNNEL_COLOURS["chosen"]}" stroke="#ffffff">{tip}</polygon>'
                f'<text x="{px + shift:.1f}" y="{py - 6:.1f}" text-anchor="{anchor}" '
                f'font-size="12" font-weight="bold" fill="{CHART_COLOURS["text"]}">'
                f"{escape(point.authority)}</text>")
    if point.flag_998 == "above":
        return (f'<rect class="point above" x="{px - 4:.1f}" y="{py - 4:.1f}" width="8" '
                f'height="8" fill="{FUNNEL_COLOURS["above"]}">{tip}</rect>')
    if point.flag_998 == "below":
        shape = f"{px:.1f},{py + 5:.1f} {px + 5:.1f},{py - 4:.1f} {px - 5:.1f},{py - 4:.1f}"
        return (f'<polygon class="point below" points="{shape}" '
                f'fill="{FUNNEL_COLOURS["below"]}">{tip}</polygon>')
    return (f'<circle class="point" cx="{px:.1f}" cy="{py:.1f}" r="2.5" '
            f'fill="{FUNNEL_COLOURS["point"]}" fill-opacity="0.7">{tip}</circle>')


def funnel_chart(funnel: FunnelOut, title: str, chart_id: str, description: str) -> str:
    """``funnel`` as an inline ``<svg>``; ``chart_id`` must be unique in the page and
    ``description`` says in words what it shows (its ``<desc>``)."""
    x, y, first, last, low, high = _scales(funnel)
    plot_w, plot_h = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    muted, axis = CHART_COLOURS["muted"], CHART_COLOURS["axis"]
    out = [
        f'<svg class="chart funnel" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" '
        f'height="{_HEIGHT}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}: funnel plot</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP}" y2="{_TOP + plot_h}" stroke="{axis}"/>'
        f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{_TOP + plot_h}" '
        f'y2="{_TOP + plot_h}" stroke="{axis}"/>',
    ]
    for tick in _ticks(first, last):
        out.append(f'<text x="{x(tick):.1f}" y="{_TOP + plot_h + 14}" text-anchor="middle" '
                   f'font-size="10" fill="{muted}">{tick:,.0f}</text>')
    for value in (low, (low + high) / 2, high):
        out.append(f'<text x="{_LEFT - 4}" y="{y(value) + 4:.1f}" text-anchor="end" '
                   f'font-size="10" fill="{muted}">{value:,.0f}</text>')
    unit = "%" if funnel.kind == "proportion" else "per 10,000"
    out.append(f'<text x="{_LEFT + plot_w / 2:.1f}" y="{_HEIGHT - 6}" text-anchor="middle" '
               f'font-size="11" fill="{muted}">Children the figure rests on (log scale); '
               f"figure {escape(unit)}</text>")
    curve = funnel.curve
    out += [_line(curve, lambda c: c.lower_998, x, y, "limit_998"),
            _line(curve, lambda c: c.upper_998, x, y, "limit_998"),
            _line(curve, lambda c: c.lower_95, x, y, "limit_95"),
            _line(curve, lambda c: c.upper_95, x, y, "limit_95")]
    ty = y(funnel.target)
    out.append(f'<line class="target" x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{ty:.1f}" '
               f'y2="{ty:.1f}" stroke="{FUNNEL_COLOURS["target"]}" stroke-width="2"/>'
               f'<text x="{_LEFT + plot_w - 4}" y="{ty - 5:.1f}" text-anchor="end" '
               f'font-size="11" font-weight="bold" fill="{FUNNEL_COLOURS["target"]}">'
               f"England {escape(show_figure(funnel.target, funnel))}</text>")
    drawn = [p for p in funnel.points if p.value is not None and p.denominator]
    drawn.sort(key=lambda p: p.code == funnel.authority_code)  # the authority on top
    out += [_mark(p, funnel, x(p.denominator or 1.0), y(p.value or 0.0)) for p in drawn]
    out.append("</svg>")
    return "".join(out)


def funnel_legend() -> str:
    """The key to the lines and marks (hidden from screen readers, which read each
    chart's description and its table)."""
    c = FUNNEL_COLOURS
    return (
        '<p class="legend" aria-hidden="true">'
        f'<svg width="14" height="14"><polygon points="7,0 14,7 7,14 0,7" '
        f'fill="{c["chosen"]}"/></svg>the authority'
        f'<svg width="10" height="10"><rect width="8" height="8" x="1" y="1" '
        f'fill="{c["above"]}"/></svg>above 99.8%'
        f'<svg width="12" height="12"><polygon points="6,11 11,2 1,2" '
        f'fill="{c["below"]}"/></svg>below 99.8%'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" '
        f'stroke="{c["target"]}" stroke-width="2"/></svg>England'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" '
        f'stroke="{c["limit_95"]}" stroke-width="1.5" stroke-dasharray="6 3"/></svg>95% limits'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" '
        f'stroke="{c["limit_998"]}" stroke-width="1.5"/></svg>99.8% limits'
        "</p>"
    )
