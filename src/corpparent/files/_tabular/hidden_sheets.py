"""Which sheets of a workbook are hidden, so a table is not read from one unseen.

A workbook keeps sheets its user cannot see: last year's figures hidden behind this
year's, a lookup table, a sheet a macro hides ("very hidden", which Excel's own menus
cannot show). Read first-come, a hidden sheet holding the same columns as the visible
one would be read in its place, and every figure would be one nobody looking at the
workbook can see. So a table is looked for on the visible sheets first; a hidden sheet
is read only where no visible sheet holds the table, and the reader then says so.

The spreadsheet library reads each sheet's state from the workbook's own index of its
sheets, in every format it reads: an ``.xlsx`` sheet's ``state="hidden"`` or
``"veryHidden"`` in ``xl/workbook.xml``, an ``.ods`` table whose style says
``table:display="false"``, and an ``.xls`` sheet's ``BOUNDSHEET`` record. Nothing there
is a cell, so it is read whatever bounds the sheets' cells are held to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

__all__ = ["hidden_sheets"]


def hidden_sheets(book: CalamineWorkbook) -> frozenset[str]:
    """The names of the sheets of ``book`` that are hidden or very hidden."""
    from python_calamine import SheetVisibleEnum

    return frozenset(sheet.name for sheet in book.sheets_metadata
                     if sheet.visible != SheetVisibleEnum.Visible)
