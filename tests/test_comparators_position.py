"""Rank, quartile cuts and bands by the Local Authority Interactive Tool's conventions,
and averages of statistical neighbours."""

from __future__ import annotations

import csv

import pytest

from corpparent.comparators import (
    Authority,
    Band,
    Benchmark,
    Comparator,
    ComparatorKind,
    ComparatorSet,
    Quartiles,
    Standing,
    group_average,
    quartile_band,
    quartiles,
    rank_values,
    standing_finding,
)
from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Status
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import FinancialYear
from corpparent.symbols import is_symbol
from national_data import NATIONAL_DATA

Y = FinancialYear(2023)
LOW = Indicator("moves", "3+ placement moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
HIGH = LOW.with_polarity(Polarity.HIGHER_IS_BETTER)
NEUTRAL = LOW.with_polarity(Polarity.NEUTRAL)


def test_quartiles_match_r_type_7() -> None:
    # R: quantile(1:10) gives 1, 3.25, 5.5, 7.75, 10 (type 7, the default).
    assert quartiles(range(1, 11)) == Quartiles(1, 3.25, 5.5, 7.75, 10)
    # R: quantile(c(2, 4, 4, 5, 7, 9)) gives 2, 4, 4.5, 6.5, 9.
    assert quartiles([9, 4, 2, 7, 4, 5]) == Quartiles(2, 4, 4.5, 6.5, 9)


# LAIT's own tests of calculate_quartile_band use the cuts 0/25/50/75/100 and expect
# 10 -> A, 30 -> B, 60 -> C, ... where lower is better.
LAIT_CUTS = Quartiles(0, 25, 50, 75, 100)


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        (10, Band.A, Band.D), (30, Band.B, Band.C), (60, Band.C, Band.B), (90, Band.D, Band.A),
        # A value on a cut belongs to the band below it: [min, q25], (q25, q50], ...
        (0, Band.A, Band.D), (25, Band.A, Band.D), (50, Band.B, Band.C),
        (75, Band.C, Band.B), (100, Band.D, Band.A),
    ],
)
def test_bands_follow_polarity_with_a_the_best(value: float, low: Band, high: Band) -> None:
    assert quartile_band(value, LAIT_CUTS, Polarity.LOWER_IS_BETTER) is low
    assert quartile_band(value, LAIT_CUTS, Polarity.HIGHER_IS_BETTER) is high
    assert quartile_band(value, LAIT_CUTS, Polarity.NEUTRAL) is None


def test_rank_uses_min_ties_with_one_the_best() -> None:
    values = {"a": 5.0, "b": 7.0, "c": 7.0, "d": 9.0}
    assert rank_values(values, Polarity.LOWER_IS_BETTER) == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert rank_values(values, Polarity.HIGHER_IS_BETTER) == {"d": 1, "b": 2, "c": 2, "a": 4}
    assert rank_values(values, Polarity.NEUTRAL) == {}


def test_withheld_values_get_no_rank_and_no_band_and_are_not_counted() -> None:
    benchmark = Benchmark(LOW, Y, {"a": 5, "b": 6, "c": "c", "d": 7, "e": 8, "f": None})
    assert benchmark.ranks() == {"a": 1, "b": 2, "d": 3, "e": 4}
    assert benchmark.rank_of("c") is None
    assert benchmark.band_of("c") is None
    assert set(benchmark.missing) == {"c", "f"}
    assert "confidential" in benchmark.missing["c"]
    finding = standing_finding(benchmark, "c")
    assert finding.status is Status.INSUFFICIENT_DATA
    assert finding.outcome is NotJudged.INSUFFICIENT_DATA
    assert "confidential" in finding.explanation


