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

Each sentence is an [`Obligation`][corpparent.obligations.definitions.Obligation]: a *document* for
a *recipient*, a *trigger* (after each meeting, every N months, annually, quarterly, or on a named
event), a *deadline* counted from the trigger (within N days, or by a fixed month; both in
`corpparent.obligations.triggers`), the topics it must *cover* (every strategic
priority), and *precedence* over other obligations ("shared with the Children's Select
Committee prior to submission").

Obligations are plain data: frozen values with no callables, so an authority can declare
them in a data file (`corpparent.files.panel.obligations`) as readily as in
Python. An invalid obligation raises [`DefinitionError`][corpparent.errors.DefinitionError] when it
is built; an [`ObligationSet`][corpparent.obligations.definitions.ObligationSet] also checks that
identifiers are unique, that no two obligations could claim the same line of a submissions log, and
that precedence refers to obligations that exist, share the trigger and form no cycle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import final

from attrs import evolve, field, frozen
from attrs.converters import optional

from corpparent.errors import DefinitionError, UnknownNameError
from corpparent.governance.membership import name_key
from corpparent.obligations.names import not_empty, stripped
from corpparent.obligations.triggers import (
    AfterEachMeeting,
    ByMonth,
    Deadline,
    OnEvent,
    Recurring,
    Trigger,
    WithinDays,
)

__all__ = ["Obligation", "ObligationSet", "Precedence"]


@final
@frozen
class Precedence:
    """The obligation ``obligation`` (an identifier) must be met at least ``min_days``
    days before this one is submitted: "shared with the Children's Select Committee prior
    to submission" (001 §6) is ``Precedence("annual-report-select")``. ``min_days=0``
    allows both on the same day."""

    obligation: str = field(converter=stripped, validator=not_empty)
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

    id: str = field(converter=stripped)
    document: str = field(converter=stripped, validator=not_empty)
    recipient: str = field(converter=stripped, validator=not_empty)
    trigger: Trigger = field()
    deadline: Deadline = field()
    covers: tuple[str, ...] = field(default=(), converter=_to_topics)
    after: tuple[Precedence, ...] = field(default=(), converter=_to_precedence)
    responsible: str | None = field(default=None, converter=optional(stripped))
    title: str = field(converter=stripped, validator=not_empty)
    source: str = field(default="", converter=stripped)
    note: str | None = field(default=None, converter=optional(stripped))

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

    Iterates in the order given. Raises [`DefinitionError`][corpparent.errors.DefinitionError] when
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
            raise UnknownNameError(f"no obligation {obligation_id!r}; known: {known}") from None

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
            raise UnknownNameError(f"no obligation {obligation.id!r} to replace")
        return ObligationSet(
            obligation if o.id == obligation.id else o for o in self._by_id.values()
        )

    def with_deadlines(self, deadlines: Mapping[str, Deadline]) -> ObligationSet:
        """The set with the deadlines of the named obligations changed."""
        result = self
        for obligation_id, deadline in deadlines.items():
            result = result.replace(result[obligation_id].with_deadline(deadline))
        return result
