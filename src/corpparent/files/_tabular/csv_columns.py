"""A CSV file's text read as columns, each row with its line: the one reading of a CSV
table by columns, which every reader of CSV tables by columns takes (the SSDA903
return's tables, `corpparent.files.ssda903.cells`, and the readings,
`text_columns`).

A large table (the SSDA903 tables of a large council's ten years hold about 650,000
rows) is read a column at a time by pyarrow's CSV reader rather than a row at a time in
Python. The file's text is read as the shared row reader (`csv_rows`) reads every CSV
file: UTF-8 (a byte-order mark dropped) or Windows-1252 where Excel saved it so, lines
ended by ``\\n``, ``\\r\\n`` or a lone ``\\r``, the header on line 1, a blank line or a
row of blank cells left out, and the same read limits. Its header has been read by
then (`csv_header`), which refuses a file over the ``rows`` or ``columns`` limit and one
that is not a regular file or too large.

pyarrow is used only where it reads the file exactly as the row reader would. Where it
might not, the file is read by the row reader itself, which places each problem on
its line: a quote anywhere but around a whole cell, or a quoted cell holding a line
end (whose row then spans several lines); a NUL; a row with more or fewer cells than
the header, or one written like the header again; a cell over the ``cell_chars``
limit or more cells than the ``cells`` limit; or text that is not UTF-8. So the two
readings give the same rows, lines and problems, and the unusual file pays for its
oddity in time only.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, final

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
from attrs import frozen

from corpparent.errors import Problem
from corpparent.files._tabular.csv_rows import csv_header
from corpparent.files._tabular.limits import ReadLimits, checked_file, current_limits
from corpparent.files._tabular.records import read_records
from corpparent.files._tabular.text_arrays import offsets_of, stripped
from corpparent.files._tabular.text_encoding import UTF_8, csv_encoding

__all__ = ["CsvColumns", "csv_columns", "header_and_text", "read_text_columns", "without_mark"]

#: A quoted cell, standing whole between commas or line ends, holding no line end.
_QUOTED: Final = re.compile(rb'(?:(?<=[,\r\n])|^)"(?:[^"\r\n]|"")*"(?=[,\r\n]|\Z)')
_NEWLINE: Final = 10
_RETURN: Final = 13
#: pyarrow's own block size, the least given it; and the greatest it takes.
_BLOCK: Final = 1 << 20
_LARGEST_BLOCK: Final = (1 << 31) - 1


@final
@frozen
class CsvColumns:
    """A CSV table's cells as read: one text column per column of the header, in its
    order (surrounding spaces not yet stripped), ``lines`` the line each row starts
    on, and ``problems`` the rows that could not be read as cells, left out."""

    cells: tuple[pa.Array, ...]
    lines: npt.NDArray[np.int64]
    problems: tuple[Problem, ...] = ()


def header_and_text(file: Path) -> tuple[tuple[str, ...], bytes]:
    """The headings of the CSV file at ``file``, as
    [`csv_header`][corpparent.files._tabular.csv_rows.csv_header] gives them, and its
    text in UTF-8 without a byte-order mark; a file `csv_header` refuses is its
    [`DataError`][corpparent.errors.DataError].

    A file of ASCII text whose first line holds no quote is read once, its header
    split at its commas, which is what the row reader reads there; any other is read
    by `csv_header` itself, so that its problems are the row reader's."""
    checked_file(file)
    limits = current_limits()
    try:
        data = without_mark(file.read_bytes())
    except OSError:
        data = b""
    written = _plain_header(data, limits) if data.isascii() else None
    if written is not None:
        return written, data
    written = csv_header(file)
    encoding = csv_encoding(file)
    return written, data if encoding == UTF_8 else data.decode(encoding).encode(UTF_8)


