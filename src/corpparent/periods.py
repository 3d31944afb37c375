"""Reporting periods: months, financial-year quarters, financial, municipal and calendar years.

English local government reports by financial year, April to March, written
``2022-23``, with quarters Q1 April–June, Q2 July–September, Q3 October–December and
Q4 January–March (so ``2022-23 Q4`` is January–March 2023). Panels are appointed for a
municipal year, May to April, from the annual council meeting in May.

Each kind of period is its own immutable type. Periods of any kind order by their end
date and then their start, so a quarter sorts after the months it contains and before
the year that ends with it. ``parse_period`` reads the written forms; text that is
malformed or ambiguous ("Q4 2023": which year's Q4?) raises
:class:`~corpparent.errors.PeriodError` listing the forms accepted.
"""

from __future__ import annotations

import calendar
import re
from abc import ABC, abstractmethod
from datetime import date, timedelta
from typing import ClassVar, final

from attrs import field, frozen

from corpparent.errors import PeriodError

__all__ = [
    "ACCEPTED_PERIOD_FORMS",
    "CalendarYear",
    "FinancialQuarter",
    "FinancialYear",
    "Month",
    "MunicipalYear",
    "Period",
    "parse_period",
]

ACCEPTED_PERIOD_FORMS = (
    "'2023-03' or 'March 2023' (a month)",
    "'2022-23 Q4' or 'Q4 2022-23' (a financial-year quarter; Q4 is January-March 2023)",
    "'2022-23' or 'FY 2022-23' (a financial year, April 2022-March 2023)",
    "'MY 2022-23' (a municipal year, May 2022-April 2023)",
    "'CY 2023' (a calendar year)",
)


class Period(ABC):
    """A span of whole days, from :attr:`start` to :attr:`end` inclusive."""

    __slots__ = ()

    #: Orders kinds that share start and end (none do today; kept for stability).
    _rank: ClassVar[int] = 0

    @property
    @abstractmethod
    def start(self) -> date:
        """The first day of the period."""

    @property
    @abstractmethod
    def end(self) -> date:
        """The last day of the period (inclusive)."""

    @abstractmethod
    def previous(self) -> Period:
        """The period of the same kind immediately before this one."""

    @abstractmethod
    def same_period_last_year(self) -> Period:
        """The period of the same kind one year earlier."""

    @abstractmethod
    def __str__(self) -> str:
        """The canonical written form, which :func:`parse_period` reads back."""

    def contains(self, other: Period | date) -> bool:
        """Whether ``other`` (a date or a period) lies wholly within this period."""
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Period | date):
            return self.contains(other)
        return False

    def months(self) -> tuple[Month, ...]:
        """The calendar months the period covers, in order."""
        result: list[Month] = []
        month = Month.containing(self.start)
        while month.start <= self.end:
            result.append(month)
            month = month.next()
        return tuple(result)

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).days + 1

    def _key(self) -> tuple[date, int, int]:
        # Same end: the shorter period first, so a month precedes its quarter and year.
        return (self.end, -self.start.toordinal(), self._rank)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() >= other._key()


def _check_year(_instance: object, attribute: object, value: int) -> None:
    if not 1900 <= value <= 2200:
        raise PeriodError(f"year {value} is out of range 1900-2200")


def _fy_text(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def _reads_as_month(text: str) -> bool:
    return re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text) is not None


@final
@frozen(eq=True, order=False)
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
@frozen(eq=True, order=False)
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
        fy = FinancialYear.containing(day)
        return cls(fy.year, (day.month - 4) % 12 // 3 + 1)

    @property
    def financial_year(self) -> FinancialYear:
        """The financial year this quarter belongs to."""
        return FinancialYear(self.year)

    @property
    def start(self) -> date:
        month = (self.quarter - 1) * 3 + 4
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        last = (self.quarter * 3 + 2) % 12 + 1  # Q1 ends in June ... Q4 in March
        year = self.year + (self.quarter == 4)
        return date(year, last, calendar.monthrange(year, last)[1])

    def previous(self) -> FinancialQuarter:
        if self.quarter == 1:
            return FinancialQuarter(self.year - 1, 4)
        return FinancialQuarter(self.year, self.quarter - 1)

    def same_period_last_year(self) -> FinancialQuarter:
        return FinancialQuarter(self.year - 1, self.quarter)

    def __str__(self) -> str:
        return f"{_fy_text(self.year)} Q{self.quarter}"


@frozen(eq=True, order=False)
class _Year(Period):
    """A twelve-month year starting on the first of :attr:`first_month`."""

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
@frozen(eq=True, order=False)
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
@frozen(eq=True, order=False)
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
@frozen(eq=True, order=False)
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


_MONTH_NAMES = {name.lower(): number for number in range(1, 13)
                for name in (calendar.month_name[number], calendar.month_abbr[number])}
_FY = r"(?P<y1>\d{4}|\d{2})\s*[-/]\s*(?P<y2>\d{2}|\d{4})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("month", r"(?P<year>\d{4})-(?P<month>0?[1-9]|1[0-2])"),
        ("calendar", r"(?:CY|calendar(?: year)?)\s*(?P<year>\d{4})"),
        ("month_name", r"(?P<name>[a-z]+)\.?\s+(?P<year>\d{4})"),
        ("quarter", _FY + r"\s*Q(?P<q>\d)"),
        ("quarter", r"Q(?P<q>\d)\s*" + _FY),
        ("financial", r"(?:FY\s*)?" + _FY),
        ("municipal", r"(?:MY|municipal(?: year)?)\s*" + _FY),
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
            text, f"a financial or municipal year spans two consecutive years, not {y1} and {y2}"
        )
    return start


def parse_period(text: str) -> Period:
    """Read a period from its written form; see :data:`ACCEPTED_PERIOD_FORMS`."""
    cleaned = re.sub(r"\s+", " ", str(text).strip())
    if not cleaned:
        raise _error(text, "it is empty")
    if _reads_as_month(cleaned) and int(cleaned[5:]) == (int(cleaned[:4]) + 1) % 100:
        raise _error(text, f"it reads both as a month and as a financial year; write "
                     f"'FY {cleaned}' for the financial year or "
                     f"'{calendar.month_name[int(cleaned[5:])]} {cleaned[:4]}' for the month")
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        groups = match.groupdict()
        try:
            if kind == "month":
                return Month(int(groups["year"]), int(groups["month"]))
            if kind == "month_name":
                number = _MONTH_NAMES.get(groups["name"].lower())
                if number is None:
                    continue
                return Month(int(groups["year"]), number)
            if kind == "calendar":
                return CalendarYear(int(groups["year"]))
            start = _financial_start(text, groups["y1"], groups["y2"])
            if kind == "quarter":
                return FinancialQuarter(start, int(groups["q"]))
            if kind == "municipal":
                return MunicipalYear(start)
            return FinancialYear(start)
        except PeriodError as exc:
            if str(exc).startswith("cannot read period"):
                raise
            raise _error(text, str(exc)) from exc
    if re.fullmatch(r"Q\d\s*\d{4}|\d{4}\s*Q\d", cleaned, re.IGNORECASE):
        raise _error(text, "a quarter needs its financial year, since 'Q4 2023' could mean "
                     "January-March 2023 or 2024")
    if re.fullmatch(r"\d{4}", cleaned):
        raise _error(text, "a bare year is ambiguous between the calendar year and a financial "
                     "year")
    raise _error(text, "it matches none of them")
