"""When an obligation arises and when it falls due: triggers and deadlines.

A trigger is when an obligation arises: after each meeting ("Following each meeting the
Chairperson will send a copy of the Panel minutes", 001 §6), every N months ("On a six
monthly basis"), annually, quarterly, or on a named event. A deadline counts from the
trigger: within N days, or by a fixed month. All are plain frozen values, so a data
file can declare them as readily as Python.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal, TypeAlias, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.obligations.cycles import CYCLE_LENGTHS, cycle_containing
from corpparent.obligations.names import not_empty, stripped
from corpparent.periods import Period
from corpparent.wording import counted

__all__ = [
    "AfterEachMeeting",
    "ByMonth",
    "Deadline",
    "OnEvent",
    "Recurring",
    "Trigger",
    "WithinDays",
    "annually",
    "every_n_months",
    "quarterly",
]

_CYCLE_NAMES = {1: "monthly", 2: "every two months", 3: "quarterly", 4: "every four months",
                6: "six-monthly", 12: "annually"}



# --- triggers ------------------------------------------------------------------------


@final
@frozen
class AfterEachMeeting:
    """Arises at every meeting of the panel: "Following each meeting ..." (001 §6).

    Its instances come from the meeting dates passed in when obligations are evaluated.
    """

    def describe(self) -> str:
        """The trigger in words."""
        return "after each meeting"


@final
@frozen
class Recurring:
    """Arises once per cycle of ``months`` months, cycles aligned to start in
    ``start_month`` (April: the financial year).

    ``at="end"`` (the default) is a report *on* a cycle, due after the cycle ends: the
    six-monthly report on progress (001 §6), the quarterly performance report (003), the
    annual report. A log entry is read as being for it by its date alone only once the
    cycle has ended: a quarterly report presented three weeks before its quarter ends
    cannot be that quarter's, so it is for an earlier one. One presented near the end of
    its cycle ("A full annual report will be presented to Children's Select at the end of
    the financial year", 001 §4.2) counts for it when the entry's ``relates_to`` says so.
    ``at="start"`` is something done *for* a cycle, such as
    agreeing the year's work programme (004, terms of reference), which arises when the
    cycle starts.
    """

    months: int = field()
    start_month: int = field(default=4)
    at: Literal["end", "start"] = field(default="end")

    @months.validator
    def _check_months(self, _attribute: object, value: int) -> None:
        if value not in CYCLE_LENGTHS:
            raise DefinitionError(
                f"a recurring obligation repeats every 1, 2, 3, 4, 6 or 12 months, not {value}"
            )

    @start_month.validator
    def _check_start(self, _attribute: object, value: int) -> None:
        if not 1 <= value <= 12:
            raise DefinitionError(f"'start_month' must be 1-12, got {value}")

    @at.validator
    def _check_at(self, _attribute: object, value: str) -> None:
        if value not in ("end", "start"):
            raise DefinitionError(f"'at' must be 'end' or 'start', got {value!r}")

    def cycle(self, day: date) -> Period:
        """The cycle that contains ``day``."""
        return cycle_containing(day, self.months, self.start_month)

    def next_cycle(self, cycle: Period) -> Period:
        """The cycle after ``cycle``."""
        return self.cycle(cycle.end + timedelta(days=1))

    def trigger_date(self, cycle: Period) -> date:
        """The day the obligation for ``cycle`` arises: the cycle's end, or its start."""
        return cycle.end if self.at == "end" else cycle.start

    def opens(self, cycle: Period) -> date:
        """The first day a log entry without ``relates_to`` is read as being for
        ``cycle``: its first day for a plan, the day after it ends for a report on it."""
        if self.at == "start":
            return cycle.start
        return cycle.end + timedelta(days=1)

    def cycles_between(self, start: date, end: date) -> tuple[Period, ...]:
        """The cycles whose trigger date lies in ``start``..``end`` (inclusive)."""
        found: list[Period] = []
        cycle = self.cycle(start)
        while self.trigger_date(cycle) <= end:
            if self.trigger_date(cycle) >= start:
                found.append(cycle)
            cycle = self.next_cycle(cycle)
        return tuple(found)

    def describe(self) -> str:
        """The trigger in words: "six-monthly (cycles from April), on each cycle"."""
        name = _CYCLE_NAMES[self.months]
        month = calendar.month_name[self.start_month]
        when = "after each cycle ends" if self.at == "end" else "as each cycle starts"
        return f"{name} (cycles from {month}), {when}"


def quarterly(start_month: int = 4) -> Recurring:
    """Every financial quarter, reported on after it ends: "Reports should be published
    once a quarter" (003, Performance reports)."""
    return Recurring(3, start_month)


def annually(start_month: int = 4, at: Literal["end", "start"] = "end") -> Recurring:
    """Once a year: April for the financial year, May for the municipal year, January for
    the calendar year."""
    return Recurring(12, start_month, at)


def every_n_months(months: int, start_month: int = 4) -> Recurring:
    """Every ``months`` months (1, 2, 3, 4, 6 or 12), reported on after each cycle."""
    return Recurring(months, start_month)


@final
@frozen
class OnEvent:
    """Arises whenever a named event happens (an inspection report is published, the
    strategy is revised). Its dates are passed in when obligations are evaluated."""

    event: str = field(converter=stripped, validator=not_empty)

    def describe(self) -> str:
        """The trigger in words."""
        return f"on each {self.event}"


Trigger: TypeAlias = AfterEachMeeting | Recurring | OnEvent


# --- deadlines -----------------------------------------------------------------------


@final
@frozen
class WithinDays:
    """Due within ``days`` calendar days of the trigger; 0 means on the day itself."""

    days: int = field()

    @days.validator
    def _check_days(self, _attribute: object, value: int) -> None:
        if not 0 <= value <= 730:
            raise DefinitionError(f"'days' must be 0-730, got {value}")

    def due(self, trigger: date) -> date:
        """The last day on which the obligation is on time."""
        return trigger + timedelta(days=self.days)

    @property
    def longest(self) -> int:
        """The most days a deadline can lie after its trigger."""
        return self.days

    def describe(self) -> str:
        """The deadline in words."""
        if self.days == 0:
            return "on the day"
        return f"within {counted(self.days, 'day')}"


@final
@frozen
class ByMonth:
    """Due by a fixed day of a named month: the first such day on or after the trigger.

    ``ByMonth(7)`` after a financial year is the end of the following July ("Going
    forward the annual report will be scheduled for the July meetings of Council", 002,
    Executive Summary); ``ByMonth(3)`` after a financial year is its own last day.
    ``day=None`` means the month's last day.
    """

    month: int = field()
    day: int | None = field(default=None)

    @month.validator
    def _check_month(self, _attribute: object, value: int) -> None:
        if not 1 <= value <= 12:
            raise DefinitionError(f"'month' must be 1-12, got {value}")

    @day.validator
    def _check_day(self, _attribute: object, value: int | None) -> None:
        if value is not None and not 1 <= value <= 31:
            raise DefinitionError(f"'day' must be 1-31, got {value}")

    def _in_year(self, year: int) -> date:
        last = calendar.monthrange(year, self.month)[1]
        return date(year, self.month, last if self.day is None else min(self.day, last))

    def due(self, trigger: date) -> date:
        """The last day on which the obligation is on time."""
        candidate = self._in_year(trigger.year)
        return candidate if candidate >= trigger else self._in_year(trigger.year + 1)

    @property
    def longest(self) -> int:
        """The most days a deadline can lie after its trigger."""
        return 366

    def describe(self) -> str:
        """The deadline in words."""
        month = calendar.month_name[self.month]
        return f"by the end of {month}" if self.day is None else f"by {self.day} {month}"


Deadline: TypeAlias = WithinDays | ByMonth
