"""Quorum rules, as small rules that compose.

Wiltshire: "The quorum of the Corporate Parenting Panel will be 75% (6) Councillors,
70% (7) Associate Members in attendance. Where the meeting is not quorate, the
Chairperson will adjourn the meeting" (001 §4). That is two :class:`ClassQuorum` rules
joined with ``&`` and wrapped in a :class:`Quorum` that names the consequence::

    Quorum(
        ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8, stated=6)
        & ClassQuorum(MemberClass.ASSOCIATE, "70%", seats=10, stated=7),
        consequence="the Chairperson will adjourn the meeting",
    )

The required number is the fraction of the seats rounded up (75% of 8 = 6; 70% of 10 =
7), or of the filled seats where a constitution says so (:attr:`Basis.FILLED`). Other
councils use an absolute number, or a fraction with a floor such as the parish formula
"one third of members, and never fewer than 3" (LGA 1972 Sch 12 para 12; see the
national rules reference §1.1 G6): ``ClassQuorum(..., "1/3", floor=3)`` or
``MinimumPresent(3)``. Committee quorum is not set by statute (G7), so every panel's
quorum is a local rule declared in its constitution. ``|`` gives "any of".

Each rule judges a :class:`~corpparent.governance.meetings.Sitting`; a meeting whose
attendance was not recorded gives insufficient data.
"""

from __future__ import annotations

from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, final

from attrs import evolve, field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import AllOf, AnyOf, Finding, Rule, Status
from corpparent.governance._checks import (
    at_least_one,
    member_classes,
    non_negative,
    optional_at_least_one,
)
from corpparent.governance._fractions import ceil_of, fraction_text, proportion
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import MeetingKind, Sitting
from corpparent.governance.membership import MemberClass
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import Clause
from corpparent.periods import Month
from corpparent.wording import counted, listed, noun

if TYPE_CHECKING:
    from corpparent.governance.constitution import Constitution

__all__ = ["Basis", "ClassQuorum", "MinimumPresent", "Quorum", "QuorumOutcome"]


class Basis(Enum):
    """What a quorum fraction is taken of."""

    SEATS = "seats"
    """The seats the constitution provides, filled or not (Wiltshire: 8 and 10)."""
    FILLED = "filled seats"
    """The members serving on the day of the meeting."""

    def __str__(self) -> str:
        return self.value


class QuorumOutcome(Enum):
    """Whether a meeting was quorate: the outcome of a :class:`Quorum` finding."""

    QUORATE = "quorate"
    NOT_QUORATE = "not quorate"

    def __str__(self) -> str:
        return self.value


def _not_recorded(sitting: Sitting, rule: Rule[Sitting]) -> Finding:
    return Finding(
        subject=sitting.subject,
        rule=rule.name,
        family=rule.family,
        status=Status.INSUFFICIENT_DATA,
        outcome=NotJudged.INSUFFICIENT_DATA,
        explanation="attendance at the meeting was not recorded, so quorum cannot be judged",
        period=Month.containing(sitting.meeting.held_on),
    )


def _quorate(ok: bool) -> str:
    return str(QuorumOutcome.QUORATE if ok else QuorumOutcome.NOT_QUORATE)


