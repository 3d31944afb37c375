"""Requirements every member must hold, such as training or a DBS check.

"All panel members are required to complete Level 1 Child Protection Training as a
minimum" (Staffordshire, 004 §14); "Panel Members are required to have an enhanced DBS
check undertaken" (Wiltshire, 002 §145). A
[`Requirement`][corpparent.governance.requirements.Requirement] names one, optionally with a renewal
cycle; [`RequirementMet`][corpparent.governance.requirements.RequirementMet] judges a roster against
it. A member whose credentials are not recorded leaves the requirement unjudged (insufficient data)
rather than breached: the record is missing, not the training.
"""

from __future__ import annotations

from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance._checks import member_classes
from corpparent.governance._roster import SEATED, member_names, roster_finding
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import Member, MemberClass, Roster, name_key
from corpparent.wording import counted

__all__ = ["Requirement", "RequirementMet"]

@final
@frozen
class Requirement:
    """Something every member (of ``member_classes``; all seats if empty) must hold.

    ``renew_every_months`` makes a completion lapse after that many months.
    """

    name: str
    member_classes: tuple[MemberClass, ...] = field(default=(), converter=member_classes)
    renew_every_months: int | None = None
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.name.strip():
            raise DefinitionError("a requirement needs a name")
        if self.renew_every_months is not None and self.renew_every_months < 1:
            raise DefinitionError(
                f"'renew_every_months' must be at least 1, got {self.renew_every_months}"
            )

    def roster_rules(self) -> tuple[Rule[Roster], ...]:
        """The rule judging the roster: every member holds the requirement."""
        return (RequirementMet(self),)

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """Whether every member serving on the last day holds the requirement."""
        return (RequirementMet(self).evaluate(panel.roster),)

    def is_met_by(self, member: Member, on: Roster) -> bool:
        """Whether ``member`` held the requirement on the roster's date."""
        key = name_key(self.name)
        return any(
            name_key(c.name) == key and c.valid_on(on.as_of, self.renew_every_months)
            for c in member.credentials or ()
        )


@final
@frozen
class RequirementMet(Rule[Roster]):
    """Every serving member the requirement applies to holds it."""

    requirement: Requirement

    @property
    def name(self) -> str:
        return f"requirement: {self.requirement.name}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.REQUIREMENT

    def evaluate(self, subject: Roster, /) -> Finding:
        members = subject.of_class(*(self.requirement.member_classes or SEATED))
        unknown = [m for m in members if m.credentials is None]
        known = [m for m in members if m.credentials is not None]
        lacking = [m for m in known if not self.requirement.is_met_by(m, subject)]
        name = self.requirement.name
        evidence = {"members": len(members), "without record": len(lacking),
                    "not recorded": len(unknown)}
        if not members:
            return roster_finding(
                self, subject, status=Status.INSUFFICIENT_DATA,
                explanation="no members to whom the requirement applies")
        not_recorded = (f"; credentials not recorded for {member_names(unknown)}" if unknown
                        else "")
        if lacking:
            status = Status.BREACHED
            text = (f"{len(known) - len(lacking)} of {counted(len(members), 'member')} hold a "
                    "current "
                    f"record of {name}; no current record for {member_names(lacking)}"
                    f"{not_recorded}")
        elif unknown:
            status = Status.INSUFFICIENT_DATA
            text = (f"{len(known)} of {counted(len(members), 'member')} hold a current record "
                    f"of {name}"
                    f"{not_recorded}")
        else:
            status = Status.MET
            text = (f"all {len(members)} members hold a current record of {name}"
                    if len(members) > 1 else f"the one member holds a current record of {name}")
        return roster_finding(
            self, subject, status=status, explanation=text,
            evidence=evidence)


declare(RuleType("requirements", Requirement, 40, many=True))
