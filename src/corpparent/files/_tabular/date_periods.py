"""Periods written as dates, read by one stated rule, and refused where they are ambiguous.

A panel's sheet often keeps its periods as dates: the day a quarter or a month ends
(``2022-06-30``; a workbook's date cell is read as such a text), or a month shown as
``Jan-25``. A period column is read as a whole, by this rule:

* a month with a two-digit year (``Jan-25``, as Excel saves a cell formatted
  ``mmm-yy`` to CSV) is that month of 2000-2099 (``2025-01``); a workbook's date cell
  formatted as a month is already read as its month
  (`number_formats`);
* a date that is the last day of a month and not of a financial quarter (``2022-05-31``)
  is that month;
* a quarter's last day (``2022-06-30``) is also a month's last day, so the column decides:
  where its other dates include a month's last day that ends no quarter, the column is
  monthly and the date is its month (``2022-06``); where the column's dates are all
  quarters' last days, two or more of them, the column is quarterly and the date is its
  quarter (``2022-23 Q1``); a lone quarter's last day is ambiguous and refused;
* any other day (``2022-05-14``, the first of a month) stands for no one period and is
  refused.

A date may come with a time, as a DataFrame's timestamp column is written
(``2022-06-30 00:00:00``, ``2022-06-30T00:00:00+01:00``): at midnight it is that day,
and a time zone's offset changes nothing, since the day is read in the timestamp's own
zone (midnight in London on 30 June is 30 June, though it is 23:00 on the 29th in UTC).
A time other than midnight (``2022-06-30 13:00``) is no day's end and is refused
(`clock_time` finds it for the problem to say so), never cut to its day.

The reader may state the rule instead (``periods="quarter-end"`` or ``"month-end"``;
``--periods`` on the command line): every date must then be a quarter's (or a month's)
last day, and is read as that quarter (or month). A refused date is a problem with its
fix (`period_problems`), told once for the rows it covers.
"""

from __future__ import annotations

import calendar
import contextvars
import datetime as dt
import enum
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Final

from corpparent.errors import PeriodError
from corpparent.periods import FinancialQuarter, Month, Period, parse_period

__all__ = ["DateRule", "clock_time", "column_periods", "date_in", "date_rule", "read_period",
           "short_month", "using_date_rule"]


class DateRule(enum.Enum):
    """How a period column's dates are read, where the reader states it."""

    QUARTER_END = "quarter-end"  # each date a quarter's last day: that quarter
    MONTH_END = "month-end"  # each date a month's last day: that month


_ISO_DATE: Final = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                              r"(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
#: A date with a time of day and perhaps a zone's offset, the time captured.
_TIMESTAMP: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}[ T](?P<time>\d{2}:\d{2}"
                               r"(?::\d{2}(?:\.\d+)?)?)(?:Z|[+-]\d{2}:?\d{2})?")
_ENGLISH_DATE: Final = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
_SHORT_YEAR: Final = re.compile(r"(?P<name>[A-Za-z]{3,9})\.?[-\s'](?P<yy>\d{2})")
_MONTHS: Final = {name.lower(): number for number in range(1, 13)
                  for name in (calendar.month_name[number], calendar.month_abbr[number])}
_CHOSEN: contextvars.ContextVar[DateRule | None] = contextvars.ContextVar(
    "date_rule", default=None)


@contextmanager
def using_date_rule(rule: DateRule | str | None) -> Iterator[None]:
    """Read period columns' dates by ``rule`` while inside the block (``None``: by the
    column's own dates)."""
    token = _CHOSEN.set(None if rule is None else DateRule(rule))
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def date_rule(rule: DateRule | str | None = None) -> DateRule | None:
    """The rule given, or else the one chosen by `using_date_rule`."""
    return DateRule(rule) if rule is not None else _CHOSEN.get()


def date_in(text: str) -> dt.date | None:
    """The day ``text`` writes (``2022-06-30``, ``30/06/2022``), if it writes one."""
    match = _ISO_DATE.fullmatch(text) or _ENGLISH_DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def clock_time(text: str) -> str | None:
    """The time of day ``text`` writes after its date, where it writes one other than
    midnight (``13:00:00`` of ``2022-06-30 13:00:00+01:00``); ``None`` otherwise."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None or date_in(text) is not None:
        return None
    return re.sub(r"\.0+$", "", match["time"])  # 13:00:00.000000 is 13:00:00


def short_month(text: str) -> Month | None:
    """The month ``text`` writes with a two-digit year (``Jan-25``), if it writes one."""
    match = _SHORT_YEAR.fullmatch(text)
    number = None if match is None else _MONTHS.get(match["name"].lower())
    if match is None or number is None:
        return None
    return Month(2000 + int(match["yy"]), number)


def _ends_quarter(day: dt.date) -> bool:
    return FinancialQuarter.containing(day).end == day


def _ends_month(day: dt.date) -> bool:
    return Month.containing(day).end == day


def column_periods(texts: Collection[str], rule: DateRule | None
                   ) -> dict[str, Period | PeriodError]:
    """The period each date or short month among a column's distinct ``texts`` is read
    as under the module's rule (or the ``rule`` stated), or why it is refused; texts
    that are neither are left out, to be read as periods are."""
    days = {text: day for text in texts if (day := date_in(text)) is not None}
    found: dict[str, Period | PeriodError] = {}
    for text in texts:
        month = short_month(text) if text not in days else None
        if month is not None:
            found[text] = month
    monthly = any(_ends_month(day) and not _ends_quarter(day) for day in days.values())
    quarter_ends = {day for day in days.values() if _ends_quarter(day)}
    for text, day in days.items():
        found[text] = _period_of(text, day, rule, monthly, len(quarter_ends))
    return found


def _period_of(text: str, day: dt.date, rule: DateRule | None, monthly: bool,
               quarter_ends: int) -> Period | PeriodError:
    if rule is DateRule.QUARTER_END:
        if _ends_quarter(day):
            return FinancialQuarter.containing(day)
        return PeriodError(f"{text!r} is not the last day of a quarter, as the dates are "
                           "read as quarter ends")
    if not _ends_month(day):
        return PeriodError(f"{text!r} is no month's or quarter's last day")
    if rule is DateRule.MONTH_END or monthly or not _ends_quarter(day):
        return Month.containing(day)
    if quarter_ends >= 2:
        return FinancialQuarter.containing(day)
    return PeriodError(f"{text!r} ends both a month and a quarter, and no other date of "
                       "the column tells which")


#: Dashes typed for a hyphen: en dash, em dash, minus sign, hyphen, non-breaking hyphen.
_DASHES = dict.fromkeys(map(ord, "\u2013\u2014\u2212\u2010\u2011"), "-")


def read_period(text: str, periods: dict[str, Period | PeriodError]) -> Period | PeriodError:
    """The period ``text`` writes, or why it cannot be read; each distinct text is
    parsed once, however many rows write it. A dash typed as an en or em dash (``2022–23``,
    as a word processor or Excel's autocorrect writes it) is a hyphen."""
    found = periods.get(text)
    if found is None:
        try:
            found = parse_period(text.translate(_DASHES))
        except PeriodError as exc:
            found = exc
        periods[text] = found
    return found
