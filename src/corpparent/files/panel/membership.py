"""Reading a panel's membership from a JSON file, or from a committee system's
membership list (CSV or a workbook, `membership_table`).

The file holds the members, each with their class of seat and tenure, and optionally
the strategic-priority leads:

    {
      "members": [
        {"name": "Mark Sutton", "class": "core councillor", "office": "chair",
         "role": "Cabinet Member for Children and Young People"},
        {"name": "Michael Greatorex", "class": "core councillor", "left": "2019-10-03"},
        {"name": "Jill Waring", "class": "co-opted member",
         "credentials": [{"name": "Level 1 Child Protection Training",
                          "completed": "2019-06-01"}]}
      ],
      "leads": [{"priority": "To feel and be safe", "member": "Peter Hutton"}]
    }

``class`` is one of the [`MemberClass`][corpparent.governance.membership.MemberClass] values;
``office`` is ``chair`` or ``vice-chair``; ``reserve_for`` names the member a reserve
stands in for, or lists them for a reserve for several (one entry, not one per
member); ``credentials`` left out means not recorded (an empty list means none
completed); dates are ``2019-10-03`` or ``03/10/2019``.
Problems are collected into one [`DataError`][corpparent.errors.DataError], each naming the
file, the line and the key path (``members[2].left``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from attrs import evolve
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.dates import parse_date, required_date
from corpparent.files._tabular.documents import read_document
from corpparent.files._tabular.formats import RECORD_FORMATS, Shape, format_of
from corpparent.files._tabular.problems import (
    Attempts,
    Locator,
    in_file_order,
    problems_from_validation,
    shown,
    valid_items,
)
from corpparent.files.panel.membership_table import read_membership_table
from corpparent.governance.membership import (
    Credential,
    Member,
    MemberClass,
    Membership,
    Office,
    PriorityLead,
)

__all__ = ["membership_from_data", "membership_json_schema", "read_membership"]


class CredentialRecord(BaseModel):
    """A requirement completed, such as training or a DBS check."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1)
    completed: date
    expires: date | None = None

    _completed = field_validator("completed", mode="before")(required_date)
    _expires = field_validator("expires", mode="before")(parse_date)


class MemberRecord(BaseModel):
    """One spell of membership."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              str_strip_whitespace=True)

    name: str = Field(min_length=1)
    member_class: MemberClass = Field(alias="class")
    role: str | None = None
    group: str | None = None
    joined: date | None = None
    left: date | None = None
    office: Office | None = None
    credentials: list[CredentialRecord] | None = None
    voting: bool = Field(True, description="false for a non-voting member.")
    reserve_for: str | list[str] | None = Field(
        None, description="The member a reserve or substitute may stand in for, or a list "
        "of the members, for a reserve for several.")

    _dates = field_validator("joined", "left", mode="before")(parse_date)


class PriorityLeadRecord(BaseModel):
    """A member leading a strategic priority."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    priority: str = Field(min_length=1)
    member: str = Field(min_length=1)
    officer: str | None = None


class MembershipRecord(BaseModel):
    """A panel's members and priority leads."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    panel: str | None = None
    source: str | None = None
    members: list[MemberRecord]
    leads: list[PriorityLeadRecord] = []


def read_membership(path: str | Path, *, format: str | None = None, sheet: str | None = None,
                    columns: Mapping[str, str] | None = None) -> Membership:
    """A [`Membership`][corpparent.governance.membership.Membership] from a JSON file, or
    from a membership list (CSV or a workbook: ``.csv``, ``.xlsx``, ``.xls``, ``.ods``),
    by the file's suffix (a list whose suffix does not say, by the ``format`` named:
    ``csv`` or ``sheet``); a list's ``sheet`` and ``columns`` as
    `read_membership_table` takes them."""
    if format_of(path, RECORD_FORMATS, format).shape is not Shape.DOCUMENT:
        return read_membership_table(path, format=format, sheet=sheet, columns=columns)
    data, where = read_document(path, (".json",))
    return membership_from_data(data, source=str(path), where=where)


def membership_from_data(data: Any, *, source: str, where: Locator | None = None) -> Membership:
    """A [`Membership`][corpparent.governance.membership.Membership] from data as a membership
    file holds it (read from JSON, or from an authority plug-in's TOML); ``source``
    names it in problems, and ``where`` (by default the whole of ``source``) places
    them on their lines.

    The data is validated by `MembershipRecord`, the model the file's schema is
    made from. Each valid member is then added in turn, so a member the panel cannot
    hold (a second spell overlapping the first) is reported at its own entry, beside
    every problem of the other entries.
    """
    where = where or Locator(source)
    if not isinstance(data, dict):
        raise DataError([where.problem(expected="an object with a 'members' list",
                                       found=shown(data))])
    problems: list[Problem] = []
    try:
        record = MembershipRecord.model_validate(data)
        members: list[MemberRecord | None] = list(record.members)
        leads: list[PriorityLeadRecord | None] = list(record.leads)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, where, model=MembershipRecord))
        members = valid_items(MemberRecord, data.get("members"))
        leads = valid_items(PriorityLeadRecord, data.get("leads"))
    attempt = Attempts(where, problems)
    membership = Membership(members=())
    for index, model in enumerate(members):
        member = _member(attempt, index, model) if model is not None else None
        if member is not None:
            membership = attempt(("members", index), partial(membership.with_members, [member])
                                 ) or membership
    built = [attempt(("leads", index), partial(PriorityLead, lead.priority, lead.member,
                                               lead.officer))
             for index, lead in enumerate(leads) if lead is not None]
    if problems:
        raise DataError(in_file_order(problems))
    return Membership(members=membership.members,
                      leads=tuple(lead for lead in built if lead is not None))


def _member(attempt: Attempts, index: int, model: MemberRecord) -> Member | None:
    """The member ``model`` declares, built a part at a time so a part the domain refuses
    is a problem of its own key: each credential at its ``name``, the member without
    dates at ``name``, then the dates at ``left`` (a ``left`` before ``joined``)."""
    at = ("members", index)
    credentials = None
    if model.credentials is not None:
        held = [attempt((*at, "credentials", number, "name"),
                        partial(Credential, c.name, c.completed, c.expires))
                for number, c in enumerate(model.credentials)]
        credentials = tuple(c for c in held if c is not None)
        if len(credentials) < len(held):
            return None
    undated = attempt((*at, "name"), partial(
        Member, name=model.name, member_class=model.member_class, role=model.role,
        group=model.group, office=model.office, credentials=credentials,
        voting=model.voting, reserve_for=model.reserve_for))
    if undated is None:
        return None
    return attempt((*at, "left"), partial(evolve, undated, joined=model.joined,
                                          left=model.left))


def membership_json_schema() -> dict[str, Any]:
    """The JSON Schema of a membership file, for tools that write one."""
    return MembershipRecord.model_json_schema(by_alias=True)
