"""Helpers shared by the governance file readers: dates in English forms, blanks."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from corpparent.files._tabular.problems import shown

__all__ = ["DATE_FORMS", "blank_to_none", "parse_date", "required_date"]

#: How the dates of meeting records, membership files and submissions logs are written.
DATE_FORMS = "a date such as 2019-05-20, 20/05/2019 or 20 May 2019"

#: A date written out in English as committee systems print a meeting's: an optional
#: day of the week, the day (with or without "st", "nd", "rd" or "th"), the month's
#: name or its first three letters, and the year, commas anywhere between
#: ("Tuesday, 27th September, 2022", "27 Sep 2022").
_WRITTEN: Final = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"([A-Za-z]{3,9}),?\s+(\d{4})", re.IGNORECASE)


def parse_date(value: object) -> dt.date | None:
    """A date from ``2019-05-20``, the English ``20/05/2019`` or a date written out as
    committee systems print one (``Tuesday, 20th May, 2019``, ``20 May 2019``); a date
    (from TOML) or
    ``None`` (a key left empty) passes. Anything else, a number or a date and time
    included, is refused rather than read as a timestamp."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        written = _written(text)
        if written is not None:
            return written
    found = "nothing" if isinstance(value, str) and not value.strip() else shown(value)
    raise ValueError(f"expected {DATE_FORMS}, found {found}")


def _written(text: str) -> dt.date | None:
    """The date ``text`` writes out in English (``_WRITTEN``), or ``None``."""
    found = _WRITTEN.fullmatch(text)
    if found is None:
        return None
    day, month, year = found.groups()
    number = _MONTHS.get(month.casefold())
    try:
        return None if number is None else dt.date(int(year), number, int(day))
    except ValueError:
        return None


_MONTHS: Final = {name.casefold(): number for number, full in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"), start=1)
    for name in (full, full[:3])} | {"sept": 9}


def required_date(value: object) -> dt.date:
    """A date as `parse_date` reads it, where one must be given: ``None`` (a key
    left empty, as JSON's ``null``) is refused in the same words as any other value
    that is not a date."""
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f"expected {DATE_FORMS}, found nothing")
    return parsed


def blank_to_none(value: object) -> object:
    """Blank text (an empty CSV cell) as None; other text stripped."""
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value
