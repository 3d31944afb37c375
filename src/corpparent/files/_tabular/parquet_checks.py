"""Checking a parquet file from its footer before a page of it is read.

A parquet file says in its footer what it holds: each column's type, each row group's
rows, each column chunk's size once uncompressed. Reading it takes pyarrow's compiled
code, which turns a binary column into bytes where text was wanted (and a raw
``TypeError`` further on), raises its own errors on a nested column, and allocates a
whole row group at once. So `parquet_metadata` reads the footer alone (a file that
is no parquet file, or is cut short, is a [`DataError`][corpparent.errors.DataError]), and
`check_parquet` refuses, before any data is read, a column of the wrong type
(naming the file, the column, what was expected and found) and a file over the read
limits: rows, rows in one row group, cells, and the bytes its columns expand to.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Final, Literal

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.limits import checked_file, current_limits, over_limit

__all__ = ["ColumnKind", "check_parquet", "parquet_errors", "parquet_metadata"]

#: What a column read from a parquet file must hold: text, or numbers (whole or not,
#: or text holding them, as older files write them).
ColumnKind = Literal["text", "number"]

_WANTED: Final[dict[str, str]] = {"text": "text", "number": "numbers"}


def parquet_errors() -> tuple[type[BaseException], ...]:
    """The exceptions pyarrow raises reading a file, each to become a placed problem."""
    import pyarrow as pa

    return (OSError, ValueError, TypeError, NotImplementedError, pa.ArrowException)


def parquet_metadata(path: str | os.PathLike[str]) -> Any:
    """The footer of the parquet file at ``path`` (a regular file within the size
    bound), or a [`DataError`][corpparent.errors.DataError] saying it cannot be read."""
    import pyarrow.parquet as pq

    source = str(path)
    checked_file(path)  # no directory, pipe or device, nothing over the size bound
    try:
        metadata = pq.read_metadata(path)
        metadata.schema.to_arrow_schema()  # every column's type known to Arrow
    except parquet_errors() as exc:
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    return metadata


def _holds(kind: Any, wanted: ColumnKind) -> bool:
    """Whether a column of Arrow type ``kind`` can be read as ``wanted``."""
    import pyarrow as pa

    types = pa.types
    if types.is_dictionary(kind):
        kind = kind.value_type
    is_string_view = getattr(types, "is_string_view", lambda _: False)
    text = bool(types.is_string(kind) or types.is_large_string(kind) or is_string_view(kind))
    if wanted == "text":
        return text or bool(types.is_null(kind))
    return text or bool(types.is_null(kind) or types.is_integer(kind)
                        or types.is_floating(kind) or types.is_decimal(kind))


def check_parquet(source: str, metadata: Any, columns: Mapping[str, ColumnKind]) -> None:
    """Raise a [`DataError`][corpparent.errors.DataError] if the parquet file whose footer is
    ``metadata`` cannot be read for ``columns`` (each name with what it must hold)
    within the read limits.

    Every column of the wrong type is named together (a binary column where text is
    wanted: ``field 'Short Desc': expected text, found binary``). Then the limits, each
    from the footer: the file's columns (``columns``), its rows (``parquet_rows``), each
    row group's (``row_group_rows``), the cells of the columns read (``cells``), and the
    bytes those columns' chunks expand to (``expanded_bytes``). A column the file lacks
    is left to the caller, which knows whether it may be missing.
    """
    schema = metadata.schema.to_arrow_schema()
    wrong = [Problem(source, field=name, expected=_WANTED[wanted],
                     found=str(schema.field(name).type))
             for name, wanted in columns.items()
             if schema.get_field_index(name) >= 0
             and not _holds(schema.field(name).type, wanted)]
    if wrong:
        raise DataError(wrong)
    limits = current_limits()
    if metadata.num_columns > limits.columns:
        raise over_limit(source, "the parquet file", f"{metadata.num_columns:,} columns",
                         "columns")
    if metadata.num_rows > limits.parquet_rows:
        raise over_limit(source, "the parquet file", f"{metadata.num_rows:,} rows",
                         "parquet_rows")
    if metadata.num_rows * len(columns) > limits.cells:
        raise over_limit(source, "the parquet file", f"{metadata.num_rows * len(columns):,} "
                         "cells in the columns read", "cells")
    leaves = [metadata.schema.column(i).path for i in range(metadata.num_columns)]
    read = [leaves.index(name) for name in columns if name in leaves]
    expanded = 0
    for index in range(metadata.num_row_groups):
        group = metadata.row_group(index)
        if group.num_rows > limits.row_group_rows:
            raise over_limit(source, f"row group {index + 1} of the parquet file",
                             f"{group.num_rows:,} rows", "row_group_rows")
        expanded += sum(group.column(leaf).total_uncompressed_size for leaf in read)
        if expanded > limits.expanded_bytes:
            raise over_limit(source, "the parquet file", f"more than "
                             f"{limits.expanded_bytes:,} bytes in the columns read, "
                             "uncompressed", "expanded_bytes")
