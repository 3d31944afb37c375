"""What a workbook cell's number format says about its value: a percentage, or a month.

A spreadsheet holds ``0.119`` and shows it as ``11.9%`` when the cell is formatted as a
percentage; it holds the date 2025-01-01 and shows ``Jan-25`` when the cell is
formatted as a month. The reader of the cells' values (calamine) gives the value alone,
so ``0.119`` would be read as a figure of 0.119 per cent: a silent misread. The format
is therefore read from the workbook's own styles, while the workbook is checked
(`workbook_checks`), and a cell is given as the text
the sheet shows, as Excel writes it when it saves the sheet as CSV: ``11.9%``, and the
month ``2025-01``. What a percentage can be is then for the reader of each kind to say
(a readings file takes it for a percentage indicator and refuses it for a count).

- Excel (``.xlsx``): ``xl/styles.xml`` lists the number formats (``numFmts``, each a
  format code) and the cell formats (``cellXfs``, each naming a number format); a cell's
  ``s`` attribute is the index of its cell format. Excel's built-in formats 9 and 10
  (``0%``, ``0.00%``) are percentages and 17 (``mmm-yy``) a month; a format code of the
  workbook's own is a percentage if it holds ``%`` outside quoted text, and a month if
  it writes a month and a year but no day or time.
- OpenDocument (``.ods``): a cell's ``office:value-type`` is ``percentage`` where its
  style is a ``number:percentage-style``; the cell says so itself. A ``date`` cell is
  read as its date; it is a month where its style is a ``number:date-style`` showing a
  month and a year but no day (`ods_checks`).
- Excel 97-2003 (``.xls``): a number's record names its cell format (``XF``), which
  names a built-in format or one of the workbook's ``FORMAT`` records
  (`xls_scan`). A binary ``.xlsb`` workbook's formats are
  not read, and a warning naming the file says its percentages are unread.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = [
    "BUILTIN_FORMATS",
    "CellFormats",
    "NumberFormat",
    "excel_cell_formats",
    "format_of_code",
    "formatted_text",
]


class NumberFormat(enum.Enum):
    """What a cell's number format says its value is."""

    PERCENT = "percent"  # 0.119 shown as 11.9%
    MONTH = "month"  # a date shown as its month and year (Jan-25)


#: Each sheet's cells (row and column, 0-based, as calamine numbers them) that are
#: formatted as a percentage or a month; the cells of no such format are not held.
CellFormats = Mapping[str, Mapping[tuple[int, int], NumberFormat]]

#: Excel's built-in number formats of these kinds: ``0%``, ``0.00%``, ``mmm-yy``.
BUILTIN_FORMATS: Final = {9: NumberFormat.PERCENT, 10: NumberFormat.PERCENT,
                          17: NumberFormat.MONTH}

# Quoted text, an escaped character, a bracketed section ([Red], [$-809]): none of them
# says what the number is.
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_TAG = re.compile(r"<(/?)(?:[\w.-]+:)?(numFmt|cellXfs|xf)(?=[\s/>])([^>]*)>")
_ATTRIBUTE = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
#: The first day of Excel's serial dates (in the 1900 date system, as written since
#: 1900-03-01).
_EPOCH: Final = dt.date(1899, 12, 30)


def format_of_code(code: str) -> NumberFormat | None:
    """What the Excel format ``code`` (``0.0%``, ``mmm-yy``) says a number is, by its
    first section (the one for positive numbers); ``None`` for any other."""
    section = _LITERAL.sub("", code).split(";", 1)[0].lower()
    if "%" in section:
        return NumberFormat.PERCENT
    if "y" in section and "m" in section and not any(c in section for c in "dhs"):
        return NumberFormat.MONTH
    return None


def _attributes(tag: str) -> dict[str, str]:
    return {name.rsplit(":", 1)[-1]: html.unescape(first or second)
            for name, first, second in _ATTRIBUTE.findall(tag)}


def excel_cell_formats(chunks: Iterable[bytes]) -> dict[int, NumberFormat]:
    """Each cell format (its index in ``cellXfs``) of a percentage or month kind, from
    ``xl/styles.xml`` given as chunks that each end at a tag's end."""
    codes: dict[int, NumberFormat | None] = {}
    found: dict[int, NumberFormat] = {}
    inside = False
    index = 0
    for chunk in chunks:
        for closing, name, rest in _TAG.findall(chunk.decode("utf-8", "replace")):
            if name == "cellXfs":
                inside = not closing and not rest.rstrip().endswith("/")
                continue
            if closing:
                continue
            attributes = _attributes(rest)
            number = attributes.get("numFmtId", "")
            if name == "numFmt" and number.isdigit():
                codes[int(number)] = format_of_code(attributes.get("formatCode", ""))
            elif name == "xf" and inside:
                if number.isdigit():
                    kind = codes.get(int(number), BUILTIN_FORMATS.get(int(number)))
                    if kind is not None:
                        found[index] = kind
                index += 1
    return found


def _percent_text(value: float) -> str:
    """``value`` (a fraction) as the percentage a sheet shows, without a float's
    rounding: 0.119 is ``11.9%``."""
    try:
        exact = Decimal(repr(value)) * 100
    except InvalidOperation:  # pragma: no cover - repr of a finite float is a number
        return repr(value)
    text = format(exact.normalize(), "f")
    return (text[:-2] if text.endswith(".0") else text) + "%"


def formatted_text(value: object, kind: NumberFormat) -> str | None:
    """The text a cell of ``value`` shows under a number format of ``kind``: a number
    formatted as a percentage as ``11.9%``, a date (or a serial date) formatted as a
    month as ``2025-01``; ``None`` where the format does not change how the value is
    read (text in a percentage-formatted cell, say)."""
    if kind is NumberFormat.PERCENT:
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
            return _percent_text(number) if number == number and abs(number) != float(
                "inf") else None
        return None
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        day = _EPOCH + dt.timedelta(days=int(value))
        return f"{day.year:04d}-{day.month:02d}"
    return None
