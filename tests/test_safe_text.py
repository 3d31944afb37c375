"""Control characters from data are written out, never shown raw."""

from __future__ import annotations

import unicodedata

from hypothesis import given, strategies as st

from corpparent.errors import Problem
from corpparent.safe_text import printable, printable_tree


def _controls(text: str) -> list[str]:
    """The characters a terminal may obey rather than show (Unicode category Cc, the
    line and paragraph separators, the bidirectional controls and marks)."""
    return [char for char in text if unicodedata.category(char) == "Cc"
            or char in "\u2028\u2029\u200e\u200f\u061c" or "\u202a" <= char <= "\u202e"
            or "\u2066" <= char <= "\u2069"]


@given(st.text())
def test_nothing_a_terminal_obeys_is_left(text: str) -> None:
    assert _controls(printable(text)) == []
    assert set(_controls(printable(text, lines=True))) <= {"\n", "\t"}


@given(st.text(alphabet=st.characters(exclude_categories=["Cc", "Zl", "Zp", "Cf"])))
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert printable(text) == text


def test_an_escape_sequence_is_shown_as_its_escape() -> None:
    assert printable("Wilt\x1b]0;owned\x07shire") == "Wilt\\x1b]0;owned\\x07shire"
    assert printable("a\nb") == "a\\x0ab"
    assert printable("a\nb", lines=True) == "a\nb"


def test_a_problem_from_data_is_one_line_without_escapes() -> None:
    problem = Problem("r.csv", "member Ann\x1b[2J\nLee is already recorded", line=3,
                      field="member")
    assert str(problem) == ("r.csv, line 3, field 'member': member Ann\\x1b[2J\\x0aLee is "
                            "already recorded")


def test_a_tree_of_values_is_made_printable_throughout() -> None:
    tree = {"name\x07": ["x\x1by", 3, None, {"k": "v\x9b"}]}
    assert printable_tree(tree) == {"name\\x07": ["x\\x1by", 3, None, {"k": "v\\x9b"}]}


def _plainly(data: object) -> object:
    """The rule written plainly: every string printable, keeping line feeds and tabs."""
    if isinstance(data, str):
        return printable(data, lines=True)
    if isinstance(data, dict):
        return {_plainly(key): _plainly(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(_plainly(item) for item in data)
    return data


_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_TREES = st.recursive(_LEAVES, lambda inner: st.lists(inner) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(), inner), max_leaves=30)


@given(_TREES, st.text())
def test_a_tree_is_made_printable_as_the_plain_rule_has_it(tree: object, repeated: str) -> None:
    # A text repeated through the tree, as a report repeats names, is escaped each time.
    tree = {repeated: [repeated, tree, {repeated: repeated}]}
    assert printable_tree(tree) == _plainly(tree)
    assert not _texts_with_controls(printable_tree(tree))


def _texts_with_controls(data: object) -> list[str]:
    if isinstance(data, str):
        return [data] if set(_controls(data)) - {"\n", "\t"} else []
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in (*_texts_with_controls(k),
                                                      *_texts_with_controls(v))]
    if isinstance(data, list | tuple):
        return [t for item in data for t in _texts_with_controls(item)]
    return []
