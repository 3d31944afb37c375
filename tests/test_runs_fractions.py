"""A percentage kept as a fraction of one (0.119 for 11.9%) is named in the run's
warnings, so the panel's paper says it rather than judge 0.1% "better than expected";
a percentage written as one, or a genuinely small one, is not."""

from __future__ import annotations

from attrs import evolve
from hypothesis import given, settings, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
)
from corpparent.files import read_readings
from corpparent.plugins import load_profile
from corpparent.runs import assess_scorecard
from reports_support import READINGS

Q4_2022 = FinancialQuarter(2022, 4)


def _warnings(readings: Readings, indicators: IndicatorSet | None = None,
              period: FinancialQuarter = Q4_2022) -> list[str]:
    run = assess_scorecard(readings, [period], profile=None if indicators else
                           load_profile("wiltshire"), indicators=indicators)
    return [w.text for w in run.all_warnings]


def _as_fractions(readings: Readings, names: set[str]) -> Readings:
    return Readings([evolve(r, value=r.value / 100) if r.indicator in names
                     and r.value is not None else r for r in readings])


def test_the_wiltshire_readings_as_fractions_are_named_and_as_written_are_not() -> None:
    """The example readings (the Wiltshire annual report's figures) give no such
    warning; the same file with its percentages divided by 100, as a CSV of fractions
    holds them, names each percentage indicator with a range or target, with its
    bounds, and the run counts as incomplete (``--strict`` exits 3)."""
    readings = read_readings(READINGS, load_profile("wiltshire").indicators)
    assert not [w for w in _warnings(readings) if "between 0 and 1" in w]
    percentages = {"placed_over_20_miles", "long_term_stability", "in_house_fostering"}
    run = assess_scorecard(_as_fractions(readings, percentages), [Q4_2022],
                           profile=load_profile("wiltshire"))
    (warning,) = [w for w in run.all_warnings if "between 0 and 1" in w.text]
    assert warning.incomplete
    for name in percentages:
        assert name in warning.text
    assert "placed_over_20_miles (0.4% at most, against range 34%–37%)" in warning.text


def _one(lower: float, upper: float, values: list[float]) -> tuple[IndicatorSet, Readings]:
    year = FinancialYear(2022)
    indicators = IndicatorSet(
        [Indicator("pct", "A percentage", Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)],
        ranges=[ExpectedRange("pct", lower, upper, year)])
    quarters = [FinancialQuarter(2022, q) for q in (1, 2, 3, 4)][-len(values):]
    return indicators, Readings([Reading("pct", q, v) for q, v in zip(quarters, values,
                                                                        strict=True)])


ranges = st.tuples(st.floats(1, 99), st.floats(1, 99)).map(sorted)


@settings(max_examples=80, deadline=None)
@given(ranges, st.lists(st.floats(0, 1), min_size=1, max_size=4))
def test_percentages_inside_their_range_are_never_named(
        bounds: list[float], where: list[float]) -> None:
    """Values inside their range of at least 1%, written as percentages: no warning."""
    lower, upper = bounds
    values = [lower + w * (upper - lower) for w in where]
    indicators, readings = _one(lower, upper, values)
    assert not [w for w in _warnings(readings, indicators) if "between 0 and 1" in w]


@settings(max_examples=80, deadline=None)
@given(ranges.filter(lambda b: b[0] > b[1] / 5), st.lists(st.floats(0, 1), min_size=1,
                                                         max_size=4))
def test_the_same_values_as_fractions_are_always_named(
        bounds: list[float], where: list[float]) -> None:
    """The same values divided by 100, against a range whose lower bound is more than a
    fifth of its upper (so every fraction is under a twentieth of it): named."""
    lower, upper = bounds
    values = [(lower + w * (upper - lower)) / 100 for w in where]
    indicators, readings = _one(lower, upper, values)
    assert [w for w in _warnings(readings, indicators) if "pct (" in w]


def test_a_small_percentage_against_a_range_from_nought_is_not_named() -> None:
    """0.4% against 0% to 5% is a small percentage, not a fraction: 0.4 is more than a
    twentieth of 5."""
    indicators, readings = _one(0, 5, [0.4, 0.3])
    assert not [w for w in _warnings(readings, indicators) if "between 0 and 1" in w]
