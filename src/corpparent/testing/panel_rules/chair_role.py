"""Strategies for the role the chair must hold
([`ChairHoldsRole`][corpparent.governance.composition.ChairHoldsRole]): rosters whose chair holds
it, or whose chair holds another role or none."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.composition import ChairHoldsRole
from corpparent.governance.membership import MemberClass, Office, name_key
from corpparent.testing.panel_rules._people import members, roster, texts
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _chaired(draw: st.DrawFn, rule: ChairHoldsRole, *, other: bool) -> Any:
    role: str | None = rule.role
    if other:
        role = draw(st.none() | texts.filter(lambda t: name_key(t) != name_key(rule.role)))
    people = list(members(MemberClass.CORE_COUNCILLOR, draw(st.integers(1, 6))))
    people[0] = evolve(people[0], office=Office.CHAIR, role=role)
    return roster(draw(st.permutations(people)))


def _satisfying(rule: ChairHoldsRole, **context: Any) -> st.SearchStrategy[Any]:
    return _chaired(rule, other=False)


def _violating(rule: ChairHoldsRole, **context: Any) -> st.SearchStrategy[Any]:
    return _chaired(rule, other=True)


STRATEGIES = register(ChairHoldsRole, rules=texts.map(ChairHoldsRole), satisfies=_satisfying,
                      violates=_violating, judge=roster_findings)
