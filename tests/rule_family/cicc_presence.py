"""A rule family added without touching corpparent: a minimum share of the panel's formal
meetings with a Children in Care Council representative present.

This module is the whole rule: its class, its review and the declaration of its type.
"""

from __future__ import annotations

from fractions import Fraction

from attrs import field, frozen

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance._fractions import ceil_of, fraction_text, proportion
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import MeetingKind
from corpparent.governance.membership import MemberClass


@frozen
class CiccPresence:
    """At least ``minimum`` of the formal meetings held have a member of
    ``member_class`` (a Children in Care Council representative) present."""

    minimum: Fraction = field(converter=proportion)
    member_class: MemberClass = field(default=MemberClass.CHILDREN_IN_CARE_COUNCIL,
                                      converter=MemberClass)
    source: str = field(default="", eq=False)

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        held = [s for s in panel.sittings if s.meeting.kind is MeetingKind.FORMAL
                and s.meeting.present is not None]
        name = f"{self.member_class.singular} present"
        if not held:
            return (Finding(subject=panel.record.panel, rule=name, family=RuleFamily.ATTENDANCE,
                            status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
                            explanation="No formal meeting with its attendance recorded."),)
        present = sum(1 for s in held if any(
            (m := s.roster.find(n)) is not None and m.member_class is self.member_class
            for n in s.meeting.present or ()))
        needed = ceil_of(self.minimum, len(held))
        return (Finding(
            subject=panel.record.panel, rule=name, family=RuleFamily.ATTENDANCE,
            status=Status.MET if present >= needed else Status.BREACHED,
            explanation=f"{present} of {len(held)} formal meetings had a "
            f"{self.member_class.singular} present; {fraction_text(self.minimum)} "
            f"({needed}) are required.",
            evidence={"meetings": len(held), "with a representative": present}),)


CICC_PRESENCE = declare(RuleType("cicc_presence", CiccPresence, 85))

