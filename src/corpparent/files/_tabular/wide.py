"""Readings laid out wide, as most scorecards are: an indicator a row, a period a column.



    Indicator            | 2022-23 Q1 | 2022-23 Q2 | 2022-23 Q3
    children_in_care     | 452        | 445        | 450
    placed_over_20_miles | 38%        | 38%        | 39%

Each cell under a period's heading is one reading, of the row's indicator for the
column's period; a blank cell is no reading. The table is told wide by its header (an
``indicator`` column and at least one heading that is a period) or read so where the
reader says so (``layout="wide"``, ``--layout wide``). A heading is a period as a period
cell is (``2022-23 Q1``, ``2023-03``, ``March 2023``, ``2022-23``), or a date or
``Jan-25`` read by the rule for dates
(`date_periods`), the header being the column of
dates. A header of two rows, as a merged cell writes it, is read whole: a financial year
written once over its quarters or months (``2022-23`` over ``Q1 | Q2 | Q3 | Q4``, the
cells after the first left empty by the merge) gives ``2022-23 Q1`` and so on, and over
``Apr | May | ...`` the months of that year. Title and notes rows above the header are
passed over, in a sheet and in a CSV file alike (`csv_rows`): the header is the first
of the first rows holding an ``indicator`` column. Beside the periods, a ``unit``
column gives the unit of every value of its row; any other column is reported, as in a
long table.

Each reading is made a record with the fields of a long table's row, so every check a
long table has is made of it, and a problem names the value's own cell:
``value (Scorecard!D7)``.
"""

from __future__ import annotations

import contextvars
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from corpparent.errors import DataError, PeriodError, Problem
from corpparent.files._tabular.column_names import (
    READING_SYNONYMS,
    column_map,
    columns_given,
    missing_headings,
    renamed,
)
from corpparent.files._tabular.csv_rows import csv_table_under, header_of, normalise_column
from corpparent.files._tabular.date_periods import column_periods
from corpparent.files._tabular.formats import format_of
from corpparent.files._tabular.formula_errors import formula_problems
from corpparent.files._tabular.records import RawRecord, Records
from corpparent.files._tabular.sheets import sheet_table
from corpparent.files._tabular.text_encoding import other_encoding
from corpparent.periods import FinancialYear, Month, parse_period

__all__ = ["Layout", "is_period_heading", "looks_like_readings", "using_layout", "wide_layout",
           "wide_records"]


class Layout(enum.Enum):
    """How a table of readings is laid out."""

    LONG = "long"  # a reading a row: indicator, period, value
    WIDE = "wide"  # an indicator a row, a period a column


_CHOSEN: contextvars.ContextVar[Layout | None] = contextvars.ContextVar("layout", default=None)
_QUARTER: Final = re.compile(r"q([1-4])", re.IGNORECASE)
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                  "nov", "dec")


@contextmanager
def using_layout(layout: Layout | str | None) -> Iterator[None]:
    """Read tables of readings laid out as ``layout`` while inside the block (``None``:
    as each table's header shows)."""
    token = _CHOSEN.set(None if layout is None else Layout(layout))
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def wide_layout(layout: Layout | str | None = None) -> Layout | None:
    """The layout given, or else the one chosen by `using_layout`."""
    return Layout(layout) if layout is not None else _CHOSEN.get()


def is_period_heading(text: str) -> bool:
    """Whether a heading names a period (or a date, or a month shown as ``Jan-25``)."""
    text = text.strip()
    if not text or not any(c.isdigit() for c in text):
        return False
    if column_periods({text}, None):
        return True
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def looks_like_readings(names: Iterable[str]) -> bool:
    """Whether a table's headings (as written and normalised) are those of readings, in
    the sheet's own words (`column_names`): an
    indicator, a period and a value column, or an indicator column and a period (or a
    quarter or month under a year above it) laid out wide."""
    found = set(names)
    fields = set(renamed([normalise_column(n) for n in found], columns_given(),
                         READING_SYNONYMS))
    if {"indicator", "period", "value"} <= fields:
        return True
    return "indicator" in fields and any(
        is_period_heading(name) or _QUARTER.fullmatch(name.strip()) is not None
        or (name.strip().isalpha() and name.strip().lower()[:3] in _MONTHS)
        for name in found)


def _under_year(year: str, label: str) -> str | None:
    """A quarter or month heading written under its financial year (``Q1`` under
    ``2022-23``) as the period it names; ``None`` where it is not one."""
    try:
        found = parse_period(year)
    except PeriodError:
        return None
    if not isinstance(found, FinancialYear):
        return None
    quarter = _QUARTER.fullmatch(label.strip())
    if quarter is not None:
        return f"{found} Q{quarter.group(1)}"
    name = label.strip().lower()[:3]
    if name in _MONTHS and label.strip().isalpha():
        number = _MONTHS.index(name) + 1
        return str(Month(found.year + (number < 4), number))
    return None


