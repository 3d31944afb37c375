"""The periods of the Local Authority Interactive Tool's ``Years`` labels.

LAIT labels each value with a ``Years`` text whose meaning depends on the measure's
``Year_Type`` in the data dictionary (``Financial Year``, ``Academic Year``,
``Calendar Year``, ``Annual``, ``Annual (end of Sept)``, ``Annual - January``):

* a bare year ``2025`` is the year *ending* in 2025 of the measure's kind: for
  financial-year and plain annual measures the year ending 31 March 2025 (as in the
  children-looked-after releases the tool copies: its ``2025`` for
  ``LACStable_2016on`` is the release's "Reporting year" 2025), for academic-year
  measures the school year 2024/25, for calendar-year measures 2025 itself, for
  ``Annual (end of Sept)`` the year to 30 September 2025 and for ``Annual - January``
  the year to the January 2025 school census;
* ``2024-25`` and ``2024/25`` are that year written out;
* ``2013/14-15/16`` and ``2014-16`` are three-year spans;
* a bracketed note after the year, ``(OT)`` (outturn), ``(Rev)`` (revised), ``(Final)``
  or ``(prov)`` (provisional), says which release the figure is from, not another
  period: it is kept as the label's status.
"""

from __future__ import annotations

import re
from typing import Final

from corpparent.errors import PeriodError
from corpparent.periods import (
    AcademicYear,
    CalendarYear,
    FinancialYear,
    Period,
    YearSpan,
    year_ending,
)
from corpparent.periods.years import _Year

__all__ = ["LAIT_YEAR_TYPES", "lait_period", "lait_status"]

#: The month each year type's years end in.
LAIT_YEAR_TYPES: Final = {
    "financial year": 3,
    "annual": 3,
    "academic year": 8,
    "calendar year": 12,
    "annual (end of sept)": 9,
    "annual - january": 1,
}

_NOTE = re.compile(r"\s*\((?P<note>[A-Za-z]+)\)\s*$")
_KINDS: Final[dict[int, type[_Year]]] = {3: FinancialYear, 8: AcademicYear, 12: CalendarYear}


def lait_status(years: str) -> str | None:
    """The bracketed release note of a label (``OT``, ``Rev``, ``Final``, ``prov``)."""
    match = _NOTE.search(years)
    return None if match is None else match["note"]


def _later(first: int, written: str) -> int:
    year = (first // 100) * 100 + int(written)
    return year + 100 if year < first else year


def lait_period(years: str, year_type: str) -> Period | None:
    """The period of a LAIT ``Years`` label for a measure of ``year_type``, or None when
    the label is no period of that type (``0``, or a span of a type that has none)."""
    month = LAIT_YEAR_TYPES.get(year_type.strip().casefold())
    text = _NOTE.sub("", years.strip())
    if month is None:
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            return year_ending(int(text), month)
        kind = _KINDS.get(month)
        match = re.fullmatch(r"(\d{4})[-/](\d{2})", text)
        if match and int(match[2]) == (int(match[1]) + 1) % 100:
            return year_ending(int(match[1]) + 1, month)
        match = re.fullmatch(r"(\d{4})/(\d{2})-(\d{2})/(\d{2})", text)
        if match and kind is not None:
            last = _later(int(match[1]), match[3])
            if int(match[2]) == (int(match[1]) + 1) % 100 and \
                    int(match[4]) == (last + 1) % 100:
                return YearSpan(kind(int(match[1])), kind(last))
        match = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if match and kind is not None:
            first = int(match[1])
            last = _later(first, match[2])
            if kind is CalendarYear:
                return YearSpan(CalendarYear(first), CalendarYear(last))
    except PeriodError:
        return None
    return None
