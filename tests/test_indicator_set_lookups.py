"""An indicator set finds each indicator's range and targets among its own: the same
range, targets and refusals as looking through every one set."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from corpparent import (
    DefinitionError,
    ExpectedRange,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Target,
)
from corpparent.periods import FinancialQuarter, Month, Period
from corpparent.ranges import TargetDirection

IDS = ("cla", "moves", "missing")
PERIODS: tuple[Period, ...] = (
    FinancialYear(2021), FinancialYear(2022), FinancialYear(2023),
    FinancialQuarter(2022, 1), FinancialQuarter(2022, 2), FinancialQuarter(2023, 4),
    Month(2022, 4), Month(2022, 5), Month(2023, 1), Month(2024, 3),
)
INDICATORS = [Indicator(name, name.title(), Kind.COUNT, Polarity.LOWER_IS_BETTER)
              for name in IDS]

ranges = st.lists(st.builds(lambda name, lower, period: ExpectedRange(
    name, lower, lower + 10, period), st.sampled_from(IDS), st.integers(0, 50),
    st.sampled_from(PERIODS)), max_size=8)
targets = st.lists(st.builds(lambda name, value, period: Target(
    name, value, TargetDirection.AT_MOST, period), st.sampled_from(IDS),
    st.integers(0, 50), st.sampled_from(PERIODS)), max_size=8)


def _first_overlap(items: list[ExpectedRange]) -> str | None:
    for i, first in enumerate(items):
        for second in items[i + 1:]:
            if first.indicator == second.indicator and first.period.overlaps(second.period):
                return f"{first.period} and {second.period}"
    return None


@settings(max_examples=200, deadline=None)
@given(ranges, targets)
def test_lookups_are_those_of_every_range_and_target(
        set_ranges: list[ExpectedRange], set_targets: list[Target]) -> None:
    clash = _first_overlap(set_ranges)
    if clash is not None:
        with pytest.raises(DefinitionError, match=re.escape(f"overlap: {clash}") + "$"):
            IndicatorSet(INDICATORS, ranges=set_ranges, targets=set_targets)
        return
    found = IndicatorSet(INDICATORS, ranges=set_ranges, targets=set_targets)
    for name in IDS:
        for period in PERIODS:
            assert found.range_for(name, period) == next(
                (r for r in set_ranges if r.indicator == name and r.applies_to(period)), None)
            assert found.targets_for(name, period) == tuple(
                t for t in set_targets if t.indicator == name and t.applies_to(period))
