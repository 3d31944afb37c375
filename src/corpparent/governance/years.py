"""The kinds of year a panel counts over, and calendar-month arithmetic on dates.

A terms of reference counts meetings over a year without always saying which: the
financial year (April–March) that performance reports use, the municipal year (May–April)
from the annual council meeting at which Staffordshire appoints its panel ("Members are
appointed annually at the Council meeting in May", 004 §7), or the calendar year. The
kind is a plain enum so a constitution can declare it as data.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import Enum

from corpparent.periods import CalendarYear, FinancialYear, MunicipalYear

__all__ = ["YearKind", "add_months", "add_months_from"]

Year = FinancialYear | MunicipalYear | CalendarYear


class YearKind(Enum):
    """Which year a count of meetings is made over."""

    FINANCIAL = "financial"
    MUNICIPAL = "municipal"
    CALENDAR = "calendar"

    def containing(self, day: date) -> Year:
        """The year of this kind that contains ``day``."""
        if self is YearKind.FINANCIAL:
            return FinancialYear.containing(day)
        if self is YearKind.MUNICIPAL:
            return MunicipalYear.containing(day)
        return CalendarYear.containing(day)

    def overlapping(self, start: date, end: date) -> tuple[Year, ...]:
        """Every year of this kind that shares at least one day with ``start``..``end``."""
        years: list[Year] = []
        year = self.containing(start)
        while year.start <= end:
            years.append(year)
            year = self.containing(year.end + timedelta(days=1))
        return tuple(years)

    def __str__(self) -> str:
        return self.value


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the end of a shorter month.

    31 January plus one month is 28 (or 29) February. The function never decreases
    when ``day`` increases, which is what makes "adding a meeting never adds a breach"
    hold for cadence rules.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_months_from(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, counting a month's last day as its end.

    Like [`add_months`][corpparent.governance.years.add_months], except that the last day of a month
    moves to the last day of the month reached: 28 February (not a leap year) plus one month is 31
    March, 30 April plus one month is 31 May. This is how a cadence is kept by calendar month:
    meetings on 31 January, 28 February and 31 March are each a month apart. The function
    never decreases when ``day`` increases (the last day of a month maps to the last day
    of the month reached, at or after every clamped day), so "adding a meeting never adds
    a breach" still holds.
    """
    moved = add_months(day, months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return moved.replace(day=calendar.monthrange(moved.year, moved.month)[1])
    return moved
