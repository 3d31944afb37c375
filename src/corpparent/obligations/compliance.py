"""Judging a submissions log against obligations: one finding per occurrence.

[`evaluate_obligations`][corpparent.obligations.compliance.evaluate_obligations] gives, for every
occurrence of every obligation arising in a period, one [`Finding`][corpparent.findings.Finding]
about the obligation (its id, with its title and the occurrence as the name a reader sees) whose
``outcome`` is an [`ObligationOutcome`][corpparent.obligations.outcomes.ObligationOutcome]:

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
12 January whose minutes were due on 26 January count, late, for that meeting. A report on a
cycle is read as being for it by date alone only once the cycle has ended: a quarterly
report presented on 10 March is never the report on the quarter ending 31 March. Each
entry matched by its date is a guess, and
[`ObligationCheck`][corpparent.obligations.compliance.ObligationCheck] says so in a warning
naming the entry and the occurrence it was counted for. Give ``relates_to`` whenever two
occurrences could be meant. Several entries for one
occurrence count together: a report that omits a priority and an addendum that covers it
complete the occurrence on the addendum's date.

Entries dated after ``as_of`` are not yet known and are ignored. All of this makes two
properties hold that the tests check: adding a log entry never turns a finding into a
breach, and moving an entry earlier never makes its occurrence late. Which entry is
for which occurrence is `corpparent.obligations.ledger`'s work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Final, Protocol, final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.obligations.definitions import Obligation, ObligationSet
from corpparent.obligations.instances import Instance
from corpparent.obligations.ledger import (
    Guess,
    Ledger,
    OccurrenceState,
    Unmatched,
    as_obligation_set,
)
from corpparent.obligations.outcomes import ObligationOutcome
from corpparent.obligations.submissions import Submission
from corpparent.obligations.triggers import OnEvent
from corpparent.periods import Period
from corpparent.wording import counted, day_relation

__all__ = [
    "Carrier",
    "ObligationCheck",
    "ReportingRecord",
    "evaluate_obligations",
    "occurrence_finding",
    "unmatched_submissions",
]

RULE: Final = "reporting obligation"


def _days(count: int) -> str:
    return counted(count, "day")


def _precedence_text(obligation: Obligation, sent: date, earlier: Mapping[str, date | None],
                     obligations: ObligationSet) -> str:
    """How the day ``sent`` stands against each obligation that must come first: "the
    same day as the annual report went to Children's Select Committee, which must come at
    least 1 day earlier" (a same-day pair is never called "before")."""
    parts = []
    for precedence in obligation.after:
        first = obligations[precedence.obligation]
        went = f"the {first.document} went to {first.recipient}"
        done = earlier.get(precedence.obligation)
        where = (f"before {went}" if done is None else day_relation(sent, done, went))
        need = (f"at least {counted(precedence.min_days, 'day')} earlier"
                if precedence.min_days else "first")
        parts.append(f"{where}, which must come {need}")
    return "; and ".join(parts)


def occurrence_finding(ledger: Ledger, instance: Instance) -> Finding:
    """The finding about one occurrence as the log stood on the ledger's ``as_of``: the
    check's judgement, which `corpparent obligations due` also gives for what is overdue."""
    return _finding(instance, ledger.state(instance), ledger.as_of, ledger.obligations,
                    _earlier(ledger, instance))


def _finding(
    instance: Instance, state: OccurrenceState, as_of: date, obligations: ObligationSet,
    earlier: Mapping[str, date | None] | None = None,
) -> Finding:
    obligation = instance.obligation
    earlier = earlier or {}
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
    outcome: ObligationOutcome
    if state.in_order_on is not None:
        sent = state.in_order_on
        evidence["completed"] = sent.isoformat()
        late = (sent - instance.due).days
        if late <= 0:
            status, outcome = Status.MET, ObligationOutcome.MET
            explanation = (f"{what} reached {obligation.recipient} on {day_text(sent)}, "
                           f"on time (due by {due}).")
        else:
            status, outcome = Status.BREACHED, ObligationOutcome.LATE
            evidence["days_late"] = late
            explanation = (f"{what} reached {obligation.recipient} on {day_text(sent)}, "
                           f"{_days(late)} late (due by {due}).")
    elif state.complete_on is not None:
        outcome = ObligationOutcome.OUT_OF_ORDER
        status = Status.BREACHED if overdue else Status.WARNING
        evidence["completed"] = state.complete_on.isoformat()
        explanation = (f"{what} reached {obligation.recipient} on "
                       f"{day_text(state.complete_on)}, "
                       f"{_precedence_text(obligation, state.complete_on, earlier, obligations)}")
        explanation += (f"; due by {due}." if overdue else
                        f"; doing that and resubmitting by {due} would still meet it.")
    elif state.submissions:
        outcome = ObligationOutcome.INCOMPLETE
        status = Status.BREACHED if overdue else Status.WARNING
        evidence["not_covered"] = "; ".join(state.not_covered)
        explanation = (f"{what} went to {obligation.recipient} but did not cover "
                       f"{'; '.join(state.not_covered)} (due by {due}).")
    elif overdue:
        status, outcome = Status.BREACHED, ObligationOutcome.MISSING
        evidence["days_overdue"] = (as_of - instance.due).days
        explanation = (f"There is no record of the {obligation.document} for "
                       f"{instance.label} going to {obligation.recipient}; it was due by "
                       f"{due}.")
    else:
        status, outcome = Status.NOT_YET_DUE, ObligationOutcome.NOT_YET_DUE
        evidence["days_until_due"] = (instance.due - as_of).days
        explanation = (f"{what}: due to {obligation.recipient} by {due}, "
                       f"{_days((instance.due - as_of).days)} after {day_text(as_of)}.")
    return Finding(
        subject=obligation.id,
        subject_name=f"{obligation.title}, {instance.label}",
        rule=RULE,
        family=RuleFamily.OBLIGATION,
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
        subject=obligation.id,
        subject_name=obligation.title,
        rule=RULE,
        family=RuleFamily.OBLIGATION,
        status=Status.INSUFFICIENT_DATA,
        explanation=(f"{obligation.title} arises {obligation.trigger.describe()}, but no "
                     f"{needs} were given for {period}."),
        evidence={"obligation": obligation.id, "recipient": obligation.recipient},
        period=period,
        outcome=NotJudged.INSUFFICIENT_DATA,
    )


