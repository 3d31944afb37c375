"""The national benchmark job: one authority's figures among every other's, by measure.

[`benchmark_authority`][corpparent.runs.benchmark.benchmark_authority] is what ``corpparent
benchmark`` runs, on national results already computed for every authority
(`corpparent.files.dfe.national_package.national_results` reads the DfE's files and computes them):
the authority asked for, the measures asked for (each must be one LAIT has), and the periods asked
for (a LAIT label such as ``2023/24`` or a period as written), every period, or each measure's
latest period. [`benchmark_authorities`][corpparent.runs.benchmark.benchmark_authorities] does
the same for several authorities at once, chosen by name, by region, or as an authority and its
statistical neighbours ([`chosen_authorities`][corpparent.runs.benchmark.chosen_authorities]).
Choosing the periods happens here, once, on parsed periods. Given the funnel inputs
of the DfE's EES files (`corpparent.files.dfe.funnels.read_funnel_measures`), each measure and
period shown that has one gets its funnel plot (`corpparent.benchmarking.funnel.funnel`) and the
authority's flags in its row. Each row carries its measure's theme and the spread of
every authority's figures (`corpparent.runs.benchmark_themes`), which the summary uses.
Each measure shown has its series over every period the results hold, for each
authority (`corpparent.runs.benchmark_series`), for its charts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, final

from attrs import field, frozen

from corpparent.benchmarking.periods import Published, chosen_periods as typed_periods
from corpparent.dfe.areas import Area, Areas, Level, UnknownAreaError
from corpparent.dfe.measure_search import measure_code
from corpparent.errors import DataError
from corpparent.indicators.definitions import Polarity
from corpparent.periods import Period, parse_period
from corpparent.runs.benchmark_series import Series, measure_series, quartile_cuts
from corpparent.runs.benchmark_themes import add_themes, spreads
from corpparent.wording import closest_codes

if TYPE_CHECKING:  # NumPy and pyarrow load only when a benchmark runs, funnels with funnels
    from corpparent.benchmarking.funnel import Funnel, FunnelMeasure
    from corpparent.dfe.national_inputs import NationalInputs
    from corpparent.dfe.neighbours import StatisticalNeighbours

__all__ = ["BenchmarkRun", "benchmark_authorities", "benchmark_authority",
           "chosen_authorities", "chosen_periods"]

#: London's region and the two sub-regions its boroughs are published in.
_LONDON: Final = {"E12000007": ("E12000007", "E13000001", "E13000002")}


def _rows(items: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(items)


def _areas(items: Iterable[Area]) -> tuple[Area, ...]:
    return tuple(items)


def _series(items: Iterable[Series]) -> tuple[Series, ...]:
    return tuple(items)


@final
@frozen
class BenchmarkRun:
    """The authority's rows, one per measure and period, ordered by measure then period,
    with where the figures came from, and each measure's name, polarity and the decimal
    places the DfE publishes it to (the dictionary's; None where it gives none).

    Run for several authorities, ``area`` is the first of them, ``areas`` all of them in
    the order chosen, ``group`` the name and code of what they are (``("South West",
    "E12000009")``, ``("Wiltshire and its statistical neighbours", "865")``; None for
    authorities named one by one), and each measure and period has a row per authority,
    in that order. ``series`` holds each measure shown over every period, for each
    authority in that order, for the charts."""

    area: Area
    model: str
    notes: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = field(converter=_rows)
    names: Mapping[str, str] = field(factory=dict)
    polarities: Mapping[str, Polarity | None] = field(factory=dict)
    decimals: Mapping[str, int | None] = field(factory=dict)
    #: The funnel plot of each measure and period shown that has one, by
    #: ``(measure, period)``.
    funnels: Mapping[tuple[str, str], Funnel] = field(factory=dict)
    areas: tuple[Area, ...] = field(default=(), converter=_areas)
    group: tuple[str, str] | None = None
    series: tuple[Series, ...] = field(default=(), converter=_series)


def chosen_periods(rows: Sequence[Mapping[str, Any]], periods: Sequence[str] = (),
                   every: bool = False, *,
                   parsed: Mapping[str, Period] | None = None) -> list[Mapping[str, Any]]:
    """The rows of ``periods`` (a LAIT label such as ``2023/24`` or a period as written,
    ``2023-24``), or all rows when ``every``, or each measure's latest period: chosen on
    typed periods by
    [`corpparent.benchmarking.periods.chosen_periods`][corpparent.benchmarking.periods.chosen_periods].
    ``parsed`` gives each row's period by its written form (the results' own), else it is parsed."""
    known = dict(parsed or {})

    def published(row: Mapping[str, Any]) -> Published:
        text = str(row["period"])
        if text not in known:
            known[text] = parse_period(text)
        return Published(str(row["measure"]), str(row["years"]), known[text])

    found = [published(r) for r in rows]
    chosen = set(typed_periods(found, periods, every=every))
    return [r for r, item in zip(rows, found, strict=True) if item in chosen]


def _funnels(rows: list[dict[str, Any]],
             measures: Sequence[FunnelMeasure]) -> dict[tuple[str, str], Funnel]:
    """The funnel of each row's measure and period that has one, and the row's
    authority's flags and limits written into the row."""
    if not measures:
        return {}
    from corpparent.benchmarking.funnel import Flag

    given = {(m.measure, str(m.period)): m for m in measures}
    found: dict[tuple[str, str], Funnel] = {}
    for row in rows:
        key = (str(row["measure"]), str(row["period"]))
        if key not in given:
            continue
        if key not in found:
            found[key] = given[key].funnel()
        point = found[key].point_of(str(row["authority_code"]))
        row["funnel_998"] = Flag.NOT_JUDGED.value if point is None else point.flag_998.value
        row["funnel_95"] = Flag.NOT_JUDGED.value if point is None else point.flag_95.value
        if point is not None and point.limits is not None:
            row["funnel_lower_998"] = point.limits.lower_998
            row["funnel_lower_95"] = point.limits.lower_95
            row["funnel_upper_95"] = point.limits.upper_95
            row["funnel_upper_998"] = point.limits.upper_998
    return found


