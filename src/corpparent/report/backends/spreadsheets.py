"""Tidy tables written as CSV, Excel ``.xlsx`` and Parquet, safe to open in a spreadsheet.

A cell of text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read by Excel, LibreOffice and Google Sheets as a formula when the file is a CSV: a
name such as ``=HYPERLINK(...)`` in an input file would run when the paper's CSV is
opened. CSV cells of text that begin so are written with a leading apostrophe, which
spreadsheets show as text (OWASP, "CSV Injection"). In ``.xlsx`` every text cell is
written as a string cell, never as a formula, so it needs no apostrophe. Numbers stay
numbers in every format.

``.xlsx`` is written with XlsxWriter (pure Python, write-only, fast), one sheet per table;
a column the table declares as dates is written as dates.
Parquet needs pyarrow (``pip install 'corpparent[dfe]'``).

Each file says who it is for where its reader looks: every table's ``profile`` column
(see `corpparent.report.tables`); a workbook's first sheet, ``About``, and its
document properties (title, subject, category, keywords, comments); a Parquet file's
schema metadata, under keys ``corpparent.profile``, ``corpparent.who_it_is_for`` and so
on. A CSV has only its column: a line above the header would stop a CSV reader taking
the file as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any, Final

from corpparent.errors import CorpparentError
from corpparent.report.tables import Cell, Table

__all__ = ["ABOUT_SHEET", "FORMULA_STARTS", "csv_text", "metadata_key", "parquet_bytes",
           "safe_text", "xlsx_bytes"]

#: The name of a workbook's first sheet, which says who the workbook is for.
ABOUT_SHEET: Final = "About"

#: The first characters that make a spreadsheet read a CSV cell as a formula.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet will run: an apostrophe before a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_cell(cell: Cell) -> str | float | int:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, str):
        return safe_text(cell)
    return cell


def csv_text(table: Table) -> str:
    """``table`` as CSV text with a header row (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    writer.writerows([_csv_cell(cell) for cell in row] for row in table.rows)
    return buffer.getvalue()


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """``tables`` as one Excel workbook, a sheet per table, its header row frozen; the
    first sheet, ``About``, and the workbook's properties say who it is for (the first
    table's `about`)."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    about = dict(tables[0].about) if tables else {}
    with xlsxwriter.Workbook(buffer, options) as workbook:
        bold = workbook.add_format({"bold": True})
        # Made only for a workbook with dates, so any other is written as before.
        day = workbook.add_format({"num_format": "yyyy-mm-dd"}) if any(
            "date" in table.types for table in tables) else None
        if about:
            _about_sheet(workbook, about, bold)
        for table in tables:
            sheet = workbook.add_worksheet(table.name[:31])
            sheet.write_row(0, 0, table.columns, bold)
            sheet.freeze_panes(1, 0)
            dates = {i for i, kind in enumerate(table.types) if kind == "date"}
            for line, row in enumerate(table.rows, start=1):
                for column, cell in enumerate(row):
                    if column in dates and isinstance(cell, str):
                        sheet.write_datetime(line, column, date.fromisoformat(cell), day)
                    elif isinstance(cell, bool):
                        sheet.write_boolean(line, column, cell)
                    elif isinstance(cell, int | float):
                        sheet.write_number(line, column, cell)
                    elif isinstance(cell, str):
                        sheet.write_string(line, column, cell)
            sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    return buffer.getvalue()


def _about_sheet(workbook: Any, about: dict[str, str], bold: Any) -> None:
    """The first sheet (label and text, a row each) and the document properties."""
    sheet = workbook.add_worksheet(ABOUT_SHEET)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 100)
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    for line, (label, text) in enumerate(about.items()):
        sheet.write_string(line, 0, label, bold)
        sheet.write_string(line, 1, text, wrap)
    profile = about.get("Profile", "")
    workbook.set_properties({
        "title": about.get("Title", ""), "subject": about.get("Period", ""),
        "category": profile, "keywords": f"profile: {profile}",
        "comments": about.get("Who it is for", ""),
    })


def metadata_key(label: str) -> str:
    """The Parquet metadata key of an ``about`` label: ``Who it is for`` is
    ``corpparent.who_it_is_for``."""
    return "corpparent." + label.lower().replace(" ", "_")


def parquet_bytes(table: Table) -> bytes:
    """``table`` as a Parquet file, its ``about`` in the schema's metadata, each column
    of the type the table declares (`types`), so
    the schema is the same whatever the rows, or else typed from its values."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpparentError(
            "writing Parquet needs pyarrow: pip install 'corpparent[dfe]'") from None
    columns = {name: [row[index] for row in table.rows]
               for index, name in enumerate(table.columns)}
    if table.types:
        arrow = pa.table({name: _typed_column(pa, values, kind) for (name, values), kind
                          in zip(columns.items(), table.types, strict=True)})
    else:
        arrow = pa.table({name: _arrow_column(pa, values) for name, values in columns.items()})
    if table.about:
        arrow = arrow.replace_schema_metadata({
            **(arrow.schema.metadata or {}),
            **{metadata_key(label): text for label, text in table.about}})
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def _arrow_column(pa: Any, values: list[Cell]) -> Any:
    """A column of one type: numbers as float64 (integers too, as a value column mixes
    them), yes/no as bool, everything else as text."""
    present = [value for value in values if value is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pa.array(values, type=pa.bool_())
    if present and all(isinstance(v, int | float) and not isinstance(v, bool)
                       for v in present):
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    return pa.array([None if v is None else str(v) for v in values], type=pa.string())


#: The Arrow type of each column type a table may declare.
_ARROW_TYPES: Final = {"text": "string", "integer": "int64", "number": "float64",
                       "yes/no": "bool_", "date": "date32"}


def _typed_column(pa: Any, values: list[Cell], kind: str) -> Any:
    """A column of its declared type, whatever its values (an empty one included): a
    date given as its ISO text is a date, a whole number in a column of numbers a float."""
    arrow_type = getattr(pa, _ARROW_TYPES[kind])()
    cells: list[object] = list(values)
    if kind == "date":
        cells = [date.fromisoformat(v) if isinstance(v, str) else v for v in values]
    elif kind == "number":
        cells = [float(v) if isinstance(v, int) and not isinstance(v, bool) else v
                 for v in values]
    return pa.array(cells, type=arrow_type)
