"""The one registry from a file's suffix to how it is read: every file format, once.

A format is a way of writing data in a file, whatever the data is: CSV text, a workbook
(Excel or OpenDocument), a JSON or a TOML document, a parquet file. Each is one
`FileFormat` of `FORMATS`, with the suffixes it is known by, the shape of
what it holds (a table of rows, a document, columns), how its headings are read for
telling what kind of file it is, and, for a table, how its rows are read.

Every reader and every kind of file takes its suffixes from here, by naming the formats
it reads (`suffixes_of`), and asks here which format a file is in
(`format_of`); none tests a suffix itself. So a reader and the kind that checks
its files cannot disagree about which files they take, and a new format is one entry.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final, final

from attrs import frozen

from corpparent.errors import DataError, UnknownNameError
from corpparent.files._tabular.csv_rows import (
    csv_header,
    csv_header_below,
    csv_table,
    normalise_column,
)
from corpparent.files._tabular.limits import checked_file

__all__ = [
    "DOCUMENT_FORMATS",
    "FORMATS",
    "RECORD_FORMATS",
    "TABLE_FORMATS",
    "FileFormat",
    "Shape",
    "Table",
    "format_named",
    "format_of",
    "suffixes_of",
]


class Shape(enum.Enum):
    """What a format holds: how a reader takes records from it."""

    TABLE = "table"  # a header row and rows of text cells (CSV, a workbook's sheet)
    DOCUMENT = "document"  # one document decoded whole (JSON, TOML)
    COLUMNS = "columns"  # whole columns, read by the reader of the one kind (parquet)


@final
@frozen
class Table:
    """The rows of a file's table, from its header on, each with the line (or sheet row)
    it starts on; in a workbook, how a cell is named (``Readings!C14``), and the rows
    above the header that look like the table's own, with why each cannot be read, and
    its cells holding a formula's error (`SheetTable`)."""

    rows: Iterator[tuple[int, list[str]]]
    cell: Callable[[int, int], str] | None = None
    stray: tuple[tuple[int, str], ...] = ()
    errors: tuple[tuple[int, int, str], ...] = ()


#: How a format's headings are read: the file's path in, its headings out.
Headings = Callable[[Path], frozenset[str]]
#: How a table's rows are read: the file, the columns wanted (to find a workbook's
#: table), the sheet named (or ``None``), and how a heading is read.
Rows = Callable[[Path, Sequence[str], "str | None", Callable[[str], str]], Table]


@final
@frozen
class FileFormat:
    """One format: its name, the suffixes it is known by (lower case, with the dot),
    what it holds, and how it is read. ``headings`` gives the names that tell a
    table's or a column file's kind; ``table`` reads a table's rows. A document's keys
    are read by decoding it (`documents`)."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    shape: Shape
    headings: Headings | None = None
    table: Rows | None = None


def _csv_headings(path: Path) -> frozenset[str]:
    """The first line's headings, and those of the fullest of the first lines, where
    the header sits below a title and notes (`csv_table`)."""
    names = set(csv_header(path))
    names |= csv_header_below(path)
    return frozenset(names | {normalise_column(name) for name in names})


def _csv_table(path: Path, wanted: Sequence[str], _sheet: str | None,
               key: Callable[[str], str]) -> Table:
    rows, stray = csv_table(path, wanted, key)
    return Table(rows, stray=stray)


# The workbook readers (and their checks of a workbook's parts) are imported when a
# workbook is read, so reading a CSV file loads none of them.
def _sheet_headings(path: Path) -> frozenset[str]:
    from corpparent.files._tabular.sheets import sheet_headers

    headings = sheet_headers(path)
    return headings | {normalise_column(name) for name in headings}


def _sheet_table(path: Path, wanted: Sequence[str], sheet: str | None,
                 key: Callable[[str], str]) -> Table:
    from corpparent.files._tabular.sheets import sheet_table

    table = sheet_table(path, wanted, sheet, key)
    return Table(iter(table.rows), table.cell, table.stray, table.errors)


def _parquet_columns(path: Path) -> frozenset[str]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return frozenset()
    checked_file(path)
    try:
        return frozenset(pq.read_schema(path).names)
    except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
        raise DataError.single(str(path), f"cannot read the parquet file: {exc}") from None


#: Every format a file may be in, each with the suffixes it is known by.
FORMATS: Final[tuple[FileFormat, ...]] = (
    FileFormat("csv", "CSV text", (".csv",), Shape.TABLE, _csv_headings, _csv_table),
    FileFormat("sheet", "an Excel or OpenDocument workbook", (".xlsx", ".xlsm", ".xls", ".ods"),
               Shape.TABLE, _sheet_headings, _sheet_table),
    FileFormat("json", "a JSON document", (".json",), Shape.DOCUMENT),
    FileFormat("toml", "a TOML document", (".toml",), Shape.DOCUMENT),
    FileFormat("parquet", "a parquet file", (".parquet",), Shape.COLUMNS, _parquet_columns),
)

#: The formats a table of rows is read from.
TABLE_FORMATS: Final = ("csv", "sheet")
#: The formats records are read from: a table of rows, or a JSON list of objects.
RECORD_FORMATS: Final = ("csv", "json", "sheet")
#: The formats a document is read from.
DOCUMENT_FORMATS: Final = ("toml", "json")


def format_named(name: str) -> FileFormat:
    """The format called ``name``; an unknown name is an
    [`UnknownNameError`][corpparent.errors.UnknownNameError] listing the formats there are."""
    for candidate in FORMATS:
        if candidate.name == name:
            return candidate
    raise UnknownNameError(f"no file format {name!r}; the formats are "
                           + ", ".join(candidate.name for candidate in FORMATS))


def suffixes_of(names: Iterable[str]) -> tuple[str, ...]:
    """The suffixes of the formats ``names``, in their order."""
    return tuple(suffix for name in names for suffix in format_named(name).suffixes)


def format_of(path: str | os.PathLike[str], among: Iterable[str] | None = None,
              given: str | None = None) -> FileFormat:
    """The format of the file at ``path``: the one ``given`` by name, or else the one its
    suffix is of, one of the formats ``among`` (any, if ``None``). A suffix of no
    such format is a [`DataError`][corpparent.errors.DataError] naming the suffixes there
    are; a name of none, an [`UnknownNameError`][corpparent.errors.UnknownNameError]."""
    names = tuple(candidate.name for candidate in FORMATS) if among is None else tuple(among)
    if given is not None:
        if given not in names:
            raise UnknownNameError(f"not a format read here: {given!r}; the formats are "
                                   + ", ".join(names))
        return format_named(given)
    suffix = Path(path).suffix.lower()
    for name in names:
        found = format_named(name)
        if suffix in found.suffixes:
            return found
    *others, last = suffixes_of(names)
    expected = f"a {', '.join(others)} or {last} file" if others else f"a {last} file"
    raise DataError.single(str(path), "unsupported file type", expected=expected,
                           found=f"a {suffix} file" if suffix else "a file without a suffix")
