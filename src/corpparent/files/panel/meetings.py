"""Reading meeting records from CSV and JSON files.

**CSV**, one row per person per meeting, as committee systems export attendance:

    date,member,attendance,substitute_for,noted_at_start,from_item,kind,title
    2019-05-20,Gill Burnett,present,,,,formal,
    2019-05-20,Sue Smith,substitute,Jill Waring,yes,3,formal,
    2022-09-27,,not recorded,,,,formal,

``attendance`` is ``present``, ``apologies``, ``absent``, ``substitute`` (with
``substitute_for`` naming the member replaced), ``invited`` (attended by invitation, not
as a member: recorded, never counted) or ``not recorded``; a row with no member
and ``not recorded`` (or nothing) records a meeting whose attendance is unknown. A row
naming a member with ``attendance`` empty is a problem, never read as present: a
committee system lists a cancelled meeting's members with nothing against them. A
meeting ``cancelled`` (every row of its date, or one row with no member) was not held
and is left out: no quorum, no attendance, not counted toward the meetings of a year. A
substitute's row may say whether the substitution was ``noted_at_start`` (``yes`` or
``no``; empty: not recorded) and the item ``from_item`` they sat from, as a JSON file's
substitutes do. ``in_public`` (``yes`` or ``no``, on any row of the meeting) says whether
the meeting was open to the public; a row with no member and a ``private_item`` (its
number) records an item taken in private, with the ``exempt_paragraph`` of the Local
Government Act 1972 Sch 12A the minutes give. So a CSV file carries everything a JSON
one can. Members with no row for
a meeting were not there. Dates are ``2019-05-20`` or ``20/05/2019``. Only ``date`` is
required.

A committee system's attendance export is read as it is: its headings and words as these
(`committee_words`); a ``committee`` (one a file) and attendees' ``role`` are not counted.

**JSON**, a list of meetings (or ``{"meetings": [...]}``):

    [{"date": "2019-05-20", "kind": "formal", "present": ["Gill Burnett"],
      "apologies": ["Jill Waring"], "substitutes": [{"name": "A", "for": "B"}]}]

``present`` missing or ``null`` means attendance was not recorded; ``in_public`` and
``private_items`` (``[{"item": 6, "exempt_paragraph": 1}]``) record whether the meeting
was open to the public and the items taken in private.

Every problem in a file is collected into one [`DataError`][corpparent.errors.DataError],
each naming the file, the line (the CSV line, the header being line 1; in JSON, the
line where the record or its key is written), the field and what was expected.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.column_names import columns_given
from corpparent.files._tabular.dates import blank_to_none, required_date
from corpparent.files._tabular.formats import RECORD_FORMATS, Shape, format_of
from corpparent.files._tabular.problems import Locator, in_file_order
from corpparent.files._tabular.records import (
    RawRecord,
    Records,
    json_records,
    read_records,
    validate_records,
)
from corpparent.files._tabular.tables import TableSource, records_of
from corpparent.files.panel.committee_words import MEETING_SYNONYMS, attendance_word, word_key
from corpparent.governance.meetings import (
    Meeting,
    MeetingKind,
    Meetings,
    PrivateItem,
    Substitution,
)
from corpparent.governance.membership import name_key

__all__ = [
    "MEETINGS_FORMATS",
    "Attendance",
    "meetings_from_data",
    "meetings_json_schema",
    "read_meetings",
    "read_meetings_csv",
    "read_meetings_json",
]


class Attendance(Enum):
    """How a person is recorded against a meeting."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    INVITED = "invited"
    NOT_RECORDED = "not recorded"
    CANCELLED = "cancelled"


