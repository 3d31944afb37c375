"""Make the example workbooks of data/ from data/wiltshire_readings_2022-23.csv: the same
readings laid out as councils keep them in their own spreadsheets.

- ``wiltshire_readings_2022-23_percentages.xlsx``: one reading a row, under a title and
  a notes row, each percentage held as a fraction in a cell formatted as a percentage
  (0.39 shown as 39%), as Excel holds a figure typed as "39%".
- ``wiltshire_readings_2022-23_dates.xlsx``: each quarter's period a date cell holding
  the quarter's last day (30/06/2022 for 2022-23 Q1), the years written as text.
- ``wiltshire_scorecard_2022-23_wide.xlsx``: the scorecard as most are kept, an
  indicator a row and a period a column, under a title and a notes row; each
  financial year written once over its four quarters in a merged cell, and the
  percentages as fractions formatted as percentages.
- ``wiltshire_health_assessments_monthly_illustrative.xlsx``: the illustrative monthly
  figures, each month a date cell formatted as a month (shown "Apr-21").
- ``wiltshire_readings_2022-23_dates.ods`` and
  ``wiltshire_health_assessments_monthly_illustrative.ods``: the same two as
  OpenDocument spreadsheets (LibreOffice's own format), each period a date cell
  (``office:value-type="date"``) shown by a date style: the day (30/06/2022), or the
  month alone (Apr-21).

Run: python examples/make_example_workbooks.py [FOLDER]
(into the current folder by default; ``examples/data`` makes the shipped ones.)
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import xlsxwriter
import xlsxwriter.worksheet

from corpparent import load_profile
from corpparent.indicators.definitions import Kind
from corpparent.periods import FinancialQuarter, parse_period

DATA = Path(__file__).resolve().parent / "data"
CSV = DATA / "wiltshire_readings_2022-23.csv"
MONTHLY_CSV = DATA / "wiltshire_health_assessments_monthly_illustrative.csv"
TITLE = "Wiltshire Council: corporate parenting scorecard, 2022-23"
NOTES = ("Figures from the Annual Report of the Corporate Parenting Panel, July 2022 to "
         "March 2023. Percentages are of the children in care at the quarter's end.")
#: A fixed date for the workbooks' properties, so that making them again gives the same.
MADE = dt.datetime(2023, 7, 1, 9, 0)

Rows = list[dict[str, str]]


def readings_rows(path: Path = CSV) -> Rows:
    """A tidy CSV file's rows."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _percentages() -> frozenset[str]:
    indicators = load_profile("wiltshire").indicators
    return frozenset(i.id for i in indicators if i.kind is Kind.PERCENTAGE)


def _book(path: Path) -> xlsxwriter.Workbook:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"title": TITLE, "author": "Performance and Information",
                         "created": MADE})
    return book


def percentages_workbook(path: Path, rows: Rows) -> Path:
    """The readings one a row, each percentage a fraction formatted as a percentage."""
    percentages = _percentages()
    book = _book(path)
    sheet = book.add_worksheet("Scorecard")
    bold = book.add_format({"bold": True})
    whole = book.add_format({"num_format": "0%"})
    tenth = book.add_format({"num_format": "0.0%"})
    sheet.write(0, 0, TITLE, bold)
    sheet.write(1, 0, NOTES)
    for column, heading in enumerate(("indicator", "period", "value")):
        sheet.write(3, column, heading, bold)
    for number, row in enumerate(rows, start=4):
        sheet.write_string(number, 0, row["indicator"])
        sheet.write_string(number, 1, row["period"])
        value = Decimal(row["value"])
        if row["indicator"] in percentages:
            shown = whole if value == value.to_integral_value() else tenth
            sheet.write_number(number, 2, float(value / 100), shown)
        else:
            sheet.write_number(number, 2, float(value))
    sheet.set_column(0, 0, 32)
    book.close()
    return path


