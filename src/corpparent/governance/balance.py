"""Political balance: the seats each political group holds on the panel.

The Local Government and Housing Act 1989 s.15 and Sch 1 para 1 apply political
balance to ordinary and advisory committees of a council: seats are allocated to the
political groups in proportion to their strength on the council (national rules
reference §1.1 G8). A panel's terms of reference state the outcome either as seats by
group (Middlesbrough's nine councillor seats are allocated 5 Labour, 1 Conservative, 2
MICA, 1 Independent) or as a requirement that every group be represented (Kent's panel
of councillors "representing all parties", §2). An executive sub-committee falls outside
s.15 (G8), so the rule is declared only where the terms state it.

[`PoliticalBalance`][corpparent.governance.balance.PoliticalBalance] judges the roster of one day: a
group holding more seats than it is allocated, or a group holding seats it is not allocated, is a
breach; a group with fewer members than its seats is a vacancy (a warning); a group that must be
represented and has no member is a breach; a member with no group recorded makes the
check insufficient data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance._roster import member_names, roster_finding
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import MemberClass, Roster, name_key
from corpparent.governance.terms import Clause
from corpparent.wording import counted, listed

__all__ = ["PoliticalBalance"]


def _allocation(
    value: Mapping[str, int] | Iterable[tuple[str, int]],
) -> tuple[tuple[str, int], ...]:
    items = tuple(value.items()) if isinstance(value, Mapping) else tuple(value)
    seen: set[str] = set()
    for group, seats in items:
        if name_key(group) in seen:
            raise DefinitionError(f"political balance: group {group!r} is given twice")
        seen.add(name_key(group))
        if seats < 1:
            raise DefinitionError(f"political balance: group {group!r} must have at least 1 "
                                  f"seat, got {seats}")
    return tuple((" ".join(g.split()), s) for g, s in items)


def _groups(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()) for v in values)


@final
@frozen
class PoliticalBalance(Rule[Roster]):
    """Seats by group (``seats_by_group``), or every group of ``represented`` holding at
    least one seat, among the members of ``member_class`` (councillors by default)."""

    seats_by_group: tuple[tuple[str, int], ...] = field(default=(), converter=_allocation)
    represented: tuple[str, ...] = field(default=(), converter=_groups)
    member_class: MemberClass = field(default=MemberClass.CORE_COUNCILLOR,
                                      converter=MemberClass)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.seats_by_group and not self.represented:
            raise DefinitionError("political balance needs 'seats_by_group' or "
                                  "'represented' (the groups that must each hold a seat)")

    @property
    def name(self) -> str:
        return "political balance"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPOSITION

    def describe(self) -> str:
        parts = []
        if self.seats_by_group:
            parts.append(listed([f"{s} {g}" for g, s in self.seats_by_group]))
        if self.represented:
            parts.append(f"every group represented ({listed(self.represented)})")
        return f"political balance of {self.member_class.plural}: {'; '.join(parts)}"

    def roster_rules(self) -> tuple[Rule[Roster], ...]:
        """The rule itself: it judges a roster (on every day the membership changed,
        in [`review`][corpparent.governance.balance.PoliticalBalance.review])."""
        return (self,)

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """Political balance "against the membership of a period": judged on the roster
        of the span's first day and of every day the membership changed within it. A
        period kept in balance throughout gives the last day's finding; otherwise each
        roster that broke it gives its own, named by its date."""
        record = panel.record
        last = min(record.end, record.as_of)
        days = {record.start, last}
        for member in record.membership.members:
            if member.joined is not None and record.start < member.joined <= last:
                days.add(member.joined)
            if member.left is not None and record.start <= member.left < last:
                days.add(member.left + timedelta(days=1))
        rosters: list[Roster] = []
        for day in sorted(days):
            roster = record.membership.on(day)
            if not rosters or roster.members != rosters[-1].members:  # a change
                rosters.append(roster)
        broken = tuple(f for f in map(self.evaluate, rosters) if f.status is not Status.MET)
        return broken or (self.evaluate(record.membership.on(last)),)

    def evaluate(self, subject: Roster, /) -> Finding:
        members = subject.of_class(self.member_class)
        ungrouped = [m for m in members if m.group is None]
        if ungrouped:
            return roster_finding(
                self, subject, status=Status.INSUFFICIENT_DATA,
                explanation=f"no political group is recorded for "
                f"{counted(len(ungrouped), 'member')} ({member_names(ungrouped)}), so the "
                "balance cannot be judged")
        held = Counter(name_key(m.group or "") for m in members)
        names = {name_key(m.group or ""): m.group or "" for m in members}
        breaches: list[str] = []
        vacancies: list[str] = []
        allocated = {name_key(g): (g, s) for g, s in self.seats_by_group}
        for key, (group, seats) in allocated.items():
            count = held.get(key, 0)
            if count > seats:
                breaches.append(f"{group} holds {count} against {counted(seats, 'seat')}")
            elif count < seats:
                vacancies.append(f"{group} holds {count} of {counted(seats, 'seat')}")
        if allocated:
            breaches.extend(f"{names[key]} holds {counted(count, 'seat')} but is allocated "
                            "none" for key, count in held.items() if key not in allocated)
        breaches.extend(f"{group} holds no seat" for group in self.represented
                        if held.get(name_key(group), 0) == 0)
        summary = listed([f"{count} {names[key]}" for key, count in sorted(held.items())])
        evidence = {names[key]: count for key, count in held.items()}
        if breaches:
            status, verdict = Status.BREACHED, "; ".join(breaches + vacancies)
        elif vacancies:
            status, verdict = Status.WARNING, "; ".join(vacancies)
        else:
            status, verdict = Status.MET, "balanced as the terms of reference require"
        return roster_finding(
            self, subject, status=status,
            explanation=f"{self.member_class.counted(len(members))} by group: {summary}; "
            f"{self.describe()}: {verdict}",
            evidence=evidence)


declare(RuleType("political_balance", PoliticalBalance, 46, clause=Clause.POLITICAL_BALANCE,
                 summary=3))