@final
@frozen
class ClassQuorum(Rule[Sitting]):
    """At least ``fraction`` of a class of members present, rounded up.

    ``seats`` is the class's seats in the constitution (needed for
    :attr:`Basis.SEATS`); ``floor`` an absolute minimum beside the fraction; ``stated``
    the number the constitution writes beside the percentage ("75% (6)"), checked
    against the arithmetic when the rule is built so a misprinted constitution is
    caught.
    """

    member_class: MemberClass = field(converter=MemberClass)
    fraction: Fraction = field(converter=proportion)
    seats: int | None = field(default=None, validator=optional_at_least_one)
    basis: Basis = field(default=Basis.SEATS, converter=Basis)
    floor: int = field(default=0, validator=non_negative)
    stated: int | None = field(default=None, validator=optional_at_least_one)
    source: str = field(default="", eq=False)
    voting_only: bool = False
    """Count voting members only (non-voting co-optees are not counted)."""

    def __attrs_post_init__(self) -> None:
        if self.basis is Basis.SEATS and self.seats is None:
            raise DefinitionError(
                f"quorum of {self.member_class.plural}: a fraction of the seats needs "
                "'seats' (or use basis=Basis.FILLED)"
            )
        if self.seats is not None and self.required(self.seats) > self.seats:
            raise DefinitionError(
                f"quorum of {self.member_class.plural}: requires {self.required(self.seats)} "
                f"of {counted(self.seats, 'seat')}, which can never be met"
            )
        if self.stated is not None:
            if self.basis is not Basis.SEATS or self.seats is None:
                raise DefinitionError("'stated' can be checked only against a number of seats")
            required = self.required(self.seats)
            if required != self.stated:
                raise DefinitionError(
                    f"quorum of {self.member_class.plural}: {fraction_text(self.fraction)} of "
                    f"{counted(self.seats, 'seat')} rounded up is {required}, but the constitution "
                    f"states {self.stated}"
                )

    @property
    def name(self) -> str:
        voting = "voting " if self.voting_only else ""
        return f"quorum: {fraction_text(self.fraction)} of {voting}{self.member_class.plural}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.QUORUM

    def required(self, base: int) -> int:
        """Members needed when the fraction is taken of ``base``."""
        return max(ceil_of(self.fraction, base), self.floor)

    def evaluate(self, subject: Sitting, /) -> Finding:
        if not subject.meeting.attendance_recorded:
            return _not_recorded(subject, self)
        count = subject.count(self.member_class, voting_only=self.voting_only)
        if self.basis is Basis.SEATS:
            seats = self.seats
            assert seats is not None  # checked at construction
            base, of = seats, f"{seats}"
        else:
            base, of = count.filled, f"{count.filled} filled seats"
        plural = self.member_class.plural
        if base == 0:
            return Finding(
                subject=subject.subject, rule=self.name, family=self.family,
                status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
                explanation=f"no {plural} were serving on the day, so a fraction of them "
                "cannot be judged",
                evidence={f"{self.member_class.value} filled": 0},
                period=Month.containing(subject.meeting.held_on),
            )
        required = self.required(base)
        ok = count.present >= required
        via = f" ({len(count.by_substitute)} by substitute)" if count.by_substitute else ""
        floor = f", and never fewer than {self.floor}," if self.floor else ""
        explanation = (
            f"{count.present} of {self.member_class.counted(base)} present{via}; "
            f"{fraction_text(self.fraction)} of {of}{floor} requires {required}: "
            f"{_quorate(ok)}"
        )
        return Finding(
            subject=subject.subject,
            rule=self.name, family=self.family,
            status=Status.MET if ok else Status.BREACHED,
            explanation=explanation,
            evidence={
                f"{self.member_class.value} present": count.present,
                f"{self.member_class.value} by substitute": len(count.by_substitute),
                f"{self.member_class.value} required": required,
                f"{self.member_class.value} {self.basis.value}": base,
            },
            period=Month.containing(subject.meeting.held_on),
        )


@final
@frozen
class MinimumPresent(Rule[Sitting]):
    """At least ``minimum`` members present, counting the classes named.

    With no classes named, every class of seat counts (substitutes count for the member
    they replace, not as members in their own right).
    """

    minimum: int = field(validator=at_least_one)
    member_classes: tuple[MemberClass, ...] = field(default=(), converter=member_classes)
    source: str = field(default="", eq=False)
    voting_only: bool = False
    """Count voting members only (non-voting co-optees are not counted)."""

    @property
    def _counted(self) -> tuple[MemberClass, ...]:
        if self.member_classes:
            return self.member_classes
        return tuple(c for c in MemberClass if c is not MemberClass.SUBSTITUTE)

    @property
    def _label(self) -> str:
        voting = "voting " if self.voting_only else ""
        if not self.member_classes:
            return f"{voting}members"
        return voting + " and ".join(c.plural for c in self.member_classes)

    def _present_text(self, present: int) -> str:
        voting = "voting " if self.voting_only else ""
        if not self.member_classes:
            return f"{present} {voting}{noun(present, 'member')}"
        if present == 1:
            return f"1 {voting}{' or '.join(c.singular for c in self.member_classes)}"
        return f"{present} {self._label}"

    @property
    def name(self) -> str:
        return f"quorum: at least {self.minimum} {self._label}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.QUORUM

    def evaluate(self, subject: Sitting, /) -> Finding:
        if not subject.meeting.attendance_recorded:
            return _not_recorded(subject, self)
        present = len(subject.members_present(self._counted, voting_only=self.voting_only))
        ok = present >= self.minimum
        return Finding(
            subject=subject.subject,
            rule=self.name, family=self.family,
            status=Status.MET if ok else Status.BREACHED,
            explanation=f"{self._present_text(present)} present; at least {self.minimum} "
            f"required: {_quorate(ok)}",
            evidence={f"{self._label} present": present, f"{self._label} required":
                      self.minimum},
            period=Month.containing(subject.meeting.held_on),
        )


