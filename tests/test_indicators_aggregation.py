"""Aggregation from months to quarters to years, as each kind requires (002 §19-21)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, strategies as st

from corpparent import (
    FinancialQuarter,
    FinancialYear,
    Indicator,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
)
from corpparent.indicators import Unavailable, value_for
from corpparent.periods import Period
from corpparent.testing.strategies import periods

Q4 = FinancialQuarter(2022, 4)
STARTS = Indicator("starts", "Children starting care", Kind.COUNT, Polarity.NEUTRAL)
CLA = Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL)
PCT = Indicator("pct", "Health assessment on time", Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
RATE = Indicator("rate", "Starts per 10,000", Kind.RATE, Polarity.NEUTRAL)

counts = st.lists(st.integers(min_value=0, max_value=500), min_size=3, max_size=3)


def monthly(indicator: Indicator, values: list[float], **extra: list[float]) -> Readings:
    return Readings(
        Reading(
            indicator.id,
            month,
            value,
            **{name: series[i] for name, series in extra.items()},
        )
        for i, (month, value) in enumerate(zip(Q4.months(), values, strict=True))
    )


@given(counts)
def test_a_count_is_the_sum_of_its_months(values: list[int]) -> None:
    """002 §21: "the totals for each month are added up to give an overall figure"."""
    assert value_for(STARTS, monthly(STARTS, list(map(float, values))), Q4) == sum(values)


@given(counts)
def test_a_snapshot_is_the_last_month(values: list[int]) -> None:
    """002 §19: the number in care at the end of Q4 is the figure for March."""
    assert value_for(CLA, monthly(CLA, list(map(float, values))), Q4) == values[-1]


@given(
    st.lists(st.tuples(st.integers(0, 100), st.integers(1, 100)), min_size=3, max_size=3)
)
def test_a_percentage_is_re_divided_never_averaged(pairs: list[tuple[int, int]]) -> None:
    numerators = [float(min(n, d)) for n, d in pairs]
    denominators = [float(d) for _, d in pairs]
    values = [100 * n / d for n, d in zip(numerators, denominators, strict=True)]
    readings = monthly(PCT, values, numerator=numerators, denominator=denominators)
    assert value_for(PCT, readings, Q4) == pytest.approx(
        100 * sum(numerators) / sum(denominators)
    )


def test_averaging_percentages_would_be_wrong() -> None:
    """1 of 1, 0 of 1 and 1 of 98: the quarter is 2 of 100 = 2%, not their mean of 34%."""
    readings = monthly(PCT, [100, 0, 100 / 98], numerator=[1, 0, 1], denominator=[1, 1, 98])
    assert value_for(PCT, readings, Q4) == pytest.approx(2.0)


def test_a_rate_sums_events_over_the_last_population() -> None:
    readings = monthly(RATE, [1, 2, 3], numerator=[10, 20, 30], population=[1e5, 1e5, 1.2e5])
    assert value_for(RATE, readings, Q4) == pytest.approx(60 / 1.2e5 * 1e4)


def test_quarters_aggregate_to_a_year_before_months() -> None:
    year = FinancialYear(2022)
    quarters = [Reading("starts", q, v) for q, v in zip(year.quarters(), [1, 2, 3, 4], strict=True)]
    a_month = [Reading("starts", Month(2022, 4), 100.0)]
    assert value_for(STARTS, Readings([*quarters, *a_month]), year) == 10


def test_a_missing_month_is_insufficient_data_naming_what_is_missing() -> None:
    readings = Readings(
        [Reading("starts", Month(2023, 1), 5), Reading("starts", Month(2023, 3), 5)]
    )
    result = value_for(STARTS, readings, Q4)
    assert isinstance(result, Unavailable)
    assert "no reading for 2022-23 Q4" in result.reason


def test_a_withheld_month_is_insufficient_data_not_zero() -> None:
    readings = Readings([
        Reading("starts", Month(2023, 1), 5),
        Reading("starts", Month(2023, 2), None, symbol="c"),
        Reading("starts", Month(2023, 3), 5),
    ])
    result = value_for(STARTS, readings, Q4)
    assert isinstance(result, Unavailable)
    assert "2023-02" in result.reason


def test_a_percentage_without_numerators_cannot_be_aggregated() -> None:
    result = value_for(PCT, monthly(PCT, [10, 20, 30]), Q4)
    assert isinstance(result, Unavailable)
    assert "no numerator" in result.reason


def test_an_exact_reading_wins_over_its_months() -> None:
    readings = Readings([*monthly(CLA, [1, 2, 3]), Reading("cla", Q4, 461)])
    assert value_for(CLA, readings, Q4) == 461


@given(st.lists(periods, max_size=30, unique=True), periods)
def test_within_finds_exactly_the_contained_periods(found: list[Period], span: Period) -> None:
    readings = Readings(Reading("x", p, 1.0) for p in found)
    expected = sorted(p for p in found if span.contains(p))
    assert [r.period for r in readings.within("x", span)] == expected


YEAR = FinancialYear(2022)


def test_a_snapshot_of_a_year_is_its_fourth_quarter_though_not_every_quarter_is_read() -> None:
    """002 §19: a snapshot looks at a point in time; the number in care at the end of
    2022-23 is the number at the end of its Q4, whether or not Q1 and Q3 were read."""
    readings = Readings([Reading("cla", FinancialQuarter(2022, 2), 440.0),
                         Reading("cla", FinancialQuarter(2022, 4), 461.0)])
    assert value_for(CLA, readings, YEAR) == 461


def test_a_snapshot_takes_the_longest_reading_ending_on_the_last_day() -> None:
    """The fourth quarter's and March's both end on 31 March: the quarter, the coarser
    (as a tiling takes the fewest pieces), where neither kind tiles the year."""
    readings = Readings([Reading("cla", Month(2023, 3), 459.0),
                         Reading("cla", FinancialQuarter(2022, 4), 461.0),
                         Reading("cla", Month(2022, 5), 430.0)])
    assert value_for(CLA, readings, YEAR) == 461


def test_a_snapshot_with_nothing_at_the_periods_end_is_insufficient_data() -> None:
    readings = Readings([Reading("cla", FinancialQuarter(2022, q), 450.0) for q in (1, 2, 3)])
    result = value_for(CLA, readings, YEAR)
    assert isinstance(result, Unavailable)
    assert result.reason == "no reading for 2022-23"


def test_a_count_still_needs_every_piece() -> None:
    """A count is summed: its fourth quarter alone is not the year's."""
    readings = Readings([Reading("starts", FinancialQuarter(2022, q), 5.0) for q in (2, 4)])
    assert isinstance(value_for(STARTS, readings, YEAR), Unavailable)


