"""Composition rules: who must sit on the panel, in which seats and offices.

Each rule judges a [`Roster`][corpparent.governance.membership.Roster] (the panel on one
day) and returns one finding:

* [`SeatLimit`][corpparent.governance.composition.SeatLimit] and
  [`MaximumSize`][corpparent.governance.composition.MaximumSize]: "The Panel shall comprise no more
  than 20 Members (15 County Councillors plus cooptees)" (Staffordshire terms of reference); "up to
  8 Core Members" (Wiltshire, 001 §3).
* [`RolesFilled`][corpparent.governance.composition.RolesFilled]: Wiltshire's Associate Members
  "comprise of" ten named posts (001 §3).
* [`OfficesFilled`][corpparent.governance.composition.OfficesFilled]: "The Panel will appoint a
  Chairperson on an annual basis" (001 §3).
* [`ChairHoldsRole`][corpparent.governance.composition.ChairHoldsRole]: "The Cabinet Member with
  responsibility for Children is chairman of the Panel" (Staffordshire terms of reference).
* [`PrioritiesHaveLeads`][corpparent.governance.composition.PrioritiesHaveLeads] and
  [`EachMemberLeads`][corpparent.governance.composition.EachMemberLeads]: "each member of board will
  have a lead role in relation to delivery of one strategic priority" (001 §3); "Each member of the
  Panel has a lead role for a strategic priority" (002 §15).
* [`SubstitutesAppointed`][corpparent.governance.composition.SubstitutesAppointed]: "Group leaders
  will ensure that they appoint substitute members to cover absences" (001 §3).

Requirements members must hold (training, DBS checks) are in
`corpparent.governance.requirements`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance._checks import at_least_one, member_classes, offices as to_offices
from corpparent.governance._roster import SEATED, member_names, roster_finding
from corpparent.governance.declared import RosterRule, RuleType, declare
from corpparent.governance.membership import MemberClass, Office, Roster, name_key
from corpparent.governance.terms import Clause
from corpparent.wording import counted

__all__ = [
    "ChairHoldsRole",
    "EachMemberLeads",
    "MaximumSize",
    "OfficesFilled",
    "PrioritiesHaveLeads",
    "RolesFilled",
    "SeatLimit",
    "SubstitutesAppointed",
]

def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()) for v in values)



@final
@frozen
class SeatLimit(Rule[Roster]):
    """A class of member fills at most ``seats`` seats (exactly, if ``exact``).

    Over the limit is a breach; vacant seats are a warning when ``exact`` (a vacancy
    makes a quorum counted against seats harder to reach), and noted otherwise.
    """

    member_class: MemberClass = field(converter=MemberClass)
    seats: int = field(validator=at_least_one)
    exact: bool = False
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"seats: {self.member_class.plural}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        filled = len(subject.of_class(self.member_class))
        if filled > self.seats:
            status, verdict = Status.BREACHED, f"{filled - self.seats} over the limit"
        elif filled < self.seats:
            vacant = self.seats - filled
            status = Status.WARNING if self.exact else Status.MET
            verdict = f"{counted(vacant, 'seat')} vacant"
        else:
            status = Status.MET
            verdict = "the seat filled" if self.seats == 1 else "all seats filled"
        limit = counted(self.seats, "seat") if self.exact else \
            f"up to {counted(self.seats, 'seat')}"
        return roster_finding(
            self, subject, status=status,
            explanation=f"{self.member_class.counted(filled)} against {limit}: {verdict}",
            evidence={"filled": filled, "seats": self.seats},
        )


@final
@frozen
class MaximumSize(RosterRule):
    """The panel has at most ``limit`` members in ``member_classes`` (all seats if empty).

    Substitutes are not members of the panel and are not counted unless named.
    """

    limit: int = field(validator=at_least_one)
    member_classes: tuple[MemberClass, ...] = field(default=(), converter=member_classes)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"no more than {self.limit} members"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        classes = self.member_classes or SEATED
        members = subject.of_class(*classes)
        parts = [c.counted(len(subject.of_class(c))) for c in classes
                 if subject.of_class(c)]
        breakdown = f" ({', '.join(parts)})" if len(parts) > 1 else ""
        size = len(members)
        ok = size <= self.limit
        verdict = "within the limit" if ok else f"{size - self.limit} over"
        return roster_finding(
            self, subject, status=Status.MET if ok else Status.BREACHED,
            explanation=f"{counted(size, 'member')}{breakdown}; no more than {self.limit} "
            "allowed: "
            f"{verdict}",
            evidence={"members": size, "limit": self.limit},
        )


@final
@frozen
class ChairHoldsRole(RosterRule):
    """The chair is the member holding ``role`` (roles compare like names)."""

    role: str
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"chair is the {self.role}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        chair = subject.holding(Office.CHAIR)
        if chair is None:
            return roster_finding(
                self, subject, status=Status.BREACHED,
                explanation="no member holds the office of chair")
        if chair.holds_role(self.role):
            return roster_finding(
                self, subject, status=Status.MET,
                explanation=f"the chair, {chair.name}, is the {self.role}")
        held = f"whose role is {chair.role}" if chair.role else "who holds no recorded role"
        return roster_finding(
            self, subject, status=Status.BREACHED,
            explanation=f"the chair, {chair.name}, {held}; the chair must be the {self.role}",
        )


@final
@frozen
class OfficesFilled(RosterRule):
    """Each of ``offices`` is held by a serving member.

    "The Panel will appoint a Chairperson on an annual basis" (001 §3); Staffordshire's
    2019-20 report names a chairman and a vice chairman (004 §7).
    """

    offices: tuple[Office, ...] = field(default=(Office.CHAIR, Office.VICE_CHAIR),
                                        converter=to_offices)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "offices filled: " + ", ".join(str(o) for o in self.offices)

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        held = {o: subject.holding(o) for o in self.offices}
        vacant = [str(o) for o, m in held.items() if m is None]
        filled = "; ".join(f"{o}: {m.name}" for o, m in held.items() if m is not None)
        return roster_finding(
            self, subject, status=Status.WARNING if vacant else Status.MET,
            explanation=(filled or "no office is held")
            + (f"; vacant: {', '.join(vacant)}" if vacant else ""),
            evidence={"offices": len(self.offices), "vacant": len(vacant)},
        )


@final
@frozen
class RolesFilled(Rule[Roster]):
    """Each role a constitution names for a class of seat is held by a serving member.

    Wiltshire's Associate Members "comprise of" ten named posts, from the Corporate
    Director to the Virtual School Headteacher (001 §3). A vacant role is a warning.
    """

    member_class: MemberClass = field(converter=MemberClass)
    roles: tuple[str, ...] = field(converter=_texts)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.roles:
            raise DefinitionError("'roles' must name at least one role")

    @property
    def name(self) -> str:
        return f"roles filled: {self.member_class.plural}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        members = subject.of_class(self.member_class)
        vacant = [r for r in self.roles if not any(m.holds_role(r) for m in members)]
        total = len(self.roles)
        return roster_finding(
            self, subject, status=Status.WARNING if vacant else Status.MET,
            explanation=f"{total - len(vacant)} of {total} named roles among the "
            f"{self.member_class.plural} are filled"
            + (f"; vacant: {'; '.join(vacant)}" if vacant else ""),
            evidence={"roles": total, "vacant": len(vacant)},
        )


@final
@frozen
class PrioritiesHaveLeads(RosterRule):
    """Every one of ``priorities`` is led by at least one serving member."""

    priorities: tuple[str, ...] = field(converter=_texts)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.priorities:
            raise DefinitionError("'priorities' must name at least one strategic priority")

    @property
    def name(self) -> str:
        return "every strategic priority has a lead"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        led = {name_key(lead.priority) for lead in subject.leads
               if subject.find(lead.member) is not None}
        unled = [p for p in self.priorities if name_key(p) not in led]
        total = len(self.priorities)
        if unled:
            return roster_finding(
                self, subject, status=Status.BREACHED,
                explanation=f"{total - len(unled)} of {total} strategic priorities have a "
                f"serving lead member; no lead for: {'; '.join(unled)}",
                evidence={"priorities": total, "without lead": len(unled)},
            )
        return roster_finding(
            self, subject, status=Status.MET,
            explanation=f"all {total} strategic priorities have a serving lead member",
            evidence={"priorities": total, "without lead": 0},
        )


@final
@frozen
class EachMemberLeads(RosterRule):
    """Every serving member of ``member_class`` leads at least one strategic priority."""

    member_class: MemberClass = field(default=MemberClass.CORE_COUNCILLOR,
                                      converter=MemberClass)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"each of the {self.member_class.plural} leads a priority"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        members = subject.of_class(self.member_class)
        idle = [m for m in members if not subject.leads_of(m)]
        plural = self.member_class.plural
        if not members:
            return roster_finding(
                self, subject, status=Status.INSUFFICIENT_DATA,
                explanation=f"no {plural} are serving")
        return roster_finding(
            self, subject, status=Status.BREACHED if idle else Status.MET,
            explanation=(f"{len(members) - len(idle)} of "
            f"{self.member_class.counted(len(members))} lead a "
            f"strategic priority" + (f"; none led by {member_names(idle)}" if idle
            else "")),
            evidence={"members": len(members), "without a priority": len(idle)},
        )


@final
@frozen
class SubstitutesAppointed(RosterRule):
    """Each political group with members of ``member_class`` has a serving substitute.

    A group with no substitute is a breach; members with no recorded group make the
    check insufficient data.
    """

    member_class: MemberClass = field(default=MemberClass.CORE_COUNCILLOR,
                                      converter=MemberClass)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "substitutes appointed for each group"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        members = subject.of_class(self.member_class)
        ungrouped = [m for m in members if m.group is None]
        if not members or ungrouped:
            why = (f"no political group is recorded for {member_names(ungrouped)}" if ungrouped
                   else f"no {self.member_class.plural} are serving")
            return roster_finding(
                self, subject, status=Status.INSUFFICIENT_DATA, explanation=why)
        groups = sorted({m.group for m in members if m.group is not None})
        covered = {name_key(s.group) for s in subject.of_class(MemberClass.SUBSTITUTE)
                   if s.group is not None}
        missing = [g for g in groups if name_key(g) not in covered]
        return roster_finding(
            self, subject, status=Status.BREACHED if missing else Status.MET,
            explanation=(f"{len(groups) - len(missing)} of "
            f"{counted(len(groups), 'political group')} "
            f"{'has' if len(groups) - len(missing) == 1 else 'have'} a substitute appointed"
            + (f"; none for: {', '.join(missing)}" if missing else "")),
            evidence={"groups": len(groups), "without substitute": len(missing)},
        )


declare(RuleType("max_members", MaximumSize, 20, shorthand="limit", clause=Clause.SEATS))
declare(RuleType("offices", OfficesFilled, 30, shorthand="offices", clause=Clause.OFFICES,
                 absent=()))
declare(RuleType("chair_role", ChairHoldsRole, 32, shorthand="role"))
declare(RuleType("priorities", PrioritiesHaveLeads, 34, shorthand="priorities", absent=()))
declare(RuleType("priority_leads_from", EachMemberLeads, 36, shorthand="member_class"))
declare(RuleType("substitutes_for", SubstitutesAppointed, 38, shorthand="member_class",
                 clause=Clause.SUBSTITUTES))
