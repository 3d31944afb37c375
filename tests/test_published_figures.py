"""A figure already written to its published places is kept as it is without being
worked out again: the same number, to the bit, as rounding it to those places gives."""

from __future__ import annotations

import math
import struct
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import example, given, settings, strategies as st

from corpparent.report.benchmark import published_figure


def rounded(value: float, places: int) -> float:
    """The DfE's rule worked out in full, for every figure: the number as written,
    rounded to ``places`` with fives away from zero."""
    shown = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return float(shown) + 0.0


def bits(value: float) -> bytes:
    return struct.pack("<d", value)


#: Figures as a published file writes them (few decimal places), and any float at all.
written = st.builds(lambda whole, places: whole / 10**places,
                    st.integers(-10**14, 10**14), st.integers(0, 6))
figures = st.one_of(written, st.floats(allow_nan=False, allow_infinity=False,
                                       min_value=-1e15 + 1, max_value=1e15 - 1))


@settings(max_examples=400, deadline=None)
@given(figures, st.integers(0, 12))
@example(2.675, 2)
@example(63.5, 1)
@example(-0.0, 0)
@example(1e-05, 6)
@example(98.71000000000001, 2)
@example(123456789012345.6, 12)
def test_a_figure_kept_as_written_is_the_figure_rounded(value: float, places: int) -> None:
    assert bits(published_figure(value, places)) == bits(rounded(value, places))


def test_the_figures_left_as_they_are_are_left_alone() -> None:
    assert published_figure(1e15, 2) == 1e15
    assert math.isnan(published_figure(math.nan, 2))