def _plain_header(data: bytes, limits: ReadLimits) -> tuple[str, ...] | None:
    """The headings on the first line of ASCII text ``data``, or ``None`` where the
    row reader might read that line otherwise or refuse the file: a quote or a NUL in
    it, no heading in it, or a read limit the file or the line goes beyond."""
    if len(data) > limits.rows + 1 and max(
            _count(data, _NEWLINE), _count(data, _RETURN) if b"\r" in data else 0
    ) > limits.rows + 1:
        return None  # the row reader counts the rows, to say where the limit falls
    ends = [at for at in (data.find(b"\n"), data.find(b"\r")) if at >= 0]
    first = data[:min(ends, default=len(data))]
    if b'"' in first or b"\x00" in first:
        return None
    cells = first.decode("ascii").split(",")
    if (not any(cell.strip() for cell in cells) or len(cells) > limits.columns
            or len(cells) > limits.cells or max(map(len, cells)) > limits.cell_chars):
        return None
    return tuple(cell.strip() for cell in cells)


def _count(data: bytes, byte: int) -> int:
    """How many times ``byte`` occurs in ``data``."""
    return int(np.count_nonzero(np.frombuffer(data, dtype=np.uint8) == byte))


def read_text_columns(file: Path, text: bytes, width: int) -> CsvColumns:
    """The rows of the CSV file at ``file``, whose text is ``text`` (UTF-8, as
    `header_and_text` gives it) and whose header (line 1) has ``width`` cells, as text
    columns (see the module's description); a file the row reader refuses is its
    [`DataError`][corpparent.errors.DataError]."""
    read = csv_columns(text, width)
    return read if read is not None else _by_rows(file, width)


def without_mark(data: bytes) -> bytes:
    """A file's bytes without the byte-order mark UTF-8 text may begin with."""
    return data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data