@final
@frozen
class Quorum(Rule[Sitting]):
    """A panel's quorum: a requirement and what the constitution says happens if unmet.

    The finding's explanation gives the arithmetic of every part and, when the meeting
    is not quorate, the consequence ("the Chairperson will adjourn the meeting").
    """

    requirement: Rule[Sitting]
    consequence: str | None = None
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "quorum"

    def describe(self) -> str:
        """The quorum in words: "quorum: 75% of councillors and 70% of associate
        members (otherwise the Chairperson will adjourn the meeting)"."""
        text = self.requirement.name.replace("quorum: ", "")
        consequence = f" (otherwise {self.consequence})" if self.consequence else ""
        return f"quorum: {text}{consequence}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.QUORUM

    def evaluate(self, subject: Sitting, /) -> Finding:
        if not subject.meeting.attendance_recorded:
            return _not_recorded(subject, self)
        inner = self.requirement.evaluate(subject)
        explanation = inner.explanation.rstrip(".") + "."
        if inner.status is Status.BREACHED:
            explanation += " The meeting was not quorate"
            explanation += f": {self.consequence}." if self.consequence else "."
        elif inner.status is Status.MET:
            explanation += " The meeting was quorate."
        return Finding(
            subject=inner.subject,
            rule=self.name, family=self.family,
            status=inner.status,
            explanation=explanation,
            evidence=inner.evidence,
            period=inner.period,
            outcome={Status.MET: QuorumOutcome.QUORATE,
                     Status.BREACHED: QuorumOutcome.NOT_QUORATE}.get(inner.status),
        )

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """Quorum at each formal meeting; only substitutions meeting the constitution's
        :class:`~corpparent.governance.reserves.SubstitutionTerms` count toward it."""
        terms = panel.constitution.rule(SubstitutionTerms)
        return tuple(self._at(s if terms is None else Sitting(terms.allowed(s), s.roster),
                              terms)
                     for s in panel.sittings if s.meeting.kind is MeetingKind.FORMAL)

    def _at(self, sitting: Sitting, terms: SubstitutionTerms | None) -> Finding:
        """Quorum at a sitting; where a substitute counts only from a later item, quorum
        at its start too: a meeting quorate only once they arrived took its first items
        without a quorum."""
        whole = self.evaluate(sitting)
        late = () if terms is None else terms.late(sitting.meeting)
        if terms is None or not late or whole.status is not Status.MET:
            return whole
        start = self.evaluate(Sitting(terms.at_start(sitting.meeting), sitting.roster))
        if start.status is Status.MET:
            return whole
        first = min(s.from_item or 1 for s in late)
        who = listed([s.substitute for s in late])
        return evolve(start, explanation=(
            f"{start.explanation.rstrip('.')} at the start of the meeting: {who} counted "
            f"only from item {first}, so the items before it were taken without a quorum."))


def _unreachable(rule: object, constitution: Constitution) -> str | None:
    """Why ``rule`` could never be met with the seats ``constitution`` declares, or None
    if it could (or the seats are not declared, so nothing is known)."""
    if isinstance(rule, Quorum):
        return _unreachable(rule.requirement, constitution)
    if isinstance(rule, AllOf):
        return next((r for r in (_unreachable(p, constitution) for p in rule.rules) if r),
                    None)
    if isinstance(rule, AnyOf):
        reasons = [_unreachable(part, constitution) for part in rule.rules]
        return "; and ".join(r for r in reasons if r) if all(reasons) else None
    if isinstance(rule, MinimumPresent):
        return _too_few_seats(rule, constitution)
    if isinstance(rule, ClassQuorum):
        seats = constitution.seats_for(rule.member_class)
        if seats is not None and rule.required(seats.count) > seats.count:
            return (f"it requires {rule.required(seats.count)} "
                    f"{rule.member_class.plural} present, but the constitution provides "
                    f"{counted(seats.count, 'seat')} for them")
    return None


def _too_few_seats(rule: MinimumPresent, constitution: Constitution) -> str | None:
    seated = [s.member_class for s in constitution.seats
              if s.member_class is not MemberClass.SUBSTITUTE]
    if rule.member_classes:
        available = constitution.seats_among(rule.member_classes)
        label = " and ".join(c.plural for c in rule.member_classes)
    elif constitution.max_members is not None:
        available, label = constitution.max_members, "members"
    elif seated:
        available, label = constitution.seats_among(seated), "members"
    else:
        return None
    if available is not None and rule.minimum > available:
        return (f"it requires at least {rule.minimum} {label} present, but the "
                f"constitution provides {counted(available, 'seat')} for them")
    return None


def _check(rule: object, constitution: Constitution) -> str | None:
    reason = _unreachable(rule, constitution)
    return None if reason is None else (f"the quorum can never be met: {reason}; every "
                                        "meeting would be inquorate")


declare(RuleType("quorum", Quorum, 60, clause=Clause.QUORUM, summary=1, absent_summary=True,
                 check=_check))
