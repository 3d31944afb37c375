"""Benchmark every authority on every measure and year at once, on arrays.

[`benchmark_all`][corpparent.dfe.national_table.benchmark_all] takes LAIT's dataset as columns (a
[`LaitTable`][corpparent.dfe.lait_table.LaitTable]), its dictionary, a statistical-neighbour
model and the authorities judged Outstanding, and gives one tidy Arrow table with a
row per authority, measure and ``Years`` label the data holds: the value or why there
is none, the national rank "k of n" and quartile band, England, the region, the
neighbours' mean and median, the other Outstanding authorities' mean and how many of
them it does better than, the gap to each, and the direction of travel from the
previous period and what it means by the measure's polarity (improved, worsened).

It works one measure-year per matrix row and one authority per column, with the
columnar backend (`corpparent.benchmarking.columnar`), so the cost is a few NumPy
passes over the whole dataset, not a Python loop per authority. The figures are the
scalar backend's ([`Benchmarking`][corpparent.dfe.benchmark.Benchmarking]), both working LAIT's
conventions as `corpparent.benchmarking.lait` defines them, a measure the
dictionary marks ``No_Quartile = N`` getting no band ("no_qb_indicators" in LAIT's
code) in either. Every ``Years`` label is a period (`corpparent.dfe.lait_periods`),
and an authority outside the neighbour model gets "no neighbours in this model".

The Outstanding authorities are either one fixed set of codes or, given Ofsted's
release of inspection outcomes ([`InspectionOutcomes`][corpparent.dfe.ofsted.InspectionOutcomes]),
the group as at the end of each period
([`InspectionOutcomes.as_at`][corpparent.dfe.ofsted.InspectionOutcomes.as_at]): a 2015-16 value is
compared with the authorities judged Outstanding by 31 March 2016, not with the 2025 list, and the
rows say the date and how many authorities the release cannot place in or out of the group on it.
The rule is [`outstanding_in`][corpparent.dfe.ofsted.outstanding_in], which the scalar backend
follows too.

The direction of travel is LAIT's ``calculate_trend`` (increase, decrease, no change),
taken only against the period immediately before
([`Period.previous`][corpparent.periods.Period.previous]): when that period is not in the data, or
either value is missing, it is "not comparable", never a comparison with an older year.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from corpparent.benchmarking.columnar import bands, group_statistics, ranks
from corpparent.benchmarking.lait import direction_index, is_banded
from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.dfe.areas import ENGLAND, Areas, Level, known_areas
from corpparent.dfe.lait import LaitDictionary
from corpparent.dfe.lait_periods import lait_period
from corpparent.dfe.lait_table import LaitTable
from corpparent.dfe.national_results import DERIVED, NationalResults
from corpparent.dfe.neighbours import NEIGHBOURS, StatisticalNeighbours
from corpparent.dfe.ofsted import InspectionOutcomes, outstanding_groups, outstanding_in
from corpparent.errors import Problem
from corpparent.indicators.definitions import Polarity
from corpparent.periods import Period

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["NO_NEIGHBOURS", "benchmark_all"]

NO_NEIGHBOURS: Final = "no neighbours in this model"
#: Lower is better sorts ascending, higher is better descending; no polarity neither.
_SIGNS: Final = {Polarity.LOWER_IS_BETTER: 1, Polarity.HIGHER_IS_BETTER: -1}
#: Measure-years worked on at once (a block's arrays stay in the processor's cache).
_CHUNK: Final = 256


def _groups(table: LaitTable, keep: NDArray[np.bool_]) -> tuple[NDArray[np.int64], ...]:
    """Each kept value's group (measure-year) and the groups' measure and label."""
    key = table.measure.astype(np.int64) * len(table.labels) + table.label
    seen = np.zeros(len(table.measures) * len(table.labels), dtype=bool)
    seen[key[keep]] = True
    distinct = np.flatnonzero(seen)
    slot = np.full(len(seen), -1, dtype=np.int64)
    slot[distinct] = np.arange(len(distinct))
    return slot[key], distinct // len(table.labels), distinct % len(table.labels)


def benchmark_all(table: LaitTable, dictionary: LaitDictionary,
                  neighbours: StatisticalNeighbours,
                  outstanding: Collection[str] | DatedGroup | InspectionOutcomes,
                  *, measures: Collection[str] | None = None,
                  authorities: Collection[str] | None = None,
                  notes: tuple[str, ...] = ()) -> NationalResults:
    """Every authority benchmarked on every measure and ``Years`` label of ``table``
    (or only ``measures``); the results hold every authority's rows, or only those of
    ``authorities`` (old LA codes), each still ranked, banded and compared among every
    authority, and every authority's figures in
    [`every_value`][corpparent.dfe.national_results.NationalResults.every_value].
    ``outstanding`` is the authorities judged Outstanding, one group for every period
    (old LA codes, or a group as at a date), or Ofsted's inspection outcomes, from which
    each period takes the group as at its end. A label that is no period of its
    measure's year type, or a measure the dictionary lacks, is not benchmarked and is
    listed in the results' ``problems``, never silently dropped."""
    keep = np.ones(len(table), dtype=bool)
    if measures is not None:
        chosen = set(measures)
        wanted = [i for i, m in enumerate(table.measures) if m in chosen]
        keep = np.isin(table.measure, wanted)
    group, group_measure, group_label = _groups(table, keep)
    unjudged: list[tuple[int, str]] = []  # the groups not benchmarked, and why
    periods: list[Period | None] = []
    polarity = np.zeros(len(group_measure), dtype=np.int8)  # 1 lower, -1 higher better
    banded = np.zeros(len(group_measure), dtype=bool)
    cache: dict[tuple[str, str], Period | None] = {}
    for index, (m, y) in enumerate(zip(group_measure.tolist(), group_label.tolist(),
                                       strict=True)):
        code, label = table.measures[m], table.labels[y]
        measure = dictionary.get(code)
        year_type = "" if measure is None else measure.year_type
        if (label, year_type) not in cache:
            cache[(label, year_type)] = lait_period(label, year_type)
        period = cache[(label, year_type)]
        periods.append(period)
        if measure is None or period is None:
            why = (f"no measure {code!r} in the dictionary" if measure is None else
                   f"Years {label!r} is no {year_type.lower()} nor a span of them")
            unjudged.append((index, f"{table.measures[m]} {label}: {why}"))
            continue
        polarity[index] = _SIGNS.get(measure.polarity, 0) if measure.polarity else 0
        banded[index] = is_banded(measure.polarity, measure.quartiles)
    rows = _rows_of(table, keep, group, [index for index, _ in unjudged])
    problems = [Problem(table.source, f"{why}, so its {len(found)} values are not benchmarked",
                        line=int(found[0]), field="Years")
                for (_, why), found in zip(unjudged, rows, strict=True)]
    has_period = np.array([p is not None for p in periods] + [False], dtype=bool)
    usable = keep & has_period[group]
    return _evaluate(table, usable, group, group_measure, group_label, periods, polarity,
                     banded, neighbours, *_outstanding_groups(outstanding, periods, table),
                     problems, notes, dictionary,
                     None if authorities is None else set(authorities))


