"""Hypothesis strategies for corpparent's value types, for property tests.

Each rule family has a strategy that produces valid inputs; strategies for invalid
inputs sit beside them where a property needs one. Users testing their own indicator
sets can draw from these too.
"""

from __future__ import annotations

from hypothesis import strategies as st

from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import (
    CalendarYear,
    FinancialQuarter,
    FinancialYear,
    Month,
    MunicipalYear,
    Period,
)
from corpparent.ranges import ExpectedRange

__all__ = [
    "expected_ranges",
    "finite_values",
    "indicators",
    "months",
    "periods",
    "polarities",
    "quarters",
]

years = st.integers(min_value=1990, max_value=2100)
months = st.builds(Month, years, st.integers(min_value=1, max_value=12))
quarters = st.builds(FinancialQuarter, years, st.integers(min_value=1, max_value=4))
periods: st.SearchStrategy[Period] = st.one_of(
    months,
    quarters,
    st.builds(FinancialYear, years),
    st.builds(MunicipalYear, years),
    st.builds(CalendarYear, years),
)
polarities = st.sampled_from(Polarity)
finite_values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)

_identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


@st.composite
def indicators(draw: st.DrawFn, kind: Kind | None = None) -> Indicator:
    """An indicator of ``kind`` (any kind when ``None``) with any polarity."""
    chosen = draw(st.sampled_from(Kind)) if kind is None else kind
    return Indicator(
        id=draw(_identifiers),
        name=draw(st.text(min_size=1, max_size=30)),
        kind=chosen,
        polarity=draw(polarities),
        domain=draw(st.sampled_from(["Stability", "Health", "Education"])),
    )


@st.composite
def expected_ranges(
    draw: st.DrawFn, indicator: str = "indicator", period: Period | None = None
) -> ExpectedRange:
    """A valid range (lower <= upper) for ``indicator``."""
    a = draw(finite_values)
    b = draw(finite_values)
    return ExpectedRange(
        indicator,
        min(a, b),
        max(a, b),
        period if period is not None else draw(st.builds(FinancialYear, years)),
    )
