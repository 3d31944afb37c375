"""The tables of the SSDA903 return that hold one row a child: a second row refused.

The Header table holds each child's own details (sex, date of birth, ethnicity), one
row a child: the sector's validator of the return checks it ("Child should only exist
once in Header", its internal check INT32). A second row for a child would give the
engine two dates of birth or two sexes to choose between, silently: so each row after
the first for the same child is a problem of its line, field ``CHILD``, naming the line
of the first, never the identifier."""

from __future__ import annotations

from collections.abc import Set
from typing import Final

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from corpparent.errors import Problem

__all__ = ["ONE_A_CHILD", "repeated_children"]

#: The tables that hold one row a child.
ONE_A_CHILD: Final = frozenset({"Header"})


def repeated_children(source: str, lines: npt.NDArray[np.int64], heading: str,
                      children: pa.Array, refused: Set[int]) -> list[tuple[int, Problem]]:
    """The problem of each row, by row, whose child (``children``: the stripped
    identifiers, one a row) already has a row above it; rows already ``refused`` are
    passed over, so a child's one row with a problem leaves no second problem."""
    codes = np.asarray(children.dictionary_encode().indices, dtype=np.int64)
    taken = np.ones(len(codes), dtype=bool)
    if refused:
        taken[list(refused)] = False
    rows = np.flatnonzero(taken)  # the text is filled, so every row has a code
    _, at = np.unique(codes[rows], return_index=True)
    first_rows = rows[at]
    firsts = np.full(int(codes.max(initial=-1)) + 1, -1, dtype=np.int64)
    firsts[codes[first_rows]] = first_rows
    again = np.setdiff1d(rows, first_rows, assume_unique=True)
    return [(row, Problem(source, line=int(lines[row]), field=heading,
                          expected="one row a child",
                          found=f"a second row for the child of line "
                                f"{int(lines[firsts[codes[row]]])}"))
            for row in again.tolist()]
