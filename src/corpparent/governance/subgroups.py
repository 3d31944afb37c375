"""Sub-groups: bodies with terms of their own whose members must belong to the panel.

A panel often works through smaller groups (a care leavers' sub-group, a health
sub-group), each with its own terms of reference, meetings and membership, and one rule
tying it to its parent: its members are drawn from the panel's. A sub-group is a
[`Constitution`][corpparent.governance.Constitution] of its own, reviewed against its own
record; `ParentPanel` declares the panel it belongs to, with that panel's
membership, and judges each of the sub-group's meetings: a member of the sub-group
who is not a member of the panel on the meeting's date is a breach.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance._roster import SEATED, member_names, roster_finding
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import Member, Membership, Roster
from corpparent.periods import Month
from corpparent.wording import counted

__all__ = ["ParentPanel"]


def _membership(value: Membership | Iterable[Member]) -> Membership:
    return value if isinstance(value, Membership) else Membership(tuple(value))


def _panel(value: str) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise DefinitionError("a sub-group's parent panel needs its name")
    return text


def _spell(member: Member) -> str:
    """A member of the parent panel with their tenure: "Cllr A (from 1 June 2023)"."""
    tenure = [f"from {day_text(member.joined)}" if member.joined else "",
              f"to {day_text(member.left)}" if member.left else ""]
    shown = " ".join(t for t in tenure if t)
    return f"{member.name} ({member.member_class}{', ' + shown if shown else ''})"


@final
@frozen
class ParentPanel(Rule[Roster]):
    """The sub-group belongs to ``panel``, whose ``members`` (each with their tenure)
    are given: every member of the sub-group must be a member of the panel on the day
    of each of the sub-group's meetings."""

    panel: str = field(converter=_panel)
    members: Membership = field(converter=_membership)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"members of {self.panel}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def describe(self) -> str:
        listed_ = "; ".join(_spell(m) for m in self.members.members) or "none on record"
        return (f"a sub-group of {self.panel}, whose members must be members of "
                f"{self.panel}; its members on record: {listed_}")

    def outsiders(self, roster: Roster, day: date) -> tuple[Member, ...]:
        """The sub-group's members on ``roster`` who are not on the panel on ``day``."""
        parent = self.members.on(day)
        return tuple(m for m in roster.of_class(*SEATED) if parent.find(m.name) is None)

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """One finding per meeting of the sub-group, against the panel's membership on
        its day; with no meeting held, one on the last day's roster."""
        if not panel.sittings:
            return (self.evaluate(panel.roster),)
        found = []
        for sitting in panel.sittings:
            finding = self.evaluate(sitting.roster)
            found.append(Finding(
                subject=sitting.subject, subject_name=sitting.subject_name,
                rule=finding.rule, family=finding.family, status=finding.status,
                explanation=finding.explanation, evidence=finding.evidence,
                period=Month.containing(sitting.meeting.held_on)))
        return tuple(found)

    def evaluate(self, subject: Roster, /) -> Finding:
        members = subject.of_class(*SEATED)
        outside = self.outsiders(subject, subject.as_of)
        day = subject.as_of.isoformat()
        if outside:
            return roster_finding(
                self, subject, status=Status.BREACHED,
                explanation=f"{counted(len(outside), 'member')} of the sub-group "
                f"({member_names(outside)}) not a member of {self.panel} on {day}: its "
                f"members must be drawn from {self.panel}",
                evidence={"members": len(members), "outside": len(outside)})
        return roster_finding(
            self, subject, status=Status.MET,
            explanation=f"every one of the sub-group's "
            f"{counted(len(members), 'member')} a member of {self.panel} on {day}",
            evidence={"members": len(members), "outside": 0})


declare(RuleType("parent_panel", ParentPanel, 48))