def _region(areas: Areas, region: str) -> tuple[Area, ...]:
    """The current authorities of ``region`` (its name or ONS code, any case; London
    holds both its sub-regions), by name: an authority replaced in a reorganisation is
    left out, its successor is in."""
    found = areas.get(region)
    if found is None or found.level is not Level.REGIONAL:
        names = ", ".join(repr(a.name) for a in areas if a.level is Level.REGIONAL)
        raise UnknownAreaError(f"no region is called or coded {region!r}; the regions "
                               f"are {names}")
    codes = _LONDON.get(found.code, (found.code,))
    return tuple(a for a in areas.authorities
                 if a.region in codes and not areas.successors(a.code))


def _local(area: Area) -> Area:
    """``area``, refused where it is England or a region, with where its figure is."""
    if area.level is Level.NATIONAL:
        raise UnknownAreaError(f"{area.name} is not a local authority: its figure is beside "
                               "every authority's, in the England column")
    if area.level is Level.REGIONAL:
        raise UnknownAreaError(f"{area.name} is a region, not a local authority: its figure "
                               "is beside each of its authorities', in the Region column; "
                               f"--region {area.name!r} benchmarks them")
    return area


def chosen_authorities(areas: Areas, neighbours: StatisticalNeighbours, *,
                       authorities: Sequence[str] = (), region: str | None = None,
                       neighbours_of: str | None = None) -> tuple[Area, ...]:
    """The authorities a benchmark is run for, each once, in the order given: each of
    ``authorities`` (a name, current or former, old LA code or ONS code), then the
    current authorities of ``region`` by name, then ``neighbours_of`` and its
    statistical neighbours in ``neighbours``' model, nearest first. An unknown name
    raises `UnknownAreaError` with the closest names, an unknown region with the list
    of regions."""
    chosen = [_local(areas[a]) for a in authorities]
    if region is not None:
        chosen += _region(areas, region)
    if neighbours_of is not None:
        centre = _local(areas[neighbours_of])
        if not neighbours.covers(centre.code):
            raise UnknownAreaError(f"{centre} has no statistical neighbours in the "
                                   f"model ({neighbours.source})")
        chosen += [centre, *(areas[code] for code in neighbours.codes(centre.code))]
    return tuple(dict.fromkeys(chosen))


def benchmark_authority(inputs: NationalInputs, authority: str, *,
                        measures: Sequence[str] = (), periods: Sequence[str] = (),
                        every: bool = False, outstanding_as_at: date | None = None,
                        funnels: Sequence[FunnelMeasure] = ()) -> BenchmarkRun:
    """The rows of ``authority`` (a name, current or former, old LA code or ONS code)
    among every authority's, on ``measures`` (LAIT codes in any case; default: every
    measure) in ``periods``
    (default: each measure's latest; ``every`` for all). An authority abolished in a
    reorganisation is benchmarked on its own figures, with a note naming what
    replaced it. ``funnels`` are the measures with counts and denominators: each
    measure and period shown that is among them gets its funnel plot, and the
    authority's row its flags ("not judged" where its figures were not published)."""
    return benchmark_authorities(inputs, (authority,), measures=measures, periods=periods,
                                 every=every, outstanding_as_at=outstanding_as_at,
                                 funnels=funnels)


