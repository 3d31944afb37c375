"""Reporting obligations: what must go to whom, when it falls due, what it must cover.

A panel is defined as much by what it must report as by what it discusses. Wiltshire's
terms of reference (001 §6):

    "Following each meeting the Chairperson will send a copy of the Panel minutes to the
    Chairman of Children's Select Committee. On a six monthly basis the Panel
    Chairperson will prepare a report for Chairman of the Children's Select Committee,
    addressing progress against each of the seven strategic priorities. In addition to
    this the Chairperson of the Corporate Parenting Panel will present an annual report
    to Full Council which will be shared with the Children's Select Committee prior to
    submission."

Each sentence is an :class:`Obligation`: a *document* for a *recipient*, a *trigger*
(after each meeting, every N months, annually, quarterly, or on a named event), a
*deadline* counted from the trigger (within N days, or by a fixed month), the topics it
must *cover* (every strategic priority), and *precedence* over other obligations ("shared
with the Children's Select Committee prior to submission").

Obligations are plain data: frozen values with no callables, so an authority can declare
them in a data file (:mod:`corpparent.files.obligations`) as readily as in
Python. An invalid obligation raises :class:`~corpparent.errors.DefinitionError` when it
is built; an :class:`ObligationSet` also checks that identifiers are unique, that no two
obligations could claim the same line of a submissions log, and that precedence refers
to obligations that exist, share the trigger and form no cycle.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Literal, TypeAlias, final

from attrs import evolve, field, frozen

from corpparent.errors import DefinitionError
from corpparent.obligations.cycles import CYCLE_LENGTHS, cycle_containing
from corpparent.periods import Period

__all__ = [
    "AfterEachMeeting",
    "ByMonth",
    "Deadline",
    "Obligation",
    "ObligationSet",
    "OnEvent",
    "Precedence",
    "Recurring",
    "Trigger",
    "WithinDays",
    "annually",
    "every_n_months",
    "name_key",
    "quarterly",
]

_CYCLE_NAMES = {1: "monthly", 2: "every two months", 3: "quarterly", 4: "every four months",
                6: "six-monthly", 12: "annually"}


def name_key(text: str) -> str:
    """``text`` as compared when matching names: case, curly quotes and runs of spaces
    do not matter, so "Children’s  Select Committee" matches "children's select committee"."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _strip(value: str) -> str:
    return value.strip() if isinstance(value, str) else value


