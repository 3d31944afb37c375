"""Which occurrence of which obligation each log entry is for, and where each stands.

A `Ledger` expands every obligation into its occurrences over a window, assigns
each entry of a submissions log to one occurrence (the one it ``relates_to``, else the
earliest open one not yet overdue, else the latest open one: a guess, kept as a
[`Guess`][corpparent.obligations.ledger.Guess] so that it can be shown), and works out for each
occurrence the day it was complete and the day it was complete *in order*: after the
obligations it must follow ("shared with the Children's Select Committee prior to
submission", 001 §6). Entries no occurrence claims are kept as
[`Unmatched`][corpparent.obligations.ledger.Unmatched]. Judging the occurrences is
`corpparent.obligations.compliance`'s work, and listing what falls due
`corpparent.obligations.upcoming`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import final

from attrs import frozen

from corpparent.governance.membership import name_key
from corpparent.obligations.definitions import Obligation, ObligationSet
from corpparent.obligations.instances import Instance, expand
from corpparent.obligations.submissions import Submission

__all__ = ["Guess", "Ledger", "OccurrenceState", "Unmatched", "as_obligation_set"]


@final
@frozen
class Unmatched:
    """A log entry that no occurrence of any obligation claims, and why."""

    submission: Submission
    reason: str

    def __str__(self) -> str:
        return f"{self.submission}: {self.reason}"


@final
@frozen
class Guess:
    """A log entry without ``relates_to``, matched by its date to ``instance``: the
    earliest occurrence open on that date whose deadline had not passed (``pending``),
    else the latest one open. Either may not be what the officer meant."""

    submission: Submission
    instance: Instance
    pending: bool


@final
@frozen
class OccurrenceState:
    """Where one occurrence stands at ``as_of``: the entries assigned to it, the day
    every topic was covered, the day it was covered by entries sent in order (after the
    obligations it must follow), and the topics not covered."""

    submissions: tuple[Submission, ...]
    complete_on: date | None  # every topic covered, regardless of order
    in_order_on: date | None  # every topic covered by entries sent in order
    not_covered: tuple[str, ...]


def as_obligation_set(obligations: ObligationSet | Iterable[Obligation]) -> ObligationSet:
    """``obligations`` as a set (checked for clashes), unless they already are one."""
    return obligations if isinstance(obligations, ObligationSet) else ObligationSet(obligations)


def _completion(entries: Sequence[Submission], topics: tuple[str, ...]) -> date | None:
    needed = {name_key(topic) for topic in topics}
    covered: set[str] = set()
    for entry in entries:
        covered.update(name_key(topic) for topic in entry.covering)
        if needed <= covered:
            return entry.date
    return None


class Ledger:
    """Occurrences, the log entries assigned to them, and where each stands."""

    def __init__(
        self,
        obligations: ObligationSet,
        submissions: Iterable[Submission],
        *,
        start: date,
        end: date,
        as_of: date,
        meetings: Sequence[date] | None,
        events: Mapping[str, Sequence[date]] | None,
    ) -> None:
        self.obligations = obligations
        self.as_of = as_of
        longest = max((o.deadline.longest for o in obligations), default=0)
        first = start - timedelta(days=longest + 366)
        last = max(end, as_of)
        self.instances: dict[str, tuple[Instance, ...] | None] = {
            o.id: expand(o, first, last, meetings=meetings, events=events) for o in obligations
        }
        self.assigned: dict[tuple[str, str], list[Submission]] = {}
        self.unmatched: list[Unmatched] = []
        self.guessed: list[Guess] = []
        known = [s for s in submissions if s.date <= as_of]
        for entry in sorted(known, key=lambda s: s.date):
            self._assign(entry)
        position = {id(entry): index for index, entry in enumerate(known)}
        self.unmatched.sort(key=lambda u: position[id(u.submission)])
        self.states: dict[tuple[str, str], OccurrenceState] = {}
        for obligation in obligations.in_precedence_order:
            for instance in self.instances[obligation.id] or ():
                self.states[(obligation.id, instance.key)] = self._state(instance)

    def _assign(self, entry: Submission) -> None:
        obligation = self.obligations.for_log_entry(entry.document, entry.recipient)
        if obligation is None:
            self.unmatched.append(Unmatched(
                entry, f"no obligation is {entry.document!r} to {entry.recipient!r}"))
            return
        instances = self.instances[obligation.id]
        if instances is None:
            return  # its occurrences are unknown; reported as insufficient data
        chosen: Instance | None
        if entry.relates_to is not None:
            target = entry.relates_to
            chosen = next((i for i in instances if i.relates_to(target)), None)
            if chosen is None:
                self.unmatched.append(Unmatched(
                    entry, f"it relates to {target}, which is not an occurrence of "
                    f"{obligation.id!r} ({obligation.trigger.describe()})"))
                return
        else:
            opened = [i for i in instances if i.opens <= entry.date]
            if not opened:
                self.unmatched.append(Unmatched(
                    entry, f"it is dated before any occurrence of {obligation.id!r} opened"))
                return
            pending = [i for i in opened if i.due >= entry.date]
            chosen = pending[0] if pending else opened[-1]
            self.guessed.append(Guess(entry, chosen, bool(pending)))
        self.assigned.setdefault((obligation.id, chosen.key), []).append(entry)

    def _state(self, instance: Instance) -> OccurrenceState:
        obligation = instance.obligation
        entries = tuple(self.assigned.get((obligation.id, instance.key), ()))
        complete_on = _completion(entries, obligation.covers)
        covered = {name_key(t) for entry in entries for t in entry.covering}
        not_covered = tuple(t for t in obligation.covers if name_key(t) not in covered)
        threshold: date | None = date.min
        for precedence in obligation.after:
            before = self.states.get((precedence.obligation, instance.key))
            done = before.in_order_on if before is not None else None
            if done is None or threshold is None:
                threshold = None
            else:
                threshold = max(threshold, done + timedelta(days=precedence.min_days))
        in_order = () if threshold is None else tuple(e for e in entries if e.date >= threshold)
        in_order_on = _completion(in_order, obligation.covers)
        return OccurrenceState(entries, complete_on, in_order_on, not_covered)

    def state(self, instance: Instance) -> OccurrenceState:
        """Where ``instance`` stands at ``as_of``."""
        return self.states[(instance.obligation.id, instance.key)]
