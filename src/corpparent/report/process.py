"""A process (XmR) chart as the report model carries it: each point with the limits of
its group and the one signal reported for it, the variation of the latest point, and the
assurance about a target (see :mod:`corpparent.spc`)."""

from __future__ import annotations

from corpparent.ranges import Target
from corpparent.report.model import ChartOut, ChartPointOut
from corpparent.spc.chart import XmRChart
from corpparent.spc.judgements import assurance, variation

__all__ = ["chart_out"]


def chart_out(chart: XmRChart, target: float | Target | None = None) -> ChartOut:
    """The output form of ``chart``, with the assurance about ``target`` where given."""
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
        variation=variation(chart).value,
        assurance=None if assured is None else assured.value,
        target=level,
        options={"screen_outliers": options.screen_outliers, "baseline": options.baseline,
                 "minimum_points": options.minimum_points,
                 "run_length": options.run_length, "trend_length": options.trend_length,
                 "rebased": len(chart.groups) - 1},
        points=points,
    )
