"""Office and role constraints: seats held ex officio, and who may hold each office.

Terms of reference tie seats and offices to posts and classes of member:

* a seat held **ex officio** by an office holder: Durham's panel includes "the Executive
  Member for CYP" (national rules reference §2); Staffordshire: "The Cabinet Member
  with responsibility for Children is chairman of the Panel" (004);
* a seat **either of several office holders** may fill: Durham's includes "the
  Chair/Vice-Chair of CYP Scrutiny" (§2);
* **which classes may hold an office**: Kent's "Chair and Vice-Chair drawn from KCC
  councillors" (§2).

:class:`RoleSeat` is met when a serving member holds one of its roles (one role: an ex
officio seat; several: a seat any of them may fill). :class:`OfficeHolders` is breached
when an office is held by a member of a class the terms do not allow, and says so
when the office is vacant.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance._checks import member_classes
from corpparent.governance._roster import member_names, roster_finding
from corpparent.governance.declared import RosterRule, RuleType, declare
from corpparent.governance.membership import MemberClass, Office, Roster
from corpparent.governance.terms import Clause
from corpparent.wording import listed

__all__ = ["OfficeHolders", "RoleSeat"]


def _roles(values: Iterable[str]) -> tuple[str, ...]:
    roles = tuple(" ".join(str(v).split()) for v in values)
    if not roles or not all(roles):
        raise DefinitionError("a role seat needs at least one role, none empty")
    return roles


@final
@frozen
class RoleSeat(RosterRule):
    """A seat held by the holder of one of ``roles`` (ex officio when there is one)."""

    roles: tuple[str, ...] = field(converter=_roles)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        if len(self.roles) == 1:
            return f"ex officio seat: {self.roles[0]}"
        return f"seat for {listed(self.roles, 'or')}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        holders = [m for m in subject.members if any(m.holds_role(r) for r in self.roles)]
        wanted = listed(self.roles, "or")
        if not holders:
            return roster_finding(self, subject, status=Status.BREACHED,
                                  explanation=f"no serving member holds the role of {wanted}, "
                                  "whose seat the terms of reference provide")
        return roster_finding(self, subject, status=Status.MET,
                              explanation=f"the seat for {wanted} is held by "
                              f"{member_names(holders)}",
                              evidence={"holders": len(holders)})


@final
@frozen
class OfficeHolders(RosterRule):
    """``office`` may be held only by a member of ``member_classes``."""

    office: Office = field(converter=Office)
    member_classes: tuple[MemberClass, ...] = field(converter=member_classes)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.member_classes:
            raise DefinitionError(f"who may hold the {self.office}: name at least one class")

    @property
    def _allowed(self) -> str:
        return listed([c.plural for c in self.member_classes], "or")

    @property
    def name(self) -> str:
        return f"{self.office} drawn from {self._allowed}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def evaluate(self, subject: Roster, /) -> Finding:
        holder = subject.holding(self.office)
        if holder is None:
            return roster_finding(self, subject, status=Status.INSUFFICIENT_DATA,
                                  explanation=f"no member holds the office of {self.office}, "
                                  f"so who holds it cannot be judged")
        ok = holder.member_class in self.member_classes
        verdict = "as the terms of reference require" if ok else "which the terms of " \
            "reference do not allow"
        return roster_finding(
            self, subject, status=Status.MET if ok else Status.BREACHED,
            explanation=f"the {self.office}, {holder.name}, is a {holder.member_class.singular}"
            f"; the {self.office} must be one of the {self._allowed}: {verdict}")


declare(RuleType("role_seats", RoleSeat, 42, many=True))
declare(RuleType("office_holders", OfficeHolders, 44, many=True, clause=Clause.OFFICES))
