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

Terms may instead make the panel "politically balanced" in proportion to the council,
giving no seats by group: [`PoliticalBalance`][corpparent.governance.balance.PoliticalBalance] then
holds the council's members by group (``council``, each composition dated) and judges each roster
against the Local Government and Housing Act 1989 s.15(5)(a), (b) and (d) for the composition in
force on its day, as `corpparent.governance.proportional` states them; (c) is stated as not
judged. The body's seats are ``seats``, else the constitution's seats for the class,
else the members who hold them that day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import timedelta
from fractions import Fraction
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance._roster import member_names, roster_finding
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import MemberClass, Roster, name_key
from corpparent.governance.proportional import (
    NOT_JUDGED_C,
    CouncilGroups,
    allocate,
    counts_by_group,
    in_force,
    principle_breaches,
)
from corpparent.governance.terms import Clause
from corpparent.wording import counted, listed

__all__ = ["PoliticalBalance"]


def _allocation(
    value: Mapping[str, int] | Iterable[tuple[str, int]],
) -> tuple[tuple[str, int], ...]:
    return counts_by_group(value, "political balance", "seat")


def _compositions(values: Iterable[CouncilGroups]) -> tuple[CouncilGroups, ...]:
    return tuple(sorted(values, key=lambda c: c.since))


def _groups(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()) for v in values)


