"""Conditions on reserves and substitutes: for whom, noted when, counted from which item.

Wiltshire's group leaders "appoint substitute members to cover absences" and "If any of
the core members are unable to attend a meeting they will send a substitute
representative" (001 §3): any substitute for any absent member. Harrow's panel has
named reserve members with rules on when they may attend (national rules reference §2):
terms of this kind let a reserve stand in only for the member they are reserve for,
only when the substitution is noted at the start of the meeting, and, when they arrive
late, count them only from the next item.

:class:`SubstitutionTerms` states which of those conditions apply and judges each
substitution at a sitting; :meth:`SubstitutionTerms.allowed` gives the meeting with only
the substitutions that meet them, which is what a constitution counts toward quorum. A
substitute arriving late (``from_item`` after the first) is reported with the item
they count from; :meth:`SubstitutionTerms.at_start` gives the meeting as it stood at its
start, without them, so that a meeting quorate only once they arrived is reported as
taking its first items without a quorum.
"""

from __future__ import annotations

from typing import final

from attrs import evolve, field, frozen

from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance.declared import SITTINGS, PanelReview, RuleType, declare
from corpparent.governance.meetings import Meeting, Sitting, Substitution
from corpparent.governance.membership import Roster, name_key
from corpparent.governance.terms import Clause
from corpparent.periods import Month
from corpparent.wording import listed

__all__ = ["SubstitutionTerms"]


@final
@frozen
class SubstitutionTerms:
    """What a terms of reference requires of a substitution for it to count.

    ``named_member_only``: a substitute with a ``reserve_for`` may stand in only for
    that member; ``noted_at_start``: the substitution must be noted at the start of the
    meeting; ``late_from_next_item``: a substitute arriving late counts from the next
    item (the record gives ``from_item``).
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

    def problem(self, substitution: Substitution, roster: Roster) -> str | None:
        """Why ``substitution`` does not count, or None when it does."""
        reserve = roster.find(substitution.substitute)
        if self.named_member_only:
            if reserve is None:
                return f"{substitution.substitute} is not a reserve on the membership"
            if reserve.reserve_for is None:
                return (f"the membership does not say whom {substitution.substitute} is "
                        "reserve for")
            if name_key(reserve.reserve_for) != name_key(substitution.replaces):
                return (f"{substitution.substitute} is reserve for {reserve.reserve_for}, "
                        f"not {substitution.replaces}")
        if self.noted_at_start and substitution.noted_at_start is None:
            return (f"whether {substitution.substitute}'s substitution was noted at the start "
                    "is not recorded")
        if self.noted_at_start and substitution.noted_at_start is False:
            return f"{substitution.substitute}'s substitution was not noted at the start"
        return None

    def allowed(self, sitting: Sitting) -> Meeting:
        """The meeting with only the substitutions that meet the conditions."""
        kept = tuple(s for s in sitting.meeting.substitutions
                     if self.problem(s, sitting.roster) is None)
        if kept == sitting.meeting.substitutions:
            return sitting.meeting
        return evolve(sitting.meeting, substitutions=kept)

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
        """One finding per substitution at the sitting: met, or breached naming why it
        does not count; a late arrival is met with the item it counts from."""
        found = []
        for substitution in sitting.meeting.substitutions:
            why = self.problem(substitution, sitting.roster)
            who = f"{substitution.substitute} for {substitution.replaces}"
            if why is not None:
                status, text = Status.BREACHED, f"{who} does not count: {why}"
            elif self.late_from_next_item and (substitution.from_item or 1) > 1:
                status = Status.MET
                text = (f"{who} arrived late and counts from item {substitution.from_item}, "
                        "the next item after arriving")
            else:
                status, text = Status.MET, f"{who} meets the conditions: {self.describe()}"
            found.append(Finding(
                subject=sitting.subject, rule=self.name, family=self.family, status=status,
                explanation=text, period=Month.containing(sitting.meeting.held_on),
                evidence={"substitute": substitution.substitute,
                          "replaces": substitution.replaces},
            ))
        return tuple(found)


declare(RuleType("substitution_terms", SubstitutionTerms, SITTINGS + 5,
                 clause=Clause.SUBSTITUTES))