def _rows_of(table: LaitTable, keep: NDArray[np.bool_], group: NDArray[np.int64],
             wanted: list[int]) -> list[NDArray[np.int64]]:
    """The file's rows of each ``wanted`` group (kept rows only), found in one pass over
    the table, not one per group: ten times the data has ten times the groups."""
    if not wanted:
        return []
    marked = np.zeros(int(group.max()) + 2, dtype=bool)  # the last for group -1: none
    marked[wanted] = True
    hit = np.flatnonzero(keep & marked[group])
    found = group[hit]
    return [table.row[hit[found == index]] for index in wanted]


def _outstanding_groups(outstanding: Collection[str] | DatedGroup | InspectionOutcomes,
                        periods: list[Period | None], table: LaitTable,
                        ) -> tuple[tuple[DatedGroup, ...], NDArray[np.int64]]:
    """The Outstanding groups, and each measure-year's group among them: one set for
    every period, or each period's group as at its end (worked out once per end), the
    inspected authorities found among the table's areas and then every known one."""
    which = np.zeros(len(periods), dtype=np.int64)
    given = outstanding_groups(outstanding)
    if isinstance(given, DatedGroup):
        return (given,), which
    areas = known_areas().merged(Areas(table.areas))
    groups: list[DatedGroup] = []
    by_end: dict[date, int] = {}
    for index, period in enumerate(periods):
        if period is None:
            continue
        if period.end not in by_end:
            group = outstanding_in(given, period, areas)
            if group not in groups:
                groups.append(group)
            by_end[period.end] = groups.index(group)
        which[index] = by_end[period.end]
    return tuple(groups) or (DatedGroup(OUTSTANDING, ()),), which


