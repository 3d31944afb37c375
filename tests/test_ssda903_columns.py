"""Reading the SSDA903 return's tables a column at a time accepts and refuses the rows
that reading them row by row, by the rules the reader states, accepts and refuses, with
the same problems on the same lines: drawn tables with bad cells, blank rows, rows of
the wrong width, quoted cells (some holding line ends), white space around cells,
and each way of ending a line mixed in. The reference below is written from the rules
in the docstring of ``corpparent.files.ssda903.cells``, not from its code."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
from hypothesis import event, example, given, strategies as st

from corpparent.errors import Problem
from corpparent.files import reading_limits
from corpparent.files._tabular import csv_columns
from corpparent.files._tabular.problems import in_file_order, shown
from corpparent.files._tabular.text_arrays import PYTHON_WHITESPACE
from corpparent.files.ssda903.cells import REQUIRED, check_table, read_table
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

# The rules, as the reader's docstring states them.
CODE_SETS: dict[tuple[str, str], frozenset[str]] = {
    ("Header", "SEX"): frozenset({"1", "2", "M", "F", "U"}),
    ("Episodes", "RNE"): NEW_EPISODE_REASONS,
    ("Episodes", "LS"): LEGAL_STATUSES,
    ("Missing", "MISSING"): frozenset({"M", "A"}),
    **{("OC2", name): frozenset({"0", "1"})
       for name in ("HEALTH_CHECK", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "TEETH_CHECK")},
    ("OC3", "IN_TOUCH"): IN_TOUCH_CODES,
    ("OC3", "ACTIV"): ACTIV_CODES,
    ("OC3", "ACCOM"): ACCOM_CODES,
}
FILLED = {"Header": {"SEX", "DOB"}, "Episodes": {"DECOM", "RNE", "LS", "PLACE"},
          "Missing": {"MISSING", "MIS_START"}, "OC3": {"DOB"}}
# A care leaver's fields: all given or all blank (the DfE's rule 153).
TOGETHER = ("IN_TOUCH", "ACTIV", "ACCOM")
TOGETHER_EXPECTED = ("a value, as the row's other care leaver fields are given (IN_TOUCH, "
                     "ACTIV and ACCOM are given together, or all left blank: the DfE's "
                     "rule 153)")
IN_ORDER = {"Episodes": [("DECOM", "DEC")], "Missing": [("MIS_START", "MIS_END")]}
DATE_FORM = "a date written dd/mm/yyyy, such as 31/03/2024"
SOURCE = "table.csv"
# What a message may show of a cell: one of the return's own codes, else its shape.
PUBLIC = frozenset().union(*CODE_SETS.values(), {"V3", "V4", "X1"},
                           {f"T{n}" for n in range(5)}, {f"A{n}" for n in range(3, 7)})


def reference_found(text: str) -> str:
    if text in PUBLIC or len(text) <= 2:
        return shown(text)
    shape = "".join("9" if c in "0123456789" else "A" if c.isalpha() else c for c in text)
    return f"text shaped like {shown(shape)}, not shown"


Row = tuple[int, dict[str, Any]]


def reference_date(text: str) -> dt.date | None:
    if not re.fullmatch(r"[0-9]{2}/[0-9]{2}/[0-9]{4}", text):
        return None
    try:
        return dt.date(int(text[6:]), int(text[3:5]), int(text[:2]))
    except ValueError:
        return None


def reference_row(name: str, line: int, cells: Mapping[str, str], headings: Mapping[str, str],
                  source: str = SOURCE) -> tuple[dict[str, Any] | None, list[Problem]]:
    """One row by the rules: its values, or ``None`` where it has a problem."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}

    def refuse(column: str, expected: str, found: str) -> None:
        problems.append(Problem(source, line=line, field=headings[column], expected=expected,
                                found=None if column in PERSONAL_COLUMNS else found))

    together = [cells[c].strip() == "" for c in TOGETHER if c in cells] if name == "OC3" \
        else []
    partly = any(together) and not all(together)
    for column, raw in cells.items():
        text = raw.strip()
        values[column] = text
        if not text:
            if column == "CHILD" or column in FILLED.get(name, ()):
                refuse(column, DATE_FORM if column in DATE_COLUMNS else "a value", "nothing")
            elif partly and column in TOGETHER:
                refuse(column, TOGETHER_EXPECTED, "nothing")
            values[column] = None if column in DATE_COLUMNS else ""
        elif column in DATE_COLUMNS:
            values[column] = reference_date(text)
            if values[column] is None:
                refuse(column, DATE_FORM, reference_found(text))
        elif (name, column) in CODE_SETS and text not in CODE_SETS[name, column]:
            refuse(column, "one of " + ", ".join(sorted(CODE_SETS[name, column])),
                   reference_found(text))
    for began, ended in IN_ORDER.get(name, []):
        first, last = values.get(began), values.get(ended)
        if first is not None and last is not None and last < first:
            problems.append(Problem(source, line=line, field=headings[ended],
                                    expected=f"a date on or after {began}",
                                    found="an earlier date, not shown"))
    return (None if problems else values), problems


