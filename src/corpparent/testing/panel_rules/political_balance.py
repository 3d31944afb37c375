"""Strategies for political balance
([`PoliticalBalance`][corpparent.governance.balance.PoliticalBalance]): rosters in which each group
holds exactly the seats it is allocated and every group that must be represented holds one, or in
which a group holds one seat too many or a group that must be represented holds none."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.membership import Member
from corpparent.testing.panel_rules._people import SEATED, members, roster
from corpparent.testing.panel_rules._registry import register

_GROUPS = ["Labour", "Conservative", "Liberal Democrat", "Independent", "Green"]


@st.composite
def _balances(draw: st.DrawFn) -> PoliticalBalance:
    groups = draw(st.lists(st.sampled_from(_GROUPS), unique=True, min_size=1, max_size=3))
    kind = draw(st.sampled_from(SEATED))
    if draw(st.booleans()):
        return PoliticalBalance({g: draw(st.integers(1, 4)) for g in groups}, member_class=kind)
    return PoliticalBalance(represented=groups, member_class=kind)


@st.composite
def _balanced(draw: st.DrawFn, rule: PoliticalBalance, *, broken: bool) -> Any:
    seats = dict(rule.seats_by_group) or {g: draw(st.integers(1, 3)) for g in rule.represented}
    if broken:
        group = draw(st.sampled_from(sorted(seats)))
        seats[group] = seats[group] + 1 if rule.seats_by_group else 0
    people: list[Member] = []
    for group, count in seats.items():
        people.extend(evolve(m, group=group) for m in members(
            rule.member_class, count, prefix=f"{group} member"))
    return roster(people)


def _satisfying(rule: PoliticalBalance, **context: Any) -> st.SearchStrategy[Any]:
    return _balanced(rule, broken=False)


def _violating(rule: PoliticalBalance, **context: Any) -> st.SearchStrategy[Any]:
    return _balanced(rule, broken=True)


STRATEGIES = register(PoliticalBalance, rules=_balances(), satisfies=_satisfying,
                      violates=_violating, judge=lambda rule, drawn: (rule.evaluate(drawn),))
