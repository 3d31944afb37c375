"""Strategies for substitutes appointed for each political group
([`SubstitutesAppointed`][corpparent.governance.composition.SubstitutesAppointed]): rosters with a
substitute of every group the class's members belong to, or with one group without."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.composition import SubstitutesAppointed
from corpparent.governance.membership import MemberClass
from corpparent.testing.panel_rules._people import SEATED, members, roster
from corpparent.testing.panel_rules._registry import register, roster_findings

_GROUPS = st.lists(st.sampled_from(["Labour", "Conservative", "Independent", "Green"]),
                   unique=True, min_size=1)


@st.composite
def _covered(draw: st.DrawFn, rule: SubstitutesAppointed, *, missing: bool) -> Any:
    groups = draw(_GROUPS)
    people = [evolve(m, group=draw(st.sampled_from(groups)))
              for m in members(rule.member_class, len(groups) + draw(st.integers(0, 3)))]
    people[:len(groups)] = [evolve(m, group=g) for m, g in zip(people, groups, strict=False)]
    covered = list(groups)
    if missing:
        covered.remove(draw(st.sampled_from(covered)))
    substitutes = [evolve(m, group=g) for m, g in zip(
        members(MemberClass.SUBSTITUTE, len(covered)), covered, strict=True)]
    return roster([*people, *substitutes])


def _satisfying(rule: SubstitutesAppointed, **context: Any) -> st.SearchStrategy[Any]:
    return _covered(rule, missing=False)


def _violating(rule: SubstitutesAppointed, **context: Any) -> st.SearchStrategy[Any]:
    return _covered(rule, missing=True)

STRATEGIES = register(SubstitutesAppointed,
                      rules=st.sampled_from(SEATED).map(SubstitutesAppointed),
                      satisfies=_satisfying, violates=_violating, judge=roster_findings)
