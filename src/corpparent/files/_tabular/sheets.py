"""Reading a table from a spreadsheet: Excel ``.xlsx`` and OpenDocument ``.ods``.

Workbooks are read with python-calamine, which reads both formats (and ``.xls``) in
compiled code, an order of magnitude faster than openpyxl or odfpy, and is kept up to
date with the formats it reads. A workbook is a set of sheets, and a published one
holds notes beside its table: Ofsted's ``LA_Inspection_Outcomes_as_at_31_March_2025.ods``
opens with a cover, contents and notes sheets, and its tables start at ``A3`` under a
title and a line of description. So the table is found, not assumed: the sheet named
(``--sheet`` on the command line, or `using_sheet`), or else the first visible sheet
whose header row holds the columns wanted (a hidden one only where no visible one holds
them, with a warning: `hidden_sheets`); its header is the first of the sheet's
first `HEADER_SEARCH_ROWS` rows that holds them (or, where any columns will do,
the first of those rows with the most cells filled).

Each row is given as text cells, as a CSV file gives them, so every reader checks a
sheet exactly as it checks a CSV file: a number ``7.0`` is ``'7'``, a date
``2023-07-10``; and as the sheet shows it where its number format says what it is
(`number_formats`): ``0.119`` formatted as a percentage
is ``'11.9%'``, as Excel writes it to CSV, and a date formatted as a month
``'2025-01'``. Problems are placed on the sheet's own row number, and each cell is
named by its sheet and reference as well as its heading: ``value (Readings!C14)``.
A cell holding a formula's error (``#DIV/0!``), which calamine gives as a blank, is
kept with the table (``errors``), so it is reported, never read as a blank
(`formula_errors`).

A table is held to the read limits (rows, columns, cells, characters in a cell) as a
CSV file is, and a workbook is checked before calamine reads it
(`workbook_checks`). No row is dropped for where it
stands: rows above the header that look like the table's own are reported (``stray``),
and a second header lower down is reported as such by
`tabular_records`, not taken as the header.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import final

from attrs import frozen

from corpparent.errors import DataError
from corpparent.files._tabular.cell_values import cell_text
from corpparent.files._tabular.contained import (
    contained_hidden_sheets,
    contained_sheet_names,
    contained_sheets,
)
from corpparent.files._tabular.header_rows import header_index, stray_rows
from corpparent.files._tabular.hidden_sheets import hidden_sheets
from corpparent.files._tabular.limits import checked_file, current_limits, over_limit
from corpparent.files._tabular.number_formats import CellFormats, NumberFormat, formatted_text
from corpparent.files._tabular.sheet_bounds import HEADER_SEARCH_ROWS, column_letter
from corpparent.files._tabular.workbook_checks import (
    cell_errors,
    cell_formats,
    check_zip_workbook,
    is_zip,
)
from corpparent.files._tabular.xls_scan import cell_formats as cell_formats_of_xls

__all__ = [
    "HEADER_SEARCH_ROWS",
    "SheetTable",
    "cell_text",
    "column_letter",
    "sheet_headers",
    "sheet_table",
    "using_sheet",
]

_INTERRUPTS = (KeyboardInterrupt, SystemExit, GeneratorExit)
_log = logging.getLogger(__name__)
_CHOSEN: contextvars.ContextVar[str | None] = contextvars.ContextVar("sheet", default=None)


@contextmanager
def using_sheet(name: str | None) -> Iterator[None]:
    """Read workbooks' tables from the sheet ``name`` while inside the block (``None``:
    find each table's sheet by its columns)."""
    token = _CHOSEN.set(name)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


@final
@frozen
class SheetTable:
    """A table found in a sheet: its header's row (1-based, as the sheet numbers it),
    its first column, and its rows from the header on, each with its row number;
    ``stray`` holds the rows above the header that look like the table's own (each row's
    number and what is wrong with it), to be reported rather than lost; ``above`` is the
    row just above the header, over the header's columns (a heading over several
    columns, as a merged cell leaves it: written in the first, the others empty);
    ``errors`` the cells of its data rows holding a formula's error, each as its sheet
    row, its column in the table (0-based) and the error's text."""

    source: str
    sheet: str
    first_column: int
    rows: tuple[tuple[int, list[str]], ...]
    stray: tuple[tuple[int, str], ...] = ()
    above: tuple[str, ...] = ()
    errors: tuple[tuple[int, int, str], ...] = ()

    def cell(self, column: int, row: int) -> str:
        """The reference of the table's ``column`` (0-based) in sheet ``row``:
        ``Readings!C14``."""
        return f"{self.sheet}!{column_letter(self.first_column + column)}{row}"


def _calamine_failure(source: str, exc: BaseException, sheet: str | None = None) -> DataError:
    """The problem of a workbook (or its ``sheet``) calamine could not read."""
    where = "the workbook" if sheet is None else f"the workbook's sheet {sheet!r}"
    return DataError.single(source, f"cannot read {where}: {exc}")