def test_standing_finding_gives_rank_of_n_and_band() -> None:
    benchmark = Benchmark(LOW, Y, {"a": 5, "b": 6, "c": 7, "d": 8, "e": 9})
    best = standing_finding(benchmark, "a")
    assert (best.evidence["rank"], best.evidence["of"], best.evidence["band"]) == (1, 5, "A")
    assert (best.status, best.outcome) == (Status.EXCEEDED, Standing.BAND_A)
    assert (best.subject, best.subject_name) == (LOW.id, LOW.name)
    assert best.family is RuleFamily.NATIONAL_STANDING
    assert f"a 5% in {Y} ranks 1 of 5" in best.explanation  # the year it ranks
    worst = standing_finding(benchmark, "e")
    assert (worst.evidence["rank"], worst.evidence["band"]) == (5, "D")
    assert (worst.status, worst.outcome) == (Status.WARNING, Standing.BAND_D)
    # A newer local figure is placed against the published distribution.
    newer = standing_finding(benchmark, "e", value=4.5)
    assert (newer.evidence["rank"], newer.evidence["band"]) == (1, "A")


def test_too_few_values_give_no_band() -> None:
    benchmark = Benchmark(LOW, Y, {"a": 5, "b": 6, "c": 7})
    assert benchmark.quartiles() is None
    assert standing_finding(benchmark, "a").status is Status.INSUFFICIENT_DATA
    ranked = standing_finding(benchmark, "a")
    assert ranked.outcome is NotJudged.INSUFFICIENT_DATA
    assert (ranked.evidence["rank"], ranked.evidence["of"]) == (1, 3)


def test_neutral_indicators_are_neither_ranked_nor_banded() -> None:
    benchmark = Benchmark(NEUTRAL, Y, {"a": 5, "b": 6, "c": 7, "d": 8})
    assert benchmark.rank_of("a") is None
    assert benchmark.band_of("a") is None
    finding = standing_finding(benchmark, "a")
    assert (finding.status, finding.outcome) == (Status.MET, Standing.NO_JUDGEMENT)
    position = benchmark.position(6.5)
    assert position.better_than is None
    assert (position.higher_than, position.lower_than) == (2, 2)


def test_a_measure_shown_without_quartiles_is_ranked_but_never_banded() -> None:
    """LAIT's dictionary marks some measures ``No_Quartile = N``: the tool shows their
    rank and no band, and so does the scalar path, for the authority and its group."""
    benchmark = Benchmark(HIGH, Y, {"a": 5, "b": 6, "c": 7, "d": 8, "e": 9}, banded=False)
    assert (benchmark.rank_of("e"), benchmark.band_of("e"), benchmark.band(4.0)) == (1, None,
                                                                                      None)
    assert benchmark.among(["a", "b", "c", "d"]).band_of("d") is None
    finding = standing_finding(benchmark, "e")
    assert (finding.status, finding.outcome) == (Status.MET, Standing.RANKED)
    assert (finding.evidence["rank"], finding.evidence["of"]) == (1, 5)
    assert "band" not in finding.evidence
    assert "without quartile bands" in finding.explanation


def test_benchmark_converts_units_once() -> None:
    in_fraction = Benchmark(LOW, Y, {"a": 0.05, "b": 0.06}, unit="fraction")
    assert in_fraction.numeric == {"a": 5.0, "b": 6.0}


def test_a_value_that_is_not_a_number_or_symbol_is_refused() -> None:
    with pytest.raises(DefinitionError, match="official symbol"):
        Benchmark(LOW, Y, {"a": "n/a"})


NEIGHBOURS = [Authority(f"N{i}") for i in range(1, 11)]


def _series(name: str, value: float | str) -> Comparator:
    return Comparator(name, ComparatorKind.AUTHORITY, {("moves", Y): value})


def test_neighbour_mean_drops_missing_values_and_median_is_offered() -> None:
    # LAIT: "simple averages for the selected LA's 10 statistical neighbours ... Where
    # data does not exist for one or more ... the information is excluded from the mean".
    values: list[float | str] = [4, 5, 6, 7, 8, 9, 10, 11, "c", 30]
    series = [_series(a.name, v) for a, v in zip(NEIGHBOURS, values, strict=True)]
    cset = ComparatorSet(Authority("Home"), statistical_neighbours=NEIGHBOURS)
    mean = cset.neighbour_average(series)
    median = cset.neighbour_average(series, statistic="median")
    assert mean.kind is ComparatorKind.STATISTICAL_NEIGHBOURS
    assert mean.value("moves", Y) == pytest.approx(90 / 9)
    assert median.value("moves", Y) == 8
    assert mean.value("moves", Y) != median.value("moves", Y)