def _headings(header: Sequence[str], above: Sequence[str]) -> list[str]:
    """The header's headings, each quarter or month written under a financial year
    (the year in the row above, over the columns up to the next) made whole."""
    spread: list[str] = []
    current = ""
    for cell in above:
        current = cell.strip() or current
        spread.append(current)
    result = []
    for column, heading in enumerate(header):
        whole = _under_year(spread[column], heading) if column < len(spread) else None
        result.append(whole or heading.strip())
    return result


def _table(file: Path, sheet: str | None, columns: Mapping[str, str]) -> tuple[
        Iterator[tuple[int, list[str]]], Callable[[int, int], str] | None, tuple[str, ...],
        tuple[tuple[int, str], ...], tuple[tuple[int, int, str], ...]]:
    """The rows of the file's table whose header holds an ``indicator`` column, how a
    cell is named, the row above the header, the rows above that look like the
    table's own, and the cells holding a formula's error."""
    found = format_of(file, ("csv", "sheet"))
    names = column_map(columns, READING_SYNONYMS)

    def key(heading: str) -> str:
        return names.get(normalise_column(heading), normalise_column(heading))

    if found.name == "csv":  # its header found as a sheet's is, under a title and notes
        rows, stray, above = csv_table_under(file, ("indicator",), key)
        return rows, None, above, stray, ()
    table = sheet_table(file, ("indicator",), sheet, key)
    return iter(table.rows), table.cell, table.above, table.stray, table.errors


def wide_records(file: Path, *, sheet: str | None = None, required: bool = True,
                 columns: Mapping[str, str] | None = None) -> Records | None:
    """The readings of the wide table in ``file`` (a CSV file, or a workbook's ``sheet``
    or the sheet holding an ``indicator`` column), as the records of the long table
    they make. Where the table is not wide (no heading is a period), ``None``, unless
    ``required``: then a [`DataError`][corpparent.errors.DataError]. ``columns`` maps a
    heading as written to the field it holds (``{"Measure": "indicator"}``)."""
    source = str(file)
    rows, cells, above, stray, errors = _table(file, sheet, columns or {})
    first = next(rows, None)
    written = header_of(source, first)
    line = 1 if first is None else first[0]
    headings = _headings(written, above)
    if headings != [h.strip() for h in written]:  # the row above is the header's too
        stray = tuple((number, problem) for number, problem in stray if number != line - 1)
    names = list(renamed([normalise_column(h) for h in headings], columns or {},
                         READING_SYNONYMS))
    is_period = [name not in ("indicator", "unit") and is_period_heading(h)
                 for h, name in zip(headings, names, strict=True)]
    if not any(is_period) or "indicator" not in names:
        if not required:
            return None
        raise DataError.single(source, "not a wide table of readings", line=line,
                               expected="a header of an 'indicator' column and periods "
                               "(2022-23 Q1, 2023-03, 2022-23 or dates)",
                               found=", ".join(repr(h) for h in written) or "no header")
    indicator, unit = names.index("indicator"), names.index("unit") if "unit" in names else None
    problems = [Problem(source, "unknown column", line=line, field=written[column],
                        expected="indicator, unit, or a period")
                for column, name in enumerate(names)
                if not is_period[column] and name not in ("indicator", "unit") and name]
    problems += [Problem(source, "no column has this heading, named in the columns mapping",
                         line=line, field=heading, expected="one of " + ", ".join(written))
                 for heading in missing_headings(map(normalise_column, headings), columns or {})]
    if cells is not None:
        problems += formula_problems(source, errors, written, [
            "value" if is_period[column] else name for column, name in enumerate(names)],
            cells)
    periods = [(column, headings[column]) for column in range(len(names)) if is_period[column]]
    records = [RawRecord(source, number, {}, problem) for number, problem in stray]
    for number, values in rows:
        if not any(cell.strip() for cell in values):
            continue
        if len(values) != len(written):
            records.append(RawRecord(source, number, {}, f"expected {len(written)} cells as "
                                     f"in the header, found {len(values)}"))
            continue
        for column, period in periods:
            fields = {"indicator": values[indicator].strip(), "period": period,
                      "value": values[column].strip()}
            if unit is not None:
                fields["unit"] = values[unit].strip()
            records.append(RawRecord(source, number, fields, headings=_named(
                written, line, number, indicator, column, unit, cells)))
    header = ("indicator", "period", "value", *(("unit",) if unit is not None else ()))
    return Records(source, header, tuple(records), tuple(problems),
                   other_encoding(file) if cells is None else None)


def _named(written: Sequence[str], line: int, row: int, indicator: int, column: int,
           unit: int | None, cells: Callable[[int, int], str] | None) -> dict[str, str]:
    """Each field of a reading named by its heading and (in a sheet) its cell; the
    period by its heading's cell."""
    def name(heading: str, at: int, on: int) -> str:
        return heading if cells is None else f"{heading} ({cells(at, on)})"

    named = {"indicator": name(written[indicator], indicator, row),
             "period": name(written[column] or "period", column, line),
             "value": name("value", column, row) if cells is not None
             else f"value under {written[column]!r}"}
    if unit is not None:
        named["unit"] = name(written[unit], unit, row)
    return named
