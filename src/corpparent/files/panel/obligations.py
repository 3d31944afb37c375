"""Obligations declared as data: TOML or JSON, validated through pydantic.

An authority without Python developers declares its obligations in a file:

    [[obligations]]
    id = "minutes-to-select-chair"
    document = "minutes"
    recipient = "Chairman of Children's Select Committee"
    trigger = { kind = "after_each_meeting" }
    deadline = { within_days = 14 }
    source = "001 §6: Following each meeting the Chairperson will send ..."

Triggers: ``{kind = "after_each_meeting"}``; ``{kind = "every_n_months", months = 6,
start_month = 4}``; ``{kind = "quarterly"}``; ``{kind = "six_monthly"}``; ``{kind =
"monthly"}``; ``{kind = "annually", year = "financial"}`` (or ``"municipal"``,
``"calendar"``, or a ``start_month``); any recurring kind takes ``at = "start"`` for
something done as a cycle starts; ``{kind = "on_event", event = "Ofsted inspection"}``.
Deadlines: ``{within_days = 14}`` or ``{by_month = 7}`` (optionally with ``day``).
``after`` lists identifiers, or tables ``{obligation = "...", min_days = 0}``.

Every problem in a file is collected into one [`DataError`][corpparent.errors.DataError],
each naming the file, the line and the key path (``obligations[2].deadline``).
[`obligations_to_data`][corpparent.files.panel.obligations.obligations_to_data] writes the same form
back, so a round trip is equal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any, Literal

from attrs import evolve
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.documents import read_document
from corpparent.files._tabular.problems import (
    Attempts,
    Locator,
    in_file_order,
    problems_from_validation,
    shown,
    valid_items,
)
from corpparent.obligations.definitions import Obligation, ObligationSet, Precedence
from corpparent.obligations.triggers import (
    AfterEachMeeting,
    ByMonth,
    Deadline,
    OnEvent,
    Recurring,
    Trigger,
    WithinDays,
)

__all__ = [
    "load_obligations",
    "obligation_schema",
    "obligations_from_data",
    "obligations_to_data",
]

_KINDS = {"monthly": 1, "quarterly": 3, "six_monthly": 6, "annually": 12}
_YEARS = {"financial": 4, "municipal": 5, "calendar": 1}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class TriggerModel(_Strict):
    """When an obligation arises."""

    kind: Literal["after_each_meeting", "every_n_months", "monthly", "quarterly",
                  "six_monthly", "annually", "on_event"]
    months: int | None = None
    start_month: int | None = Field(default=None, ge=1, le=12)
    year: Literal["financial", "municipal", "calendar"] | None = None
    at: Literal["end", "start"] | None = None
    event: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TriggerModel:
        recurring = self.kind not in ("after_each_meeting", "on_event")
        if self.kind == "on_event" and not self.event:
            raise ValueError("an 'on_event' trigger needs 'event', the event's name")
        if self.kind != "on_event" and self.event is not None:
            raise ValueError(f"'event' belongs to 'on_event' triggers, not {self.kind!r}")
        if not recurring and any(v is not None for v in (self.months, self.start_month,
                                                         self.year, self.at)):
            raise ValueError(f"a {self.kind!r} trigger takes no months, start_month, year or at")
        if self.kind == "every_n_months" and self.months is None:
            raise ValueError("an 'every_n_months' trigger needs 'months'")
        if self.kind in _KINDS and self.months is not None:
            raise ValueError(f"a {self.kind!r} trigger takes no 'months'")
        if self.year is not None and self.kind != "annually":
            raise ValueError("'year' belongs to 'annually' triggers")
        if self.year is not None and self.start_month is not None:
            raise ValueError("give 'year' or 'start_month', not both")
        return self

    def build(self) -> Trigger:
        if self.kind == "after_each_meeting":
            return AfterEachMeeting()
        if self.kind == "on_event":
            return OnEvent(self.event or "")
        months = self.months if self.kind == "every_n_months" else _KINDS[self.kind]
        start = _YEARS[self.year] if self.year is not None else (self.start_month or 4)
        return Recurring(months or 0, start, self.at or "end")


class DeadlineModel(_Strict):
    """When an obligation falls due: ``within_days`` or ``by_month`` (and ``day``)."""

    within_days: int | None = Field(default=None, ge=0)
    by_month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="after")
    def _one(self) -> DeadlineModel:
        if (self.within_days is None) == (self.by_month is None):
            raise ValueError("give exactly one of 'within_days' and 'by_month'")
        if self.day is not None and self.by_month is None:
            raise ValueError("'day' goes with 'by_month'")
        return self

    def build(self) -> Deadline:
        if self.within_days is not None:
            return WithinDays(self.within_days)
        return ByMonth(self.by_month or 0, self.day)


class PrecedenceModel(_Strict):
    """An obligation that must be met first, ``min_days`` before."""

    obligation: str
    min_days: int = Field(default=1, ge=0)


class ObligationModel(_Strict):
    """One obligation as declared in a file."""

    id: str
    document: str = Field(min_length=1)
    recipient: str = Field(min_length=1)
    trigger: TriggerModel
    deadline: DeadlineModel
    covers: list[str] = []
    after: list[str | PrecedenceModel] = []
    responsible: str | None = None
    title: str | None = None
    source: str = ""
    note: str | None = None

    def build(self) -> Obligation:
        extra: dict[str, Any] = {} if self.title is None else {"title": self.title}
        return Obligation(
            id=self.id,
            document=self.document,
            recipient=self.recipient,
            trigger=self.trigger.build(),
            deadline=self.deadline.build(),
            covers=tuple(self.covers),
            after=tuple(
                p if isinstance(p, str) else Precedence(p.obligation, p.min_days)
                for p in self.after
            ),
            responsible=self.responsible,
            source=self.source,
            note=self.note,
            **extra,
        )


class ObligationsFile(_Strict):
    """A file of obligations: ``{"obligations": [...]}``."""

    obligations: list[ObligationModel]


def obligation_schema() -> dict[str, Any]:
    """The JSON Schema of an obligations file."""
    return ObligationsFile.model_json_schema()


def obligations_from_data(data: object, source: str = "obligations", *,
                         where: Locator | None = None) -> ObligationSet:
    """Build an [`ObligationSet`][corpparent.obligations.definitions.ObligationSet] from decoded
    TOML or JSON; ``where`` (by default the whole of ``source``) places problems on their lines.

    The data is validated by `ObligationsFile`, the model the file's schema is
    made from; every entry that can be is then built and the set checked over those
    built, each problem of the set placed at the entry at fault (see
    `_obligation_set`), so every problem of the file is reported in one pass.
    """
    where = where or Locator(source)
    if not isinstance(data, Mapping):
        raise DataError([where.problem(expected="a table with an 'obligations' list",
                                       found=shown(data))])
    problems: list[Problem] = []
    try:
        models: list[ObligationModel | None] = list(
            ObligationsFile.model_validate(data).obligations)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, where, model=ObligationsFile))
        models = valid_items(ObligationModel, data.get("obligations"))
    attempt = Attempts(where, problems)
    built = [(index, obligation) for index, model in enumerate(models) if model is not None
             and (obligation := attempt(("obligations", index), model.build)) is not None]
    obligation_set = _obligation_set(built, _ids_written(data.get("obligations")), attempt)
    if problems or obligation_set is None:
        raise DataError(in_file_order(problems))
    return obligation_set


def _ids_written(entries: object) -> frozenset[str]:
    """The ids the file's entries give, those of entries in error included."""
    if not isinstance(entries, list):
        return frozenset()
    return frozenset(entry["id"].strip() for entry in entries
                     if isinstance(entry, Mapping) and isinstance(entry.get("id"), str))