@example(read={*YEAR.months(), FinancialQuarter(2022, 4)}, seed=3)
@given(st.sets(st.one_of(st.builds(FinancialQuarter, st.just(2022), st.integers(1, 4)),
                         st.sampled_from(YEAR.months()))),
       st.integers(0, 500))
def test_a_snapshot_is_the_value_at_the_periods_end(read: set[Period], seed: int) -> None:
    """Any quarters and months of a year: the year's snapshot is the value of the last
    piece of a tiling (all four quarters, else all twelve months), else of the longest
    reading ending on 31 March, else there is none."""
    values = {p: float((seed + 7 * i) % 500) for i, p in enumerate(sorted(read))}
    readings = Readings(Reading("cla", p, v) for p, v in values.items())
    quarters = [p for p in read if isinstance(p, FinancialQuarter)]
    ending = sorted((p for p in read if p.end == YEAR.end), key=lambda p: p.start)
    if len(quarters) == 4:
        expected: float | None = values[FinancialQuarter(2022, 4)]
    elif len(read) - len(quarters) == 12:
        expected = values[Month(2023, 3)]
    elif ending:
        expected = values[ending[0]]
    else:
        expected = None
    result = value_for(CLA, readings, YEAR)
    assert (None if isinstance(result, Unavailable) else result) == expected
