"""The attendance register: every member against every meeting held, as minutes record it.

Councils publish attendance as a register, a row a member and a column a meeting
(Staffordshire's annual report lists "the current members and their attendance record in
this period", 004 §7-8); the panel's findings summarise it, the register shows it. Each
cell is one mark: present, a substitute attended in the member's place, apologies sent,
absent, attendance not recorded, or not a member on that day (tenure starts and ends
within a year).
"""

from __future__ import annotations

from enum import Enum
from typing import final

from attrs import frozen

from corpparent.governance.meetings import Meeting
from corpparent.governance.membership import Member, name_key
from corpparent.governance.panel import PanelRecord

__all__ = ["AttendanceRegister", "Mark", "RegisterRow", "attendance_register"]


class Mark(Enum):
    """What the register shows for one member at one meeting."""

    PRESENT = "present"
    SUBSTITUTE = "substitute attended"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    NOT_RECORDED = "not recorded"
    NOT_A_MEMBER = "not a member"

    @property
    def counts_as_possible(self) -> bool:
        """Whether the meeting was one the member could have attended, on the record."""
        return self not in (Mark.NOT_RECORDED, Mark.NOT_A_MEMBER)


@final
@frozen
class RegisterRow:
    """One member's marks, a mark a meeting, in the register's meeting order."""

    member: Member
    marks: tuple[Mark, ...]

    @property
    def attended(self) -> int:
        """Meetings attended in person."""
        return self.marks.count(Mark.PRESENT)

    @property
    def possible(self) -> int:
        """Meetings held during the member's tenure whose attendance was recorded."""
        return sum(mark.counts_as_possible for mark in self.marks)


@final
@frozen
class AttendanceRegister:
    """The meetings held in a record's span, and a row for each member who served."""

    meetings: tuple[Meeting, ...]
    rows: tuple[RegisterRow, ...]


def _mark(meeting: Meeting, member: Member) -> Mark:
    if not member.serves_on(meeting.held_on):
        return Mark.NOT_A_MEMBER
    if not meeting.attendance_recorded:
        return Mark.NOT_RECORDED
    if meeting.came(member):
        return Mark.PRESENT
    if meeting.covered(member):
        return Mark.SUBSTITUTE
    if member.key in {name_key(name) for name in meeting.apologies}:
        return Mark.APOLOGIES
    return Mark.ABSENT


def attendance_register(record: PanelRecord) -> AttendanceRegister:
    """The register of ``record``: the meetings held by its ``as_of`` day, and every member
    who served during its span, in the membership's order."""
    held = tuple(record.held)
    last = min(record.end, record.as_of)
    members = record.membership.during(record.start, last)
    return AttendanceRegister(
        meetings=held,
        rows=tuple(RegisterRow(member, tuple(_mark(m, member) for m in held))
                   for member in members),
    )
