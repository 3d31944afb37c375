"""A period may be given as itself or in its written form wherever the Python API takes
one from a caller; anything else is a clear error, never a silent empty answer (the
benchmark's findings for ``'2023-24'`` were none at all, as no period equals a text)."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, strategies as st

from corpparent.dfe.benchmark import Benchmarking
from corpparent.errors import PeriodError
from corpparent.files import read_benchmarking
from corpparent.periods import FinancialQuarter, FinancialYear, Month, Period, period_given
from national_data import NATIONAL_DATA

periods = st.one_of(
    st.builds(FinancialYear, st.integers(1990, 2100)),
    st.builds(FinancialQuarter, st.integers(1990, 2100), st.integers(1, 4)),
    st.builds(Month, st.integers(1990, 2100), st.integers(1, 12)))


@given(periods)
def test_a_period_and_its_written_form_are_the_same_period(period: Period) -> None:
    assert period_given(period) is period
    assert period_given(str(period)) == period


@pytest.mark.parametrize("given_as", [2024, 2024.0, None, ("2024-25",)])
def test_anything_else_is_refused_saying_what_a_period_is(given_as: object) -> None:
    with pytest.raises(PeriodError, match=r"expected a period, such as FinancialYear\(2024\)"):
        period_given(given_as)  # type: ignore[arg-type]


@cache
def _bench() -> Benchmarking:
    return read_benchmarking(NATIONAL_DATA)


@pytest.mark.national_data
def test_the_benchmark_takes_a_year_written_as_text() -> None:
    bench = _bench()
    assert bench.benchmark("Wiltshire", "placements_3plus", "2024-25") == bench.benchmark(
        "Wiltshire", "placements_3plus", FinancialYear(2024))
    written = bench.findings("Wiltshire", "2023-24")
    assert written
    assert written == bench.findings("Wiltshire", FinancialYear(2023))


@pytest.mark.national_data
def test_the_benchmark_refuses_a_bare_number_for_a_year() -> None:
    with pytest.raises(PeriodError, match="not 2024"):
        _bench().benchmark("Wiltshire", "placements_3plus", 2024)  # type: ignore[arg-type]
