"""Choosing a benchmark's periods on typed data: each measure's latest, asked or all."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpparent.benchmarking.periods import Published, chosen_periods, latest_periods
from corpparent.periods import AcademicYear, FinancialYear

ITEMS = [
    Published("LAC_LongStable%", "2023", FinancialYear(2022)),
    Published("LAC_LongStable%", "2025", FinancialYear(2024)),
    Published("LAC_LongStable%", "2024", FinancialYear(2023)),
    Published("KS4_A8", "2023/24", AcademicYear(2023)),
    Published("KS4_A8", "2022/23", AcademicYear(2022)),
]


def test_each_measures_latest_period_by_the_periods_order() -> None:
    assert chosen_periods(ITEMS) == [ITEMS[1], ITEMS[3]]


def test_periods_asked_for_by_label_or_as_written() -> None:
    assert chosen_periods(ITEMS, ["2024"]) == [ITEMS[2]]
    assert chosen_periods(ITEMS, ["2023-24"]) == [ITEMS[2]]
    assert chosen_periods(ITEMS, ["AY 2022/23", "2025"]) == [ITEMS[1], ITEMS[4]]
    assert chosen_periods(ITEMS, ["1999"]) == []


def test_every_period() -> None:
    assert chosen_periods(ITEMS, every=True) == ITEMS


@given(st.lists(st.tuples(st.sampled_from("ABC"), st.integers(2010, 2030)), min_size=1))
def test_the_latest_is_never_earlier_than_any_other(pairs: list[tuple[str, int]]) -> None:
    items = [Published(m, str(year + 1), FinancialYear(year)) for m, year in pairs]
    latest = latest_periods(items)
    assert set(latest) == {m for m, _ in pairs}
    for item in items:
        assert latest[item.measure].period >= item.period
