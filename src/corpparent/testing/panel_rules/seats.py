"""Strategies for seats ([`Seats`][corpparent.governance.seats.Seats]) and the seat limit
they imply ([`SeatLimit`][corpparent.governance.composition.SeatLimit]): rosters within the
seats, every named post filled, or over them by one to three members."""

from __future__ import annotations

from typing import Any

from attrs import evolve
from hypothesis import strategies as st

from corpparent.governance.composition import SeatLimit
from corpparent.governance.membership import MemberClass
from corpparent.governance.seats import Seats
from corpparent.testing.panel_rules._people import SEATED, members, roster, texts
from corpparent.testing.panel_rules._registry import register, roster_findings


@st.composite
def _seats(draw: st.DrawFn) -> Seats:
    count = draw(st.integers(1, 10))
    roles = draw(st.lists(texts, unique=True, max_size=min(count, 3)))
    return Seats(draw(st.sampled_from(SEATED)), count, roles, draw(st.booleans()))


def _others(draw: st.DrawFn, besides: MemberClass) -> list[Any]:
    kinds = [k for k in MemberClass if k is not besides]
    return [m for kind in draw(st.lists(st.sampled_from(kinds), unique=True, max_size=2))
            for m in members(kind, draw(st.integers(0, 3)))]


@st.composite
def _filled(draw: st.DrawFn, rule: Seats, *, over: bool) -> Any:
    if over:
        count = rule.count + draw(st.integers(1, 3))
    else:
        count = rule.count if rule.exact else draw(st.integers(len(rule.roles), rule.count))
    people = list(members(rule.member_class, count))
    for index, role in enumerate(rule.roles):
        people[index] = evolve(people[index], role=role)
    return roster([*people, *_others(draw, rule.member_class)])


def _satisfying(rule: Seats, **context: Any) -> st.SearchStrategy[Any]:
    return _filled(rule, over=False)


def _violating(rule: Seats, **context: Any) -> st.SearchStrategy[Any]:
    return _filled(rule, over=True)


def _limit(rule: SeatLimit) -> Seats:
    return Seats(rule.member_class, rule.seats, exact=rule.exact)


def _limit_satisfying(rule: SeatLimit, **context: Any) -> st.SearchStrategy[Any]:
    return _filled(_limit(rule), over=False)


def _limit_violating(rule: SeatLimit, **context: Any) -> st.SearchStrategy[Any]:
    return _filled(_limit(rule), over=True)


SEATS = register(Seats, rules=_seats(), satisfies=_satisfying, violates=_violating,
                 judge=roster_findings)
SEAT_LIMITS = register(
    SeatLimit, rules=st.builds(SeatLimit, st.sampled_from(list(MemberClass)),
                               st.integers(1, 12), st.booleans()),
    satisfies=_limit_satisfying, violates=_limit_violating,
    judge=lambda rule, drawn: (rule.evaluate(drawn),))
