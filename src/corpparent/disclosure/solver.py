"""The narrowest range a reader can put on each figure they do not see, given the
figures they do see and the relations the published outputs state.

Every range is worked out by an exact mixed-integer solver (SciPy's ``milp``, which runs
HiGHS), never by a hand-written search: each unknown is minimised and maximised over
the whole-number solutions of the relations, and where a range is small, or covers the
values of a ``c``, each of those values is tried in turn so that a hole in the middle
(a count that can be 1 or 3 but not 2) is found as well. SciPy is imported only when a
range is asked for.

Figures the reader sees are substituted into the relations first. A relation left with
no unknown is a check that the published figures agree with each other: if they do not
(within `CHECK_TOLERANCE`), the result says so (``consistent`` is False) and the
other relations are still used. Unknowns that share no relation are solved apart, each
group over one constraint matrix built once and shared by all of its solves.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Final, Generic, TypeVar, final

from corpparent.disclosure.linear import Range, Relation, Unknown
from corpparent.disclosure.problem import Component, Outcome, Row, components
from corpparent.disclosure.tables import DEFAULT_THRESHOLD
from corpparent.errors import DefinitionError

__all__ = ["CHECK_TOLERANCE", "ENUMERATION_LIMIT", "TIME_LIMIT", "Group", "Ranges", "build",
           "holds", "ranges"]

K = TypeVar("K", bound=Hashable)

#: A relation between published figures only holds when its sides agree to within this
#: fraction of the larger of them (or of 1): published values are rounded decimals.
CHECK_TOLERANCE: Final = 1e-6
#: Seconds one solve may take; a solve that runs out of time leaves its figure undecided.
TIME_LIMIT: Final = 5.0
#: A count's range of at most this many values is tried value by value (``Range.only``).
ENUMERATION_LIMIT: Final = 16


@final
class Ranges(dict[K, Range], Generic[K]):
    """The range of each unknown, by its key, and whether the published figures agree:
    ``consistent`` is False when some relation contradicts the figures (``contradicted``
    lists the relations between published figures only that do not hold). Where a group
    of unknowns has no solution at all, each keeps only its own bounds."""

    __slots__ = ("consistent", "contradicted")

    def __init__(self, items: Iterable[tuple[K, Range]], *, consistent: bool,
                 contradicted: Iterable[Relation[K]] = ()) -> None:
        super().__init__(items)
        self.consistent = consistent
        self.contradicted = tuple(contradicted)

    @property
    def decided(self) -> bool:
        """Whether every range was worked out within the time allowed."""
        return all(item.decided for item in self.values())


def ranges(known: Mapping[K, float], unknowns: Iterable[Unknown[K]],
           relations: Iterable[Relation[K]], *, threshold: int = DEFAULT_THRESHOLD,
           time_limit: float = TIME_LIMIT) -> Ranges[K]:
    """For each unknown, the narrowest range the relations allow given the known figures.

    Raises [`DefinitionError`][corpparent.errors.DefinitionError] for a relation naming a figure
    that is neither known nor unknown, a figure both known and unknown, or a known value that is not
    a finite number."""
    wanted = tuple(unknowns)
    groups, contradicted = build(known, wanted, relations, time_limit=time_limit)
    result: dict[K, Range] = {}
    consistent = not contradicted
    for group in groups:
        members, component = group.members, group.component()
        solved = _alone(members[0]) if component is None else _solve(component, threshold)
        if solved is None:
            consistent = False
            solved = [Range(item.lower, item.upper) for item in members]
        result.update((item.figure, found) for item, found in zip(members, solved, strict=True))
    return Ranges(((item.figure, result[item.figure]) for item in wanted),
                  consistent=consistent, contradicted=contradicted)


@final
class Group(Generic[K]):
    """Unknowns that share relations (or one unknown that no relation names), with those
    relations; its problem is built when first asked for."""

    __slots__ = ("_component", "_positions", "_time_limit", "members", "relations", "rows")

    def __init__(self, members: list[Unknown[K]], positions: list[int], rows: list[Row],
                 relations: list[Relation[K]], time_limit: float) -> None:
        self.members, self.rows, self.relations = members, rows, relations
        self._positions, self._time_limit = positions, time_limit
        self._component: Component | None = None

    @property
    def key(self) -> tuple[frozenset[K], frozenset[Relation[K]]]:
        """What the group's problem depends on, given the known figures."""
        return frozenset(item.figure for item in self.members), frozenset(self.relations)

    def component(self) -> Component | None:
        """The group's problem, or ``None`` when no relation names its one unknown."""
        if self._component is None and self.rows:
            self._component = Component(self.members, self._positions, self.rows,
                                        time_limit=self._time_limit)
        return self._component


def build(known: Mapping[K, float], unknowns: Sequence[Unknown[K]],
          relations: Iterable[Relation[K]], *, time_limit: float = TIME_LIMIT,
          ) -> tuple[list[Group[K]], list[Relation[K]]]:
    """The unknowns in groups that share no relation, and the relations between known
    figures only that do not hold."""
    index = _index(known, unknowns)
    rows: list[Row] = []
    origins: list[Relation[K]] = []
    contradicted: list[Relation[K]] = []
    for relation in relations:
        row = _substitute(relation, known, index)
        if row is None:
            contradicted.append(relation)
        elif row.weights:
            rows.append(row)
            origins.append(relation)
    made = components(len(unknowns), rows)
    of_row = {id(row): relation for row, relation in zip(rows, origins, strict=True)}
    groups = [Group([unknowns[i] for i in positions], positions, group_rows,
                    [of_row[id(row)] for row in group_rows], time_limit)
              for positions, group_rows in made]
    return groups, contradicted


