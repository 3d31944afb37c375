"""Units: one registry, conversions between units of one dimension, clear errors otherwise."""

from __future__ import annotations

from typing import Any

import pint
import pytest
from hypothesis import given, strategies as st

from corpparent import units
from corpparent.errors import UnitError

values = st.floats(min_value=0, max_value=1e6, allow_nan=False)


def test_percent_fraction_and_rates_are_one_dimension() -> None:
    assert units.convert(7, "%", "fraction") == pytest.approx(0.07)
    assert units.convert(39, "per 10,000", "per 100,000") == pytest.approx(390)
    assert units.convert(7, "percent", "per 10,000 children") == pytest.approx(700)


def test_a_count_is_not_a_percentage() -> None:
    with pytest.raises(UnitError, match=r"cannot convert children to %"):
        units.convert(461, "children", "%")


def test_unknown_unit_lists_the_accepted_spellings() -> None:
    with pytest.raises(UnitError, match=r"unknown unit 'bananas'.*'per 10,000'"):
        units.parse_unit("bananas")


def test_unit_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        units.parse_unit("furlongs per fortnight")


def test_labels_read_as_a_person_writes_them() -> None:
    assert units.unit_label("per_10k_children") == "per 10,000 children"
    assert units.unit_label("%") == "%"


def test_registry_is_built_once() -> None:
    assert units.registry() is units.registry()


def test_a_host_registry_gains_corpparent_units() -> None:
    original = units.registry()
    host: pint.UnitRegistry[Any] = pint.UnitRegistry()
    try:
        units.use_registry(host)
        assert units.registry() is host
        assert units.convert(5, "per_10k_children", "per_100k_children") == pytest.approx(50)
    finally:
        units.use_registry(original)


@given(values)
def test_round_trip_between_rate_bases(value: float) -> None:
    there = units.convert(value, "per 10,000", "per 100,000")
    assert units.convert(there, "per 100,000", "per 10,000") == pytest.approx(value)


@given(values, values)
def test_conversion_preserves_order(a: float, b: float) -> None:
    converted_a = units.convert(a, "%", "per 10,000")
    converted_b = units.convert(b, "%", "per 10,000")
    assert (a <= b) == (converted_a <= converted_b) or a == pytest.approx(b)
