"""The two functions every rule's strategies are registered on: :func:`satisfying` and
:func:`violating` (see :mod:`corpparent.testing.rules` for the table of rules).

They live apart from the strategies themselves so that each rule type's strategies
module (:mod:`corpparent.testing.panel_rules`) registers on them without importing the
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
    :mod:`corpparent.testing.rules`).

    ``context`` is what some rules are judged with: for an ``ObligationSet``, the
    ``period`` (default the 2022-23 financial year), ``meetings`` and ``events`` its
    triggers need.
    """
    raise TypeError(f"no strategy satisfies a {type(rule).__name__}")


@singledispatch
def violating(rule: object, **context: Any) -> st.SearchStrategy[Any]:
    """A strategy of inputs ``rule`` rejects (see the table of
    :mod:`corpparent.testing.rules`); ``context`` as for :func:`satisfying`."""
    raise TypeError(f"no strategy violates a {type(rule).__name__}")
