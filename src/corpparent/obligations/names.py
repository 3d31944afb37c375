"""How the text of obligations and submissions logs is cleaned when built.

A submissions log is typed by hand: "Children’s  Select Committee" and "children's
select committee" are the same recipient. Obligations and log entries are matched by
`name_key`, as panel members' names are; text
fields are stripped of surrounding spaces when built.
"""

from __future__ import annotations

from corpparent.errors import DefinitionError

__all__ = ["not_empty", "stripped"]


def stripped(value: str) -> str:
    """``value`` without surrounding spaces (left alone if it is not text, for the
    validator to reject)."""
    return value.strip() if isinstance(value, str) else value


def not_empty(_instance: object, attribute: object, value: str) -> None:
    """An attrs validator: the text must not be empty or only spaces."""
    if not value.strip():
        name = getattr(attribute, "name", "value")
        raise DefinitionError(f"'{name}' must not be empty")
