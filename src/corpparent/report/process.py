"""A process (XmR) chart as the report model carries it: each point with the limits of
its group and the one signal reported for it, the variation of the latest point, and the
assurance about a target (see [`corpparent.spc`][corpparent.spc])."""

from __future__ import annotations

from typing import Final

from corpparent.ranges import Target
from corpparent.report.parts import ChartOut, ChartPointOut
from corpparent.spc.chart import XmRChart
from corpparent.spc.judgements import Assurance, assurance, variation
from corpparent.spc.signals import Variation

__all__ = ["ASSURANCE_ICONS", "VARIATION_ICONS", "assurance_label", "chart_out",
           "trial_note", "variation_label"]

#: A symbol for each variation, shown with its words (never alone): Making Data Count's
#: icons are coloured circles with H or L for the side; text needs a symbol that reads
#: in any font.
#: The variation shown where no process limits can be set and no run or trend took the
#: latest point in: nothing then says it is common cause (the variation finding is
#: insufficient data, and the chart and the scorecard say the same).
NOT_JUDGED: Final = "not judged: no process limits"

VARIATION_ICONS: Final = {
    Variation.COMMON_CAUSE.value: "~",
    Variation.IMPROVEMENT_HIGH.value: "⇧",
    Variation.IMPROVEMENT_LOW.value: "⇩",
    Variation.CONCERN_HIGH.value: "⇧",
    Variation.CONCERN_LOW.value: "⇩",
    Variation.NEITHER_HIGH.value: "⇧",
    Variation.NEITHER_LOW.value: "⇩",
}
ASSURANCE_ICONS: Final = {
    Assurance.CONSISTENTLY_MET.value: "✓",
    Assurance.HIT_AND_MISS.value: "≈",
    Assurance.CONSISTENTLY_MISSED.value: "✗",
}


def variation_label(variation: str | None) -> str:
    """``⇩ special cause concern (low)``; ``–`` without a chart."""
    if variation is None:
        return "–"
    return f"{VARIATION_ICONS.get(variation, '')} {variation}".strip()


def assurance_label(assurance: str | None) -> str:
    """``✗ consistently missed``; ``–`` without a target or a chart."""
    if assurance is None:
        return "–"
    return f"{ASSURANCE_ICONS.get(assurance, '')} {assurance}".strip()


def trial_note(chart: ChartOut) -> str:
    """Where some points have trial limits and others not (after a rebase), a sentence
    naming those that have; empty otherwise, the chart's ``trial`` saying it for all."""
    spans: list[list[str]] = []
    for number, point in enumerate(chart.points, start=1):
        if point.trial:
            label = point.period or str(number)
            if number > 1 and chart.points[number - 2].trial:
                spans[-1][1:] = [label]
            else:
                spans.append([label])
    if not spans or all(p.trial for p in chart.points):
        return ""
    named = [" to ".join(span) for span in spans]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + f" and {named[-1]}"
    return f" Trial limits, from too few points to rely on, for {listed}."


def _variation(chart: XmRChart) -> str:
    judged = variation(chart)
    return NOT_JUDGED if not chart.varies and judged is Variation.COMMON_CAUSE else judged.value


def chart_out(chart: XmRChart, target: float | Target | None = None,
              unit: str | None = None) -> ChartOut:
    """The output form of ``chart`` (values in ``unit``), with the assurance about
    ``target`` where given."""
    points = []
    for point in chart.points:
        limits = chart.groups[point.group].limits
        signal = point.signal
        points.append(ChartPointOut(
            period=None if point.period is None else str(point.period),
            value=point.value,
            mean=limits.mean,
            lower_limit=limits.lower,
            upper_limit=limits.upper,
            trial=chart.groups[point.group].trial,
            signal=None if signal is None else signal.cause.value,
            side=None if signal is None else signal.side.value,
            nature=None if signal is None else signal.nature.value,
        ))
    assured = None if target is None else assurance(chart, target)
    level = None
    if target is not None:
        level = target.value if isinstance(target, Target) else float(target)
    options = chart.options
    return ChartOut(
        mean=chart.mean,
        lower_limit=chart.lower_limit,
        upper_limit=chart.upper_limit,
        trial=chart.trial,
        varies=chart.varies,
        variation=_variation(chart),
        assurance=None if assured is None else assured.value,
        target=level,
        unit=unit,
        options={"screen_outliers": options.screen_outliers, "baseline": options.baseline,
                 "minimum_points": options.minimum_points,
                 "run_length": options.run_length, "trend_length": options.trend_length,
                 "rebased": len(chart.groups) - 1},
        points=points,
    )

