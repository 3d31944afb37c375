"""Conditions on reserves and substitutes: for whom, noted when, counted from which item.

Wiltshire's group leaders "appoint substitute members to cover absences" and "If any of
the core members are unable to attend a meeting they will send a substitute
representative" (001 §3): any substitute for any absent member. Harrow's panel has
named reserve members with rules on when they may attend (national rules reference §2):
terms of this kind let a reserve stand in only for the member they are reserve for,
only when the substitution is noted at the start of the meeting, and, when they arrive
late, count them only from the next item.

[`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms] states which of those
conditions apply and judges each substitution at a sitting as one `Counted`: it counts; it does not
count (a condition is broken); whether it counts is not known (the record cannot say whether a
condition was met, as a file with no column for it cannot); or the substitute did not
act, because the member they were recorded for attended in person ("unable to attend"
is the condition of every substitution, 001 §3).
[`SubstitutionTerms.allowed`][corpparent.governance.reserves.SubstitutionTerms.allowed] gives the
meeting with only the substitutions that count, which is what a constitution counts toward quorum;
[`SubstitutionTerms.possible`][corpparent.governance.reserves.SubstitutionTerms.possible] adds those
not known, so a meeting quorate only with them is insufficient data, never a breach. A substitute
arriving late (``from_item`` after the first) is reported with the item they count from;
[`SubstitutionTerms.at_start`][corpparent.governance.reserves.SubstitutionTerms.at_start] gives the
meeting as it stood at its start, without them, so that a meeting quorate only once they arrived is
reported as taking its first items without a quorum.
"""

from __future__ import annotations

from enum import Enum
from typing import final

from attrs import evolve, field, frozen

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance.declared import SITTINGS, PanelReview, RuleType, declare
from corpparent.governance.meetings import Meeting, Sitting, Substitution
from corpparent.governance.membership import Roster, name_key
from corpparent.governance.terms import Clause
from corpparent.periods import Month
from corpparent.wording import listed

__all__ = ["Counted", "SubstitutionTerms"]


class Counted(Enum):
    """How one substitution stands under a terms of reference's conditions."""

    COUNTS = "counts"
    NOT_COUNTED = "not counted"
    """A condition is broken: the substitute does not count."""
    NOT_KNOWN = "not known"
    """The record does not say whether a condition was met."""
    NOT_ACTING = "not acting"
    """The member replaced attended in person, so the substitute did not act."""

    def __str__(self) -> str:
        return self.value


