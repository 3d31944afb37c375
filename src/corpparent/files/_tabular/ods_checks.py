"""Checking an OpenDocument spreadsheet's ``content.xml`` before calamine reads it.

OpenDocument writes a run of like rows or cells once, with a repeat count
(``table:number-rows-repeated``, ``table:number-columns-repeated``): an 868-byte file
can so declare a million rows, which calamine builds. The walk here, a streaming expat
parse that keeps no tree, counts each table's rows and cells with their repeats, but
only those that hold something: LibreOffice ends every sheet with a million empty rows
written once, repeated, which calamine skips and which cost nothing. A row or cell
holding something may be repeated at most ``repeats`` times, and the table so counted
is held to the ``rows``, ``columns`` and ``cells`` bounds. A document type declaration
is refused, as its entities can expand a few bytes into gigabytes.

The walk also notes each cell whose value is a percentage (``office:value-type`` is
``percentage``: the cell's style is a ``number:percentage-style``), so the sheet is read
as it shows the cell (``11.9%``, not ``0.119``). A date cell (``office:value-type`` is
``date``) is read as its date, as an Excel date cell is; one whose style shows a month
and a year but no day (a ``number:date-style`` of ``number:month`` and ``number:year``
alone, shown ``Jan-25``) is noted as a month, as an Excel cell formatted ``mmm-yy`` is.
A cell's style is its own ``table:style-name``, or else its column's
``table:default-cell-style-name``; the styles are the document's automatic styles,
written in ``content.xml`` before its tables.

A cell whose formula failed (``calcext:value-type`` is ``error``, as LibreOffice writes
it) is noted with its paragraph's text (``#DIV/0!``), as calamine reads it as a blank
(`formula_errors`); so is a cell holding a formula (``table:formula``) but no value
type, whose result was never calculated (`uncalculated`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final
from xml.parsers import expat

from corpparent.files._tabular.limits import ReadLimits, over_limit
from corpparent.files._tabular.number_formats import NumberFormat
from corpparent.files._tabular.sheet_bounds import check_bounds, place, unreadable
from corpparent.files._tabular.uncalculated import NOT_CALCULATED

__all__ = ["check_open_document"]

_TABLE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_CALC_EXTENSION: Final = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0 "
_CELLS: Final = frozenset({_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell"})
_STYLE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:style:1.0 "
_NUMBER_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0 "
#: The parts of a date style that say it shows a day or a time, not a month alone.
_DAY_OR_TIME: Final = frozenset(_NUMBER_NS + part for part in (
    "day", "day-of-week", "hours", "minutes", "seconds", "am-pm"))


class _OpenDocumentSheets:
    """The walk over an OpenDocument ``content.xml``: each table's rows and cells with
    their repeats, counting those that hold something."""

    def __init__(self, source: str, limits: ReadLimits) -> None:
        self.source = source
        self.limits = limits
        self.sheet = ""
        self.rows = 0  # rows up to the last that holds something
        self.empty_rows = 0  # empty rows since then
        self.width = 0  # the widest row that holds something
        self.row_repeat = 1
        self.column = 0  # cells so far in this row
        self.row_width = 0  # cells up to the last that holds something
        self.cell_repeat = 1
        self.in_cell = False
        self.filled = False
        self.kind: NumberFormat | None = None  # the cell's, as its type and style say
        self.row_formats: dict[int, NumberFormat] = {}  # this row's cells of a kind
        self.formats: dict[str, dict[tuple[int, int], NumberFormat]] = {}
        self.error: list[str] | None = None  # an error cell's text, while inside it
        self.row_errors: dict[int, str] = {}  # this row's cells of an error
        self.errors: dict[str, dict[tuple[int, int], str]] = {}
        self.parser: expat.XMLParserType | None = None
        self.date_style = ""  # the date style being read, and what it shows
        self.date_parts: set[str] = set()
        self.month_styles: set[str] = set()  # date styles of a month and a year alone
        self.cell_styles: dict[str, str] = {}  # a cell style's data style
        self.column_styles: list[str] = []  # each column's default cell style

    def _repeat(self, attributes: dict[str, str], name: str) -> int:
        text = attributes.get(_TABLE_NS + name, "1").strip()
        if not text.isdigit() or len(text) > 12:
            raise unreadable(self.source, f"the repeat count {text[:20]!r} is not a whole "
                             "number", "content.xml")
        return max(int(text), 1)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == _TABLE_NS + "table":
            self.sheet = attributes.get(_TABLE_NS + "name", "")
            self.rows = self.empty_rows = self.width = 0
            self.column_styles = []
        elif name == _TABLE_NS + "table-row":
            self.row_repeat = self._repeat(attributes, "number-rows-repeated")
            self.column = self.row_width = 0
            self.row_formats = {}
            self.row_errors = {}
        elif name in _CELLS:
            self.cell_repeat = self._repeat(attributes, "number-columns-repeated")
            self.in_cell = True
            self.filled = _OFFICE_NS + "value-type" in attributes
            self.kind = self._kind(attributes)
            if attributes.get(_CALC_EXTENSION + "value-type") == "error":
                self.filled = True
                self._listen([])
            elif _TABLE_NS + "formula" in attributes and not self.filled:
                self.filled = True
                self.error = [NOT_CALCULATED]  # a formula with no result: no text read
        elif self.in_cell:
            self.filled = True  # a paragraph, a link, an annotation: something
        else:
            self._style(name, attributes)

    def _listen(self, text: list[str] | None) -> None:
        """Collect the text of an error cell (``[]``), or stop (``None``): text is
        handled only inside such a cell, not in every cell of the sheet."""
        self.error = text
        if self.parser is not None:
            self.parser.CharacterDataHandler = None if text is None else text.append

    def _kind(self, attributes: dict[str, str]) -> NumberFormat | None:
        """What a cell's value is, as its type and its style say: a percentage, a month."""
        kind = attributes.get(_OFFICE_NS + "value-type")
        if kind == "percentage":
            return NumberFormat.PERCENT
        if kind != "date":
            return None
        style = attributes.get(_TABLE_NS + "style-name") or (
            self.column_styles[self.column] if self.column < len(self.column_styles) else "")
        return NumberFormat.MONTH if self.cell_styles.get(style) in self.month_styles else None

    def _style(self, name: str, attributes: dict[str, str]) -> None:
        """Note the styles a date cell may be shown by, and each column's default one."""
        if name == _NUMBER_NS + "date-style":
            self.date_style = attributes.get(_STYLE_NS + "name", "")
            self.date_parts = set()
        elif self.date_style and name.startswith(_NUMBER_NS):
            self.date_parts.add(name)
        elif name == _STYLE_NS + "style" and _STYLE_NS + "data-style-name" in attributes:
            self.cell_styles[attributes.get(_STYLE_NS + "name", "")] = attributes[
                _STYLE_NS + "data-style-name"]
        elif name == _TABLE_NS + "table-column":
            repeat = self._repeat(attributes, "number-columns-repeated")
            kept = min(repeat, self.limits.columns - len(self.column_styles))  # beyond: no cell
            self.column_styles.extend(
                [attributes.get(_TABLE_NS + "default-cell-style-name", "")] * max(kept, 0))

    def end(self, name: str) -> None:
        if name == _NUMBER_NS + "date-style":
            shows = self.date_parts
            if {_NUMBER_NS + "month", _NUMBER_NS + "year"} <= shows and not (
                    shows & _DAY_OR_TIME):
                self.month_styles.add(self.date_style)
            self.date_style = ""
        elif name in _CELLS:
            self.in_cell = False
            if self.kind is not None:
                self.row_formats.update(dict.fromkeys(
                    range(self.column, self.column + self.cell_repeat), self.kind))
            if self.error is not None:
                last = min(self.column + self.cell_repeat, self.limits.columns + 1)
                self.row_errors.update(dict.fromkeys(range(self.column, last),
                                                     "".join(self.error)[:100].strip()))
                self._listen(None)
            self.column += self.cell_repeat
            if self.filled:
                self.row_width = self.column
                row = self.rows + self.empty_rows + 1
                self._check_repeat(self.cell_repeat, "a cell", row)
                check_bounds(self.source, self.sheet, row, self.row_width, row,
                             max(self.width, self.row_width), self.limits, "last")
        elif name == _TABLE_NS + "table-row":
            if self.row_width == 0:
                self.empty_rows += self.row_repeat
                return
            first = self.rows + self.empty_rows + 1
            self._check_repeat(self.row_repeat, "a row", first)
            self.rows = first + self.row_repeat - 1
            self.empty_rows = 0
            self.width = max(self.width, self.row_width)
            if self.row_formats:
                cells = self.formats.setdefault(self.sheet, {})
                for row in range(first - 1, self.rows):
                    cells.update(((row, column), kind)
                                 for column, kind in self.row_formats.items())
            if self.row_errors:
                failed = self.errors.setdefault(self.sheet, {})
                for row in range(first - 1, self.rows):
                    failed.update(((row, column), text)
                                  for column, text in self.row_errors.items())
            check_bounds(self.source, self.sheet, self.rows, self.row_width, self.rows,
                         self.width, self.limits, "last")

    def _check_repeat(self, repeat: int, what: str, row: int) -> None:
        if repeat > self.limits.repeats:
            raise over_limit(self.source, f"{what} holding something repeated",
                             f"{repeat:,} times", "repeats", line=row,
                             field=place(self.sheet, row, max(self.row_width, 1)))


def _refuse_declarations(*_: object) -> None:
    raise expat.ExpatError("a document type declaration")


def check_open_document(chunks: Iterator[bytes], source: str, limits: ReadLimits
                        ) -> tuple[dict[str, dict[tuple[int, int], NumberFormat]],
                                   dict[str, dict[tuple[int, int], str]]]:
    """Refuse an OpenDocument spreadsheet whose tables hold, once repeats are counted,
    rows, columns or cells beyond the bounds; return each table's cells (0-based) that
    hold a percentage or a date shown as its month, and those holding an error, with
    its text."""
    walk = _OpenDocumentSheets(source, limits)
    parser = expat.ParserCreate(namespace_separator=" ")
    walk.parser = parser
    parser.StartElementHandler = walk.start
    parser.EndElementHandler = walk.end
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise unreadable(source, f"the sheets' XML is not well-formed ({exc})",
                          "content.xml") from None
    return walk.formats, walk.errors
