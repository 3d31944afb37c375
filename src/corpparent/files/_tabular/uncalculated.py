"""A workbook cell holding a formula whose result was never calculated: reported where it
stands, never read as a blank.

A spreadsheet keeps each formula beside its result as last calculated, and a reader of
the file reads the result. A program that writes workbooks without calculating them
(openpyxl, many a report generator) saves the formula ``=0.119`` with no result at all,
and the reader of the cells' values (calamine) gives such a cell as empty, the same as a
cell left blank: the figure would quietly become "no figure". So while an Excel
sheet's XML is checked (`workbook_checks`), a cell holding a formula (``<f>``) with no
result is noted: one with no ``<v>``, or an empty one where the result is not text (an
empty ``<v>`` of a cell of ``t="str"`` is a formula's result of empty text, as
``=IF(B2="","",B2)`` gives, and is a blank). In an OpenDocument sheet, a cell with a
``table:formula`` and no ``office:value-type`` has no result (`ods_checks`). Each
such cell is noted among the cells holding an error, with the text `NOT_CALCULATED`,
and is a problem of its own place (`formula_errors`), in a readings, membership or
attendance workbook alike.

A program may instead save a result it never calculated: XlsxWriter stores 0 as the
result of every formula it is not given one for, so ``=B2/C2`` would be read as a
figure of 0. Such a program marks the workbook to be calculated afresh when it is
opened (``<calcPr fullCalcOnLoad="1"/>`` in ``xl/workbook.xml``, as XlsxWriter and
openpyxl write it, and as a spreadsheet program drops once it has calculated and saved
the workbook). In a workbook so marked no saved result can be trusted, so every cell
holding a formula is noted, with the text `STALE` (`recalculated_on_load`).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["NOT_CALCULATED", "STALE", "ExcelFormulaCells", "may_hold_formulas",
           "recalculated_on_load", "starts_formula"]

#: The text noted for a formula with no result: no cell's text can hold a NUL character,
#: which XML cannot carry.
NOT_CALCULATED: Final = "\x00not calculated"
#: The text noted for a formula whose saved result the workbook says is to be
#: calculated afresh when opened.
STALE: Final = "\x00not recalculated"

_FIRST_FORMULA = re.compile(rb"\s*<(?:[\w.-]+:)?f(?=[\s/>])")
#: A formula and its value, whole in one chunk, as Excel saves nearly every one: such a
#: cell is known calculated at one match, without walking its parts.
_CALCULATED = re.compile(rb"\s*<(?:[\w.-]+:)?f(?:\s[^>]*)?(?:/>|>[^<]*</(?:[\w.-]+:)?f>)"
                         rb"\s*<(?:[\w.-]+:)?v>[^<]")
#: A formula not followed by a value (or cut by the chunk's end), written without a namespace
#: prefix (a search for a pattern starting ``<f`` runs in the engine's quick literal
#: search) and with one.
_UNCALCULATED = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>[^<]*</f>|>[^<]*\Z)(?!\s*<v>[^<])")
_UNCALCULATED_NAMED = re.compile(rb"<(?:[\w.-]+:)?f(?:\s[^>]*)?(?:/>|>[^<]*</(?:[\w.-]+:)?f>"
                                 rb"|>[^<]*\Z)(?!\s*<(?:[\w.-]+:)?v>[^<])")
_PARTS = re.compile(rb"<(/?)(?:[\w.-]+:)?(f|v|c|row)(?=[\s/>])([^>]*)>")
_TYPE = re.compile(rb"(?:^|\s)t\s*=\s*[\"']([\w]*)[\"']")
_CALCULATION = re.compile(r"<(?:[\w.-]+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*[\"']\s*"
                          r"(?:1|true)\s*[\"']")
#: Cell types whose result is text, where an empty result is empty text.
_TEXT_TYPES: Final = frozenset({b"str", b"inlineStr"})


def recalculated_on_load(index: str) -> bool:
    """Whether an Excel workbook's index (the text of ``xl/workbook.xml``) asks for
    every formula to be calculated afresh when the workbook is opened, so that its
    saved results cannot be trusted."""
    return _CALCULATION.search(index) is not None


def may_hold_formulas(chunk: bytes, *, every: bool = False) -> bool:
    """Whether a chunk of an Excel sheet's XML may hold a formula without its result
    (one not followed by a value in the chunk), or, with ``every``, any formula, so its
    cells are looked into only where one may be: one search a chunk, not one a cell."""
    if b"<f" not in chunk and b":f" not in chunk:  # a byte search, the quickest
        return False
    if every:
        return True
    return _UNCALCULATED.search(chunk) is not None or (
        b":f" in chunk and _UNCALCULATED_NAMED.search(chunk) is not None)


def starts_formula(chunk: bytes, at: int, *, every: bool = False) -> bool:
    """Whether a cell's content, from ``at`` of ``chunk``, starts with a formula that
    may have no result (with ``every``, any formula), so the cell is to be looked into:
    an Excel cell's formula comes before its value, so a cell whose first part is not
    one holds none, and one whose formula is followed by a value in the same chunk has
    its result."""
    return ((every or _CALCULATED.match(chunk, at) is None)
            and _FIRST_FORMULA.match(chunk, at) is not None)


class ExcelFormulaCells:
    """The cells of one Excel sheet holding a formula with no result, noted while its
    XML is walked a chunk at a time (a chunk ends at a tag's end, so a cell's formula,
    its ``<v>`` or its result may start the next chunk); with ``every`` (a workbook
    whose saved results are all to be calculated afresh), every cell holding a formula,
    noted `STALE` where it has a result."""

    __slots__ = ("_awaiting_text", "_every", "_formula", "_pending", "_text_type", "_value",
                 "found")

    def __init__(self, *, every: bool = False) -> None:
        self._every = every
        self.found: dict[tuple[int, int], str] = {}
        self._pending: tuple[int, int] | None = None  # a cell not yet closed
        self._formula = False  # the cell holds a formula
        self._value: bool | None = None  # its result: none yet, empty, or given
        self._text_type = False  # its result is text
        self._awaiting_text = False  # its <v> ended the last chunk

    def resume(self, chunk: bytes) -> None:
        """Go on with the cell the previous chunk left open, at this chunk's start."""
        if self._pending is not None:
            if self._awaiting_text:
                self._value = not chunk.startswith(b"<")
                self._awaiting_text = False
            self._scan(chunk, 0)

    def cell(self, chunk: bytes, end: int, attributes: bytes, row: int, column: int) -> None:
        """Look into the cell at ``row`` and ``column`` (0-based) whose tag ends at
        ``end`` of ``chunk``."""
        if self._pending is not None:  # the previous cell was never closed
            self._close()
        if attributes.rstrip().endswith(b"/"):
            return  # a cell without content holds no formula
        kind = _TYPE.search(attributes)
        self._pending = (row, column)
        self._formula = False
        self._value = None
        self._awaiting_text = False
        self._text_type = kind is not None and kind.group(1) in _TEXT_TYPES
        self._scan(chunk, end)

    def _close(self) -> None:
        assert self._pending is not None
        if self._formula and (self._value is None
                              or (self._value is False and not self._text_type)):
            self.found[self._pending] = NOT_CALCULATED
        elif self._formula and self._every:
            self.found[self._pending] = STALE
        self._pending = None
        self._awaiting_text = False

    def _scan(self, chunk: bytes, start: int) -> None:
        for tag in _PARTS.finditer(chunk, start):
            closing, name, rest = tag.groups()
            if name == b"f":
                self._formula = self._formula or not closing
            elif name == b"v" and not closing:
                if rest.rstrip().endswith(b"/"):
                    self._value = False
                elif tag.end() == len(chunk):
                    self._awaiting_text = True
                    return
                else:
                    self._value = chunk[tag.end():tag.end() + 1] != b"<"
            elif name != b"v":  # the cell closed, or the next cell or row began
                self._close()
                return
