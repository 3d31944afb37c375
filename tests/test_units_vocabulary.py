"""Units written in data come from a closed vocabulary: nothing is evaluated."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from corpparent import units
from corpparent.errors import UnitError

# Each text below is a pint expression that the pint parser would evaluate (to an
# error, or to another unit): none is a spelling of a unit corpparent knows.
EXPRESSIONS = ["**", "\x00", "(", "1/0", "child**0", "%%", "percent**0.5", "percent * 2",
               "per_10k_children / child", "__import__('os')", "2 * percent", "meter"]


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_an_expression_is_an_unknown_unit_not_evaluated(text: str) -> None:
    with pytest.raises(UnitError, match="unknown unit"):
        units.parse_unit(text)


def test_a_long_cell_is_refused_before_any_lookup() -> None:
    with pytest.raises(UnitError, match="100,000 characters"):
        units.parse_unit("(" * 100_000)


@pytest.mark.parametrize(("text", "name"), [
    ("%", "percent"), ("Percent", "percent"), ("per  10,000", "per_10k_children"),
    ("per 100k", "per_100k_children"), ("Children", "child"), ("fraction", "dimensionless"),
    ("per_10k_children", "per_10k_children"), ("weeks", "week"),
])
def test_accepted_spellings_name_a_known_unit(text: str, name: str) -> None:
    assert units.unit_name(text) == name
    assert str(units.parse_unit(text)) == name


@given(st.text(max_size=80))
def test_any_text_is_a_known_unit_or_a_unit_error(text: str) -> None:
    try:
        name = units.unit_name(text)
    except UnitError:
        return
    assert name in units.KNOWN_UNITS
