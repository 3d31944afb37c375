"""A period a file writes that cannot be read, as one problem with its fix.

A period column is where a sheet kept by hand goes wrong the same way on every row: a
column of quarter-end dates (``2022-06-30``), a month cell shown as ``Jan-25``, a quarter
without its financial year (``Q4 2023``). Each is a [`Problem`][corpparent.errors.Problem]
whose note says what kind of text it is and whose ``found`` is the text itself, so the
rows wrong the same way are told once ([`corpparent.errors.grouped`][corpparent.errors.grouped]),
and whose ``fix`` says what to write instead, worked out from the text:

* a date the column's rule cannot read
  (`date_periods`): a quarter's last day is written as
  that quarter (``2022-06-30`` is ``2022-23 Q1``), or the column's dates read as quarter
  ends; a month's last day as that month (``2022-05-31`` is ``2022-05``); any other day
  by the period it stands for, which the reader must choose;
* a date with a time of day other than midnight (a DataFrame's timestamp column) is
  not cut to its day: the problem says the time found, and the fix asks for the day
  alone or the period;
* a quarter without its financial year names both years it could be;
* a bare year names the calendar year and both financial years it could be.

Nothing is read in their place: the fix is advice, the file is still refused.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from corpparent.errors import PeriodError, Problem
from corpparent.files._tabular.date_periods import clock_time, date_in
from corpparent.files._tabular.problems import shown
from corpparent.files._tabular.records import RawRecord
from corpparent.periods import FinancialQuarter, FinancialYear, Month
from corpparent.periods.parsing import ACCEPTED_PERIOD_FORMS

__all__ = ["PERIOD_EXPECTED", "period_problem"]

#: What a period cell should hold, as a problem says it.
PERIOD_EXPECTED: Final = "a period: " + "; ".join(ACCEPTED_PERIOD_FORMS)
#: What a period cell should hold, where the fix says what exactly.
_A_PERIOD: Final = ("a period, such as '2022-23 Q1' (a quarter), '2022-06' (a month) or "
                    "'2022-23' (a financial year)")

_BARE_QUARTER: Final = re.compile(r"Q(?P<q>[1-4])\s*(?P<y>\d{4})|(?P<y2>\d{4})\s*Q(?P<q2>[1-4])",
                                  re.IGNORECASE)
#: A time zone's offset at the end of a timestamp (``+01:00``, ``+0000``, ``Z``).
_ZONED: Final = re.compile(r"\d(?:Z|[+-]\d{2}:?\d{2})$")


def _date_fix(day: dt.date) -> str:
    quarter, month = FinancialQuarter.containing(day), Month.containing(day)
    if day == quarter.end:
        return (f"write the quarter it ends, '{quarter}' for {day.isoformat()} (or its "
                f"month, '{month}'), or read dates as quarter ends (--periods quarter-end)")
    if day == month.end:
        return (f"write the month it ends, '{month}' for {day.isoformat()}, or read dates "
                "as month ends (--periods month-end)")
    return (f"write the period the figure is for; {day.isoformat()} falls in '{month}' "
            f"and '{quarter}'")


def _quarter_fix(text: str) -> str | None:
    match = _BARE_QUARTER.fullmatch(text)
    if match is None:
        return None
    number = int(match["q"] or match["q2"])
    year = int(match["y"] or match["y2"])
    # Q4 falls in the calendar year after the financial year starts; Q1-Q3 in the same.
    options = [FinancialQuarter(year - 1 if number == 4 else year, number),
               FinancialQuarter(year if number == 4 else year - 1, number)]
    said = " or ".join(f"'{q}' ({q.start:%B}-{q.end:%B %Y})" for q in options)
    return f"write {said}"


def _year_fix(text: str) -> str | None:
    if not re.fullmatch(r"\d{4}", text):
        return None
    year = int(text)
    return (f"write 'CY {year}' for the calendar year, or the financial year, "
            f"'{FinancialYear(year - 1)}' or '{FinancialYear(year)}'")


def _why(text: str, error: PeriodError) -> str:
    """The reason ``error`` gives, without the text it quotes or the forms it lists."""
    message = str(error)
    said = message.removeprefix(f"cannot read period {text!r}: ")
    if said == message:
        return message
    why = said.split(". Accepted forms: ", 1)[0]
    return "not a period" if why == "it matches none of them" else why


def period_problem(raw: RawRecord, text: str, error: PeriodError,
                   field: str = "period") -> Problem:
    """The problem of a period ``text`` that [`parse_period`][corpparent.periods.parse_period]
    refused with ``error``, at ``field`` of the record ``raw``: what kind of text it is,
    the text found, and, where the text shows it, the fix."""
    day = date_in(text)
    if day is not None:
        return raw.problem_at(field, "a date, not a period", expected=_A_PERIOD,
                              found=shown(text), fix=_date_fix(day))
    time = clock_time(text)
    if time is not None:
        return raw.problem_at(field, f"a date and time ({time}), not a period: a time other "
                              "than midnight is not cut to its day", expected=_A_PERIOD,
                              found=shown(text), fix="write the period the figure is for, or "
                              "the date alone (its time at midnight)" + (
                                  "; a timestamp is read in its own zone, so one converted "
                                  "to another (UTC) is no longer at midnight: keep the zone "
                                  "whose day it is" if _ZONED.search(text) else ""))
    fix = _quarter_fix(text) or _year_fix(text)
    # Where the fix is known, the forms accepted (some 600 characters) are not needed.
    return raw.problem_at(field, _why(text, error),
                          expected=PERIOD_EXPECTED if fix is None else _A_PERIOD,
                          found=shown(text), fix=fix)
