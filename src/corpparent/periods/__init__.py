"""Reporting periods: months, financial-year quarters, financial, municipal, academic and
calendar years, years ending in another month, and spans of several years.

Each kind of period is its own immutable type, in a module of its own
(`months`, `years`,
`spans`); `parsing` reads the
written forms. Periods of any kind order by their end date and then their start, and
each knows the period before it and the same period a year earlier.
"""

from corpparent.periods.base import Period
from corpparent.periods.months import FinancialQuarter, Month
from corpparent.periods.parsing import ACCEPTED_PERIOD_FORMS, parse_period, period_given
from corpparent.periods.spans import YearSpan
from corpparent.periods.years import (
    AcademicYear,
    CalendarYear,
    FinancialYear,
    MunicipalYear,
    YearEnding,
    year_ending,
)

__all__ = [
    "ACCEPTED_PERIOD_FORMS",
    "AcademicYear",
    "CalendarYear",
    "FinancialQuarter",
    "FinancialYear",
    "Month",
    "MunicipalYear",
    "Period",
    "YearEnding",
    "YearSpan",
    "parse_period",
    "period_given",
    "year_ending",
]
