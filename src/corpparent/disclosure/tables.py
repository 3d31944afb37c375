"""The vocabulary of statistical disclosure control for small counts of children: the
threshold, declared totals, figures derived from a count, and the log of what was
withheld and why.

The DfE's statistics on children looked after publish a small count as ``c`` "to
protect confidentiality", and warn that "secondary suppression may be required"
(Explore Education Statistics, *Children looked after: a focus on placement location*,
methodology, "Rounding, suppression and grossing").
[`corpparent.disclosure.protect`][corpparent.disclosure.protect] and
[`corpparent.disclosure.secure`][corpparent.disclosure.secure] do what that practice asks; this
module holds the terms they share.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Mapping
from typing import Final, Generic, TypeVar, final

from attrs import field, frozen

from corpparent.errors import DefinitionError

__all__ = [
    "DEFAULT_THRESHOLD",
    "Derived",
    "Protected",
    "Reason",
    "Total",
    "Withheld",
]

#: Counts from 1 to 5 are withheld by default (the "fewer than 6 children" convention).
DEFAULT_THRESHOLD: Final = 6

K = TypeVar("K", bound=Hashable)


def _parts_not_empty(_instance: object, _attribute: object, value: tuple[object, ...]) -> None:
    if not value:
        raise DefinitionError("a total must name at least one part")


@final
@frozen
class Total(Generic[K]):
    """The figure ``total`` is the sum of the figures ``parts``."""

    total: K
    parts: tuple[K, ...] = field(converter=tuple, validator=_parts_not_empty)

    def members(self) -> tuple[K, ...]:
        """The total and its parts: every figure of the equation."""
        return (self.total, *self.parts)


@final
@frozen
class Derived(Generic[K]):
    """The figure ``figure`` is computed from the count ``source`` (a percentage or a rate
    whose numerator it is), so it is withheld whenever ``source`` is."""

    figure: K
    source: K


class Reason(enum.Enum):
    """Why a figure was withheld."""

    SMALL_COUNT = "primary"
    DERIVED = "derived"
    DIFFERENCING = "secondary"
    STATEMENT = "statement"


@final
@frozen
class Withheld(Generic[K]):
    """One withheld figure (or, for
    [`Reason.STATEMENT`][corpparent.disclosure.tables.Reason.STATEMENT], a withdrawn statement),
    why, and which figure it protects (secondary suppression, a derived figure, a statement)."""

    figure: K
    reason: Reason
    protects: K | None = None

    def describe(self, threshold: int) -> str:
        """The sentence the private log prints for this figure."""
        if self.reason is Reason.SMALL_COUNT:
            return f"{self.figure}: a count of fewer than {threshold} children"
        if self.reason is Reason.DERIVED:
            return f"{self.figure}: computed from the withheld count {self.protects}"
        if self.reason is Reason.STATEMENT:
            return f"{self.figure}: a statement about the withheld figure {self.protects}"
        return (
            f"{self.figure}: withheld so that {self.protects} cannot be worked out "
            "from a total"
        )


@final
@frozen
class Protected(Generic[K]):
    """The outcome of [`protect`][corpparent.disclosure.protect]: which figures may be published,
    and a log of the others in the order they were withheld."""

    values: Mapping[K, float | None]
    withheld: tuple[Withheld[K], ...]
    threshold: int

    @property
    def withheld_figures(self) -> frozenset[K]:
        """The keys of every withheld figure."""
        return frozenset(item.figure for item in self.withheld)

    def published(self) -> dict[K, float | None]:
        """Every figure, with ``None`` where it is withheld (the report writes ``c``)."""
        hidden = self.withheld_figures
        return {key: (None if key in hidden else value) for key, value in self.values.items()}

    def log(self) -> list[str]:
        """One sentence per withheld figure, for the private output."""
        return [item.describe(self.threshold) for item in self.withheld]
