"""Strategies for a quorum ([`Quorum`][corpparent.governance.quorum.Quorum], and the
fraction of a class it is most often made of,
[`ClassQuorum`][corpparent.governance.quorum.ClassQuorum]): quorate and inquorate sittings,
their seats all filled."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from corpparent.governance.quorum import ClassQuorum, Quorum
from corpparent.testing import governance_strategies as governance
from corpparent.testing._dispatch import satisfying, violating
from corpparent.testing.panel_rules._registry import register


def _quorate(rule: ClassQuorum, **context: Any) -> st.SearchStrategy[Any]:
    return governance.quorate_sittings(rule)


def _inquorate(rule: ClassQuorum, **context: Any) -> st.SearchStrategy[Any]:
    return governance.inquorate_sittings(rule)


def _satisfying(rule: Quorum, **context: Any) -> st.SearchStrategy[Any]:
    return satisfying(rule.requirement, **context)


def _violating(rule: Quorum, **context: Any) -> st.SearchStrategy[Any]:
    return violating(rule.requirement, **context)


CLASS_QUORUMS = register(ClassQuorum, rules=governance.class_quorums(), satisfies=_quorate,
                         violates=_inquorate)
QUORUMS = register(Quorum, rules=governance.class_quorums().map(Quorum),
                   satisfies=_satisfying, violates=_violating)