def _checked_zip(file: Path) -> bool:
    """Whether the workbook is a zip whose sheets were checked, so calamine may read it
    here; any other is read in a bounded child process."""
    return is_zip(file) and check_zip_workbook(file)


def _workbook_sheets(file: Path) -> Iterator[tuple[str, list[tuple[int, list[str]]], bool]]:
    """Each sheet of the workbook in turn (a sheet is read only when asked for): its
    name, its rows as text with their row numbers, and whether it is hidden
    (`hidden_sheets`); an unreadable workbook, or one
    over the read limits, is a DataError. A zipped workbook is checked before calamine
    reads it (`workbook_checks`); any other is read in a
    bounded child process (`contained`)."""
    source = str(checked_file(file))
    if not _checked_zip(file):
        scanned = _binary_formats(file)
        hidden = contained_hidden_sheets(file)
        for name, cells in contained_sheets(file):
            rows = [(number, [cell_text(cell) for cell in row])
                    for number, row in enumerate(cells, start=1)]
            _shown(rows, cells, scanned.get(name))
            yield name, rows, name in hidden
        return
    from python_calamine import CalamineWorkbook  # imported on first use

    try:
        book = CalamineWorkbook.from_path(source)
    except _INTERRUPTS:
        raise
    except BaseException as exc:  # calamine's errors share no base class, and a panic in
        # its Rust code arrives as pyo3's PanicException, a BaseException
        raise _calamine_failure(source, exc) from None
    formats = cell_formats(file)
    with book:
        try:
            hidden = hidden_sheets(book)
        except _INTERRUPTS:
            raise
        except BaseException as exc:  # as above
            raise _calamine_failure(source, exc) from None
        for name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(name)
                # From A1, so a row's number and a cell's column are the sheet's own.
                values = sheet.to_python(skip_empty_area=False)
                rows = [(number + 1, [cell_text(cell) for cell in row]) for number, row
                        in enumerate(values)]
                _shown(rows, values, formats.get(name))
            except _INTERRUPTS:
                raise
            except BaseException as exc:  # as above: a sheet's XML or data may be broken
                raise _calamine_failure(source, exc, name) from None
            yield name, rows, name in hidden


def _binary_formats(file: Path) -> CellFormats:
    """The cells of an ``.xls`` workbook shown as a percentage or a month, read from its
    records (`xls_scan`); where they cannot be read (an ``.xlsb``, or an ``.xls`` the
    scan cannot follow), a warning naming the file says its percentages go unread."""
    try:
        with file.open("rb") as stream:
            found = cell_formats_of_xls(stream.read())
    except OSError:
        found = None
    if found is None:
        _log.warning("%s: the workbook's number formats cannot be read, so a cell "
                     "formatted as a percentage is read as the number it holds (0.119 "
                     "for 11.9%%): check its percentages, or save it as .xlsx", file)
        return {}
    return found


def _shown(rows: list[tuple[int, list[str]]], values: Sequence[Sequence[object]],
           formats: Mapping[tuple[int, int], NumberFormat] | None) -> None:
    """Each cell of ``rows`` (made from ``values``) whose number format says what it
    is, as the sheet shows it (``11.9%`` for 0.119 formatted as a percentage), in
    place."""
    for (row, column), kind in (formats or {}).items():
        if row < len(values) and column < len(values[row]):
            shown = formatted_text(values[row][column], kind)
            if shown is not None:
                rows[row][1][column] = shown


def _table_errors(file: Path, sheet: str, lead: int,
                  table: Sequence[tuple[int, list[str]]]) -> tuple[tuple[int, int, str], ...]:
    """The cells of ``table``'s data rows (in ``sheet``, its first column ``lead``)
    holding a formula's error, as `SheetTable` keeps them; none where the workbook's
    XML was not read (an ``.xls``)."""
    failed = cell_errors(file).get(sheet) if _checked_zip(file) else None
    if not failed:
        return ()
    width = len(table[0][1])
    lines = {line for line, _ in table[1:]}
    return tuple(sorted((row + 1, column - lead, text) for (row, column), text
                        in failed.items() if row + 1 in lines and 0 <= column - lead < width))


def _sheet_names(file: Path) -> list[str]:
    source = str(checked_file(file))
    if not _checked_zip(file):
        return contained_sheet_names(file)
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(source) as book:
            return list(book.sheet_names)
    except _INTERRUPTS:
        raise
    except BaseException as exc:  # as in _workbook_sheets
        raise _calamine_failure(source, exc) from None


def _trimmed(rows: Sequence[tuple[int, list[str]]]
             ) -> tuple[int, tuple[tuple[int, list[str]], ...]]:
    """The table's first column (0-based: the columns left of it are empty in every
    row), and the rows from there, with the empty cells right of the header's last
    heading dropped (a filled one is kept, so the row is reported as longer than the
    header)."""
    starts = [next(i for i, cell in enumerate(cells) if cell.strip())
              for _, cells in rows if "".join(cells).strip()]
    lead = min(starts, default=0)
    header = rows[0][1][lead:]
    width = len(header)
    while width and not header[width - 1].strip():
        width -= 1
    result = []
    for line, cells in rows:
        kept = cells[lead:]
        end = len(kept)
        if end > width and not "".join(kept[width:]).strip():  # a far cell's empty row
            end = width
        while end > width and not kept[end - 1].strip():
            end -= 1
        result.append((line, kept[:end]))
    return lead, tuple(result)


