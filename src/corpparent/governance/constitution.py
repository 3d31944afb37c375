"""A panel's constitution: its panel and the collection of rules its terms declare.

A [`Constitution`][corpparent.governance.constitution.Constitution] is what a terms of reference
says, as data: the panel's name and its rules (seats, offices, requirements, the quorum, the meeting
frequency...), each a plain value of a declared `RuleType`, so
an authority profile can declare one and a file can hold one. Every rule answers one
protocol (`PanelRule`), so
[`Constitution.review`][corpparent.governance.constitution.Constitution.review] knows no rule by
name: it reviews each in its type's order.
[`Constitution.review_period`][corpparent.governance.constitution.Constitution.review_period] judges
a period from meeting records, with or without the membership.

Rules are given as ``rules`` or by their type's key, which is also the key of a
plug-in file's ``[constitution]`` table: ``Constitution(panel, quorum=Quorum(...),
max_members=20)``. Reading a key back (``constitution.quorum``) gives what it declares.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar, final

from attrs import evolve, field, frozen

# The rule types a constitution knows without a plug-in: importing each module declares
# its type.
import corpparent.governance.attendance
import corpparent.governance.balance
import corpparent.governance.composition
import corpparent.governance.frequency
import corpparent.governance.invitees
import corpparent.governance.offices
import corpparent.governance.public
import corpparent.governance.quorum
import corpparent.governance.requirements
import corpparent.governance.reserves
import corpparent.governance.seats
import corpparent.governance.subgroups  # noqa: F401
from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance.attendees import UnknownAttendees
from corpparent.governance.declared import (
    SITTINGS,
    PanelReview,
    PanelRule,
    RuleType,
    rule_type,
    rule_type_of,
    rule_types,
)
from corpparent.governance.invitees import StandingInvitees
from corpparent.governance.meetings import MeetingKind, Meetings
from corpparent.governance.membership import MemberClass, Membership, Roster
from corpparent.governance.panel import PanelRecord
from corpparent.governance.seats import Seats as Seats
from corpparent.governance.substitutes import substitutes_named
from corpparent.governance.terms import Clause, SentItem, not_stated_finding
from corpparent.periods import Period

__all__ = ["Constitution"]

R = TypeVar("R")


def _clauses(values: Iterable[Clause | str]) -> tuple[Clause, ...]:
    return tuple(dict.fromkeys(Clause(v) for v in values))


def _kinds(values: Iterable[MeetingKind | str]) -> tuple[MeetingKind, ...]:
    return tuple(MeetingKind(v) for v in values)


def _keys(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


@final
@frozen(init=False)
class Constitution:
    """What a panel's terms of reference require, as data: ``panel`` and its ``rules``.

    A rule the terms of reference do not state is simply not checked; a clause they
    leave unstated can be named in ``not_stated``, and yields a finding saying so.
    ``frequency_counts`` are the kinds of meeting that count as meetings of the panel.
    A rule type in force by default (the s.85 six-month warning) is off when its key is
    given as None: ``switched_off`` keeps those keys.
    """

    panel: str
    rules: tuple[PanelRule, ...]
    frequency_counts: tuple[MeetingKind, ...] = field(converter=_kinds)
    source: str = field(eq=False)
    not_stated: tuple[Clause, ...] = field(converter=_clauses)
    """Clauses the terms of reference leave unstated: each yields a finding saying so."""
    switched_off: tuple[str, ...] = field(converter=_keys)

    def __init__(self, panel: str, rules: Iterable[PanelRule] = (), *,
                 frequency_counts: Iterable[MeetingKind | str] = (MeetingKind.FORMAL,),
                 source: str = "", not_stated: Iterable[Clause | str] = (),
                 switched_off: Iterable[str] = (), **declared: Any) -> None:
        """``rules``, then each keyword ``declared`` setting the rules of its key (None
        declares none)."""
        given = list(rules)
        off = set(switched_off)
        for key, value in declared.items():
            kind = rule_type(key)
            if kind is None:
                raise DefinitionError(f"{panel}: a constitution declares no {key!r}; the "
                                      f"keys are {', '.join(t.key for t in rule_types())}")
            given = [r for r in given if rule_type_of(r) is not kind]
            given.extend(kind.rules_from(value))  # type: ignore[arg-type]
            if value is None and kind.default is not None:
                off.add(key)
            else:
                off.discard(key)
        present = {rule_type_of(r).key for r in given}
        for kind in rule_types():
            if kind.default is not None and kind.key not in present | off:
                given.append(kind.default())  # type: ignore[arg-type]
        order = {t: i for i, t in enumerate(rule_types())}
        given.sort(key=lambda r: order[rule_type_of(r)])
        self.__attrs_init__(panel, tuple(given), frequency_counts, source, not_stated,
                            off)

    def __attrs_post_init__(self) -> None:
        counted: dict[str, int] = {}
        for rule in self.rules:
            kind = rule_type_of(rule)
            counted[kind.key] = counted.get(kind.key, 0) + 1
            if not kind.many and counted[kind.key] > 1:
                raise DefinitionError(f"{self.panel}: {kind.key} declared twice; a "
                                      "constitution holds one")
        both = [str(c) for c in self.not_stated if self._declares(c)]
        if both:
            raise DefinitionError(f"{self.panel}: {', '.join(both)} declared and also said "
                                  "to be not stated in the terms of reference")
        for rule in self.rules:
            check = rule_type_of(rule).check
            reason = None if check is None else check(rule, self)
            if reason is not None:
                raise DefinitionError(f"{self.panel}: {reason}")

    def __getattr__(self, key: str) -> Any:
        """What the rule type ``key`` declares: ``constitution.quorum`` is the quorum or
        None, ``constitution.seats`` a tuple of seats, ``constitution.max_members`` the
        number."""
        kind = rule_type(key) if not key.startswith("__") else None
        if kind is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {key!r}")
        return kind.declared(tuple(r for r in self.rules if rule_type_of(r) is kind))

    def rules_of(self, kind: type[R]) -> tuple[R, ...]:
        """The rules of class ``kind`` the constitution declares, in order."""
        return tuple(r for r in self.rules if isinstance(r, kind))

    def rule(self, kind: type[R]) -> R | None:
        """The first rule of class ``kind`` the constitution declares, if any."""
        return next(iter(self.rules_of(kind)), None)

    def _declares(self, clause: Clause) -> bool:
        if clause.through_seats:
            return self.seats_for(MemberClass.CO_OPTED) is not None
        return any(rule_type_of(r).clause is clause for r in self.rules)

    def seats_for(self, member_class: MemberClass) -> Seats | None:
        """The seats the constitution gives ``member_class``, if any."""
        return next((s for s in self.rules_of(Seats) if s.member_class is member_class),
                    None)

    def seats_among(self, classes: Iterable[MemberClass]) -> int | None:
        """Seats the constitution provides for ``classes``; None if it states none for
        one of them (so no bound is known)."""
        total = 0
        for member_class in classes:
            seats = self.seats_for(member_class)
            if seats is None:
                return None
            total += seats.count
        return total

    def composition_rules(self) -> tuple[Rule[Roster], ...]:
        """The rules judging a roster that the constitution implies, in review order."""
        return tuple(part for rule in self.rules
                     for part in getattr(rule, "roster_rules", tuple)())

    def describe(self) -> str:
        """The constitution in one line: the panel, its quorum and its meeting frequency,
        each "not declared" or "not stated in the terms of reference" when absent."""
        parts = [self.panel]
        described = sorted((t for t in rule_types() if t.summary is not None),
                           key=lambda t: t.summary or 0)
        for kind in described:
            mine = [r for r in self.rules if rule_type_of(r) is kind]
            parts.extend(r.describe() for r in mine)  # type: ignore[attr-defined]
            if not mine and kind.absent_summary:
                parts.append(self._absent(kind))
        return "; ".join(parts)

    def _absent(self, kind: RuleType) -> str:
        clause = kind.clause
        if clause is not None and clause in self.not_stated:
            return f"{clause} not stated in the terms of reference"
        return f"no {clause or kind.key} declared"

    def not_stated_findings(self, period: Period | None = None) -> tuple[Finding, ...]:
        """One finding per clause the terms of reference leave unstated."""
        return tuple(not_stated_finding(self.panel, c, period, self.source)
                     for c in self.not_stated)

    def reporting_findings(self, sent: Iterable[SentItem] | None, period: Period,
                           as_of: date, meetings: Iterable[date] | None = None,
                           ) -> tuple[Finding, ...]:
        """One finding per reporting line from a submissions log (None: no log given);
        ``meetings``, the panel's meeting dates, are when a line with a deadline by
        another body's next meeting arises after each meeting."""
        items = None if sent is None else tuple(sent)
        held = None if meetings is None else tuple(meetings)
        return tuple(line.finding(self.panel, items, period, as_of, held)
                     for line in self.reporting_lines)

    def _review_of(self, record: PanelRecord) -> PanelReview:
        """The review of ``record``, its meetings seen without the standing invitees:
        the terms give them no seat, so no rule counts them."""
        panel = PanelReview.of(self, record)
        invitees = self.rule(StandingInvitees)
        if invitees is None:
            return panel
        return evolve(panel, sittings=tuple(map(invitees.without, panel.sittings)))

    def review(self, record: PanelRecord) -> tuple[Finding, ...]:
        """Every finding for ``record``: each rule in its type's order (composition on
        the last day, then the meetings, frequency and attendance), unknown attendees
        before the first rule of the meetings, then the clauses not stated."""
        panel = self._review_of(record)
        found = [f for r in self.rules if rule_type_of(r).order < SITTINGS
                 for f in r.review(panel)]
        invitees = self.rule(StandingInvitees)
        unknown = UnknownAttendees(invitees=() if invitees is None else invitees.invitees,
                                   substitutes_named=substitutes_named(self))
        found.extend(f for f in map(unknown.finding, panel.sittings) if f is not None)
        found.extend(f for r in self.rules if rule_type_of(r).order >= SITTINGS
                     for f in r.review(panel))
        found.extend(self.not_stated_findings())
        return tuple(found)

    def review_period(
        self, meetings: Meetings, membership: Membership | None, period: Period, as_of: date
    ) -> tuple[Finding, ...]:
        """Every finding for ``period`` as known on ``as_of``: the whole
        [`review`][corpparent.governance.constitution.Constitution.review] when the membership is
        known; without it, the rules judged from the meetings alone (the meeting frequency), and one
        finding of insufficient data saying that quorum, attendance and composition could not be
        judged (they depend on who sat on the panel)."""
        if membership is not None:
            return self.review(PanelRecord.for_period(self.panel, membership, meetings,
                                                      period, as_of=as_of))
        found: list[Finding] = list(self.not_stated_findings(period))
        record = PanelRecord.for_period(self.panel, Membership(()), meetings, period, as_of)
        panel = self._review_of(record)
        found.extend(f for r in self.rules if not rule_type_of(r).needs_membership
                     for f in r.review(panel))
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
