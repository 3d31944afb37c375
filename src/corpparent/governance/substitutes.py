"""Who can stand in for a member at all, before any condition on substitutions.

Northbrook's terms, as many do, say who substitutes: "Each political group may appoint
named substitutes for its councillor members", and that "Co-opted members do not count
towards the quorum". Two records contradict that and used to count:

- a non-voting co-opted member recorded "Present as substitute" for a councillor. A
  co-opted member holds a seat of their own and cannot fill a councillor's: they are
  never counted as a councillor's substitute, whatever the terms say of substitutes;
- a substitute who is not on the membership that day (neither a member nor one of its
  listed substitutes). Where the terms say who may substitute (they declare
  [`SubstitutesAppointed`][corpparent.governance.composition.SubstitutesAppointed], or
  [`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms] with
  ``named_member_only``), such a person is not one of them and is not counted. Where the
  terms say nothing of who substitutes ("send a substitute representative"), anyone may,
  so they are counted, and named among the attendees not on the membership either way.

[`eligible`][corpparent.governance.substitutes.eligible] gives the sitting with only the
substitutions that can count, and those left out with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import evolve

from corpparent.governance.composition import SubstitutesAppointed
from corpparent.governance.meetings import Sitting, Substitution
from corpparent.governance.membership import MemberClass
from corpparent.governance.reserves import SubstitutionTerms

if TYPE_CHECKING:
    from corpparent.governance.constitution import Constitution

__all__ = ["eligible", "substitutes_named"]


def substitutes_named(constitution: Constitution) -> bool:
    """Whether the terms say who may substitute: named substitutes are appointed, or a
    substitute stands in only for the members they are reserve for."""
    terms = constitution.rule(SubstitutionTerms)
    return (constitution.rule(SubstitutesAppointed) is not None
            or (terms is not None and terms.named_member_only))


def _why_not(substitution: Substitution, sitting: Sitting, named: bool) -> str | None:
    roster = sitting.roster
    who = roster.find(substitution.substitute)
    if who is None:
        return ("not on the membership that day, and the terms name who may substitute"
                if named else None)
    replaced = roster.find(substitution.replaces)
    own_seat = who.member_class is MemberClass.CO_OPTED or not who.voting
    if own_seat and (replaced is None or replaced.member_class is not MemberClass.CO_OPTED):
        return "a non-voting or co-opted member, who cannot fill a councillor's seat"
    return None


def eligible(sitting: Sitting, *,
             named: bool) -> tuple[Sitting, tuple[tuple[Substitution, str], ...]]:
    """The sitting with only the substitutions that can count, and each left out with
    why; ``named``: the terms say who may substitute
    ([`substitutes_named`][corpparent.governance.substitutes.substitutes_named])."""
    left_out = tuple((s, why) for s in sitting.meeting.substitutions
                     if (why := _why_not(s, sitting, named)) is not None)
    if not left_out:
        return sitting, ()
    dropped = {s for s, _ in left_out}
    meeting = evolve(sitting.meeting, substitutions=tuple(
        s for s in sitting.meeting.substitutions if s not in dropped))
    return Sitting(meeting, sitting.roster), left_out
