"""Withhold what a public paper must not show, so that no withheld count can be narrowed
from what it does show, by anyone who tries.

[`secure`][corpparent.disclosure.withholding.secure] follows the DfE's practice for children looked
after (a count from 1 to 5 is published as ``c``, and "secondary suppression may be required") and
the Government Statistical Service's guidance on disclosure control (a withheld figure must not be
recoverable by differencing, from totals or from other outputs). It goes one step
further than recoverability: a ``c`` is safe only when a reader who knows every
published figure and every relation between figures still cannot rule out any of the
values 1 to ``threshold - 1`` (a range of 1 to 2 says more than ``c`` does).

* **primary**: every count from 1 to ``threshold - 1`` (zero identifies no one), and
  every figure derived from a withheld figure (a percentage whose numerator it is);
* **statements**: a published statement about a withheld figure (a chart's mean, a
  status word, a percentage's text) is withdrawn with it;
* **secondary**: while some withheld figure is narrowed (or pinned, for a figure
  withheld to protect another), a statement that narrows it is withdrawn, or else one
  more published figure of a relation that holds by definition is withheld: the one
  that leaves the fewest figures narrowed, then the smallest, parts before totals,
  zeros last.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Generic, TypeVar, final

from attrs import frozen

from corpparent.disclosure.linear import Relation, Unknown
from corpparent.disclosure.problem import Component
from corpparent.disclosure.solver import TIME_LIMIT, build
from corpparent.disclosure.tables import DEFAULT_THRESHOLD, Derived, Reason, Withheld
from corpparent.errors import DefinitionError

__all__ = ["Secured", "secure"]

K = TypeVar("K", bound=Hashable)


@final
@frozen
class Secured(Generic[K]):
    """The outcome of [`secure`][corpparent.disclosure.withholding.secure]: every figure withheld
    and statement withdrawn, in order, with its reason, and the statements withdrawn."""

    withheld: tuple[Withheld[K], ...]
    dropped: frozenset[K]

    @property
    def withheld_figures(self) -> frozenset[K]:
        """The keys of every withheld figure (withdrawn statements are in ``dropped``)."""
        return frozenset(item.figure for item in self.withheld
                         if item.reason is not Reason.STATEMENT)


@final
class _State(Generic[K]):
    """What [`secure`][corpparent.disclosure.withholding.secure] has withheld so far, and how to
    test it."""

    def __init__(self, values: Mapping[K, float | None], relations: tuple[Relation[K], ...],
                 counts: frozenset[K], published: Mapping[K, float], threshold: int) -> None:
        self.values, self.relations, self.counts = values, relations, counts
        self.published, self.threshold = published, threshold
        self.log: list[Withheld[K]] = []
        self.hidden: dict[K, None] = {}
        self.dropped: dict[K, None] = {}
        #: The exposed figures of each group of unknowns already tested, by what the
        #: group's problem depends on (its unknowns and relations; the values are fixed).
        self._cache: dict[tuple[frozenset[K], frozenset[Relation[K]]], list[K]] = {}

    def withhold(self, key: K, reason: Reason, protects: K | None = None) -> None:
        self.hidden[key] = None
        self.log.append(Withheld(key, reason, protects=protects))

    def active(self, dropped: Iterable[K] = ()) -> list[Relation[K]]:
        gone = {*self.dropped, *dropped}
        return [r for r in self.relations if r.statement is None or r.statement not in gone]

    def small(self, key: K) -> bool:
        value = self.values.get(key)
        return key in self.counts and value is not None and 0 < value < self.threshold

    def exposed(self, hidden: Iterable[K] = (), dropped: Iterable[K] = ()) -> list[K]:
        """The withheld figures (with ``hidden`` withheld and ``dropped`` withdrawn as
        well) that a reader can narrow, in the order of ``values``."""
        secret = {*self.hidden, *hidden}
        known = {key: value for key, value in self.values.items()
                 if value is not None and key not in secret}
        known.update(self.published)
        unknowns = [Unknown(key, integer=key in self.counts,
                            lower=0.0 if key in self.counts else -math.inf)
                    for key in self.values if key not in known]
        groups, _ = build(known, unknowns, self.active(dropped), time_limit=TIME_LIMIT)
        order = {key: position for position, key in enumerate(self.values)}
        found = []
        for group in groups:
            if group.key not in self._cache:
                component = group.component()
                self._cache[group.key] = ([] if component is None
                                          else self._narrowed(group.members, component, secret))
            found += self._cache[group.key]
        return sorted(found, key=lambda key: order.get(key, len(order)))

    def _narrowed(self, members: list[Unknown[K]], component: Component,
                  secret: set[K]) -> list[K]:
        component.seed([self.values[item.figure] for item in members])
        if not any(component.seen) and component.feasible().status != "optimal":
            # Figures that contradict each other (or a problem too hard to decide): a
            # reader could still drop a relation and narrow, so nothing here is safe.
            return [item.figure for item in members if item.figure in secret]
        return [item.figure for i, item in enumerate(members)
                if item.figure in secret and self._open(component, i, item.figure)]

    def _open(self, component: Component, i: int, key: K) -> bool:
        """Whether a reader can narrow withheld figure ``key`` (unknown ``i``): rule out a
        value of its ``c`` if it is a small count, or pin it (a ``c`` that stands for one
        value only, at a threshold of 2, is pinned when nothing else is possible)."""
        if self.small(key):
            for candidate in range(1, self.threshold):
                if candidate not in component.seen[i]:
                    outcome = component.feasible(fix=(i, candidate, candidate))
                    if outcome.status != "optimal":
                        return True
            if self.threshold > 2:  # every value of the c is possible: not pinned either
                return False
        item = component.unknowns[i]
        if item.integer:
            if len(component.seen[i]) > 1:
                return False
            if not component.seen[i]:
                component.feasible()
            if len(component.seen[i]) != 1:
                return True
            (one,) = component.seen[i]
            for low, high in ((-math.inf, one - 1.0), (one + 1.0, math.inf)):
                outcome = component.feasible(fix=(i, low, high))
                if outcome.status == "undecided":
                    return True
                if outcome.status == "optimal":
                    return False
            return True
        least, most = (component.optimise(i, maximise=side) for side in (False, True))
        if "undecided" in (least.status, most.status):
            return True
        if "unbounded" in (least.status, most.status):
            return False
        return most.value - least.value <= 1e-9 * max(1.0, abs(most.value))

    def withdraw(self) -> None:
        """Withdraw every statement that names a withheld figure."""
        for relation in self.relations:
            if relation.statement is None or relation.statement in self.dropped:
                continue
            about = next((key for key in relation.figures if key in self.hidden), None)
            if about is not None:
                self.dropped[relation.statement] = None
                self.log.append(Withheld(relation.statement, Reason.STATEMENT, protects=about))


def secure(values: Mapping[K, float | None], relations: Iterable[Relation[K]], *,
           counts: Iterable[K] | None = None, derived: Iterable[Derived[K]] = (),
           threshold: int = DEFAULT_THRESHOLD,
           published: Mapping[K, float] | None = None,
           keep_withheld: Mapping[K, K] | None = None) -> Secured[K]:
    """Withhold the small counts among ``values``, what is derived from them, the
    statements about them, and enough other figures and statements that a reader can
    narrow none of them.

    ``counts`` are the figures judged as counts (whole numbers of at least 0; default:
    every key of ``values`` that is not a derived figure). A value ``None`` is a figure a
    reader cannot see (not withheld here). ``published``: figures published elsewhere
    before (a disclosure record, the DfE's own figures), known to every reader and never
    withheld here. ``keep_withheld``: figures another paper withheld, each with the
    figure it protects there, withheld here too (a reader of both papers must not work
    them out from this one) and protected like any figure withheld to protect another.
    Figures that break a relation are tested as a reader would take them: a reader's
    working need not agree with the true figures to give them away."""
    if threshold < 1:
        raise DefinitionError(f"suppression threshold must be at least 1, got {threshold}")
    rules, derivations = tuple(relations), tuple(derived)
    seen = dict(published or {})
    _check_named(values, seen, rules, derivations, counts)
    derived_figures = {item.figure for item in derivations}
    judged = frozenset(counts if counts is not None
                       else (key for key in values if key not in derived_figures))
    state = _State(values, rules, judged, seen, threshold)
    for key in values:
        if key not in seen and state.small(key):
            state.withhold(key, Reason.SMALL_COUNT)
    for key, protects in (keep_withheld or {}).items():
        if key in values and key not in seen and key not in state.hidden:
            state.withhold(key, Reason.DIFFERENCING, protects=protects)
    _derive(state, derivations)
    state.withdraw()
    while exposed := state.exposed():
        if not _step(state, exposed):
            break
        _derive(state, derivations)
        state.withdraw()
    return Secured(withheld=tuple(state.log), dropped=frozenset(state.dropped))


def _check_named(values: Mapping[K, float | None], published: Mapping[K, float],
                 relations: tuple[Relation[K], ...], derivations: tuple[Derived[K], ...],
                 counts: Iterable[K] | None) -> None:
    named = [key for relation in relations for key in relation.figures]
    named += [key for item in derivations for key in (item.figure, item.source)]
    named += list(counts or ())
    missing = sorted({repr(key) for key in named if key not in values and key not in published})
    if missing:
        raise DefinitionError(
            f"figures named by a relation, a count or a derived figure have no value: "
            f"{', '.join(missing)}")


def _derive(state: _State[K], derivations: tuple[Derived[K], ...]) -> None:
    """Withhold every figure derived from a withheld one, through chains of them."""
    changed = True
    while changed:
        changed = False
        for item in derivations:
            if (item.source in state.hidden and item.figure not in state.hidden
                    and item.figure not in state.published):
                state.withhold(item.figure, Reason.DERIVED, protects=item.source)
                changed = True


def _step(state: _State[K], exposed: list[K]) -> bool:
    """Withdraw one statement, or withhold one more figure, to protect the exposed
    figures; False when nothing is left to withdraw or withhold. A statement goes first
    when withdrawing it leaves fewer figures exposed (or when no figure is left)."""
    reached, statements = _reach(state, exposed)
    chosen, still = None, exposed
    for statement in statements:
        after = state.exposed(dropped=[statement])
        if chosen is None or len(after) < len(still):
            chosen, still = statement, after
    if chosen is not None and len(still) < len(exposed):
        _drop(state, chosen, exposed, still)
        return True
    complement = _complement(state, reached, exposed)
    if complement is None:
        if chosen is None:
            return False
        _drop(state, chosen, exposed, still)
        return True
    still = state.exposed(hidden=[complement])
    protects = next((key for key in exposed if key not in still), exposed[0])
    state.withhold(complement, Reason.DIFFERENCING, protects=protects)
    return True


def _drop(state: _State[K], statement: K, exposed: list[K], still: list[K]) -> None:
    state.dropped[statement] = None
    protects = next((key for key in exposed if key not in still), exposed[0])
    state.log.append(Withheld(statement, Reason.STATEMENT, protects=protects))


def _reach(state: _State[K], exposed: list[K]) -> tuple[list[Relation[K]], list[K]]:
    """The relations tied to an exposed figure through figures a reader does not see,
    and the statements among them still published."""
    unseen = {key for key, value in state.values.items()
              if (value is None or key in state.hidden) and key not in state.published}
    reached, tied = set(exposed), []
    active = state.active()
    grew = True
    while grew:
        grew = False
        for relation in active:
            if relation not in tied and reached & set(relation.figures):
                tied.append(relation)
                new = {key for key in relation.figures if key in unseen} - reached
                reached |= new
                grew = grew or bool(new)
    statements = list(dict.fromkeys(r.statement for r in tied if r.statement is not None))
    return tied, statements


def _complement(state: _State[K], tied: list[Relation[K]], exposed: list[K]) -> K | None:
    """The published figure to withhold next, from the relations that hold by definition
    tied to an exposed figure (those naming it first, then those reached through other
    figures not seen): the one that leaves the fewest figures exposed, then zeros last,
    parts before totals, the smallest, the earliest named."""
    rules = [relation for relation in tied if relation.statement is None]
    reached = set(exposed)
    while rules:
        level = [relation for relation in rules if reached & set(relation.figures)]
        if not level:
            return None
        candidates: dict[K, tuple[bool, bool, float, int]] = {}
        for relation in level:
            for position, key in enumerate(relation.figures):
                value = state.values.get(key)
                if (key in state.hidden or key in state.published or value is None
                        or key in candidates):
                    continue
                candidates[key] = (value == 0, relation.is_total_of(key), value, position)
        if candidates:
            return min(candidates,
                       key=lambda key: (len(state.exposed(hidden=[key])), *candidates[key]))
        reached.update(key for relation in level for key in relation.figures)
        rules = [relation for relation in rules if relation not in level]
    return None
