"""What the checks of every workbook format share: how far a sheet may run, how a
place in it is named, and the wording of a workbook that cannot be read."""

from __future__ import annotations

import functools
from typing import Final

from corpparent.errors import DataError
from corpparent.files._tabular.limits import ReadLimits, over_limit

__all__ = ["HEADER_SEARCH_ROWS", "check_bounds", "column_letter", "place", "unreadable"]

#: How far down a sheet its table's header is looked for; so also how many rows a sheet
#: may hold beyond the ``rows`` bound (a title, notes, the header itself).
HEADER_SEARCH_ROWS: Final = 20


@functools.lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """The letters of the 0-based column ``index``: 0 is ``A``, 26 is ``AA``."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def unreadable(source: str, why: str, member: str | None = None) -> DataError:
    """The problem of a workbook that cannot be read, and why (in ``member`` of its
    zip, where one is at fault)."""
    return DataError.single(source, f"cannot read the workbook: {why}", field=member)


def place(sheet: str, row: int, column: int) -> str:
    """The cell at ``row`` and ``column`` (1-based) of ``sheet``: ``Readings!C14``."""
    return f"{sheet}!{column_letter(max(column, 1) - 1)}{max(row, 1)}"


def check_bounds(source: str, sheet: str, row: int, column: int, area_rows: int,
                 area_columns: int, limits: ReadLimits, what: str) -> None:
    """Refuse a sheet whose cell at ``row``, ``column`` (1-based) lies beyond the rows
    and columns bounds, or whose area from A1 holds more than ``cells``."""
    where = place(sheet, row, column)
    if row > limits.rows + HEADER_SEARCH_ROWS:
        raise over_limit(source, f"the sheet's {what} row", f"row {row:,}", "rows",
                         line=row, field=where)
    if column > limits.columns:
        raise over_limit(source, f"the sheet's {what} column", f"column {column:,}",
                         "columns", line=row, field=where)
    if area_rows * area_columns > limits.cells:
        raise over_limit(source, f"the sheet's area from A1 to its {what} cell",
                         f"{area_rows:,} rows of {area_columns:,} columns", "cells",
                         line=row, field=where)
