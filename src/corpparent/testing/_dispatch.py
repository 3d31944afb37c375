"""The two functions every rule's strategies are registered on:
[`satisfying`][corpparent.testing._dispatch.satisfying] and
[`violating`][corpparent.testing._dispatch.violating] (see
[`corpparent.testing.rules`][corpparent.testing.rules] for the table of rules).

They live apart from the strategies themselves so that each rule type's strategies
module (`corpparent.testing.panel_rules`) registers on them without importing the
others.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from hypothesis import strategies as st

__all__ = ["satisfying", "violating"]


@singledispatch
def satisfying(rule: object, **context: Any) -> st.SearchStrategy[Any]:
    """A strategy of inputs ``rule`` passes (see the table of
    [`corpparent.testing.rules`][corpparent.testing.rules]).

    ``context`` is what some rules are judged with: for an ``ObligationSet``, the
    ``period`` (default the 2022-23 financial year), ``meetings`` and ``events`` its
    triggers need.
    """
    raise TypeError(f"no strategy satisfies a {type(rule).__name__}")


@singledispatch
def violating(rule: object, **context: Any) -> st.SearchStrategy[Any]:
    """A strategy of inputs ``rule`` rejects (see the table of
    [`corpparent.testing.rules`][corpparent.testing.rules]); ``context`` as for
    [`satisfying`][corpparent.testing._dispatch.satisfying]."""
    raise TypeError(f"no strategy violates a {type(rule).__name__}")
