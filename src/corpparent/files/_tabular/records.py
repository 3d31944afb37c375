"""Reading records from CSV and JSON files, row by row, with every problem kept.

The shared edge for every tabular input corpparent reads (readings, comparator values,
meeting records, submissions, and the DfE's and Ofsted's published files): a CSV file
with a header row, or a JSON file holding a list of objects (or an object with one list
under a named key). Each record
is validated by a pydantic model; a record that fails becomes a
[`Problem`][corpparent.errors.Problem] naming the file, the line (the CSV line, the header
being line 1; for JSON the line where the record or its key is written), the field and
what was expected, and the caller raises one [`DataError`][corpparent.errors.DataError] with
all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar, final, overload

from attrs import evolve, field, frozen
from pydantic import BaseModel, ValidationError

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.column_names import (
    column_map,
    missing_headings,
    numbered as numbered_headings,
    renamed,
)
from corpparent.files._tabular.csv_rows import header_of, normalise_column
from corpparent.files._tabular.documents import decode_document, read_text
from corpparent.files._tabular.formats import RECORD_FORMATS, Shape, format_of
from corpparent.files._tabular.formula_errors import formula_problems
from corpparent.files._tabular.limits import current_limits, over_limit
from corpparent.files._tabular.problems import Locator, problems_from_validation, shown
from corpparent.files._tabular.text_encoding import other_encoding
from corpparent.files._tabular.toml_lines import format_path

__all__ = [
    "RawRecord",
    "Records",
    "json_records",
    "normalise_column",
    "read_records",
    "tabular_records",
    "validate_records",
]

M = TypeVar("M", bound=BaseModel)


@frozen
class RawRecord:
    """One record as read: where it came from, and its fields as text or JSON values.

    ``row`` is the line the record starts on. ``problem`` says why a record could not
    even be read as fields (a CSV row with more cells than the header, a JSON item that
    is not an object); such a record is reported by `validate_records` beside
    every other problem of the file. ``where`` places the record's keys on their own
    lines and names them by key path (a JSON record); without it, the record is a CSV
    row whose fields are its columns.
    """

    source: str
    row: int
    fields: Mapping[str, Any]
    problem: str | None = None
    where: Locator | None = None
    headings: Mapping[str, str] = field(factory=dict)

    def locator(self, columns: Mapping[str, str] | None = None) -> Locator:
        """How the record's places are named: by ``where``, or as a CSV row whose fields
        are its columns under their headings as written (``headings`` maps a field to
        its heading where the two differ; ``columns`` maps a model's fields to the
        headings they were read from)."""
        if self.where is not None:
            return self.where
        return Locator(self.source, line=self.row, tabular=True,
                       columns={**self.headings, **(columns or {})})

    def problem_at(self, field: str | None, note: str = "", *,
                   expected: str | None = None, found: str | None = None,
                   fix: str | None = None) -> Problem:
        """A problem of this record's ``field`` (or of the whole record)."""
        path = () if field is None else (field,)
        return self.locator().problem(path, note, expected=expected, found=found, fix=fix)


@final
@frozen
class Records(Sequence[RawRecord]):
    """The records of one file, in file order, with the file's header.

    ``header`` holds the CSV column names as the records' fields name them (normalised
    or as published, repeated headings numbered); for a JSON file, every key in the
    order first met. ``problems`` are those of the header that still let the rows be
    read (an unknown column, left out of every record); `validate_records` takes
    a whole ``Records``, not loose records, so it always reports them beside the rows'
    own problems in one pass.
    """

    source: str
    header: tuple[str, ...]
    records: tuple[RawRecord, ...]
    problems: tuple[Problem, ...] = ()
    encoding: str | None = None
    """The encoding a CSV file was read in where it was not UTF-8 (``cp1252``)."""

    @overload
    def __getitem__(self, index: int) -> RawRecord: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[RawRecord]: ...

    def __getitem__(self, index: int | slice) -> RawRecord | Sequence[RawRecord]:
        return self.records[index]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[RawRecord]:
        return iter(self.records)

    def with_records(self, records: Iterable[RawRecord]) -> Records:
        """The same file with ``records`` in place of its own (some left out, or each
        recast), its header's problems kept so they are still reported."""
        return evolve(self, records=tuple(records))

    def require(self, columns: Iterable[str]) -> None:
        """Raise one [`DataError`][corpparent.errors.DataError] naming every one of ``columns``
        the header lacks; for a header known only once the file is read, such as one of
        two published layouts."""
        problems = _missing_columns(self.source, self.header, columns, None)
        if problems:
            raise DataError(problems)