def _evaluate(table: LaitTable, usable: NDArray[np.bool_], group: NDArray[np.int64],
              group_measure: NDArray[np.int64], group_label: NDArray[np.int64],
              periods: list[Period | None], polarity: NDArray[np.int8],
              banded: NDArray[np.bool_], neighbours: StatisticalNeighbours,
              outstanding: tuple[DatedGroup, ...], outstanding_of: NDArray[np.int64],
              problems: list[Problem],
              notes: tuple[str, ...], dictionary: LaitDictionary,
              shown: set[str] | None) -> NationalResults:
    count = len(group_measure)
    authorities = [i for i, a in enumerate(table.areas) if a.level is Level.LOCAL_AUTHORITY]
    column = np.full(len(table.areas) + 1, -1, dtype=np.int64)
    column[authorities] = np.arange(len(authorities))
    values = np.full((count, len(table.areas) + 1), np.nan)
    present = np.zeros((count, len(table.areas) + 1), dtype=bool)
    symbol = np.zeros((count, len(table.areas) + 1), dtype=np.int8)
    rows, cols = group[usable], table.area[usable]
    values[rows, cols] = table.value[usable]
    present[rows, cols] = True
    symbol[rows, cols] = table.symbol[usable]
    local = np.ascontiguousarray(values[:, authorities])
    codes = {a.code: i for i, a in enumerate(table.areas)}
    england = values[:, codes[ENGLAND.code]] if ENGLAND.code in codes else \
        np.full(count, np.nan)
    region = np.array([codes.get(table.areas[a].region or "", len(table.areas))
                       for a in authorities], dtype=np.int64)
    members, in_model = _neighbour_columns(table, authorities, neighbours)
    others = _outstanding_columns(table, authorities, outstanding)[outstanding_of]
    previous = _previous(group_measure, periods)
    # Block by block of measure-years, so each block's arrays stay in the processor's
    # cache and ten times the data costs ten times the time; each block's figures go
    # straight into arrays made once for every output row.
    published = present[:, authorities]
    if shown is not None:  # the rows of these authorities only: no figures for the rest
        published &= np.array([table.areas[a].code in shown for a in authorities],
                              dtype=bool)
    # The authorities whose neighbours' figures are worked out (those given rows), and
    # each authority's place among them.
    given = np.flatnonzero(published.any(axis=0))
    place = np.full(len(authorities), -1, dtype=np.int64)
    place[given] = np.arange(len(given))
    ends = np.cumsum(published.sum(axis=1))
    figures = _written(int(ends[-1]) if count else 0)
    for start in range(0, count, _CHUNK):
        first = int(ends[start - 1]) if start else 0
        last = int(ends[min(start + _CHUNK, count) - 1])
        block = _block(slice(start, start + _CHUNK), local, values, published, symbol,
                       authorities, polarity, banded, england, region, members[given],
                       given, place, in_model,
                       others, previous)
        for name, array in block.items():
            figures[name][first:last] = array
    g = figures.pop("group")
    return NationalResults.build(
        table=table, group=g, authority=figures.pop("authority"),
        group_measure=group_measure, group_label=group_label, periods=periods,
        polarity=polarity, figures=figures, problems=tuple(problems),
        model=PurePath(neighbours.source).name, notes=notes,
        names={m: d.name for m in table.measures if (d := dictionary.get(m))},
        polarities={m: d.polarity if (d := dictionary.get(m)) else None
                    for m in table.measures},
        outstanding=outstanding, outstanding_of=outstanding_of, neighbours=neighbours,
        axes={m: d.axis for m in table.measures if (d := dictionary.get(m))},
        unbanded={m for m in table.measures if (d := dictionary.get(m)) and not d.quartiles},
        decimals={m: d.dps for m in table.measures if (d := dictionary.get(m))},
        values=local)


