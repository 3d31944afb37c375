"""Benchmark figures: England, region, statistical neighbours and Outstanding authorities.

Expected values are computed here independently, with the csv module, from the DfE's
published files, or quoted from the Wiltshire CPP annual report 2022-23 (seed 002).
"""

from __future__ import annotations

import csv
from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpparent.dfe.areas import known_areas
from corpparent.dfe.benchmark import Benchmarking, SpreadFigure, benchmark
from corpparent.dfe.national import AreaValues
from corpparent.indicators.definitions import Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import FinancialYear

DFE = Path("../shared/data/dfe")
YEAR_2025 = FinancialYear(2024)
MOVES = {"cla_group": "CLA on 31 March",
         "placement_stability": "With 3 or more placements during the year"}


@pytest.fixture(scope="module")
def bench() -> Benchmarking:
    return Benchmarking.from_folder(DFE)


def _published(time_period: str, **filters: str) -> dict[str, float | str]:
    """Every area's children_percent for the filters, straight from the CSV, by code."""
    result: dict[str, float | str] = {}
    path = DFE / "la_cla_placement_stability.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["time_period"] != time_period or any(row[k] != v for k, v in filters.items()):
                continue
            code = row["old_la_code"] or row["region_code"] or row["country_code"]
            text = row["children_percent"]
            result[code] = text if text.isalpha() else float(text)
    return result


def _neighbour_codes(code: str) -> list[str]:
    with (DFE / "sn_model_2025_wide.csv").open(encoding="utf-8-sig", newline="") as handle:
        [row] = [r for r in csv.DictReader(handle) if r["old_la_code"] == code]
    return [row[f"SN_{i}"] for i in range(1, 11)]


def test_wiltshire_2020_21_against_the_annual_reports_comparators(bench: Benchmarking) -> None:
    # 002 §32 "COMPARATORS 2020-21", 3+ placements: Wilts 6%, Eng 9%, SW Region 11%.
    moves = bench.benchmark("Wiltshire", "cla_3plus_placements", FinancialYear(2020))
    assert (moves.value, moves.england, moves.region_value) == (6, 9, 11)
    assert moves.region is not None
    assert moves.region.name == "South West"
    # 002 §34, long-term stability 2020-21: Eng 70%, SW Region 71%.
    stable = bench.benchmark("Wiltshire", "cla_long_term_stability", FinancialYear(2020))
    assert (stable.england, stable.region_value) == (70, 71)


@pytest.mark.parametrize("authority", ["865", "860"])
def test_neighbour_mean_and_median_drop_missing_values(bench: Benchmarking,
                                                       authority: str) -> None:
    published = _published("2025", **MOVES)
    found = sorted(v for c in _neighbour_codes(authority)
                   if isinstance(v := published.get(c), float))
    result = bench.benchmark(authority, "cla_3plus_placements", YEAR_2025)
    assert result.neighbours.size == 10
    assert result.neighbours.mean == pytest.approx(sum(found) / len(found))
    middle = len(found) // 2
    median = found[middle] if len(found) % 2 else (found[middle - 1] + found[middle]) / 2
    assert result.neighbours.median == median


def test_the_outstanding_group_leaves_the_authority_itself_out(bench: Benchmarking) -> None:
    wilts = bench.benchmark("Wiltshire", "cla_3plus_placements", YEAR_2025)
    staffs = bench.benchmark("Staffordshire", "cla_3plus_placements", YEAR_2025)
    assert (wilts.outstanding.size, staffs.outstanding.size) == (35, 36)
    published = _published("2025", **MOVES)
    others = [v for c in bench.outstanding - {"865"} if isinstance(v := published[c], float)]
    assert wilts.outstanding.mean == pytest.approx(sum(others) / len(others))
    # Lower is better: Wiltshire's 9% beats every Outstanding authority above 9%.
    assert wilts.outstanding.beaten_by(9, Polarity.LOWER_IS_BETTER) == sum(v > 9 for v in others)


def test_a_scorecard_covers_every_indicator_and_year(bench: Benchmarking) -> None:
    card = bench.for_authority("Staffordshire")
    assert {b.indicator for b in card} == set(bench.data.indicators)
    assert len(card) == len(list(bench.data))
    assert {b.authority.name for b in card} == {"Staffordshire"}
    assert {i.id for i in bench.indicators} == set(bench.data.indicators)


def test_a_suppressed_neighbour_is_dropped_not_counted_as_zero(bench: Benchmarking) -> None:
    codes = bench.neighbours.codes("865")
    readings = {code: Reading("x", YEAR_2025, value=10.0) for code in codes}
    readings[codes[0]] = Reading("x", YEAR_2025, value=None, symbol="c")
    readings["865"] = Reading("x", YEAR_2025, value=5.0)
    values = AreaValues("x", YEAR_2025, readings, known_areas())
    result = benchmark(values, "Wiltshire", bench.neighbours, set())
    assert result.neighbours.values == (10.0,) * 9
    assert (result.neighbours.mean, result.neighbours.size) == (10.0, 10)
    assert result.england is None
    assert result.outstanding.mean is None


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(st.lists(finite, min_size=1, max_size=12))
def test_mean_and_median_lie_within_the_values(values: list[float]) -> None:
    spread = SpreadFigure(values, size=len(values))
    assert spread.mean is not None
    assert spread.median is not None
    assert min(values) - 1e-6 <= spread.mean <= max(values) + 1e-6
    assert min(values) <= spread.median <= max(values)


@given(st.lists(finite, max_size=12), st.randoms())
def test_the_order_of_neighbours_does_not_matter(values: list[float], rnd: Random) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    a, b = SpreadFigure(values, size=10), SpreadFigure(shuffled, size=10)
    assert a.median == b.median
    if values:
        assert a.mean == pytest.approx(b.mean)
    else:
        assert a.mean is None
        assert b.mean is None


@given(st.lists(finite, max_size=12), finite, finite)
def test_a_better_value_beats_at_least_as_many(values: list[float], x: float, y: float) -> None:
    spread = SpreadFigure(values, size=len(values))
    low, high = sorted((x, y))
    assert spread.beaten_by(low, Polarity.LOWER_IS_BETTER) >= spread.beaten_by(
        high, Polarity.LOWER_IS_BETTER)
    assert spread.beaten_by(high, Polarity.HIGHER_IS_BETTER) >= spread.beaten_by(
        low, Polarity.HIGHER_IS_BETTER)
    assert spread.beaten_by(x, Polarity.NEUTRAL) == 0
