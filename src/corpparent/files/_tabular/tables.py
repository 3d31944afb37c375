"""Records from what an analyst already holds in Python: a list of dicts, or a table
that speaks Arrow (a pandas or polars DataFrame, a pyarrow Table, a DuckDB result).

A list of dicts is read as a JSON list of records is: each dict a record, named by its
index (``[3].value``). A table is read through the Arrow PyCapsule interface
(``__arrow_c_stream__``), which pandas (2.2 and later), polars, pyarrow and DuckDB all
speak, so corpparent depends on none of them: pyarrow, already the optional ``dfe``
extra, turns the stream into columns. Each cell is given as text, as a CSV file gives
it, and the table is checked as the CSV file written from it would be (``to_csv``
without the index): its header is line 1 and its first row line 2, so a problem names
the same line and column in either.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, TypeGuard, runtime_checkable

from corpparent.errors import DataError, MissingDependencyError
from corpparent.files._tabular.problems import Locator
from corpparent.files._tabular.records import Records, json_records, read_records, tabular_records
from corpparent.files._tabular.sheets import cell_text

__all__ = ["ArrowStream", "TableSource", "records_of"]


@runtime_checkable
class ArrowStream(Protocol):
    """A table that exports itself as an Arrow stream (the Arrow PyCapsule interface)."""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...


#: What the readers of tabular kinds read: a file, a list of dicts, or an Arrow table.
TableSource = str | os.PathLike[str] | Sequence[Mapping[str, Any]] | ArrowStream


def _is_dicts(value: object) -> TypeGuard[Sequence[Mapping[str, Any]]]:
    return isinstance(value, list | tuple)


def records_of(
    source: TableSource,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    json_key: str | None = None,
    unknown_columns: Literal["refuse", "keep"] = "refuse",
    normalise_header: bool = True,
    sheet: str | None = None,
) -> Records:
    """The records of ``source``: a file (read by :func:`read_records`), a list of
    dicts, or a table speaking Arrow; anything else is a
    :class:`~corpparent.errors.DataError` saying what is accepted."""
    if isinstance(source, str | os.PathLike):
        return read_records(Path(source), required=required, optional=optional, json_key=json_key,
                            unknown_columns=unknown_columns, normalise_header=normalise_header,
                            sheet=sheet)
    if isinstance(source, ArrowStream):
        return tabular_records(_name(source), _arrow_rows(source), required=required,
                               optional=optional, unknown_columns=unknown_columns,
                               normalise_header=normalise_header)
    if _is_dicts(source):
        return json_records(list(source), Locator("the records given"))
    raise DataError.single(_name(source), expected="a file's path, a list of dicts, or a "
                           "table speaking Arrow (a pandas or polars DataFrame, a pyarrow "
                           "Table, a DuckDB result)", found=f"a {type(source).__name__}")


def _name(table: object) -> str:
    """How a table is named in problems: ``the pandas DataFrame``."""
    kind = type(table)
    return f"the {kind.__module__.split('.')[0]} {kind.__name__}"


def _arrow_rows(table: ArrowStream) -> Iterator[tuple[int, list[str]]]:
    """The header (line 1) and each row (from line 2) of an Arrow table, as text."""
    try:
        import pyarrow as pa
    except ImportError:
        raise MissingDependencyError(
            f"reading {_name(table)} needs pyarrow, which is not installed; install it "
            "with: pip install 'corpparent[dfe]'") from None
    try:
        read = pa.table(table)
        columns = [read.column(index).to_pylist() for index in range(read.num_columns)]
    except Exception as exc:  # the exporter's or pyarrow's own error, of any kind
        raise DataError.single(_name(table), f"cannot read the table: {exc}") from None
    yield 1, [str(name) for name in read.column_names]
    for index in range(read.num_rows):
        yield index + 2, [cell_text(column[index]) for column in columns]


