"""One group of unknowns tied together by relations, as a mixed-integer problem that
SciPy's ``milp`` (HiGHS) solves again and again with different objectives.

The constraint matrix is built once per group and shared by every solve; only the
objective and the bounds of one unknown change between solves. Every solution the solver
finds is a table of values a reader cannot tell from the true one, so each is kept
(``seen``): a value already seen is possible and need not be tried again.

A question of feasibility ("can this figure be 3?") is put to the solver as the search
for a solution nearest the unknowns' own bounds (the sum of the counts, each at least 0,
made least), stopped at the first solution found. With no objective at all, branching
has nothing to steer it and can wander among ever larger values: on a year's
percentages, whose numerators and denominators only fit a few narrow fractions, such a
search ran out of time on questions one small solution answers at once.

Unknowns that every relation weighs alike, with the same bounds (the months of a year
no paper prints, each only a part of the year's total), are ``twins``: swapping two of
them turns any solution into another, so each can take exactly the values the other
can. A question about one is asked of the first of its twins, once, and its answer kept
(as is every answer); twins share what they were seen to take.

Numerical care: a relation's bounds are widened by `SLACK` times their size (at
least 1) so that a published value carried as a binary float (33.3 is 33.29999...) never
rules out the figures it was computed from; HiGHS's own feasibility tolerances (1e-7 on
a constraint, 1e-6 from a whole number) apply on top, and a count's optimum is rounded
to the whole number within 1e-6 of it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final, Literal, final

from attrs import frozen

from corpparent.disclosure.linear import Unknown
from corpparent.errors import MissingDependencyError

__all__ = ["SLACK", "Component", "Outcome", "Row", "components"]

#: How far (relative, at least 1 in size) a relation's bounds are widened for floats.
SLACK: Final = 1e-9

Status = Literal["optimal", "infeasible", "unbounded", "undecided"]


@final
@frozen
class Row:
    """A relation over unknowns only: ``lower <= sum(weight * unknown) <= upper``, the
    unknowns by position."""

    weights: dict[int, float]
    lower: float
    upper: float


@final
@frozen
class Outcome:
    """What one solve gave: its status, the optimum (when ``optimal``), and the
    solver's proven bound on the optimum (when it ran out of time)."""

    status: Status
    value: float = math.nan
    bound: float = math.nan