@final
@frozen
class PoliticalBalance(Rule[Roster]):
    """Seats by group (``seats_by_group``), seats in proportion to the ``council``'s
    groups (s.15(5)), or every group of ``represented`` holding at least one seat, among
    the members of ``member_class`` (councillors by default)."""

    seats_by_group: tuple[tuple[str, int], ...] = field(default=(), converter=_allocation)
    represented: tuple[str, ...] = field(default=(), converter=_groups)
    member_class: MemberClass = field(default=MemberClass.CORE_COUNCILLOR,
                                      converter=MemberClass)
    council: tuple[CouncilGroups, ...] = field(default=(), converter=_compositions)
    """The council's members by group, each composition from its date."""
    seats: int | None = None
    """The body's seats for ``member_class`` when the terms state them."""
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.seats_by_group and not self.represented and not self.council:
            raise DefinitionError("political balance needs 'seats_by_group', 'council' (the "
                                  "council's members by group) or 'represented' (the "
                                  "groups that must each hold a seat)")
        if self.seats_by_group and self.council:
            raise DefinitionError("political balance: give 'seats_by_group' or 'council', "
                                  "not both (the seats are either stated or allocated)")
        if len({c.since for c in self.council}) < len(self.council):
            raise DefinitionError("political balance: two council compositions start on "
                                  "the same day")
        if self.seats is not None and not self.council:
            raise DefinitionError("political balance: 'seats' are shared in proportion to "
                                  "the council, so they need 'council'")
        if self.seats is not None and self.seats < 1:
            raise DefinitionError(f"political balance: 'seats' must be at least 1, got "
                                  f"{self.seats}")

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
        if self.council:
            seats = counted(self.seats, 'seat') if self.seats else "seats"
            parts.append(f"{seats} in proportion to the council's groups (Local "
                         "Government and Housing Act 1989 s.15(5)(a), (b) and (d); "
                         f"{NOT_JUDGED_C}), the council "
                         f"{'; '.join(c.describe() for c in self.council)}")
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
        roster that broke it gives its own, named by its date. A council composition
        starting within the span is a new allocation, judged on its first day."""
        record = panel.record
        last = min(record.end, record.as_of)
        days = {record.start, last}
        for member in record.membership.members:
            if member.joined is not None and record.start < member.joined <= last:
                days.add(member.joined)
            if member.left is not None and record.start <= member.left < last:
                days.add(member.left + timedelta(days=1))
        for change in self.council:  # a new composition is a new allocation
            if record.start < change.since <= last:
                days.add(change.since)
        starts = {c.since for c in self.council}
        rosters: list[Roster] = []
        for day in sorted(days):
            roster = record.membership.on(day)
            if not rosters or roster.members != rosters[-1].members or day in starts:
                rosters.append(roster)
        stated = panel.constitution.seats_for(self.member_class)
        seats = self.seats or (stated.count if stated is not None else None)
        found = [self._judge(r, seats) for r in rosters]
        broken = tuple(f for f in found if f.status is not Status.MET)
        return broken or (self._judge(record.membership.on(last), seats),)

    def evaluate(self, subject: Roster, /) -> Finding:
        return self._judge(subject, self.seats)

    def _judge(self, subject: Roster, body_seats: int | None) -> Finding:
        """The finding on ``subject`` for a body of ``body_seats`` (None: as many as
        the members of the class that day)."""
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
        terms, met = self.describe(), "balanced as the terms of reference require"
        if self.council:
            council = in_force(self.council, subject.as_of)
            if council is None:
                return roster_finding(
                    self, subject, status=Status.INSUFFICIENT_DATA,
                    explanation=f"no composition of the council is given for "
                    f"{subject.as_of.isoformat()} (the first is from "
                    f"{self.council[0].since.isoformat()}), so the balance cannot be judged")
            body = len(members) if body_seats is None else body_seats
            wrong, vacant, met = _proportional(
                council, {names[k]: n for k, n in held.items()}, body)
            breaches.extend(wrong)
            vacancies.extend(vacant)
            terms = (f"political balance of {self.member_class.plural} in proportion to "
                     "the council (Local Government and Housing Act 1989 s.15(5))")
        summary = listed([f"{count} {names[key]}" for key, count in sorted(held.items())]) \
            or "none"
        evidence = {names[key]: count for key, count in held.items()}
        if breaches:
            status, verdict = Status.BREACHED, "; ".join(breaches + vacancies)
        elif vacancies:
            status, verdict = Status.WARNING, "; ".join(vacancies)
        else:
            status, verdict = Status.MET, met
        return roster_finding(
            self, subject, status=status,
            explanation=f"{self.member_class.counted(len(members))} by group: {summary}; "
            f"{terms}: {verdict}",
            evidence=evidence)


def _fill(council: CouncilGroups, held: dict[str, int], seats: int) -> dict[str, int]:
    """``held`` with its vacant seats filled as `allocate` would fill them: the
    majority group first while it lacks a majority, then the group furthest below its
    proportion."""
    complete = {name_key(g): n for g, n in held.items()}
    strength = {name_key(g): Fraction(seats * m, council.total) for g, m in council.groups}
    majority = council.majority()
    for _ in range(seats - sum(held.values())):
        if majority is not None and 2 * complete.get(name_key(majority), 0) <= seats:
            take = name_key(majority)
        else:
            take = max(strength, key=lambda k: (strength[k] - complete.get(k, 0), k))
        complete[take] = complete.get(take, 0) + 1
    return complete


def _proportional(council: CouncilGroups, held: dict[str, int],
                  seats: int) -> tuple[list[str], list[str], str]:
    """The breaches and vacancies of ``held`` against s.15(5)(a), (b) and (d) for a body
    of ``seats``, and the words of a sharing that meets them. Vacant seats are filled
    as `_fill` fills them before the sharing is judged: a vacancy that can be
    filled within the principles is a warning, not a breach."""
    filled = sum(held.values())
    allocation = listed([f"{n} {g}" for g, n in allocate(council, seats) if n])
    text = (f"the council {council.describe()} gives {counted(seats, 'seat')} as "
            f"{allocation}")
    if filled > seats:
        return [f"{filled} members hold the body's {counted(seats, 'seat')}; {text}"], [], ""
    problems = principle_breaches(council, _fill(council, held, seats), seats)
    if problems:
        return [f"{'; '.join(problems)}; {text}"], [], ""
    if filled < seats:
        return [], [f"{counted(seats - filled, 'seat')} vacant, which can be filled within "
                    f"(a), (b) and (d); {text}; {NOT_JUDGED_C}"], ""
    return [], [], f"(a), (b) and (d) met; {text}; {NOT_JUDGED_C}"


declare(RuleType("political_balance", PoliticalBalance, 46, clause=Clause.POLITICAL_BALANCE,
                 summary=3))