def _long_sheet(book: xlsxwriter.Workbook, rows: Rows,
                period: Callable[[xlsxwriter.worksheet.Worksheet, int, str], None]) -> None:
    """The readings one a row under a title, each period written by ``period``."""
    sheet = book.add_worksheet("Scorecard")
    bold = book.add_format({"bold": True})
    sheet.write(0, 0, TITLE, bold)
    for column, heading in enumerate(("indicator", "period", "value")):
        sheet.write(2, column, heading, bold)
    for number, row in enumerate(rows, start=3):
        sheet.write_string(number, 0, row["indicator"])
        period(sheet, number, row["period"])
        sheet.write_number(number, 2, float(row["value"]))
    sheet.set_column(0, 1, 28)
    book.close()


def dates_workbook(path: Path, rows: Rows) -> Path:
    """The readings one a row, each quarter a date cell holding its last day."""
    book = _book(path)
    day = book.add_format({"num_format": "dd/mm/yyyy"})

    def period(sheet: xlsxwriter.worksheet.Worksheet, number: int, text: str) -> None:
        found = parse_period(text)
        if isinstance(found, FinancialQuarter):
            end = found.end
            sheet.write_datetime(number, 1, dt.datetime(end.year, end.month, end.day), day)
        else:
            sheet.write_string(number, 1, text)

    _long_sheet(book, rows, period)
    return path


def months_workbook(path: Path, rows: Rows) -> Path:
    """The monthly readings, each month a date cell (its first day) shown as "Apr-21"."""
    book = _book(path)
    month = book.add_format({"num_format": "mmm-yy"})

    def period(sheet: xlsxwriter.worksheet.Worksheet, number: int, text: str) -> None:
        start = parse_period(text).start
        sheet.write_datetime(number, 1, dt.datetime(start.year, start.month, 1), month)

    _long_sheet(book, rows, period)
    return path


def wide_workbook(path: Path, rows: Rows) -> Path:
    """An indicator a row, a period a column: the years first, then each year's
    quarters under the year written once over them."""
    percentages = _percentages()
    found = {(row["indicator"], row["period"]): Decimal(row["value"]) for row in rows}
    periods = {parse_period(row["period"]) for row in rows}
    years = sorted((p for p in periods if not isinstance(p, FinancialQuarter)),
                   key=lambda p: p.start)
    quarters = sorted((p for p in periods if isinstance(p, FinancialQuarter)),
                      key=lambda p: p.start)
    book = _book(path)
    sheet = book.add_worksheet("Scorecard")
    bold = book.add_format({"bold": True})
    over = book.add_format({"bold": True, "align": "center"})
    whole = book.add_format({"num_format": "0%"})
    tenth = book.add_format({"num_format": "0.0%"})
    sheet.write(0, 0, TITLE, bold)
    sheet.write(1, 0, NOTES)
    sheet.write(4, 0, "Indicator", bold)
    columns = [str(p) for p in years]
    for column, year in enumerate(columns, start=1):
        sheet.write(4, column, year, bold)
    for year in sorted({q.year for q in quarters}):
        inside = [q for q in quarters if q.year == year]
        start = len(columns) + 1
        label = str(inside[0]).split(" ")[0]
        sheet.merge_range(3, start, 3, start + len(inside) - 1, label, over)
        for offset, quarter in enumerate(inside):
            sheet.write(4, start + offset, f"Q{quarter.quarter}", bold)
            columns.append(str(quarter))
    indicators = list(dict.fromkeys(row["indicator"] for row in rows))
    for number, indicator in enumerate(indicators, start=5):
        sheet.write_string(number, 0, indicator)
        for column, period in enumerate(columns, start=1):
            value = found.get((indicator, period))
            if value is None:
                continue
            if indicator in percentages:
                shown = whole if value == value.to_integral_value() else tenth
                sheet.write_number(number, column, float(value / 100), shown)
            else:
                sheet.write_number(number, column, float(value))
    sheet.set_column(0, 0, 32)
    book.close()
    return path


