"""Statistical process control: the range of ordinary variation, computed from the data.

NHS boards read their measures as "Making Data Count" charts (NHS England): each series
against its mean and process limits, with the points where something changed marked,
and with whether a target will be met consistently, hit and miss, or missed. This
package draws the individuals and moving range (XmR) chart those use, [`xmr`][corpparent.spc.xmr],
and judges it, in plain Python: the series a panel sees are tens of points long.

The conventions, and where NHS England's SQL and NHSRplotthedots differ, are given with
each option ([`XmROptions`][corpparent.spc.XmROptions]) and rule (`corpparent.spc.rules`).
"""

from __future__ import annotations

from corpparent.spc.chart import (
    DEFAULT_MINIMUM_POINTS,
    ChartPoint,
    Group,
    XmRChart,
    XmROptions,
    xmr,
)
from corpparent.spc.expected import indicator_chart, indicator_series, process_range
from corpparent.spc.judgements import (
    Assurance,
    LimitsNote,
    assurance,
    assurance_finding,
    chart_findings,
    limits_findings,
    signal_findings,
    variation,
    variation_finding,
)
from corpparent.spc.limits import (
    LIMIT_FACTOR,
    MOVING_RANGE_FACTOR,
    Limits,
    moving_ranges,
    process_limits,
)
from corpparent.spc.rules import (
    DEFAULT_RUN_LENGTH,
    DEFAULT_TREND_LENGTH,
    Firing,
    Side,
    SpecialCause,
    firings,
)
from corpparent.spc.signals import Nature, Signal, Variation, nature_of, variation_of

__all__ = [
    "DEFAULT_MINIMUM_POINTS",
    "DEFAULT_RUN_LENGTH",
    "DEFAULT_TREND_LENGTH",
    "LIMIT_FACTOR",
    "MOVING_RANGE_FACTOR",
    "Assurance",
    "ChartPoint",
    "Firing",
    "Group",
    "Limits",
    "LimitsNote",
    "Nature",
    "Side",
    "Signal",
    "SpecialCause",
    "Variation",
    "XmRChart",
    "XmROptions",
    "assurance",
    "assurance_finding",
    "chart_findings",
    "firings",
    "indicator_chart",
    "indicator_series",
    "limits_findings",
    "moving_ranges",
    "nature_of",
    "process_limits",
    "process_range",
    "signal_findings",
    "variation",
    "variation_finding",
    "variation_of",
    "xmr",
]
