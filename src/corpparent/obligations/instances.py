"""Obligation instances: each time an obligation arises, with its dates.

An obligation "after each meeting" arises once per meeting; a six-monthly one once per
half-year; one "on" an event once per occurrence. Each occurrence is an
[`Instance`][corpparent.obligations.instances.Instance] with the day it arises (``trigger``), the
first day a log entry is read as being for it (``opens``), and the last day it is on time (``due``).

Meeting and event dates are inputs, never guessed: `expand` returns ``None`` when
the dates an obligation needs were not given, so that the caller can report the gap as
insufficient data rather than as "nothing was due".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import final

from attrs import frozen

from corpparent.dates import day_text
from corpparent.governance.membership import name_key
from corpparent.obligations.definitions import Obligation
from corpparent.obligations.triggers import AfterEachMeeting, OnEvent, Recurring
from corpparent.periods import Period

__all__ = ["Instance", "expand"]


@final
@frozen
class Instance:
    """One occurrence of ``obligation``: arises on ``trigger``, due by ``due``.

    ``cycle`` is the period reported on (for a recurring obligation), else ``None``.
    """

    obligation: Obligation
    trigger: date
    opens: date
    due: date
    cycle: Period | None = None

    @property
    def key(self) -> str:
        """Identifies the occurrence among the obligation's others: the cycle as written
        (``2022-23 Q4``) or the date of the meeting or event (``2023-01-12``)."""
        return str(self.cycle) if self.cycle is not None else self.trigger.isoformat()

    @property
    def label(self) -> str:
        """The occurrence in words: "2022-23", "the meeting of 12 January 2023"."""
        trigger = self.obligation.trigger
        if self.cycle is not None:
            return str(self.cycle)
        if isinstance(trigger, OnEvent):
            return f"the {trigger.event} of {day_text(self.trigger)}"
        return f"the meeting of {day_text(self.trigger)}"

    def relates_to(self, target: date | Period) -> bool:
        """Whether a log entry that says it relates to ``target`` is for this occurrence:
        the same meeting or event date, or a period within the cycle."""
        if self.cycle is None:
            return isinstance(target, date) and target == self.trigger
        return self.cycle.contains(target)


def _event_dates(events: Mapping[str, Sequence[date]], event: str) -> Sequence[date] | None:
    wanted = name_key(event)
    for name, days in events.items():
        if name_key(name) == wanted:
            return days
    return None


def expand(
    obligation: Obligation,
    start: date,
    end: date,
    *,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> tuple[Instance, ...] | None:
    """The occurrences of ``obligation`` arising from ``start`` to ``end`` inclusive, in
    date order; ``None`` when it needs meeting or event dates that were not given."""
    trigger = obligation.trigger
    deadline = obligation.deadline
    if isinstance(trigger, Recurring):
        return tuple(
            Instance(
                obligation,
                trigger.trigger_date(cycle),
                trigger.opens(cycle),
                deadline.due(trigger.trigger_date(cycle)),
                cycle,
            )
            for cycle in trigger.cycles_between(start, end)
        )
    days: Sequence[date] | None
    if isinstance(trigger, AfterEachMeeting):
        days = meetings
    else:
        days = None if events is None else _event_dates(events, trigger.event)
    if days is None:
        return None
    return tuple(
        Instance(obligation, day, day, deadline.due(day))
        for day in sorted(set(days))
        if start <= day <= end
    )
