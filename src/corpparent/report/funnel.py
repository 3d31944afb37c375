"""The benchmark's funnel plots as part of the report document.

`funnel_section` is a section with one `FunnelBlock` for each funnel the benchmark carries: the
chart (drawn by the formats that draw), its words (where the authority lies against England and the
limits at its own denominator, how many authorities lie outside them, whether the limits were
widened for over-dispersion and how many authorities were not judged), and a table of the
authority and those outside the 99.8% limits, the figures behind the chart that a
reader needs, in every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent.report.document import Cell, CellKind, FunnelBlock, Paragraph, Section, Table
from corpparent.report.funnel_parts import FunnelOut, FunnelPointOut
from corpparent.wording import counted

if TYPE_CHECKING:
    from corpparent.report.model import BenchmarkReport

__all__ = ["FLAG_WORDS", "funnel_block", "funnel_section", "show_figure"]

#: How a flag reads in a sentence.
FLAG_WORDS = {"above": "above England beyond chance", "below": "below England beyond chance",
              "within": "within what chance allows", "not judged": "not judged"}

_INTRODUCTION = (
    "A funnel plot puts each authority's figure against how many children it rests on, "
    "with limits around England's figure that narrow as that number grows: a figure "
    "outside the 99.8% limits is above or below England by more than chance would "
    "allow (about 2 in 1,000 by chance alone, 1 in 20 for the 95% limits). The limits "
    "are exact binomial (percentages) or Poisson (rates) limits, widened where "
    "authorities differ more than chance allows (over-dispersion), as Spiegelhalter "
    "(2005) gives. Above or below is not better or worse: read it with the measure.")


def show_figure(value: float | None, funnel: FunnelOut, *, unit: bool = True) -> str:
    """A figure or limit as the funnel shows it: one decimal place, with its unit unless
    ``unit`` is false."""
    if value is None:
        return "-"
    if not unit:
        return f"{value:.1f}"
    return f"{value:.1f}%" if funnel.kind == "proportion" else f"{value:.1f} per 10,000"


def _span(low: float, high: float, funnel: FunnelOut) -> str:
    """"57.7 to 78.2%": two limits with their unit once."""
    return f"{show_figure(low, funnel, unit=False)} to {show_figure(high, funnel)}"


def _flags(point: FunnelPointOut) -> str:
    if point.flag_998 == point.flag_95:
        return f"{FLAG_WORDS[point.flag_998]} at both 95% and 99.8%"
    return f"{FLAG_WORDS[point.flag_95]} at 95%, {FLAG_WORDS[point.flag_998]} at 99.8%"


def _where(point: FunnelPointOut | None, funnel: FunnelOut) -> str:
    if point is None:
        return "The authority has no row in the EES file."
    if point.value is None:
        return f"{point.authority} is not judged: {point.reason}."
    limits = point.limits
    size = f"{point.denominator:,.0f}" if point.denominator is not None else "-"
    spans = "" if limits is None else (
        f" (limits at its size: 95% {_span(limits.lower_95, limits.upper_95, funnel)}; "
        f"99.8% {_span(limits.lower_998, limits.upper_998, funnel)})")
    return (f"{point.authority}: {show_figure(point.value, funnel)} of {size}, "
            f"{_flags(point)}{spans}.")


def _caption(funnel: FunnelOut) -> str:
    above = sum(p.flag_998 == "above" for p in funnel.points)
    below = sum(p.flag_998 == "below" for p in funnel.points)
    judged = sum(p.flag_998 != "not judged" for p in funnel.points)
    spread = (f"Limits widened for over-dispersion (φ = {funnel.phi:.2f})." if
              funnel.widened and funnel.dispersion == "multiplicative" else
              f"Limits widened for over-dispersion (τ² = {funnel.tau2:.3g})."
              if funnel.widened else "No over-dispersion: the plain limits.")
    reasons = [p.reason for p in funnel.points if p.flag_998 == "not judged"]
    why = ": no count, or no denominator above 0, published" if all(
        r.startswith(("no ", "denominator ")) for r in reasons) else ""
    left = f" {counted(funnel.left_out, 'authority')} not judged{why}." if reasons else ""
    return (f"England {show_figure(funnel.target, funnel)}. Of "
            f"{counted(judged, 'authority')}, {above} above and {below} below the "
            f"99.8% limits. {spread}{left}")


def _table(funnel: FunnelOut, title: str) -> Table:
    shown = [p for p in funnel.points if p.code == funnel.authority_code
             or p.flag_998 in ("above", "below")]
    shown.sort(key=lambda p: (p.code != funnel.authority_code, -(p.value or 0)))
    rows = tuple((
        Cell(p.authority),
        Cell("-" if p.denominator is None else f"{p.denominator:,.0f}", CellKind.COUNT,
             value=p.denominator),
        Cell(show_figure(p.value, funnel), CellKind.NUMBER, value=p.value),
        Cell(p.flag_998), Cell(p.flag_95)) for p in shown)
    return Table(title, ("Authority", "Children (denominator)", "Figure", "At 99.8%",
                         "At 95%"), rows)


def funnel_block(funnel: FunnelOut, ident: str) -> FunnelBlock:
    """One funnel: its chart, its words and its table."""
    name = funnel.measure_name or funnel.measure
    title = f"{name} ({funnel.measure}), {funnel.period}"
    return FunnelBlock(title, funnel, f"{_where(funnel.chosen, funnel)} {_caption(funnel)}",
                       _table(funnel, f"{title}: the authority and those outside the "
                              "99.8% limits"), ident)


def funnel_section(report: BenchmarkReport) -> Section | None:
    """The funnel plots of ``report``, or None where it carries none."""
    if not report.funnels:
        return None
    blocks = tuple(funnel_block(f, f"funnel-{i}") for i, f in enumerate(report.funnels))
    return Section("Statistically above or below England: funnel plots",
                   (Paragraph(_INTRODUCTION), *blocks), ident="funnels")
