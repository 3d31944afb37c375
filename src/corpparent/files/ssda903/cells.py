"""Reading one CSV table of the SSDA903 return into columns, every cell checked.

Each table is read through the shared table mechanics
(`read_records`: the read limits, UTF-8, strict
CSV, every row placed on its line), its header checked against the table's columns
(`TABLE_COLUMNS`, headings matched without regard to
case), and each cell against what its column holds:

- a date written as the return's CSV tables write it, ``dd/mm/yyyy`` (as the DfE's own
  validator reads them), and nothing else, so ``2023-04-01`` or ``1/4/23`` is refused
  rather than guessed at;
- the codes a measure turns on (legal status, reason for new episode, missing or away,
  the OC2 checks, sex, a care leaver's being in touch, activity and accommodation)
  from their code sets; other codes are kept as written, their
  code sets being the DfE's validator's to check;
- a child identifier in every row.

A problem names the file, the line and the field, and what was expected; what was
found is shown only for a field that is not personal. A child's identifier, UPN, date
of birth, mother's child's date of birth or a postcode never appears in a message
(`PERSONAL_COLUMNS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Final

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.csv_rows import csv_header
from corpparent.files._tabular.problems import shown
from corpparent.files._tabular.records import Records, read_records
from corpparent.ssda903.codes import (
    ACCOM_CODES,
    ACTIV_CODES,
    DATE_COLUMNS,
    IN_TOUCH_CODES,
    LEGAL_STATUSES,
    NEW_EPISODE_REASONS,
    PERSONAL_COLUMNS,
    TABLE_COLUMNS,
)
from corpparent.ssda903.returns import Table

__all__ = ["REQUIRED", "read_table"]

#: The columns each table must have to be read at all; any other column of the table
#: may be absent (each year collects its own).
REQUIRED: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "Header": ("CHILD", "SEX", "DOB"),
    "Episodes": ("CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"),
    "OC2": ("CHILD", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT"),
    "Missing": ("CHILD", "MISSING", "MIS_START", "MIS_END"),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
})
#: The cells that must not be blank, beside the child's identifier.
_FILLED: Final = frozenset({("Header", "SEX"), ("Header", "DOB"), ("Episodes", "DECOM"),
                            ("Episodes", "RNE"), ("Episodes", "LS"), ("Episodes", "PLACE"),
                            ("Missing", "MISSING"), ("Missing", "MIS_START"),
                            ("OC3", "DOB"), ("OC3", "IN_TOUCH"), ("OC3", "ACTIV"),
                            ("OC3", "ACCOM")})
_UP_TO_DATE: Final = frozenset({"0", "1"})
#: The code sets checked, by table and column.
_CODES: Final[Mapping[tuple[str, str], frozenset[str]]] = MappingProxyType({
    # Sex: 1 and 2 until 2023-24, M, F and U from 2024-25 (the DfE's rule 101 each year).
    ("Header", "SEX"): frozenset({"1", "2", "M", "F", "U"}),
    ("Episodes", "RNE"): NEW_EPISODE_REASONS,
    ("Episodes", "LS"): LEGAL_STATUSES,
    ("Missing", "MISSING"): frozenset({"M", "A"}),
    ("OC2", "HEALTH_CHECK"): _UP_TO_DATE,
    ("OC2", "HEALTH_ASSESSMENT"): _UP_TO_DATE,
    ("OC2", "IMMUNISATIONS"): _UP_TO_DATE,
    ("OC2", "TEETH_CHECK"): _UP_TO_DATE,
    ("OC3", "IN_TOUCH"): IN_TOUCH_CODES,
    ("OC3", "ACTIV"): ACTIV_CODES,
    ("OC3", "ACCOM"): ACCOM_CODES,
})
_DATE: Final = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_DATE_FORM: Final = "a date written dd/mm/yyyy, such as 31/03/2024"


def _problem(source: str, line: int, column: str, heading: str, *, expected: str,
             found: str | None) -> Problem:
    """A problem of a cell: what was found only where the column is not personal."""
    return Problem(source, line=line, field=heading, expected=expected,
                   found=None if column in PERSONAL_COLUMNS else found)


def _date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


def _header(name: str, file: Path, problems: list[Problem]) -> dict[str, str] | None:
    """Each column of the table found in the file's header, by the heading as written;
    ``None`` where a required column is missing or repeated. An unknown heading is
    named by its position only, as a file without a header would show a child's row
    there."""
    source = str(file)
    written = csv_header(file)
    known = TABLE_COLUMNS[name]
    found: dict[str, str] = {}
    fatal = False
    for position, heading in enumerate(written, start=1):
        column = heading.strip().upper()
        if column not in known:
            problems.append(Problem(source, "unknown column", line=1,
                                    field=f"column {position} of the header",
                                    expected=f"one of {', '.join(known)}"))
        elif column in found:
            fatal = True
            problems.append(Problem(source, line=1, field=heading.strip(),
                                    expected="each column once", found="it repeated"))
        else:
            found[column] = heading.strip()
    for column in REQUIRED.get(name, ("CHILD",)):
        if column not in found:
            fatal = True
            problems.append(Problem(source, "required column missing", line=1,
                                    field=column))
    return None if fatal else found


def _private(problem: Problem) -> Problem:
    """A problem of the file's text without what was found there, which may be a
    child's identifier (a quoted cell closed too soon shows its cell)."""
    if problem.note.startswith("not a well-formed CSV"):
        return Problem(problem.source, problem.note, line=problem.line,
                       field=problem.field, expected=problem.expected)
    return problem


