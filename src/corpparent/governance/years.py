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

__all__ = ["YearKind", "add_months"]

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