def _check_table(source: str, sheet: str, lead: int,
                 table: Sequence[tuple[int, list[str]]]) -> None:
    """Refuse a table of more data rows, columns, cells or characters in a cell than the
    read limits allow (a workbook's sheets are checked before they are read too; this
    holds every format, ``.xls`` included, to the same bounds as a CSV file)."""
    limits = current_limits()
    line, header = table[0]
    width = len(header)
    if width > limits.columns:
        raise over_limit(source, "the table's header", f"{width:,} columns", "columns",
                         line=line, field=f"{sheet}!{column_letter(lead + limits.columns)}"
                         f"{line}")
    if len(table) - 1 > limits.rows:
        beyond = table[limits.rows + 1][0]
        raise over_limit(source, "the table", f"more than {limits.rows:,} data rows",
                         "rows", line=beyond, field=f"{sheet}!{column_letter(lead)}{beyond}")
    cells = len(table) * width
    if cells > limits.cells:
        raise over_limit(source, "the table", f"{cells:,} cells", "cells", line=line,
                         field=f"{sheet}!{column_letter(lead)}{line}")
    for number, row in table:
        if row and max(map(len, row)) > limits.cell_chars:
            column = next(i for i, cell in enumerate(row) if len(cell) > limits.cell_chars)
            raise over_limit(source, "a cell's text", f"{len(row[column]):,} characters",
                             "cell_chars", line=number,
                             field=f"{sheet}!{column_letter(lead + column)}{number}")


def sheet_table(file: Path, wanted: Sequence[str], sheet: str | None = None,
                key: Callable[[str], str] = str.strip) -> SheetTable:
    """The table of the workbook at ``file``: in ``sheet`` (or the sheet chosen by
    `using_sheet`, or the first visible sheet whose header holds every ``wanted``
    column, each heading as ``key`` reads it, or else the first hidden one, with a
    warning), from its header row on."""
    source = str(file)
    chosen = sheet if sheet is not None else _CHOSEN.get()
    names = _sheet_names(file)
    if chosen is not None and chosen not in names:
        raise DataError.single(source, f"no sheet named {chosen!r}", expected="one of "
                               + ", ".join(repr(name) for name in names))
    unseen: tuple[str, list[tuple[int, list[str]]], int] | None = None
    for name, rows, hidden in _workbook_sheets(file):
        if chosen is not None and name != chosen:
            continue
        found = header_index(rows, wanted, key)
        if found is None:
            continue
        if hidden and chosen is None:  # read only where no visible sheet holds the table
            unseen = unseen or (name, rows, found)
            continue
        return _found_table(file, name, rows, found)
    if unseen is not None:
        name, rows, found = unseen
        _log.warning("%s: the table is read from the hidden sheet %r, as no visible sheet "
                     "holds it; check it is the sheet meant, or show it in the workbook",
                     source, name)
        return _found_table(file, name, rows, found)
    if chosen is not None or not wanted:
        where = chosen if chosen is not None else (names[0] if names else None)
        raise DataError.single(source, "the file is empty" if where is None else
                               f"no table in sheet {where!r}",
                               expected="a header row" + (f" holding {', '.join(wanted)}"
                                                           if wanted else ""))
    raise DataError.single(source, "no sheet holds the table", expected="a header row "
                           f"holding {', '.join(wanted)} in the first {HEADER_SEARCH_ROWS} "
                           "rows of a sheet", found="sheets " + ", ".join(
                               repr(name) for name in names) if names else "no sheets")


def _found_table(file: Path, name: str, rows: list[tuple[int, list[str]]],
                 found: int) -> SheetTable:
    """The table of sheet ``name`` (its ``rows``) whose header is row ``found``."""
    source = str(file)
    lead, table = _trimmed(rows[found:])
    _check_table(source, name, lead, table)
    above = tuple(rows[found - 1][1][lead:lead + len(table[0][1])]) if found else ()
    return SheetTable(source, name, lead, table, stray_rows(rows[:found], table[0]),
                      above, _table_errors(file, name, lead, table))


def sheet_headers(file: Path) -> frozenset[str]:
    """The headings of every sheet's table (or of the sheet chosen), for telling what
    kind of file a workbook is."""
    chosen = _CHOSEN.get()
    names: set[str] = set()
    for name, rows, _hidden in _workbook_sheets(file):
        if chosen is not None and name != chosen:
            continue
        found = header_index(rows, ())
        if found is not None:
            names.update(cell.strip() for cell in rows[found][1] if cell.strip())
    return frozenset(names)