class _Row(BaseModel):
    """One CSV row."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: date
    member: str | None = None
    attendance: Attendance | None = None
    substitute_for: str | None = None
    noted_at_start: bool | None = None
    from_item: int | None = Field(None, ge=1)
    kind: MeetingKind | None = None
    title: str | None = None
    in_public: bool | None = None
    private_item: int | None = Field(None, ge=1)
    exempt_paragraph: int | None = Field(None, ge=1, le=7)
    committee: str | None = None
    role: str | None = None

    _dates = field_validator("date", mode="before")(required_date)
    _blanks = field_validator(
        "member", "substitute_for", "noted_at_start", "from_item", "title", "committee",
        "role", "in_public", "private_item", "exempt_paragraph", mode="before")(blank_to_none)
    _words = field_validator("attendance", mode="before")(attendance_word)

    @field_validator("kind", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().lower() or None
        return value


class SubstituteRecord(BaseModel):
    """A substitute and the member they replaced."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str = Field(min_length=1)
    replaces: str = Field(alias="for", min_length=1)
    noted_at_start: bool | None = Field(
        None, description="Whether the substitution was noted at the start of the meeting.")
    from_item: int | None = Field(None, ge=1, description="The item from which they sat.")


class PrivateItemRecord(BaseModel):
    """An item taken in private, and the exempt information the minutes give for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item: int = Field(ge=1, description="The item's number on the agenda.")
    exempt_paragraph: int | None = Field(
        None, ge=1, le=7, description="The paragraph of the Local Government Act 1972 "
        "Sch 12A (exempt information) given for taking it in private.")


class MeetingRecord(BaseModel):
    """One meeting: its date, who attended, who sent apologies, who substituted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: date
    kind: MeetingKind = MeetingKind.FORMAL
    title: str | None = None
    present: list[str] | None = None
    apologies: list[str] = []
    absent: list[str] = []
    substitutes: list[SubstituteRecord] = []
    invited: list[str] = Field(
        default_factory=list, description="Attended by invitation, not as members: recorded, "
        "never counted.")
    in_public: bool | None = Field(
        None, description="Whether the meeting was open to the public (null: not recorded).")
    private_items: list[PrivateItemRecord] = Field(
        default_factory=list, description="Items taken in private, the public excluded.")

    _dates = field_validator("date", mode="before")(required_date)


_COLUMNS = tuple(_Row.model_fields)


def read_meetings_csv(path: str | Path, *,
                      columns: Mapping[str, str] | str | None = None) -> Meetings:
    """Meetings from a CSV file with one row per person per meeting, whatever its
    suffix; ``columns`` as `read_meetings` takes them."""
    return read_meetings(path, format="csv", columns=columns)


def _meetings_from_rows_of(source: str, records: Records) -> Meetings:
    valid, problems = validate_records(_Row, records)
    meetings = _meetings_from_rows(source, valid, problems)
    if problems:
        raise DataError(problems)
    return _collect(meetings)


class _Builder:
    """A meeting being assembled from CSV rows."""

    def __init__(self, raw: RawRecord, row: _Row) -> None:
        self.line, self.kind, self.title = raw.row, row.kind, row.title
        self.in_public: bool | None = row.in_public
        self.private_items: list[PrivateItem] = []
        self.unrecorded: RawRecord | None = None
        self.cancelled: RawRecord | None = None
        self.held: RawRecord | None = None
        self.people: dict[str, tuple[int, Attendance, str]] = {}
        self.present: list[str] = []
        self.apologies: list[str] = []
        self.invited: list[str] = []
        self.substitutions: list[Substitution] = []


#: What a member's row says in ``attendance``, for the problem when it says nothing.
_MARK_EXPECTED = ("how the member was recorded: 'present', 'apologies', 'absent', "
                  "'substitute' or 'invited' (a committee system's 'Present as expected', "
                  "'Apologies', 'Absent', 'Present as substitute' or 'In attendance'), "
                  "'cancelled' for a meeting not held, or 'not recorded' on a row with no "
                  "member; a blank is never read as present")


