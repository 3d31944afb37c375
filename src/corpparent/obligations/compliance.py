"""Judging a submissions log against obligations: one finding per occurrence.

:func:`evaluate_obligations` gives, for every occurrence of every obligation arising in
a period, one :class:`~corpparent.findings.Finding` whose ``outcome`` is one of:

- ``met``: everything it must cover was sent, in order, by the deadline;
- ``late``: it was all sent in order, but after the deadline (``days_late`` says by how
  much);
- ``missing``: nothing was sent and the deadline has passed;
- ``incomplete``: something was sent but not every topic (``not_covered`` names them);
- ``out of order``: it was sent before an obligation it must follow was met;
- ``not yet due``: the deadline has not passed and nothing is wrong yet;
- ``insufficient data``: the meeting or event dates it depends on were not given.

Before its deadline an occurrence that is incomplete or out of order is a *warning*: an
addendum, or sharing and resubmitting, can still put it right. After the deadline it is
a breach, as are late and missing occurrences.

**Which occurrence a log entry is for.** An entry that names what it ``relates_to`` (a
meeting or event date, or a period inside the cycle) is for that occurrence. Otherwise
it is for the earliest occurrence already open on its date whose deadline has not
passed, or failing that the latest one open: minutes sent on 1 February for a meeting on
12 January whose minutes were due on 26 January count, late, for that meeting. Give
``relates_to`` whenever two occurrences could be meant. Several entries for one
occurrence count together: a report that omits a priority and an addendum that covers it
complete the occurrence on the addendum's date.

Entries dated after ``as_of`` are not yet known and are ignored. All of this makes two
properties hold that the tests check: adding a log entry never turns a finding into a
breach, and moving an entry earlier never makes its occurrence late.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import final

from attrs import field, frozen

from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.governance._checks import day_text
from corpparent.obligations.definitions import (
    Obligation,
    ObligationSet,
    OnEvent,
    name_key,
)
from corpparent.obligations.instances import Instance, expand
from corpparent.obligations.submissions import Submission
from corpparent.periods import Period

__all__ = [
    "ObligationCheck",
    "ReportingRecord",
    "Unmatched",
    "Upcoming",
    "evaluate_obligations",
    "falls_due",
    "unmatched_submissions",
]

RULE = "reporting obligation"


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
class Upcoming:
    """What falls due in a window, earliest first, and the obligations that could not be
    scheduled because their meeting or event dates were not given."""

    due: tuple[Instance, ...]
    unscheduled: tuple[Obligation, ...] = ()


@final
@frozen
class _State:
    """Where one occurrence stands at ``as_of``."""

    submissions: tuple[Submission, ...]
    complete_on: date | None  # every topic covered, regardless of order
    in_order_on: date | None  # every topic covered by entries sent in order
    not_covered: tuple[str, ...]


def _coerce(obligations: ObligationSet | Iterable[Obligation]) -> ObligationSet:
    return obligations if isinstance(obligations, ObligationSet) else ObligationSet(obligations)


def _completion(entries: Sequence[Submission], topics: tuple[str, ...]) -> date | None:
    needed = {name_key(topic) for topic in topics}
    covered: set[str] = set()
    for entry in entries:
        covered.update(name_key(topic) for topic in entry.covering)
        if needed <= covered:
            return entry.date
    return None


class _Ledger:
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
        known = [s for s in submissions if s.date <= as_of]
        for entry in sorted(known, key=lambda s: s.date):
            self._assign(entry)
        position = {id(entry): index for index, entry in enumerate(known)}
        self.unmatched.sort(key=lambda u: position[id(u.submission)])
        self.states: dict[tuple[str, str], _State] = {}
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
        self.assigned.setdefault((obligation.id, chosen.key), []).append(entry)

    def _state(self, instance: Instance) -> _State:
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
        return _State(entries, complete_on, in_order_on, not_covered)

    def finding(self, instance: Instance) -> Finding:
        return _finding(instance, self.states[(instance.obligation.id, instance.key)],
                        self.as_of, self.obligations)


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _finding(
    instance: Instance, state: _State, as_of: date, obligations: ObligationSet
) -> Finding:
    obligation = instance.obligation
    what = f"{obligation.document[:1].upper()}{obligation.document[1:]} for {instance.label}"
    due = day_text(instance.due)
    overdue = as_of > instance.due
    evidence: dict[str, EvidenceValue] = {
        "obligation": obligation.id,
        "recipient": obligation.recipient,
        "arises": instance.trigger.isoformat(),
        "due": instance.due.isoformat(),
        "entries": len(state.submissions),
    }
    if obligation.covers:
        evidence["topics_required"] = len(obligation.covers)
        evidence["topics_not_covered"] = len(state.not_covered)
    status: Status
    if state.in_order_on is not None:
        sent = state.in_order_on
        evidence["completed"] = sent.isoformat()
        late = (sent - instance.due).days
        if late <= 0:
            status, outcome = Status.MET, "met"
            explanation = (f"{what} reached {obligation.recipient} on {day_text(sent)}, "
                           f"on time (due by {due}).")
        else:
            status, outcome = Status.BREACHED, "late"
            evidence["days_late"] = late
            explanation = (f"{what} reached {obligation.recipient} on {day_text(sent)}, "
                           f"{_days(late)} late (due by {due}).")
    elif state.complete_on is not None:
        outcome = "out of order"
        status = Status.BREACHED if overdue else Status.WARNING
        firsts = " and ".join(
            f"the {obligations[p.obligation].document} had gone to "
            f"{obligations[p.obligation].recipient}"
            for p in obligation.after
        )
        evidence["completed"] = state.complete_on.isoformat()
        explanation = (f"{what} reached {obligation.recipient} on "
                       f"{day_text(state.complete_on)}, before {firsts}, which must come "
                       "first")
        explanation += (f"; due by {due}." if overdue else
                        f"; doing that and resubmitting by {due} would still meet it.")
    elif state.submissions:
        outcome = "incomplete"
        status = Status.BREACHED if overdue else Status.WARNING
        evidence["not_covered"] = "; ".join(state.not_covered)
        explanation = (f"{what} went to {obligation.recipient} but did not cover "
                       f"{'; '.join(state.not_covered)} (due by {due}).")
    elif overdue:
        status, outcome = Status.BREACHED, "missing"
        evidence["days_overdue"] = (as_of - instance.due).days
        explanation = (f"There is no record of the {obligation.document} for "
                       f"{instance.label} going to {obligation.recipient}; it was due by "
                       f"{due}.")
    else:
        status, outcome = Status.NOT_YET_DUE, "not yet due"
        evidence["days_until_due"] = (instance.due - as_of).days
        explanation = (f"{what}: due to {obligation.recipient} by {due}, "
                       f"{_days((instance.due - as_of).days)} after {day_text(as_of)}.")
    return Finding(
        subject=f"{obligation.title}, {instance.label}",
        rule=RULE,
        status=status,
        explanation=explanation,
        evidence=evidence,
        period=instance.cycle,
        outcome=outcome,
    )


def _no_dates(obligation: Obligation, period: Period) -> Finding:
    trigger = obligation.trigger
    needs = f"dates of {trigger.event}" if isinstance(trigger, OnEvent) else "meeting dates"
    return Finding(
        subject=obligation.title,
        rule=RULE,
        status=Status.INSUFFICIENT_DATA,
        explanation=(f"{obligation.title} arises {obligation.trigger.describe()}, but no "
                     f"{needs} were given for {period}."),
        evidence={"obligation": obligation.id, "recipient": obligation.recipient},
        period=period,
        outcome="insufficient data",
    )


def _review(
    obligations: ObligationSet | Iterable[Obligation],
    submissions: Iterable[Submission],
    period: Period,
    as_of: date,
    meetings: Sequence[date] | None,
    events: Mapping[str, Sequence[date]] | None,
) -> tuple[tuple[Finding, ...], tuple[Unmatched, ...]]:
    chosen = _coerce(obligations)
    ledger = _Ledger(chosen, submissions, start=period.start, end=period.end, as_of=as_of,
                     meetings=meetings, events=events)
    findings: list[Finding] = []
    for obligation in chosen:
        instances = ledger.instances[obligation.id]
        if instances is None:
            findings.append(_no_dates(obligation, period))
            continue
        findings.extend(ledger.finding(i) for i in instances if period.contains(i.trigger))
    unmatched = tuple(u for u in ledger.unmatched if u.submission.date >= period.start)
    return tuple(findings), unmatched


def evaluate_obligations(
    obligations: ObligationSet | Iterable[Obligation],
    submissions: Iterable[Submission],
    *,
    period: Period,
    as_of: date,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> tuple[Finding, ...]:
    """One finding for each occurrence of each obligation arising in ``period``, in the
    order the obligations are given and then by date.

    ``meetings`` are the panel's meeting dates (needed by obligations "after each
    meeting"); ``events`` maps each event name to the dates it happened (needed by
    obligations "on" an event). An obligation whose dates were not given gets one
    finding of insufficient data. ``as_of`` is the day the log is judged on.
    """
    return _review(obligations, submissions, period, as_of, meetings, events)[0]


def unmatched_submissions(
    obligations: ObligationSet | Iterable[Obligation],
    submissions: Iterable[Submission],
    *,
    period: Period,
    as_of: date,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> tuple[Unmatched, ...]:
    """The log entries dated from the start of ``period`` up to ``as_of`` that no
    occurrence claims, in log order: a document or recipient no obligation names, or a
    ``relates_to`` that is no meeting or cycle of it. Worth showing beside the findings:
    often a typing slip."""
    return _review(obligations, submissions, period, as_of, meetings, events)[1]


def falls_due(
    obligations: ObligationSet | Iterable[Obligation],
    *,
    start: date,
    until: date,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
    submissions: Iterable[Submission] = (),
) -> Upcoming:
    """What falls due from ``start`` to ``until`` (inclusive), earliest first, leaving
    out occurrences already met by the log as it stood on ``start``.

    Pass the planned meeting dates so that obligations after each meeting appear; those
    whose dates are missing are listed in :attr:`Upcoming.unscheduled`.
    """
    chosen = _coerce(obligations)
    ledger = _Ledger(chosen, submissions, start=start, end=until, as_of=start,
                     meetings=meetings, events=events)
    due: list[Instance] = []
    unscheduled: list[Obligation] = []
    for obligation in chosen:
        instances = ledger.instances[obligation.id]
        if instances is None:
            unscheduled.append(obligation)
            continue
        for instance in instances:
            state = ledger.states[(obligation.id, instance.key)]
            if start <= instance.due <= until and state.in_order_on is None:
                due.append(instance)
    due.sort(key=lambda i: (i.due, i.trigger, i.obligation.title))
    return Upcoming(tuple(due), tuple(unscheduled))


def _dates(days: Iterable[date] | None) -> tuple[date, ...] | None:
    return None if days is None else tuple(days)



def _submissions(items: Iterable[Submission]) -> tuple[Submission, ...]:
    return tuple(items)

@final
@frozen
class ReportingRecord:
    """What a panel did: its submissions log, its meeting dates and the dates of named
    events. ``None`` means "not known", as opposed to "none happened"."""

    submissions: tuple[Submission, ...] = field(converter=_submissions)
    meetings: tuple[date, ...] | None = field(default=None, converter=_dates)
    events: Mapping[str, Sequence[date]] | None = None


@final
@frozen
class ObligationCheck:
    """The obligations as a check in a :class:`~corpparent.findings.RuleSet` over a
    :class:`ReportingRecord`: the findings of :func:`evaluate_obligations`, then, when
    ``include_unmatched``, a warning for each log entry no occurrence claims."""

    obligations: ObligationSet
    period: Period
    as_of: date
    include_unmatched: bool = True

    def findings(self, record: ReportingRecord, /) -> tuple[Finding, ...]:
        """Judge ``record``."""
        findings, unmatched = _review(self.obligations, record.submissions, self.period,
                                      self.as_of, record.meetings, record.events)
        if not self.include_unmatched:
            return findings
        return findings + tuple(_unmatched_finding(u, self.period) for u in unmatched)


def _unmatched_finding(unmatched: Unmatched, period: Period) -> Finding:
    entry = unmatched.submission
    return Finding(
        subject=f"Log entry: {entry}",
        rule="submissions log",
        status=Status.WARNING,
        explanation=f"The log entry {entry} counts towards no obligation: {unmatched.reason}.",
        evidence={"document": entry.document, "recipient": entry.recipient,
                  "date": entry.date.isoformat(), "source": entry.source},
        period=period,
        outcome="unmatched",
    )
