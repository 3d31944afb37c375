"""Office and role constraints: seats held ex officio, and who may hold each office.

Terms of reference tie seats and offices to posts and classes of member:

* a seat held **ex officio** by an office holder: Durham's panel includes "the Executive
  Member for CYP" (national rules reference §2); Staffordshire: "The Cabinet Member
  with responsibility for Children is chairman of the Panel" (004);
* a seat **either of several office holders** may fill: Durham's includes "the
  Chair/Vice-Chair of CYP Scrutiny" (§2);
* **which classes may hold an office**: Kent's "Chair and Vice-Chair drawn from KCC
  councillors" (§2).

[`RoleSeat`][corpparent.governance.offices.RoleSeat] is met when a serving member holds one of its
roles (several: a seat any of them may fill). It is named an ex officio seat only where the terms
make it one (``ex_officio``): a seat for a foster carer is a seat for a role, not for an office.
Where the terms give the seat to office holders among a class of member, as Durham's
"21 Members of the Council, including ... the Chair/Vice-Chair of CYP Scrutiny"
(§2) gives it to councillors, ``member_classes`` names the class, and the seat is filled
only by a member of it holding the role: a co-optee with the same title does not fill
it. [`OfficeHolders`][corpparent.governance.offices.OfficeHolders] is breached when an office is
held by a member of a class the terms do not allow, and says so when the office is vacant.
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


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "a councillor", "an associate member"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


@final
@frozen
class RoleSeat(RosterRule):
    """A seat held by the holder of one of ``roles``.

    ``ex_officio``: the terms make it a seat held by virtue of an office ("including the
    Executive Member for CYP", Durham, §2), and it is named so; ``member_classes``: the
    classes of member whose holders fill it (empty: any member holding the role), as
    "21 Members of the Council, including ... the Chair/Vice-Chair of CYP Scrutiny" gives
    the seat to councillors holding either office.
    """

    roles: tuple[str, ...] = field(converter=_roles)
    source: str = field(default="", eq=False)
    ex_officio: bool = False
    member_classes: tuple[MemberClass, ...] = field(default=(), converter=member_classes)

    @property
    def name(self) -> str:
        roles = listed(self.roles, "or")
        return f"ex officio seat: {roles}" if self.ex_officio else f"seat for {roles}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    @property
    def _among(self) -> str:
        return listed([c.plural for c in self.member_classes], "or")

    def evaluate(self, subject: Roster, /) -> Finding:
        holders = [m for m in subject.members if any(m.holds_role(r) for r in self.roles)]
        eligible = [m for m in holders
                    if not self.member_classes or m.member_class in self.member_classes]
        wanted = listed(self.roles, "or")
        if not eligible:
            among = f" among the {self._among}" if self.member_classes else ""
            others = "".join(f"; {m.name} holds the role but is {_a(m.member_class.singular)}"
                             for m in holders)
            return roster_finding(self, subject, status=Status.BREACHED,
                                  explanation=f"no serving member{among} holds the role of "
                                  f"{wanted}, whose seat the terms of reference provide"
                                  f"{others}", evidence={"holders": 0})
        return roster_finding(self, subject, status=Status.MET,
                              explanation=f"the seat for {wanted} is held by "
                              f"{member_names(eligible)}",
                              evidence={"holders": len(eligible)})


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
            explanation=f"the {self.office}, {holder.name}, is "
            f"{_a(holder.member_class.singular)}"
            f"; the {self.office} must be one of the {self._allowed}: {verdict}")


declare(RuleType("role_seats", RoleSeat, 42, many=True))
declare(RuleType("office_holders", OfficeHolders, 44, many=True, clause=Clause.OFFICES))
