"""The engine and the scalar path agree on every figure, for random inputs.

The scalar path is :func:`corpparent.dfe.benchmark.national_benchmark`, one authority
at a time with the arithmetic of :mod:`corpparent.comparators.position`; the engine
computes every authority at once on arrays. Values are drawn from a small pool so that
ties and values lying exactly on a quartile cut are common, with suppressed (``c``)
and unpublished (``-``) cells among them, and measures shown with and without quartile
bands (LAIT's ``No_Quartile``). Means are compared to 1e-12 (the scalar path
sums exactly with ``math.fsum``, the engine in floating point); everything else exactly.
"""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given, settings, strategies as st

from corpparent.dfe.areas import Areas
from corpparent.dfe.benchmark import national_benchmark
from corpparent.dfe.national import AreaValues
from corpparent.dfe.national_table import benchmark_all
from corpparent.dfe.ofsted import Inspection, InspectionOutcomes, Judgement
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import FinancialYear
from national_engine_support import Cell, authority, dictionary, neighbours, table

POOL = st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 10.0, 12.75, -4.0])
CELLS = st.one_of(POOL, POOL, POOL, st.floats(min_value=-1e6, max_value=1e6),
                  st.just("c"), st.just("x"), st.none())


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


Case = tuple[list[Cell], Polarity, dict[int, list[int]], set[int], bool]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    cells = draw(st.lists(CELLS, min_size=1, max_size=14))
    count = len(cells)
    polarity = draw(st.sampled_from(list(Polarity)))
    groups = {
        i: draw(st.lists(st.integers(0, count - 1).filter(lambda n, i=i: n != i),
                         max_size=10, unique=True))
        for i in range(count) if draw(st.booleans()) or i == 0
    }
    outstanding = draw(st.sets(st.integers(0, count - 1)))
    return cells, polarity, groups, outstanding, draw(st.booleans())


@settings(max_examples=150, deadline=None)
@given(cases())
def test_engine_agrees_with_the_scalar_path(case: Case) -> None:
    cells, polarity, groups, outstanding, quartiles = case
    data = table({"2025": cells}, england=7.0, region=6.0)
    model = neighbours(groups, len(cells))
    codes = {authority(i).code for i in outstanding}
    engine = {row["authority_code"]: row for row in benchmark_all(
        data, dictionary(polarity, quartiles=quartiles), model, codes).table.to_pylist()}
    period = FinancialYear(2024)
    indicator = Indicator(id="m", name="M", kind=Kind.SCORE, polarity=polarity)
    readings = {}
    for area_index, area in enumerate(data.areas):
        rows = [i for i in range(len(data)) if data.area[i] == area_index]
        if rows:
            i = rows[0]
            value = float(data.value[i])
            readings[area.code] = Reading(
                indicator="m", period=period, value=None if math.isnan(value) else value,
                symbol=data.symbols[data.symbol[i]])
    values = AreaValues(indicator="m", period=period, readings=readings,
                        areas=Areas(data.areas))
    national = values.to_benchmark(indicator, banded=quartiles)
    for index in range(len(cells)):
        code = authority(index).code
        row = engine[code]
        if not model.covers(code):
            assert row["neighbours_note"] == "no neighbours in this model"
            continue
        scalar = national_benchmark(values, indicator, code, model, codes, national)
        assert row["value"] == scalar.value
        assert row["rank"] == scalar.rank
        assert row["ranked"] == scalar.ranked
        assert row["band"] == (None if scalar.band is None else scalar.band.value)
        assert (row["england"], row["region_value"]) == (scalar.england,
                                                         scalar.region_value)
        assert _close(row["neighbours_mean"], scalar.neighbour_average("mean"))
        assert row["neighbours_median"] == scalar.neighbour_average("median")
        assert row["neighbours_with_value"] == len(scalar.neighbours.numeric)
        assert _close(row["outstanding_mean"], scalar.outstanding_average("mean"))
        # No other member with a number: no count and no position, never "0 of 0".
        assert row["outstanding_with_value"] == (len(scalar.outstanding.numeric) or None)
        position = scalar.outstanding_position
        expected = None if position is None else position.better_than
        assert row["outstanding_better_than"] == expected
        if not scalar.outstanding.numeric:
            assert (row["outstanding_mean"], row["outstanding_better_than"],
                    row["gap_outstanding"]) == (None, None, None)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.integers(2015, 2025), st.lists(CELLS, min_size=3, max_size=3),
                       min_size=1, max_size=8))
