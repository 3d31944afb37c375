"""Benchmark figures: England, region, statistical neighbours and Outstanding authorities.

Expected values are computed here independently, with the csv and statistics modules,
from the DfE's published files, or quoted from the Wiltshire CPP annual report 2022-23
(seed 002).
"""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import attrs
import pytest
from hypothesis import given, strategies as st

from corpparent.comparators import Band, ComparatorKind
from corpparent.dfe.areas import known_areas
from corpparent.dfe.benchmark import Benchmarking, national_benchmark
from corpparent.dfe.national import AreaValues
from corpparent.families import RuleFamily
from corpparent.files.dfe.national import read_benchmarking, read_lait_benchmarking
from corpparent.findings import Status
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import FinancialYear
from corpparent.symbols import OFFICIAL_SYMBOLS
from national_data import NATIONAL_DATA

DFE = NATIONAL_DATA
YEAR_2025 = FinancialYear(2024)
MOVES = {"cla_group": "CLA on 31 March",
         "placement_stability": "With 3 or more placements during the year"}
STABLE = {"placement_stability": "Living with the same carer for at least 2 years"}


@pytest.fixture(scope="module")
def bench(national_data: Path) -> Benchmarking:
    return read_benchmarking(DFE)


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


def _authorities(published: dict[str, float | str]) -> dict[str, float]:
    return {c: v for c, v in published.items() if c.isdigit() and isinstance(v, float)}


def _neighbour_codes(code: str) -> list[str]:
    with (DFE / "sn_model_2025_wide.csv").open(encoding="utf-8-sig", newline="") as handle:
        [row] = [r for r in csv.DictReader(handle) if r["old_la_code"] == code]
    return [row[f"SN_{i}"] for i in range(1, 11)]


def test_wiltshire_2020_21_against_the_annual_reports_comparators(bench: Benchmarking) -> None:
    # 002 §32 "COMPARATORS 2020-21", 3+ placements: Wilts 6%, Eng 9%, SW Region 11%.
    moves = bench.benchmark("Wiltshire", "placements_3plus", FinancialYear(2020))
    assert (moves.value, moves.england, moves.region_value) == (6, 9, 11)
    assert moves.region is not None
    assert moves.region.name == "South West"
    # 002 §34, long-term stability 2020-21: Eng 70%, SW Region 71%.
    stable = bench.benchmark("Wiltshire", "long_term_stability", FinancialYear(2020))
    assert (stable.england, stable.region_value) == (70, 71)


@pytest.mark.parametrize("authority", ["865", "860"])
def test_neighbour_mean_and_median_drop_missing_values(bench: Benchmarking,
                                                       authority: str) -> None:
    published = _published("2025", **MOVES)
    found = sorted(v for c in _neighbour_codes(authority)
                   if isinstance(v := published.get(c), float))
    result = bench.benchmark(authority, "placements_3plus", YEAR_2025)
    assert len(result.neighbours) == 10
    assert result.neighbour_average() == pytest.approx(sum(found) / len(found))
    middle = len(found) // 2
    median = found[middle] if len(found) % 2 else (found[middle - 1] + found[middle]) / 2
    assert result.neighbour_average("median") == median


def test_the_outstanding_group_leaves_the_authority_itself_out(bench: Benchmarking) -> None:
    wilts = bench.benchmark("Wiltshire", "placements_3plus", YEAR_2025)
    staffs = bench.benchmark("Staffordshire", "placements_3plus", YEAR_2025)
    assert (len(wilts.outstanding), len(staffs.outstanding)) == (35, 36)
    published = _published("2025", **MOVES)
    others = [v for c in bench.outstanding - {"865"} if isinstance(v := published[c], float)]
    assert wilts.outstanding_average() == pytest.approx(sum(others) / len(others))
    # Lower is better: Wiltshire's 9% is better than every Outstanding authority above 9%.
    position = wilts.outstanding_position
    assert position is not None
    assert position.better_than == sum(v > 9 for v in others)


