"""The words `authorities show` gives each rule type say all the rule declares: two
rules of a type that a plug-in file would write differently read differently, every
rule has words of its own, and a profile declaring any rule reads back from its JSON."""

from __future__ import annotations

import types
import typing
from enum import Enum
from fractions import Fraction
from typing import Any, Union

import attrs
import pytest
from hypothesis import assume, given, settings, strategies as st

from corpparent.cli import terms_text
from corpparent.cli.terms_text import rule_line, terms_lines
from corpparent.errors import CorpparentError
from corpparent.files.plugin.reader import profile_from_json
from corpparent.files.plugin.rules import Context, codec_for
from corpparent.files.plugin.writer import profile_to_json
from corpparent.governance import Constitution
from corpparent.governance.declared import RuleType, rule_types
from corpparent.governance.terms import ReportingLine
from corpparent.profile import AuthorityProfile
from corpparent.testing.panel_rules import strategies_for

TYPES = [t for t in rule_types() if strategies_for(t.rule) is not None]


def _without_sources(value: Any) -> Any:
    """What a plug-in file writes of a rule, but its sources (which ``show`` leaves to
    the file and the JSON form)."""
    if isinstance(value, dict):
        return {k: _without_sources(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [_without_sources(v) for v in value]
    return value


_TEXTS = st.sampled_from(["Corporate Director", "Full Council", "Labour", "Conservative",
                          "Virtual School Headteacher"])


def _values(hint: Any) -> st.SearchStrategy[Any]:
    """Values of a rule field's type, for the fields a rule type's own strategy leaves at
    their defaults (whether a seat is ex officio, a part's voting members...)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(0, 30)
    if hint is str:
        return _TEXTS
    if hint is Fraction:
        return st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)])
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if _values(args[0]).is_empty:  # values of a class of its own: none but empty
            return st.just(())
        return st.lists(_values(args[0]), unique=True, max_size=3).map(tuple)
    if origin is tuple:
        return st.tuples(*(_values(a) for a in args))
    if origin in (Union, types.UnionType):
        return st.one_of([_values(a) for a in args])
    if hint is type(None):
        return st.none()
    return st.nothing()


def declared(rule: object) -> Any:
    return _without_sources(codec_for(rule).write((rule,), Context()))


def test_every_rule_type_has_strategies() -> None:
    assert {t.key for t in TYPES} == {t.key for t in rule_types()}


@pytest.mark.parametrize("kind", TYPES, ids=lambda t: t.key)
@settings(max_examples=60)
@given(data=st.data())
def test_rules_a_file_tells_apart_read_apart(kind: RuleType, data: st.DataObject) -> None:
    strategies = strategies_for(kind.rule)
    assert strategies is not None
    first, other = data.draw(strategies.rules), data.draw(strategies.rules)
    # The second rule differs from the first in one field at most, so that a field the
    # words leave out is found even where other fields (a name) differ at every draw;
    # the field's new value is drawn by its type, or taken from another drawn rule.
    hints = typing.get_type_hints(kind.rule)
    names = [f.name for f in attrs.fields(kind.rule) if f.init and f.name != "source"]
    name = data.draw(st.sampled_from(names))
    value = data.draw(_values(hints[name]) | st.just(getattr(other, name)))
    try:
        second = attrs.evolve(first, **{name: value})
    except CorpparentError:
        assume(False)
    if declared(first) != declared(second):
        assert rule_line(first) != rule_line(second)


@pytest.mark.parametrize("kind", TYPES, ids=lambda t: t.key)
@settings(max_examples=30)
@given(data=st.data())
def test_each_rule_is_shown_on_a_line_of_its_own(kind: RuleType, data: st.DataObject) -> None:
    strategies = strategies_for(kind.rule)
    assert strategies is not None
    rule = data.draw(strategies.rules)
    constitution = Constitution("Testshire Corporate Parenting Panel", [rule])
    lines = terms_lines(constitution)
    assert f"  {rule_line(rule)}" in lines
    assert not rule_line(rule).startswith(f"{kind.key}:")  # words, not the file's key
    profile = AuthorityProfile("testshire", "Testshire", constitution=constitution)
    assert profile_from_json(profile_to_json(profile)) == profile


def test_a_rule_with_no_words_of_its_own_is_shown_by_its_describe_and_its_key(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A council's own rule type, which ``show`` has no words for, is still shown: by its
    own ``describe()`` (or name), under its key."""
    monkeypatch.delitem(terms_text._WORDS, ReportingLine)
    line = ReportingLine("County Council", "accountable to")
    assert rule_line(line) == ("reporting_lines: accountable to County Council; no deadline "
                               "or cadence stated")
