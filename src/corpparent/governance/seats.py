"""Seats: how many members of a class the panel has, and the posts that fill them.

``Seats(MemberClass.CORE_COUNCILLOR, 8)`` is Wiltshire's "up to 8 Core Members" (001
§3); ``exact`` says the seats should all be filled, as Staffordshire's 15 county
councillors (004 §7). Seats imply composition rules: a
[`SeatLimit`][corpparent.governance.composition.SeatLimit] and, where ``roles`` names the
posts, a [`RolesFilled`][corpparent.governance.composition.RolesFilled]. A quorum of a class is
checked against its seats when the constitution is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.findings import Finding, Rule
from corpparent.governance.composition import RolesFilled, SeatLimit
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import MemberClass, Roster
from corpparent.governance.terms import Clause
from corpparent.wording import counted

if TYPE_CHECKING:
    from corpparent.governance.constitution import Constitution

__all__ = ["Seats"]


def _roles(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()) for v in values)


@final
@frozen
class Seats:
    """``count`` seats for ``member_class``; ``roles`` names the posts that fill them.

    ``exact`` says the seats should all be filled (Staffordshire's 15 county
    councillors) rather than filled "up to" the count (Wiltshire's 8 core members).
    """

    member_class: MemberClass = field(converter=MemberClass)
    count: int
    roles: tuple[str, ...] = field(default=(), converter=_roles)
    exact: bool = False

    def __attrs_post_init__(self) -> None:
        if self.count < 1:
            raise DefinitionError(f"seats for {self.member_class.plural}: 'count' must be at "
                                  f"least 1, got {self.count}")
        if len(self.roles) > self.count:
            raise DefinitionError(
                f"seats for {self.member_class.plural}: {counted(len(self.roles), 'role')} "
                f"named for {counted(self.count, 'seat')}"
            )

    def roster_rules(self) -> tuple[Rule[Roster], ...]:
        """The seat limit, and the posts filled where the seats name them."""
        limit = SeatLimit(self.member_class, self.count, exact=self.exact)
        return (limit, RolesFilled(self.member_class, self.roles)) if self.roles else (limit,)

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """The seat limit and the posts, on the last day's roster."""
        return tuple(rule.evaluate(panel.roster) for rule in self.roster_rules())


def _given_once(rule: object, constitution: Constitution) -> str | None:
    assert isinstance(rule, Seats)
    same = [s for s in constitution.rules_of(Seats) if s.member_class is rule.member_class]
    return f"seats for {rule.member_class.plural} are given twice" if len(same) > 1 else None


declare(RuleType("seats", Seats, 10, many=True, clause=Clause.SEATS, check=_given_once))
