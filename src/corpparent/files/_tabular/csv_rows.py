"""Reading a CSV file row by row, each row placed on the line it starts on.

The CSV layer under `records`: a file is decoded as UTF-8 a line
at a time (a byte-order mark dropped; lines ended by ``\n``, ``\r\n`` or a lone ``\r``),
or as Windows-1252 where Excel saved it so (`text_encoding`),
and read strictly, so a quote that closes a cell too soon is refused rather than read
as something the file does not say. A file that is missing, not UTF-8 or not well-formed
CSV is a [`DataError`][corpparent.errors.DataError] naming the line at fault and, where it can,
what was expected there and what was found.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import logging
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.header_rows import header_index, stray_rows
from corpparent.files._tabular.limits import ReadLimits, checked_file, current_limits, over_limit
from corpparent.files._tabular.problems import shown
from corpparent.files._tabular.sheet_bounds import HEADER_SEARCH_ROWS
from corpparent.files._tabular.text_encoding import UTF_8, csv_encoding

__all__ = ["csv_header", "csv_header_below", "csv_rows", "csv_table", "csv_table_under",
           "header_of", "normalise_column"]

_LONE_CR = re.compile(r"(?<=\r)(?!\n)")
_log = logging.getLogger(__name__)


def csv_header(path: str | Path) -> tuple[str, ...]:
    """The headings of the CSV file at ``path`` as written (surrounding spaces dropped),
    reading no further than its header row; a file that is missing, not UTF-8 or not
    well-formed CSV up to there is a [`DataError`][corpparent.errors.DataError]."""
    rows = csv_rows(Path(path))
    try:
        return header_of(str(path), next(rows, None))
    finally:
        rows.close()


def csv_table(file: Path, wanted: Sequence[str], key: Callable[[str], str] = str.strip
              ) -> tuple[Iterator[tuple[int, list[str]]], tuple[tuple[int, str], ...]]:
    """The rows of the CSV file at ``file`` from its header on, and the rows above the
    header that look like the table's own, each with why it cannot be read.

    The header is found as a sheet's is (`header_rows`): the first line, unless it
    lacks a ``wanted`` column (each heading as ``key`` reads it) and a later one of the
    first `HEADER_SEARCH_ROWS` lines holds them all, as under a title and notes saved
    from a spreadsheet. The lines skipped are said in a warning naming the file and
    the header's line; a skipped line that looks like a row of the table is returned
    to be reported, not lost."""
    rows, stray, _above = csv_table_under(file, wanted, key)
    return rows, stray


def csv_table_under(file: Path, wanted: Sequence[str], key: Callable[[str], str] = str.strip
                    ) -> tuple[Iterator[tuple[int, list[str]]], tuple[tuple[int, str], ...],
                               tuple[str, ...]]:
    """What `csv_table` gives, and the line just above the header, over the header's
    columns (empty where the header is the first line): a wide table's financial year
    written once over its quarters, as a sheet's merged cell is saved to CSV."""
    rows = csv_rows(file)
    if not wanted:
        return rows, (), ()
    first = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    found = header_index(first, wanted, key)
    if found is None and _titled(first):
        raise DataError([Problem(
            str(file), f"no line of the first {HEADER_SEARCH_ROWS} holds the table's "
            "header: the first holds one cell, as a title does", line=1,
            expected=f"a header row holding {', '.join(wanted)}",
            found=shown(next(cell.strip() for cell in first[0][1] if cell.strip())),
            fix="name the columns the table's own headings stand for (--columns "
            "'Measure=indicator'), or write the header as the first line")])
    if not found:  # the first line, or no line: read from the first, as it says why
        return itertools.chain(first, rows), (), ()
    header = first[found]
    stray = stray_rows(first[:found], header, "line")
    above = tuple(first[found - 1][1][:len(header[1])])
    if not stray:  # a row of the table above the header is an error, said as such
        lines = "line 1" if header[0] == 2 else f"lines 1-{header[0] - 1}"
        _log.warning("%s: the table's header is on line %d; %s above it (a title or "
                     "notes) not read as rows", file, header[0], lines)
    return itertools.chain(first[found:], rows), stray, above


