"""The DfE's other periods: academic years, years ending in another month, spans."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import PeriodError
from corpparent.periods import (
    ACCEPTED_PERIOD_FORMS,
    AcademicYear,
    CalendarYear,
    FinancialYear,
    MunicipalYear,
    Period,
    YearEnding,
    YearSpan,
    parse_period,
    year_ending,
)

years = st.integers(min_value=1910, max_value=2190)


@pytest.mark.parametrize(
    ("text", "expected", "start", "end"),
    [
        # The DfE's school statistics: "2019/20" is September 2019 to August 2020.
        ("AY 2019/20", AcademicYear(2019), date(2019, 9, 1), date(2020, 8, 31)),
        ("academic year 2019-20", AcademicYear(2019), date(2019, 9, 1), date(2020, 8, 31)),
        # LAIT's "Annual (end of Sept)": twelve months to 30 September.
        ("year ending September 2016", YearEnding(2016, 9), date(2015, 10, 1),
         date(2016, 9, 30)),
        ("YE Jan 2020", YearEnding(2020, 1), date(2019, 2, 1), date(2020, 1, 31)),
        # LAIT's three-year financial span "2013/14-15/16".
        ("2013/14-15/16", YearSpan(FinancialYear(2013), FinancialYear(2015)),
         date(2013, 4, 1), date(2016, 3, 31)),
        ("2013-14 to 2015-16", YearSpan(FinancialYear(2013), FinancialYear(2015)),
         date(2013, 4, 1), date(2016, 3, 31)),
        # LAIT's three-year calendar span "2014-16".
        ("CY 2014-16", YearSpan(CalendarYear(2014), CalendarYear(2016)),
         date(2014, 1, 1), date(2016, 12, 31)),
    ],
)
def test_parse_published_forms(text: str, expected: Period, start: date, end: date) -> None:
    found = parse_period(text)
    assert found == expected
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    ("month", "expected"),
    [(3, FinancialYear(2015)), (4, MunicipalYear(2015)), (8, AcademicYear(2015)),
     (12, CalendarYear(2016)), (9, YearEnding(2016, 9))],
)
def test_year_ending_names_the_kind(month: int, expected: Period) -> None:
    assert year_ending(2016, month) == expected


@given(years, st.integers(min_value=1, max_value=12))
def test_a_year_ending_is_twelve_months(year: int, month: int) -> None:
    period = year_ending(year, month)
    assert len(period.months()) == 12
    assert period.end.month == month
    assert period.end.year == year
    assert (period.end + timedelta(days=1)).day == 1
    assert period.previous().end.year == year - 1
    assert parse_period(str(period)) == period


@given(st.sampled_from([FinancialYear, CalendarYear, AcademicYear]), years,
       st.integers(min_value=1, max_value=5))
def test_spans_order_previous_and_round_trip(kind: type[FinancialYear], first: int,
                                              length: int) -> None:
    span = YearSpan(kind(first), kind(first + length))
    assert span.years == length + 1
    assert parse_period(str(span)) == span
    assert span.previous() == YearSpan(kind(first - 1), kind(first + length - 1))
    assert span.same_period_last_year() == span.previous()
    assert span.previous() < span
    # A span sorts after the last year it covers (the same end, a longer period).
    assert kind(first + length) < span


@given(years)
def test_academic_year_orders_between_the_years_around_it(year: int) -> None:
    academic = AcademicYear(year)
    assert FinancialYear(year) < academic < FinancialYear(year + 1)
    assert academic.previous() == AcademicYear(year - 1)
    assert academic.same_period_last_year() == AcademicYear(year - 1)
    assert parse_period(str(academic)) == academic


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2015/16-15/16", "runs forward"), ("CY 2016-2014", "runs forward"),
     ("2015-16 to CY 2017", "one kind"), ("year ending Smarch 2016", "matches none"),
     ("2015/17", "consecutive")],
)
def test_bad_spans_say_why_and_list_the_forms(text: str, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason) as caught:
        parse_period(text)
    assert all(form in str(caught.value) for form in ACCEPTED_PERIOD_FORMS)


KINDS = st.sampled_from(["Financial Year", "Annual", "Academic Year", "Calendar Year",
                         "Annual (end of Sept)", "Annual - January"])
NOTES = st.sampled_from(["", " (OT)", " (Rev)", " (Final)", " (prov)"])


@given(years, KINDS, NOTES)
def test_a_bare_lait_year_is_the_year_ending_in_it(year: int, kind: str, note: str) -> None:
    from corpparent.dfe.lait_periods import LAIT_YEAR_TYPES, lait_period

    period = lait_period(f"{year}{note}", kind)
    assert period is not None
    assert (period.end.year, period.end.month) == (year, LAIT_YEAR_TYPES[kind.lower()])
    assert len(period.months()) == 12
    # "2015-16" and "2015/16" name the same year as "2016" for year types that span two.
    if LAIT_YEAR_TYPES[kind.lower()] != 12:
        text = f"{year - 1}-{year % 100:02d}"
        assert lait_period(text, kind) == period
        assert lait_period(text.replace("-", "/"), kind) == period


NEAR = st.integers(min_value=2012, max_value=2016)  # close years, so ends often coincide


@given(st.lists(st.one_of(
    st.builds(FinancialYear, NEAR), st.builds(AcademicYear, NEAR),
    st.builds(CalendarYear, NEAR), st.builds(YearEnding, NEAR, st.integers(1, 12)),
    st.builds(lambda y, n: YearSpan(FinancialYear(y), FinancialYear(y + n)), NEAR,
              st.integers(1, 4))), min_size=2, max_size=8))
def test_periods_of_every_kind_sort_by_end_then_length(periods: list[Period]) -> None:
    ordered = sorted(periods)
    for earlier, later in itertools.pairwise(ordered):
        # By end date; at the same end, the shorter period first.
        assert (earlier.end, earlier.days) <= (later.end, later.days)
