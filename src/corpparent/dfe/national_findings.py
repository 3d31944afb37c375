"""One authority's national benchmark as findings, the scalar path's own.

The engine's table holds every authority's value for each measure and period, so one
authority's standing can be handed to the scalar path unchanged: the values of the
measure-year become a [`Benchmark`][corpparent.comparators.position.Benchmark], and
[`standing_finding`][corpparent.comparators.standing.standing_finding] and
[`group_finding`][corpparent.comparators.standing.group_finding] judge it, exactly as
[`corpparent.dfe.benchmark.Benchmarking.findings`][corpparent.dfe.benchmark.Benchmarking.findings]
does. The findings are therefore identical to the scalar path's, and the tests check that their
rank, band and "better than k of n" are the engine's.

A LAIT measure becomes an [`Indicator`][corpparent.indicators.definitions.Indicator] with an
id made from its code (``LAC_LongStable%`` is ``lac_longstable``) and its polarity (a
measure with none is treated as neutral: neither ranked nor banded). What it measures
comes from the dictionary's axis title: "%..." is a percentage, "Rate per 10,000..." a
rate, anything else a score with no unit assumed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING

from corpparent.comparators.comparison import compare
from corpparent.comparators.position import Benchmark
from corpparent.comparators.series import Authority, Comparator, ComparatorKind, ComparatorValue
from corpparent.comparators.sets import group_average
from corpparent.comparators.standing import standing_finding
from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.dfe.areas import Area
from corpparent.dfe.benchmark import NEIGHBOUR_FIGURES
from corpparent.findings import Finding
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import Period, parse_period

if TYPE_CHECKING:
    from corpparent.dfe.national_results import NationalResults

__all__ = ["authority_findings", "lait_indicator"]



def lait_indicator(code: str, name: str, polarity: Polarity | None,
                   axis: str = "") -> Indicator:
    """A LAIT measure as an indicator: ``LAC_LongStable%`` becomes ``lac_longstable``.
    What it measures is read from the dictionary's axis title (``axis``): a percentage
    ("% Children Looked After"), a rate per 10,000 children ("Rate per 10,000"), else a
    score, with no unit assumed."""
    slug = re.sub(r"[^a-z0-9_.-]+", "-", code.lower()).strip("-_.") or "measure"
    written = " ".join(axis.split()).casefold()
    kind = (Kind.PERCENTAGE if written.startswith("%") else
            Kind.RATE if written.startswith("rate per 10,000") else Kind.SCORE)
    return Indicator(id=slug, name=name or code, kind=kind,
                     polarity=polarity or Polarity.NEUTRAL, source="DfE LAIT")


def authority_findings(results: NationalResults, authority: str, *,
                       every_period: bool = False,
                       measures: Collection[str] | None = None) -> tuple[Finding, ...]:
    """For each measure's latest period (or every period) of one authority, on every
    measure or only ``measures``: rank and band, the comparison with each comparator
    (England, the region, the neighbours' mean and median, the Outstanding authorities'
    mean), and the position among the other Outstanding authorities, in the scalar
    path's order
    ([`corpparent.dfe.benchmark.Benchmarking.findings`][corpparent.dfe.benchmark.Benchmarking.findings])."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from corpparent.benchmarking.buffers import strings

    area = results.area(authority)
    own = results.authority(area.code).select(["measure", "period", "region"]).to_pylist()
    chosen: dict[str, list[str]] = defaultdict(list)
    for row in own:
        if measures is None or row["measure"] in measures:
            chosen[row["measure"]].append(row["period"])
    region = next((row["region"] for row in own if row["region"]), None)
    if not every_period:
        chosen = {m: [max(ps, key=lambda p: results.periods[p])] for m, ps in chosen.items()}
    table = results.table.filter(pc.is_in(results.table["measure"].cast(pa.string()),
                                          strings(sorted(chosen))))
    published: dict[str, _Published] = defaultdict(_Published)
    columns = table.select(["measure", "period", "authority", "authority_code", "value",
                            "symbol", "england", "region", "region_value"]).to_pydict()
    for row in zip(*columns.values(), strict=True):
        published[row[0]].add(*row[1:], own_region=region)
    found: list[Finding] = []
    for measure in sorted(chosen):
        indicator = lait_indicator(measure, results.names.get(measure, measure),
                                   results.polarities.get(measure), results.axes.get(measure, ""))
        data = published[measure]
        for period in sorted(chosen[measure], key=lambda p: results.periods[p]):
            when = results.periods[period]
            national = Benchmark(indicator, when, data.values(period),
                                 banded=measure not in results.unbanded)
            mine = national.numeric.get(area.name)
            group = _group(results, period)
            found.append(standing_finding(national, area.name))
            found.extend(compare(indicator, mine, comparator, when).finding()
                         for comparator in _comparators(results, area, region, indicator,
                                                        data, group))
            found.append(group.finding(national, mine, authority=area.name))
    return tuple(found)


