"""Strategies for a lead for every strategic priority
([`PrioritiesHaveLeads`][corpparent.governance.composition.PrioritiesHaveLeads]): rosters in which a
serving member leads each priority, or in which one priority has no lead."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from corpparent.governance.composition import PrioritiesHaveLeads
from corpparent.governance.membership import MemberClass, PriorityLead
from corpparent.testing.panel_rules._people import members, roster, texts
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _led(draw: st.DrawFn, rule: PrioritiesHaveLeads, *, unled: bool) -> Any:
    people = members(MemberClass.CORE_COUNCILLOR, draw(st.integers(1, 5)))
    led = list(rule.priorities)
    if unled:
        led.remove(draw(st.sampled_from(led)))
    leads = [PriorityLead(p, draw(st.sampled_from(people)).name) for p in led]
    return roster(people, leads)


def _satisfying(rule: PrioritiesHaveLeads, **context: Any) -> st.SearchStrategy[Any]:
    return _led(rule, unled=False)


def _violating(rule: PrioritiesHaveLeads, **context: Any) -> st.SearchStrategy[Any]:
    return _led(rule, unled=True)


STRATEGIES = register(
    PrioritiesHaveLeads, rules=st.lists(texts, unique=True, min_size=1, max_size=4
                                        ).map(PrioritiesHaveLeads),
    satisfies=_satisfying, violates=_violating, judge=roster_findings)
