"""A long table read as whole columns of text, where that reads exactly what the row
reader (`records`) would, so a million rows are checked a column at a time.

The row reader decodes, splits and checks a CSV file or an Arrow table one row at a
time in Python, which costs a few microseconds a row. Where a table is plain, pyarrow
reads it whole in compiled code instead, to the same text: `text_columns` gives its
columns, or ``None`` wherever anything about the table is not plain, and then the row
reader reads it and says what is wrong exactly as it always has. Plain means:

* a CSV file in UTF-8 (a byte-order mark allowed), its header on the first line holding
  every required column, that the one reading of a CSV table by columns
  (`csv_columns`, which the SSDA903 return's tables are read by too) reads as the row
  reader would: each row then keeps the line it is on, a blank line or a row of blank
  cells left out, as the row reader leaves them out;
* a pyarrow Table, or a pandas or polars DataFrame (which hand over a fresh Arrow
  stream each time they are asked), whose columns are all text, so each cell's text is
  the text the row reader gives it (a missing value an empty cell);
* in either, the read limits kept: the rows, columns, cells and each cell's length, as
  the row reader counts them;
* a file or table of at least `COLUMNS_FROM_ROWS` rows.

Columns are made in the C library's memory (`system_memory`), not in pyarrow's own
allocator, which reserves address space a process forked afterwards cannot have under
the memory bound a plug-in runs with (`corpparent.plugins.child`).

The header is checked by the row reader's own code (`tabular_records`), so its
problems are the same; a header the row reader refuses is read by the row reader.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, final

from attrs import evolve, frozen

from corpparent.errors import DataError
from corpparent.files._tabular.arrow_checks import (
    _object_columns,
    check_column_names,
    column_names_of,
    table_name,
)
from corpparent.files._tabular.column_names import numbered, renamed
from corpparent.files._tabular.csv_rows import csv_header, normalise_column
from corpparent.files._tabular.formats import RECORD_FORMATS, format_of
from corpparent.files._tabular.limits import checked_file, current_limits
from corpparent.files._tabular.records import Records, tabular_records
from corpparent.files._tabular.text_encoding import UTF_8, csv_encoding

__all__ = ["COLUMNS_FROM_ROWS", "TextColumns", "from_records", "system_memory", "text_columns"]

#: A file or table of fewer rows is read and checked row by row: it is as quick, and
#: loads neither pyarrow nor NumPy (a command reading a panel's own file of a few
#: hundred readings starts no faster for them).
COLUMNS_FROM_ROWS: int = 1_000


@final
@frozen
class TextColumns:
    """A table's columns of text, as the row reader would give its cells.

    ``written`` holds the headings as written, ``fields`` the field each column is read
    as (``None`` for a column the header's problems leave out), and ``header`` the
    header as the row reader checks it, with its problems. Row ``i`` is on line
    ``i + 2``, unless ``numbers`` gives each row's line (a CSV file holding blank lines
    or rows of several lines), or the columns were made from ``read``, records the row
    reader made (`from_records`), each on its own line.
    """

    source: str
    written: tuple[str, ...]
    fields: tuple[str | None, ...]
    columns: tuple[Any, ...]
    header: Records
    rows: int
    read: Records | None = None
    numbers: Any = None

    def column(self, name: str) -> Any | None:
        """The pyarrow array of the field ``name``, or ``None`` where no column holds it."""
        for field, column in zip(self.fields, self.columns, strict=True):
            if field == name:
                return column
        return None

    def lines(self, rows: Any) -> Any:
        """The line of each of the rows of index ``rows`` (a NumPy array)."""
        import numpy as np

        if self.numbers is not None:
            return self.numbers[rows]
        if self.read is None:
            return rows + 2
        return np.array([self.read.records[row].row for row in rows.tolist()],
                        dtype=np.int64)

    def records(self, rows: Sequence[int], *, required: Sequence[str],
                optional: Sequence[str], columns: Mapping[str, str] | None,
                synonyms: Mapping[str, str] | None) -> Records:
        """The records of the rows of index ``rows`` (in order), read by the row reader
        itself: each a record as it made it, or would have made it, on its own line.
        The header's problems are left to ``header``, told once."""
        import numpy as np
        import pyarrow as pa

        if self.read is not None:
            return evolve(self.read, records=tuple(self.read.records[row] for row in rows),
                          problems=())
        with system_memory():
            taken = pa.array(rows, type=pa.int64())
            cells = [column.take(taken).to_pylist() for column in self.columns]
        numbers = self.lines(np.asarray(rows, dtype=np.int64)).tolist()
        lines = ((line, [cell[index] for cell in cells])
                 for index, line in enumerate(numbers))
        read = tabular_records(self.source, iter([(1, list(self.written)), *lines]),
                               required=required, optional=optional, columns=columns,
                               synonyms=synonyms)
        return evolve(read, problems=())


def from_records(records: Records, required: Sequence[str]) -> TextColumns | None:
    """The columns of a table's records as the row reader made them (a sheet's, a wide
    table's, a CSV file's in Windows-1252), each record's field a cell; ``None`` where a
    record is not a table's row of text (a JSON object's), or the header lacks a
    ``required`` field, to be checked record by record."""
    header = records.header
    if (len(records.records) < COLUMNS_FROM_ROWS or not set(required) <= set(header)
            or not _has_pyarrow()):
        return None
    import pyarrow as pa

    cells: list[list[str]] = [[] for _ in header]
    for record in records.records:
        if record.where is not None:
            return None
        fields = record.fields
        for name, column in zip(header, cells, strict=True):
            cell = fields.get(name, "")
            if type(cell) is not str:
                return None
            column.append(cell)
    with system_memory():
        arrays = tuple(pa.array(column, pa.string()) for column in cells)
    return TextColumns(records.source, header, header, arrays, records.with_records(()),
                       len(records.records), records)


