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
as it shows the cell (``11.9%``, not ``0.119``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final
from xml.parsers import expat

from corpparent.files._tabular.limits import ReadLimits, over_limit
from corpparent.files._tabular.number_formats import NumberFormat
from corpparent.files._tabular.sheet_bounds import check_bounds, place, unreadable

__all__ = ["check_open_document"]

_TABLE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE_NS: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_CELLS: Final = frozenset({_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell"})


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
        self.percent = False
        self.percent_columns: list[int] = []  # this row's cells holding a percentage
        self.formats: dict[str, dict[tuple[int, int], NumberFormat]] = {}

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
        elif name == _TABLE_NS + "table-row":
            self.row_repeat = self._repeat(attributes, "number-rows-repeated")
            self.column = self.row_width = 0
            self.percent_columns = []
        elif name in _CELLS:
            self.cell_repeat = self._repeat(attributes, "number-columns-repeated")
            self.in_cell = True
            self.filled = _OFFICE_NS + "value-type" in attributes
            self.percent = attributes.get(_OFFICE_NS + "value-type") == "percentage"
        elif self.in_cell:
            self.filled = True  # a paragraph, a link, an annotation: something

    def end(self, name: str) -> None:
        if name in _CELLS:
            self.in_cell = False
            if self.percent:
                self.percent_columns.extend(range(self.column, self.column + self.cell_repeat))
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
            if self.percent_columns:
                cells = self.formats.setdefault(self.sheet, {})
                for row in range(first - 1, self.rows):
                    cells.update(((row, column), NumberFormat.PERCENT)
                                 for column in self.percent_columns)
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
                        ) -> dict[str, dict[tuple[int, int], NumberFormat]]:
    """Refuse an OpenDocument spreadsheet whose tables hold, once repeats are counted,
    rows, columns or cells beyond the bounds; return each table's cells (0-based) that
    hold a percentage."""
    walk = _OpenDocumentSheets(source, limits)
    parser = expat.ParserCreate(namespace_separator=" ")
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
    return walk.formats
