"""Strategies for an attendance threshold
([`AttendanceThreshold`][corpparent.governance.attendance.AttendanceThreshold]): a year's record in
which every judged member attends at least the minimum share, or one in which every
judged member falls below it."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from corpparent.governance._fractions import ceil_of
from corpparent.governance.attendance import AttendanceThreshold
from corpparent.governance.constitution import Constitution
from corpparent.governance.membership import Member, MemberClass
from corpparent.governance.seats import Seats
from corpparent.testing.panel_rules._registry import register
from corpparent.testing.values import panel_records


def _judged(rule: AttendanceThreshold, member: Member) -> bool:
    return not rule.member_classes or member.member_class in rule.member_classes


def _seated(rule: AttendanceThreshold, context: dict[str, Any]) -> Constitution | None:
    """The constitution given, else one seating two members of each class ``rule``
    judges (or, judging every class, the default three core councillors)."""
    given = context.get("constitution")
    if given is not None or not rule.member_classes:
        return given
    return Constitution("the panel", seats=[Seats(kind, 2) for kind in rule.member_classes])


def _satisfying(rule: AttendanceThreshold, **context: Any) -> st.SearchStrategy[Any]:
    def enough(member: Member, held: int) -> st.SearchStrategy[int]:
        return st.integers(ceil_of(rule.minimum, held) if _judged(rule, member) else 0, held)

    return panel_records(_seated(rule, context), attended=enough)


def _violating(rule: AttendanceThreshold, **context: Any) -> st.SearchStrategy[Any]:
    """Every judged member attends fewer meetings than the rule asks of them (a
    constitution given must seat a class the rule judges)."""
    def too_few(member: Member, held: int) -> st.SearchStrategy[int]:
        if not _judged(rule, member):
            return st.integers(0, held)
        return st.integers(0, ceil_of(rule.minimum, held) - 1)

    return panel_records(_seated(rule, context), attended=too_few)


STRATEGIES = register(
    AttendanceThreshold, rules=st.builds(
        AttendanceThreshold, st.fractions(min_value=Fraction(1, 20), max_value=1),
        st.lists(st.sampled_from([MemberClass.CORE_COUNCILLOR, MemberClass.CO_OPTED,
                                  MemberClass.ASSOCIATE]), unique=True, max_size=2)),
    satisfies=_satisfying, violates=_violating)
