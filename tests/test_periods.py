"""Periods: financial-year quarters, months, financial, municipal and calendar years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from corpparent import (
    FinancialQuarter,
    FinancialYear,
    Month,
    MunicipalYear,
    PeriodError,
    parse_period,
)
from corpparent.periods import CalendarYear, Period
from corpparent.testing.strategies import periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-23 Q4", FinancialQuarter(2022, 4)),
        ("Q4 2022-23", FinancialQuarter(2022, 4)),
        ("22-23 Q2", FinancialQuarter(2022, 2)),  # as the Wiltshire report writes it
        ("2022-23", FinancialYear(2022)),
        ("2022/23", FinancialYear(2022)),
        ("FY 2019-20", FinancialYear(2019)),
        ("MY 2019-20", MunicipalYear(2019)),
        ("2023-03", Month(2023, 3)),
        ("March 2023", Month(2023, 3)),
        ("Mar 2023", Month(2023, 3)),
        ("CY 2023", CalendarYear(2023)),
        ("1999-00", FinancialYear(1999)),
        ("FY 2011-12", FinancialYear(2011)),
        ("December 2011", Month(2011, 12)),
    ],
)
def test_parse(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


def test_q4_is_january_to_march() -> None:
    q4 = FinancialQuarter(2022, 4)
    assert (q4.start, q4.end) == (date(2023, 1, 1), date(2023, 3, 31))


def test_municipal_year_runs_may_to_april() -> None:
    year = MunicipalYear(2019)
    assert (year.start, year.end) == (date(2019, 5, 1), date(2020, 4, 30))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Q4 2023", "needs its financial year"),
        ("2023", "bare year is ambiguous"),
        ("2022-24", "consecutive years"),
        ("2023-13", "consecutive years"),
        ("2022-23 Q5", "quarter must be 1-4"),
        ("Smarch 2023", "matches none"),
        ("", "empty"),
        ("2011-12", "both as a month and as a financial year"),
    ],
)
def test_malformed_text_names_the_accepted_forms(text: str, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason) as caught:
        parse_period(text)
    assert "Accepted forms" in str(caught.value)
    assert "2022-23 Q4" in str(caught.value)


@given(periods)
def test_written_form_reads_back(period: Period) -> None:
    assert parse_period(str(period)) == period


@given(periods)
def test_previous_ends_the_day_before(period: Period) -> None:
    assert period.previous().end + timedelta(days=1) == period.start
    assert type(period.previous()) is type(period)


@given(periods)
def test_same_period_last_year_is_a_year_earlier(period: Period) -> None:
    earlier = period.same_period_last_year()
    assert earlier.start == period.start.replace(year=period.start.year - 1)
    assert earlier < period


@given(periods)
def test_months_tile_the_period(period: Period) -> None:
    months = period.months()
    assert months[0].start == period.start
    assert months[-1].end == period.end
    assert sum(m.days for m in months) == period.days
    assert all(period.contains(m) for m in months)


@given(periods, periods)
def test_ordering_is_total_and_consistent(a: Period, b: Period) -> None:
    assert (a < b) + (b < a) + (a._key() == b._key()) == 1
    if a.end < b.end:
        assert a < b


@given(st.builds(FinancialYear, st.integers(1990, 2100)))
def test_year_contains_its_quarters_which_sort_inside_it(year: FinancialYear) -> None:
    quarters = year.quarters()
    assert all(year.contains(q) for q in quarters)
    assert sorted([year, *reversed(quarters)]) == [*quarters, year]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_containing(day: date) -> None:
    for kind in (Month, FinancialQuarter, FinancialYear, MunicipalYear, CalendarYear):
        assert kind.containing(day).contains(day)