def read_table(name: str, file: Path, problems: list[Problem]) -> Table | None:
    """The table ``name`` of the return from ``file``, its columns checked; ``None``
    where it cannot be read at all. Every problem is added to ``problems``."""
    source = str(file)
    try:
        headings = _header(name, file, problems)
        if headings is None:
            return None
        records = read_records(file, required=(), unknown_columns="keep",
                               normalise_header=False, format="csv")
    except DataError as exc:
        problems.extend(_private(p) for p in exc.problems)
        return None
    return _columns(name, source, records, headings, problems)


def _columns(name: str, source: str, records: Records, headings: Mapping[str, str],
             problems: list[Problem]) -> Table:
    columns: dict[str, list[object]] = {column: [] for column in headings}
    lines: list[int] = []
    for record in records:
        if record.problem is not None:
            problems.append(Problem(source, record.problem, line=record.row))
            continue
        cells = _row(name, source, record.row, record.fields, headings, problems)
        if cells is None:
            continue
        for column, value in cells.items():
            columns[column].append(value)
        lines.append(record.row)
    return Table.of(name, columns, lines=lines, source=source)


def _row(name: str, source: str, line: int, fields: Mapping[str, object],
         headings: Mapping[str, str], problems: list[Problem]) -> dict[str, object] | None:
    """One row's cells, each read as its column holds it, or ``None`` (its problems
    added) where any cell is wrong."""
    cells: dict[str, object] = {}
    before = len(problems)
    for column, heading in headings.items():
        text = str(fields.get(heading, "")).strip()
        if not text:
            if column == "CHILD" or (name, column) in _FILLED:
                problems.append(_problem(source, line, column, heading,
                                         expected=_DATE_FORM if column in DATE_COLUMNS
                                         else "a value", found="nothing"))
            cells[column] = None
            continue
        if column in DATE_COLUMNS:
            day = _date(text)
            if day is None:
                problems.append(_problem(source, line, column, heading, expected=_DATE_FORM,
                                         found=shown(text)))
            cells[column] = day
            continue
        codes = _CODES.get((name, column))
        if codes is not None and text not in codes:
            problems.append(_problem(source, line, column, heading,
                                     expected=f"one of {', '.join(sorted(codes))}",
                                     found=shown(text)))
        cells[column] = text
    _check_order(name, source, line, cells, headings, problems)
    return None if len(problems) > before else cells


def _check_order(name: str, source: str, line: int, cells: Mapping[str, object],
                 headings: Mapping[str, str], problems: list[Problem]) -> None:
    """An episode or a missing incident that ends before it begins."""
    pairs: Sequence[tuple[str, str]] = {"Episodes": (("DECOM", "DEC"),),
                                        "Missing": (("MIS_START", "MIS_END"),)}.get(name, ())
    for began, ended in pairs:
        first, last = cells.get(began), cells.get(ended)
        if isinstance(first, dt.date) and isinstance(last, dt.date) and last < first:
            problems.append(Problem(source, line=line, field=headings[ended],
                                    expected=f"a date on or after {began}",
                                    found=last.strftime("%d/%m/%Y")))


def check_table(name: str, source: str, headings: Mapping[str, str],
                cells: Mapping[str, Sequence[str | None]], lines: Sequence[int],
                problems: list[Problem]) -> Table:
    """The table ``name`` from raw text ``cells`` (one sequence per column, by column;
    ``None`` a blank cell), each row read from its line in ``lines``, every cell checked
    as a CSV table's are; a row with a problem is left out and its problems added to
    ``problems``. ``headings`` names each column as the file writes it."""
    columns: dict[str, list[object]] = {column: [] for column in headings}
    kept: list[int] = []
    for index, line in enumerate(lines):
        fields = {heading: cells[column][index] or "" for column, heading in headings.items()}
        row = _row(name, source, line, fields, headings, problems)
        if row is None:
            continue
        for column, value in row.items():
            columns[column].append(value)
        kept.append(line)
    return Table.of(name, columns, lines=kept, source=source)
