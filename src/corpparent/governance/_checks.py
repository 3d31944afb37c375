"""Validators and converters shared by the governance definitions.

Each raises [`DefinitionError`][corpparent.errors.DefinitionError] naming the field, so a bad
constitution fails where it is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from corpparent.errors import DefinitionError
from corpparent.governance.membership import MemberClass, Office

__all__ = [
    "at_least_one",
    "check_span",
    "member_classes",
    "non_negative",
    "offices",
    "optional_at_least_one",
]


def _name(attribute: object) -> str:
    return getattr(attribute, "name", "value")


def non_negative(_instance: object, attribute: object, value: int) -> None:
    """A count of zero or more."""
    if value < 0:
        raise DefinitionError(f"{_name(attribute)!r} must be >= 0, got {value}")


def at_least_one(_instance: object, attribute: object, value: int) -> None:
    """A count of one or more."""
    if value < 1:
        raise DefinitionError(f"{_name(attribute)!r} must be at least 1, got {value}")


def optional_at_least_one(instance: object, attribute: object, value: int | None) -> None:
    """None, or a count of one or more."""
    if value is not None:
        at_least_one(instance, attribute, value)


def check_span(what: str, start: date, end: date) -> None:
    """A span whose ``end`` does not precede its ``start``."""
    if end < start:
        raise DefinitionError(
            f"{what}'s 'end' must not precede its 'start': "
            f"{end.isoformat()} < {start.isoformat()}"
        )


def member_classes(values: Iterable[MemberClass | str]) -> tuple[MemberClass, ...]:
    """Classes of member from enums or their values ("core councillor")."""
    return tuple(MemberClass(v) for v in values)


def offices(values: Iterable[Office | str]) -> tuple[Office, ...]:
    """Offices from enums or their values ("chair")."""
    return tuple(Office(v) for v in values)
