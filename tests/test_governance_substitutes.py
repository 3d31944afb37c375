"""Who can stand in for a member at all: a co-opted member never fills a councillor's
seat, and where the terms name who may substitute, a stranger does not count."""

from __future__ import annotations

from datetime import date
from typing import Any

from corpparent.findings import Finding, Status
from corpparent.governance import (
    Constitution,
    Meeting,
    Meetings,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    PanelRecord,
    Quorum,
    Seats,
)
from corpparent.governance.meetings import Substitution

MEMBERS = Membership((
    *(Member(name, MemberClass.CORE_COUNCILLOR) for name in ("Ann", "Bob", "Cat", "Dan")),
    Member("Sandra Bell", MemberClass.CO_OPTED, voting=False),
    Member("Kim Sub", MemberClass.SUBSTITUTE),
))
# Ann and Bob came; Cat and Dan sent apologies. Zoe Price (on no membership list) sat for
# Cat, Sandra Bell (a non-voting co-opted member) for Dan.
MEETING = Meeting(date(2025, 9, 16), present=["Ann", "Bob"],
                  apologies=["Cat", "Dan"],
                  substitutions=[Substitution("Zoe Price", "Cat"),
                                 Substitution("Sandra Bell", "Dan")])


def _review(substitutes_for: MemberClass | None = None) -> dict[str, Finding]:
    named: dict[str, Any] = {} if substitutes_for is None else {"substitutes_for": substitutes_for}
    panel = Constitution("P", seats=[Seats(MemberClass.CORE_COUNCILLOR, 4)],
                         quorum=Quorum(MinimumPresent(3, [MemberClass.CORE_COUNCILLOR])),
                         six_month_warning=None, **named)
    record = PanelRecord("P", MEMBERS, Meetings([MEETING]), date(2025, 9, 1),
                         date(2025, 9, 30), date(2025, 9, 30))
    return {f.rule: f for f in panel.review(record)
            if f.rule in ("quorum", "attendees not on the membership")}


def test_named_substitutes_leave_out_a_stranger_and_a_co_opted_member() -> None:
    # The terms name who substitutes: Zoe is none of them and Sandra holds a co-opted
    # seat, so only Ann and Bob count: 2 of the 3 required.
    found = _review(substitutes_for=MemberClass.CORE_COUNCILLOR)
    quorum = found["quorum"]
    assert quorum.status is Status.BREACHED
    assert quorum.explanation.startswith("2 councillors present;")
    assert "Zoe Price for Cat (not on the membership that day" in quorum.explanation
    assert "Sandra Bell for Dan (a non-voting or co-opted member" in quorum.explanation
    unknown = found["attendees not on the membership"]
    assert "(Zoe Price as substitute for Cat)" in unknown.explanation
    assert unknown.explanation.endswith("not counted toward quorum or attendance.")


def test_terms_silent_on_who_substitutes_count_a_stranger_but_never_a_co_opted_member(
) -> None:
    # Anyone may substitute: Zoe counts for Cat (Ann, Bob and Zoe: 3 of 3), Sandra never.
    found = _review()
    quorum = found["quorum"]
    assert quorum.status is Status.MET
    assert quorum.explanation.startswith("3 councillors present;")
    assert "Sandra Bell for Dan" in quorum.explanation
    unknown = found["attendees not on the membership"]
    assert "Zoe Price as substitute for Cat" in unknown.explanation
    assert "counted toward quorum for the member replaced" in unknown.explanation
