"""A workbook cell whose formula failed: reported where it stands, never read as a blank.

A spreadsheet cell holding ``=B8/C8`` with ``C8`` empty shows ``#DIV/0!``. The reader
of the cells' values (calamine) gives such a cell as empty, the same as a cell left
blank, so a failed figure would quietly become "no figure". A cell's type is therefore
read from the workbook's own XML while its sheets are checked (`workbook_checks`), as
its number format is: in an Excel sheet a cell of ``t="e"`` holds an error, its ``<v>``
the error's text; in an OpenDocument sheet a cell of ``calcext:value-type="error"``
does, its paragraph the text (`ods_checks`). Each such cell of a table is a problem of
its own place (`formula_problems`), whatever the kind of file, so a readings,
membership or attendance workbook says which cell to mend. So is a cell holding a
formula whose result was never calculated (`uncalculated`), noted among them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

from corpparent.errors import Problem
from corpparent.files._tabular.uncalculated import NOT_CALCULATED, STALE

__all__ = [
    "ERROR_KINDS",
    "FIGURE_FIELDS",
    "CellErrors",
    "ExcelErrorCells",
    "formula_problems",
    "is_error_cell",
    "may_hold_errors",
]

#: The errors a spreadsheet's formula can give, and what each means.
ERROR_KINDS: Final = {
    "#DIV/0!": "a division by zero",
    "#N/A": "a value not available, as from a lookup that found nothing",
    "#VALUE!": "a value of the wrong type",
    "#REF!": "a reference to a cell that is no longer there",
    "#NAME?": "a name the formula does not know",
    "#NUM!": "a number out of range",
    "#NULL!": "ranges that do not meet",
    "#SPILL!": "a result with no room to spill into",
    "#CALC!": "a calculation the spreadsheet cannot do",
    "#GETTING_DATA": "data still being fetched when the file was saved",
}
#: Each sheet's cells (row and column, 0-based) holding a formula's error, and its text
#: (`NOT_CALCULATED` for a formula with no result).
CellErrors = Mapping[str, Mapping[tuple[int, int], str]]
#: The fields that hold a figure: what a figure's cell may hold instead of an error.
FIGURE_FIELDS: Final = frozenset({"value", "numerator", "denominator", "population"})
_FIGURE: Final = "a figure, a blank for no figure, or an official symbol such as c"
_OTHER: Final = "the value itself, or a blank where there is none"
#: The longest error text shown: an error's text is a word, not a paragraph.
_LONGEST: Final = 40
_NOT_CALCULATED_WORDS: Final = (
    "a formula whose result was never calculated (the workbook was saved by a program "
    "that does not calculate); open it in Excel or LibreOffice and save it again")
_STALE_WORDS: Final = (
    "a formula whose saved result may never have been calculated (the workbook asks to "
    "be calculated afresh when opened, as a program that does not calculate saves it, "
    "and such a program may save 0 for every result); open it in Excel or LibreOffice "
    "and save it again")

_ERROR_TYPE = re.compile(rb"(?:^|\s)t\s*=\s*[\"']e[\"']")
_INSIDE = re.compile(rb"<(/?)(?:[\w.-]+:)?(v|c|row)(?=[\s/>])([^>]*)>")


def may_hold_errors(chunk: bytes) -> bool:
    """Whether a chunk of an Excel sheet's XML may hold a cell of an error, so its cells'
    types are looked at only where one may be (one search a chunk, not one a cell)."""
    return _ERROR_TYPE.search(chunk) is not None


def is_error_cell(attributes: bytes) -> bool:
    """Whether a ``<c>`` tag's attributes give the cell the type of an error."""
    return _ERROR_TYPE.search(attributes) is not None


class ExcelErrorCells:
    """The error cells of one Excel sheet, each with its error's text, noted while its
    XML is walked a chunk at a time (a chunk ends at a tag's end, so a cell's ``<v>``
    or its text may start the next chunk)."""

    __slots__ = ("_awaiting_text", "_pending", "found")

    def __init__(self) -> None:
        self.found: dict[tuple[int, int], str] = {}
        self._pending: tuple[int, int] | None = None  # an error cell not yet given its text
        self._awaiting_text = False  # its <v> ended the last chunk

    def resume(self, chunk: bytes) -> None:
        """Finish the error cell the previous chunk left open, at this chunk's start."""
        if self._pending is not None:
            self._scan(chunk, 0)

    def cell(self, chunk: bytes, end: int, attributes: bytes, row: int, column: int) -> None:
        """Note the error cell at ``row`` and ``column`` (0-based) whose tag ends at
        ``end`` of ``chunk``."""
        self._pending = (row, column)
        self._awaiting_text = False
        if attributes.rstrip().endswith(b"/"):
            self._note(b"")  # an error cell without a value
        else:
            self._scan(chunk, end)

    def _note(self, text: bytes) -> None:
        assert self._pending is not None
        self.found[self._pending] = html.unescape(text.decode("utf-8", "replace")).strip()
        self._pending = None
        self._awaiting_text = False

    def _scan(self, chunk: bytes, start: int) -> None:
        if self._awaiting_text:
            end = chunk.find(b"<", start)
            self._note(chunk[start:] if end < 0 else chunk[start:end])
            return
        for tag in _INSIDE.finditer(chunk, start):
            closing, name, rest = tag.groups()
            if name == b"v" and not closing:
                if rest.rstrip().endswith(b"/"):
                    self._note(b"")
                    return
                if tag.end() == len(chunk):
                    self._awaiting_text = True
                    return
                end = chunk.find(b"<", tag.end())
                self._note(chunk[tag.end():] if end < 0 else chunk[tag.end():end])
                return
            if name != b"v":  # the cell closed, or the next began: no value given
                self._note(b"")
                return


def _error_words(text: str) -> str:
    """The error's text as a problem shows it, with what it means where it is known."""
    if text == NOT_CALCULATED:
        return _NOT_CALCULATED_WORDS
    if text == STALE:
        return _STALE_WORDS
    shown = text if len(text) <= _LONGEST else text[:_LONGEST - 3] + "..."
    meaning = ERROR_KINDS.get(text.upper())
    if not shown:
        return "a formula error"
    return f"a formula error, {shown}" + (f" ({meaning})" if meaning else "")


def formula_problems(source: str, errors: Iterable[tuple[int, int, str]],
                     written: Sequence[str], fields: Sequence[str],
                     cells: Callable[[int, int], str]) -> list[Problem]:
    """A problem for each error cell of a table: ``errors`` gives each one's sheet row,
    its column in the table (0-based) and its error's text; ``written`` the headings as
    written, ``fields`` the field each column is read as, and ``cells`` how a cell is
    named (``Readings!C8``)."""
    problems = []
    for row, column, text in errors:
        heading = written[column] if column < len(written) else ""
        field = fields[column] if column < len(fields) else ""
        problems.append(Problem(
            source, _error_words(text), line=row,
            field=f"{heading} ({cells(column, row)})" if heading else cells(column, row),
            expected=_FIGURE if field in FIGURE_FIELDS else _OTHER))
    return problems