@pytest.mark.parametrize(
    ("authority", "indicator", "filters", "lower_is_better"),
    [("865", "placements_3plus", MOVES, True),
     ("865", "long_term_stability", STABLE, False),
     ("860", "placements_3plus", MOVES, True),
     ("860", "long_term_stability", STABLE, False)],
)
def test_band_and_rank_follow_the_lait_conventions(
        bench: Benchmarking, authority: str, indicator: str, filters: dict[str, str],
        lower_is_better: bool) -> None:
    # LAIT: cuts are R's quantile type 7 of all authorities' values for the year (the
    # "inclusive" method of statistics.quantiles); [min, q25] is A where lower is better
    # and D where higher is better; rank 1 is the best and ties share the lowest rank.
    values = _authorities(_published("2025", **filters))
    own = values[authority]
    q25, q50, q75 = statistics.quantiles(values.values(), n=4, method="inclusive")
    quarter = 0 if own <= q25 else 1 if own <= q50 else 2 if own <= q75 else 3
    expected_band = "ABCD"[quarter] if lower_is_better else "DCBA"[quarter]
    better = [v for v in values.values() if (v < own if lower_is_better else v > own)]
    result = bench.benchmark(authority, indicator, YEAR_2025)
    assert result.band is Band(expected_band)
    assert result.rank == len(better) + 1
    assert result.ranked == len(values)


def test_an_indicator_shown_without_quartiles_is_ranked_but_not_banded(
        bench: Benchmarking) -> None:
    # A measure LAIT's dictionary marks No_Quartile = N keeps its rank and loses its band.
    banded = bench.benchmark("865", "placements_3plus", YEAR_2025)
    unbanded = attrs.evolve(bench, unbanded={"placements_3plus"}).benchmark(
        "865", "placements_3plus", YEAR_2025)
    assert banded.band is not None
    assert (unbanded.rank, unbanded.ranked, unbanded.band) == (banded.rank, banded.ranked,
                                                               None)
    assert unbanded.standing().evidence["rank"] == banded.rank


def test_a_neutral_indicator_has_no_rank_or_band(bench: Benchmarking) -> None:
    # LAIT gives the rate of children looked after no polarity ("-"), so no rank or band.
    result = bench.benchmark("Wiltshire", "cla_rate", YEAR_2025)
    assert result.value == 46
    assert (result.rank, result.band) == (None, None)


def test_a_scorecard_covers_every_indicator_and_year(bench: Benchmarking) -> None:
    card = bench.for_authority("Staffordshire")
    assert {b.indicator.id for b in card} == set(bench.data.indicators)
    assert len(card) == len(list(bench.data))
    assert {b.authority.name for b in card} == {"Staffordshire"}
    assert {b.indicator.id for b in bench.latest("860")} == set(bench.data.indicators)


def test_the_comparator_set_gives_the_same_figures(bench: Benchmarking) -> None:
    comparators = bench.comparator_set("Wiltshire")
    result = bench.benchmark("Wiltshire", "placements_3plus", YEAR_2025)
    kinds = {c.name: c.kind for c in comparators.comparators}
    assert kinds == {
        "England": ComparatorKind.ENGLAND, "South West": ComparatorKind.REGION,
        "Statistical neighbours": ComparatorKind.STATISTICAL_NEIGHBOURS,
        "Statistical neighbours (median)": ComparatorKind.STATISTICAL_NEIGHBOURS,
        "Outstanding authorities": ComparatorKind.OUTSTANDING,
    }
    key = ("placements_3plus", YEAR_2025)
    assert comparators.get("England").value(*key) == result.england
    assert comparators.get("South West").value(*key) == result.region_value
    assert comparators.get("Statistical neighbours").value(*key) == pytest.approx(
        result.neighbour_average())
    assert comparators.get("Statistical neighbours (median)").value(*key) == (
        result.neighbour_average("median"))
    assert comparators.get("Outstanding authorities").value(*key) == pytest.approx(
        result.outstanding_average())
    assert [a.name for a in comparators.statistical_neighbours][:2] == [
        "Hampshire", "Gloucestershire"]
    assert "Wiltshire" not in {a.name for a in comparators.outstanding}


def test_a_suppressed_region_or_england_value_is_not_a_number(bench: Benchmarking) -> None:
    result = bench.benchmark("Rutland", "placements_3plus", YEAR_2025)
    assert result.reading is not None
    assert result.reading.symbol == "c"
    assert (result.value, result.rank, result.band) == (None, None, None)
    assert result.outstanding_position is None
    assert "withheld" in result.describe()