def _titled(first: Sequence[tuple[int, list[str]]]) -> bool:
    """Whether the first line holds one cell, as a title does, and a later line more."""
    filled = [sum(1 for cell in cells if cell.strip()) for _, cells in first]
    return bool(filled) and filled[0] == 1 and max(filled) > 1


def csv_header_below(path: Path) -> set[str]:
    """The headings of the fullest of the CSV file's first `HEADER_SEARCH_ROWS` lines
    (a header under a title and notes), as far as the file reads as CSV; none where
    that is the first line."""
    first: list[tuple[int, list[str]]] = []
    rows = csv_rows(path)
    try:
        first.extend(itertools.islice(rows, HEADER_SEARCH_ROWS))
    except DataError:
        pass  # a line that is not CSV ends the search; the reading itself reports it
    finally:
        rows.close()
    found = header_index(first, ())
    return set() if not found else {cell.strip() for cell in first[found][1] if cell.strip()}


def header_of(source: str, first: tuple[int, list[str]] | None) -> tuple[str, ...]:
    """The headings of a file's ``first`` row (surrounding spaces dropped); no row, or
    one of blank cells, is a problem of that row (or line 1), as there is no header to
    read by."""
    if first is None or not any(cell.strip() for cell in first[1]):
        raise DataError.single(source, "the file is empty", line=1 if first is None
                               else first[0], expected="a header row")
    return tuple(name.strip() for name in first[1])


