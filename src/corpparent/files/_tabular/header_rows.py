"""Where a table's header is among the first rows of a sheet or a CSV file, and which
rows above it cannot be left unread.

A council's sheet, and the CSV file saved from it, often opens with a title and a
line of notes above the table. The header is the first of the first
`HEADER_SEARCH_ROWS` rows holding every column wanted (each heading read as the
reader maps it), or, where any columns will do, the first of those rows with the most
cells filled. The rows above it are skipped only where they look like a title or
notes: a row filling two or more cells, and at least half as many as the header does,
looks like the table's own (a first header with a misspelt column would otherwise make
the table start lower down and lose every row between), and is reported as a problem
(`stray_rows`), never dropped unseen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from corpparent.files._tabular.sheet_bounds import HEADER_SEARCH_ROWS

__all__ = ["header_index", "stray_rows"]


def header_index(rows: Sequence[tuple[int, list[str]]], wanted: Sequence[str],
                 key: Callable[[str], str] = str.strip) -> int | None:
    """Which of the first rows is the header: the first holding every ``wanted`` column
    (each heading as ``key`` reads it), or (with none wanted) the first with the most
    cells filled."""
    first = rows[:HEADER_SEARCH_ROWS]
    if wanted:
        return next((index for index, (_, cells) in enumerate(first)
                     if set(wanted) <= {key(cell) for cell in cells}), None)
    filled = [sum(1 for cell in cells if cell.strip()) for _, cells in first]
    if not filled or max(filled) == 0:
        return None
    return filled.index(max(filled))


def stray_rows(above: Sequence[tuple[int, list[str]]], header: tuple[int, list[str]],
               row: str = "row") -> tuple[tuple[int, str], ...]:
    """The rows above a table's header that look like its rows, not a title or notes:
    each fills at least two cells, and at least half as many as the header does. They
    are reported, never dropped unseen (a table whose first header was not recognised is
    otherwise read from a lower one, losing every row between). ``row`` is what the
    header's place is called: a sheet's ``row``, a CSV file's ``line``."""
    wanted = sum(1 for cell in header[1] if cell.strip())
    found = []
    for number, cells in above:
        filled = sum(1 for cell in cells if cell.strip())
        if filled >= 2 and 2 * filled >= wanted:
            found.append((number, f"a row above the table's header ({row} {header[0]}) holding "
                          f"{filled} cells: it cannot be read as a row of the table"))
    return tuple(found)
