"""Strategies for standing invitees (`StandingInvitees`):
a year's record in which the invitees attend or not and hold no seat, or in which the
membership gives one of them a seat the terms do not."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from corpparent.findings import Finding
from corpparent.governance.constitution import Constitution
from corpparent.governance.invitees import StandingInvitees
from corpparent.governance.meetings import Meeting
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.periods import FinancialYear
from corpparent.testing.panel_rules._people import DAY, members, texts
from corpparent.testing.panel_rules._registry import register

YEAR = FinancialYear(2022)


@st.composite
def _record(draw: st.DrawFn, rule: StandingInvitees, *, seated: bool) -> PanelRecord:
    people = list(members(MemberClass.CORE_COUNCILLOR, draw(st.integers(1, 4))))
    if seated:
        people.append(Member(draw(st.sampled_from(rule.invitees)), MemberClass.CO_OPTED))
    present = draw(st.lists(st.sampled_from([p.name for p in people]), unique=True))
    came = draw(st.lists(st.sampled_from(rule.invitees), unique=True))
    invited = draw(st.booleans())
    meeting = Meeting(DAY, present=present if invited else [*present, *came],
                      invited=came if invited else ())
    return PanelRecord("Panel", Membership(people), [meeting], YEAR.start, YEAR.end,
                       YEAR.end)


def _satisfying(rule: StandingInvitees, **context: Any) -> st.SearchStrategy[Any]:
    return _record(rule, seated=False)


def _violating(rule: StandingInvitees, **context: Any) -> st.SearchStrategy[Any]:
    return _record(rule, seated=True)


def _judge(rule: StandingInvitees, record: PanelRecord) -> tuple[Finding, ...]:
    panel = Constitution("Panel", standing_invitees=rule, six_month_warning=None)
    return tuple(f for f in panel.review(record) if f.rule == rule.name)


STRATEGIES = register(
    StandingInvitees, rules=st.lists(texts, min_size=1, max_size=3, unique=True).map(
        StandingInvitees), satisfies=_satisfying, violates=_violating, judge=_judge)