def normalise_column(name: str) -> str:
    """A header as corpparent names columns: ``'Substitute For'`` -> ``'substitute_for'``."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def csv_rows(file: Path) -> Generator[tuple[int, list[str]], None, None]:
    """Each row of a CSV file with the line it starts on (a quoted cell may span lines),
    read line by line as asked for; a row that is not well-formed CSV is a
    [`DataError`][corpparent.errors.DataError] placed on the line at fault (see
    `_csv_problem`)."""
    source = str(file)
    checked_file(file)
    limits = current_limits()
    try:
        encoding = csv_encoding(file)
        _check_row_count(file, source, limits.rows, encoding)
        with file.open("rb") as stream:
            read: list[str] = []  # the lines of the row being read, as written
            reader = csv.reader(_kept(_decoded_lines(stream, source, encoding), read),
                                strict=True)
            start = 1
            header: list[str] | None = None  # the first row, once read
            data = cells_read = 0  # rows read after it, and cells of every row
            try:
                for cells in reader:
                    if header is None:
                        header = cells
                    else:
                        data += 1
                    cells_read += len(cells)
                    _check_row(source, start, cells, header, data, limits)
                    if cells_read > limits.cells:
                        raise over_limit(source, "the file", f"more than "
                                         f"{limits.cells:,} cells", "cells", line=start)
                    yield start, cells
                    start = reader.line_num + 1
                    read.clear()
            except csv.Error as exc:
                raise _csv_problem(source, start, reader.line_num, "".join(read),
                                   str(exc)) from None
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from None


def _check_row_count(file: Path, source: str, rows: int, encoding: str) -> None:
    """Refuse a file of more data rows than ``rows`` before any row is read into memory:
    its line ends are counted first (a millisecond a megabyte), and only a file of more
    lines than that is parsed, cell by cell but keeping nothing, to count its rows (a
    quoted cell may span lines). A row that is not well-formed stops the count, to be
    reported by the reading itself."""
    feeds = returns = 0
    with file.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            feeds += chunk.count(b"\n")
            returns += chunk.count(b"\r")
    if max(feeds, returns) <= rows + 1:
        return
    beyond: int | None = None
    with file.open("rb") as stream:
        reader = csv.reader(_decoded_lines(stream, source, encoding), strict=True)
        start = 1
        try:
            for count, _ in enumerate(reader):
                if count > rows:
                    beyond = start
                    break
                start = reader.line_num + 1
        except (csv.Error, DataError):
            return
    if beyond is not None:
        raise over_limit(source, "the file", f"more than {rows:,} data rows", "rows",
                         line=beyond)


def _check_row(source: str, line: int, cells: list[str], header: list[str], data: int,
               limits: ReadLimits) -> None:
    """Refuse, with one problem, a row of more cells than the ``columns`` bound, a cell
    longer than ``cell_chars`` (named by its heading in the ``header``), or a data row
    beyond the ``rows`` bound (``data`` counts them), each as it is met, before any more
    of the file is read."""
    if len(cells) > limits.columns:
        raise over_limit(source, "the row", f"{len(cells):,} cells", "columns", line=line)
    if cells and max(map(len, cells)) > limits.cell_chars:
        column = next(i for i, cell in enumerate(cells) if len(cell) > limits.cell_chars)
        heading = header[column].strip() if cells is not header and column < len(header) \
            else ""
        raise over_limit(source, "the cell's text", f"{len(cells[column]):,} characters",
                         "cell_chars", line=line,
                         field=heading or f"cell {column + 1} of the row")
    if data > limits.rows:
        raise over_limit(source, "the file", f"more than {limits.rows:,} data rows",
                         "rows", line=line)


def _kept(lines: Iterable[str], read: list[str]) -> Iterator[str]:
    """``lines``, each added to ``read`` as it is read."""
    for line in lines:
        read.append(line)
        yield line


def _csv_problem(source: str, start: int, line: int, row: str, message: str) -> DataError:
    """A csv module error in the row starting on line ``start``, written as ``row``, found
    on ``line``: an unclosed quote is placed where its row starts, a quote that ends a
    cell too soon where that quote is."""
    if message == "unexpected end of data":
        return DataError.single(source, "not a well-formed CSV file", line=start,
                                expected="a closing quote to a quoted cell",
                                found="the end of the file")
    if message.startswith("field larger than field limit"):
        return DataError.single(source, "not a well-formed CSV file", line=start,
                                expected=f"cells of at most {csv.field_size_limit():,} "
                                "characters", found="a longer one")
    cell = _stray_quote(row)
    if cell is not None:
        return DataError.single(source, "not a well-formed CSV file", line=line,
                                expected="a quote only at the start and end of a cell, "
                                "doubled inside it", found=shown(cell))
    return DataError.single(source, f"not a well-formed CSV file: {message}", line=line)


def _stray_quote(row: str) -> str | None:
    """The cell of ``row`` (a CSV row as written) whose opening quote is closed before
    the cell ends, as in ``"min"utes``, from its start to the next comma or line end."""
    start = 0
    while start < len(row):
        end = start
        if row[start] == '"':
            end = row.find('"', start + 1)
            while end != -1 and row[end + 1:end + 2] == '"':  # a quote doubled inside
                end = row.find('"', end + 2)
            if end == -1:
                return None
            if row[end + 1:end + 2] not in (",", "\r", "\n", ""):
                return row[start:_cell_end(row, end + 1)]
        start = _cell_end(row, end) + 1
    return None


def _cell_end(row: str, at: int) -> int:
    """Where the cell going on at ``at`` ends: the next comma or line end, or the row's
    end."""
    ends = (row.find(mark, at) for mark in ",\r\n")
    return min((end for end in ends if end != -1), default=len(row))


def _decoded_lines(stream: BinaryIO, source: str, encoding: str = UTF_8) -> Iterator[str]:
    """The lines of a UTF-8 file (a byte-order mark dropped), or of one in ``encoding``,
    decoded one at a time and ended by ``\n``, ``\r\n`` or a lone ``\r``; a line that
    is not UTF-8 (in a UTF-8 file) is a [`DataError`][corpparent.errors.DataError] naming its
    line and byte."""
    offset = lines = 0
    for raw in stream:
        text = raw
        if offset == 0 and raw.startswith(codecs.BOM_UTF8):
            text = raw[len(codecs.BOM_UTF8):]
            offset = len(codecs.BOM_UTF8)
        try:
            decoded = text.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DataError.single(source, f"not UTF-8 text: {exc.reason} at byte "
                                   f"{offset + exc.start}", line=lines + 1) from None
        offset += len(text)
        for line in _LONE_CR.split(decoded):
            if line:
                lines += 1
                yield line