def holds(relation: Relation[K], known: Mapping[K, float]) -> bool:
    """Whether a relation between known figures holds, to within
    `CHECK_TOLERANCE` of the largest of its sides (or of 1)."""
    constant = math.fsum(weight * known[key] for key, weight in relation.terms)
    scale = max([1.0, abs(constant)] + [abs(bound) for bound in (relation.lower, relation.upper)
                                         if math.isfinite(bound)])
    slack = CHECK_TOLERANCE * scale
    return relation.lower - slack <= constant <= relation.upper + slack


def _index(known: Mapping[K, float], unknowns: Sequence[Unknown[K]]) -> dict[K, int]:
    index: dict[K, int] = {}
    for position, item in enumerate(unknowns):
        if item.figure in index:
            raise DefinitionError(f"{item.figure!r} is named twice as an unknown")
        if item.figure in known:
            raise DefinitionError(f"{item.figure!r} is both known and unknown")
        index[item.figure] = position
    bad = sorted(repr(key) for key, value in known.items() if not math.isfinite(value))
    if bad:
        raise DefinitionError(f"known figures must be finite numbers: {', '.join(bad)}")
    return index


def _substitute(relation: Relation[K], known: Mapping[K, float],
                index: Mapping[K, int]) -> Row | None:
    """The relation over the unknowns alone, the known figures moved into its bounds;
    ``None`` when it names no unknown and the known figures break it."""
    missing = sorted(repr(key) for key in relation.figures
                     if key not in known and key not in index)
    if missing:
        raise DefinitionError(
            f"{relation.source or 'a relation'} names figures that are neither known nor "
            f"unknown: {', '.join(missing)}")
    constant = math.fsum(weight * known[key] for key, weight in relation.terms
                         if key in known)
    weights = {index[key]: weight for key, weight in relation.terms
               if key in index and weight != 0.0}
    if not weights:
        return Row({}, 0.0, 0.0) if holds(relation, known) else None
    return Row(weights, relation.lower - constant, relation.upper - constant)


def _alone(item: Unknown[K]) -> list[Range] | None:
    """The range of an unknown no relation names: its own bounds."""
    if not item.integer:
        return [Range(item.lower, item.upper)]
    lower = float(math.ceil(item.lower)) if math.isfinite(item.lower) else item.lower
    upper = float(math.floor(item.upper)) if math.isfinite(item.upper) else item.upper
    if lower > upper:
        return None
    if math.isfinite(lower) and math.isfinite(upper) and upper - lower < ENUMERATION_LIMIT:
        return [Range(lower, upper, only=range(int(lower), int(upper) + 1))]
    return [Range(lower, upper)]


def _solve(component: Component, threshold: int) -> list[Range] | None:
    """The ranges of one group of unknowns; ``None`` when the group has no solution."""
    first = component.feasible()
    if first.status == "infeasible":
        return None
    if first.status == "undecided":
        return [Range(item.lower, item.upper, decided=False) for item in component.unknowns]
    return [_range(component, i, threshold) for i in range(len(component.unknowns))]


def _range(component: Component, i: int, threshold: int) -> Range:
    item = component.unknowns[i]
    decided = True
    lower, upper = item.lower, item.upper
    seen = component.seen[i]
    if not (item.integer and seen and min(seen) == lower):
        low = component.optimise(i, maximise=False)
        decided &= low.status != "undecided"
        lower = _bound(low, item.lower, item.integer, maximise=False)
    if not (item.integer and seen and max(component.seen[i]) == upper):
        high = component.optimise(i, maximise=True)
        decided &= high.status != "undecided"
        upper = _bound(high, item.upper, item.integer, maximise=True)
    if not item.integer or not decided:
        return Range(lower, upper, decided=decided)
    values = _candidates(lower, upper, threshold)
    impossible: set[int] = set()
    for value in values:
        if value in component.seen[i]:
            continue
        outcome = component.feasible(fix=(i, value, value))
        if outcome.status == "undecided":
            return Range(lower, upper, decided=False)
        if outcome.status == "infeasible":
            impossible.add(value)
    if math.isfinite(lower) and math.isfinite(upper) and upper - lower < ENUMERATION_LIMIT:
        return Range(lower, upper, only=set(values) - impossible)
    return Range(lower, upper, excluded=impossible)


def _bound(outcome: Outcome, own: float, integer: bool, *, maximise: bool) -> float:
    """The least (or greatest) value of an unknown: its optimum, or, when the solver ran
    out of time, the solver's proven bound (every value lies within it)."""
    if outcome.status == "unbounded":
        return math.inf if maximise else -math.inf
    value = outcome.value if outcome.status == "optimal" else outcome.bound
    if not math.isfinite(value):
        return own
    if integer:
        value = float(math.floor(value + 1e-6) if maximise else math.ceil(value - 1e-6))
    return min(value, own) if maximise else max(value, own)


def _candidates(lower: float, upper: float, threshold: int) -> list[int]:
    """The values of a count to try: all of them when the range is small, otherwise the
    values of a ``c`` (1 to threshold - 1) that fall in it."""
    if math.isfinite(lower) and math.isfinite(upper) and upper - lower < ENUMERATION_LIMIT:
        return list(range(int(lower), int(upper) + 1))
    return [value for value in range(1, threshold) if lower <= value <= upper]


