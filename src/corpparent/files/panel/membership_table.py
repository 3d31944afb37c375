"""Reading a panel's membership from a table: a committee system's membership list.

A committee system lists a committee's members a row each, as CSV or a workbook:

    Name,Role,Political group,Portfolio,From,To
    Mark Sutton,Chair,,Cabinet Member for Children and Young People,,
    Michael Greatorex,Member,,,,03/10/2019
    Ann Edgeller,Co-optee,,,,

``Role`` is the member's role on the committee (`ROLE_WORDS`: Chair, Vice-Chair,
Member, Co-optee, Substitute ...), read as the office held and the class of seat (a
Co-optee's seat is a co-opted member's, a Substitute's a substitute's, any other a core
councillor's, unless a ``class`` column says otherwise: a co-opted Vice-Chair);
``Political group`` (or ``Party``) is the member's group; ``Portfolio`` (or ``post``)
the post a member holds beyond the panel, as the constitution's roles name it
("Cabinet Member for Children and Young People"); ``From`` and ``To`` the days the
membership began and ended, where given. ``voting`` (``yes`` or ``no``) and
``reserve_for`` (the members a substitute stands in for, separated by ``;``) may be
added. The headings a committee system uses are read as these
(`committee_words.MEMBERSHIP_SYNONYMS`), and others are mapped with ``columns``.

Every problem is collected into one [`DataError`][corpparent.errors.DataError], each
naming the file, the line, the column as the file heads it and what was expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from pathlib import Path

from attrs import evolve
from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.dates import blank_to_none, parse_date
from corpparent.files._tabular.problems import Attempts, in_file_order
from corpparent.files._tabular.records import RawRecord, read_records, validate_records
from corpparent.files.panel.committee_words import MEMBERSHIP_SYNONYMS, role_word
from corpparent.governance.membership import Member, MemberClass, Membership, Office

__all__ = ["MEMBERSHIP_COLUMNS", "read_membership_table"]


class _MemberRow(BaseModel):
    """One row of a membership list."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              str_strip_whitespace=True)

    name: str = Field(min_length=1)
    role: tuple[MemberClass | None, Office | None] | None = None
    member_class: MemberClass | None = Field(None, alias="class")
    group: str | None = None
    post: str | None = None
    joined: date | None = None
    left: date | None = None
    voting: bool | None = None
    reserve_for: str | None = None

    _blanks = field_validator("member_class", "group", "post", "voting", "reserve_for",
                              mode="before")(blank_to_none)
    @field_validator("joined", "left", mode="before")
    @classmethod
    def _dates(cls, value: object) -> object:
        return parse_date(blank_to_none(value))

    @field_validator("role", mode="before")
    @classmethod
    def _role(cls, value: object) -> object:
        if isinstance(value, str):
            return role_word(value) if value.strip() else None
        return value


#: The columns of a membership list, as read.
MEMBERSHIP_COLUMNS = ("name", "role", "class", "group", "post", "joined", "left", "voting",
                      "reserve_for")


def read_membership_table(path: str | Path, *, format: str | None = None,
                          sheet: str | None = None,
                          columns: Mapping[str, str] | None = None) -> Membership:
    """A [`Membership`][corpparent.governance.membership.Membership] from a membership list
    (CSV or a workbook), a row a member (or a spell of membership)."""
    records = read_records(path, required=("name",), optional=MEMBERSHIP_COLUMNS[1:],
                           format=format, sheet=sheet, columns=columns,
                           synonyms=MEMBERSHIP_SYNONYMS)
    valid, problems = validate_records(_MemberRow, records)
    membership = Membership(members=())
    for raw, row in valid:
        attempt = Attempts(raw.locator(), problems)
        member = _member(raw, row, attempt, problems)
        if member is not None:
            membership = attempt(("name",), partial(membership.with_members, [member])
                                 ) or membership
    if problems:
        raise DataError(in_file_order(problems))
    return membership


def _member(raw: RawRecord, row: _MemberRow, attempt: Attempts,
            problems: list[Problem]) -> Member | None:
    """The member a row declares: the class its ``class`` column gives, or its role's."""
    role_class, office = row.role if row.role is not None else (None, None)
    if row.member_class is not None and role_class not in (None, row.member_class):
        problems.append(raw.problem_at(
            "class", f"the role is a {role_class}'s",
            expected=f"a class agreeing with the role, {role_class}",
            found=str(row.member_class)))
        return None
    member_class = row.member_class or role_class or MemberClass.CORE_COUNCILLOR
    reserves = tuple(name.strip() for name in (row.reserve_for or "").split(";")
                     if name.strip())
    undated = attempt(("name",), partial(
        Member, name=row.name, member_class=member_class, role=row.post, group=row.group,
        office=office, voting=True if row.voting is None else row.voting,
        reserve_for=reserves))
    if undated is None:
        return None
    return attempt(("left",), partial(evolve, undated, joined=row.joined, left=row.left))
