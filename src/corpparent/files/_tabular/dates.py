"""Helpers shared by the governance file readers: dates in English forms, blanks."""

from __future__ import annotations

import datetime as dt

from corpparent.files._tabular.problems import shown

__all__ = ["DATE_FORMS", "blank_to_none", "parse_date", "required_date"]

#: How the dates of meeting records, membership files and submissions logs are written.
DATE_FORMS = "a date such as 2019-05-20 or 20/05/2019"


def parse_date(value: object) -> dt.date | None:
    """A date from ``2019-05-20`` or the English ``20/05/2019``; a date (from TOML) or
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
    found = "nothing" if isinstance(value, str) and not value.strip() else shown(value)
    raise ValueError(f"expected {DATE_FORMS}, found {found}")


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
