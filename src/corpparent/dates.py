"""Calendar dates as councils write them in reports and minutes.

Explanations, calendar entries and reports all write a day the same way, "15 July
2019": day without a leading zero, month in full, year. Every part of the library that
writes a date for a reader uses `day_text`, so they cannot drift apart.
"""

from __future__ import annotations

from datetime import date

__all__ = ["day_text"]


def day_text(value: date) -> str:
    """A date as explanations write it: "15 July 2019"."""
    return f"{value.day} {value:%B %Y}"
