"""What a public process chart would give away through the totals its indicator is in.

A chart of one indicator is a paper of its own, protected by its own figures alone: a
small count among its points takes the chart away. But an indicator may be a declared
total of others, or one of the parts of one ("children in care who had a missing
episode" is those placed in county and those placed out of county). With the total's
June published by one chart, the part in county's June published by a second chart
gives the part out of county by subtraction: 21 less 18 is 3 children.

[`given_away`][corpparent.runs.chart_totals.given_away] finds the chart's points that,
beside the figures earlier papers published (the authority's disclosure record), would
leave exactly one figure of such a total unknown, where that figure is a small count, one
an earlier paper withheld, or one the readings do not give (which the chart cannot then
tell safe). The command line withholds them as it would a point an earlier paper
withheld, so the chart goes whole.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period

__all__ = ["Key", "given_away"]

#: A figure's key in a disclosure record: ``("value", indicator, period)``.
Key = tuple[str, ...]


def given_away(indicator: str, periods: Collection[Period], indicators: IndicatorSet,
               readings: Readings, published: Mapping[Key, float],
               withheld_before: Collection[Key], threshold: int) -> frozenset[Key]:
    """The keys of ``indicator``'s figures in ``periods`` (its chart's points) that
    would give away, with the ``published`` figures, a figure of a declared total they
    are in that must stay unknown (see the module's description)."""
    members = [(total, *parts) for total, parts in indicators.totals
               if indicator == total or indicator in parts]
    withheld = set(withheld_before)
    found: set[Key] = set()
    for period in periods:
        own: Key = ("value", indicator, str(period))
        if own in published:
            continue  # published before: this chart gives nothing new
        for ids in members:
            unknown = [m for m in ids if m != indicator
                       and ("value", m, str(period)) not in published]
            if len(unknown) == 1 and _kept(unknown[0], period, indicators, readings,
                                           withheld, threshold):
                found.add(own)
    return frozenset(found)


def _kept(member: str, period: Period, indicators: IndicatorSet, readings: Readings,
          withheld: Collection[Key], threshold: int) -> bool:
    """Whether ``member``'s figure for ``period`` must stay unknown: withheld before, a
    small count, or not to be had from the readings."""
    if ("value", member, str(period)) in withheld or member not in indicators:
        return True
    value = value_for(indicators[member], readings, period)
    return isinstance(value, Unavailable) or 0 < value < threshold