# Drawn cells: good and bad of each kind, some with white space around them.
PADDING = st.sampled_from(["", "", "", " ", "  ", "\t", "\xa0", "\u3000", "\x0b", "\x1c"])
GOOD_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(
    lambda day: day.strftime("%d/%m/%Y"))
BAD_DATES = st.sampled_from(["2023-04-01", "1/4/23", "31/02/2024", "29/02/2023", "00/01/2020",
                             "01/13/2020", "01/02/0000", "\u0661\u0662/01/2020", "01-02-2020",
                             "01/02/20201", "x", "29/02/2024"])
PLAIN_TEXT = st.text(st.sampled_from("AZaz09 ,\xe9-"), max_size=6)
FREE_TEXT = st.text(st.sampled_from("AZaz09 ,\"\n\r\xe9-"), max_size=6)


def cell_text(name: str, column: str, plain: bool) -> st.SearchStrategy[str]:
    if column in DATE_COLUMNS:
        kinds = st.one_of(GOOD_DATES, GOOD_DATES, BAD_DATES, st.just(""))
    elif (name, column) in CODE_SETS:
        codes = sorted(CODE_SETS[name, column])
        kinds = st.one_of(st.sampled_from(codes), st.sampled_from(codes),
                          st.sampled_from(["Q", "c2", "", "X9"]))
    elif column == "CHILD":
        kinds = st.sampled_from(["C1", "C2", "SYN000123", "", "C,1", *([] if plain else ["C\"2"])])
    else:
        kinds = PLAIN_TEXT if plain else FREE_TEXT
    return st.tuples(PADDING, kinds, PADDING).map("".join)


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, list[str], list[str], list[list[str] | str]]:
    """A table's name, its columns, their headings as written, and its rows: each a
    list of cells, or ``"blank"`` for an empty line. Half the tables are plain, as
    councils' systems write them; the rest have rows of the wrong width, the header
    again, and quotes and line ends in cells."""
    plain = draw(st.booleans())
    name = draw(st.sampled_from(["Episodes", "Missing", "Header", "OC3", "OC2"]))
    optional = [c for c in TABLE_COLUMNS[name] if c not in REQUIRED[name]]
    chosen = draw(st.lists(st.sampled_from(optional), unique=True, max_size=3)) \
        if optional else []
    columns = draw(st.permutations([*REQUIRED[name], *chosen]))
    headings = [draw(st.sampled_from([column, column.lower(), column.title()]))
                for column in columns]
    rows: list[list[str] | str] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["row"] * 8 + ["blank", "spaces"]
                                    + ([] if plain else ["wide", "narrow", "header"])))
        if kind == "blank":
            rows.append("blank")
        elif kind == "spaces":
            rows.append([draw(PADDING) for _ in columns])
        elif kind == "header":
            rows.append(list(headings))
        else:
            cells = [draw(cell_text(name, column, plain)) for column in columns]
            if kind == "wide":
                cells.append(draw(FREE_TEXT))
            elif kind == "narrow" and len(cells) > 1:
                cells.pop()
            rows.append(cells)
    return name, list(columns), headings, rows


