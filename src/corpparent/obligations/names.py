"""How the names in obligations and submissions logs are cleaned and compared.

A submissions log is typed by hand: "Children’s  Select Committee" and "children's
select committee" are the same recipient. Obligations and log entries are matched by
:func:`name_key`; text fields are stripped of surrounding spaces when built.
"""

from __future__ import annotations

import re

from corpparent.errors import DefinitionError

__all__ = ["name_key", "not_empty", "stripped", "stripped_or_none"]


def name_key(text: str) -> str:
    """``text`` as compared when matching names: case, curly quotes and runs of spaces
    do not matter, so "Children’s  Select Committee" matches "children's select committee"."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def stripped(value: str) -> str:
    """``value`` without surrounding spaces (left alone if it is not text, for the
    validator to reject)."""
    return value.strip() if isinstance(value, str) else value


def stripped_or_none(value: str | None) -> str | None:
    """Like :func:`stripped`, keeping ``None``."""
    return value.strip() if isinstance(value, str) else value


def not_empty(_instance: object, attribute: object, value: str) -> None:
    """An attrs validator: the text must not be empty or only spaces."""
    if not value.strip():
        name = getattr(attribute, "name", "value")
        raise DefinitionError(f"'{name}' must not be empty")
