"""Quorum rules, as small rules that compose.

Wiltshire: "The quorum of the Corporate Parenting Panel will be 75% (6) Councillors,
70% (7) Associate Members in attendance. Where the meeting is not quorate, the
Chairperson will adjourn the meeting" (001 §4). That is two
[`ClassQuorum`][corpparent.governance.quorum.ClassQuorum] rules joined with ``&`` and wrapped in a
[`Quorum`][corpparent.governance.quorum.Quorum] that names the consequence:

    Quorum(
        ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8, stated=6)
        & ClassQuorum(MemberClass.ASSOCIATE, "70%", seats=10, stated=7),
        consequence="the Chairperson will adjourn the meeting",
    )

The required number is the fraction of the seats rounded up (75% of 8 = 6; 70% of 10 =
7), or of the filled seats where a constitution says so
([`Basis.FILLED`][corpparent.governance.quorum_parts.Basis.FILLED]). Other councils use an absolute
number, or a fraction with a floor such as the parish formula "one third of members, and never fewer
than 3" (LGA 1972 Sch 12 para 12; see the national rules reference §1.1 G6): ``ClassQuorum(...,
"1/3", floor=3)`` or ``MinimumPresent(3)``. Committee quorum is not set by statute (G7), so every
panel's quorum is a local rule declared in its constitution. ``|`` gives "any of".

The parts ([`ClassQuorum`][corpparent.governance.quorum.ClassQuorum],
[`MinimumPresent`][corpparent.governance.quorum.MinimumPresent], in
`corpparent.governance.quorum_parts`) count voting members unless the terms say otherwise
(``voting_only=False``), and each names which it counts, so ``authorities show`` states it.

Each rule judges a [`Sitting`][corpparent.governance.meetings.Sitting]; a meeting whose
attendance was not recorded gives insufficient data. Where the terms set conditions on
substitutes ([`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms]), only those
that count are counted; a meeting quorate only with a substitute the record cannot say
meets them is insufficient data, never a breach. A co-opted member recorded as a
councillor's substitute, or (where the terms say who may substitute) a substitute not on
the membership, is never counted, and the finding names them
([`eligible`][corpparent.governance.substitutes.eligible]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from attrs import evolve, field, frozen

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import AllOf, AnyOf, Finding, Rule, Status
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import MeetingKind, Sitting
from corpparent.governance.membership import MemberClass
from corpparent.governance.quorum_parts import (
    Basis,
    ClassQuorum,
    MinimumPresent,
    QuorumOutcome,
    not_recorded,
)
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.substitutes import eligible, substitutes_named
from corpparent.governance.terms import Clause
from corpparent.wording import counted, listed

if TYPE_CHECKING:
    from corpparent.governance.constitution import Constitution

__all__ = ["Basis", "ClassQuorum", "MinimumPresent", "Quorum", "QuorumOutcome"]


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
            return not_recorded(subject, self)
        inner = self.requirement.evaluate(subject)
        explanation = inner.explanation.rstrip(".") + "."
        if inner.status is Status.BREACHED:
            explanation += " The meeting was not quorate"
            explanation += f": {self.consequence}." if self.consequence else "."
        elif inner.status is Status.MET:
            explanation += " The meeting was quorate."
        return Finding(
            subject=inner.subject, subject_name=inner.subject_name,
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
        [`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms] count toward it."""
        terms = panel.constitution.rule(SubstitutionTerms)
        named = substitutes_named(panel.constitution)
        found = []
        for sitting in panel.sittings:
            if sitting.meeting.kind is not MeetingKind.FORMAL:
                continue
            counted, left_out = eligible(sitting, named=named)
            finding = self._at(counted, terms)
            if left_out and sitting.meeting.attendance_recorded:
                finding = evolve(finding, explanation=(
                    f"{finding.explanation} Not counted as "
                    f"{'a substitute' if len(left_out) == 1 else 'substitutes'}: "
                    + "; ".join(f"{s.substitute} for {s.replaces} ({why})"
                                for s, why in left_out) + "."))
            found.append(finding)
        return tuple(found)

    def _at(self, sitting: Sitting, terms: SubstitutionTerms | None) -> Finding:
        """Quorum at a sitting, counting the substitutions that meet ``terms``. Where the
        meeting is quorate only with substitutes the record cannot say meet them,
        insufficient data; where a substitute counts only from a later item, quorum at
        its start too: a meeting quorate only once they arrived took its first items
        without a quorum."""
        if terms is None:
            return self.evaluate(sitting)
        counted = terms.allowed(sitting)
        whole = self.evaluate(Sitting(counted, sitting.roster))
        if whole.status is Status.BREACHED:
            return self._unknown(sitting, terms) or whole
        late = terms.late(counted)
        if not late or whole.status is not Status.MET:
            return whole
        start = self.evaluate(Sitting(terms.at_start(counted), sitting.roster))
        if start.status is Status.MET:
            return whole
        first = min(s.from_item or 1 for s in late)
        who = listed([s.substitute for s in late])
        return evolve(start, explanation=(
            f"{start.explanation.rstrip('.')} at the start of the meeting: {who} counted "
            f"only from item {first}, so the items before it were taken without a quorum."))

    def _unknown(self, sitting: Sitting, terms: SubstitutionTerms) -> Finding | None:
        """Insufficient data when the meeting, not quorate on the substitutions known to
        count, would be with those the record cannot judge; else None."""
        unsure = terms.not_known(sitting)
        if not unsure:
            return None
        maybe = self.evaluate(Sitting(terms.possible(sitting), sitting.roster))
        if maybe.status is not Status.MET:
            return None
        known = self.requirement.evaluate(Sitting(terms.allowed(sitting), sitting.roster))
        who = listed([s.substitute for s in unsure])
        return evolve(maybe, status=Status.INSUFFICIENT_DATA,
                      outcome=NotJudged.INSUFFICIENT_DATA, explanation=(
                          f"{known.explanation.rstrip('.')} without {who}; with "
                          f"{who}, whose substitution the record cannot judge against the "
                          "terms "
                          f"({terms.describe()}), it would be quorate, so whether the "
                          "meeting was quorate cannot be judged."))


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