def read_records(
    path: str | Path,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    json_key: str | None = None,
    unknown_columns: Literal["refuse", "keep"] = "refuse",
    normalise_header: bool = True,
    format: str | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    synonyms: Mapping[str, str] | None = None,
) -> Records:
    """Read a CSV, JSON, Excel or OpenDocument file (in the format its suffix is of, or
    the ``format`` named, as `formats` registers them)
    into raw records.

    Missing required columns are problems of the header (line 1), reported together.
    By default a column neither required nor optional is one too, since a misspelt
    optional column would otherwise be silently dropped: the rows are read without it,
    and the problem is kept on the `Records` so `validate_records` reports
    it beside the rows' own. Headers are normalised (``'Substitute For'`` is
    ``substitute_for``). A published file whose columns are not all known in advance
    (the filter columns of an EES file) is read with ``unknown_columns="keep"`` and
    ``normalise_header=False``: every column is kept under its heading as published.
    Repeated headings are numbered as spreadsheets read them (``SNP``, ``SNP.1``,
    ``SNP.2``); where unknown columns are refused, a repeated heading is a problem, as
    one of its columns would be ambiguous. A missing or repeated column stops the file
    at its header, since no row can be judged without it.

    A workbook's table is read from ``sheet``, or found as
    `sheet_table` finds it; its header is on the
    sheet's row where the table starts, and each field is named by its cell too.
    ``columns`` and ``synonyms`` map headings to fields
    (`column_names`).
    """
    file = Path(path)
    found = format_of(file, RECORD_FORMATS, format)
    if found.shape is Shape.DOCUMENT:  # JSON records' keys are checked by each record's model
        return _json_records(file, json_key)
    assert found.table is not None  # the other RECORD_FORMATS are tables
    names = column_map(columns or {}, synonyms or {})
    table = found.table(file, required, sheet, (lambda heading: names.get(
        normalise_column(heading), normalise_column(heading))) if normalise_header
        else str.strip)
    records = tabular_records(str(file), table.rows, required=required, optional=optional,
                              unknown_columns=unknown_columns,
                              normalise_header=normalise_header, cells=table.cell,
                              stray=table.stray, columns=columns, synonyms=synonyms,
                              errors=table.errors)
    return evolve(records, encoding=other_encoding(file)) if found.name == "csv" else records


