"""A CSV table of the SSDA903 return read as columns of text, each row with its line.

The tables of a large council's ten years hold about 650,000 rows, so they are read a
column at a time by pyarrow's CSV reader rather than a row at a time in Python. The
file's text is read as the shared row reader (`csv_rows`) reads every CSV file: UTF-8
(a byte-order mark dropped) or Windows-1252 where Excel saved it so, lines ended by
``\\n``, ``\\r\\n`` or a lone ``\\r``, the header on line 1, a blank line or a row of
blank cells left out, and the same read limits. Its header has been read by then
(`csv_header`), which refuses a file over the ``rows`` or ``columns`` limit and one
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
from corpparent.files._tabular.limits import current_limits
from corpparent.files._tabular.records import read_records
from corpparent.files._tabular.text_encoding import UTF_8, csv_encoding

__all__ = ["PYTHON_WHITESPACE", "TextColumns", "offsets_of", "read_text_columns", "stripped",
           "text_bytes"]

#: The characters Python's ``str.strip()`` strips, which the row reader strips from
#: each cell: cells read as columns are stripped of exactly these.
PYTHON_WHITESPACE: Final = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
                            "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                            "\u200a\u2028\u2029\u202f\u205f\u3000")
#: A quoted cell, standing whole between commas or line ends, holding no line end.
_QUOTED: Final = re.compile(rb'(?:(?<=[,\r\n])|^)"(?:[^"\r\n]|"")*"(?=[,\r\n]|\Z)')
_NEWLINE: Final = 10
#: The bytes a cell may begin or end with and be stripped: ASCII white space, and any
#: byte of a character beyond ASCII (some of which are white space).
_MAY_STRIP: Final = np.zeros(256, dtype=bool)
_MAY_STRIP[[ord(character) for character in PYTHON_WHITESPACE if ord(character) < 0x80]] = True
_MAY_STRIP[0x80:] = True
_RETURN: Final = 13


@final
@frozen
class TextColumns:
    """A table's cells as read: one text column per column of the header, in its
    order (surrounding spaces not yet stripped), ``lines`` the line each row starts
    on, and ``problems`` the rows that could not be read as cells, left out."""

    cells: tuple[pa.Array, ...]
    lines: npt.NDArray[np.int64]
    problems: tuple[Problem, ...] = ()


def stripped(values: pa.Array) -> pa.Array:
    """Each text with surrounding white space stripped, as ``str.strip()`` strips it.

    Most columns have nothing to strip: where no cell begins or ends with a byte that
    could be white space, the column is returned as it is, without the trim's copy."""
    if values.type == pa.string() and values.null_count == 0 and _untrimmed(values):
        return values
    return pc.utf8_trim(values, characters=PYTHON_WHITESPACE)


def _untrimmed(values: pa.Array) -> bool:
    """Whether no cell of a text array begins or ends with a byte `_MAY_STRIP` holds."""
    written = text_bytes(values)
    if not written.size:
        return True
    # A blank cell's start is the next filled cell's, and its end the last filled
    # cell's, so every cell is looked at without picking out the filled ones.
    at = offsets_of(values) - offsets_of(values)[0]
    last = written.size - 1
    return not (_MAY_STRIP[written[np.minimum(at[:-1], last)]].any()
                or _MAY_STRIP[written[np.maximum(at[1:] - 1, 0)]].any())


def offsets_of(text: pa.Array) -> npt.NDArray[np.int32]:
    """Where each cell of a text array begins in its bytes, and where the last ends."""
    offsets: npt.NDArray[np.int32] = np.frombuffer(text.buffers()[1], dtype=np.int32)
    return offsets[text.offset:text.offset + len(text) + 1]


def text_bytes(text: pa.Array) -> npt.NDArray[np.uint8]:
    """The bytes of a text array's cells, one after another."""
    offsets = offsets_of(text)
    data = text.buffers()[2]
    if data is None:
        return np.zeros(0, dtype=np.uint8)
    written: npt.NDArray[np.uint8] = np.frombuffer(data, dtype=np.uint8)
    return written[offsets[0]:offsets[-1]]


def read_text_columns(file: Path, width: int) -> TextColumns:
    """The rows of the CSV file at ``file``, whose header (line 1) has ``width`` cells,
    as text columns (see the module's description); a file the row reader refuses is
    its [`DataError`][corpparent.errors.DataError]."""
    encoding = csv_encoding(file)
    data = file.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if encoding != UTF_8:
        data = data.decode(encoding).encode(UTF_8)
    read = _by_columns(data, width)
    return read if read is not None else _by_rows(file, width)


def _by_columns(data: bytes, width: int) -> TextColumns | None:
    """The file's text read by pyarrow, or ``None`` where the row reader must read it."""
    if b"\x00" in data or (b'"' in data and b'"' in _QUOTED.sub(b"", data)):
        return None
    lines, longest = _lines_of_text(data)
    limits = current_limits()
    if not width or len(lines) * width > limits.cells:
        return None
    names = [str(position) for position in range(width)]
    try:
        table = pcsv.read_csv(
            pa.py_buffer(data),
            read_options=pcsv.ReadOptions(column_names=names),
            parse_options=pcsv.ParseOptions(newlines_in_values=False),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    if table.num_rows != len(lines) or not lines.size or lines[0] != 1:
        return None
    cells = [table.column(position).combine_chunks() for position in range(width)]
    if longest > limits.cell_chars and any(  # no cell is longer than its line
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
                 first_blank: npt.NDArray[np.intp]) -> TextColumns:
    """The rows not wholly blank (the row reader leaves those out, as they hold no
    data); only a row whose first cell is blank can be."""
    blank = first_blank
    for column in cells[1:]:
        if not blank.size:
            break
        blank = blank[np.diff(offsets_of(stripped(column.take(blank)))) == 0]
    if not blank.size:
        return TextColumns(tuple(cells), lines)
    kept = np.ones(len(lines), dtype=bool)
    kept[blank] = False
    chosen = pa.array(kept)
    return TextColumns(tuple(column.filter(chosen) for column in cells), lines[kept])


def _lines_of_text(data: bytes) -> tuple[npt.NDArray[np.int64], int]:
    """The number of each line of ``data`` (lines ended by ``\\n``, ``\\r\\n`` or a
    lone ``\\r``) that holds anything, and the bytes of the longest line."""
    text = np.frombuffer(data, dtype=np.uint8)
    feeds = text == _NEWLINE
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


def _by_rows(file: Path, width: int) -> TextColumns:
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
    return TextColumns(cells, np.asarray(lines, dtype=np.int64), tuple(problems))
