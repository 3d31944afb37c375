"""Hypothesis strategies for whole synthetic SSDA903 returns: invented children's
histories of care over several collection years
(`corpparent.ssda903.synthetic`), drawn from a seed
hypothesis chooses, so a failing example shrinks to a seed and a size that can be
written again with ``corpparent ssda903 synthesise``.

[`synthetic_returns`][corpparent.testing.ssda903_synthetic.synthetic_returns] gives the
histories ([`Synthetic`][corpparent.ssda903.Synthetic]), whose ``csv(year)`` are
the tables of a year's return;
`corpparent.files.ssda903.writer.write_returns`
writes them as folders the reader and the DfE's validator read. For single years' returns
built in memory, see [`corpparent.testing.ssda903`][corpparent.testing.ssda903].

Importing this module needs hypothesis; ``import corpparent`` never imports it.
"""

from __future__ import annotations

from hypothesis import strategies as st

from corpparent.periods import FinancialYear
from corpparent.ssda903.synthetic import Synthetic, synthesise

__all__ = ["synthetic_returns"]


@st.composite
def synthetic_returns(draw: st.DrawFn, children: int = 40, years: int = 3,
                      last: FinancialYear | str = "2025-26") -> Synthetic:
    """Up to ``children`` invented children over 1 to ``years`` collection years ending
    with ``last``, from a seed drawn by hypothesis."""
    return synthesise(draw(st.integers(1, children)), draw(st.integers(1, years)),
                      draw(st.integers(0, 2**32 - 1)), last=last)

