"""Expected ranges, targets and direction of travel."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, strategies as st

from corpparent import (
    DefinitionError,
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    Kind,
    Polarity,
    Target,
)
from corpparent.ranges import (
    Performance,
    Position,
    TargetDirection,
    Travel,
    direction_of_travel,
    performance,
)
from corpparent.testing.strategies import expected_ranges, finite_values, polarities

FY = FinancialYear(2022)


@given(expected_ranges())
def test_bounds_are_inclusive(expected: ExpectedRange) -> None:
    assert expected.position(expected.lower) is Position.WITHIN
    assert expected.position(expected.upper) is Position.WITHIN


@given(expected_ranges(), finite_values)
def test_position_agrees_with_the_bounds(expected: ExpectedRange, value: float) -> None:
    position = expected.position(value)
    assert (position is Position.BELOW) == (value < expected.lower)
    assert (position is Position.ABOVE) == (value > expected.upper)


@given(polarities, st.sampled_from(Position))
def test_flipping_polarity_swaps_better_and_worse(polarity: Polarity, position: Position) -> None:
    swap = {Performance.BETTER: Performance.WORSE, Performance.WORSE: Performance.BETTER}
    judged = performance(polarity, position)
    assert performance(polarity.flipped(), position) is swap.get(judged, judged)


def test_the_performance_table() -> None:
    """design §3: the table of polarity and position."""
    higher, lower, neutral = Polarity
    assert [performance(higher, p) for p in Position] == [
        Performance.WORSE, Performance.AS_EXPECTED, Performance.BETTER]
    assert [performance(lower, p) for p in Position] == [
        Performance.BETTER, Performance.AS_EXPECTED, Performance.WORSE]
    assert [performance(neutral, p) for p in Position] == [
        Performance.OUTSIDE, Performance.AS_EXPECTED, Performance.OUTSIDE]


def test_in_line_with_the_lower_range_is_within() -> None:
    """002 §30: "7%, below our upper range of 9.1% and in line with our lower range of 7%"."""
    assert ExpectedRange("moves", 7, 9.1, FY).position(7) is Position.WITHIN


def test_lower_above_upper_is_refused_with_both_numbers() -> None:
    with pytest.raises(DefinitionError, match=r"'lower' must be <= 'upper': 9.1 > 7"):
        ExpectedRange("moves", 9.1, 7, FY)


def test_bounds_must_be_finite() -> None:
    with pytest.raises(DefinitionError, match="finite"):
        ExpectedRange("moves", float("nan"), 7, FY)


@given(
    st.floats(0, 100, allow_nan=False),
    st.floats(0, 100, allow_nan=False),
    st.floats(0, 100, allow_nan=False),
)
def test_position_is_invariant_under_unit_conversion(a: float, b: float, value: float) -> None:
    """7% and 0.07 are one value: a range and a value converted alike keep their position."""
    lower, upper = sorted((a, b))
    percent = Indicator("p", "P", Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
    fraction = Indicator("p", "P", Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER, unit="fraction")
    in_percent = ExpectedRange("p", lower, upper, FY)
    in_fraction = ExpectedRange(
        "p", fraction.magnitude(lower, "%"), fraction.magnitude(upper, "%"), FY
    )
    assume(all(abs(value - bound) > 1e-6 for bound in (lower, upper)))
    assert in_percent.position(percent.magnitude(value)) is in_fraction.position(
        fraction.magnitude(value, "%")
    )


@given(st.floats(0, 1e4, allow_nan=False), st.floats(0, 1e4, allow_nan=False),
       st.floats(0, 1e4, allow_nan=False))
def test_rate_bases_give_the_same_position(a: float, b: float, value: float) -> None:
    lower, upper = sorted((a, b))
    per_10k = Indicator("r", "R", Kind.RATE, Polarity.LOWER_IS_BETTER)
    per_100k = Indicator("r", "R", Kind.RATE, Polarity.LOWER_IS_BETTER, unit="per 100,000")
    assume(all(abs(value - bound) > 1e-6 for bound in (lower, upper)))
    small = ExpectedRange("r", lower, upper, FY).position(value)
    large = ExpectedRange(
        "r", per_100k.magnitude(lower, "per 10,000"), per_100k.magnitude(upper, "per 10,000"), FY
    ).position(per_100k.magnitude(value, per_10k.unit))
    assert small is large


def test_target_meets_at_its_value() -> None:
    """002 §88: health assessments 82% against a target of 94% fall short."""
    target = Target("health", 94, TargetDirection.AT_LEAST, FY)
    assert target.is_met(94)
    assert not target.is_met(82)
    assert Target("moves", 10, TargetDirection.AT_MOST, FY).is_met(10)


def test_target_direction_follows_polarity() -> None:
    assert TargetDirection.for_polarity(Polarity.LOWER_IS_BETTER) is TargetDirection.AT_MOST
    with pytest.raises(DefinitionError, match="neutral"):
        TargetDirection.for_polarity(Polarity.NEUTRAL)


def test_range_belongs_to_the_period_it_was_set_for() -> None:
    expected = ExpectedRange("moves", 7, 10, FY)
    assert expected.applies_to(FinancialQuarter(2022, 4))
    assert not expected.applies_to(FinancialQuarter(2023, 1))


@given(polarities, finite_values, finite_values, st.floats(0, 10, allow_nan=False))
def test_travel_within_tolerance_is_no_change(
    polarity: Polarity, current: float, earlier: float, tolerance: float
) -> None:
    travel = direction_of_travel(polarity, current, earlier, tolerance)
    assert (travel is Travel.NO_CHANGE) == (abs(current - earlier) <= tolerance)


@given(finite_values, finite_values)
def test_flipping_polarity_swaps_improved_and_worsened(current: float, earlier: float) -> None:
    swap = {Travel.IMPROVED: Travel.WORSENED, Travel.WORSENED: Travel.IMPROVED}
    for polarity in (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER):
        travel = direction_of_travel(polarity, current, earlier)
        assert direction_of_travel(polarity.flipped(), current, earlier) is swap.get(
            travel, travel
        )


def test_neutral_indicators_rise_and_fall() -> None:
    assert direction_of_travel(Polarity.NEUTRAL, 461, 445) is Travel.ROSE
    assert direction_of_travel(Polarity.NEUTRAL, 445, 461) is Travel.FELL
