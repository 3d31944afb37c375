"""A value shown beside a bound it was judged against never reads as on the wrong side.

A workbook's 0.3705 is read as 37.05%, above a range of 34%-37%, and its 0.4195 as
41.95%, below one of 42%-48%; rounded to one decimal place the first shows as 37% (the
nearest double to 37.05 is just under it, so it rounds down) and the second as 42% (the
nearest to 41.95 is just over), each "outside" a range it reads as inside. Both need
two places to be seen where they are.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

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
    Scorecard,
    Target,
)
from corpparent.indicator_rules import ExpectedRangeRule, Observation, TargetRule, TravelRule
from corpparent.indicators.definitions import places_apart
from corpparent.ranges import TargetDirection
from corpparent.report import make_provenance, scorecard_report
from corpparent.report.formatting import judged_places, show_range, show_target

Q2 = FinancialQuarter(2023, 2)
FY23 = FinancialYear(2023)
MILES = Indicator("placed_over_20_miles", "Children placed more than 20 miles from home",
                  Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
FOSTERING = Indicator("in_house_fostering", "In local authority foster care",
                      Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
CHILDREN = Indicator("children_in_care", "Number of children in care", Kind.SNAPSHOT,
                     Polarity.NEUTRAL)

finite = st.floats(allow_nan=False, allow_infinity=False)
units = st.sampled_from([MILES, CHILDREN])


def _number(text: str) -> Decimal:
    """The figure a reader sees in ``7%``, ``1,234.5 children`` or ``-0.5``."""
    return Decimal(text.removesuffix("%").split(" ")[0].replace(",", ""))


def _range_numbers(text: str) -> tuple[Decimal, Decimal]:
    low, high = text.split("–")
    return _number(low), _number(high)


def _observation(indicator: Indicator, value: float) -> Observation:
    return Observation(indicator, Q2, value, value, value)


def test_the_workbooks_values_are_shown_beyond_their_ranges() -> None:
    above = ExpectedRangeRule(ExpectedRange("placed_over_20_miles", 34, 37, FY23)).evaluate(
        _observation(MILES, 37.05))
    below = ExpectedRangeRule(ExpectedRange("in_house_fostering", 42, 48, FY23)).evaluate(
        _observation(FOSTERING, 41.95))
    assert above.explanation.startswith(
        "Children placed more than 20 miles from home: 37.05% in 2023-24 Q2 is above the "
        "expected range of 34%–37% set for 2023-24")
    assert below.explanation.startswith(
        "In local authority foster care: 41.95% in 2023-24 Q2 is below the expected range "
        "of 42%–48% set for 2023-24")


def test_a_value_within_its_range_keeps_one_place() -> None:
    # 36.99 is within 34-37: shown as 37%, at the bound, it still reads as within.
    within = ExpectedRangeRule(ExpectedRange("placed_over_20_miles", 34, 37, FY23)).evaluate(
        _observation(MILES, 36.99))
    assert "37% in 2023-24 Q2 is within the expected range of 34%–37%" in within.explanation


def test_a_target_missed_by_a_rounding_is_shown_short_of_it() -> None:
    # 93.96% falls short of "at least 94%"; one place would show 94%, as if met.
    missed = TargetRule(Target("health", 94, TargetDirection.AT_LEAST, FY23)).evaluate(
        _observation(MILES, 93.96))
    assert "93.96% in 2023-24 Q2 falls short of the target of at least 94%." in (
        missed.explanation)
    over = TargetRule(Target("health", 10, TargetDirection.AT_MOST, FY23)).evaluate(
        _observation(MILES, 10.04))
    assert "10.04% in 2023-24 Q2 falls short of the target of at most 10%." in over.explanation


@given(units, finite, finite, finite)
def test_the_shown_value_is_outside_the_shown_range_exactly_when_it_is(
        indicator: Indicator, value: float, one: float, other: float) -> None:
    lower, upper = sorted((one, other))
    places = places_apart(value, lower=(lower,), upper=(upper,))
    shown = _number(indicator.format(value, places))
    low, high = _range_numbers(indicator.format_range(lower, upper, places))
    assert (shown < low or shown > high) == (value < lower or value > upper)
    assert (shown < low) == (value < lower)
    assert (shown > high) == (value > upper)


@given(units, finite, finite, st.sampled_from(list(TargetDirection)))
def test_the_shown_value_meets_the_shown_target_exactly_when_it_does(
        indicator: Indicator, value: float, bound: float, direction: TargetDirection) -> None:
    target = Target(indicator.id, bound, direction, FY23)
    finding = TargetRule(target).evaluate(_observation(indicator, value))
    head, _, tail = finding.explanation.partition(" in 2023-24 Q2 ")
    shown = _number(head.removeprefix(f"{indicator.name}: "))
    shown_target = _number(tail.rsplit(f"{direction} ", 1)[1].removesuffix("."))
    met = shown >= shown_target if direction is TargetDirection.AT_LEAST else (
        shown <= shown_target)
    assert met == target.is_met(value)


@given(finite.filter(lambda v: abs(v) < 1e6), finite.filter(lambda v: abs(v) < 1e6),
       finite.filter(lambda v: abs(v) < 1e6), finite.filter(lambda v: abs(v) < 1e6))
def test_the_scorecard_row_shows_the_value_beyond_every_bound_it_is_beyond(
        value: float, one: float, other: float, ambition: float) -> None:
    """The row's value, range and target are shown to the same places, enough for each
    bound the value is beyond (the HTML card shows the same three texts)."""
    lower, upper = sorted((one, other))
    indicators = IndicatorSet(
        [FOSTERING], ranges=[ExpectedRange(FOSTERING.id, lower, upper, FY23)],
        targets=[Target(FOSTERING.id, ambition, TargetDirection.AT_LEAST, FY23,
                        ambition=True)])
    result = Scorecard(indicators).assess(Readings([Reading(FOSTERING.id, Q2, value)]), Q2)
    item = scorecard_report(result, make_provenance()).indicators[0]
    shown = _number(item.value_text)
    low, high = _range_numbers(show_range(item))
    reaches = _number(show_target(item, item.targets[0]).rsplit(" ", 1)[1])
    assert (shown < low) == (value < lower)
    assert (shown > high) == (value > upper)
    assert (shown >= reaches) == (value >= ambition)
    assert judged_places(item) == places_apart(value, lower=(lower, ambition), upper=(upper,))


def test_the_scorecard_row_of_the_workbooks_value() -> None:
    indicators = IndicatorSet([MILES], ranges=[ExpectedRange(MILES.id, 34, 37, FY23)])
    result = Scorecard(indicators).assess(
        Readings([Reading(MILES.id, Q2, 37.05)]), Q2)
    item = scorecard_report(result, make_provenance()).indicators[0]
    assert (item.value_text, show_range(item)) == ("37.05%", "34%–37%")



def _travel(indicator: Indicator, value: float, earlier: float) -> str:
    """The explanation of the direction of travel from ``earlier`` to ``value``."""
    return TravelRule().evaluate(Observation(indicator, Q2, value, earlier, earlier)).explanation


@given(units, finite, finite)
def test_a_direction_of_travel_shows_a_change_as_a_change(
        indicator: Indicator, value: float, earlier: float) -> None:
    """"worsened from 8.6% to 8.6%" (8.58% to 8.62%) says nothing moved: where the
    direction is a change, the two figures shown differ, each on its own side."""
    shown = _travel(indicator, value, earlier).split(": ", 1)[1]
    if shown.startswith("no change"):
        return
    before, after = (_number(part.rsplit(" in ", 1)[0])
                     for part in shown.split(" from ", 1)[1].split(" to ", 1))
    assert (before < after) == (earlier < value)


def test_placement_moves_worsened_from_one_figure_to_another() -> None:
    assert "worsened from 8.58% in 2023-24 Q1 to 8.62% in 2023-24 Q2" in _travel(
        MILES, 8.62, 8.58)
    assert "from 8% in 2023-24 Q1 to 9% in 2023-24 Q2" in _travel(MILES, 9.0, 8.0)
