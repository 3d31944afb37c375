"""Properties of rank, quartile bands, "k of n" and comparisons."""

from __future__ import annotations

from hypothesis import assume, given, strategies as st

from corpparent.comparators import (
    Band,
    Benchmark,
    Comparator,
    ComparatorKind,
    Verdict,
    compare,
    quartiles,
)
from corpparent.findings import Status
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import FinancialYear
from corpparent.symbols import OFFICIAL_SYMBOLS

Y = FinancialYear(2023)
POLARITIES = st.sampled_from([Polarity.LOWER_IS_BETTER, Polarity.HIGHER_IS_BETTER])
# Published percentages have one decimal place.
PERCENT = st.integers(0, 1000).map(lambda tenths: tenths / 10)
ORDER = {Band.A: 0, Band.B: 1, Band.C: 2, Band.D: 3}


def indicator(polarity: Polarity, unit: str = "percent") -> Indicator:
    return Indicator("ind", "Indicator", Kind.PERCENTAGE, polarity, unit=unit)


authority_values = st.lists(PERCENT, min_size=4, max_size=40).map(
    lambda values: {f"LA{i}": v for i, v in enumerate(values)}
)


@given(authority_values, POLARITIES)
def test_rank_and_band_invariant_under_a_unit_change(
    values: dict[str, float], polarity: Polarity
) -> None:
    in_percent = Benchmark(indicator(polarity), Y, values)
    as_fraction = {name: value / 100 for name, value in values.items()}
    given_in_fraction = Benchmark(indicator(polarity), Y, as_fraction, unit="fraction")
    measured_in_fraction = Benchmark(indicator(polarity, "fraction"), Y, as_fraction)
    for other in (given_in_fraction, measured_in_fraction):
        assert other.ranks() == in_percent.ranks()
        assert {n: other.band_of(n) for n in values} == {
            n: in_percent.band_of(n) for n in values
        }


@given(authority_values, POLARITIES)
def test_flipping_polarity_reverses_rank(values: dict[str, float], polarity: Polarity) -> None:
    ranks = Benchmark(indicator(polarity), Y, values).ranks()
    flipped = Benchmark(indicator(polarity.flipped()), Y, values).ranks()
    n = len(values)
    for name, value in values.items():
        ties = sum(other == value for other in values.values())
        # A tie of t occupying places r..r+t-1 occupies n+1-(r+t-1)..n+1-r reversed.
        assert flipped[name] == n + 2 - ties - ranks[name]


@given(authority_values, POLARITIES, PERCENT)
def test_k_of_n_never_exceeds_n(values: dict[str, float], polarity: Polarity,
                                value: float) -> None:
    position = Benchmark(indicator(polarity), Y, values).position(value)
    assert position.better_than is not None
    assert position.worse_than is not None
    assert 0 <= position.better_than <= position.n == len(values)
    assert position.better_than + position.worse_than + position.equal_to == position.n


@given(authority_values, POLARITIES, st.data())
def test_adding_a_worse_authority_never_lowers_an_authoritys_standing(
    values: dict[str, float], polarity: Polarity, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(values)))
    value = values[name]
    worse = data.draw(PERCENT.filter(lambda v: polarity.better(value, v)))
    before = Benchmark(indicator(polarity), Y, values)
    after = Benchmark(indicator(polarity), Y, {**values, "newcomer": worse})
    k_before = before.position(value, excluding=name).better_than
    k_after = after.position(value, excluding=name).better_than
    assert k_before is not None
    assert k_after == k_before + 1
    band_before, band_after = before.band_of(name), after.band_of(name)
    assert band_before is not None
    assert band_after is not None
    assert ORDER[band_after] <= ORDER[band_before]
    assert after.rank_of(name) == before.rank_of(name)


@given(authority_values, POLARITIES)
def test_a_better_value_never_has_a_worse_band_or_rank(
    values: dict[str, float], polarity: Polarity
) -> None:
    benchmark = Benchmark(indicator(polarity), Y, values)
    ranks = benchmark.ranks()
    for a, va in values.items():
        for b, vb in values.items():
            if polarity.better(va, vb):
                assert ranks[a] < ranks[b]
                band_a, band_b = benchmark.band_of(a), benchmark.band_of(b)
                assert band_a is not None
                assert band_b is not None
                assert ORDER[band_a] <= ORDER[band_b]


