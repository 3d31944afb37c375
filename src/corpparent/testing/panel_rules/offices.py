"""Strategies for the offices that must be held
([`OfficesFilled`][corpparent.governance.composition.OfficesFilled]): rosters in which a member
holds each office, or in which one of them is vacant (a warning)."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.composition import OfficesFilled
from corpparent.governance.membership import MemberClass, Office
from corpparent.testing.panel_rules._people import members, roster
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _held(draw: st.DrawFn, rule: OfficesFilled, *, vacant: bool) -> Any:
    held = list(rule.offices)
    if vacant:
        held.remove(draw(st.sampled_from(held)))
    people = list(members(MemberClass.CORE_COUNCILLOR, len(rule.offices) + draw(
        st.integers(0, 4))))
    for index, office in enumerate(held):
        people[index] = evolve(people[index], office=office)
    return roster(draw(st.permutations(people)))


def _satisfying(rule: OfficesFilled, **context: Any) -> st.SearchStrategy[Any]:
    return _held(rule, vacant=False)


def _violating(rule: OfficesFilled, **context: Any) -> st.SearchStrategy[Any]:
    return _held(rule, vacant=True)


STRATEGIES = register(
    OfficesFilled, rules=st.lists(st.sampled_from(list(Office)), unique=True, min_size=1
                                  ).map(OfficesFilled),
    satisfies=_satisfying, violates=_violating, judge=roster_findings)
