"""Strategies for every member of a class leading a priority
([`EachMemberLeads`][corpparent.governance.composition.EachMemberLeads]): rosters in which each
leads one, or in which one leads none."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from corpparent.governance.composition import EachMemberLeads
from corpparent.governance.membership import PriorityLead
from corpparent.testing.panel_rules._people import SEATED, members, roster, texts
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _leading(draw: st.DrawFn, rule: EachMemberLeads, *, idle: bool) -> Any:
    people = members(rule.member_class, draw(st.integers(1, 6)))
    leading = list(people)
    if idle:
        leading.remove(draw(st.sampled_from(leading)))
    leads = [PriorityLead(draw(texts), m.name) for m in leading]
    return roster(people, leads)


def _satisfying(rule: EachMemberLeads, **context: Any) -> st.SearchStrategy[Any]:
    return _leading(rule, idle=False)


def _violating(rule: EachMemberLeads, **context: Any) -> st.SearchStrategy[Any]:
    return _leading(rule, idle=True)


STRATEGIES = register(EachMemberLeads, rules=st.sampled_from(SEATED).map(EachMemberLeads),
                      satisfies=_satisfying, violates=_violating, judge=roster_findings)