def written(cell: str, quote: bool) -> str:
    """A cell as a CSV file writes it: quoted where it must be or where ``quote`` says
    (a quote inside a cell not quoted is read as itself)."""
    if quote or any(mark in cell for mark in ",\r\n") or cell.startswith('"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def breaks(cell: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", cell))


def once_a_child(name: str, accepted: list[Row], problems: list[Problem], heading: str,
                 source: str) -> tuple[list[Row], list[Problem]]:
    """The Header holds one row a child: each accepted row after a child's first is
    refused, naming the first's line."""
    if name != "Header":
        return accepted, problems
    first: dict[str, int] = {}
    kept: list[Row] = []
    for line, values in accepted:
        child = values["CHILD"]
        if child in first:
            problems = [*problems, Problem(source, line=line, field=heading,
                                           expected="one row a child",
                                           found=f"a second row for the child of line "
                                                 f"{first[child]}")]
        else:
            first[child] = line
            kept.append((line, values))
    return kept, sorted(problems, key=lambda p: p.line or 0)


def reference(name: str, columns: Sequence[str], headings: Sequence[str],
              rows: Sequence[list[str] | str], source: str) -> tuple[list[Row], list[Problem]]:
    """The rows accepted, each with its line, and the problems, row by row."""
    by_column = dict(zip(columns, headings, strict=True))
    accepted: list[Row] = []
    problems: list[Problem] = []
    line = 2
    for row in rows:
        if row == "blank":
            line += 1
            continue
        assert isinstance(row, list)
        spans = 1 + sum(breaks(cell) for cell in row)
        if all(not cell.strip() for cell in row):
            pass  # a row of blank cells holds no data
        elif [cell.strip() for cell in row] == [h.strip() for h in headings]:
            problems.append(Problem(source, "a second header row: the header of line 1 is "
                                    "repeated here", line=line))
        elif len(row) != len(columns):
            problems.append(Problem(source, f"expected {len(columns)} cells as in the "
                                    f"header, found {len(row)}", line=line))
        else:
            values, found = reference_row(name, line, dict(zip(columns, row, strict=True)),
                                          by_column, source)
            problems += found
            if values is not None:
                accepted.append((line, values))
        line += spans
    return once_a_child(name, accepted, problems, by_column.get("CHILD", "CHILD"), source)


def as_rows(table: Any) -> list[Row]:
    rows = []
    for index, line in enumerate(table.lines.tolist()):
        values = {}
        for column, cells in table.columns.items():
            value = cells[index]
            values[column] = (None if np.isnat(value) else value.item()) \
                if column in DATE_COLUMNS else str(value)
        rows.append((line, values))
    return rows


def text_of(headings: Sequence[str], rows: Sequence[list[str] | str], end: str,
            quoting: Sequence[bool]) -> str:
    lines = [",".join(headings)]
    for index, row in enumerate(rows):
        lines.append("" if row == "blank" else ",".join(
            written(cell, quoting[(index + at) % len(quoting)]) for at, cell in enumerate(row)))
    return end.join(lines)


@given(tables(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.booleans(),
       st.lists(st.booleans(), min_size=1, max_size=5))
def test_a_csv_table_read_as_columns_is_read_as_its_rows_are(
        tmp_path_factory: pytest.TempPathFactory,
        table: tuple[str, list[str], list[str], list[list[str] | str]], end: str,
        last_end: bool, mark: bool, quoting: list[bool]) -> None:
    name, columns, headings, rows = table
    text = text_of(headings, rows, end, [q and not mark for q in quoting]) \
        + (end if last_end else "")
    quoted_breaks = any(breaks(cell) for row in rows if row != "blank" for cell in row)
    event("a quoted line end" if quoted_breaks else "no quoted line end")
    file = tmp_path_factory.mktemp("csv") / "table.csv"
    file.write_bytes(("\ufeff" if mark else "").encode() + text.encode("utf-8"))
    problems: list[Problem] = []
    with mock.patch.object(csv_columns, "_by_rows", wraps=csv_columns._by_rows) as by_rows:
        found = read_table(name, file, problems)
    event("read row by row" if by_rows.called else "read by columns")
    assert found is not None
    accepted, expected = reference(name, columns, headings, rows, str(file))
    assert as_rows(found) == accepted
    assert in_file_order(problems) == in_file_order(expected)


@given(tables(), st.data())
def test_raw_text_columns_are_checked_as_a_csv_tables_cells_are(
        table: tuple[str, list[str], list[str], list[list[str] | str]],
        data: st.DataObject) -> None:
    name, columns, headings, rows = table
    whole = [row for row in rows if isinstance(row, list) and len(row) == len(columns)]
    lines = sorted(data.draw(st.lists(st.integers(2, 10_000), min_size=len(whole),
                                      max_size=len(whole), unique=True)))
    blank_as_none = data.draw(st.booleans())
    cells = {column: [None if blank_as_none and not row[at] else row[at] for row in whole]
             for at, column in enumerate(columns)}
    problems: list[Problem] = []
    found = check_table(name, SOURCE, dict(zip(columns, headings, strict=True)), cells, lines,
                        problems)
    accepted: list[Row] = []
    expected: list[Problem] = []
    for line, row in zip(lines, whole, strict=True):
        values, wrong = reference_row(name, line, dict(zip(columns, row, strict=True)),
                                      dict(zip(columns, headings, strict=True)))
        expected += wrong
        if values is not None:
            accepted.append((line, values))
    accepted, expected = once_a_child(name, accepted, expected,
                                      dict(zip(columns, headings, strict=True)).get("CHILD",
                                                                                    "CHILD"),
                                      SOURCE)
    assert as_rows(found) == accepted
    assert problems == expected


def test_the_white_space_stripped_is_what_python_strips() -> None:
    assert set(PYTHON_WHITESPACE) == {c for c in map(chr, range(0x110000)) if c.isspace()}
    assert all(c.strip() == "" for c in PYTHON_WHITESPACE)


def test_a_plain_table_is_read_without_the_row_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The row reader is kept for the files whose oddity pyarrow might read otherwise;
    a table as councils' systems write it never needs it."""
    def refused(*_: object) -> None:
        raise AssertionError("read row by row")

    monkeypatch.setattr(csv_columns, "_by_rows", refused)
    file = tmp_path / "Episodes.csv"
    file.write_text('CHILD,DECOM,RNE,LS,PLACE,DEC,REC\r\n\r\n"C1",01/04/2023,S,C2,U1,,\r\n'
                    'C2, 02/04/2023 ,P,C2,"U,1",,\r\n,,,,,,\r\n', encoding="utf-8")
    problems: list[Problem] = []
    found = read_table("Episodes", file, problems)
    assert found is not None
    assert problems == []
    assert found.lines.tolist() == [3, 4]
    assert found.column("CHILD").tolist() == ["C1", "C2"]
    assert found.column("PLACE").tolist() == ["U1", "U,1"]
    assert found.column("DECOM").tolist() == [dt.date(2023, 4, 1), dt.date(2023, 4, 2)]


def test_a_quoted_line_end_places_each_row_on_the_line_it_starts_on(tmp_path: Path) -> None:
    file = tmp_path / "Missing.csv"
    file.write_text('CHILD,MISSING,MIS_START,MIS_END\nC1,M,01/05/2023,\n'
                    'C2,"M\nX",02/05/2023,\nC3,X,03/05/2023,\n', encoding="utf-8")
    problems: list[Problem] = []
    found = read_table("Missing", file, problems)
    assert found is not None
    assert found.lines.tolist() == [2]
    assert [(p.line, p.field, p.found) for p in problems] == [
        (3, "MISSING", "text shaped like 'A\\nA', not shown"), (5, "MISSING", "'X'")]


EPISODES = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC,PLACE_PROVIDER\n"
ROW = "C{0},01/04/2023,S,C2,U1,,,PR1\n"


@pytest.mark.parametrize(("limit", "value", "rows", "where"), [
    ("rows", 2, [ROW.format(i) for i in range(3)], "line 4"),
    ("cells", 20, [ROW.format(i) for i in range(3)], "line 3"),
    ("cell_chars", 15, [ROW.format(1), ROW.format(2).replace("PR1", "PR1" * 6)],
     "line 3, field 'PLACE_PROVIDER'"),
])
def test_a_table_is_read_within_each_read_limit(tmp_path: Path, limit: str, value: int,
                                                rows: list[str], where: str) -> None:
    file = tmp_path / "Episodes.csv"
    file.write_text(EPISODES + "".join(rows), encoding="utf-8")
    problems: list[Problem] = []
    with reading_limits(**{limit: value}):
        assert read_table("Episodes", file, problems) is None
    [problem] = problems
    assert f"{where}: the " in str(problem)
    assert f"over the read limit {limit}" in str(problem)


def test_a_table_saved_as_windows_1252_is_read_and_one_not_utf_8_refused(
        tmp_path: Path) -> None:
    file = tmp_path / "Episodes.csv"
    file.write_bytes((EPISODES + ROW.format(1).replace("PR1", "PR\u00e91")).encode("cp1252"))
    problems: list[Problem] = []
    found = read_table("Episodes", file, problems)
    assert found is not None
    assert problems == []
    assert found.column("PLACE_PROVIDER").tolist() == ["PR\u00e91"]
    mixed = EPISODES + ROW.format(1).replace("PR1", "PR\u00e91") + ROW.format(2)
    file.write_bytes(mixed.encode().replace(b"\nC2,", b"\nC\xff,"))
    assert read_table("Episodes", file, problems) is None
    assert [(p.line, p.note.split(":")[0]) for p in problems] == [(3, "not UTF-8 text")]


def _written(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


@given(st.lists(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), min_size=1, max_size=40))
@example([dt.date(1, 1, 1), dt.date(1600, 2, 29), dt.date(1969, 12, 31), dt.date(1970, 1, 1),
          dt.date(2000, 2, 29), dt.date(2024, 2, 29), dt.date(9999, 12, 31)])
def test_any_day_of_the_calendar_reads_as_itself(days: list[dt.date]) -> None:
    # The day is counted from its digits, as Python's calendar counts it, from year 1.
    problems: list[Problem] = []
    rows = len(days)
    table = check_table("Header", "Header.csv", {},
                        {"CHILD": [f"C{row}" for row in range(rows)], "SEX": ["1"] * rows,
                         "DOB": [_written(day) for day in days]},
                        range(2, rows + 2), problems)
    assert problems == []
    assert table.columns["DOB"].astype(object).tolist() == days


@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
@example(dt.date(1900, 2, 1))
@example(dt.date(2000, 2, 1))
@example(dt.date(9999, 12, 1))
def test_a_day_past_the_end_of_its_month_is_refused(day: dt.date) -> None:
    # The day after the month's last, written in the same month.
    past = f"{calendar.monthrange(day.year, day.month)[1] + 1:02d}/{day.month:02d}/{day.year:04d}"
    problems: list[Problem] = []
    table = check_table("Header", "Header.csv", {}, {"CHILD": ["C1"], "SEX": ["1"],
                                                     "DOB": [past]}, [2], problems)
    assert [(p.line, p.field, p.expected) for p in problems] == [
        (2, "DOB", "a date written dd/mm/yyyy, such as 31/03/2024")]
    assert len(table.lines) == 0
