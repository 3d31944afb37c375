"""One authority's national benchmark as findings, the scalar path's own.

The engine's table holds every authority's value for each measure and period, so one
authority's standing can be handed to the scalar path unchanged: the values of the
measure-year become a :class:`~corpparent.comparators.position.Benchmark`, and
:func:`~corpparent.comparators.standing.standing_finding` and
:func:`~corpparent.comparators.standing.group_finding` judge it, exactly as
:meth:`corpparent.dfe.benchmark.Benchmarking.findings` does. The findings are therefore
identical to the scalar path's, and the tests check that their rank, band and "better
than k of n" are the engine's.

A LAIT measure becomes an :class:`~corpparent.indicators.definitions.Indicator` with an
id made from its code (``LAC_LongStable%`` is ``lac_longstable``) and its polarity (a
measure with none is treated as neutral: neither ranked nor banded). Measured as a
score, so no unit is assumed: LAIT's dictionary gives none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from corpparent.comparators.position import Benchmark
from corpparent.comparators.series import ComparatorValue
from corpparent.comparators.standing import standing_finding
from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.findings import Finding
from corpparent.indicators.definitions import Indicator, Kind, Polarity

if TYPE_CHECKING:
    from corpparent.dfe.national_results import NationalResults

__all__ = ["authority_findings", "lait_indicator"]



def lait_indicator(code: str, name: str, polarity: Polarity | None) -> Indicator:
    """A LAIT measure as an indicator: ``LAC_LongStable%`` becomes ``lac_longstable``."""
    slug = re.sub(r"[^a-z0-9_.-]+", "-", code.lower()).strip("-_.") or "measure"
    return Indicator(id=slug, name=name or code, kind=Kind.SCORE,
                     polarity=polarity or Polarity.NEUTRAL, source="DfE LAIT")


def authority_findings(results: NationalResults, authority: str, *,
                       every_period: bool = False,
                       measures: Collection[str] | None = None) -> tuple[Finding, ...]:
    """Rank and band, and position among the other Outstanding authorities, for each
    measure's latest period (or every period) of one authority, on every measure or
    only ``measures``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    area = results.area(authority)
    own = results.authority(area.code).select(["measure", "period"]).to_pylist()
    chosen: dict[str, list[str]] = defaultdict(list)
    for row in own:
        if measures is None or row["measure"] in measures:
            chosen[row["measure"]].append(row["period"])
    if not every_period:
        chosen = {m: [max(ps, key=lambda p: results.periods[p])] for m, ps in chosen.items()}
    table = results.table.filter(pc.is_in(results.table["measure"].cast(pa.string()),
                                          pa.array(sorted(chosen), pa.string())))
    groups: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    columns = table.select(["measure", "period", "authority", "authority_code", "value",
                            "symbol"]).to_pydict()
    for measure, period, name, code, value, symbol in zip(*columns.values(), strict=True):
        if period in chosen[measure]:
            groups[(measure, period)][name] = (code, value, symbol)
    found: list[Finding] = []
    for (measure, period), members in sorted(groups.items(),
                                             key=lambda item: (item[0][0], results.periods[
                                                 item[0][1]])):
        indicator = lait_indicator(measure, results.names.get(measure, measure),
                                   results.polarities.get(measure))
        values: dict[str, ComparatorValue | None] = {
            name: value if value is not None else symbol
            for name, (_, value, symbol) in members.items()}
        national = Benchmark(indicator, results.periods[period], values)
        found.append(standing_finding(national, area.name))
        # As the scalar path's comparator set: every other authority of the period's
        # Outstanding group, by name, one without a value in this year reported as
        # missing; a group taken as at a date names it, and notes those not placed.
        group = results.outstanding[period]
        named = DatedGroup(OUTSTANDING, _names(results, group.members), group.as_at,
                           _names(results, set(group.unknown) - set(group.members)))
        found.append(named.finding(national, national.numeric.get(area.name),
                                   authority=area.name))
    return tuple(found)


def _names(results: NationalResults, codes: Collection[str]) -> list[str]:
    """The names of the authorities of ``codes`` the results know, sorted."""
    return sorted(a.name for code in codes if (a := results.areas.get(code)))
