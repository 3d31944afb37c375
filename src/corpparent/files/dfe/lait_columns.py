"""Reading the LAIT dataset fast: whole columns with pyarrow, validated column by column.

[`corpparent.files.dfe.lait.read_lait`][corpparent.files.dfe.lait.read_lait] validates each of the
641,070 rows as a pydantic model, which is clear but slow (seconds). `read_lait_table` reads the
same file into a [`LaitTable`][corpparent.dfe.lait_table.LaitTable] by checking each column
as a whole with Arrow's compute functions, and still reports every bad value with its
row and column: a missing measure code or ``Years`` label, an ``LA Number`` that is
not a whole number, a value that is neither a number nor an official symbol, an
unknown region, a second value for the same area, measure and year.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from corpparent.benchmarking.buffers import to_numpy
from corpparent.dfe.lait_table import LaitTable
from corpparent.errors import DataError, Problem
from corpparent.files._tabular.parquet_checks import (
    ColumnKind,
    check_parquet,
    parquet_errors,
    parquet_metadata,
)
from corpparent.files.dfe.lait_decoding import (
    _check_text,
    _problems,
    _required,
    _text_index,
    _values,
)
from corpparent.files.dfe.lait_keys import _areas, _duplicates, _unless

__all__ = ["read_lait_table"]

_COLUMNS: Final = ("Short Desc", "Years", "LA and Regions", "Values", "LA Number", "Region")
#: What each column must hold, checked from the file's footer before it is read.
_KINDS: Final[dict[str, ColumnKind]] = {
    name: "number" if name == "LA Number" else "text" for name in _COLUMNS}


#: Read as Arrow dictionaries: few distinct texts, each checked once (``Values``, with
#: many, only where the file holds them so: `_as_dictionaries`).
_TEXT_COLUMNS: Final = ("Short Desc", "Years", "LA and Regions", "Region", "Values")


#: Writers keep a column dictionary-encoded until its dictionary passes 1 MiB (Arrow's
#: default), then write plain text; a row group's values within this many bytes in all
#: were therefore surely encoded with a dictionary.
_DICTIONARY_BYTES: Final = 1 << 20


def _as_dictionaries(metadata: Any) -> list[str]:
    """The text columns to read as Arrow dictionaries.

    Reading a column the file holds dictionary-encoded as a dictionary is cheaper than
    reading it as text (LAIT's file: every column). ``Values`` can have too many distinct
    texts for that: in a file with larger row groups (ten times the data) they are plain
    text, and Arrow would have to build each dictionary by hashing every value, which
    costs more than it saves; so ``Values`` is read as a dictionary only when every row
    group's values are small enough to have been kept as one.
    """
    leaves = [metadata.schema.column(i).path for i in range(metadata.num_columns)]
    small = "Values" in leaves and all(
        metadata.row_group(group).column(leaves.index("Values")).total_uncompressed_size
        <= _DICTIONARY_BYTES for group in range(metadata.num_row_groups))
    return [name for name in _TEXT_COLUMNS if small or name != "Values"]


def read_lait_table(path: str | Path) -> LaitTable:
    """Read the LAIT long dataset (parquet) into columns.

    The text columns are read as Arrow dictionaries (the values where the file keeps
    them so), so each distinct text (55,323 values, 434 measures, 65 labels, 170 areas)
    is checked once, not once per row.
    Every bad value is a [`Problem`][corpparent.errors.Problem] naming the file, the row
    of the parquet table (counting from 1) and the column; all of them are raised
    together as one [`DataError`][corpparent.errors.DataError].
    """
    import numpy as np
    import pyarrow.parquet as pq

    source = str(path)
    metadata = parquet_metadata(path)
    names = metadata.schema.to_arrow_schema().names
    missing = [c for c in _COLUMNS if c not in names]
    if missing:
        raise DataError(Problem(source, f"missing column {c!r}", field=c) for c in missing)
    # Each column's type and the file's size from its footer, before a page is read.
    check_parquet(source, metadata, _KINDS)
    try:
        # ParquetFile, not read_table: read_table loads pyarrow.dataset for nothing.
        table = pq.ParquetFile(path, read_dictionary=_as_dictionaries(metadata)).read(
            columns=list(_COLUMNS))
        _check_text(table)
        number = to_numpy(table["LA Number"], null=np.nan).astype(np.float64, copy=False)
    except parquet_errors() as exc:
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    columns = _text_columns(table, source)
    problems: list[Problem] = []
    measures, measure = _text_index(columns["Short Desc"])
    labels, label = _text_index(columns["Years"])
    _required(measures, measure, "Short Desc", source, problems)
    _required(labels, label, "Years", source, problems)
    # A whole number from 1 (the old LA codes are three digits; 2**31 bounds the cast;
    # NaN and the infinities fail the comparisons).
    bad_number = ~((number >= 1) & (number < 2**31) & (np.floor(number) == number))
    problems.extend(_problems(source, np.flatnonzero(bad_number), "LA Number",
                              "expected a whole number from 1 to 2147483647"))
    value, symbol, symbols = _values(columns["Values"], source, problems)
    area, areas = _areas(columns, np.where(bad_number, 0, number) if bad_number.any()
                         else number, source, problems)
    # A row already reported is not reported again as a second value.
    reported = [p.line - 1 for p in problems if p.line is not None]
    _duplicates(_unless(measure, reported), label, area, labels, measures, areas, source,
                problems)
    if problems:
        raise DataError(problems)
    return LaitTable(source, measures=tuple(m or "" for m in measures),
                     labels=tuple(y or "" for y in labels), areas=areas, symbols=symbols,
                     measure=measure, label=label, area=area, value=value, symbol=symbol)


def _text_columns(table: Any, source: str) -> dict[str, Any]:
    """The text columns, each read as a dictionary (``Values`` perhaps as plain text); a
    column with no cell filled in is all empty cells, and a column of numbers or
    anything else is a problem."""
    import pyarrow as pa

    def plain(kind: Any) -> bool:
        return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))

    columns: dict[str, Any] = {}
    wrong: list[Problem] = []
    for name in _TEXT_COLUMNS:
        column = table[name]
        if pa.types.is_null(column.type):
            column = column.cast(pa.dictionary(pa.int32(), pa.string()))
        elif not (pa.types.is_dictionary(column.type)
                  or (name == "Values" and plain(column.type))):
            wrong.append(Problem(source, f"expected text, found {column.type}", field=name))
        columns[name] = column
    if wrong:
        raise DataError(wrong)
    return columns
