"""What published outputs say about figures, as linear relations, and what a reader can
still make of a figure they do not see.

A reader of a paper knows more than the figures printed in it: a total is the sum of
its parts, a quarter the sum of its months, a chart's mean the average of its points, a
status word bounds a figure against a range, a percentage ties a numerator to its
denominator. Each of these is a [`Relation`][corpparent.disclosure.linear.Relation], ``lower <=
sum(weight * figure) <= upper``, and a figure the reader does not see is an
[`Unknown`][corpparent.disclosure.linear.Unknown]. What the relations leave of an unknown is a
[`Range`][corpparent.disclosure.linear.Range], worked out by
[`corpparent.disclosure.ranges`][corpparent.disclosure.ranges].
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar, final

from attrs import field, frozen

from corpparent.errors import DefinitionError

__all__ = ["Range", "Relation", "Unknown"]

K = TypeVar("K", bound=Hashable)


def _terms(value: Iterable[tuple[K, float]]) -> tuple[tuple[K, float], ...]:
    return tuple((key, float(weight)) for key, weight in value)


def _check_terms(instance: Relation[K], _attribute: object,
                 value: tuple[tuple[K, float], ...]) -> None:
    keys = [key for key, _ in value]
    if len(set(keys)) != len(keys):
        raise DefinitionError(f"a relation names a figure more than once: {keys!r} "
                              f"({instance.source or 'no source given'})")
    if any(not math.isfinite(weight) for _, weight in value):
        raise DefinitionError(f"a relation's weights must be finite numbers, got {value!r}")


def _check_bounds(instance: Relation[K], _attribute: object, value: float) -> None:
    if math.isnan(value):
        raise DefinitionError(f"a relation's bound is not a number "
                              f"({instance.source or 'no source given'})")
    if instance.lower > instance.upper:
        raise DefinitionError(
            f"a relation's lower bound {instance.lower} is above its upper bound "
            f"{instance.upper} ({instance.source or 'no source given'})")


@final
@frozen
class Relation(Generic[K]):
    """What published outputs say about figures: ``lower <= sum(weight * figure) <=
    upper``. An equation has ``lower == upper``.

    ``statement`` is the key of the published thing that says it (a chart's mean, a
    status word, a percentage's text) where withholding that thing removes the relation;
    ``None`` for a relation that holds by definition (a total is the sum of its parts; a
    quarter's count is the sum of its months). ``source`` names it in plain words for
    reports ("the quarter's total")."""

    terms: tuple[tuple[K, float], ...] = field(converter=_terms, validator=_check_terms)
    lower: float = field(default=-math.inf, converter=float, validator=_check_bounds)
    upper: float = field(default=math.inf, converter=float, validator=_check_bounds)
    statement: K | None = None
    source: str = ""

    @classmethod
    def equation(cls, terms: Iterable[tuple[K, float]], value: float, *,
                 tolerance: float = 0.0, statement: K | None = None,
                 source: str = "") -> Relation[K]:
        """``sum(weight * figure)`` is ``value``, give or take ``tolerance`` (a published
        value rounded to one decimal place has a tolerance of 0.05)."""
        if not tolerance >= 0:
            raise DefinitionError(f"a tolerance must be at least 0, got {tolerance}")
        return cls(terms, value - tolerance, value + tolerance, statement=statement,
                   source=source)

    @classmethod
    def total(cls, total: K, parts: Iterable[K], *, source: str = "") -> Relation[K]:
        """The figure ``total`` is the sum of the figures ``parts`` (holds by definition)."""
        named = tuple(parts)
        if not named:
            raise DefinitionError("a total must name at least one part")
        return cls(((total, 1.0), *((part, -1.0) for part in named)), 0.0, 0.0,
                   source=source)

    @property
    def figures(self) -> tuple[K, ...]:
        """The figures the relation names, in order."""
        return tuple(key for key, _ in self.terms)

    def is_total_of(self, key: K) -> bool:
        """Whether ``key`` is the total of an equation made by
        [`total`][corpparent.disclosure.linear.Relation.total]: the first term, weighted +1, the
        others weighted -1, equal to zero."""
        return (self.lower == self.upper == 0.0 and len(self.terms) > 1
                and self.terms[0] == (key, 1.0)
                and all(weight == -1.0 for _, weight in self.terms[1:]))


def _check_unknown(instance: Unknown[K], _attribute: object, value: float) -> None:
    if math.isnan(value) or instance.lower > instance.upper:
        raise DefinitionError(f"the bounds of {instance.figure!r} are not a range: "
                              f"{instance.lower}..{instance.upper}")


@final
@frozen
class Unknown(Generic[K]):
    """A figure a reader does not see (withheld, or never published), with what a reader
    knows of it anyway: a count is a whole number of at least 0."""

    figure: K
    integer: bool = True
    lower: float = field(default=0.0, converter=float, validator=_check_unknown)
    upper: float = field(default=math.inf, converter=float, validator=_check_unknown)


def _values(value: Iterable[int] | None) -> frozenset[int] | None:
    return None if value is None else frozenset(value)


def _excluded(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


@final
@frozen
class Range:
    """The values a withheld figure can still take: ``lower..upper`` (inclusive; whole
    numbers when the figure is a count).

    ``only`` is the exact set of values it can take where the range was small enough to
    try each value (``None`` otherwise); ``excluded`` holds values inside
    ``lower..upper`` found impossible where the range was too wide for that (the values
    of a ``c``, 1 to threshold - 1, are always tried). ``decided`` is False when the
    solver ran out of time: ``lower..upper`` then holds every value the figure can take
    but may be wider than what a reader can work out, and
    [`narrows`][corpparent.disclosure.linear.Range.narrows] says True, since a figure that could not
    be shown safe is not safe."""

    lower: float
    upper: float
    only: frozenset[int] | None = field(default=None, converter=_values)
    excluded: frozenset[int] = field(default=frozenset(), converter=_excluded)
    decided: bool = True

    @property
    def pinned(self) -> bool:
        """Whether the figure can take one value only."""
        return self.decided and (self.lower == self.upper
                                 or (self.only is not None and len(self.only) == 1))

    def possible(self, value: int) -> bool:
        """Whether the figure can be ``value`` for all this range tells."""
        if self.only is not None:
            return value in self.only
        return self.lower <= value <= self.upper and value not in self.excluded

    def narrows(self, threshold: int) -> bool:
        """Whether the range confines a ``c`` (a count from 1 to ``threshold - 1``) to
        fewer values than its symbol alone says: some value in 1..threshold-1 is
        impossible while another is still possible, or it is pinned (or the solver
        could not decide). A range that rules out every value from 1 to
        ``threshold - 1`` says only that the ``c`` is a figure withheld to protect
        another, which the symbol also stands for ("figures from which it could be
        worked out are withheld too"), even when it pins it: a ``c`` worked out as 0 or
        as 68 gives no child away by itself (zero identifies no one; 68 is shown
        wherever it is not withheld to protect another), and any small count it would
        give away with other figures is narrowed in its own right, as every withheld
        figure is tried against all the relations at once. ([`secure`][corpparent.disclosure.secure]
        is stricter with the figures it withholds to protect another: it never leaves one pinned,
        as a later paper could complete what it gives away.)"""
        if not self.decided:
            return True
        small = [self.possible(value) for value in range(1, threshold)]
        return any(small) and not all(small)