def _add_row(meeting: _Builder, raw: RawRecord, row: _Row, problems: list[Problem]) -> None:
    line = raw.row
    day = row.date.isoformat()
    for name in ("kind", "title", "in_public"):
        given, earlier = getattr(row, name), getattr(meeting, name)
        if given is not None and earlier is not None and given != earlier:
            problems.append(raw.problem_at(
                name, f"{name} {given} differs from {earlier} given for {day} earlier in "
                "the file"))
        elif earlier is None:
            setattr(meeting, name, given)
    if row.member is None and row.private_item is not None:
        meeting.private_items.append(PrivateItem(row.private_item, row.exempt_paragraph))
        return
    if row.exempt_paragraph is not None or row.private_item is not None:
        problems.append(raw.problem_at(
            "private_item", "an item taken in private goes on a row of its own, with no "
            "member, its number in 'private_item'"))
        return
    if row.attendance is Attendance.CANCELLED:
        meeting.cancelled = meeting.cancelled or raw
        return
    meeting.held = meeting.held or raw
    if row.member is None:
        if row.attendance not in (None, Attendance.NOT_RECORDED):
            problems.append(raw.problem_at(
                "member", f"attendance {row.attendance.value!r} needs a member"))
        if meeting.unrecorded is not None:
            problems.append(raw.problem_at(
                "member", f"a second row for {day} without a member; the first is at line "
                f"{meeting.unrecorded.row}"))
        meeting.unrecorded = raw
        return
    mark = row.attendance
    if mark is None:
        problems.append(raw.problem_at("attendance", expected=_MARK_EXPECTED, found="nothing"))
        return
    if mark is Attendance.NOT_RECORDED:
        problems.append(raw.problem_at(
            "attendance", "'not recorded' applies to a whole meeting; leave 'member' empty"))
        return
    key = name_key(row.member)
    earlier = meeting.people.get(key)
    if earlier is not None:
        problems.append(raw.problem_at(
            "member", f"{row.member} is already recorded for {day} at line {earlier[0]} "
            f"({earlier[1].value})"))
        return
    meeting.people[key] = (line, mark, row.member)
    if mark is Attendance.SUBSTITUTE:
        if row.substitute_for is None:
            problems.append(raw.problem_at(
                "substitute_for", "a substitute needs the name of the member they "
                "replace"))
            return
        meeting.substitutions.append(Substitution(row.member, row.substitute_for,
                                                  row.noted_at_start, row.from_item))
        return
    only = [n for n in ("substitute_for", "noted_at_start", "from_item")
            if getattr(row, n) is not None]
    if only:
        problems.append(raw.problem_at(
            only[0], f"{only[0]!r} is only for attendance 'substitute', not "
            f"{mark.value!r}"))
    elif mark is Attendance.PRESENT:
        meeting.present.append(row.member)
    elif mark is Attendance.APOLOGIES:
        meeting.apologies.append(row.member)
    elif mark is Attendance.INVITED:
        meeting.invited.append(row.member)


def _meetings_from_rows(source: str, rows: Iterable[tuple[RawRecord, _Row]],
                        problems: list[Problem]) -> list[Meeting]:
    builders: dict[date, _Builder] = {}
    committee: tuple[str, RawRecord] | None = None
    for raw, row in rows:
        if row.committee is not None:
            committee = committee or (row.committee, raw)
            if word_key(row.committee) != word_key(committee[0]):
                problems.append(raw.problem_at("committee", expected=f"one committee a file, "
                                               f"{committee[0]} as at line {committee[1].row}",
                                               found=row.committee))
                continue
        meeting = builders.setdefault(row.date, _Builder(raw, row))
        _add_row(meeting, raw, row, problems)
    meetings = []
    for day, built in builders.items():
        if built.cancelled is not None:
            if built.held is not None:
                problems.append(built.held.problem_at(
                    "attendance", f"the meeting on {day.isoformat()} is marked cancelled at "
                    f"line {built.cancelled.row} but this row records it as held"))
            continue  # a cancelled meeting was not held: no quorum, no attendance
        if built.unrecorded is not None and built.people:
            problems.append(built.unrecorded.problem_at(
                "attendance", f"the meeting on {day.isoformat()} is marked 'not recorded' but "
                "also has attendance rows"))
            continue
        # A meeting whose only rows are its private items has no attendance recorded.
        recorded = built.unrecorded is None and bool(built.people or not built.private_items)
        meetings.append(Meeting(
            held_on=day, present=tuple(built.present) if recorded else None,
            substitutions=tuple(built.substitutions), apologies=tuple(built.apologies),
            kind=built.kind or MeetingKind.FORMAL, title=built.title,
            source=f"{source}, line {built.line}", invited=tuple(built.invited),
            in_public=built.in_public, private_items=tuple(built.private_items),
        ))
    return meetings


