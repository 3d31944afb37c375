"""Strategies for the conditions on which a substitute counts
([`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms]): sittings whose substitute
is the named reserve of the member replaced, noted at the start, or one that fails a
condition. Terms with neither condition let every substitution count, so have no
violating sitting."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.meetings import Meeting, Sitting, Substitution
from corpparent.governance.membership import MemberClass
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.testing.panel_rules._people import DAY, members, roster
from corpparent.testing.panel_rules._registry import register


@st.composite
def _sitting(draw: st.DrawFn, rule: SubstitutionTerms, *, failing: bool) -> Sitting:
    people = members(MemberClass.CORE_COUNCILLOR, draw(st.integers(2, 5)))
    absent, other = people[0], people[1]
    reserve_for = absent.name
    noted: bool | None = True
    if failing:
        failures = [f for f, on in (("named", rule.named_member_only),
                                    ("noted", rule.noted_at_start)) if on]
        if not failures:
            raise ValueError(f"{rule.describe()}: no substitution fails these terms")
        if draw(st.sampled_from(failures)) == "named":
            reserve_for = other.name
        else:
            noted = False  # not recorded (None) is insufficient data, not a breach
    reserve = evolve(members(MemberClass.SUBSTITUTE, 1)[0], reserve_for=reserve_for)
    meeting = Meeting(DAY, present=tuple(m.name for m in people[1:]),
                      substitutions=(Substitution(reserve.name, absent.name,
                                                  noted_at_start=noted),))
    return Sitting(meeting, roster([*people, reserve]))


def _satisfying(rule: SubstitutionTerms, **context: Any) -> st.SearchStrategy[Any]:
    return _sitting(rule, failing=False)


def _violating(rule: SubstitutionTerms, **context: Any) -> st.SearchStrategy[Any]:
    return _sitting(rule, failing=True)


STRATEGIES = register(
    SubstitutionTerms, rules=st.builds(SubstitutionTerms, st.booleans(), st.booleans(),
                                       st.booleans()).filter(
        lambda t: t.named_member_only or t.noted_at_start),
    satisfies=_satisfying, violates=_violating)
