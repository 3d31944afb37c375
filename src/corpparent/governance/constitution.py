"""A panel's constitution: its seats, offices, priorities, requirements and rules.

A :class:`Constitution` is what a terms of reference says, as data: plain strings,
numbers, enums, tuples and rule objects built from them (never functions), so an
authority profile can declare one and a file can hold one. :meth:`Constitution.review`
applies every rule it declares to a :class:`~corpparent.governance.panel.PanelRecord`;
:meth:`Constitution.review_period` judges a period from meeting records, with or
without the membership.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import final

from attrs import evolve, field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import AllOf, AnyOf, Finding, Rule, Status
from corpparent.governance._checks import offices as to_offices
from corpparent.governance.attendance import AttendanceThreshold, SixMonthRule
from corpparent.governance.attendees import UnknownAttendees
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.composition import (
    ChairHoldsRole,
    EachMemberLeads,
    MaximumSize,
    OfficesFilled,
    PrioritiesHaveLeads,
    RolesFilled,
    SeatLimit,
    SubstitutesAppointed,
)
from corpparent.governance.frequency import MeetingFrequency, MeetingLog
from corpparent.governance.meetings import MeetingKind, Meetings, Sitting
from corpparent.governance.membership import MemberClass, Membership, Office, Roster
from corpparent.governance.offices import OfficeHolders, RoleSeat
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import ClassQuorum, MinimumPresent, Quorum
from corpparent.governance.requirements import Requirement, RequirementMet
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import Clause, ReportingLine, SentItem, not_stated_finding
from corpparent.periods import Period
from corpparent.wording import counted, listed

__all__ = ["Constitution", "Seats"]


def _roles(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()) for v in values)


def _seats(values: Iterable[Seats]) -> tuple[Seats, ...]:
    return tuple(values)


def _requirements(values: Iterable[Requirement]) -> tuple[Requirement, ...]:
    return tuple(values)


def _clauses(values: Iterable[Clause | str]) -> tuple[Clause, ...]:
    return tuple(dict.fromkeys(Clause(v) for v in values))


def _kinds(values: Iterable[MeetingKind | str]) -> tuple[MeetingKind, ...]:
    return tuple(MeetingKind(v) for v in values)


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


def _unique_classes(_instance: object, _attribute: object, value: tuple[Seats, ...]) -> None:
    seen: set[MemberClass] = set()
    for seats in value:
        if seats.member_class in seen:
            raise DefinitionError(f"seats for {seats.member_class.plural} are given twice")
        seen.add(seats.member_class)


@final
@frozen
class Constitution:
    """What a panel's terms of reference require, as data.

    Every field is optional beyond ``panel``: a rule the terms of reference do not
    state is simply not checked.
    """

    panel: str
    seats: tuple[Seats, ...] = field(default=(), converter=_seats, validator=_unique_classes)
    max_members: int | None = None
    offices: tuple[Office, ...] = field(default=(), converter=to_offices)
    """Offices that must be held (chair, vice-chair)."""
    chair_role: str | None = None
    priorities: tuple[str, ...] = field(default=(), converter=_roles)
    priority_leads_from: MemberClass | None = None
    """Members of this class must each lead a priority (Wiltshire: core councillors)."""
    substitutes_for: MemberClass | None = None
    """Members of this class must have substitutes appointed for each political group."""
    requirements: tuple[Requirement, ...] = field(default=(), converter=_requirements)
    quorum: Quorum | None = None
    frequency: MeetingFrequency | None = None
    frequency_counts: tuple[MeetingKind, ...] = field(
        default=(MeetingKind.FORMAL,), converter=_kinds
    )
    attendance: AttendanceThreshold | None = None
    six_month_warning: SixMonthRule | None = field(factory=SixMonthRule)
    """The s.85 warning for councillors, on unless set to None."""
    source: str = field(default="", eq=False)
    not_stated: tuple[Clause, ...] = field(default=(), converter=_clauses)
    """Clauses the terms of reference leave unstated: each yields a finding saying so."""
    political_balance: PoliticalBalance | None = None
    role_seats: tuple[RoleSeat, ...] = field(default=(), converter=tuple)
    """Seats held ex officio, or by any one of several office holders."""
    office_holders: tuple[OfficeHolders, ...] = field(default=(), converter=tuple)
    """Which classes of member may hold each office."""
    substitution_terms: SubstitutionTerms | None = None
    reporting_lines: tuple[ReportingLine, ...] = field(default=(), converter=tuple)

    def _declares(self, clause: Clause) -> bool:
        return bool({
            Clause.SEATS: self.seats or self.max_members is not None,
            Clause.QUORUM: self.quorum is not None,
            Clause.FREQUENCY: self.frequency is not None,
            Clause.ATTENDANCE: self.attendance is not None,
            Clause.OFFICES: self.offices or self.office_holders,
            Clause.POLITICAL_BALANCE: self.political_balance is not None,
            Clause.SUBSTITUTES: (self.substitutes_for is not None
                                 or self.substitution_terms is not None),
            Clause.REPORTING: self.reporting_lines,
        }[clause])

    def __attrs_post_init__(self) -> None:
        both = [str(c) for c in self.not_stated if self._declares(c)]
        if both:
            raise DefinitionError(f"{self.panel}: {', '.join(both)} declared and also said "
                                  "to be not stated in the terms of reference")
        if self.quorum is not None:
            reason = self._unreachable(self.quorum)
            if reason is not None:
                raise DefinitionError(
                    f"{self.panel}: the quorum can never be met: {reason}; every meeting "
                    "would be inquorate")

    def _seats_among(self, classes: Iterable[MemberClass]) -> int | None:
        """Seats the constitution provides for ``classes``; None if it states none for
        one of them (so no bound is known)."""
        total = 0
        for member_class in classes:
            seats = self.seats_for(member_class)
            if seats is None:
                return None
            total += seats.count
        return total

    def _unreachable(self, rule: Rule[Sitting]) -> str | None:
        """Why ``rule`` could never be met with the seats declared, or None if it could
        (or the seats are not declared, so nothing is known)."""
        if isinstance(rule, Quorum):
            return self._unreachable(rule.requirement)
        if isinstance(rule, AllOf):
            return next((r for r in map(self._unreachable, rule.rules) if r), None)
        if isinstance(rule, AnyOf):
            reasons = [self._unreachable(part) for part in rule.rules]
            return "; and ".join(r for r in reasons if r) if all(reasons) else None
        if isinstance(rule, MinimumPresent):
            if rule.member_classes:
                available = self._seats_among(rule.member_classes)
                label = " and ".join(c.plural for c in rule.member_classes)
            elif self.max_members is not None:
                available, label = self.max_members, "members"
            elif any(s.member_class is not MemberClass.SUBSTITUTE for s in self.seats):
                available = self._seats_among(s.member_class for s in self.seats
                                              if s.member_class is not MemberClass.SUBSTITUTE)
                label = "members"
            else:
                return None
            if available is not None and rule.minimum > available:
                return (f"it requires at least {rule.minimum} {label} present, but the "
                        f"constitution provides {counted(available, 'seat')} for them")
            return None
        if isinstance(rule, ClassQuorum):
            seats = self.seats_for(rule.member_class)
            if seats is not None and rule.required(seats.count) > seats.count:
                return (f"it requires {rule.required(seats.count)} "
                        f"{rule.member_class.plural} present, but the constitution provides "
                        f"{counted(seats.count, 'seat')} for them")
        return None

    def seats_for(self, member_class: MemberClass) -> Seats | None:
        """The seats the constitution gives ``member_class``, if any."""
        return next((s for s in self.seats if s.member_class is member_class), None)

    def composition_rules(self) -> tuple[Rule[Roster], ...]:
        """The composition rules the constitution implies, in a stable order."""
        rules: list[Rule[Roster]] = [
            SeatLimit(s.member_class, s.count, exact=s.exact) for s in self.seats
        ]
        rules.extend(RolesFilled(s.member_class, s.roles) for s in self.seats if s.roles)
        if self.max_members is not None:
            rules.append(MaximumSize(self.max_members))
        if self.offices:
            rules.append(OfficesFilled(self.offices))
        if self.chair_role is not None:
            rules.append(ChairHoldsRole(self.chair_role))
        if self.priorities:
            rules.append(PrioritiesHaveLeads(self.priorities))
        if self.priority_leads_from is not None:
            rules.append(EachMemberLeads(self.priority_leads_from))
        if self.substitutes_for is not None:
            rules.append(SubstitutesAppointed(self.substitutes_for))
        rules.extend(RequirementMet(r) for r in self.requirements)
        rules.extend(self.role_seats)
        rules.extend(self.office_holders)
        if self.political_balance is not None:
            rules.append(self.political_balance)
        return tuple(rules)

    def describe(self) -> str:
        """The constitution in one line: the panel, its quorum and its meeting frequency,
        each "not declared" or "not stated in the terms of reference" when absent."""
        def absent(clause: Clause) -> str:
            return (f"{clause} not stated in the terms of reference"
                    if clause in self.not_stated else f"no {clause} declared")
        quorum = self.quorum.describe() if self.quorum is not None else absent(Clause.QUORUM)
        frequency = (self.frequency.describe() if self.frequency is not None
                     else absent(Clause.FREQUENCY))
        parts = [self.panel, quorum, frequency]
        if self.political_balance is not None:
            parts.append(self.political_balance.describe())
        parts.extend(line.describe() for line in self.reporting_lines)
        return "; ".join(parts)

    def not_stated_findings(self, period: Period | None = None) -> tuple[Finding, ...]:
        """One finding per clause the terms of reference leave unstated."""
        return tuple(not_stated_finding(self.panel, c, period, self.source)
                     for c in self.not_stated)

    def reporting_findings(self, sent: Iterable[SentItem] | None, period: Period,
                           as_of: date) -> tuple[Finding, ...]:
        """One finding per reporting line (recipient only, nothing due) from a
        submissions log (None: no log given)."""
        items = None if sent is None else tuple(sent)
        return tuple(line.finding(self.panel, items, period, as_of)
                     for line in self.reporting_lines)

    def review(self, record: PanelRecord) -> tuple[Finding, ...]:
        """Every finding for ``record``: composition on its last day (political balance
        on every day of the span: see :func:`_balance_over`), quorum at each formal
        meeting, frequency over the span, then attendance."""
        roster = record.roster()
        found = [rule.evaluate(roster) for rule in self.composition_rules()
                 if rule is not self.political_balance]
        if self.political_balance is not None:
            found.extend(_balance_over(self.political_balance, record))
        sittings = record.sittings()
        unknown = UnknownAttendees()
        found.extend(f for f in map(unknown.finding, sittings) if f is not None)
        terms = self.substitution_terms
        if terms is not None:
            found.extend(f for s in sittings for f in terms.findings(s))
            # Only substitutions meeting the terms count toward quorum.
            sittings = tuple(Sitting(terms.allowed(s), s.roster) for s in sittings)
        if self.quorum is not None:
            found.extend(self._quorum(s) for s in sittings
                         if s.meeting.kind is MeetingKind.FORMAL)
        if self.frequency is not None:
            found.extend(self.frequency.findings(record.meeting_log(self.frequency_counts)))
        if self.attendance is not None:
            found.extend(self.attendance.findings(record))
        if self.six_month_warning is not None:
            found.extend(self.six_month_warning.findings(record))
        found.extend(self.not_stated_findings())
        return tuple(found)

    def _quorum(self, sitting: Sitting) -> Finding:
        """Quorum at a sitting; where a substitute counts only from a later item, quorum
        at its start too: a meeting quorate only once they arrived took its first items
        without a quorum."""
        assert self.quorum is not None
        whole = self.quorum.evaluate(sitting)
        terms = self.substitution_terms
        late = () if terms is None else terms.late(sitting.meeting)
        if terms is None or not late or whole.status is not Status.MET:
            return whole
        start = self.quorum.evaluate(Sitting(terms.at_start(sitting.meeting), sitting.roster))
        if start.status is Status.MET:
            return whole
        first = min(s.from_item or 1 for s in late)
        who = listed([s.substitute for s in late])
        return evolve(start, explanation=(
            f"{start.explanation.rstrip('.')} at the start of the meeting: {who} counted "
            f"only from item {first}, so the items before it were taken without a quorum."))

    def review_period(
        self, meetings: Meetings, membership: Membership | None, period: Period, as_of: date
    ) -> tuple[Finding, ...]:
        """Every finding for ``period`` as known on ``as_of``: the whole :meth:`review`
        when the membership is known; without it, meeting frequency alone, and one
        finding of insufficient data saying that quorum, attendance and composition
        could not be judged (they depend on who sat on the panel)."""
        if membership is not None:
            return self.review(PanelRecord.for_period(self.panel, membership, meetings,
                                                      period, as_of=as_of))
        found: list[Finding] = list(self.not_stated_findings(period))
        if self.frequency is not None:
            log = MeetingLog.of(meetings, period.start, period.end, as_of, panel=self.panel,
                                kinds=self.frequency_counts)
            found.extend(self.frequency.findings(log))
        found.append(Finding(
            subject=self.panel,
            rule="quorum, attendance and composition",
            family=RuleFamily.GOVERNANCE,
            status=Status.INSUFFICIENT_DATA,
            explanation=("Quorum, attendance and composition were not judged: they need the "
                         "panel's membership."),
            evidence={"meetings": len(meetings.between(period.start, min(period.end, as_of)))},
            period=period,
            outcome=NotJudged.INSUFFICIENT_DATA,
        ))
        return tuple(found)


def _balance_over(rule: PoliticalBalance, record: PanelRecord) -> tuple[Finding, ...]:
    """Political balance "against the membership of a period": judged on the roster of
    the span's first day and of every day the membership changed within it. A period
    kept in balance throughout gives the last day's finding; otherwise each roster that
    broke it gives its own, named by its date."""
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
        if not rosters or roster.members != rosters[-1].members:  # a change, not a repeat
            rosters.append(roster)
    broken = tuple(f for f in map(rule.evaluate, rosters) if f.status is not Status.MET)
    return broken or (rule.evaluate(record.membership.on(last)),)