def _collect(meetings: list[Meeting]) -> Meetings:
    return Meetings(meetings)


def read_meetings_json(path: str | Path) -> Meetings:
    """Meetings from a JSON file holding one object per meeting, whatever its suffix."""
    return _meetings_from_records(str(path), read_records(
        path, required=(), json_key="meetings", format="json"))


def meetings_from_data(data: Sequence[Any], *, source: str,
                       where: Locator | None = None) -> Meetings:
    """Meetings from data as a JSON meetings file holds it (a list of objects, read from
    JSON or from an authority plug-in's TOML); ``where`` (by default the whole of
    ``source``) places problems on their lines and names their key paths."""
    return _meetings_from_records(source, json_records(data, where or Locator(source)))


def _meetings_from_records(source: str, records: Records) -> Meetings:
    valid, problems = validate_records(MeetingRecord, records)
    meetings: list[Meeting] = []
    seen: dict[date, int] = {}
    for raw, model in valid:
        problems.extend(_overlaps(raw, model))
        if model.date in seen:
            problems.append(raw.problem_at("date", f"a second meeting on "
                                           f"{model.date.isoformat()}; the first is at line "
                                           f"{seen[model.date]}"))
            continue
        seen[model.date] = raw.row
        meetings.append(Meeting(
            held_on=model.date, present=model.present, apologies=model.apologies,
            substitutions=tuple(Substitution(s.name, s.replaces, s.noted_at_start, s.from_item)
                                for s in model.substitutes),
            kind=model.kind, title=model.title, source=f"{source}, line {raw.row}",
            invited=tuple(model.invited), in_public=model.in_public,
            private_items=tuple(PrivateItem(i.item, i.exempt_paragraph)
                                for i in model.private_items),
        ))
    if problems:
        raise DataError(in_file_order(problems))
    return _collect(meetings)


def _overlaps(raw: RawRecord, model: MeetingRecord) -> list[Problem]:
    lists: dict[str, list[str]] = {
        "present": model.present or [], "apologies": model.apologies, "absent": model.absent,
        "substitutes": [s.name for s in model.substitutes], "invited": model.invited,
    }
    first: dict[str, str] = {}
    found = []
    for field_name, names in lists.items():
        for name in names:
            key = name_key(name)
            if key in first:
                found.append(raw.problem_at(field_name, f"{name} is listed in both "
                                            f"'{first[key]}' and '{field_name}'"))
            first.setdefault(key, field_name)
    return found


#: The formats meetings are read from (`formats`).
MEETINGS_FORMATS = RECORD_FORMATS


def read_meetings(source: TableSource, *, format: Literal["csv", "json", "sheet"] | None = None,
                  sheet: str | None = None,
                  columns: Mapping[str, str] | str | None = None) -> Meetings:
    """Meetings from a file in one of `MEETINGS_FORMATS` (by its suffix, or the
    ``format`` named): CSV or a workbook (``.xlsx``, ``.xls``, ``.ods``), a row per
    person per meeting, or JSON, an object per meeting; or from a list of dicts or a
    table speaking Arrow (a pandas or polars DataFrame) with the CSV's columns, or a
    committee system's, or headings mapped by ``columns`` (``"Councillor=member"``)."""
    given = columns_given(columns)
    if not isinstance(source, str | os.PathLike):
        return _meetings_from_rows_of("the table", records_of(
            source, required=("date",), optional=_COLUMNS[1:], columns=given,
            synonyms=MEETING_SYNONYMS))
    path = Path(source)
    found = format_of(path, MEETINGS_FORMATS, format)
    if found.shape is Shape.DOCUMENT:
        return read_meetings_json(path)
    return _meetings_from_rows_of(str(path), read_records(
        path, required=("date",), optional=_COLUMNS[1:], format=found.name, sheet=sheet,
        columns=given, synonyms=MEETING_SYNONYMS))


def meetings_json_schema() -> dict[str, Any]:
    """The JSON Schema of a meetings file, for tools that write one."""
    return TypeAdapter(list[MeetingRecord]).json_schema()