def _group(authorities: Sequence[str], region: str | None, neighbours_of: str | None,
           areas: Areas) -> tuple[str, str] | None:
    """The name and code of what the chosen authorities are, where they were chosen as
    one group and nothing else."""
    if authorities or (region is None) == (neighbours_of is None):
        return None
    if region is not None:
        return areas[region].name, areas[region].code
    centre = areas[str(neighbours_of)]
    return f"{centre.name} and its statistical neighbours", centre.code


def benchmark_authorities(inputs: NationalInputs, authorities: Sequence[str] = (), *,
                          region: str | None = None, neighbours_of: str | None = None,
                          measures: Sequence[str] = (), periods: Sequence[str] = (),
                          every: bool = False, outstanding_as_at: date | None = None,
                          funnels: Sequence[FunnelMeasure] = (),
                          charts_up_to: int | None = None) -> BenchmarkRun:
    """[`benchmark_authority`][corpparent.runs.benchmark.benchmark_authority] for every
    authority [`chosen_authorities`][corpparent.runs.benchmark.chosen_authorities] gives
    for ``authorities``, ``region`` and ``neighbours_of`` (in ``inputs``' neighbour
    model): each measure and period has a row per authority, in the order chosen, and
    each authority is ranked and banded among every authority, as alone.
    ``charts_up_to``: with more measures shown than this, the series are made without
    their points (for a format that folds such charts away and leaves them out, which
    needs only which measure and authority each is of); None: always with them."""
    from corpparent.benchmarking.buffers import table_rows
    from corpparent.dfe.national_inputs import benchmark_national, unformed_notes

    codes = [m.code for m in inputs.dictionary]
    measures = [measure_code(codes, m) or m for m in measures]
    areas = chosen_authorities(inputs.table.directory, inputs.neighbours,
                               authorities=authorities, region=region,
                               neighbours_of=neighbours_of)
    if not areas:
        raise DataError.single("authorities", "no authority was chosen")
    # Only the chosen authorities' rows are worked out, each ranked and banded among
    # every authority; what needs every authority's figures reads the engine's own.
    results = benchmark_national(inputs, measures=list(measures) or None,
                                 outstanding_as_at=outstanding_as_at,
                                 authorities=[a.code for a in areas])
    replaced = {a.code: results.areas.successors(a.code) for a in areas}
    notes = (*(f"{a} {replaced[a.code]}." for a in areas if replaced[a.code]),
             *results.notes)
    if measures:
        figures = results.every_value
        known = set(results.names) | {m for m, _ in (figures.keys if figures else ())}
        unknown = sorted(set(measures) - known)
        if unknown:
            close = [c for m in unknown for c in closest_codes(known, m)]
            raise DataError.single("measures", "no LAIT measure " + ", ".join(
                repr(m) for m in unknown) + (
                "; did you mean " + " or ".join(map(repr, dict.fromkeys(close))) + "?"
                if close else "; search the dictionary's names and themes for one"))
    rows: list[dict[str, Any]] = []
    every_period: list[dict[str, Any]] = []
    for area in areas:
        own = [r for r in table_rows(results.authority(area.code))
               if not measures or r["measure"] in measures]
        every_period += own
        rows += [dict(r) for r in chosen_periods(own, periods, every,
                                                 parsed=results.periods)]
    if not rows:
        gone = [f"{a.name} {replaced[a.code]}" for a in areas if replaced[a.code]]
        raise DataError.single("periods", "no values for " + ", ".join(
            a.name for a in areas) + " in the periods asked for" + (
            ": " + "; ".join(gone) if len(areas) > 1 and gone else
            f": it {replaced[areas[0].code]}" if gone else ""))
    order = {a.code: i for i, a in enumerate(areas)}
    rows.sort(key=lambda r: (str(r["measure"]).casefold(), str(r["period"]),
                             order[str(r["authority_code"])]))
    shown = {str(r["measure"]) for r in rows}
    drawn = _funnels(rows, funnels)
    add_themes(rows, inputs.dictionary, spreads(
        results.every_value, {(str(r["measure"]), str(r["period"])) for r in rows}))
    with_figures = charts_up_to is None or len(shown) <= charts_up_to
    series = measure_series(
        sorted((r for r in every_period if str(r["measure"]) in shown),
               key=lambda r: (str(r["measure"]).casefold(), order[str(r["authority_code"])])),
        quartile_cuts(results, shown) if with_figures else {}, results.polarities,
        results.periods, results.axes, figures=with_figures)
    notes += unformed_notes(results, rows)
    return BenchmarkRun(areas[0], results.model, notes, rows, names=results.names,
                        polarities={m: results.polarities.get(m) for m in shown},
                        decimals={m: results.decimals.get(m) for m in shown},
                        funnels=drawn, areas=areas,
                        group=_group(authorities, region, neighbours_of,
                                     results.areas), series=series)
