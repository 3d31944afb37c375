"""Obligations declared as data: TOML or JSON, validated through pydantic.

An authority without Python developers declares its obligations in a file::

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

Every problem in a file is collected into one :class:`~corpparent.errors.DataError`,
each naming the file, the line and the key path (``obligations[2].deadline``).
:func:`obligations_to_data` writes the same form back, so a round trip is equal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from corpparent.errors import DataError
from corpparent.files.documents import read_document
from corpparent.files.problems import Attempts, Locator, problems_from_validation, shown
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

#: Authorities whose obligations ship with corpparent, as data files.

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
    document: str
    recipient: str
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
    """Build an :class:`ObligationSet` from decoded TOML or JSON; ``where`` (by default
    the whole of ``source``) places problems on their lines."""
    where = where or Locator(source)
    if not isinstance(data, Mapping) or "obligations" not in data:
        raise DataError([where.problem(expected="a table with an 'obligations' list",
                                       found=shown(data))])
    entries = data["obligations"]
    problems = [where.problem((str(key),), expected="only 'obligations'",
                              found="an unknown key")
                for key in sorted(str(key) for key in data if key != "obligations")]
    if not isinstance(entries, list):
        raise DataError([*problems, where.problem(("obligations",), expected="a list",
                                                  found=shown(entries))])
    attempt = Attempts(where, problems)
    built: list[Obligation] = []
    for index, entry in enumerate(entries):
        try:
            model = ObligationModel.model_validate(entry)
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, where.under("obligations", index),
                                                     model=ObligationModel))
            continue
        obligation = attempt(("obligations", index), model.build)
        if obligation is not None:
            built.append(obligation)
    if problems:
        raise DataError(problems)
    obligation_set = attempt(("obligations",), lambda: ObligationSet(built))
    if obligation_set is None:
        raise DataError(problems)
    return obligation_set


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
    """The data form that :func:`obligations_from_data` reads back to equal obligations
    (ready for ``json.dumps``; for TOML, drop the ``None`` values)."""
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