@given(st.lists(PERCENT, min_size=1, max_size=40))
def test_quartile_cuts_are_ordered_and_within_the_values(values: list[float]) -> None:
    cuts = quartiles(values)
    assert min(values) == cuts.minimum <= cuts.q25 <= cuts.median <= cuts.q75
    assert cuts.q75 <= cuts.maximum == max(values)


@given(st.lists(PERCENT, min_size=8, max_size=40, unique=True), POLARITIES)
def test_each_band_holds_about_a_quarter_of_distinct_values(
    values: list[float], polarity: Polarity
) -> None:
    benchmark = Benchmark(indicator(polarity), Y, {f"LA{i}": v for i, v in enumerate(values)})
    counts = dict.fromkeys(Band, 0)
    for name in benchmark.values:
        band = benchmark.band_of(name)
        assert band is not None
        counts[band] += 1
    for count in counts.values():
        assert abs(count - len(values) / 4) <= 1.5


def england(value: float | str) -> Comparator:
    return Comparator("England", ComparatorKind.ENGLAND, {("ind", Y): value})


@given(PERCENT, PERCENT, POLARITIES, st.integers(0, 50).map(lambda t: t / 10))
def test_flipping_polarity_swaps_better_and_worse(
    value: float, other: float, polarity: Polarity, tolerance: float
) -> None:
    swap = {Verdict.BETTER: Verdict.WORSE, Verdict.WORSE: Verdict.BETTER,
            Verdict.IN_LINE: Verdict.IN_LINE}
    one = compare(indicator(polarity), value, england(other), Y, tolerance=tolerance)
    two = compare(indicator(polarity.flipped()), value, england(other), Y, tolerance=tolerance)
    assert two.verdict is swap[one.verdict]
    assert (one.verdict is Verdict.IN_LINE) == (abs(value - other) <= tolerance + 1e-9)


@given(PERCENT, PERCENT, POLARITIES)
def test_a_gap_exactly_at_the_tolerance_is_in_line(
    value: float, other: float, polarity: Polarity
) -> None:
    gap = round(abs(value - other), 1)
    result = compare(indicator(polarity), value, england(other), Y, tolerance=gap)
    assert result.verdict is Verdict.IN_LINE


@given(PERCENT, PERCENT, st.integers(0, 50), st.integers(0, 50))
def test_a_wider_tolerance_never_breaks_in_line(
    value: float, other: float, narrow: int, extra: int
) -> None:
    lo = compare(indicator(Polarity.HIGHER_IS_BETTER), value, england(other), Y,
                 tolerance=narrow / 10)
    hi = compare(indicator(Polarity.HIGHER_IS_BETTER), value, england(other), Y,
                 tolerance=(narrow + extra) / 10)
    if lo.verdict is Verdict.IN_LINE:
        assert hi.verdict is Verdict.IN_LINE


@given(PERCENT, st.sampled_from(sorted(OFFICIAL_SYMBOLS)), POLARITIES)
def test_a_symbol_is_never_compared_as_a_number(
    value: float, symbol: str, polarity: Polarity
) -> None:
    result = compare(indicator(polarity), value, england(symbol), Y)
    assert result.verdict is Verdict.NOT_COMPARED
    assert result.gap is None
    finding = result.finding()
    assert finding.status is Status.INSUFFICIENT_DATA
    assert f"({symbol}:" in finding.explanation


@given(authority_values, st.sampled_from(sorted(OFFICIAL_SYMBOLS)), POLARITIES)
def test_a_withheld_authority_changes_no_one_elses_rank_or_band(
    values: dict[str, float], symbol: str, polarity: Polarity
) -> None:
    assume("withheld" not in values)
    plain = Benchmark(indicator(polarity), Y, values)
    with_symbol = Benchmark(indicator(polarity), Y, {**values, "withheld": symbol})
    assert with_symbol.ranks() == plain.ranks()
    assert with_symbol.quartiles() == plain.quartiles()


@given(authority_values, POLARITIES, PERCENT)
def test_rank_is_one_more_than_those_strictly_better(
    values: dict[str, float], polarity: Polarity, value: float
) -> None:
    benchmark = Benchmark(indicator(polarity), Y, values)
    better = sum(polarity.better(other, value) for other in values.values())
    assert benchmark.rank(value) == 1 + better
    for name, own in values.items():
        assert benchmark.rank_of(name) == 1 + sum(
            polarity.better(other, own) for other in values.values())