def tabular_records(
    source: str,
    rows: Iterator[tuple[int, list[str]]],
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    unknown_columns: Literal["refuse", "keep"] = "refuse",
    normalise_header: bool = True,
    cells: Callable[[int, int], str] | None = None,
    stray: Sequence[tuple[int, str]] = (),
    columns: Mapping[str, str] | None = None,
    synonyms: Mapping[str, str] | None = None,
    errors: Sequence[tuple[int, int, str]] = (),
) -> Records:
    """The records of a table given as rows of text cells with their line numbers, the
    first its header, checked as `read_records` checks a CSV file's. ``cells``
    names the cell of a column (0-based) in a row, where the table has cells (a sheet);
    ``stray`` gives rows found outside the table (above a sheet's header), each made a
    record with its problem so it is reported, not lost; ``errors`` the cells holding a
    formula's error (row, column, text), each a problem of the table, as the cell's
    value cannot be read (`formula_errors`)."""
    written, published, header, records = _table_records(
        source, rows, normalise_header, cells, (columns or {}, synonyms or {}))
    if stray:
        records = evolve(records, records=(
            *(RawRecord(source, line, {}, problem) for line, problem in stray),
            *records.records))
    failed = tuple(formula_problems(source, errors, written, header, cells) if cells else ())
    at = records.header_line
    if unknown_columns == "keep":
        missing = _missing_columns(source, header, required, None, at)
        if missing:
            raise DataError(missing)
        return Records(source, header, records.records, failed)
    accepted = (*required, *optional)
    fatal = _missing_columns(source, header, required, accepted, at)
    fatal += [Problem(source, "no column has this heading, named in the columns mapping",
                      line=at, field=heading, expected="one of " + ", ".join(written))
              for heading in missing_headings(map(normalise_column, written), columns or {})]
    unknown: list[Problem] = []
    left_out: set[str] = set()
    for heading, name, numbered in zip(written, published, header, strict=True):
        if name != numbered:
            fatal.append(Problem(source, line=at, field=heading,
                                 expected="each column once", found="it repeated"))
        elif name not in accepted:
            left_out.add(numbered)
            unknown.append(Problem(source, "unknown column", line=at, field=heading,
                                   expected=f"one of {', '.join(accepted)}"))
    if fatal:
        raise DataError([*fatal, *unknown])
    kept = tuple(evolve(record, fields={name: value for name, value
                                        in record.fields.items() if name not in left_out})
                 for record in records.records) if left_out else records.records
    header = tuple(name for name in header if name not in left_out)
    return Records(source, header, kept, (*unknown, *failed))


def _missing_columns(
    source: str, header: Sequence[str], required: Iterable[str], accepted: Sequence[str] | None,
    line: int = 1,
) -> list[Problem]:
    """A problem of the header's line for each required column the header lacks, naming
    the columns accepted or, where any column is, the header's columns."""
    if accepted is None:
        known = f"the header has {', '.join(header)}"
    else:
        known = f"expected columns {', '.join(accepted)}"
    return [Problem(source, f"required column missing; {known}", line=line, field=name)
            for name in required if name not in header]


class _CellHeadings(Mapping[str, str]):
    """Each field of a sheet's row named by its heading and its cell,
    ``value (Readings!C14)``: made only for a field a problem names, as most rows have
    none."""

    __slots__ = ("_cells", "_columns", "_row", "_written")

    def __init__(self, written: Sequence[str], header: Sequence[str],
                 cells: Callable[[int, int], str], row: int) -> None:
        self._written = written
        self._columns = {name: column for column, name in enumerate(header)}
        self._cells = cells
        self._row = row

    def __getitem__(self, name: str) -> str:
        column = self._columns[name]
        return f"{self._written[column]} ({self._cells(column, self._row)})"

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


@frozen
class _Read:
    """A table's records and the line of its header."""

    header_line: int
    records: tuple[RawRecord, ...]


