"""Twelve-month years: financial, municipal, calendar and academic years, and the DfE's
other "year ending" forms.

English local government reports by financial year, April to March, written
``2022-23``. Panels are appointed for a municipal year, May to April, from the annual
council meeting in May. Schools' figures are for the academic year, September to
August, which the DfE writes ``2019/20``. Some DfE measures are counted over a year
ending in another month: the Local Authority Interactive Tool's "Annual (end of Sept)"
measures (year ending 30 September) and "Annual - January" measures (the year to the
January school census). [`year_ending`][corpparent.periods.years.year_ending] gives the named kind
where there is one (March is a financial year, December a calendar year) and a
[`YearEnding`][corpparent.periods.years.YearEnding] otherwise.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import ClassVar, final

from attrs import field, frozen

from corpparent.errors import PeriodError
from corpparent.periods.base import (
    Period,
    check_year as _check_year,
    fy_text as _fy_text,
    reads_as_month as _reads_as_month,
)
from corpparent.periods.months import FinancialQuarter

__all__ = [
    "AcademicYear",
    "CalendarYear",
    "FinancialYear",
    "MunicipalYear",
    "YearEnding",
    "year_ending",
]


@frozen(eq=True, order=False, cache_hash=True)
class _Year(Period):
    """A twelve-month year starting on the first of `first_month`."""

    year: int = field(validator=_check_year)
    first_month: ClassVar[int] = 1

    @classmethod
    def _starting_year(cls, day: date) -> int:
        return day.year if day.month >= cls.first_month else day.year - 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return date(self.year + 1, self.first_month, 1) - timedelta(days=1)

    def __str__(self) -> str:  # pragma: no cover - every concrete year overrides it
        return str(self.year)

    def previous(self) -> _Year:
        return type(self)(self.year - 1)

    def same_period_last_year(self) -> _Year:
        return self.previous()


@final
@frozen(eq=True, order=False, cache_hash=True)
class FinancialYear(_Year):
    """The local-government financial year, April to March.

    ``FinancialYear(2022)`` is ``2022-23``.
    """

    first_month: ClassVar[int] = 4
    _rank: ClassVar[int] = 5

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        """The financial year that contains ``day``."""
        return cls(cls._starting_year(day))

    def quarters(self) -> tuple[FinancialQuarter, ...]:
        """Q1 to Q4."""
        return tuple(FinancialQuarter(self.year, q) for q in range(1, 5))

    def __str__(self) -> str:
        text = _fy_text(self.year)
        # 2000-01 to 2011-12 also read as months (January 2000 ... December 2011).
        return f"FY {text}" if _reads_as_month(text) else text


@final
@frozen(eq=True, order=False, cache_hash=True)
class MunicipalYear(_Year):
    """The municipal year, May to April, from one annual council meeting to the next."""

    first_month: ClassVar[int] = 5
    _rank: ClassVar[int] = 4

    @classmethod
    def containing(cls, day: date) -> MunicipalYear:
        """The municipal year that contains ``day``."""
        return cls(cls._starting_year(day))

    def __str__(self) -> str:
        return f"MY {_fy_text(self.year)}"


@final
@frozen(eq=True, order=False, cache_hash=True)
class CalendarYear(_Year):
    """January to December."""

    first_month: ClassVar[int] = 1
    _rank: ClassVar[int] = 3

    @classmethod
    def containing(cls, day: date) -> CalendarYear:
        """The calendar year that contains ``day``."""
        return cls(day.year)

    def __str__(self) -> str:
        return f"CY {self.year}"


@final
@frozen(eq=True, order=False, cache_hash=True)
class AcademicYear(_Year):
    """The school (academic) year, September to August: ``AcademicYear(2019)`` is
    ``AY 2019/20``, as the DfE's school statistics write it (``2019/20``)."""

    first_month: ClassVar[int] = 9
    _rank: ClassVar[int] = 6

    @classmethod
    def containing(cls, day: date) -> AcademicYear:
        """The academic year that contains ``day``."""
        return cls(cls._starting_year(day))

    def __str__(self) -> str:
        return f"AY {self.year}/{(self.year + 1) % 100:02d}"


def _check_month(_instance: object, _attribute: object, value: int) -> None:
    if not 1 <= value <= 12:
        raise PeriodError(f"month must be 1-12, got {value}")


@final
@frozen(eq=True, order=False, cache_hash=True)
class YearEnding(Period):
    """Twelve months ending on the last day of ``month`` in ``year``:
    ``YearEnding(2016, 9)`` is October 2015 to September 2016, written
    ``year ending September 2016``. Build one with
    [`year_ending`][corpparent.periods.years.year_ending], which gives a financial, municipal,
    academic or calendar year where the month ends one."""

    year: int = field(validator=_check_year)
    month: int = field(validator=_check_month)
    _rank: ClassVar[int] = 7

    @property
    def start(self) -> date:
        return date(self.year - (self.month != 12), self.month % 12 + 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def previous(self) -> YearEnding:
        return YearEnding(self.year - 1, self.month)

    def same_period_last_year(self) -> YearEnding:
        return self.previous()

    def __str__(self) -> str:
        return f"year ending {calendar.month_name[self.month]} {self.year}"


#: The named years by the month they end in.
_NAMED_YEARS: dict[int, type[_Year]] = {
    3: FinancialYear,
    4: MunicipalYear,
    8: AcademicYear,
    12: CalendarYear,
}


def year_ending(year: int, month: int) -> Period:
    """The twelve months ending with ``month`` of ``year``: a financial year for March,
    a municipal year for April, an academic year for August, a calendar year for
    December, else a [`YearEnding`][corpparent.periods.years.YearEnding]."""
    kind = _NAMED_YEARS.get(month)
    if kind is None:
        return YearEnding(year, month)
    return kind(year if month == 12 else year - 1)
