"""Strategies for the LGA 1972 s.85 six-month warning
([`SixMonthRule`][corpparent.governance.attendance.SixMonthRule]): a year of monthly meetings
with every judged member at the last one, or with one judged member at none."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import strategies as st

from corpparent.governance.attendance import SixMonthRule
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import Meeting, Meetings
from corpparent.governance.membership import MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.governance.seats import Seats
from corpparent.periods import FinancialYear
from corpparent.testing.panel_rules._registry import register
from corpparent.testing.values import members_for


@st.composite
def _monthly_year(draw: st.DrawFn, rule: SixMonthRule, *, absent: bool) -> PanelRecord:
    """A financial year of monthly meetings of the members a constitution of the rule's
    classes seats, read at the year's end: everyone at the last meeting, on the year's
    last day, or (``absent``) one judged member at none."""
    year = FinancialYear(draw(st.integers(2015, 2030)))
    kinds = list(rule.member_classes)
    constitution = Constitution("the panel", seats=[Seats(kind, 2) for kind in kinds])
    members = members_for(constitution)
    judged = [m for m in members if m.member_class in rule.member_classes]
    missing = draw(st.sampled_from(judged)).name if absent else None
    days = [year.start + timedelta(days=30 * n) for n in range(12)] + [year.end]
    meetings = []
    for day in sorted(set(days)):
        present = [m.name for m in members if m.name != missing
                   and (day == year.end or draw(st.booleans()))]
        meetings.append(Meeting(day, present=tuple(present)))
    return PanelRecord("the panel", Membership(members), Meetings(meetings), year.start,
                       year.end, year.end)


def _satisfying(rule: SixMonthRule, **context: Any) -> st.SearchStrategy[Any]:
    """Every judged member attends the last meeting, on the record's last day (a rule
    whose notice runs to six months or more warns whatever the record)."""
    return _monthly_year(rule, absent=False)


def _violating(rule: SixMonthRule, **context: Any) -> st.SearchStrategy[Any]:
    return _monthly_year(rule, absent=True)


STRATEGIES = register(
    SixMonthRule, rules=st.builds(SixMonthRule, st.lists(
        st.sampled_from([MemberClass.CORE_COUNCILLOR, MemberClass.SUBSTITUTE]),
        unique=True, min_size=1), st.integers(0, 90)),
    satisfies=_satisfying, violates=_violating)
