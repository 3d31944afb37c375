"""The attendance register: every member against every meeting held, as minutes record it.

Councils publish attendance as a register, a row a member and a column a meeting
(Staffordshire's annual report lists "the current members and their attendance record in
this period", 004 §7-8); the panel's findings summarise it, the register shows it. Each
cell is one mark: present, attended as a substitute for another member, a substitute
attended in the member's place, apologies sent, absent, attendance not recorded, or not
a member on that day (tenure starts and ends within a year).

Where the terms set conditions on substitutes
([`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms]), a substitute in the
member's place is marked as the quorum counts them: one that counts, one that does not,
and one the record cannot judge are three marks, never one. A reserve's own row shows
the meetings they attended as a substitute, as the six-month finding counts them, and
no mark of absence for the others: a substitute is called on, never expected.

The terms' standing invitees (`StandingInvitees`)
have rows of their own, apart from the members': present where the record shows them,
invited or present, and absent where it records attendance without them. They are never
counted, so they add nothing to any member's row or any finding.
"""

from __future__ import annotations

from enum import Enum
from typing import final

from attrs import frozen

from corpparent.governance.invitees import StandingInvitees
from corpparent.governance.meetings import Meeting
from corpparent.governance.membership import Member, MemberClass, Roster, name_key
from corpparent.governance.panel import PanelRecord
from corpparent.governance.reserves import Counted, SubstitutionTerms

__all__ = ["AttendanceRegister", "InviteeRow", "Mark", "RegisterRow", "attendance_register"]


class Mark(Enum):
    """What the register shows for one member at one meeting."""

    PRESENT = "present"
    AS_SUBSTITUTE = "attended as substitute"
    """The member attended in another member's place."""
    SUBSTITUTE = "substitute attended"
    """A substitute attended in the member's place, and counts."""
    SUBSTITUTE_NOT_COUNTED = "substitute not counted"
    """A substitute attended in the member's place, breaking a condition of the terms."""
    SUBSTITUTE_NOT_KNOWN = "substitute, conditions not recorded"
    """A substitute attended in the member's place; the record cannot say whether the
    terms' conditions were met."""
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
        """Meetings attended, in person or as a substitute for another member."""
        return self.marks.count(Mark.PRESENT) + self.marks.count(Mark.AS_SUBSTITUTE)

    @property
    def as_substitute(self) -> int:
        """Meetings attended as a substitute for another member."""
        return self.marks.count(Mark.AS_SUBSTITUTE)

    @property
    def possible(self) -> int:
        """Meetings held during the member's tenure whose attendance was recorded."""
        return sum(mark.counts_as_possible for mark in self.marks)


@final
@frozen
class InviteeRow:
    """A standing invitee's marks, a mark a meeting: present, absent or not recorded."""

    name: str
    marks: tuple[Mark, ...]

    @property
    def attended(self) -> int:
        """Meetings the record shows the invitee at."""
        return self.marks.count(Mark.PRESENT)

    @property
    def possible(self) -> int:
        """Meetings whose attendance was recorded."""
        return sum(mark.counts_as_possible for mark in self.marks)


@final
@frozen
class AttendanceRegister:
    """The meetings held in a record's span, a row for each member who served, and a
    row for each standing invitee."""

    meetings: tuple[Meeting, ...]
    rows: tuple[RegisterRow, ...]
    invitees: tuple[InviteeRow, ...] = ()


def _invitee_mark(meeting: Meeting, name: str, invitees: StandingInvitees) -> Mark:
    if name in invitees.attended(meeting):
        return Mark.PRESENT
    return Mark.ABSENT if meeting.attendance_recorded else Mark.NOT_RECORDED


_COVERED = {
    Counted.COUNTS: Mark.SUBSTITUTE,
    Counted.NOT_COUNTED: Mark.SUBSTITUTE_NOT_COUNTED,
    Counted.NOT_KNOWN: Mark.SUBSTITUTE_NOT_KNOWN,
}


def _covered(meeting: Meeting, member: Member, roster: Roster,
             terms: SubstitutionTerms | None) -> Mark:
    """The mark of a member a substitute attended for: the best standing among their
    substitutes (one that counts is enough)."""
    if terms is None:
        return Mark.SUBSTITUTE
    standings = {terms.judge(s, meeting, roster)[0] for s in meeting.substitutions
                 if name_key(s.replaces) == member.key}
    best = next((c for c in (Counted.COUNTS, Counted.NOT_KNOWN) if c in standings),
                Counted.NOT_COUNTED)
    return _COVERED[best]


def _mark(meeting: Meeting, member: Member, roster: Roster,
          terms: SubstitutionTerms | None) -> Mark:
    if not member.serves_on(meeting.held_on):
        return Mark.NOT_A_MEMBER
    if not meeting.attendance_recorded:
        return Mark.NOT_RECORDED
    if meeting.came(member):
        return Mark.PRESENT
    if meeting.sat_as_substitute(member):
        return Mark.AS_SUBSTITUTE
    if meeting.covered(member):
        return _covered(meeting, member, roster, terms)
    if member.key in {name_key(name) for name in meeting.apologies}:
        return Mark.APOLOGIES
    # A substitute is called on for a meeting, never expected at it: not absent.
    return Mark.NOT_A_MEMBER if member.member_class is MemberClass.SUBSTITUTE else Mark.ABSENT


def attendance_register(record: PanelRecord, terms: SubstitutionTerms | None = None,
                        invitees: StandingInvitees | None = None) -> AttendanceRegister:
    """The register of ``record``: the meetings held by its ``as_of`` day, every member
    who served during its span, in the membership's order, and each of the terms'
    standing ``invitees``; ``terms`` are the conditions on which a substitute counts,
    which mark each substitution (None: every one counts)."""
    held = tuple(record.held)
    last = min(record.end, record.as_of)
    members = record.membership.during(record.start, last)
    rosters = {m.held_on: record.membership.on(m.held_on) for m in held}
    return AttendanceRegister(
        meetings=held,
        rows=tuple(RegisterRow(member, tuple(_mark(m, member, rosters[m.held_on], terms)
                                             for m in held))
                   for member in members),
        invitees=() if invitees is None else tuple(
            InviteeRow(name, tuple(_invitee_mark(m, name, invitees) for m in held))
            for name in invitees.invitees),
    )