def test_neighbour_average_with_no_numbers_is_not_available() -> None:
    series = [_series(a.name, "c") for a in NEIGHBOURS]
    average = group_average("SN", ComparatorKind.STATISTICAL_NEIGHBOURS, NEIGHBOURS, series)
    assert average.value("moves", Y) is None
    assert average.symbol("moves", Y) == "x"


def test_neighbour_average_converts_units_by_indicator() -> None:
    series = [
        Comparator("N1", ComparatorKind.AUTHORITY, {("moves", Y): 0.04},
                   units={"moves": "fraction"}),
        Comparator("N2", ComparatorKind.AUTHORITY, {("moves", Y): 6}, units={"moves": "%"}),
    ]
    average = group_average("SN", ComparatorKind.STATISTICAL_NEIGHBOURS, NEIGHBOURS[:2],
                            series, indicators=[LOW])
    assert average.value("moves", Y) == pytest.approx(5)
    with pytest.raises(DefinitionError, match="different units"):
        group_average("SN", ComparatorKind.STATISTICAL_NEIGHBOURS, NEIGHBOURS[:2], series)


def test_comparator_set_refuses_repeats_and_self_neighbours() -> None:
    home = Authority("Wiltshire", "865")
    with pytest.raises(DefinitionError, match="twice"):
        ComparatorSet(home, statistical_neighbours=[Authority("Devon"), Authority("Devon")])
    with pytest.raises(DefinitionError, match="own statistical neighbour"):
        ComparatorSet(home, statistical_neighbours=[Authority("Wiltshire")])
    with pytest.raises(DefinitionError, match="twice"):
        ComparatorSet(home, [Comparator("England", ComparatorKind.ENGLAND),
                             Comparator("England", ComparatorKind.ENGLAND)])


DATA = NATIONAL_DATA


@pytest.mark.national_data
def test_wiltshire_on_the_published_2025_placement_moves() -> None:
    # DfE la_cla_placement_stability.csv, 2025, "CLA on 31 March", "With 3 or more
    # placements during the year": 155 authority rows, of which Cumbria and
    # Northamptonshire (abolished) are 'z', two more 'z' or 'c', 151 numbers. Counting
    # the published values: 39 authorities are below Wiltshire's 9%, so its rank is 40;
    # sorted, places 37 and 38 (0-based) are both 8 (q25 = 8) and place 75 is 10
    # (median), so 9 is in (q25, median]: band B.
    with (DATA / "la_cla_placement_stability.csv").open(encoding="utf-8-sig") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["time_period"] == "2025" and r["geographic_level"] == "Local authority"
                and r["cla_group"] == "CLA on 31 March"
                and r["placement_stability"] == "With 3 or more placements during the year"]
    values = {r["la_name"]: (v if is_symbol(v) else float(v))
              for r in rows for v in [r["children_percent"]]}
    benchmark = Benchmark(LOW, FinancialYear(2024), values)
    assert len(benchmark.numeric) == 151
    assert benchmark.rank_of("Wiltshire") == 40
    cuts = benchmark.quartiles()
    assert cuts is not None
    assert (cuts.q25, cuts.median) == (8, 10)
    assert benchmark.band_of("Wiltshire") is Band.B
    assert "z" in benchmark.missing["Cumbria"]


def test_a_benchmark_gathers_authority_series_and_skips_other_kinds() -> None:
    series = [
        Comparator("Devon", ComparatorKind.AUTHORITY, {("moves", Y): 0.09},
                   units={"moves": "fraction"}),
        Comparator("Dorset", ComparatorKind.AUTHORITY, {("moves", Y): "low"}),
        Comparator("Hampshire", ComparatorKind.AUTHORITY, {("moves", FinancialYear(2022)): 7}),
        Comparator("England", ComparatorKind.ENGLAND, {("moves", Y): 10}),
    ]
    benchmark = Benchmark.from_comparators(LOW, Y, series)
    assert dict(benchmark.values) == {"Devon": pytest.approx(9), "Dorset": "low"}
    among = benchmark.among(["Devon", "Cornwall"])
    assert among.missing == {"Cornwall": "no value published"}