@final
@frozen
class SubstitutionTerms:
    """What a terms of reference requires of a substitution for it to count.

    ``named_member_only``: a substitute with a ``reserve_for`` may stand in only for the
    members it names; ``noted_at_start``: the substitution must be noted at the start of
    the meeting; ``late_from_next_item``: a substitute arriving late counts from the next
    item (the record gives ``from_item``). Whatever the conditions, a substitute stands in
    for a member who cannot come: "If any of the core members are unable to attend a
    meeting they will send a substitute representative" (001 §3), so a substitution
    recorded for a member who attended in person does not act (`Counted.NOT_ACTING`).
    A condition the record does not carry (``noted_at_start`` left out, as a file with no
    column for it leaves it) makes the substitution `Counted.NOT_KNOWN`: never a
    breach.
    """

    named_member_only: bool = False
    noted_at_start: bool = False
    late_from_next_item: bool = False
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return "substitution conditions"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.ATTENDANCE

    def describe(self) -> str:
        parts = [text for on, text in (
            (self.named_member_only, "only for the member they are reserve for"),
            (self.noted_at_start, "only when noted at the start of the meeting"),
            (self.late_from_next_item, "from the next item when they arrive late"),
        ) if on]
        return f"substitutes count {listed(parts)}" if parts else "substitutes count freely"

    def judge(self, substitution: Substitution, meeting: Meeting,
              roster: Roster) -> tuple[Counted, str | None]:
        """How ``substitution`` at ``meeting`` stands, and why when it does not count."""
        who = substitution.substitute
        if meeting.attended(substitution.replaces):
            return Counted.NOT_ACTING, f"{substitution.replaces} attended in person"
        reserve = roster.find(who)
        if self.named_member_only:
            if reserve is None:
                return Counted.NOT_COUNTED, f"{who} is not a reserve on the membership"
            if not reserve.reserve_for:
                return Counted.NOT_COUNTED, (f"the membership does not say whom {who} is "
                                             "reserve for")
            if name_key(substitution.replaces) not in {name_key(n)
                                                       for n in reserve.reserve_for}:
                return Counted.NOT_COUNTED, (f"{who} is reserve for "
                                             f"{listed(list(reserve.reserve_for))}, not "
                                             f"{substitution.replaces}")
        if self.noted_at_start and substitution.noted_at_start is False:
            return Counted.NOT_COUNTED, f"{who}'s substitution was not noted at the start"
        if self.noted_at_start and substitution.noted_at_start is None:
            return Counted.NOT_KNOWN, (f"the record does not say whether {who}'s "
                                       "substitution was noted at the start")
        return Counted.COUNTS, None

    def _keeping(self, sitting: Sitting, kept: frozenset[Counted]) -> Meeting:
        substitutions = tuple(
            s for s in sitting.meeting.substitutions
            if self.judge(s, sitting.meeting, sitting.roster)[0] in kept)
        if substitutions == sitting.meeting.substitutions:
            return sitting.meeting
        return evolve(sitting.meeting, substitutions=substitutions)

    def allowed(self, sitting: Sitting) -> Meeting:
        """The meeting with only the substitutions that count."""
        return self._keeping(sitting, frozenset({Counted.COUNTS}))

    def possible(self, sitting: Sitting) -> Meeting:
        """The meeting with the substitutions that count or might: those the record
        cannot say meet the conditions kept too."""
        return self._keeping(sitting, frozenset({Counted.COUNTS, Counted.NOT_KNOWN}))

    def not_known(self, sitting: Sitting) -> tuple[Substitution, ...]:
        """The substitutions the record cannot say meet the conditions."""
        return tuple(s for s in sitting.meeting.substitutions
                     if self.judge(s, sitting.meeting, sitting.roster)[0]
                     is Counted.NOT_KNOWN)

    def late(self, meeting: Meeting) -> tuple[Substitution, ...]:
        """The substitutions that count only from a later item (when the terms say so)."""
        if not self.late_from_next_item:
            return ()
        return tuple(s for s in meeting.substitutions if (s.from_item or 1) > 1)

    def at_start(self, meeting: Meeting) -> Meeting:
        """The meeting as it stood at its first item: without the late substitutes."""
        late = self.late(meeting)
        if not late:
            return meeting
        return evolve(meeting, substitutions=tuple(
            s for s in meeting.substitutions if s not in late))

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """The findings at every sitting of the span."""
        return tuple(f for s in panel.sittings for f in self.findings(s))

    def findings(self, sitting: Sitting) -> tuple[Finding, ...]:
        """One finding per substitution at the sitting: met when it counts (a late
        arrival with the item it counts from); breached naming the condition it breaks;
        insufficient data when the record cannot say; a warning when the member replaced
        attended, so the substitute did not act."""
        found = []
        for substitution in sitting.meeting.substitutions:
            counted, why = self.judge(substitution, sitting.meeting, sitting.roster)
            who = f"{substitution.substitute} for {substitution.replaces}"
            if counted is Counted.NOT_ACTING:
                status = Status.WARNING
                text = (f"{who} does not act: {why}, so {substitution.substitute} is not "
                        "counted")
            elif counted is Counted.NOT_COUNTED:
                status, text = Status.BREACHED, f"{who} does not count: {why}"
            elif counted is Counted.NOT_KNOWN:
                status = Status.INSUFFICIENT_DATA
                text = (f"whether {who} counts cannot be judged: {why}, which the terms "
                        f"require ({self.describe()})")
            elif self.late_from_next_item and (substitution.from_item or 1) > 1:
                status = Status.MET
                text = (f"{who} arrived late and counts from item {substitution.from_item}, "
                        "the next item after arriving")
            else:
                status, text = Status.MET, f"{who} meets the conditions: {self.describe()}"
            found.append(Finding(
                subject=sitting.subject, subject_name=sitting.subject_name, rule=self.name,
                family=self.family, status=status, explanation=text,
                period=Month.containing(sitting.meeting.held_on),
                evidence={"substitute": substitution.substitute,
                          "replaces": substitution.replaces, "counted": counted.value},
                outcome=NotJudged.INSUFFICIENT_DATA if counted is Counted.NOT_KNOWN
                else None,
            ))
        return tuple(found)


declare(RuleType("substitution_terms", SubstitutionTerms, SITTINGS + 5,
                 clause=Clause.SUBSTITUTES))
