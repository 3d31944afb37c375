"""Statistical disclosure control for small counts of children: primary and secondary
suppression over a table whose figures add up to totals.

The DfE's statistics on children looked after publish a small count as ``c`` "to
protect confidentiality", and warn that "secondary suppression may be required"
(Explore Education Statistics, *Children looked after: a focus on placement location*,
methodology, "Rounding, suppression and grossing"). Primary suppression alone is not
enough wherever figures add up: a total of 71 children with 68 placed in county
publishes the 3 placed out of county, whatever that cell shows. :func:`protect` does
what the DfE's practice asks:

* **primary**: every count from 1 to ``threshold - 1`` is withheld (zero is shown: it
  identifies no one), and so is every figure derived from a withheld count, such as a
  percentage whose numerator it is (2 of 5 published as 40% publishes the 2);
* **secondary**: while any withheld figure can still be worked out from the published
  figures through the declared totals, one more figure of a total that gives it away is
  withheld: the one that leaves the fewest figures exposed, then the smallest.

"Worked out" is tested exactly, not by a rule of thumb: the declared totals are linear
equations, and a withheld figure is recoverable when its value follows from them and the
published figures (its unit vector lies in the row space of the equations over the
figures not published), which catches differences taken across several totals at once.
Every figure withheld is logged with the reason, so a private copy can say what the
public one left out and why.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
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
    "protect",
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


@final
@frozen
class Withheld(Generic[K]):
    """One withheld figure, why, and (for secondary suppression) which figure it protects."""

    figure: K
    reason: Reason
    protects: K | None = None

    def describe(self, threshold: int) -> str:
        """The sentence the private log prints for this figure."""
        if self.reason is Reason.SMALL_COUNT:
            return f"{self.figure}: a count of fewer than {threshold} children"
        if self.reason is Reason.DERIVED:
            return f"{self.figure}: computed from the withheld count {self.protects}"
        return (
            f"{self.figure}: withheld so that {self.protects} cannot be worked out "
            "from a total"
        )


@final
@frozen
class Protected(Generic[K]):
    """The outcome of :func:`protect`: which figures may be published, and a log of the
    others in the order they were withheld."""

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


def protect(
    values: Mapping[K, float | None],
    *,
    totals: Iterable[Total[K]] = (),
    derived: Iterable[Derived[K]] = (),
    threshold: int = DEFAULT_THRESHOLD,
) -> Protected[K]:
    """Withhold the small counts among ``values``, what is derived from them, and enough
    other figures that none of them can be worked out from ``totals``.

    ``values`` maps each count to its value, ``None`` where it is not available (an
    unavailable figure is as unknown to a reader as a withheld one). Every figure named by
    a total or a derived figure must be a key of ``values``. Derived figures (percentages,
    rates) are keys of ``values`` too, and are never themselves judged as counts.
    """
    if threshold < 1:
        raise DefinitionError(f"suppression threshold must be at least 1, got {threshold}")
    relations = tuple(totals)
    derivations = tuple(derived)
    _check_known(values, relations, derivations)
    derived_figures = {item.figure for item in derivations}
    log: list[Withheld[K]] = [
        Withheld(key, Reason.SMALL_COUNT)
        for key, value in values.items()
        if key not in derived_figures and value is not None and 0 < value < threshold
    ]
    hidden = {item.figure for item in log}
    while exposed := _exposed(values, relations, hidden):
        complement = _complement(values, relations, hidden, exposed)
        if complement is None:
            break
        hidden.add(complement)
        still = _exposed(values, relations, hidden)
        protects = next((key for key in exposed if key not in still), exposed[0])
        log.append(Withheld(complement, Reason.DIFFERENCING, protects=protects))
    for item in derivations:
        if item.source in hidden and item.figure not in hidden:
            hidden.add(item.figure)
            log.append(Withheld(item.figure, Reason.DERIVED, protects=item.source))
    return Protected(values=dict(values), withheld=tuple(log), threshold=threshold)


def _check_known(
    values: Mapping[K, float | None],
    relations: Sequence[Total[K]],
    derivations: Sequence[Derived[K]],
) -> None:
    named = [key for relation in relations for key in relation.members()]
    named += [key for item in derivations for key in (item.figure, item.source)]
    unknown = sorted({repr(key) for key in named if key not in values})
    if unknown:
        raise DefinitionError(
            f"figures named by a total or a derived figure have no value: {', '.join(unknown)}"
        )


def _exposed(
    values: Mapping[K, float | None], relations: Sequence[Total[K]], hidden: set[K]
) -> list[K]:
    """The withheld figures (in the order of ``values``) that the published figures and
    the totals determine: empty when every withheld figure is safe."""
    unknowns = [key for key, value in values.items() if key in hidden or value is None]
    rows = _equations(relations, unknowns)
    rank = _rank(rows)
    exposed = []
    for key in values:
        if key in hidden:
            unit = [Fraction(int(key == other)) for other in unknowns]
            if _rank([*rows, unit]) == rank:
                exposed.append(key)
    return exposed


def _equations(relations: Sequence[Total[K]], unknowns: Sequence[K]) -> list[list[Fraction]]:
    """Each total as a row over the unknown figures: total - sum(parts) = published part."""
    index = {key: position for position, key in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for relation in relations:
        row = [Fraction(0)] * len(unknowns)
        if relation.total in index:
            row[index[relation.total]] += 1
        for part in relation.parts:
            if part in index:
                row[index[part]] -= 1
        if any(row):
            rows.append(row)
    return rows


def _rank(rows: Sequence[Sequence[Fraction]]) -> int:
    """The rank of a small matrix by exact Gaussian elimination."""
    matrix = [list(row) for row in rows]
    rank = 0
    columns = len(matrix[0]) if matrix else 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        lead = matrix[rank][column]
        for other in range(rank + 1, len(matrix)):
            factor = matrix[other][column] / lead
            if factor:
                matrix[other] = [a - factor * b for a, b in zip(matrix[other], matrix[rank],
                                                                 strict=True)]
        rank += 1
    return rank


def _complement(
    values: Mapping[K, float | None],
    relations: Sequence[Total[K]],
    hidden: set[K],
    exposed: Sequence[K],
) -> K | None:
    """The published figure to withhold next: of the totals that reach an exposed figure
    (directly first, then through other withheld figures), the figure whose withholding
    leaves the fewest figures exposed; among those the smallest, parts before totals and
    zeros last (a zero is shown wherever it can be). ``None`` when no published figure is
    left to withhold."""
    reached = set(exposed)
    seen: set[int] = set()
    frontier = [relation for relation in relations if reached & set(relation.members())]
    while frontier:
        candidates = {
            key: (value == 0, key == relation.total, value, position)
            for relation in frontier
            for position, key in enumerate(relation.members())
            if key not in hidden and (value := values[key]) is not None
        }
        if candidates:
            return min(
                candidates,
                key=lambda key: (len(_exposed(values, relations, {*hidden, key})),
                                 *candidates[key]),
            )
        seen.update(id(relation) for relation in frontier)
        reached.update(key for relation in frontier for key in relation.members())
        frontier = [
            relation
            for relation in relations
            if id(relation) not in seen and reached & set(relation.members())
        ]
    return None
