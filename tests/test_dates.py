"""Dates written as councils write them."""

from __future__ import annotations

from datetime import date

from corpparent.dates import day_text


def test_a_day_is_written_without_a_leading_zero_and_with_the_month_in_full() -> None:
    assert day_text(date(2019, 7, 15)) == "15 July 2019"
    assert day_text(date(2023, 3, 1)) == "1 March 2023"
