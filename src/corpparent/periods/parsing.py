"""Reading a period from its written form, with an error that lists the forms accepted.

Text that is malformed or ambiguous ("Q4 2023": which year's Q4?) raises
[`PeriodError`][corpparent.errors.PeriodError] listing every form accepted.
"""

from __future__ import annotations

import calendar
import re

from corpparent.errors import PeriodError
from corpparent.periods.base import Period, reads_as_month
from corpparent.periods.months import FinancialQuarter, Month
from corpparent.periods.spans import YearSpan
from corpparent.periods.years import (
    AcademicYear,
    CalendarYear,
    FinancialYear,
    MunicipalYear,
    _Year,
    year_ending,
)

__all__ = ["ACCEPTED_PERIOD_FORMS", "parse_period", "period_given"]

ACCEPTED_PERIOD_FORMS = (
    "'2023-03' or 'March 2023' (a month)",
    "'2022-23 Q4' or 'Q4 2022-23' (a financial-year quarter; Q4 is January-March 2023)",
    "'2022-23' or 'FY 2022-23' (a financial year, April 2022-March 2023)",
    "'MY 2022-23' (a municipal year, May 2022-April 2023)",
    "'AY 2019/20' (an academic year, September 2019-August 2020)",
    "'CY 2023' (a calendar year)",
    "'year ending September 2016' (twelve months to the end of that month)",
    "'2013/14-15/16' or '2013-14 to 2015-16' (financial years 2013-14 to 2015-16)",
    "'CY 2014-16' or 'CY 2014 to CY 2016' (calendar years 2014 to 2016)",
)

_MONTH_NAMES = {name.lower(): number for number in range(1, 13)
                for name in (calendar.month_name[number], calendar.month_abbr[number])}
_FY = r"(?P<y1>\d{4}|\d{2})\s*[-/]\s*(?P<y2>\d{2}|\d{4})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("month", r"(?P<year>\d{4})-(?P<month>0?[1-9]|1[0-2])"),
        ("calendar", r"(?:CY|calendar(?: year)?)\s*(?P<year>\d{4})"),
        ("calendar_span",
         r"(?:CY|calendar(?: years)?)\s*(?P<year>\d{4})\s*-\s*(?P<to>\d{2}|\d{4})"),
        ("month_name", r"(?P<name>[a-z]+)\.?\s+(?P<year>\d{4})"),
        ("ending", r"(?:year ending|YE)\s+(?P<name>[a-z]+)\.?\s+(?P<year>\d{4})"),
        ("quarter", _FY + r"\s*Q(?P<q>\d)"),
        ("quarter", r"Q(?P<q>\d)\s*" + _FY),
        ("financial", r"(?:FY\s*)?" + _FY),
        ("municipal", r"(?:MY|municipal(?: year)?)\s*" + _FY),
        ("academic", r"(?:AY|academic(?: year)?)\s*" + _FY),
        ("financial_span", r"(?P<y1>\d{4})/(?P<y2>\d{2})\s*-\s*(?P<z1>\d{2})/(?P<z2>\d{2})"),
    )
)


def _error(text: str, why: str) -> PeriodError:
    forms = "; ".join(ACCEPTED_PERIOD_FORMS)
    return PeriodError(f"cannot read period {text!r}: {why}. Accepted forms: {forms}")


def _financial_start(text: str, y1: str, y2: str) -> int:
    start = int(y1) if len(y1) == 4 else 2000 + int(y1)
    end = int(y2) if len(y2) == 4 else (start // 100) * 100 + int(y2)
    if len(y2) == 2 and end < start:
        end += 100
    if end != start + 1:
        raise _error(
            text, f"a financial, municipal or academic year spans two consecutive years, "
            f"not {y1} and {y2}"
        )
    return start


def _later_year(first: int, written: str) -> int:
    """The year written as ``16`` or ``2016`` after ``first`` (2014)."""
    if len(written) == 4:
        return int(written)
    year = (first // 100) * 100 + int(written)
    return year + 100 if year < first else year


def _read(text: str, kind: str, groups: dict[str, str]) -> Period | None:
    if kind == "month":
        return Month(int(groups["year"]), int(groups["month"]))
    if kind in ("month_name", "ending"):
        number = _MONTH_NAMES.get(groups["name"].lower())
        if number is None:
            return None
        year = int(groups["year"])
        return Month(year, number) if kind == "month_name" else year_ending(year, number)
    if kind == "calendar":
        return CalendarYear(int(groups["year"]))
    if kind == "calendar_span":
        first = int(groups["year"])
        return YearSpan(CalendarYear(first), CalendarYear(_later_year(first, groups["to"])))
    if kind == "financial_span":
        first = _financial_start(text, groups["y1"], groups["y2"])
        last = _financial_start(text, str(_later_year(first, groups["z1"])), groups["z2"])
        return YearSpan(FinancialYear(first), FinancialYear(last))
    start = _financial_start(text, groups["y1"], groups["y2"])
    if kind == "quarter":
        return FinancialQuarter(start, int(groups["q"]))
    if kind == "municipal":
        return MunicipalYear(start)
    if kind == "academic":
        return AcademicYear(start)
    return FinancialYear(start)


def _span(text: str, cleaned: str) -> Period | None:
    parts = re.split(r"\s+to\s+", cleaned, flags=re.IGNORECASE)
    if len(parts) != 2:
        return None
    first, last = (parse_period(part) for part in parts)
    if not isinstance(first, _Year) or not isinstance(last, _Year):
        raise _error(text, "a span joins two years of one kind")
    try:
        return YearSpan(first, last)
    except PeriodError as exc:
        raise _error(text, str(exc)) from exc


def parse_period(text: str) -> Period:
    """Read a period from its written form; see
    [`ACCEPTED_PERIOD_FORMS`][corpparent.periods.parsing.ACCEPTED_PERIOD_FORMS]."""
    cleaned = re.sub(r"\s+", " ", str(text).strip())
    if not cleaned:
        raise _error(text, "it is empty")
    if reads_as_month(cleaned) and int(cleaned[5:]) == (int(cleaned[:4]) + 1) % 100:
        raise _error(text, f"it reads both as a month and as a financial year; write "
                     f"'FY {cleaned}' for the financial year or "
                     f"'{calendar.month_name[int(cleaned[5:])]} {cleaned[:4]}' for the month")
    span = _span(text, cleaned)
    if span is not None:
        return span
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        try:
            found = _read(text, kind, match.groupdict())
        except PeriodError as exc:
            if str(exc).startswith("cannot read period"):
                raise
            raise _error(text, str(exc)) from exc
        if found is not None:
            return found
    if re.fullmatch(r"Q\d\s*\d{4}|\d{4}\s*Q\d", cleaned, re.IGNORECASE):
        raise _error(text, "a quarter needs its financial year, since 'Q4 2023' could mean "
                     "January-March 2023 or 2024")
    if re.fullmatch(r"\d{4}", cleaned):
        raise _error(text, "a bare year is ambiguous between the calendar year and a financial "
                     "year")
    raise _error(text, "it matches none of them")


def period_given(value: Period | str) -> Period:
    """A period a caller gave as itself or in its written form (``'2024-25'``); anything
    else (``2024``, say, which could be a calendar, financial or academic year) is a
    [`PeriodError`][corpparent.errors.PeriodError] saying what a period is."""
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return parse_period(value)
    raise PeriodError(f"expected a period, such as FinancialYear(2024) or its written form "
                      f"'2024-25', not {value!r}")