MOVES_INDICATOR = Indicator("x", "moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
cells = st.one_of(st.floats(min_value=0, max_value=100), st.sampled_from(sorted(OFFICIAL_SYMBOLS)))


@given(st.lists(cells, min_size=10, max_size=10))
def test_the_neighbour_mean_is_the_mean_of_the_numbers_only(bench: Benchmarking,
                                                            given_cells: list[float | str]
                                                            ) -> None:
    codes = bench.neighbours.codes("865")
    readings = {
        code: Reading("x", YEAR_2025, value=cell if isinstance(cell, float) else None,
                      symbol=cell if isinstance(cell, str) else None)
        for code, cell in zip(codes, given_cells, strict=True)
    }
    values = AreaValues("x", YEAR_2025, readings, known_areas())
    result = national_benchmark(values, MOVES_INDICATOR, "Wiltshire", bench.neighbours, set())
    numbers = [c for c in given_cells if isinstance(c, float)]
    if numbers:
        assert result.neighbour_average() == pytest.approx(sum(numbers) / len(numbers))
        assert min(numbers) <= (result.neighbour_average("median") or 0) <= max(numbers)
    else:
        assert result.neighbour_average() is None
    assert len(result.neighbours.missing) == 10 - len(numbers)
    assert result.england is None


def test_lait_gives_the_same_benchmarks_as_ees(bench: Benchmarking) -> None:
    lait = read_lait_benchmarking(DFE)
    assert set(lait.data.indicators) < set(bench.data.indicators)
    for indicator in lait.data.indicators:
        from_lait = lait.benchmark("Wiltshire", indicator, YEAR_2025)
        from_ees = bench.benchmark("Wiltshire", indicator, YEAR_2025)
        assert (from_lait.value, from_lait.england, from_lait.region_value) == (
            from_ees.value, from_ees.england, from_ees.region_value), indicator
        assert (from_lait.rank, from_lait.band) == (from_ees.rank, from_ees.band), indicator
        assert from_lait.neighbour_average() == pytest.approx(from_ees.neighbour_average())
    # LAIT reaches further back than the EES files: 3+ placements from 2015-16.
    assert FinancialYear(2015) in lait.data.periods("placements_3plus")


def test_findings_judge_every_proportion_against_every_comparator(
        bench: Benchmarking) -> None:
    findings = bench.findings("Wiltshire", YEAR_2025)
    proportions = [i for i in bench.indicators if i.is_proportion]
    # Per indicator: rank and band, five comparators, and the Outstanding position.
    assert len(findings) == 7 * len(proportions)
    moves = [f for f in findings if f.subject == "placements_3plus"]
    england = next(f for f in moves if f.family is RuleFamily.COMPARISON
                   and f.evidence["comparator"] == "England")
    # 9% against England's 10%, lower is better: better than England.
    assert england.status is Status.EXCEEDED
    assert {f.period for f in findings} == {YEAR_2025}


def test_a_withheld_value_gives_findings_of_insufficient_data(bench: Benchmarking) -> None:
    name = bench.indicator("placements_3plus").name
    moves = [f for f in bench.findings("Rutland", YEAR_2025) if f.subject == "placements_3plus"]
    assert {f.subject_name for f in moves} == {name}
    assert len(moves) == 7
    assert {f.status for f in moves} == {Status.INSUFFICIENT_DATA}


@pytest.mark.national_data
def test_the_2020_21_neighbour_figures_of_the_annual_report() -> None:
    # 002 §32 and §34, "COMPARATORS 2020-21", SN column: 11% with 3+ placements and 70%
    # long-term stability, against the neighbours of the day (the April 2021 groupings),
    # published to the whole percent.
    bench = read_benchmarking(
        DFE, neighbours="New_Statistical_Neighbour_Groupings_April_2021.csv")
    year = FinancialYear(2020)
    moves = bench.benchmark("Wiltshire", "placements_3plus", year).neighbour_average()
    stable = bench.benchmark("Wiltshire", "long_term_stability", year).neighbour_average()
    assert moves is not None
    assert stable is not None
    assert abs(moves - 11) <= 0.5
    assert abs(stable - 70) <= 0.5


def test_an_authority_outside_the_neighbour_model_is_benchmarked(bench: Benchmarking) -> None:
    # Cumbria (909) was replaced in 2023: the 2025 model has no row for it.
    assert not bench.neighbours.covers("909")
    card = bench.for_authority("Cumbria")
    assert card
    assert all(len(b.neighbours) == 0 and b.neighbour_average() is None for b in card)
    assert bench.findings("Cumbria")
