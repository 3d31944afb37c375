"""What falls due in a window: the occurrences still to be met, earliest first.

[`falls_due`][corpparent.obligations.upcoming.falls_due] lists, for a window such as the months to
the next meeting, every occurrence of every obligation due in it that the submissions log does not
already meet; [`Upcoming.findings`][corpparent.obligations.upcoming.Upcoming.findings] gives them as
findings for a report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Final, final

from attrs import frozen

from corpparent.dates import day_text
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.obligations.definitions import Obligation, ObligationSet
from corpparent.obligations.instances import Instance
from corpparent.obligations.ledger import Ledger, as_obligation_set
from corpparent.obligations.outcomes import ObligationOutcome
from corpparent.obligations.submissions import Submission

__all__ = ["Upcoming", "falls_due"]

RULE: Final = "falls due"


@final
@frozen
class Upcoming:
    """What falls due in a window, earliest first, and the obligations that could not be
    scheduled because their meeting or event dates were not given."""

    due: tuple[Instance, ...]
    unscheduled: tuple[Obligation, ...] = ()

    def findings(self) -> tuple[Finding, ...]:
        """What falls due, as findings about each obligation (its id, with the date due
        as the name a reader sees): not yet due for each occurrence, earliest first, and
        insufficient data for each obligation that could not be scheduled."""
        found = [
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
) -> Upcoming:
    """What falls due from ``start`` to ``until`` (inclusive), earliest first, leaving
    out occurrences already met by the log as it stood on ``start``.

    Pass the planned meeting dates so that obligations after each meeting appear; those
    whose dates are missing are listed in
    [`Upcoming.unscheduled`][corpparent.obligations.upcoming.Upcoming.unscheduled].
    """
    chosen = as_obligation_set(obligations)
    ledger = Ledger(chosen, submissions, start=start, end=until, as_of=start,
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
