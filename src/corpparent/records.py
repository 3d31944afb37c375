"""Reading records from CSV and JSON files, row by row, with every problem kept.

The shared edge for every long-format input corpparent reads (readings, comparator
values, meeting records, submissions): a CSV file with a header row, or a JSON file
holding a list of objects (or an object with one list under a named key). Each record
is validated by a pydantic model; a record that fails becomes a
:class:`~corpparent.errors.Problem` naming the file, the row (the CSV line number, the
header being line 1; for JSON the 1-based record number) and the field, and the caller
raises one :class:`~corpparent.errors.DataError` with all of them.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from attrs import frozen
from pydantic import BaseModel, ValidationError

from corpparent.errors import DataError, Problem
from corpparent.symbols import OFFICIAL_SYMBOLS, is_symbol

__all__ = [
    "RawRecord",
    "load_json",
    "normalise_column",
    "number_or_symbol",
    "optional_number",
    "problems_from_validation",
    "read_records",
    "validate_records",
]

M = TypeVar("M", bound=BaseModel)


@frozen
class RawRecord:
    """One record as read: where it came from, and its fields as text or JSON values.

    ``problem`` says why a record could not even be read as fields (a CSV row with more
    cells than the header, a JSON item that is not an object); such a record is
    reported by :func:`validate_records` beside every other problem of the file.
    """

    source: str
    row: int
    fields: Mapping[str, Any]
    problem: str | None = None


def read_records(
    path: str | Path,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    json_key: str | None = None,
) -> tuple[RawRecord, ...]:
    """Read a CSV or JSON file (by its suffix) into raw records.

    Missing required columns and unknown columns are problems of the header (row 1),
    reported together; a misspelt optional column would otherwise be silently dropped.
    """
    file = Path(path)
    source = str(file)
    if not file.is_file():
        raise DataError.single(source, "file not found")
    suffix = file.suffix.lower()
    records: tuple[RawRecord, ...] = ()
    if suffix == ".json":
        records = _json_records(file, json_key)
    elif suffix not in (".csv", ".txt"):
        raise DataError.single(source, f"unsupported file type {suffix!r}; expected .csv or .json")
    accepted = ", ".join([*required, *optional])
    allowed = set(required) | set(optional)
    problems: list[Problem] = []
    if suffix != ".json":  # JSON records' keys are checked by each record's model
        header, records = _csv_records(file)
        for name in required:
            if name not in header:
                problems.append(Problem(source, f"required column missing; expected columns "
                                        f"{accepted}", row=1, field=name))
        for name in header:
            if name not in allowed:
                problems.append(Problem(source, f"unknown column; accepted columns are {accepted}",
                                        row=1, field=name))
    if problems:
        raise DataError(problems)
    return records


def normalise_column(name: str) -> str:
    """A header as corpparent names columns: ``'Substitute For'`` -> ``'substitute_for'``."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def _csv_records(file: Path) -> tuple[list[str], tuple[RawRecord, ...]]:
    source = str(file)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError.single(source, f"not UTF-8 text: {exc.reason} at byte {exc.start}") from exc
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    first = next(reader, None)
    if first is None or not any(cell.strip() for cell in first):
        raise DataError.single(source, "the file is empty; expected a header row", row=1)
    header = [normalise_column(name) for name in first]
    records: list[RawRecord] = []
    line = reader.line_num
    for cells in reader:
        row, line = line + 1, reader.line_num  # a quoted cell may span lines
        if not any(cell.strip() for cell in cells):
            continue  # a blank line holds no data, so nothing is lost
        if len(cells) != len(header):
            problem = (f"expected {len(header)} cells as in the header, found {len(cells)}")
            records.append(RawRecord(source, row, {}, problem))
            continue
        fields = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        records.append(RawRecord(source, row, fields))
    return header, tuple(records)


def load_json(path: str | Path) -> Any:
    """The parsed content of a JSON file; a missing, unreadable or invalid file is a
    :class:`~corpparent.errors.DataError` naming the line."""
    file = Path(path)
    source = str(file)
    if not file.is_file():
        raise DataError.single(source, "file not found")
    try:
        return json.loads(file.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise DataError.single(source, f"invalid JSON: {exc.msg} (line {exc.lineno}, column "
                               f"{exc.colno})", row=exc.lineno) from exc
    except UnicodeDecodeError as exc:
        raise DataError.single(source, f"not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from exc


def _json_records(file: Path, key: str | None) -> tuple[RawRecord, ...]:
    source = str(file)
    data = load_json(file)
    if isinstance(data, dict) and key is not None and key in data:
        data = data[key]
    if not isinstance(data, list):
        where = f"a list of records or an object with a {key!r} list" if key else "a list"
        raise DataError.single(source, f"expected {where} at the top level")
    return tuple(
        RawRecord(source, index, item)
        if isinstance(item, dict)
        else RawRecord(source, index, {}, f"expected an object, got {type(item).__name__}")
        for index, item in enumerate(data, start=1)
    )


def problems_from_validation(record: RawRecord, error: ValidationError) -> list[Problem]:
    """Turn a pydantic error into problems naming the record's file, row and field."""
    problems = []
    for detail in error.errors():
        field = ".".join(str(part) for part in detail["loc"]) or None
        message = str(detail["msg"]).removeprefix("Value error, ")
        if detail["type"] == "missing":
            message = "a value is required"
        elif detail["type"] == "string_too_short":
            message = "a value is required; the cell is empty"
        elif detail["type"] == "extra_forbidden":
            message = "unknown field"
        elif detail["type"] == "enum":
            message = f"expected one of {detail['ctx']['expected']}, got {detail['input']!r}"
        problems.append(Problem(record.source, message, row=record.row, field=field))
    return problems


def validate_records(
    model: type[M], records: Sequence[RawRecord]
) -> tuple[list[tuple[RawRecord, M]], list[Problem]]:
    """Validate each record with ``model``; return the valid ones and the problems."""
    valid: list[tuple[RawRecord, M]] = []
    problems: list[Problem] = []
    for record in records:
        if record.problem is not None:
            problems.append(Problem(record.source, record.problem, row=record.row))
            continue
        try:
            valid.append((record, model.model_validate(dict(record.fields))))
        except ValidationError as exc:
            problems.extend(problems_from_validation(record, exc))
    return valid, problems


def _as_float(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            raise ValueError(f"expected a number, got {value!r}") from None
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not math.isfinite(number):
        raise _NotFiniteError(f"expected a finite number, got {value!r}")
    return number


class _NotFiniteError(ValueError):
    """A number, but NaN or infinite."""


def optional_number(value: object) -> float | None:
    """Pydantic before-validator: blank or null is ``None``, else a finite number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _as_float(value)


def number_or_symbol(value: object) -> float | str | None:
    """Pydantic before-validator: a finite number, an official symbol, or blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and is_symbol(value):
        return value.strip().lower()
    try:
        return _as_float(value)
    except _NotFiniteError:
        raise
    except ValueError:
        symbols = ", ".join(repr(s) for s in OFFICIAL_SYMBOLS)
        raise ValueError(
            f"expected a number or an official symbol ({symbols}), got {value!r}"
        ) from None
