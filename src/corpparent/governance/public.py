"""Meetings open to the public, and items taken in private.

Some terms of reference state that the panel's meetings are open to the public, as a
council committee's are under the Local Government Act 1972 Part VA. The public may
then be excluded only from an item that would disclose exempt information, the
descriptions of which are Schedule 12A to that Act (paragraphs 1 to 7 in England:
information about a particular person, or identifying one, for instance). The national
rules reference gives neither text, so this encodes no more than that: an item taken in
private should say which paragraph of Sch 12A it relied on.

`OpenToPublic` judges each formal meeting from its record
([`in_public`][corpparent.governance.meetings.Meeting.in_public] and
[`private_items`][corpparent.governance.meetings.Meeting.private_items]): met when it was open
and every item taken in private names its paragraph; breached when it was held in
private, or an item was taken in private with no exempt information given; insufficient
data when the record does not say whether the public could attend.
"""

from __future__ import annotations

from typing import final

from attrs import field, frozen

from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status, not_judged
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import MeetingKind, Sitting
from corpparent.periods import Month
from corpparent.wording import listed

__all__ = ["OpenToPublic"]


@final
@frozen
class OpenToPublic:
    """The terms require the panel's meetings to be open to the public: items may be
    taken in private only as exempt information (Local Government Act 1972 Sch 12A).
    With ``paragraph_required`` False, a private item whose minutes give no paragraph
    is a warning, not a breach (for terms that ask only that the reason be noted)."""

    paragraph_required: bool = True
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "meetings open to the public"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.GOVERNANCE

    def describe(self) -> str:
        given = ("its paragraph given" if self.paragraph_required
                 else "an item with no paragraph given is a warning")
        return ("meetings open to the public; an item may be taken in private only as "
                f"exempt information (Local Government Act 1972 Sch 12A), {given}")

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """One finding per formal meeting held in the span."""
        return tuple(self.evaluate(s) for s in panel.sittings
                     if s.meeting.kind is MeetingKind.FORMAL)

    def evaluate(self, sitting: Sitting) -> Finding:
        """The finding for one meeting, from its record."""
        meeting = sitting.meeting
        unexplained = [str(i.item) for i in meeting.private_items if i.exempt_paragraph is None]
        exempt = [f"item {i.item} (paragraph {i.exempt_paragraph})"
                  for i in meeting.private_items if i.exempt_paragraph is not None]
        private = (f"; taken in private as exempt information under Sch 12A: {listed(exempt)}"
                   if exempt else "")
        if meeting.in_public is False:
            status = Status.BREACHED
            text = "held in private, though the terms require meetings open to the public"
        elif unexplained:
            status = Status.BREACHED if self.paragraph_required else Status.WARNING
            text = (f"{'items' if len(unexplained) > 1 else 'item'} {listed(unexplained)} "
                    "taken in private with no exempt information given (Sch 12A)")
        elif meeting.in_public is None:
            status = Status.INSUFFICIENT_DATA
            text = "the record does not say whether the meeting was open to the public"
        else:
            status = Status.MET
            text = "open to the public"
        return Finding(
            subject=sitting.subject, subject_name=sitting.subject_name, rule=self.name,
            family=self.family, status=status, explanation=f"{text}{private}.",
            evidence={"private items": len(meeting.private_items)},
            period=Month.containing(meeting.held_on), outcome=not_judged(status))


declare(RuleType("open_to_public", OpenToPublic, 66, needs_membership=False))