def test_direction_only_against_the_year_just_before(years: dict[int, list[Cell]]) -> None:
    data = table({str(year): cells for year, cells in sorted(years.items())})
    rows = benchmark_all(data, dictionary(Polarity.LOWER_IS_BETTER), neighbours({}, 3),
                         set()).table.to_pylist()
    for row in rows:
        year = int(row["years"])
        index = int(row["authority_code"]) - 100
        before = years.get(year - 1)
        earlier = None if before is None else before[index]
        now = years[year][index]
        if not isinstance(earlier, float) or not isinstance(now, float):
            assert row["direction"] == "not comparable"
            continue
        expected = ("increase" if now > earlier else "decrease" if now < earlier
                    else "no change")
        assert row["direction"] == expected
        assert row["previous_value"] == earlier


def _inspections(published: dict[int, date]) -> InspectionOutcomes:
    """Authority i judged Outstanding, its report published on ``published[i]``; the
    others Good, published at the start of 2020."""
    def inspected(i: int, day: date, overall: Judgement) -> Inspection:
        return Inspection(ons_code=f"E0{i:07d}", name=authority(i).name, region="South West",
                          inspected=day, published=day, overall=overall, leaders=overall,
                          help_and_protection=overall, children_in_care=overall,
                          care_leavers=None)
    return InspectionOutcomes("outcomes", tuple(
        inspected(i, published.get(i, date(2020, 1, 1)),
                  Judgement.OUTSTANDING if i in published else Judgement.GOOD)
        for i in range(6)))


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.integers(2019, 2025), st.lists(CELLS, min_size=6, max_size=6),
                       min_size=1, max_size=5),
       st.dictionaries(st.integers(0, 5), st.dates(date(2018, 1, 1), date(2026, 1, 1))),
       st.sampled_from([Polarity.LOWER_IS_BETTER, Polarity.HIGHER_IS_BETTER]))
def test_each_period_is_compared_with_its_own_outstanding_group(
        years: dict[int, list[Cell]], published: dict[int, date], polarity: Polarity) -> None:
    """Given the inspection outcomes, each period's Outstanding figures are those of a run
    with that period's group as at its end given as a fixed set; the rows say the date
    and how many authorities could not be placed."""
    data = table({str(year): cells for year, cells in sorted(years.items())})
    outcomes = _inspections(published)
    dated = benchmark_all(data, dictionary(polarity), neighbours({}, 6), outcomes)
    columns = ("outstanding_mean", "outstanding_with_value", "outstanding_better_than")
    for year in years:
        end = date(year, 3, 31)  # LAIT's "2023" is the financial year 2022-23
        group = outcomes.as_at(end, areas=Areas(authority(i) for i in range(6)))
        fixed = benchmark_all(data, dictionary(polarity), neighbours({}, 6), group.members)
        expected = [{c: r[c] for c in columns} for r in fixed.table.to_pylist()
                    if r["years"] == str(year)]
        rows = [r for r in dated.table.to_pylist() if r["years"] == str(year)]
        assert [{c: r[c] for c in columns} for r in rows] == expected
        days = [published.get(i, date(2020, 1, 1)) for i in range(6)]
        as_at = min(end, max(days))  # the release knows nothing after its last report
        assert {r["outstanding_as_at"] for r in rows} == {as_at}
        assert {r["outstanding_unknown"] for r in rows} == {sum(d > as_at for d in days)}
