"""Strategies for the classes of member who may hold an office
([`OfficeHolders`][corpparent.governance.offices.OfficeHolders]): rosters whose holder of the
office is of one of them, or of another class."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.membership import MemberClass, Office
from corpparent.governance.offices import OfficeHolders
from corpparent.testing.panel_rules._people import SEATED, members, roster
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _held(draw: st.DrawFn, rule: OfficeHolders, *, wrong: bool) -> Any:
    allowed = list(rule.member_classes)
    classes = [k for k in MemberClass if (k in allowed) != wrong]
    holder = members(draw(st.sampled_from(classes)), 1, prefix="Holder")[0]
    others = [m for kind in SEATED for m in members(kind, draw(st.integers(0, 2)))]
    return roster([evolve(holder, office=rule.office), *others])


def _satisfying(rule: OfficeHolders, **context: Any) -> st.SearchStrategy[Any]:
    return _held(rule, wrong=False)


def _violating(rule: OfficeHolders, **context: Any) -> st.SearchStrategy[Any]:
    """A holder of a class the rule does not allow (a rule allowing every class has
    none to draw)."""
    return _held(rule, wrong=True)


STRATEGIES = register(
    OfficeHolders, rules=st.builds(OfficeHolders, st.sampled_from(list(Office)), st.lists(
        st.sampled_from(SEATED), unique=True, min_size=1, max_size=2)),
    satisfies=_satisfying, violates=_violating, judge=roster_findings)