def _written(rows: int) -> dict[str, Any]:
    """An array for every figure of ``rows`` output rows, and for the columns
    [`NationalResults`][corpparent.dfe.national_results.NationalResults] derives from them, each
    written through once now.

    Written now, at the start, rather than page by page as the blocks fill them over
    the next seconds: memory freed a moment ago (by the previous call, or the read) is
    still at hand now, where a page first touched a second or two later may come back
    from the operating system (on a virtual machine, from its host) at many times the
    cost. At ten times LAIT's size the output is about 1 GB, and touched late it made
    the evaluation take 11 to 16 times as long as at LAIT's size; written here, 10."""
    figures: dict[str, Any] = {}
    for name, dtype in (*_FIGURES.items(), *DERIVED.items()):
        figures[name] = np.empty(rows, dtype=dtype)
        figures[name].fill(0)
    return figures


#: Every figure of an output row, and the type it is held in (a label's index as the
#: table holds it, so it goes in as it is).
_FIGURES: Final = {
    "group": np.int32, "authority": np.int32, "value": np.float64, "symbol": np.int32,
    "rank": np.int32, "ranked": np.int32, "band": np.int32, "england": np.float64,
    "region_value": np.float64, "neighbours_mean": np.float64,
    "neighbours_median": np.float64, "neighbours_with_value": np.int32,
    "in_model": np.bool_, "outstanding_mean": np.float64,
    "outstanding_with_value": np.int32, "outstanding_better_than": np.int32,
    "previous": np.int32, "previous_value": np.float64, "direction": np.int32,
}


def _block(rows: slice, local: NDArray[np.float64], values: NDArray[np.float64],
           published: NDArray[np.bool_], symbol: NDArray[np.int8], authorities: list[int],
           polarity: NDArray[np.int8], banded: NDArray[np.bool_],
           england: NDArray[np.float64], region: NDArray[np.int64],
           members: NDArray[np.int64], given: NDArray[np.int64], place: NDArray[np.int64],
           in_model: NDArray[np.bool_], others: NDArray[np.int64],
           previous: NDArray[np.int64]) -> dict[str, Any]:
    """Every figure of one block of measure-years, one entry per published value.
    ``given`` are the authorities given rows, ``members`` their neighbours, and
    ``place`` each authority's place among them."""
    block = local[rows]
    lower = polarity[rows] >= 0
    rank, ordered, ranked = ranks(block, lower)
    band = bands(block, ordered, ranked, lower, banded[rows])
    n_mean, n_median, n_count = group_statistics(block, members)
    o_mean, o_count, better = _outstanding(block, others[rows], lower, given)
    earlier = previous[rows]
    before = np.where(earlier[:, None] >= 0, local[np.maximum(earlier, 0)], np.nan)
    direction = direction_index(block - before)
    g, j = np.nonzero(published[rows])
    judged = polarity[rows][g] != 0
    own = block[g, j]
    among = o_count[g, place[j]]
    return {
        "group": g + (rows.start or 0), "authority": np.asarray(authorities, dtype=np.int32)[j],
        "value": own,
        "symbol": symbol[rows][:, authorities][g, j],
        "rank": np.where(judged, rank[g, j], 0), "ranked": ranked[g], "band": band[g, j],
        "england": england[rows][g], "region_value": values[rows][:, region][g, j],
        "neighbours_mean": n_mean[g, place[j]], "neighbours_median": n_median[g, place[j]],
        "neighbours_with_value": n_count[g, place[j]], "in_model": in_model[j],
        "outstanding_mean": o_mean[g, place[j]], "outstanding_with_value": among,
        # No position where the authority has no number, the measure no polarity, or no
        # other member of the group a number: never "better than 0 of 0".
        "outstanding_better_than": np.where(judged & ~np.isnan(own) & (among > 0),
                                            better[g, place[j]], -1),
        "previous": earlier[g], "previous_value": before[g, j],
        "direction": direction[g, j].astype(np.int8),
    }