def _obligation_set(built: Sequence[tuple[int, Obligation]], written: frozenset[str],
                    attempt: Attempts) -> ObligationSet | None:
    """The set of the obligations ``built`` (each with its index in the file), every
    problem of the set placed at the entry at fault.

    The entries are added one at a time without their precedence, so a second use of
    an id is a problem of the later entry's ``id``, and of a document and recipient
    of the later entry. Then each entry kept has its precedence checked with the
    others' left out, so a precedence naming an unknown obligation, or one with another
    trigger, is a problem of its own ``after``; a precedence naming an entry written in
    the file but in error is not checked, that entry's own problem being reported.
    Last, the set is made of the entries kept, so a cycle, which no one entry makes, is
    placed at the list.
    """
    kept: dict[int, Obligation] = {}
    for index, obligation in built:
        plain = evolve(obligation, after=())
        repeated = any(other.id == plain.id for other in kept.values())
        at = ("obligations", index, "id") if repeated else ("obligations", index)
        if attempt(at, partial(ObligationSet, [*kept.values(), plain])) is not None:
            kept[index] = plain
    known = {obligation.id for obligation in kept.values()}
    checked = dict(kept)
    for index, obligation in built:
        after = tuple(precedence for precedence in obligation.after
                      if precedence.obligation in known or precedence.obligation not in written)
        if index in kept and after:
            others = [plain for other, plain in kept.items() if other != index]
            whole = evolve(obligation, after=after)
            if attempt(("obligations", index, "after"),
                       partial(ObligationSet, [*others, whole])) is not None:
                checked[index] = whole
    return attempt(("obligations",), partial(ObligationSet, checked.values()))


def load_obligations(path: str | os.PathLike[str]) -> ObligationSet:
    """Read obligations from a ``.toml`` or ``.json`` file."""
    data, where = read_document(path)
    return obligations_from_data(data, str(path), where=where)


def _trigger_data(trigger: Trigger) -> dict[str, object]:
    if isinstance(trigger, AfterEachMeeting):
        return {"kind": "after_each_meeting"}
    if isinstance(trigger, OnEvent):
        return {"kind": "on_event", "event": trigger.event}
    return {"kind": "every_n_months", "months": trigger.months,
            "start_month": trigger.start_month, "at": trigger.at}


def _deadline_data(deadline: Deadline) -> dict[str, object]:
    if isinstance(deadline, WithinDays):
        return {"within_days": deadline.days}
    data: dict[str, object] = {"by_month": deadline.month}
    if deadline.day is not None:
        data["day"] = deadline.day
    return data


def obligations_to_data(obligations: Iterable[Obligation]) -> dict[str, object]:
    """The data form that
    [`obligations_from_data`][corpparent.files.panel.obligations.obligations_from_data] reads back
    to equal obligations (ready for ``json.dumps``; for TOML, drop the ``None`` values)."""
    return {
        "obligations": [
            {
                "id": o.id,
                "document": o.document,
                "recipient": o.recipient,
                "trigger": _trigger_data(o.trigger),
                "deadline": _deadline_data(o.deadline),
                "covers": list(o.covers),
                "after": [{"obligation": p.obligation, "min_days": p.min_days}
                          for p in o.after],
                "responsible": o.responsible,
                "title": o.title,
                "source": o.source,
                "note": o.note,
            }
            for o in obligations
        ]
    }
