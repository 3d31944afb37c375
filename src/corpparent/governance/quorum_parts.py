"""The parts a quorum is made of: a fraction of a class of seat, or a number present.

[`ClassQuorum`][corpparent.governance.quorum_parts.ClassQuorum] is Wiltshire's "75% (6) Councillors,
70% (7) Associate Members in attendance" (001 §4), one class at a time;
[`MinimumPresent`][corpparent.governance.quorum_parts.MinimumPresent] an absolute number, such as
the parish formula's floor of 3 (national rules reference §1.1 G6). Both count voting members unless
the terms say otherwise (``voting_only=False``): Durham's panel has "Up to 10 non-voting co-opted
members" (national rules reference §2), and a quorum of the panel's members is a quorum of those who
can vote. Each names which members it counts, and its finding names the non-voting members present
who were left out. They compose with ``&`` and ``|`` and are wrapped in a
[`Quorum`][corpparent.governance.quorum.Quorum].
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from fractions import Fraction
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Rule, Status
from corpparent.governance._checks import (
    at_least_one,
    member_classes,
    non_negative,
    optional_at_least_one,
)
from corpparent.governance._fractions import ceil_of, fraction_text, proportion
from corpparent.governance.meetings import Sitting
from corpparent.governance.membership import MemberClass
from corpparent.periods import Month
from corpparent.wording import counted, noun

__all__ = ["Basis", "ClassQuorum", "MinimumPresent", "QuorumOutcome", "not_recorded"]


class Basis(Enum):
    """What a quorum fraction is taken of."""

    SEATS = "seats"
    """The seats the constitution provides, filled or not (Wiltshire: 8 and 10)."""
    FILLED = "filled seats"
    """The members serving on the day of the meeting."""

    def __str__(self) -> str:
        return self.value


class QuorumOutcome(Enum):
    """Whether a meeting was quorate: the outcome of a [`Quorum`][corpparent.governance.Quorum]
    finding."""

    QUORATE = "quorate"
    NOT_QUORATE = "not quorate"

    def __str__(self) -> str:
        return self.value


def not_recorded(sitting: Sitting, rule: Rule[Sitting]) -> Finding:
    """``rule``'s finding at a meeting whose attendance was not recorded."""
    return Finding(
        subject=sitting.subject, subject_name=sitting.subject_name,
        rule=rule.name,
        family=rule.family,
        status=Status.INSUFFICIENT_DATA,
        outcome=NotJudged.INSUFFICIENT_DATA,
        explanation="attendance at the meeting was not recorded, so quorum cannot be judged",
        period=Month.containing(sitting.meeting.held_on),
    )


def _quorate(ok: bool) -> str:
    return str(QuorumOutcome.QUORATE if ok else QuorumOutcome.NOT_QUORATE)


def _not_voting(sitting: Sitting, classes: Iterable[MemberClass], voting_only: bool) -> str:
    """" (2 non-voting members present not counted)" when a part counting voting members
    left some out, else nothing."""
    if not voting_only:
        return ""
    wanted = set(classes)
    left_out = [m for m in sitting.roster.members
                if m.member_class in wanted and not m.voting
                and (sitting.meeting.came(m) or sitting.meeting.covered(m))]
    if not left_out:
        return ""
    return f" ({counted(len(left_out), 'non-voting member')} present not counted)"


def _voting_label(plural: str, voting_only: bool) -> str:
    """"voting councillors", or "councillors, voting or not"."""
    return f"voting {plural}" if voting_only else f"{plural}, voting or not"


