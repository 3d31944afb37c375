"""Make the example workbooks of data/ from data/wiltshire_readings_2022-23.csv: the same
readings laid out as councils keep them in their own spreadsheets.

- ``wiltshire_readings_2022-23_percentages.xlsx``: one reading a row, under a title and
  a notes row, each percentage held as a fraction in a cell formatted as a percentage
  (0.39 shown as 39%), as Excel holds a figure typed as "39%".

Run: python examples/make_example_workbooks.py [FOLDER]
(into the current folder by default; ``examples/data`` makes the shipped ones.)
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from corpparent import load_profile
from corpparent.indicators.definitions import Kind

DATA = Path(__file__).resolve().parent / "data"
CSV = DATA / "wiltshire_readings_2022-23.csv"
TITLE = "Wiltshire Council: corporate parenting scorecard, 2022-23"
NOTES = ("Figures from the Annual Report of the Corporate Parenting Panel, July 2022 to "
         "March 2023. Percentages are of the children in care at the quarter's end.")
#: A fixed date for the workbooks' properties, so that making them again gives the same.
MADE = dt.datetime(2023, 7, 1, 9, 0)

Rows = list[dict[str, str]]


def readings_rows() -> Rows:
    """The tidy CSV's rows."""
    with CSV.open(encoding="utf-8", newline="") as stream:
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


#: Each example workbook's name and how it is made.
WORKBOOKS: dict[str, Callable[[Path, Rows], Path]] = {
    "wiltshire_readings_2022-23_percentages.xlsx": percentages_workbook,
}


def make(folder: Path) -> list[Path]:
    """Every example workbook, made in ``folder``."""
    rows = readings_rows()
    return [made(folder / name, rows) for name, made in WORKBOOKS.items()]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for path in make(target):
        print("made", path.name)
