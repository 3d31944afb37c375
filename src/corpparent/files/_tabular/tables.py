"""Records from what an analyst already holds in Python: a list of dicts, or a table
that speaks Arrow (a pandas or polars DataFrame, a pyarrow Table, a DuckDB result).

A list of dicts is read as a JSON list of records is: each dict a record, named by its
index (``[3].value``). Each item must be a dict with text keys, and each value one a
CSV cell can hold (text, a number, true or false, a date or time, nothing), which
becomes the text the cell would hold; a key missing from an item is an empty cell, as
it is in the CSV file written from the list. Anything else (a list, bytes, an object)
is a problem at its place, and a list over the read limits (rows, columns, cell text)
is refused before it is read.

A table is read through the Arrow PyCapsule interface (``__arrow_c_stream__``), which
pandas (2.2 and later), polars, pyarrow and DuckDB all speak, so corpparent depends on
none of them: pyarrow, already the optional ``dfe`` extra, turns the stream into
columns, once its names and types have been checked
(`arrow_checks`). Each cell is given as text, as a CSV
file gives it, and the table is checked as the CSV file written from it would be
(``to_csv`` without the index): its header is line 1 and its first row line 2, so a
problem names the same line and column in either.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal, Protocol, TypeGuard, runtime_checkable

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.arrow_checks import arrow_rows, table_name
from corpparent.files._tabular.cell_values import ACCEPTED_VALUES, kind_of, value_text
from corpparent.files._tabular.limits import current_limits, over_limit
from corpparent.files._tabular.problems import Locator, shown
from corpparent.files._tabular.records import Records, json_records, read_records, tabular_records

__all__ = ["ArrowStream", "TableSource", "checked_dicts", "records_of"]

#: How a list of dicts is named in problems.
DICTS_SOURCE: Final = "the records given"


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
    columns: Mapping[str, str] | None = None,
    synonyms: Mapping[str, str] | None = None,
) -> Records:
    """The records of ``source``: a file (read by `read_records`), a list of
    dicts, or a table speaking Arrow; anything else is a
    [`DataError`][corpparent.errors.DataError] saying what is accepted. A file's or table's
    headings are mapped to fields by ``columns`` and ``synonyms``
    (`column_names`)."""
    if isinstance(source, str | os.PathLike):
        return read_records(Path(source), required=required, optional=optional, json_key=json_key,
                            unknown_columns=unknown_columns, normalise_header=normalise_header,
                            sheet=sheet, columns=columns, synonyms=synonyms)
    if isinstance(source, ArrowStream):
        return tabular_records(table_name(source), arrow_rows(source), required=required,
                               optional=optional, unknown_columns=unknown_columns,
                               normalise_header=normalise_header, columns=columns,
                               synonyms=synonyms)
    if _is_dicts(source):
        return json_records(checked_dicts(source), Locator(DICTS_SOURCE))
    raise DataError.single(table_name(source), expected="a file's path, a list of dicts, or "
                           "a table speaking Arrow (a pandas or polars DataFrame, a pyarrow "
                           "Table, a DuckDB result)", found=f"a {type(source).__name__}")


def checked_dicts(items: Sequence[object], source: str = DICTS_SOURCE
                  ) -> list[dict[str, str]]:
    """Each of ``items`` as the row of a CSV file holds it: a dict of text under text keys,
    every key of the list in each (an empty cell where an item lacks one).

    The list is refused before it is read where it has more items than the ``rows``
    limit, and as soon as it has more keys than ``columns`` or a value's text is longer
    than ``cell_chars``. Otherwise every item that is not a dict, every key that is not
    text, and every value no CSV cell can hold is a problem at its place (``[3]``,
    ``[3].value``), raised together as one [`DataError`][corpparent.errors.DataError].
    """
    limits = current_limits()
    if len(items) > limits.rows:
        raise over_limit(source, "the list of records", f"{len(items):,} records", "rows")
    where = Locator(source)
    problems: list[Problem] = []
    keys: dict[str, None] = {}
    rows: list[dict[str, str]] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            problems.append(where.problem((index,), expected="a dict", found=shown(item)))
            continue
        row: dict[str, str] = {}
        for key, value in item.items():
            if not isinstance(key, str) or "\x00" in key:
                problems.append(where.problem((index,), "a key is not text without NUL",
                                              expected="text", found=shown(key)))
                continue
            text = value_text(value)
            if text is None:
                problems.append(where.problem((index, key), expected=ACCEPTED_VALUES,
                                              found=kind_of(value)))
                continue
            if len(text) > limits.cell_chars:
                raise over_limit(source, "a value's text", f"{len(text):,} characters",
                                 "cell_chars", field=where.field_of((index, key)))
            if key not in keys:
                keys[key] = None
                if len(keys) > limits.columns:
                    raise over_limit(source, "the list of records",
                                     f"more than {limits.columns:,} keys", "columns")
            row[key] = text
        rows.append(row)
    if problems:
        raise DataError(problems)
    return [{key: row.get(key, "") for key in keys} for row in rows]
