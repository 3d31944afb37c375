"""Months and financial-year quarters.

English local government reports by financial year, April to March, with quarters Q1
April–June, Q2 July–September, Q3 October–December and Q4 January–March (so
``2022-23 Q4`` is January–March 2023).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING, ClassVar, final

from attrs import field, frozen

from corpparent.errors import PeriodError
from corpparent.periods.base import Period, check_year as _check_year, fy_text as _fy_text

if TYPE_CHECKING:
    from corpparent.periods.years import FinancialYear

__all__ = ["FinancialQuarter", "Month"]


@final
@frozen(eq=True, order=False, cache_hash=True)
class Month(Period):
    """A calendar month, written ``2023-03``."""

    year: int = field(validator=_check_year)
    month: int = field()
    _rank: ClassVar[int] = 1

    @month.validator
    def _check_month(self, _attribute: object, value: int) -> None:
        if not 1 <= value <= 12:
            raise PeriodError(f"month must be 1-12, got {value}")

    @classmethod
    def containing(cls, day: date) -> Month:
        """The month that contains ``day``."""
        return cls(day.year, day.month)

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def next(self) -> Month:
        """The following month."""
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def same_period_last_year(self) -> Month:
        return Month(self.year - 1, self.month)

    def __str__(self) -> str:
        text = f"{self.year:04d}-{self.month:02d}"
        if (self.year + 1) % 100 == self.month:
            # '2011-12' would also read as a financial year: name the month instead.
            return f"{calendar.month_name[self.month]} {self.year}"
        return text


@final
@frozen(eq=True, order=False, cache_hash=True)
class FinancialQuarter(Period):
    """A quarter of the financial year: ``FinancialQuarter(2022, 4)`` is ``2022-23 Q4``.

    ``year`` is the year the financial year starts in (April).
    """

    year: int = field(validator=_check_year)
    quarter: int = field()
    _rank: ClassVar[int] = 2

    @quarter.validator
    def _check_quarter(self, _attribute: object, value: int) -> None:
        if not 1 <= value <= 4:
            raise PeriodError(f"quarter must be 1-4, got {value}")

    @classmethod
    def containing(cls, day: date) -> FinancialQuarter:
        """The financial quarter that contains ``day``."""
        year = day.year if day.month >= 4 else day.year - 1
        return cls(year, (day.month - 4) % 12 // 3 + 1)

    @property
    def financial_year(self) -> FinancialYear:
        """The financial year this quarter belongs to."""
        from corpparent.periods.years import FinancialYear

        return FinancialYear(self.year)

    @property
    def start(self) -> date:
        month = (self.quarter - 1) * 3 + 4
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        # Q1 ends on 30 June, Q2 on 30 September, Q3 on 31 December, Q4 on 31 March.
        if self.quarter == 4:
            return date(self.year + 1, 3, 31)
        return date(self.year, self.quarter * 3 + 3, 30 + (self.quarter == 3))

    def previous(self) -> FinancialQuarter:
        if self.quarter == 1:
            return FinancialQuarter(self.year - 1, 4)
        return FinancialQuarter(self.year, self.quarter - 1)

    def same_period_last_year(self) -> FinancialQuarter:
        return FinancialQuarter(self.year - 1, self.quarter)

    def __str__(self) -> str:
        return f"{_fy_text(self.year)} Q{self.quarter}"