def _earlier(ledger: Ledger, instance: Instance) -> dict[str, date | None]:
    """The day each obligation ``instance`` must follow was met in order, if it was."""
    found: dict[str, date | None] = {}
    for precedence in instance.obligation.after:
        state = ledger.states.get((precedence.obligation, instance.key))
        found[precedence.obligation] = None if state is None else state.in_order_on
    return found


def _review(
    obligations: ObligationSet | Iterable[Obligation],
    submissions: Iterable[Submission],
    period: Period,
    as_of: date,
    meetings: Sequence[date] | None,
    events: Mapping[str, Sequence[date]] | None,
) -> tuple[tuple[Finding, ...], tuple[Unmatched, ...], tuple[Guess, ...]]:
    chosen = as_obligation_set(obligations)
    ledger = Ledger(chosen, submissions, start=period.start, end=period.end, as_of=as_of,
                     meetings=meetings, events=events)
    findings: list[Finding] = []
    for obligation in chosen:
        instances = ledger.instances[obligation.id]
        if instances is None:
            findings.append(_no_dates(obligation, period))
            continue
        findings.extend(occurrence_finding(ledger, i)
                        for i in instances if period.contains(i.trigger))
    unmatched = tuple(u for u in ledger.unmatched if u.submission.date >= period.start)
    guessed = tuple(g for g in ledger.guessed if g.submission.date >= period.start)
    return tuple(findings), unmatched, guessed


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


class Carrier(Protocol):
    """A route a log entry may go along without being owed (a reporting line of the
    terms of reference:
    [`corpparent.governance.ReportingLine`][corpparent.governance.ReportingLine])."""

    def carries(self, item: Submission, /) -> bool: ...


def _carriers(items: Iterable[Carrier]) -> tuple[Carrier, ...]:
    return tuple(items)


@final
@frozen
class ObligationCheck:
    """The obligations as a check in a [`RuleSet`][corpparent.findings.RuleSet] over a
    [`ReportingRecord`][corpparent.obligations.compliance.ReportingRecord]: the findings of
    [`evaluate_obligations`][corpparent.obligations.compliance.evaluate_obligations], then, when
    ``include_unmatched``, a warning for each log entry no occurrence claims and none of
    ``carried_by`` (the reporting lines, judged on their own) carries, and one for each
    entry without ``relates_to`` that was counted for an occurrence by its date alone."""

    obligations: ObligationSet
    period: Period
    as_of: date
    include_unmatched: bool = True
    carried_by: tuple[Carrier, ...] = field(default=(), converter=_carriers)

    def findings(self, record: ReportingRecord, /) -> tuple[Finding, ...]:
        """Judge ``record``."""
        findings, unmatched, guessed = _review(self.obligations, record.submissions,
                                               self.period, self.as_of, record.meetings,
                                               record.events)
        if not self.include_unmatched:
            return findings
        return findings + tuple(
            _unmatched_finding(u, self.period) for u in unmatched
            if not any(line.carries(u.submission) for line in self.carried_by)
        ) + tuple(_guess_finding(g, self.period) for g in guessed)


def _unmatched_finding(unmatched: Unmatched, period: Period) -> Finding:
    # The subject identifies the entry by where it is written (its file and line, where
    # known); the entry itself is in the evidence and in the name a reader sees.
    entry = unmatched.submission
    return Finding(
        subject=entry.source or "submissions log",
        subject_name=f"Log entry: {entry}",
        rule="submissions log",
        family=RuleFamily.SUBMISSIONS_LOG,
        status=Status.WARNING,
        explanation=f"The log entry {entry} counts towards no obligation: {unmatched.reason}.",
        evidence={"document": entry.document, "recipient": entry.recipient,
                  "date": entry.date.isoformat(), "source": entry.source},
        period=period,
        outcome=ObligationOutcome.UNMATCHED,
    )


def _guess_finding(guess: Guess, period: Period) -> Finding:
    entry, instance = guess.submission, guess.instance
    example = (f"the period it reports on, as {instance.key}" if instance.cycle is not None
               else f"the meeting or event date, as {instance.key}")
    how = ("the earliest occurrence open that day whose deadline had not passed"
           if guess.pending else
           "the latest occurrence open that day (none open was still within its deadline)")
    return Finding(
        subject=entry.source or "submissions log",
        subject_name=f"Log entry: {entry}",
        rule="submissions log",
        family=RuleFamily.SUBMISSIONS_LOG,
        status=Status.WARNING,
        explanation=(f"The log entry {entry} does not say what it relates to, so it was "
                     f"counted by its date for {instance.obligation.title}, "
                     f"{instance.label}: {how}. If it is for another occurrence, fill in "
                     f"its relates_to ({example})."),
        evidence={"document": entry.document, "recipient": entry.recipient,
                  "date": entry.date.isoformat(), "source": entry.source,
                  "obligation": instance.obligation.id, "counted_for": instance.key},
        period=period,
        outcome=ObligationOutcome.MATCHED_BY_DATE,
    )
