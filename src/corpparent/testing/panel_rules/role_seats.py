"""Strategies for a seat held ex officio or by one of several office holders
([`RoleSeat`][corpparent.governance.offices.RoleSeat]): rosters in which a member holds one
of its roles, or in which none does."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.membership import MemberClass, name_key
from corpparent.governance.offices import RoleSeat
from corpparent.testing.panel_rules._people import members, roster, texts
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _seated(draw: st.DrawFn, rule: RoleSeat, *, empty: bool) -> Any:
    people = list(members(MemberClass.ASSOCIATE, draw(st.integers(1, 5))))
    if empty:
        wanted = {name_key(r) for r in rule.roles}
        others = texts.filter(lambda t: name_key(t) not in wanted)
        people = [evolve(m, role=draw(st.none() | others)) for m in people]
    else:
        people[0] = evolve(people[0], role=draw(st.sampled_from(rule.roles)))
    return roster(draw(st.permutations(people)))


def _satisfying(rule: RoleSeat, **context: Any) -> st.SearchStrategy[Any]:
    return _seated(rule, empty=False)


def _violating(rule: RoleSeat, **context: Any) -> st.SearchStrategy[Any]:
    return _seated(rule, empty=True)


STRATEGIES = register(RoleSeat, rules=st.lists(texts, unique=True, min_size=1, max_size=3
                                                ).map(RoleSeat),
                      satisfies=_satisfying, violates=_violating, judge=roster_findings)