def csv_columns(data: bytes, width: int) -> CsvColumns | None:
    """The rows of a CSV file's UTF-8 text ``data`` (no byte-order mark), whose header
    has ``width`` cells, read by pyarrow; ``None`` where the row reader must read it
    (see the module's description)."""

    if b"\x00" in data or (b'"' in data and b'"' in _QUOTED.sub(b"", data)):
        return None
    limits = current_limits()
    lines, long_line = _lines_of_text(data, limits.cell_chars)
    if not width or len(lines) * width > limits.cells:
        return None
    names = [str(position) for position in range(width)]
    try:
        table = pcsv.read_csv(
            pa.py_buffer(data),
            # One block for the whole text: each column one chunk, taken without a copy.
            # pyarrow's threads convert a large table's columns side by side; for a
            # small one, handing the work to them costs more than the work.
            read_options=pcsv.ReadOptions(column_names=names,
                                          block_size=min(max(len(data) + 1, _BLOCK),
                                                         _LARGEST_BLOCK),
                                          use_threads=len(data) > _BLOCK),
            parse_options=pcsv.ParseOptions(newlines_in_values=False),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    if table.num_rows != len(lines) or not lines.size or lines[0] != 1:
        return None
    cells = [_whole(table.column(position)) for position in range(width)]
    if long_line and any(  # no cell is longer than its line
           (pc.max(pc.binary_length(column)).as_py() or 0) > limits.cell_chars
           and (pc.max(pc.utf8_length(column)).as_py() or 0) > limits.cell_chars
           for column in cells):
        return None
    first = stripped(cells[0])
    if pc.any(pc.equal(first[1:], first[0])).as_py():
        return None  # the header written again: the row reader says where
    return _filled_rows([column[1:] for column in cells], lines[1:],
                        np.flatnonzero(np.diff(offsets_of(first[1:])) == 0))


def _filled_rows(cells: list[pa.Array], lines: npt.NDArray[np.int64],
                 first_blank: npt.NDArray[np.intp]) -> CsvColumns:
    """The rows not wholly blank (the row reader leaves those out, as they hold no
    data); only a row whose first cell is blank can be."""

    blank = first_blank
    for column in cells[1:]:
        if not blank.size:
            break
        blank = blank[np.diff(offsets_of(stripped(column.take(blank)))) == 0]
    if not blank.size:
        return CsvColumns(tuple(cells), lines)
    kept = np.ones(len(lines), dtype=bool)
    kept[blank] = False
    chosen = pa.array(kept)
    return CsvColumns(tuple(column.filter(chosen) for column in cells), lines[kept])


def _whole(column: pa.ChunkedArray) -> pa.Array:
    """A column read by pyarrow as one array: its one chunk as it is, else joined."""
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


def _lines_of_text(data: bytes, limit: int) -> tuple[npt.NDArray[np.int64], bool]:
    """The number of each line of ``data`` (lines ended by ``\\n``, ``\\r\\n`` or a
    lone ``\\r``) that holds anything, and whether a line holds more than ``limit``
    bytes.

    Text whose lines all end in ``\\n`` alone and none of which is empty (the usual
    file) has its lines counted without finding where each ends; its lines are then
    only looked through for one over the limit where a stretch of the text as long as
    half the limit holds no line end."""

    text = np.frombuffer(data, dtype=np.uint8)
    feeds = text == _NEWLINE
    if (data and b"\r" not in data and not data.startswith(b"\n")
            and not (feeds[1:] & feeds[:-1]).any()):  # no empty line
        count = int(np.count_nonzero(feeds)) + (not data.endswith(b"\n"))
        numbers = np.arange(1, count + 1, dtype=np.int64)
        return numbers, _long_line(text, feeds, limit)
    numbers, longest = _line_ends(text, feeds, data)
    return numbers, longest > limit


def _long_line(text: npt.NDArray[np.uint8], feeds: npt.NDArray[np.bool_],
               limit: int) -> bool:
    """Whether a line of the bytes ``text``, whose line ends (all ``\\n``) are at
    ``feeds``, holds more than ``limit`` bytes. Where every stretch of ``limit // 2 + 1``
    bytes, from the start of the text, holds a line end, no line can be longer than
    twice one less than that, which is within the limit: only otherwise are the lines
    measured."""
    size = limit // 2 + 1
    stretches = len(feeds) // size
    if len(feeds) <= limit or feeds[:stretches * size].reshape(stretches, size).any(
            axis=1).all():
        return False
    return _line_ends(text, feeds, b"")[1] > limit


def _line_ends(text: npt.NDArray[np.uint8], feeds: npt.NDArray[np.bool_],
               data: bytes) -> tuple[npt.NDArray[np.int64], int]:
    """The number of each line that holds anything, and the bytes of the longest line,
    of text whose bytes are ``text``, ``feeds`` where it holds ``\\n``, and ``data``
    holding a ``\\r`` where it does."""
    if b"\r" in data:
        returns = text == _RETURN
        alone = returns.copy()
        alone[:-1] &= ~feeds[1:]
        ends = np.flatnonzero(feeds | alone)  # the last character of each line's end
        pairs = feeds[ends] & (ends > 0) & returns[np.maximum(ends - 1, 0)]
    else:  # every line ended by "\n" alone
        ends = np.flatnonzero(feeds)
        pairs = np.zeros(len(ends), dtype=bool)
    starts = np.concatenate(([0], ends[:-1] + 1))
    filled = starts != ends - pairs
    numbers = np.flatnonzero(filled) + 1
    longest = int((ends - starts).max(initial=0))
    after = ends[-1] + 1 if ends.size else 0
    if after < len(text):  # a last line without an end
        numbers = np.append(numbers, len(ends) + 1)
        longest = max(longest, len(text) - after)
    return numbers.astype(np.int64), longest


def _by_rows(file: Path, width: int) -> CsvColumns:
    """The file read by the shared row reader."""

    records = read_records(file, required=(), unknown_columns="keep",
                           normalise_header=False, format="csv")
    rows: list[Sequence[Any]] = []
    lines: list[int] = []
    problems: list[Problem] = []
    for record in records:
        if record.problem is not None:
            problems.append(Problem(records.source, record.problem, line=record.row))
        else:
            rows.append(list(record.fields.values()))
            lines.append(record.row)
    cells = tuple(pa.array([row[position] for row in rows], pa.string())
                  for position in range(width))
    return CsvColumns(cells, np.asarray(lines, dtype=np.int64), tuple(problems))
