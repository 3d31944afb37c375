"""Strategies for a sub-group's parent panel
(`ParentPanel`): sub-group rosters drawn from
the panel's members serving that day, or holding someone who is not one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.subgroups import ParentPanel
from corpparent.testing.panel_rules._people import DAY, members, roster, texts
from corpparent.testing.panel_rules._registry import register


@st.composite
def _panels(draw: st.DrawFn) -> ParentPanel:
    people = list(members(MemberClass.CORE_COUNCILLOR, draw(st.integers(1, 6))))
    if draw(st.booleans()):  # one who left the panel before the day
        people.append(Member("Former Member", MemberClass.CORE_COUNCILLOR,
                             left=DAY - timedelta(days=draw(st.integers(1, 90)))))
    return ParentPanel(draw(texts), Membership(tuple(people)))


@st.composite
def _subgroup(draw: st.DrawFn, rule: ParentPanel, *, outside: bool) -> Any:
    serving = rule.members.on(DAY).members
    chosen = draw(st.lists(st.sampled_from(serving), min_size=1, unique=True))
    people = [evolve(m, joined=None, left=None) for m in chosen]
    if outside:
        gone = [m for m in rule.members.members if not m.serves_on(DAY)]
        stranger = draw(st.sampled_from(
            [Member("Not On The Panel", MemberClass.CO_OPTED),
             *(evolve(m, left=None) for m in gone)]))
        people.append(stranger)
    return roster(draw(st.permutations(people)))


def _satisfying(rule: ParentPanel, **context: Any) -> st.SearchStrategy[Any]:
    return _subgroup(rule, outside=False)


def _violating(rule: ParentPanel, **context: Any) -> st.SearchStrategy[Any]:
    return _subgroup(rule, outside=True)


STRATEGIES = register(ParentPanel, rules=_panels(), satisfies=_satisfying,
                      violates=_violating, judge=lambda rule, drawn: (rule.evaluate(drawn),))
