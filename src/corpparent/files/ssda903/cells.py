"""Checking one table of the SSDA903 return, a whole column at a time, into columns.

A table's cells arrive as text, one column at a time: from a CSV table
([`read_table`][corpparent.files.ssda903.cells.read_table]: its header checked against the
table's columns, `TABLE_COLUMNS`, headings matched without regard to case, and its rows
read as text columns by `csv_columns`, within the same read limits, UTF-8 and strict
CSV as every reader), or from any other form of the return
([`check_table`][corpparent.files.ssda903.cells.check_table]). Each cell is stripped of
surrounding white space and checked against what its column holds:

- a date written as the return's CSV tables write it, ``dd/mm/yyyy`` in ASCII digits,
  naming a day of the calendar (as the DfE's own validator reads them), and nothing
  else, so ``2023-04-01``, ``1/4/23`` or ``31/02/2024`` is refused rather than guessed
  at;
- the codes a measure turns on (legal status, reason for new episode, missing or away,
  the OC2 checks, sex, a care leaver's being in touch, activity and accommodation)
  from their code sets; other codes are kept as written, their
  code sets being the DfE's validator's to check;
- a child identifier in every row, and a value in the cells each table needs filled
  (a Header's SEX and DOB; an episode's DECOM, RNE, LS and PLACE; a missing incident's
  MISSING and MIS_START; a care leaver's DOB); a care leaver's IN_TOUCH, ACTIV and
  ACCOM given together or all left blank (no care leaver information, as for a 17- or
  18-year-old still looked after on their birthday: the DfE's rules 153 and 1007), a
  blank one beside one given being refused; any other cell may be blank (a blank date
  is no date);
- an episode that ends (DEC) before it begins (DECOM), or a missing incident that ends
  (MIS_END) before it begins (MIS_START), where both dates are read.

A row with any problem is left out of the table. A problem names the file, the line
and the field, and what was expected. A child's identifier, UPN, date of birth, mother's
child's date of birth or a postcode never appears in a message (`PERSONAL_COLUMNS`), nor
in the wrong column, where a shifted column puts it: what was found is shown only where
it is one of the return's own codes or too short to be anyone's, otherwise by its shape
([`found_in_return`][corpparent.files.ssda903.cells.found_in_return]). The problems of one row
come in the order of its columns, the order of its dates last.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.csv_columns import header_and_text, read_text_columns
from corpparent.files._tabular.problems import shown
from corpparent.files._tabular.text_arrays import offsets_of, stripped, text_bytes
from corpparent.files.ssda903.date_cells import read_days
from corpparent.files.ssda903.one_a_child import ONE_A_CHILD, repeated_children
from corpparent.ssda903.codes import (
    ACCOM_CODES,
    ACTIV_CODES,
    CONTINUING,
    DATE_COLUMNS,
    IN_TOUCH_CODES,
    LEGAL_STATUSES,
    NEW_EPISODE_REASONS,
    PERSONAL_COLUMNS,
    PLACED_FOR_ADOPTION,
    SHORT_BREAKS,
    TABLE_COLUMNS,
    TEMPORARY_PLACEMENTS,
)
from corpparent.ssda903.returns import Columns, Table

__all__ = ["REQUIRED", "check_table", "found_in_return", "read_table"]

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
                            ("OC3", "DOB")})
#: A care leaver's fields, given together or left blank together: "All data items
#: relating to a child's activity or accommodation after leaving care must be coded or
#: left blank" (the DfE's rule 153). Blank, the row holds no care leaver information,
#: as for a 17- or 18-year-old still looked after on their birthday: "Care leaver
#: information is not required for 17- or 18-year olds who are still looked after" (rule
#: 1007; rule 1016 the same of those who cease to be looked after after the birthday).
_TOGETHER: Final = ("IN_TOUCH", "ACTIV", "ACCOM")
_TOGETHER_EXPECTED: Final = ("a value, as the row's other care leaver fields are given "
                             "(IN_TOUCH, ACTIV and ACCOM are given together, or all left "
                             "blank: the DfE's rule 153)")
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
#: The dates of a table that must be in order, by table: each pair's second not before
#: its first.
_IN_ORDER: Final[Mapping[str, tuple[tuple[str, str], ...]]] = MappingProxyType({
    "Episodes": (("DECOM", "DEC"),),
    "Missing": (("MIS_START", "MIS_END"),),
})
_DATE_FORM: Final = "a date written dd/mm/yyyy, such as 31/03/2024"

Column = npt.NDArray[Any]
Flags = npt.NDArray[np.bool_]


#: Every code of the return's code sets a message may show as found: the codes checked
#: here and those the measures turn on. Public vocabularies, never a child's.
_PUBLIC_CODES: Final = frozenset().union(
    *_CODES.values(), SHORT_BREAKS, TEMPORARY_PLACEMENTS, PLACED_FOR_ADOPTION, {CONTINUING})
def found_in_return(text: str | None) -> str:
    """What a cell of the return held, as a message may show it: a code of the return's
    own code sets, or one or two characters (too few to be anyone's), as written
    (``'P'``, ``'C9'``); anything else by its shape alone, each digit a
    9 and each letter an A (``text shaped like '9999-99-99', not shown``), as it may be a
    child's identifier or date of birth in the wrong column."""
    if text is None or not text.strip():
        return "nothing"
    value = text.strip()
    if value in _PUBLIC_CODES or len(value) <= 2:
        return shown(value)
    shape = "".join("9" if "0" <= c <= "9" else "A" if c.isalpha() else c for c in value)
    return f"text shaped like {shown(shape)}, not shown"


def _problem(source: str, line: int, column: str, heading: str, *, expected: str,
             found: str | None) -> Problem:
    """A problem of a cell: what was found only where the column is not personal."""
    return Problem(source, line=line, field=heading, expected=expected,
                   found=None if column in PERSONAL_COLUMNS else found)


def _header(name: str, source: str, written: Sequence[str],
            problems: list[Problem]) -> dict[str, int] | None:
    """The position in the header of each column of the table found there; ``None``
    where a required column is missing or repeated. An unknown heading is named by its
    position only, as a file without a header would show a child's row there."""
    known = TABLE_COLUMNS[name]
    found: dict[str, int] = {}
    fatal = False
    for position, heading in enumerate(written):
        column = heading.strip().upper()
        if column not in known:
            problems.append(Problem(source, "unknown column", line=1,
                                    field=f"column {position + 1} of the header",
                                    expected=f"one of {', '.join(known)}"))
        elif column in found:
            fatal = True
            problems.append(Problem(source, line=1, field=heading.strip(),
                                    expected="each column once", found="it repeated"))
        else:
            found[column] = position
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
        written, text = header_and_text(file)
        positions = _header(name, source, written, problems)
        if positions is None:
            return None
        read = read_text_columns(file, text, len(written))
    except DataError as exc:
        problems.extend(_private(p) for p in exc.problems)
        return None
    problems.extend(read.problems)
    return check_table(name, source,
                       {column: written[at].strip() for column, at in positions.items()},
                       {column: read.cells[at] for column, at in positions.items()},
                       read.lines, problems)


def check_table(name: str, source: str, headings: Mapping[str, str],
                cells: Mapping[str, Sequence[str | None] | pa.Array],
                lines: Sequence[int] | npt.NDArray[np.int64], problems: list[Problem]) -> Table:
    """The table ``name`` from its raw text cells, one sequence per column (keyed by
    the column's name as TABLE_COLUMNS spells it; ``headings`` maps it to the heading
    or element name as written, used in messages), each row's line in ``lines``; every
    cell checked as a CSV table's are, problems added to ``problems``.

    A column may be a list of text (``None`` a blank cell) or a pyarrow text array.
    The rows with a problem are left out of the table; the problems come in the order
    of the rows (see the module's description)."""
    numbered = np.asarray(lines, dtype=np.int64)
    partly = _partly_blank(name, cells, len(numbered))
    found: list[tuple[int, Problem]] = []
    texts: dict[str, pa.Array] = {}
    days: dict[str, Column] = {}
    for column, values in cells.items():
        heading = headings.get(column, column)
        if not _checked(name, column):  # kept as written: stripped when it is made
            texts[column] = _text(values, len(numbered), name, column, strip=False)
            continue
        text = _text(values, len(numbered), name, column)
        blank = np.diff(offsets_of(text)) == 0
        if column == "CHILD" or (name, column) in _FILLED:
            found += _cell_problems(source, numbered, column, heading, blank, None,
                                    _DATE_FORM if column in DATE_COLUMNS else "a value")
        elif name == "OC3" and column in _TOGETHER:
            found += _cell_problems(source, numbered, column, heading, blank & partly,
                                    None, _TOGETHER_EXPECTED)
        if column in DATE_COLUMNS:
            days[column], valid = read_days(text)
            expected = _DATE_FORM
        else:
            texts[column] = text
            codes = _CODES.get((name, column))
            if codes is None:
                continue
            valid = _flags(pc.is_in(text, value_set=pa.array(sorted(codes))))
            expected = f"one of {', '.join(sorted(codes))}"
        found += _cell_problems(source, numbered, column, heading, ~blank & ~valid, text,
                                expected)
    if name in ONE_A_CHILD and "CHILD" in texts:
        found += repeated_children(source, numbered, headings.get("CHILD", "CHILD"),
                                   texts["CHILD"], {row for row, _ in found})
    for began, ended in _IN_ORDER.get(name, ()):
        if began in days and ended in days:
            first, last = days[began], days[ended]
            found += [(row, Problem(source, line=int(numbered[row]),
                                    field=headings.get(ended, ended),
                                    expected=f"a date on or after {began}",
                                    found="an earlier date, not shown"))
                      for row in np.flatnonzero(~np.isnat(first) & ~np.isnat(last)
                                                & (last < first)).tolist()]
    found.sort(key=lambda item: item[0])  # stable: a row's problems in column order
    problems.extend(problem for _, problem in found)
    kept = np.ones(len(numbered), dtype=bool)
    kept[[row for row, _ in found]] = False
    # Each column's kept text made once, for its NumPy column and for the engine.
    kept_texts = {column: _once(partial(_kept, text, kept, strip=not _checked(name, column)))
                  for column, text in texts.items()}
    columns = Columns({column: days[column][kept] if column in days
                       else partial(_texts, kept_texts[column]) for column in cells},
                      kept_texts)
    return Table(name, columns, numbered[kept], source)


def _partly_blank(name: str, cells: Mapping[str, Sequence[str | None] | pa.Array],
                  rows: int) -> Flags:
    """The rows of an OC3 table some of whose care leaver fields are blank and some
    given (none of any other table)."""
    if name != "OC3":
        return np.zeros(rows, dtype=bool)
    blanks = [np.diff(offsets_of(_text(cells[column], rows, name, column))) == 0
              for column in _TOGETHER if column in cells]
    if not blanks:
        return np.zeros(rows, dtype=bool)
    result: Flags = np.logical_or.reduce(blanks) & ~np.logical_and.reduce(blanks)
    return result


def _checked(name: str, column: str) -> bool:
    """Whether the column ``column`` of the table ``name`` has a rule to check."""
    return (column == "CHILD" or (name, column) in _FILLED or column in DATE_COLUMNS
            or (name, column) in _CODES)


def _cell_problems(source: str, lines: npt.NDArray[np.int64], column: str, heading: str,
                   wrong: Flags, text: pa.Array | None,
                   expected: str) -> list[tuple[int, Problem]]:
    """The problem of each ``wrong`` cell of a column, by row: what was found there
    (in ``text``), or nothing."""
    return [(row, _problem(source, int(lines[row]), column, heading, expected=expected,
                           found="nothing" if text is None
                           else found_in_return(text[row].as_py())))
            for row in np.flatnonzero(wrong).tolist()]


def _flags(values: pa.Array) -> Flags:
    """A pyarrow array of true and false as NumPy's."""
    return np.asarray(values.to_numpy(zero_copy_only=False), dtype=bool)


def _text(values: Sequence[str | None] | pa.Array, rows: int, name: str,
          column: str, *, strip: bool = True) -> pa.Array:
    """A column's cells as a pyarrow text array, a blank one ``""``, stripped (unless
    not to ``strip``)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    text = values if isinstance(values, pa.StringArray) \
        else values.cast(pa.string()) if isinstance(values, pa.Array) \
        else pa.array(values, type=pa.string())
    if len(text) != rows:
        raise ValueError(f"the {column} column of the {name} table has {len(text)} cells "
                         f"for {rows} lines")
    filled = text.fill_null("") if text.null_count else text
    return stripped(filled) if strip else filled


def _once(make: Callable[[], pa.Array]) -> Callable[[], pa.Array]:
    """``make``, called the first time only, its result given every time after (as
    ``functools.cache`` would, at a small part of its cost to set up, for the many
    columns no measure reads)."""
    made: list[pa.Array] = []

    def once() -> pa.Array:
        if not made:
            made.append(make())
        return made[0]

    return once


def _kept(text: pa.Array, kept: Flags, *, strip: bool) -> pa.Array:
    """The ``kept`` cells of a text column, stripped first if to ``strip``."""
    chosen = text if kept.all() else text.filter(pa.array(kept))
    return stripped(chosen) if strip else chosen


def _texts(text: Callable[[], pa.Array]) -> Column:
    """A text column (made by ``text``) as a NumPy text array, as wide as its longest
    text: ASCII text padded to that width (where not all of it is) and read straight
    from its bytes; any other made a Python string once for each distinct text."""
    chosen = text()
    width = int(np.diff(offsets_of(chosen)).max(initial=0))
    if not width:
        return np.full(len(chosen), "", dtype="<U1")
    written = text_bytes(chosen)
    if (written < 0x80).all():
        padded = chosen if len(written) == width * len(chosen) \
            else pc.utf8_rpad(chosen, width=width, padding="\x00")
        codes = text_bytes(padded).reshape(-1, width).astype(np.uint32)  # ASCII is its code
        cells: Column = codes.view(np.dtype(f"U{width}")).reshape(-1)
        return cells
    encoded = pc.dictionary_encode(chosen)
    distinct = np.array(encoded.dictionary.to_pylist(), dtype=str)
    result: Column = distinct[np.asarray(encoded.indices, dtype=np.int64)]
    return result
