"""A meeting's date written out as committee systems print it ("Tuesday, 27th
September, 2022") is read as the date it names; a day no month has is still refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from corpparent.files._tabular.dates import parse_date

SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), st.booleans(), st.booleans(),
       st.booleans(), st.sampled_from([str, str.upper, str.lower]))
def test_a_date_written_out_is_the_date_it_names(day: dt.date, weekday: bool, ordinal: bool,
                                                  short: bool, case: object) -> None:
    month = day.strftime("%b" if short else "%B")
    number = f"{day.day}{SUFFIX.get(day.day, 'th') if ordinal else ''}"
    text = f"{day.strftime('%A') + ', ' if weekday else ''}{number} {month}, {day.year}"
    assert parse_date(case(text)) == day  # type: ignore[operator]


@pytest.mark.parametrize("text", ["31 February 2023", "27 Septembre 2022", "27 September",
                                  "September 27 2022", "27 September 2022 10.00 am"])
def test_what_names_no_day_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected a date such as 2019-05-20, 20/05/2019 or "
                                         "20 May 2019"):
        parse_date(text)
