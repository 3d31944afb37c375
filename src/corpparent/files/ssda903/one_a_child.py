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
    taken = np.ones(len(children), dtype=bool)
    if refused:
        taken[list(refused)] = False
    rows = np.flatnonzero(taken)
    # Each child's code is its place among the children in the order they first come,
    # so a row is a child's first exactly where its code is above every code before it.
    chosen = children if not refused else children.filter(pa.array(taken))
    codes = np.asarray(chosen.dictionary_encode().indices, dtype=np.int64)
    first = np.ones(len(codes), dtype=bool)
    first[1:] = codes[1:] > np.maximum.accumulate(codes)[:-1]
    firsts = rows[first]  # by code
    return [(int(row), Problem(source, line=int(lines[row]), field=heading,
                               expected="one row a child",
                               found=f"a second row for the child of line "
                                     f"{int(lines[firsts[code]])}"))
            for row, code in zip(rows[~first].tolist(), codes[~first].tolist(), strict=True)]
