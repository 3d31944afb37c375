"""Reporting cycles: the runs of whole months a recurring obligation reports on.

A quarterly report covers a financial quarter, an annual one a financial, municipal or
calendar year, and a monthly one a month; those are the periods of
[`corpparent.periods`][corpparent.periods]. A six-monthly report ("On a six monthly basis the Panel
Chairperson will prepare a report", 001 §6) covers a half year, which has no type of its
own there, so [`MonthSpan`][corpparent.obligations.cycles.MonthSpan] stands for any run of whole
months.

`cycle_containing` picks the right type, so a quarterly cycle starting in April is
a [`FinancialQuarter`][corpparent.periods.FinancialQuarter] and compares equal to one.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import ClassVar, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.periods import (
    CalendarYear,
    FinancialQuarter,
    FinancialYear,
    Month,
    MunicipalYear,
    Period,
)

__all__ = ["CYCLE_LENGTHS", "MonthSpan", "cycle_containing"]

#: The cycle lengths in months that tile a year, so every year has the same cycles.
CYCLE_LENGTHS = (1, 2, 3, 4, 6, 12)


def _check_months(_instance: object, _attribute: object, value: int) -> None:
    if value not in CYCLE_LENGTHS:
        raise DefinitionError(
            f"a cycle is 1, 2, 3, 4, 6 or 12 months long (so that it tiles a year), not {value}"
        )


@final
@frozen(eq=True, order=False)
class MonthSpan(Period):
    """``length`` whole months from the first day of ``first``, written
    ``2022-04 to 2022-09``."""

    first: Month
    length: int = field(validator=_check_months)
    _rank: ClassVar[int] = 2

    @property
    def last(self) -> Month:
        """The final month of the span."""
        month = self.first
        for _ in range(self.length - 1):
            month = month.next()
        return month

    @property
    def start(self) -> date:
        return self.first.start

    @property
    def end(self) -> date:
        return self.last.end

    def previous(self) -> MonthSpan:
        month = self.first
        for _ in range(self.length):
            month = month.previous()
        return MonthSpan(month, self.length)

    def same_period_last_year(self) -> MonthSpan:
        return MonthSpan(self.first.same_period_last_year(), self.length)

    def __str__(self) -> str:
        """In words, as a committee paper writes it: "April to September 2022",
        "October 2022 to March 2023"."""
        first, last = self.first, self.last
        start = calendar.month_name[first.month]
        if first.year != last.year:
            start += f" {first.year}"
        return f"{start} to {calendar.month_name[last.month]} {last.year}"


def cycle_containing(day: date, months: int, start_month: int) -> Period:
    """The cycle of ``months`` months, aligned so that one starts in ``start_month``,
    that contains ``day``.

    Twelve-month cycles starting in April, May or January are the financial, municipal
    and calendar years; three-month cycles aligned to April are financial quarters; one
    month is a [`Month`][corpparent.periods.Month]; anything else is a
    [`MonthSpan`][corpparent.obligations.cycles.MonthSpan].
    """
    _check_months(None, None, months)
    if not 1 <= start_month <= 12:
        raise DefinitionError(f"start_month must be 1-12, got {start_month}")
    if months == 1:
        return Month.containing(day)
    if months == 12:
        named: dict[int, type[FinancialYear | MunicipalYear | CalendarYear]] = {
            4: FinancialYear,
            5: MunicipalYear,
            1: CalendarYear,
        }
        year_type = named.get(start_month)
        if year_type is not None:
            return year_type.containing(day)
    if months == 3 and start_month % 3 == 1:
        return FinancialQuarter.containing(day)
    offset = (day.month - start_month) % months
    first = Month.containing(day)
    for _ in range(offset):
        first = first.previous()
    return MonthSpan(first, months)
