"""Helpers shared by the governance file readers: dates in English forms, blanks."""

from __future__ import annotations

from datetime import datetime

__all__ = ["blank_to_none", "parse_date"]


def parse_date(value: object) -> object:
    """A date from ``2019-05-20`` or the English ``20/05/2019``; other values pass."""
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(f"expected a date such as 2019-05-20 or 20/05/2019, got {value!r}")
    return value


def blank_to_none(value: object) -> object:
    """Blank text (an empty CSV cell) as None; other text stripped."""
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value