#: An OpenDocument spreadsheet's date styles: a day (30/06/2022) and a month (Apr-21).
_ODS_STYLES = (
    '<number:date-style style:name="day"><number:day number:style="long"/>'
    '<number:text>/</number:text><number:month number:style="long"/>'
    '<number:text>/</number:text><number:year number:style="long"/></number:date-style>'
    '<number:date-style style:name="month"><number:month number:textual="true"/>'
    "<number:text>-</number:text><number:year/></number:date-style>"
    '<style:style style:name="ce-day" style:family="table-cell" '
    'style:data-style-name="day"/>'
    '<style:style style:name="ce-month" style:family="table-cell" '
    'style:data-style-name="month"/>')
_ODS_NAMESPACES = " ".join(f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
                           for prefix, name in (
                               ("office", "office:1.0"), ("table", "table:1.0"),
                               ("text", "text:1.0"), ("style", "style:1.0"),
                               ("number", "datastyle:1.0"), ("manifest", "manifest:1.0")))


def _ods_text(text: str) -> str:
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p>'
            "</table:table-cell>")


def _ods_period(text: str, monthly: bool) -> str:
    """A period's cell: a quarter as the date cell of its last day, a month as the date
    cell of its first shown as its month, any other period as text."""
    found = parse_period(text)
    if monthly:
        day, style, shown = found.start, "ce-month", f"{found.start:%b-%y}"
    elif isinstance(found, FinancialQuarter):
        day, style, shown = found.end, "ce-day", f"{found.end:%d/%m/%Y}"
    else:
        return _ods_text(text)
    return (f'<table:table-cell table:style-name="{style}" office:value-type="date" '
            f'office:date-value="{day.isoformat()}"><text:p>{shown}</text:p>'
            "</table:table-cell>")


def ods_workbook(path: Path, rows: Rows, monthly: bool = False) -> Path:
    """The readings one a row under a title, as an OpenDocument spreadsheet, each period
    a date cell (`_ods_period`)."""
    table = "".join(
        "<table:table-row>" + "".join(cells) + "</table:table-row>" for cells in [
            [_ods_text(TITLE)], [], [_ods_text(h) for h in ("indicator", "period", "value")],
            *([_ods_text(row["indicator"]), _ods_period(row["period"], monthly),
               f'<table:table-cell office:value-type="float" office:value="{row["value"]}">'
               f'<text:p>{row["value"]}</text:p></table:table-cell>'] for row in rows)])
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               f'{_ODS_NAMESPACES} office:version="1.2"><office:automatic-styles>'
               f"{_ODS_STYLES}</office:automatic-styles><office:body><office:spreadsheet>"
               f'<table:table table:name="Scorecard">{table}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = (f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                f'{_ODS_NAMESPACES} manifest:version="1.2"><manifest:file-entry '
                'manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    made = MADE.timetuple()[:6]
    with zipfile.ZipFile(path, "w") as archive:
        for name, text, kind in (
                ("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                 zipfile.ZIP_STORED), ("content.xml", content, zipfile.ZIP_DEFLATED),
                ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)):
            archive.writestr(zipfile.ZipInfo(name, made), text, compress_type=kind)
    return path


#: Each example workbook's name, how it is made, and the tidy CSV it is made from.
WORKBOOKS: dict[str, tuple[Callable[[Path, Rows], Path], Path]] = {
    "wiltshire_readings_2022-23_percentages.xlsx": (percentages_workbook, CSV),
    "wiltshire_readings_2022-23_dates.xlsx": (dates_workbook, CSV),
    "wiltshire_scorecard_2022-23_wide.xlsx": (wide_workbook, CSV),
    "wiltshire_health_assessments_monthly_illustrative.xlsx": (months_workbook, MONTHLY_CSV),
    "wiltshire_readings_2022-23_dates.ods": (ods_workbook, CSV),
    "wiltshire_health_assessments_monthly_illustrative.ods": (
        lambda path, rows: ods_workbook(path, rows, monthly=True), MONTHLY_CSV),
}


def make(folder: Path) -> list[Path]:
    """Every example workbook, made in ``folder``."""
    return [made(folder / name, readings_rows(tidy))
            for name, (made, tidy) in WORKBOOKS.items()]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for path in make(target):
        print("made", path.name)
