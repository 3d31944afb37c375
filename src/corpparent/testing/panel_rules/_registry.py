"""The strategies of each rule type a constitution may declare, registered once.

A rule type's strategies module calls `register` once: it gives a strategy of
rules of the type, the strategies of inputs a rule passes and rejects (registered on
[`satisfying`][corpparent.testing.rules.satisfying] and
[`violating`][corpparent.testing.rules.violating]), and how an input is judged. The property
every rule type then holds, tested for each, is that nothing a satisfying draw is
judged to be is a breach or a warning, and something a violating draw is judged to be
is. `incomplete` names each declared rule type that lacks a codec for the
plug-in file or these strategies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from attrs import frozen
from hypothesis import strategies as st

from corpparent.files.plugin.rules import codec
from corpparent.findings import Finding, Status
from corpparent.governance.declared import rule_types
from corpparent.testing._dispatch import satisfying, violating

__all__ = ["FAULTS", "RuleStrategies", "faults", "incomplete", "register", "strategies_for"]

#: The statuses a violating input must give, and a satisfying one must not.
FAULTS = frozenset({Status.BREACHED, Status.WARNING})

Strategy = Callable[..., st.SearchStrategy[Any]]


def _findings(rule: Any, drawn: Any) -> Iterable[Finding]:
    found: Iterable[Finding] = rule.findings(drawn)
    return found


def roster_findings(rule: Any, drawn: Any) -> Iterable[Finding]:
    """The findings of each of ``rule``'s roster rules on the roster ``drawn``."""
    return tuple(part.evaluate(drawn) for part in rule.roster_rules())


@frozen
class RuleStrategies:
    """The strategies of one rule class: ``rules`` draws rules of it, ``judge`` gives
    the findings of a rule on an input drawn for it."""

    rule: type
    rules: st.SearchStrategy[Any]
    judge: Callable[[Any, Any], Iterable[Finding]]


_REGISTERED: dict[type, RuleStrategies] = {}


def register(rule: type, *, rules: st.SearchStrategy[Any], satisfies: Strategy,
             violates: Strategy,
             judge: Callable[[Any, Any], Iterable[Finding]] = _findings) -> RuleStrategies:
    """Register the strategies of ``rule`` (once, from its strategies module)."""
    satisfying.register(rule)(satisfies)
    violating.register(rule)(violates)
    found = RuleStrategies(rule, rules, judge)
    _REGISTERED[rule] = found
    return found


def strategies_for(rule: type) -> RuleStrategies | None:
    """The strategies registered for the rule class ``rule``, if any."""
    return _REGISTERED.get(rule)


def faults(rule: object, drawn: object) -> list[Finding]:
    """The findings of ``rule`` on ``drawn`` that are breaches or warnings."""
    found = strategies_for(type(rule))
    if found is None:
        raise TypeError(f"no strategies are registered for a {type(rule).__name__}")
    return [f for f in found.judge(rule, drawn) if f.status in FAULTS]


def incomplete() -> dict[str, list[str]]:
    """Each declared rule type that lacks a codec or strategies, with what it lacks."""
    lacking: dict[str, list[str]] = {}
    for kind in rule_types():
        missing = [what for what, there in (
            ("a codec", codec(kind.key) is not None),
            ("strategies", kind.rule in _REGISTERED)) if not there]
        if missing:
            lacking[kind.key] = missing
    return lacking