@contextmanager
def system_memory() -> Iterator[None]:
    """Make pyarrow's arrays in the C library's memory inside the block (see the
    module), then give back the pool in use before.

    The pool is the process's default while the block runs, so another thread's arrays
    made meanwhile are made there too: that changes where they live, never what they
    hold, as each buffer is given back to the pool it came from."""
    import pyarrow as pa

    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(before)


def text_columns(source: object, *, required: Sequence[str], optional: Sequence[str],
                 columns: Mapping[str, str] | None = None,
                 synonyms: Mapping[str, str] | None = None) -> TextColumns | None:
    """The columns of ``source`` (a CSV file's path, or a table speaking Arrow), or
    ``None`` where only the row reader can say exactly what it holds (see the module)."""
    try:
        if isinstance(source, str | os.PathLike):
            found = _csv_columns(Path(source), required, columns, synonyms)
        elif hasattr(source, "__arrow_c_stream__"):
            found = _arrow_columns(source)
        else:
            return None  # a list of dicts: its items are records, each checked as one
        if found is None:
            return None
        name, written, arrays, numbers = found
        header = tabular_records(name, iter([(1, list(written))]), required=required,
                                 optional=optional, columns=columns, synonyms=synonyms)
    except DataError:
        return None  # the row reader reads it, and reports it the same way as ever
    rows = len(arrays[0]) if arrays else 0
    limits = current_limits()
    with system_memory():
        if rows > limits.rows or (rows + 1) * len(written) > limits.cells or any(
                _longest(array) > limits.cell_chars for array in arrays):
            return None
    named = numbered(renamed([normalise_column(heading) for heading in written],
                             columns or {}, synonyms or {}))
    kept = set(header.header)
    return TextColumns(name, tuple(written), tuple(n if n in kept else None for n in named),
                       tuple(arrays), header, rows, numbers=numbers)


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401 - without pyarrow the row reader says what it needs
    except ImportError:
        return False
    return True


def _longest(array: Any) -> int:
    import pyarrow.compute as pc

    if len(array) == 0:
        return 0
    longest = pc.max(pc.utf8_length(array)).as_py()
    return 0 if longest is None else int(longest)


def _csv_columns(file: Path, required: Sequence[str], columns: Mapping[str, str] | None,
                 synonyms: Mapping[str, str] | None
                 ) -> tuple[str, tuple[str, ...], list[Any], Any] | None:
    if format_of(file, RECORD_FORMATS, None).name != "csv":
        return None
    checked_file(file)
    if csv_encoding(file) != UTF_8:
        return None  # the row reader reads it, saying the encoding it read it in
    data = file.read_bytes()
    if data.count(b"\n") < COLUMNS_FROM_ROWS or not _has_pyarrow():
        return None
    written = csv_header(file)
    names = {**(synonyms or {}), **{normalise_column(k): v for k, v in (columns or {}).items()}}
    keyed = {names.get(normalise_column(h), normalise_column(h)) for h in written}
    if not set(required) <= keyed or len(written) > current_limits().columns:
        return None
    from corpparent.files._tabular.csv_columns import csv_columns, without_mark

    with system_memory():
        read = csv_columns(without_mark(data), len(written))
    if read is None:
        return None
    return str(file), written, list(read.cells), read.lines


def _text(column: Any) -> Any:
    """A column as one array of text, a missing value the empty text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not pa.types.is_string(array.type):
        array = array.cast(pa.string())
    return pc.fill_null(array, "") if array.null_count else array


def _is_text(kind: Any) -> bool:
    import pyarrow as pa

    types = pa.types
    if types.is_dictionary(kind):
        return _is_text(kind.value_type)
    is_string_view = getattr(types, "is_string_view", lambda _: False)
    return bool(types.is_string(kind) or types.is_large_string(kind) or is_string_view(kind))


def _arrow_columns(table: object) -> tuple[str, tuple[str, ...], list[Any], None] | None:
    if not _has_pyarrow():
        return None
    import pyarrow as pa

    module = type(table).__module__.split(".")[0]
    if not (isinstance(table, pa.Table) or module in ("pandas", "polars")):
        return None  # a stream read once (a reader, a DuckDB result): read row by row
    if not hasattr(table, "__arrow_c_stream__") or _object_columns(table):
        return None
    source = table_name(table)
    given = column_names_of(table)
    if given is None:
        return None
    header = check_column_names(source, given)
    with system_memory():
        try:
            whole = pa.RecordBatchReader.from_stream(table).read_all()
        except Exception:  # the exporter's or pyarrow's own error: the row reader says it
            return None
        at = [whole.schema.get_field_index(name) for name in header]
        if whole.num_rows < COLUMNS_FROM_ROWS or any(index < 0 for index in at) or not all(
                _is_text(whole.schema.field(index).type) for index in at):
            return None
        return source, tuple(header), [_text(whole.column(index)) for index in at], None
