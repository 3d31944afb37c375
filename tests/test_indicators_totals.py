"""Indicators declared as the sum of others: the declaration an equation can use."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from corpparent import DefinitionError, Indicator, IndicatorSet, Kind, Polarity


def _count(id_: str, *parts: str) -> Indicator:
    return Indicator(id_, id_, Kind.COUNT, Polarity.LOWER_IS_BETTER, parts=parts)


def test_wiltshire_missing_episodes_are_in_county_and_out_of_county() -> None:
    # 002 §46: 71 children in care had a missing episode in 2022-23 Q4, 47 placed in
    # county and 24 out of county.
    total = _count("missing_episode", "missing_in_county", "missing_out_of_county")
    indicators = IndicatorSet([total, _count("missing_in_county"),
                               _count("missing_out_of_county")])
    assert indicators.totals == (
        ("missing_episode", ("missing_in_county", "missing_out_of_county")),)


@pytest.mark.parametrize(("indicators", "message"), [
    ([_count("all", "a")], "sum of 'a', which names no indicator"),
    ([_count("all", "a", "a"), _count("a")], "names 'a' twice"),
    ([_count("all", "all")], "is a part of itself: all -> all"),
    ([_count("a", "b"), _count("b", "a")], "is a part of itself: a -> b -> a"),
    ([_count("all", "share"), Indicator("share", "Share", Kind.PERCENTAGE,
                                         Polarity.NEUTRAL)],
     "only counts in the same unit add up: children and %"),
])
def test_unusable_parts_are_refused(indicators: list[Indicator], message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        IndicatorSet(indicators)


@st.composite
def trees(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    """Indicators i0..in, each the sum of some later ones: a declaration with no cycle."""
    size = draw(st.integers(1, 8))
    return [(f"i{n}", draw(st.lists(st.sampled_from([f"i{m}" for m in range(n + 1, size)]),
                                    unique=True)) if n + 1 < size else [])
            for n in range(size)]


@given(trees(), st.data())
def test_a_declaration_is_refused_exactly_when_it_has_a_cycle(
    declared: list[tuple[str, list[str]]], data: st.DataObject
) -> None:
    IndicatorSet([_count(id_, *parts) for id_, parts in declared])
    ids = [id_ for id_, _ in declared]
    low = data.draw(st.integers(0, len(ids) - 1))
    high = data.draw(st.integers(low, len(ids) - 1))
    reaches = _reaches(declared, ids[low], ids[high])
    back = [(id_, [*parts, ids[low]] if id_ == ids[high] and ids[low] not in parts else parts)
            for id_, parts in declared]
    if reaches or low == high:
        with pytest.raises(DefinitionError, match="is a part of itself"):
            IndicatorSet([_count(id_, *parts) for id_, parts in back])
    else:
        IndicatorSet([_count(id_, *parts) for id_, parts in back])


def _reaches(declared: list[tuple[str, list[str]]], start: str, goal: str) -> bool:
    parts = dict(declared)
    seen, frontier = set(), [start]
    while frontier:
        current = frontier.pop()
        if current == goal:
            return True
        seen.add(current)
        frontier.extend(p for p in parts[current] if p not in seen)
    return False