def _strip_optional(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _non_empty(_instance: object, attribute: object, value: str) -> None:
    if not value.strip():
        name = getattr(attribute, "name", "value")
        raise DefinitionError(f"'{name}' must not be empty")


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
    annual report. It may be presented from the first day of the cycle's last month
    ("A full annual report will be presented to Children's Select at the end of the
    financial year", 001 §4.2). ``at="start"`` is something done *for* a cycle, such as
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
        """The first day a submission for ``cycle`` is read as being for it."""
        if self.at == "start":
            return cycle.start
        return cycle.end.replace(day=1)

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

    event: str = field(converter=_strip, validator=_non_empty)

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
        return f"within {self.days} day{'s' if self.days != 1 else ''}"


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


# --- obligations ---------------------------------------------------------------------


@final
@frozen
class Precedence:
    """The obligation ``obligation`` (an identifier) must be met at least ``min_days``
    days before this one is submitted: "shared with the Children's Select Committee prior
    to submission" (001 §6) is ``Precedence("annual-report-select")``. ``min_days=0``
    allows both on the same day."""

    obligation: str = field(converter=_strip, validator=_non_empty)
    min_days: int = field(default=1)

    @min_days.validator
    def _check_min_days(self, _attribute: object, value: int) -> None:
        if value < 0:
            raise DefinitionError(f"'min_days' must be >= 0, got {value}")


def _to_precedence(items: Iterable[Precedence | str]) -> tuple[Precedence, ...]:
    return tuple(item if isinstance(item, Precedence) else Precedence(item) for item in items)


def _to_topics(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        raise DefinitionError("'covers' must be a list of topics, not one string")
    return tuple(item.strip() if isinstance(item, str) else item for item in items)


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@final
@frozen(kw_only=True)
class Obligation:
    """One reporting duty of a panel.

    ``document`` and ``recipient`` are what a submissions log records ("minutes" to
    "Chairman of Children's Select Committee"); a log entry is matched to the obligation
    by both, ignoring case and spacing. ``covers`` lists topics that every submission,
    taken together, must address (the seven strategic priorities); ``after`` lists the
    obligations that must be met first. ``source`` quotes the clause the obligation
    encodes, and ``note`` says what was configured beyond it (a deadline the terms of
    reference do not name).
    """

    id: str = field(converter=_strip)
    document: str = field(converter=_strip, validator=_non_empty)
    recipient: str = field(converter=_strip, validator=_non_empty)
    trigger: Trigger = field()
    deadline: Deadline = field()
    covers: tuple[str, ...] = field(default=(), converter=_to_topics)
    after: tuple[Precedence, ...] = field(default=(), converter=_to_precedence)
    responsible: str | None = field(default=None, converter=_strip_optional)
    title: str = field(converter=_strip, validator=_non_empty)
    source: str = field(default="", converter=_strip)
    note: str | None = field(default=None, converter=_strip_optional)

    @title.default
    def _default_title(self) -> str:
        return f"{self.document[:1].upper()}{self.document[1:]} to {self.recipient}"

    @id.validator
    def _check_id(self, _attribute: object, value: str) -> None:
        if not _ID.fullmatch(value):
            raise DefinitionError(
                f"obligation id {value!r} must be letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"
            )

    @trigger.validator
    def _check_trigger(self, _attribute: object, value: object) -> None:
        if not isinstance(value, AfterEachMeeting | Recurring | OnEvent):
            raise DefinitionError(
                f"obligation {self.id!r}: 'trigger' must be AfterEachMeeting, Recurring or "
                f"OnEvent, got {type(value).__name__}"
            )

    @deadline.validator
    def _check_deadline(self, _attribute: object, value: object) -> None:
        if not isinstance(value, WithinDays | ByMonth):
            raise DefinitionError(
                f"obligation {self.id!r}: 'deadline' must be WithinDays or ByMonth, got "
                f"{type(value).__name__}"
            )

    @covers.validator
    def _check_covers(self, _attribute: object, value: tuple[str, ...]) -> None:
        seen: dict[str, str] = {}
        for topic in value:
            if not isinstance(topic, str) or not topic.strip():
                raise DefinitionError(f"obligation {self.id!r}: every topic must be named")
            if name_key(topic) in seen:
                raise DefinitionError(
                    f"obligation {self.id!r} lists the topic {topic!r} twice"
                )
            seen[name_key(topic)] = topic

    @after.validator
    def _check_after(self, _attribute: object, value: tuple[Precedence, ...]) -> None:
        if any(p.obligation == self.id for p in value):
            raise DefinitionError(f"obligation {self.id!r} cannot come after itself")

    @property
    def log_key(self) -> tuple[str, str]:
        """The (document, recipient) pair that log entries are matched on."""
        return (name_key(self.document), name_key(self.recipient))

    def with_deadline(self, deadline: Deadline, note: str | None = None) -> Obligation:
        """The same obligation with another deadline (and, if given, a note saying why)."""
        return evolve(self, deadline=deadline, note=note if note is not None else self.note)

    def describe(self) -> str:
        """One line: what, to whom, when."""
        return f"{self.title}: {self.trigger.describe()}, {self.deadline.describe()}"


@final
class ObligationSet:
    """The obligations of one panel, checked together.

    Iterates in the order given. Raises :class:`~corpparent.errors.DefinitionError` when
    two obligations share an identifier or a (document, recipient) pair, or when
    precedence names an unknown obligation, one with another trigger, or a cycle.
    """

    __slots__ = ("_by_id", "_by_log_key", "_order")

    def __init__(self, obligations: Iterable[Obligation]) -> None:
        self._by_id: dict[str, Obligation] = {}
        self._by_log_key: dict[tuple[str, str], Obligation] = {}
        for obligation in obligations:
            if not isinstance(obligation, Obligation):
                raise DefinitionError(
                    f"an ObligationSet holds Obligations, got {type(obligation).__name__}"
                )
            if obligation.id in self._by_id:
                raise DefinitionError(f"two obligations have the id {obligation.id!r}")
            other = self._by_log_key.get(obligation.log_key)
            if other is not None:
                raise DefinitionError(
                    f"obligations {other.id!r} and {obligation.id!r} are both "
                    f"{obligation.document!r} to {obligation.recipient!r}, so a submissions "
                    "log could not tell them apart; give them different document names"
                )
            self._by_id[obligation.id] = obligation
            self._by_log_key[obligation.log_key] = obligation
        for obligation in self._by_id.values():
            for precedence in obligation.after:
                before = self._by_id.get(precedence.obligation)
                if before is None:
                    raise DefinitionError(
                        f"obligation {obligation.id!r} must come after "
                        f"{precedence.obligation!r}, which is not among the obligations"
                    )
                if before.trigger != obligation.trigger:
                    raise DefinitionError(
                        f"obligation {obligation.id!r} ({obligation.trigger.describe()}) "
                        f"must come after {before.id!r} ({before.trigger.describe()}); "
                        "precedence needs both to have the same trigger"
                    )
        self._order = self._precedence_order()

    def _precedence_order(self) -> tuple[Obligation, ...]:
        done: dict[str, None] = {}
        visiting: list[str] = []

        def visit(key: str) -> None:
            if key in done:
                return
            if key in visiting:
                chain = " -> ".join([*visiting[visiting.index(key):], key])
                raise DefinitionError(f"obligations come after each other in a cycle: {chain}")
            visiting.append(key)
            for precedence in self._by_id[key].after:
                visit(precedence.obligation)
            visiting.pop()
            done[key] = None

        for key in self._by_id:
            visit(key)
        return tuple(self._by_id[key] for key in done)

    def __iter__(self) -> Iterator[Obligation]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __getitem__(self, obligation_id: str) -> Obligation:
        try:
            return self._by_id[obligation_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id))
            raise LookupError(f"no obligation {obligation_id!r}; known: {known}") from None

    def __contains__(self, obligation_id: object) -> bool:
        return obligation_id in self._by_id

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ObligationSet):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"ObligationSet({list(self)!r})"

    @property
    def in_precedence_order(self) -> tuple[Obligation, ...]:
        """Every obligation after those it must follow."""
        return self._order

    def for_log_entry(self, document: str, recipient: str) -> Obligation | None:
        """The obligation a log entry of ``document`` to ``recipient`` is for, if any."""
        return self._by_log_key.get((name_key(document), name_key(recipient)))

    def replace(self, obligation: Obligation) -> ObligationSet:
        """The set with the obligation of the same id replaced (to configure a deadline)."""
        if obligation.id not in self._by_id:
            raise LookupError(f"no obligation {obligation.id!r} to replace")
        return ObligationSet(
            obligation if o.id == obligation.id else o for o in self._by_id.values()
        )

    def with_deadlines(self, deadlines: Mapping[str, Deadline]) -> ObligationSet:
        """The set with the deadlines of the named obligations changed."""
        result = self
        for obligation_id, deadline in deadlines.items():
            result = result.replace(result[obligation_id].with_deadline(deadline))
        return result
