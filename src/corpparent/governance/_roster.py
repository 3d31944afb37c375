"""How findings about the panel's membership name what they judged.

A composition or requirement rule judges a
[`Roster`][corpparent.governance.membership.Roster] as a whole: its findings share one
subject, `MEMBERSHIP`, with the roster's date in the name a reader sees
("membership on 2023-03-31"), and list members by name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from corpparent.findings import EvidenceValue, Finding, Rule, Status, not_judged
from corpparent.governance.membership import Member, MemberClass, Roster

__all__ = ["MEMBERSHIP", "SEATED", "member_names", "membership_on", "roster_finding"]

#: The subject of every finding about the membership as a whole.
MEMBERSHIP: Final = "membership"

#: The classes of member who hold a seat: every class but substitutes.
SEATED: Final = tuple(c for c in MemberClass if c is not MemberClass.SUBSTITUTE)


def membership_on(roster: Roster) -> str:
    """The name a reader knows the judged membership by: "membership on 2023-03-31"."""
    return f"membership on {roster.as_of.isoformat()}"


def member_names(members: Iterable[Member]) -> str:
    """The members' names, comma-separated, or "none"."""
    return ", ".join(m.name for m in members) or "none"


def roster_finding(
    rule: Rule[Roster], roster: Roster, *, status: Status, explanation: str,
    evidence: Mapping[str, EvidenceValue] | None = None,
) -> Finding:
    """``rule``'s finding about ``roster``: the membership as subject, named by its date;
    a finding that could not be judged has the outcome ``NotJudged.INSUFFICIENT_DATA``."""
    return Finding(
        subject=MEMBERSHIP, subject_name=membership_on(roster), rule=rule.name,
        family=rule.family, status=status, explanation=explanation, evidence=evidence or {},
        outcome=not_judged(status),
    )
