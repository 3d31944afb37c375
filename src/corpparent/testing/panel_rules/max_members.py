"""Strategies for the most members a panel may have
([`MaximumSize`][corpparent.governance.composition.MaximumSize]): rosters of at most the limit
among the classes it counts, or over it by one to three."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from corpparent.governance._roster import SEATED
from corpparent.governance.composition import MaximumSize
from corpparent.governance.membership import MemberClass
from corpparent.testing.panel_rules._people import members, roster
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _sized(draw: st.DrawFn, rule: MaximumSize, *, over: bool) -> Any:
    classes = rule.member_classes or SEATED
    size = rule.limit + draw(st.integers(1, 3)) if over else draw(st.integers(0, rule.limit))
    counts = dict.fromkeys(classes, 0)
    for _ in range(size):
        counts[draw(st.sampled_from(list(classes)))] += 1
    others = [k for k in MemberClass if k not in classes]
    extra = {kind: draw(st.integers(0, 3)) for kind in draw(st.lists(
        st.sampled_from(others), unique=True, max_size=2))} if others else {}
    return roster(m for kind, count in {**counts, **extra}.items()
                  for m in members(kind, count))


def _satisfying(rule: MaximumSize, **context: Any) -> st.SearchStrategy[Any]:
    return _sized(rule, over=False)


def _violating(rule: MaximumSize, **context: Any) -> st.SearchStrategy[Any]:
    return _sized(rule, over=True)


STRATEGIES = register(
    MaximumSize, rules=st.builds(MaximumSize, st.integers(1, 25), st.lists(
        st.sampled_from(list(MemberClass)), unique=True, max_size=2)),
    satisfies=_satisfying, violates=_violating, judge=roster_findings)
