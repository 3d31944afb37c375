"""Strategies for a requirement every member must hold
([`Requirement`][corpparent.governance.requirements.Requirement]): rosters in which every member
it applies to holds it, completed within the year, or in which one holds nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.membership import Credential
from corpparent.governance.requirements import Requirement
from corpparent.testing.panel_rules._people import DAY, SEATED, members, roster, texts
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _held(draw: st.DrawFn, rule: Requirement, *, lacking: bool) -> Any:
    classes = rule.member_classes or SEATED
    people = [m for kind in classes for m in members(kind, draw(st.integers(0, 3)))]
    if not people:
        people = list(members(classes[0], 1))
    done = DAY - timedelta(days=draw(st.integers(0, 300)))
    people = [evolve(m, credentials=(Credential(rule.name, done),)) for m in people]
    if lacking:
        index = draw(st.integers(0, len(people) - 1))
        people[index] = evolve(people[index], credentials=())
    return roster(people)


def _satisfying(rule: Requirement, **context: Any) -> st.SearchStrategy[Any]:
    return _held(rule, lacking=False)


def _violating(rule: Requirement, **context: Any) -> st.SearchStrategy[Any]:
    return _held(rule, lacking=True)


STRATEGIES = register(
    Requirement, rules=st.builds(Requirement, texts, st.lists(
        st.sampled_from(SEATED), unique=True, max_size=2), st.none() | st.integers(12, 36)),
    satisfies=_satisfying, violates=_violating, judge=roster_findings)