def components(count: int, rows: Sequence[Row]) -> list[tuple[list[int], list[Row]]]:
    """The unknowns ``0..count-1`` split into groups that share no relation, each with
    its relations, in the order of their first unknown."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for row in rows:
        first, *others = row.weights
        for other in others:
            parent[root(other)] = root(first)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    grouped: dict[int, list[Row]] = {key: [] for key in groups}
    for row in rows:
        grouped[root(next(iter(row.weights)))].append(row)
    return [(groups[key], grouped[key]) for key in groups]


def _towards(lower: Sequence[float], upper: Sequence[float]) -> list[float]:
    """An objective with a least value within the bounds (so no search along it is
    unbounded): each unknown with a lower bound made least, each with only an upper bound
    made greatest, a free one left alone. A feasibility search is steered towards it."""
    return [1.0 if math.isfinite(low) else -1.0 if math.isfinite(high) else 0.0
            for low, high in zip(lower, upper, strict=True)]


def _scipy() -> tuple[Any, Any, Any]:
    try:
        from scipy.optimize import Bounds, LinearConstraint, milp
    except ImportError as error:  # pragma: no cover - scipy is a dependency
        raise MissingDependencyError(
            "checking what published figures reveal needs SciPy: pip install scipy"
        ) from error
    return Bounds, LinearConstraint, milp


@final
class Component:
    """One group of unknowns (by their global positions in ``rows``' weights) and the
    relations among them, ready to solve."""

    def __init__(self, unknowns: Sequence[Unknown[Any]], positions: Sequence[int],
                 rows: Sequence[Row], *, time_limit: float) -> None:
        self.unknowns = tuple(unknowns)
        self.rows = tuple(rows)
        self._bounds, linear, self._milp = _scipy()
        self._local = local = {position: i for i, position in enumerate(positions)}
        width = len(self.unknowns)
        matrix = []
        for row in self.rows:
            line = [0.0] * width
            for position, weight in row.weights.items():
                line[local[position]] = weight
            matrix.append(line)
        lower = [row.lower - SLACK * max(1.0, abs(row.lower)) for row in self.rows]
        upper = [row.upper + SLACK * max(1.0, abs(row.upper)) for row in self.rows]
        self._constraints = linear(matrix, lower, upper) if matrix else None
        self._integrality = [1 if item.integer else 0 for item in self.unknowns]
        first: dict[tuple[object, ...], int] = {}
        #: For each unknown, the first unknown whose values are exactly its own (itself
        #: if none before it): the same bounds, and the same weight in every relation.
        self.twins = [first.setdefault((item.integer, item.lower, item.upper,
                                        *(line[i] for line in matrix)), i)
                      for i, item in enumerate(self.unknowns)]
        sets: dict[int, set[int]] = {}
        #: The whole-number values each unknown was seen to take in some solution (one
        #: set shared by twins: a value one of them takes, any of them can).
        self.seen: list[set[int]] = [sets.setdefault(twin, set()) for twin in self.twins]
        #: What each question asked so far gave, asked of the first of its twins.
        self._answers: dict[tuple[int, int, float, float], Outcome] = {}
        self._options = {"presolve": True, "time_limit": time_limit, "mip_rel_gap": 0.0,
                         "disp": False}
        #: A feasibility question stops at the first solution, whatever its objective.
        self._first = {**self._options, "mip_rel_gap": math.inf}

    def feasible(self, fix: tuple[int, float, float] | None = None) -> Outcome:
        """Whether the relations have a solution (with unknown ``fix[0]`` between
        ``fix[1]`` and ``fix[2]``, if given): ``optimal`` when they have."""
        if fix is None:
            return self._solve(None, None)
        i, low, high = fix
        key = (0, self.twins[i], low, high)
        if key not in self._answers:
            self._answers[key] = self._solve(None, (self.twins[i], low, high))
        return self._answers[key]

    def optimise(self, i: int, *, maximise: bool) -> Outcome:
        """The least (or greatest) value unknown ``i`` takes in a solution."""
        sign = -1 if maximise else 1
        key = (sign, self.twins[i], -math.inf, math.inf)
        if key not in self._answers:
            objective = [0.0] * len(self.unknowns)
            objective[self.twins[i]] = float(sign)
            outcome = self._solve(objective, None)
            self._answers[key] = (Outcome(outcome.status, -outcome.value, -outcome.bound)
                                  if maximise else outcome)
        return self._answers[key]

    def _solve(self, objective: list[float] | None,
               fix: tuple[int, float, float] | None) -> Outcome:
        """Solve for ``objective``, or, when it is ``None``, for any solution."""
        lower = [item.lower for item in self.unknowns]
        upper = [item.upper for item in self.unknowns]
        if fix is not None:
            i, low, high = fix
            lower[i], upper[i] = max(lower[i], low), min(upper[i], high)
            if lower[i] > upper[i]:
                return Outcome("infeasible")
        result = self._milp(_towards(lower, upper) if objective is None else objective,
                            integrality=self._integrality, bounds=self._bounds(lower, upper),
                            constraints=self._constraints,
                            options=self._options if objective else self._first)
        if result.x is not None:
            self._witness([float(value) for value in result.x])
        if objective is None and result.x is not None:
            return Outcome("optimal", 0.0)  # a solution, however far the search went
        if result.status == 0 and objective is not None:
            return Outcome("optimal", float(result.fun))
        if result.status == 2:
            return Outcome("infeasible")
        if result.status in (3, 4):  # unbounded, or "unbounded or infeasible"
            return Outcome("unbounded" if objective else "infeasible")
        bound = getattr(result, "mip_dual_bound", None)
        return Outcome("undecided", bound=math.nan if bound is None else float(bound))

    def seed(self, values: Sequence[float | None]) -> None:
        """Count a known solution (the true figures) as seen, when every unknown has one
        and they satisfy every relation (published figures may contradict each other)."""
        if any(value is None for value in values):
            return
        solution = [float(value) for value in values if value is not None]
        for row in self.rows:
            total = math.fsum(weight * solution[self._local[position]]
                              for position, weight in row.weights.items())
            slack = 1e-6 * max(1.0, abs(total))
            if not row.lower - slack <= total <= row.upper + slack:
                return
        self._witness(solution)

    def _witness(self, solution: list[float]) -> None:
        for i, value in enumerate(solution):
            if self.unknowns[i].integer and abs(value - round(value)) < 1e-6:
                self.seen[i].add(round(value))