@final
@frozen
class ClassQuorum(Rule[Sitting]):
    """At least ``fraction`` of a class of members present, rounded up.

    ``seats`` is the class's seats in the constitution (needed for
    [`Basis.SEATS`][corpparent.governance.quorum_parts.Basis.SEATS]); ``floor`` an absolute minimum
    beside the fraction; ``stated`` the number the constitution writes beside the percentage ("75%
    (6)"), checked against the arithmetic when the rule is built so a misprinted constitution is
    caught.
    """

    member_class: MemberClass = field(converter=MemberClass)
    fraction: Fraction = field(converter=proportion)
    seats: int | None = field(default=None, validator=optional_at_least_one)
    basis: Basis = field(default=Basis.SEATS, converter=Basis)
    floor: int = field(default=0, validator=non_negative)
    stated: int | None = field(default=None, validator=optional_at_least_one)
    source: str = field(default="", eq=False)
    voting_only: bool = True
    """Count voting members only (the default); False where the terms count non-voting
    members of the class too."""

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
        return (f"quorum: {fraction_text(self.fraction)} of "
                f"{_voting_label(self.member_class.plural, self.voting_only)}")

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.QUORUM

    def required(self, base: int) -> int:
        """Members needed when the fraction is taken of ``base``."""
        return max(ceil_of(self.fraction, base), self.floor)

    def evaluate(self, subject: Sitting, /) -> Finding:
        if not subject.meeting.attendance_recorded:
            return not_recorded(subject, self)
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
                subject=subject.subject, subject_name=subject.subject_name,
                rule=self.name, family=self.family,
                status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
                explanation=f"no {plural} were serving on the day, so a fraction of them "
                "cannot be judged",
                evidence={f"{self.member_class.value} filled": 0},
                period=Month.containing(subject.meeting.held_on),
            )
        required = self.required(base)
        ok = count.present >= required
        via = f" ({len(count.by_substitute)} by substitute)" if count.by_substitute else ""
        via += _not_voting(subject, (self.member_class,), self.voting_only)
        floor = f", and never fewer than {self.floor}," if self.floor else ""
        explanation = (
            f"{count.present} of {self.member_class.counted(base)} present{via}; "
            f"{fraction_text(self.fraction)} of {of}{floor} requires {required}: "
            f"{_quorate(ok)}"
        )
        return Finding(
            subject=subject.subject, subject_name=subject.subject_name,
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
    voting_only: bool = True
    """Count voting members only (the default): "15 members present" where 10 of them
    cannot vote is 5 voting members. False where the terms count non-voting members."""

    @property
    def _counted(self) -> tuple[MemberClass, ...]:
        if self.member_classes:
            return self.member_classes
        return tuple(c for c in MemberClass if c is not MemberClass.SUBSTITUTE)

    @property
    def _classes(self) -> str:
        if not self.member_classes:
            return "members"
        return " and ".join(c.plural for c in self.member_classes)

    @property
    def _label(self) -> str:
        return f"voting {self._classes}" if self.voting_only else self._classes

    def _present_text(self, present: int, voting: bool) -> str:
        """"5 members present", saying "voting" where non-voting members were left out."""
        word = "voting " if voting else ""
        if not self.member_classes:
            return f"{present} {word}{noun(present, 'member')}"
        if present == 1:
            return f"1 {word}{' or '.join(c.singular for c in self.member_classes)}"
        return f"{present} {word}{self._classes}"

    @property
    def name(self) -> str:
        whether = "" if self.voting_only else ", voting or not"
        return f"quorum: at least {self.minimum} {self._label}{whether}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.QUORUM

    def evaluate(self, subject: Sitting, /) -> Finding:
        if not subject.meeting.attendance_recorded:
            return not_recorded(subject, self)
        present = len(subject.members_present(self._counted, voting_only=self.voting_only))
        ok = present >= self.minimum
        left_out = _not_voting(subject, self._counted, self.voting_only)
        text = self._present_text(present, bool(left_out))
        return Finding(
            subject=subject.subject, subject_name=subject.subject_name,
            rule=self.name, family=self.family,
            status=Status.MET if ok else Status.BREACHED,
            explanation=f"{text} present{left_out}; at least "
            f"{self.minimum} required: {_quorate(ok)}",
            evidence={f"{self._classes} present": present, f"{self._classes} required":
                      self.minimum},
            period=Month.containing(subject.meeting.held_on),
        )
