"""Attendees a meeting record names who are not on the panel's membership that day.

A name in a meeting's ``present`` list that matches no member serving on the day, or a
substitute standing in for someone who is not a serving member, cannot count toward
quorum or attendance. Dropping such a name without a word turns a meeting with two
unrecognised councillors into "1 councillor present ... not quorate" with no sign of
why; [`UnknownAttendees`][corpparent.governance.attendees.UnknownAttendees] reports each meeting
where it happens instead, naming the people, so the record or the membership can be corrected.
People invited to attend (officers, guests) are recorded in the meeting's ``invited`` list and are
never reported here, nor counted; nor are the standing invitees the terms declare, wherever the
record lists them.
"""

from __future__ import annotations

from typing import final

from attrs import field, frozen

from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance.meetings import Sitting
from corpparent.governance.membership import name_key
from corpparent.periods import Month
from corpparent.wording import counted, listed

__all__ = ["PUT_RIGHT", "UnknownAttendees"]

#: The evidence key saying how whoever keeps the records would put an unknown attendee
#: right: for officers, not a paper's reader (a public report leaves it out).
PUT_RIGHT = "to put it right"


@final
@frozen
class UnknownAttendees:
    """Report the attendees of a sitting who are not on the membership that day."""

    invitees: tuple[str, ...] = ()
    """The terms' standing invitees: present by invitation, never unknown."""
    substitutes_named: bool = False
    """Whether the terms say who may substitute, so a substitute not on the membership
    is not counted toward quorum
    ([`substitutes_named`][corpparent.governance.substitutes.substitutes_named])."""
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "attendees not on the membership"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.ATTENDANCE

    def unknown(self, sitting: Sitting) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The names present who are not serving members (a substitute among them, "A
        as substitute for B", when they are neither a member nor a listed substitute), and
        the substitutions for someone who is not a serving member ("A for B")."""
        serving = {m.key for m in sitting.roster.members}
        invited = {name_key(n) for n in self.invitees}
        present = tuple(p for p in sitting.meeting.present or ()
                        if name_key(p) not in serving | invited) + tuple(
            f"{s.substitute} as substitute for {s.replaces}"
            for s in sitting.meeting.substitutions
            if name_key(s.substitute) not in serving | invited)
        covering = tuple(f"{s.substitute} for {s.replaces}"
                         for s in sitting.meeting.substitutions
                         if name_key(s.replaces) not in serving)
        return present, covering

    def finding(self, sitting: Sitting) -> Finding | None:
        """A warning naming the unknown attendees, or None when every one is known (or
        attendance was not recorded)."""
        if not sitting.meeting.attendance_recorded:
            return None
        present, covering = self.unknown(sitting)
        if not present and not covering:
            return None
        parts = []
        if present:
            parts.append(f"{counted(len(present), 'attendee')} not on the membership that "
                         f"day ({listed(present)})")
        if covering:
            parts.append(f"{counted(len(covering), 'substitute')} for someone not on the "
                         f"membership ({listed(covering)})")
        counts = ("not counted toward quorum or attendance" if self.substitutes_named
                  or not any(" as substitute for " in p for p in present) else
                  "not counted toward attendance; a substitute among them is counted "
                  "toward quorum for the member replaced, as the terms do not say who "
                  "may substitute")
        return Finding(
            subject=sitting.subject, subject_name=sitting.subject_name, rule=self.name,
            family=self.family, status=Status.WARNING,
            explanation=f"{' and '.join(parts)}: {counts}.",
            evidence={"unknown attendees": len(present), "unknown substitutions":
                      len(covering), "names": "; ".join((*present, *covering)),
                      PUT_RIGHT: "correct the record or the membership, or list "
                      "invited guests as invited"},
            period=Month.containing(sitting.meeting.held_on),
        )