def _neighbour_columns(table: LaitTable, authorities: list[int],
                       model: StatisticalNeighbours) -> tuple[NDArray[np.int64],
                                                              NDArray[np.bool_]]:
    """Each authority's neighbours as columns (-1 where absent) and whether the model
    has the authority at all."""
    position = {table.areas[a].code: j for j, a in enumerate(authorities)}
    members = np.full((len(authorities), NEIGHBOURS), -1, dtype=np.int64)
    in_model = np.zeros(len(authorities), dtype=bool)
    for j, a in enumerate(authorities):
        code = table.areas[a].code
        if not model.covers(code):
            continue
        in_model[j] = True
        found = [position[n] for n in model.codes(code) if n in position]
        members[j, : len(found)] = found
    return members, in_model


def _outstanding_columns(table: LaitTable, authorities: list[int],
                         outstanding: tuple[DatedGroup, ...]) -> NDArray[np.int64]:
    """Each group's members as columns, one row per group, padded with -1."""
    position = {table.areas[a].code: j for j, a in enumerate(authorities)}
    found = [sorted(position[c] for c in group.members if c in position)
             for group in outstanding]
    columns = np.full((len(found), max(map(len, found), default=0)), -1, dtype=np.int64)
    for i, members in enumerate(found):
        columns[i, : len(members)] = members
    return columns


def _outstanding(values: NDArray[np.float64], members: NDArray[np.int64],
                 lower: NDArray[np.bool_], given: NDArray[np.int64],
                 ) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """Each ``given`` authority's Outstanding group (the Outstanding authorities but
    itself): its mean, how many have a number, and how many of them the authority does
    better than (ties are not better; an authority is never better than itself, so
    leaving it out changes no count), a column per given authority. ``members`` gives
    each row's group as columns, padded with -1, so rows of different periods may have
    different groups. One pass per place in the group, on whole columns; only the
    authorities given rows are worked out, as their neighbours are."""
    rows, width = values.shape
    padded = np.concatenate([values, np.full((rows, 1), np.nan)], axis=1)
    place = np.where(members < 0, width, members)
    gathered = np.take_along_axis(padded, place, axis=1)  # rows x group size
    has = ~np.isnan(gathered)
    numbers = np.where(has, gathered, 0.0)
    # A member's own group leaves it out: the members before it plus those after it,
    # each summed afresh, never the whole total less its own value (which would round
    # a small remainder of a large total badly).
    zero = np.zeros((rows, 1))
    before = np.concatenate([zero, np.cumsum(numbers, axis=1)[:, :-1]], axis=1)
    after = np.concatenate([np.cumsum(numbers[:, ::-1], axis=1)[:, -2::-1], zero], axis=1) \
        if numbers.shape[1] else numbers
    count = has.sum(axis=1)
    totals = np.repeat(numbers.sum(axis=1)[:, None], len(given), axis=1)
    counts = np.repeat(count[:, None], len(given), axis=1)
    # Where a given authority is a member of its row's group: that row, its place in
    # the group, and its column among the given.
    row, member, column = np.nonzero(place[:, :, None] == given[None, None, :])
    totals[row, column] = (before + after)[row, member]
    counts[row, column] = count[row] - has[row, member]
    own = values[:, given]
    better = np.zeros((rows, len(given)), dtype=np.int64)
    low = lower[:, None]
    for k in range(gathered.shape[1]):
        column_k = gathered[:, k : k + 1]
        better += np.where(low, column_k > own, column_k < own)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, totals / np.maximum(counts, 1), np.nan)
    return mean, counts, better


def _previous(group_measure: NDArray[np.int64], periods: list[Period | None],
              ) -> NDArray[np.int64]:
    """Each group's group for the same measure and the period just before, or -1."""
    where = {(m, p): g for g, (m, p) in enumerate(zip(group_measure.tolist(), periods,
                                                       strict=True)) if p is not None}
    return np.array([where.get((m, p.previous()), -1) if p is not None else -1
                     for m, p in zip(group_measure.tolist(), periods, strict=True)],
                    dtype=np.int64)
