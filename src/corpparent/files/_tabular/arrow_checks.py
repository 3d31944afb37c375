"""Reading a table that speaks Arrow (pandas, polars, pyarrow, DuckDB), checked before
any native code sees what it could fail on.

A DataFrame is handed over through the Arrow PyCapsule interface
(``__arrow_c_stream__``), and what crosses it is read by compiled code: polars' own
exporter ends the process (a Rust panic, exit 134) when a column's name holds a NUL;
pyarrow raises its own errors on a nested or binary column; pandas refuses an object
column mixing text and numbers. So the table is read in this order, each step refusing
what the next could not take with a [`DataError`][corpparent.errors.DataError] naming the
table, the column and the limit:

1. the column names, as the table gives them in Python (``frame.columns``,
   ``table.column_names``) before anything is exported (`check_column_names`):
   text, no NUL, none twice, at most the ``columns`` limit; and the rows the table
   says it has (``frame.shape``), at most the ``rows`` limit;
2. the stream's schema alone, before a batch is read (`check_arrow_schema`):
   only flat columns whose values a CSV cell can hold;
3. the batches as they come, the rows counted against ``rows`` and ``cells`` and each
   cell against ``cell_chars``, so no table is read whole before it is refused.

A pandas object column (text mixed with numbers, ``None`` and ``NaN``) is read in Python
(`value_text`) rather than handed to Arrow,
so it reads as ``to_csv`` writes it. corpparent imports neither pandas nor polars: both
are known by what they offer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from corpparent.errors import DataError, MissingDependencyError, Problem
from corpparent.files._tabular.cell_values import ACCEPTED_VALUES, kind_of, value_text
from corpparent.files._tabular.limits import current_limits, over_limit
from corpparent.files._tabular.problems import shown

__all__ = [
    "FLAT_TYPES",
    "arrow_rows",
    "check_arrow_schema",
    "check_column_names",
    "column_names_of",
    "refused_type",
    "table_name",
]

#: The Arrow types a column may have, as a problem says them.
FLAT_TYPES: Final = ("text, whole or decimal numbers, true or false, dates, times or "
                     "timestamps (a dictionary of any of these)")
#: At most this many cells a CSV cell could not hold are listed; a count says the rest.
_LISTED: Final = 50


def table_name(table: object) -> str:
    """How a table is named in problems: ``the pandas DataFrame``."""
    kind = type(table)
    return f"the {kind.__module__.split('.')[0]} {kind.__name__}"


def column_names_of(table: object) -> list[object] | None:
    """The names of ``table``'s columns as it gives them in Python, without exporting
    anything (pyarrow's ``column_names``, pandas', polars' and DuckDB's ``columns``), or
    ``None`` where it gives none."""
    for attribute in ("column_names", "columns"):
        try:
            names = getattr(table, attribute, None)
            if names is not None and not callable(names) and not isinstance(names, str):
                return list(names)
        except Exception:  # the table's own property failed: its names are read from Arrow
            return None
    return None


def check_column_names(source: str, names: Sequence[object]) -> list[str]:
    """``names`` as text, once each is known to be text without a NUL and none is
    repeated, and there are at most the ``columns`` limit of them; otherwise one
    [`DataError`][corpparent.errors.DataError] naming every column at fault (by its
    position where its name cannot be written)."""
    if len(names) > current_limits().columns:
        raise over_limit(source, "the table", f"{len(names):,} columns", "columns",
                         line=1)
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, name in enumerate(names, 1):
        if not isinstance(name, str):
            problems.append(Problem(source, "a column's name is not text", line=1,
                                    field=f"column {position}", expected="text",
                                    found=shown(name)))
        elif "\x00" in name:
            problems.append(Problem(source, "a column's name holds a NUL character", line=1,
                                    field=f"column {position}", expected="text without NUL",
                                    found=repr(name)))
        elif name in seen:
            problems.append(Problem(source, line=1, field=name, expected="each column once",
                                    found="it repeated"))
        else:
            seen.add(name)
    if problems:
        raise DataError(problems)
    return [str(name) for name in names]


def refused_type(kind: Any) -> bool:
    """Whether no CSV cell can hold a value of the Arrow type ``kind``: a nested type
    (list, struct, map, union), binary, a duration or interval, an extension type."""
    import pyarrow as pa

    types = pa.types
    if types.is_dictionary(kind):
        return types.is_dictionary(kind.value_type) or refused_type(kind.value_type)
    if isinstance(kind, pa.ExtensionType):
        return True
    is_string_view = getattr(types, "is_string_view", lambda _: False)
    return not (types.is_null(kind) or types.is_boolean(kind) or types.is_integer(kind)
                or types.is_floating(kind) or types.is_decimal(kind)
                or types.is_string(kind) or types.is_large_string(kind)
                or is_string_view(kind) or types.is_date(kind)
                or types.is_timestamp(kind) or types.is_time(kind))


def check_arrow_schema(source: str, schema: Any) -> None:
    """Raise one [`DataError`][corpparent.errors.DataError] naming each column of the Arrow
    ``schema`` whose type no CSV cell can hold (`refused_type`), and any name
    `check_column_names` refuses."""
    check_column_names(source, schema.names)
    _check_types(source, list(schema))


def _check_types(source: str, fields: Sequence[Any],
                 dtypes: Mapping[str, str] | None = None) -> None:
    """Refuse each field of a type `refused_type` names, said as the table names it
    (``dtypes``, a polars ``Object``, a pandas ``period[Q-DEC]``) and as Arrow does."""
    said = dtypes or {}
    problems = [Problem(source, "no table cell can hold this column's values", line=1,
                        field=field.name, expected=FLAT_TYPES,
                        found=(f"{said[field.name]} (in Arrow, {field.type})"
                               if field.name in said else str(field.type)))
                for field in fields if refused_type(field.type)]
    if problems:
        raise DataError(problems)


def _pyarrow(source: str) -> Any:
    try:
        import pyarrow as pa
    except ImportError:
        raise MissingDependencyError(
            f"reading {source} needs pyarrow, which is not installed; install it "
            "with: pip install 'corpparent[dfe]'") from None
    return pa


def _object_columns(table: object) -> list[int]:
    """The positions of a pandas DataFrame's columns read in Python, as Arrow cannot take
    them: an object column (text mixed with numbers), a categorical whose categories are
    such objects (``12.5`` and ``"c"``), a sparse column."""
    if not type(table).__module__.startswith("pandas"):
        return []
    dtypes = getattr(table, "dtypes", None)
    return [] if dtypes is None else [i for i, kind in enumerate(dtypes) if _in_python(kind)]


def _in_python(kind: Any) -> bool:
    name = str(kind)
    if name == "category":
        return str(getattr(getattr(kind, "categories", None), "dtype", "")) == "object"
    return name == "object" or name.startswith("Sparse")


def _failing_columns(frame: Any, names: Sequence[str]) -> list[str]:
    """The columns of ``frame`` its exporter cannot hand over as Arrow, found by handing
    over each alone (pandas' ``iloc``, polars' and pyarrow's ``select``)."""
    import pyarrow as pa

    failing = []
    for position, name in enumerate(names):
        try:
            alone = (frame.iloc[:, [position]] if hasattr(frame, "iloc")
                     else frame.select([name]))
            pa.RecordBatchReader.from_stream(alone).read_all()
        except Exception:  # the exporter's or pyarrow's own error, of any kind
            failing.append(name)
    return failing


def _unreadable(source: str, frame: Any, names: Sequence[str] | None) -> DataError:
    """The problem of a table its exporter could not hand over: each column at fault
    named with its type as the table gives it, or the table's own where none is found
    alone. No exporter's message is passed on."""
    failing = _failing_columns(frame, names) if names else []
    dtypes = _dtypes(frame, names or ())
    if not failing:
        return DataError.single(source, "cannot read the table: it could not be handed over "
                                "as Arrow columns", expected=FLAT_TYPES)
    return DataError([Problem(source, "cannot read this column: it could not be handed over "
                              "as an Arrow column", line=1, field=name, expected=FLAT_TYPES,
                              found=dtypes.get(name)) for name in failing])


def _dtypes(frame: Any, names: Sequence[str]) -> dict[str, str]:
    """Each column's type as the table names it (pandas' and polars' ``dtypes``)."""
    try:
        return {name: str(kind) for name, kind in zip(names, frame.dtypes, strict=True)}
    except Exception:  # no dtypes, or not one a column: the types go unsaid
        return {}


def arrow_rows(table: object) -> Iterator[tuple[int, list[str]]]:
    """The header (line 1) and each row (from line 2) of a table speaking Arrow, as
    text, checked as the module says before and while it is read."""
    source = table_name(table)
    limits = current_limits()
    given = column_names_of(table)
    names = check_column_names(source, given) if given is not None else None
    shape = getattr(table, "shape", None)
    if isinstance(shape, tuple) and shape and isinstance(shape[0], int):
        if shape[0] > limits.rows:
            raise over_limit(source, "the table", f"{shape[0]:,} rows", "rows")
        if names is not None and shape[0] * len(names) > limits.cells:
            raise over_limit(source, "the table", f"{shape[0] * len(names):,} cells",
                             "cells")
    pa = _pyarrow(source)
    in_python = _object_columns(table) if names is not None else []
    frame: Any = table
    kept = [i for i in range(len(names or ())) if i not in in_python]
    try:
        if in_python and not kept:  # nothing for Arrow: the rows are counted in Python
            reader: Any = _PythonOnly(len(frame))
        else:
            reader = pa.RecordBatchReader.from_stream(frame.iloc[:, kept] if in_python
                                                      else frame)
        schema = reader.schema
    except Exception:  # the exporter's or pyarrow's own error, of any kind
        raise _unreadable(source, frame, names) from None
    header = names if names is not None else check_column_names(source, schema.names)
    # Arrow's columns by name: pandas adds its index as a column (``__index_level_0__``),
    # which ``to_csv(index=False)`` leaves out, and so does corpparent.
    at = {name: schema.get_field_index(name) for position, name in enumerate(header)
          if position not in in_python}
    lost = [name for name, index in at.items() if index < 0]
    if lost:
        raise DataError.single(source, "cannot read the table: its Arrow stream does not "
                               "give this column once", line=1, field=lost[0])
    _check_types(source, [schema.field(index) for index in at.values()],
                 _dtypes(frame, header))
    yield 1, header
    python_values = {i: frame.iloc[:, i].tolist() for i in in_python}
    problems: list[Problem] = []
    start = 0
    for batch in _batches(reader, source, frame, names):
        if start + batch.num_rows > limits.rows:
            raise over_limit(source, "the table", f"more than {limits.rows:,} rows", "rows")
        if (start + batch.num_rows) * len(header) > limits.cells:
            raise over_limit(source, "the table", f"more than {limits.cells:,} cells",
                             "cells")
        columns: list[list[str]] = []
        for position, name in enumerate(header):
            if position in python_values:
                values = python_values[position][start:start + batch.num_rows]
            else:
                values = _values(batch.column(at[name]), source, name, start)
            columns.append(_texts(values, source, name, start, position in python_values,
                                  problems))
        for index in range(batch.num_rows):
            yield start + index + 2, [column[index] for column in columns]
        start += batch.num_rows
    if problems:
        raise DataError(_listed(problems, source))


class _PythonOnly:
    """The batches of a table whose every column is read in Python: only their lengths."""

    def __init__(self, rows: int, size: int = 65_536) -> None:
        import pyarrow as pa

        self.schema = pa.schema([])
        self._sizes = iter([min(size, rows - start) for start in range(0, rows, size)])

    def read_next_batch(self) -> _PythonOnly.Batch:
        return self.Batch(next(self._sizes))

    class Batch:
        def __init__(self, rows: int) -> None:
            self.num_rows = rows


def _batches(reader: Any, source: str, frame: Any, names: Sequence[str] | None
             ) -> Iterator[Any]:
    """The stream's batches as they come; the exporter's own errors become a problem."""
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            return
        except Exception:  # the exporter's or pyarrow's own error, of any kind
            raise _unreadable(source, frame, names) from None
        yield batch


#: What a date or time column's values must be for Python to hold them.
_PYTHON_TIMES: Final = "a date or time in the years 1 to 9999, in a time zone this system knows"


def _values(column: Any, source: str, name: str, start: int) -> list[Any]:
    """An Arrow column's values in Python (a dictionary's decoded), or a problem at each
    row whose value Python cannot hold (a timestamp beyond the year 9999, a time zone
    this system does not know), naming the column and what was expected."""
    try:
        values: list[Any] = column.to_pylist()
    except Exception:  # pyarrow's own error, of any kind: the rows at fault are found
        problems = []
        for index in range(len(column)):
            try:
                column[index].as_py()
            except Exception:  # pyarrow's own error, of any kind
                problems.append(Problem(source, "a value no table cell can hold",
                                        line=start + index + 2, field=name,
                                        expected=_PYTHON_TIMES, found=f"a {column.type} "
                                        "value beyond them"))
        raise DataError(_listed(problems or [Problem(
            source, "cannot read the column's values", line=1, field=name,
            expected=_PYTHON_TIMES)], source)) from None
    return values


def _texts(values: Sequence[object], source: str, name: str, start: int, missing: bool,
           problems: list[Problem]) -> list[str]:
    """Each value as a cell's text; a value no cell can hold is a problem at its line,
    and a text over the ``cell_chars`` limit refuses the table."""
    limit = current_limits().cell_chars
    texts: list[str] = []
    for index, value in enumerate(values):
        text = value_text(value, nan_is_missing=missing)
        line = start + index + 2
        if text is None:
            problems.append(Problem(source, line=line, field=name, expected=ACCEPTED_VALUES,
                                    found=kind_of(value)))
            text = ""
        elif len(text) > limit:
            raise over_limit(source, "a cell's text", f"{len(text):,} characters",
                             "cell_chars", line=line, field=name)
        texts.append(text)
    return texts


def _listed(problems: list[Problem], source: str) -> list[Problem]:
    """The first problems, then a count of the rest, so a column of lists is not a
    million lines of errors."""
    if len(problems) <= _LISTED:
        return problems
    return [*problems[:_LISTED], Problem(source, f"and {len(problems) - _LISTED} more "
                                         "cells no table cell can hold")]
