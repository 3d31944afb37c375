"""Helpers shared by the file readers: dates in English forms, blanks, pydantic errors."""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError

from corpparent.errors import Problem

__all__ = ["blank_to_none", "parse_date", "validation_problems"]


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


def validation_problems(source: str, row: int, error: ValidationError) -> list[Problem]:
    """A pydantic error as problems naming the file, row and field, in plain words."""
    found = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or None
        message = str(item["msg"]).removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unexpected field"
        elif item["type"] == "enum":
            message = f"expected one of {item['ctx']['expected']}, got {item['input']!r}"
        found.append(Problem(source=source, message=message, row=row, field=location))
    return found
