"""What falls due in a window: the occurrences still to be met, earliest first.

[`falls_due`][corpparent.obligations.upcoming.falls_due] lists, for a window such as the months to
the next meeting, every occurrence of every obligation due in it that the submissions log does not
already meet; [`Upcoming.findings`][corpparent.obligations.upcoming.Upcoming.findings] gives them as
findings for a report. Given the day the log is read on (``as_of``), it also lists what fell
due in the year before the window and the log does not show delivered, judged as
``corpparent obligations check`` judges it: an officer asks what is due, and what is overdue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Final, final

from attrs import frozen

from corpparent.dates import day_text
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.obligations.compliance import occurrence_finding
from corpparent.obligations.definitions import Obligation, ObligationSet
from corpparent.obligations.instances import Instance
from corpparent.obligations.ledger import Ledger, as_obligation_set
from corpparent.obligations.outcomes import ObligationOutcome
from corpparent.obligations.submissions import Submission

__all__ = ["Upcoming", "falls_due"]

RULE: Final = "falls due"
LOOK_BACK: Final = timedelta(days=365)
"""How far before the window an undelivered occurrence is still listed as overdue."""


@final
@frozen
class Upcoming:
    """What falls due in a window, earliest first, the obligations that could not be
    scheduled because their meeting or event dates were not given, and the findings
    about occurrences overdue and not delivered (those of the check), earliest first."""

    due: tuple[Instance, ...]
    unscheduled: tuple[Obligation, ...] = ()
    overdue: tuple[Finding, ...] = ()

    def findings(self) -> tuple[Finding, ...]:
        """What falls due, as findings about each obligation (its id, with the date due
        as the name a reader sees): what is overdue, as the check judges it, then not yet
        due for each occurrence, earliest first, and insufficient data for each
        obligation that could not be scheduled."""
        found = list(self.overdue)
        found += [
            Finding(
                subject=item.obligation.id,
                subject_name=f"due {item.due.isoformat()}",
                rule=RULE,
                family=RuleFamily.FALLS_DUE,
                status=Status.NOT_YET_DUE,
                explanation=(f"{item.obligation.title} for {item.label}: due by "
                             f"{day_text(item.due)}."),
                evidence={"due": item.due.isoformat(), "opens": item.opens.isoformat(),
                          "recipient": item.obligation.recipient,
                          "obligation": item.obligation.id},
                outcome=ObligationOutcome.NOT_YET_DUE,
            )
            for item in self.due
        ]
        found.extend(
            Finding(
                subject=obligation.id,
                subject_name="not scheduled",
                rule=RULE,
                family=RuleFamily.FALLS_DUE,
                status=Status.INSUFFICIENT_DATA,
                explanation=(f"{obligation.title}: not scheduled, as no meeting or event "
                             "dates were given."),
                evidence={"obligation": obligation.id},
                outcome=NotJudged.INSUFFICIENT_DATA,
            )
            for obligation in self.unscheduled
        )
        return tuple(found)


def falls_due(
    obligations: ObligationSet | Iterable[Obligation],
    *,
    start: date,
    until: date,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
    submissions: Iterable[Submission] = (),
    as_of: date | None = None,
) -> Upcoming:
    """What falls due from ``start`` to ``until`` (inclusive), earliest first, leaving
    out occurrences already met by the log as it stood on ``as_of`` (default: ``start``).

    Given ``as_of`` (the log is read as it stands that day, usually today), the
    occurrences due from a year before ``start`` up to the day before ``as_of`` that the
    log does not show delivered are
    [`Upcoming.overdue`][corpparent.obligations.upcoming.Upcoming.overdue], judged as the
    check judges them (missing, incomplete, out of order), rather than left out.

    Pass the planned meeting dates so that obligations after each meeting appear; those
    whose dates are missing are listed in
    [`Upcoming.unscheduled`][corpparent.obligations.upcoming.Upcoming.unscheduled].
    """
    chosen = as_obligation_set(obligations)
    read_on = start if as_of is None else as_of
    since = start if as_of is None else start - LOOK_BACK
    ledger = Ledger(chosen, submissions, start=since, end=until, as_of=read_on,
                    meetings=meetings, events=events)
    due: list[Instance] = []
    overdue: list[Instance] = []
    unscheduled: list[Obligation] = []
    for obligation in chosen:
        instances = ledger.instances[obligation.id]
        if instances is None:
            unscheduled.append(obligation)
            continue
        for instance in instances:
            if ledger.state(instance).in_order_on is not None:
                continue
            if as_of is not None and since <= instance.due < min(as_of, until + timedelta(days=1)):
                overdue.append(instance)
            elif start <= instance.due <= until:
                due.append(instance)
    due.sort(key=_order)
    overdue.sort(key=_order)
    return Upcoming(tuple(due), tuple(unscheduled),
                    tuple(occurrence_finding(ledger, i) for i in overdue))


def _order(instance: Instance) -> tuple[date, date, str]:
    return instance.due, instance.trigger, instance.obligation.title