def _table_records(source: str, rows: Iterator[tuple[int, list[str]]], normalise_header: bool,
                   cells: Callable[[int, int], str] | None,
                   mapped: tuple[Mapping[str, str], Mapping[str, str]]) -> tuple[
        tuple[str, ...], tuple[str, ...], tuple[str, ...], _Read]:
    """The headings as written, as read (normalised or not), with repeats numbered, and
    the records, each knowing the heading of each of its fields as written (and, in a
    sheet, its cell)."""
    first = next(rows, None)
    written = header_of(source, first)
    header_line = 1 if first is None else first[0]
    published = renamed([normalise_column(name) for name in written], *mapped) \
        if normalise_header else written
    header = numbered_headings(published)
    headings = {name: heading for name, heading in zip(header, written, strict=True)
                if name != heading and normalise_header}
    records: list[RawRecord] = []
    again = [name.strip() for name in written]
    for row, values in rows:
        if not any(cell.strip() for cell in values):
            continue  # a blank line holds no data, so nothing is lost
        if values[0].strip() == again[0] and [
                cell.strip() for cell in values[:len(again)]] == again and not any(
                cell.strip() for cell in values[len(again):]):
            # The header written again (a second table pasted below the first): reported
            # as such, and the rows after it read as rows, so none is lost.
            records.append(RawRecord(source, row, {}, "a second header row: the header "
                                     f"of line {header_line} is repeated here"))
            continue
        if len(values) != len(header):
            problem = f"expected {len(header)} cells as in the header, found {len(values)}"
            records.append(RawRecord(source, row, {}, problem))
            continue
        fields = {name: cell.strip() for name, cell in zip(header, values, strict=True)}
        named = headings if cells is None else _CellHeadings(written, header, cells, row)
        records.append(RawRecord(source, row, fields, headings=named))
    return written, published, header, _Read(header_line, tuple(records))


def json_records(items: Sequence[Any], where: Locator) -> Records:
    """The items of a list of records (a JSON list, or TOML tables), each placed by
    ``where`` under its index; an item that is not an object is a record with a
    problem. The header is every key, in the order first met. More items than the
    ``rows`` read limit is one problem, before any is read."""
    if len(items) > current_limits().rows:
        raise over_limit(where.source, "the list of records", f"{len(items):,} items",
                         "rows", line=where.line_of(),
                         field=format_path(where.prefix) if where.prefix else None)
    records = []
    for index, item in enumerate(items):
        inner = where.under(index)
        line = inner.line if inner.line is not None else index + 1
        if isinstance(item, Mapping):
            records.append(RawRecord(where.source, line, item, where=inner))
        else:
            records.append(RawRecord(where.source, line, {},
                                     f"expected an object, found {shown(item)}", where=inner))
    keys = (name for record in records for name in record.fields)
    return Records(where.source, tuple(dict.fromkeys(keys)), tuple(records))


#: Keys a JSON records file may hold beside its list of records, to say what it is.
DESCRIPTIVE_KEYS: tuple[str, ...] = ("panel", "source", "title", "description", "notes")


def _json_records(file: Path, key: str | None) -> Records:
    source = str(file)
    data, where = decode_document(read_text(file), source, toml=False)
    beside: list[Problem] = []
    if isinstance(data, dict) and key is not None and key in data:
        # Every other key is reported, not ignored: '{"readings": [...], "readingz":
        # [...]}' would otherwise read the first list and lose the second silently.
        accepted = f"{key!r} and keys describing the file ({', '.join(DESCRIPTIVE_KEYS)})"
        beside = [where.problem((name,), "unknown key beside the records",
                                expected=accepted)
                  for name in data if name != key and name not in DESCRIPTIVE_KEYS]
        data, where = data[key], where.under(key)
    if not isinstance(data, list):
        expected = f"a list of records or an object with a {key!r} list" if key else "a list"
        raise DataError.single(source, line=1, expected=f"{expected} at the top level",
                               found=shown(data))
    records = json_records(data, where)
    return evolve(records, problems=(*records.problems, *beside))


def validate_records(
    model: type[M], records: Records, *, columns: Mapping[str, str] | None = None
) -> tuple[list[tuple[RawRecord, M]], list[Problem]]:
    """Validate each record with ``model``; return the valid ones and the problems,
    the header's first. Records are taken with their file's header problems (see
    `Records.with_records` to leave some out or recast them), so none is lost.

    ``columns`` names a CSV file's columns for the model's fields, as in
    `Locator`.
    """
    valid: list[tuple[RawRecord, M]] = []
    problems = list(records.problems)
    for record in records:
        if record.problem is not None:
            problems.append(record.locator().problem(note=record.problem))
            continue
        try:
            valid.append((record, model.model_validate(dict(record.fields))))
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, record.locator(columns), model=model))
    return valid, problems
