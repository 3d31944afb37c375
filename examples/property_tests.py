"""A council tool's property tests, written with corpparent's public strategies only.

Imagine a dashboard that colours each indicator red when it is outside its expected
range or misses its target. These tests check the dashboard's rule against corpparent's
own rules on every kind of input hypothesis can find: readings within, at the boundary
of and outside a range, with missing and suppressed values; targets met and missed;
whole authority plug-ins. Run them with pytest, or as a script (as the project's tests
do), which calls each test once.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpparent import AuthorityProfile, ExpectedRange, Readings, Target
from corpparent.testing.rules import (
    expected_ranges,
    profiles,
    readings_series,
    satisfying,
    targets,
    violating,
)


def dashboard_colour(readings: Readings, expected: ExpectedRange, target: Target) -> str:
    """The tool's own rule: red when any number is outside the range or misses the
    target, grey when there is no number at all, green otherwise."""
    numbers = [r.value for r in readings if r.value is not None]
    if not numbers:
        return "grey"
    outside = any(not expected.lower <= n <= expected.upper for n in numbers)
    missed = any(not target.is_met(n) for n in numbers)
    return "red" if outside or missed else "green"


@given(expected_ranges("placements_3plus").flatmap(
    lambda r: st.tuples(st.just(r), violating(r))))
def test_a_reading_outside_the_range_is_red(case: tuple[ExpectedRange, Readings]) -> None:
    expected, readings = case
    lenient = Target(expected.indicator, -1e13, "at least", expected.period)
    assert dashboard_colour(readings, expected, lenient) == "red"


@given(expected_ranges("placements_3plus").flatmap(
    lambda r: st.tuples(st.just(r), satisfying(r))))
def test_readings_within_the_range_are_never_red_for_it(
        case: tuple[ExpectedRange, Readings]) -> None:
    expected, readings = case
    lenient = Target(expected.indicator, -1e13, "at least", expected.period)
    assert dashboard_colour(readings, expected, lenient) in ("green", "grey")


@given(targets("health_checks").flatmap(lambda t: st.tuples(st.just(t), violating(t))))
def test_a_missed_target_is_red(case: tuple[Target, Readings]) -> None:
    target, readings = case
    everything = ExpectedRange(target.indicator, -1e13, 1e13, target.period)
    assert dashboard_colour(readings, everything, target) == "red"


@given(readings_series("health_checks"))
def test_a_series_of_gaps_alone_is_grey(readings: Readings) -> None:
    everything = ExpectedRange("health_checks", -1e13, 1e13, readings.periods[0])
    lenient = Target("health_checks", -1e13, "at least", readings.periods[0])
    colour = dashboard_colour(readings, everything, lenient)
    assert (colour == "grey") == all(r.value is None for r in readings)


@given(st.from_type(AuthorityProfile))
def test_every_plugin_has_indicators_to_colour(profile: AuthorityProfile) -> None:
    assert len(profile.indicators) >= 1


@given(profiles())
def test_each_indicator_has_at_most_one_range_per_year(profile: AuthorityProfile) -> None:
    seen = [(r.indicator, r.period) for r in profile.indicators.ranges]
    assert len(seen) == len(set(seen))


if __name__ == "__main__":
    tests = [value for name, value in sorted(globals().items()) if name.startswith("test_")]
    for test in tests:
        test()
        print(f"passed: {test.__name__}")