class _Published:
    """One measure's published figures in every period: each authority's value or
    symbol, and England's and the authority's region's values."""

    def __init__(self) -> None:
        self.by_period: dict[str, dict[str, tuple[str, ComparatorValue | None]]] = \
            defaultdict(dict)
        self.england: dict[str, float] = {}
        self.region: dict[str, float] = {}

    def add(self, period: str, name: str, code: str, value: float | None,
            symbol: str | None, england: float | None, region: str | None,
            region_value: float | None, *, own_region: str | None) -> None:
        self.by_period[period][name] = (code, value if value is not None else symbol)
        if england is not None:
            self.england[period] = england
        if region == own_region and region_value is not None:
            self.region[period] = region_value

    def values(self, period: str) -> dict[str, ComparatorValue | None]:
        return {name: value for name, (_, value) in self.by_period[period].items()}

    def series(self, indicator: Indicator, names: Collection[str]) -> list[Comparator]:
        """Each named authority's values in every period, as the scalar path's
        [`series`][corpparent.dfe.benchmark.Benchmarking.series]."""
        found: dict[str, dict[tuple[str, Period], ComparatorValue]] = defaultdict(dict)
        codes: dict[str, str] = {}
        for period, rows in self.by_period.items():
            for name in names:
                code, value = rows.get(name, ("", None))
                if value is not None:
                    codes[name] = code
                    found[name][(indicator.id, parse_period(period))] = value
        return [Comparator(name, ComparatorKind.AUTHORITY, values, code=codes[name])
                for name, values in found.items()]


def _group(results: NationalResults, period: str) -> DatedGroup:
    """The period's Outstanding group by name; a group taken as at a date names it."""
    group = results.outstanding[period]
    return DatedGroup(OUTSTANDING, _names(results, group.members), group.as_at,
                      _names(results, set(group.unknown) - set(group.members)))


def _comparators(results: NationalResults, area: Area, region: str | None,
                 indicator: Indicator, data: _Published, group: DatedGroup,
                 ) -> list[Comparator]:
    """As the scalar path's comparator set: England, the region, the neighbours' mean
    and median, and the mean of the other authorities of the Outstanding group."""
    key = indicator.id
    found = [Comparator("England", ComparatorKind.ENGLAND,
                        {(key, parse_period(p)): v for p, v in data.england.items()})]
    if region is not None:
        found.append(Comparator(region, ComparatorKind.REGION,
                                {(key, parse_period(p)): v for p, v in data.region.items()}))
    model = results.neighbours
    codes = model.codes(area.code) if model is not None and model.covers(area.code) else ()
    neighbours = [a for c in codes if (a := results.areas.get(c)) is not None]
    series = data.series(indicator, [a.name for a in neighbours])
    for label, statistic in NEIGHBOUR_FIGURES:
        found.append(group_average(
            label, ComparatorKind.STATISTICAL_NEIGHBOURS,
            [Authority(a.name, a.code) for a in neighbours], series, statistic=statistic,
            indicators=[indicator], source=f"{statistic} of {area.name}'s statistical "
            f"neighbours ({results.model})"))
    others = [name for name in group.members if name != area.name]
    found.append(group_average(
        group.label, ComparatorKind.OUTSTANDING,
        [Authority(name, results.areas[name].code) for name in others],
        data.series(indicator, others), indicators=[indicator],
        source=f"mean of the {group.label}"))
    return found


def _names(results: NationalResults, codes: Collection[str]) -> list[str]:
    """The names of the authorities of ``codes`` the results know, sorted."""
    return sorted(a.name for code in codes if (a := results.areas.get(code)))
