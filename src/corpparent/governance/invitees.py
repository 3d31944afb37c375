"""Standing invitees: people the terms of reference invite to every meeting without
making them members.

Terms often list, beside the members, officers and partners who are "invited to all
meetings": the Director of Children's Services, the Virtual School Head, the designated
nurse for looked after children. They are declared once, in the terms, as
`StandingInvitees`; each meeting records their attendance, in its ``invited``
list or among those ``present`` (a JSON meetings file's ``invited``, a CSV row with the
attendance ``invited``). They are never members, so they are never counted: not toward
a quorum, not in attendance, not as attendees missing from the membership. The review
leaves them out of every meeting's roster even where a membership lists them, and says
so, since the terms give them no seat.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status, not_judged
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import Meeting, Sitting
from corpparent.governance.membership import Roster, name_key
from corpparent.wording import counted, listed

__all__ = ["StandingInvitees"]


def _names(values: Iterable[str]) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(" ".join(str(v).split()) for v in values))
    if not names or not all(names):
        raise DefinitionError("standing invitees: give at least one name or post, none "
                              "of them empty")
    return names


@final
@frozen
class StandingInvitees:
    """``invitees`` (names or posts, as the meeting records name them) are invited to
    all meetings and are not members: their attendance is recorded, never counted."""

    invitees: tuple[str, ...] = field(converter=_names)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "standing invitees"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.ATTENDANCE

    @property
    def keys(self) -> frozenset[str]:
        """The invitees' names as names are compared."""
        return frozenset(name_key(n) for n in self.invitees)

    def describe(self) -> str:
        return (f"invited to all meetings, not members: {listed(self.invitees)}; their "
                "attendance is recorded, never counted")

    def attended(self, meeting: Meeting) -> tuple[str, ...]:
        """The invitees the record shows at ``meeting``, invited or present."""
        came = {name_key(n) for n in (*meeting.invited, *(meeting.present or ()))}
        return tuple(n for n in self.invitees if name_key(n) in came)

    def without(self, sitting: Sitting) -> Sitting:
        """``sitting`` with the invitees left out of its roster, so nothing counts
        them."""
        kept = tuple(m for m in sitting.roster.members if m.key not in self.keys)
        if len(kept) == len(sitting.roster.members):
            return sitting
        return Sitting(sitting.meeting,
                       Roster(sitting.roster.as_of, kept, sitting.roster.leads))

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """One finding for the span: each invitee's attendance, as recorded; a breach
        where the membership gives an invitee a seat the terms do not (they are left
        out of every count all the same); insufficient data where no meeting's
        attendance is recorded."""
        record = panel.record
        last = min(record.end, record.as_of)
        seated = [m.name for m in record.membership.during(record.start, last)
                  if m.key in self.keys]
        recorded = [s.meeting for s in panel.sittings if s.meeting.attendance_recorded
                    or s.meeting.invited]
        shown = listed([f"{n} at {sum(n in self.attended(m) for m in recorded)}"
                        for n in self.invitees])
        base = f"Standing invitees, {self.describe()}"
        if seated:
            return (self._finding(
                Status.BREACHED, f"{base}; the membership gives "
                f"{listed(sorted(set(seated)))} a seat the terms do not: left out of every "
                "count.", record.panel, len(recorded)),)
        if not recorded:
            return (self._finding(
                Status.INSUFFICIENT_DATA, f"{base}; no meeting's attendance is recorded, "
                "so theirs is not known.", record.panel, 0),)
        return (self._finding(
            Status.MET, f"{base}; recorded at {counted(len(recorded), 'meeting')}: "
            f"{shown}; none counted toward quorum or attendance.", record.panel,
            len(recorded)),)

    def _finding(self, status: Status, explanation: str, panel: str,
                 meetings: int) -> Finding:
        return Finding(subject=panel, subject_name=panel, rule=self.name,
                       family=self.family, status=status, explanation=explanation,
                       evidence={"meetings": meetings, "invitees": len(self.invitees)},
                       outcome=not_judged(status))


declare(RuleType("standing_invitees", StandingInvitees, 85, shorthand="invitees",
                 needs_membership=False))
