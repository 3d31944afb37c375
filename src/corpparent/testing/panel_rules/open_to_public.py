"""Strategies for meetings open to the public
(`OpenToPublic`): meetings open to the public whose
private items each give their exempt information, or meetings held in private or with an
item taken in private for no stated reason."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from corpparent.governance.meetings import Meeting, PrivateItem, Sitting
from corpparent.governance.public import OpenToPublic
from corpparent.testing.panel_rules._people import DAY, roster
from corpparent.testing.panel_rules._registry import register


def _items(explained: bool) -> st.SearchStrategy[list[PrivateItem]]:
    paragraph = st.integers(1, 7) if explained else st.none()
    return st.lists(st.builds(PrivateItem, st.integers(1, 12), paragraph), max_size=3)


@st.composite
def _sitting(draw: st.DrawFn, *, open_: bool) -> Sitting:
    if open_:
        meeting = Meeting(DAY, present=(), in_public=True, private_items=draw(_items(True)))
    elif draw(st.booleans()):
        meeting = Meeting(DAY, present=(), in_public=False, private_items=draw(_items(True)))
    else:
        items = [*draw(_items(True)), *draw(_items(False).filter(bool))]
        meeting = Meeting(DAY, present=(), in_public=draw(st.booleans() | st.none()),
                          private_items=items)
    return Sitting(meeting, roster(()))


def _satisfying(rule: OpenToPublic, **context: Any) -> st.SearchStrategy[Any]:
    return _sitting(open_=True)


def _violating(rule: OpenToPublic, **context: Any) -> st.SearchStrategy[Any]:
    return _sitting(open_=False)


STRATEGIES = register(OpenToPublic, rules=st.just(OpenToPublic()), satisfies=_satisfying,
                      violates=_violating, judge=lambda rule, drawn: (rule.evaluate(drawn),))
