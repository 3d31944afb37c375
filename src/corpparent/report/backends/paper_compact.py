"""A compact table in the committee paper: a benchmark's themes, set as the HTML page's
print stylesheet sets them, so one authority's full benchmark prints on ten A4 pages.

A table the report document marks ``stacked`` (each theme's table, the summary by
theme) is dense: hundreds of rows of short figures beside a measure's name. Set as an
ordinary table it ran to 13 pages. Here, as in print from the HTML page:

- 7 point text on lines 1.09 times its size, with a point of room either side of a
  cell's text and none after its paragraphs;
- a rule above and below the table and under its header row, and none between rows or
  columns: every second row is shaded instead, so the eye keeps to a row;
- the table as wide as the page less 12 mm a side (the print stylesheet's margin),
  reaching into the side margins of a template whose margins are wider, so a measure's
  name takes fewer lines; its columns fitted to their contents
  (`corpparent.report.backends.paper_word.fit_columns`), the short ones kept whole;
- its heading in 11 point, close to it.

The header row repeats on every page the table runs on to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from corpparent.report.backends.paper_word import fit_columns, repeat_header

__all__ = ["compact_table", "set_font_size", "tighten_heading"]

#: The nearest a compact table comes to the side of the page, in millimetres.
EDGE_MM: Final = 12.0
#: A compact table's line height, as a share of its text's size.
_LEADING: Final = 1.09
#: A compact table's heading, in points: its size, and the room before and after it.
_HEADING_PT: Final = (11.0, 5.0, 1.0)
#: A compact cell's room either side of its text, in twentieths of a point.
_CELL_SIDE_TWIPS: Final = 20
_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RULE: Final = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
#: The order of a table's and a cell's properties in WordprocessingML.
_TABLE_ORDER: Final = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual",
                       "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
                       "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout",
                       "tblCellMar", "tblLook", "tblCaption", "tblDescription")
_CELL_ORDER: Final = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd",
                      "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")


def set_font_size(table: Any, size_pt: float) -> None:
    """Set the text of every cell of ``table`` in ``size_pt``."""
    from docx.shared import Pt

    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size_pt)


def compact_table(paper: Any, table: Any, size_pt: float, whole: Sequence[bool],
                  stripe: str) -> None:
    """Set ``table``, the last the paper holds, compact in ``size_pt``: narrow cells on
    tight lines, ruled above, below and under its header row, every second row shaded
    ``stripe`` (``#rrggbb``), as wide as the page less `EDGE_MM` a side where the
    margins leave room, its columns fitted with those ``whole`` marks kept whole."""
    from docx.shared import Length, Mm

    set_font_size(table, size_pt)
    _narrow_cells(table, size_pt * _LEADING)
    repeat_header(table)
    _stripe_rows(table, stripe.removeprefix("#").upper())
    section = paper.sections[-1]
    margin = min(section.left_margin, section.right_margin)
    overhang = Length(max(0, margin - Mm(EDGE_MM))).pt
    fit_columns(paper, table, size_pt, whole, overhang_pt=overhang)


def tighten_heading(heading: Any) -> None:
    """Set a compact table's heading paragraph as the print stylesheet sets a theme's:
    11 point, close to its table and to the table before it."""
    from docx.shared import Pt

    size, before, after = _HEADING_PT
    heading.paragraph_format.space_before = Pt(before)
    heading.paragraph_format.space_after = Pt(after)
    for run in heading.runs:
        run.font.size = Pt(size)


def _narrow_cells(table: Any, line_pt: float) -> None:
    """Cells with a point of room either side of their text, their paragraphs on lines
    exactly ``line_pt`` high with no space after them."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml import parse_xml
    from docx.shared import Pt

    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = 0
                paragraph.paragraph_format.line_spacing = Pt(line_pt)
                paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    side = f'w:w="{_CELL_SIDE_TWIPS}" w:type="dxa"'
    _put(table._tbl.tblPr, parse_xml(
        f'<w:tblCellMar xmlns:w="{_W}"><w:left {side}/><w:right {side}/></w:tblCellMar>'),
        _TABLE_ORDER)


def _stripe_rows(table: Any, fill: str) -> None:
    """A rule above and below ``table`` and under its header row, none between its rows
    or columns, every second row shaded ``fill`` (``RRGGBB``)."""
    from docx.oxml import parse_xml

    _put(table._tbl.tblPr, parse_xml(
        f'<w:tblBorders xmlns:w="{_W}"><w:top {_RULE}/><w:left w:val="nil"/>'
        f'<w:bottom {_RULE}/><w:right w:val="nil"/><w:insideH w:val="nil"/>'
        '<w:insideV w:val="nil"/></w:tblBorders>'), _TABLE_ORDER)
    for cell in table.rows[0].cells:
        _put(cell._tc.get_or_add_tcPr(), parse_xml(
            f'<w:tcBorders xmlns:w="{_W}"><w:bottom {_RULE}/></w:tcBorders>'), _CELL_ORDER)
    for row in table.rows[2::2]:
        for cell in row.cells:
            _put(cell._tc.get_or_add_tcPr(), parse_xml(
                f'<w:shd xmlns:w="{_W}" w:val="clear" w:color="auto" w:fill="{fill}"/>'),
                _CELL_ORDER)


def _put(properties: Any, element: Any, order: Sequence[str]) -> None:
    """``element`` among ``properties`` in the schema's ``order``, replacing its like."""
    name = element.tag.rsplit("}", 1)[1]
    for old in properties.findall(f"{{{_W}}}{name}"):
        properties.remove(old)
    later = order[order.index(name) + 1:]
    after = next((child for child in properties
                  if child.tag.rsplit("}", 1)[1] in later), None)
    if after is None:
        properties.append(element)
    else:
        after.addprevious(element)
