"""The Word side of the committee paper: its template, page, properties and tables.

A paper is written on a template: the council's own (``--template council.docx`` or
``.dotx``), or the neutral one shipped with corpparent (A4, ordinary margins, the page
number in the footer). The template supplies the styles, the page set-up, the header and
the footer; whatever its body holds is dropped, since the paper writes its own. A style
the paper uses that the template lacks falls back to ``Normal`` rather than failing.

What a reader, a screen reader or a search of the council's documents needs of the file
is set here too: the page size (A4 unless Letter is asked for), a ``PAGE`` field in the
footer where the template has none, the document's properties (title, the authority and
period as its subject, the author), alternative text on every image, and tables whose
header row repeats on every page and whose columns are as wide as their longest word.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from corpparent.errors import DataError

__all__ = [
    "DEFAULT_AUTHOR",
    "PAPER_SIZES",
    "TABLE_STYLES",
    "add_landscape_section",
    "add_page_number",
    "describe",
    "fit_columns",
    "neutral_template",
    "open_template",
    "repeat_header",
    "set_paper_size",
    "set_table_style",
    "style",
    "text_width",
]

#: The author a paper names when none is given.
DEFAULT_AUTHOR: Final = "corpparent"
#: Page sizes by name, as (width, height) in twentieths of a point (twips).
PAPER_SIZES: Final = {"a4": (11906, 16838), "letter": (12240, 15840)}
#: The table styles a paper uses, the first the template has: a council's own
#: ``Paper Table`` style, else Word's ``Table Grid``.
TABLE_STYLES: Final = ("Paper Table", "Table Grid")
_MAIN: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}.main+xml"
_TEMPLATE_TYPE: Final = _MAIN.format("template")
_DOCUMENT_TYPE: Final = _MAIN.format("document")
_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: How wide each character is, as a share of the font size: the larger of DejaVu Sans's
#: and DejaVu Serif's advance widths, rounded up to a twentieth. DejaVu is the face
#: LibreOffice sets a template's missing font in, as wide as Verdana and wider than
#: Arial, Calibri or Cambria, so text measured so fits in whatever face a council uses.
_CHAR_EMS: Final = {
    0.3: "'", 0.35: " ,./:;\\ijl|\u00a0\u2018\u2019", 0.4: "()-I[]f", 0.45: "!Jt",
    0.5: '"*_`r\u2013', 0.55: "?sz", 0.6: "cvxy", 0.65: "$0123456789abdeghknopqu{}\u00a3",
    0.7: "FLPSTYZ", 0.75: "ABEKVX", 0.8: "CGR", 0.85: "#+<=>DOQU^~\u2191\u2193",
    0.9: "&HNw", 1.0: "%@m\u2014", 1.05: "MW",
}
_CHAR_EM: Final = {char: em for em, chars in _CHAR_EMS.items() for char in chars}
#: The width of a character the table does not hold: the widest it holds.
_OTHER_EM: Final = 1.05
_CELL_PADDING_PT: Final = 12.0
#: A compact table's cells have a point of room either side of their text
#: (`corpparent.report.backends.paper_compact`); a point more is kept in hand.
_NARROW_PADDING_PT: Final = 3.0
# A word: what lies between the spaces a line may break at (a no-break space joins).
_WORD = re.compile(r"(?:[^\s]|[\u00a0\u2007\u202f])+")


def neutral_template() -> bytes:
    """A neutral Word template (``.dotx``), made afresh: python-docx's own starting
    document (Word's standard styles) on A4 with 2 cm margins, for a council to make its
    own from; the paper adds its page numbers to any footer without them."""
    import docx
    from docx.shared import Cm, Twips

    paper = docx.Document()
    for section in paper.sections:
        section.page_width, section.page_height = (Twips(n) for n in PAPER_SIZES["a4"])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))
    paper.core_properties.author = DEFAULT_AUTHOR
    paper.core_properties.title = "A neutral template for corporate parenting papers"
    out = io.BytesIO()
    paper.save(out)
    return _retyped(out.getvalue(), _DOCUMENT_TYPE, _TEMPLATE_TYPE)


def open_template(template: Path | None) -> Any:
    """A new, empty paper on ``template`` (a ``.docx`` or ``.dotx``), or on the neutral
    template; a file that is not a Word document is refused with its name."""
    import docx

    if template is None:
        content, name = neutral_template(), "the neutral template"
    else:
        name = str(template)
        try:
            content = template.read_bytes()
        except OSError as exc:
            raise DataError.single(name, f"cannot read the template: {exc.strerror or exc}"
                                   ) from None
    try:
        paper = docx.Document(io.BytesIO(_as_document(content)))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise DataError.single(name, "is not a Word document or template: expected a "
                               ".docx or .dotx file saved by Word or LibreOffice") from None
    body = paper.element.body
    for child in list(body):
        if child.tag != f"{{{_W}}}sectPr":
            body.remove(child)
    return paper


def _as_document(content: bytes) -> bytes:
    """``content`` with a template's (``.dotx``) main part declared a document's, which
    is all that tells the two apart."""
    return _retyped(content, _TEMPLATE_TYPE, _DOCUMENT_TYPE)


def _retyped(content: bytes, old: str, new: str) -> bytes:
    """The Word file ``content`` with its main part's content type ``old`` declared
    ``new`` (unchanged where it is not ``old``)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    types = source.read("[Content_Types].xml")
    if old.encode() not in types:
        return content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = types.replace(old.encode(), new.encode())
            target.writestr(item, data)
    return out.getvalue()


def style(paper: Any, *names: str) -> str:
    """The first of the paragraph styles ``names`` the paper's template defines, else
    ``Normal``."""
    from docx.enum.style import WD_STYLE_TYPE

    defined = {s.name for s in paper.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    return next((name for name in names if name in defined), "Normal")


def set_table_style(paper: Any, table: Any) -> None:
    """Give ``table`` the first of `TABLE_STYLES` the template defines; without
    one it keeps the template's default table style."""
    from docx.enum.style import WD_STYLE_TYPE

    defined = {s.name for s in paper.styles if s.type == WD_STYLE_TYPE.TABLE}
    chosen = next((name for name in TABLE_STYLES if name in defined), None)
    if chosen is not None:
        table.style = chosen


def set_paper_size(paper: Any, size: str) -> None:
    """Every section on ``size`` paper (``a4`` or ``letter``), keeping its orientation."""
    from docx.shared import Twips

    width, height = PAPER_SIZES[size]
    for section in paper.sections:
        landscape = section.page_width is not None and section.page_height is not None \
            and section.page_width > section.page_height
        short, long = Twips(width), Twips(height)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)


def add_landscape_section(paper: Any) -> None:
    """Start a landscape page, for wide tables."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = paper.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _has_page_field(part: Any) -> bool:
    xml = part._element.xml
    return re.search(r'w:instr="\s*PAGE\b|<w:instrText[^>]*>\s*PAGE\b', xml) is not None


def add_page_number(paper: Any) -> None:
    """``Page N of M`` in the first section's footer (the later sections follow it),
    unless the template's footer numbers its pages already."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    footer = paper.sections[0].footer
    if _has_page_field(footer):
        return
    paragraph = footer.paragraphs[0] if not footer.paragraphs[0].text else \
        footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    paragraph._p.append(parse_xml(_field("PAGE")))
    paragraph.add_run(" of ")
    paragraph._p.append(parse_xml(_field("NUMPAGES")))


def _field(name: str) -> str:
    return (f'<w:fldSimple xmlns:w="{_W}" w:instr=" {name} \\* MERGEFORMAT ">'
            "<w:r><w:t>1</w:t></w:r></w:fldSimple>")


def describe(shape: Any, svg: str) -> None:
    """Give the picture ``shape`` the chart's text alternative: its SVG's ``<title>``
    as the title and its ``<title>`` and ``<desc>`` as the description."""
    found = {tag: re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", svg, re.S)
             for tag in ("title", "desc")}
    title, desc = (html.unescape(m.group(1)) if m else "" for m in found.values())
    doc_pr = shape._inline.docPr
    doc_pr.set("title", title or "Chart")
    doc_pr.set("descr", ". ".join(p for p in (title, desc) if p) or "Chart")


def repeat_header(table: Any) -> None:
    """Repeat the table's first row at the top of every page it runs on to."""
    from docx.oxml import OxmlElement

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def text_width(text: str, size_pt: float) -> float:
    """The width in points ``text`` takes at ``size_pt``, in the widest of the faces a
    paper is likely set in (DejaVu, which LibreOffice uses where a template's font is
    missing), each character by its own width."""
    return sum(_CHAR_EM.get(char, _OTHER_EM) for char in text) * size_pt


def _measure(text: str, size_pt: float,
             padding_pt: float = _CELL_PADDING_PT) -> tuple[float, float]:
    """The width in points of the longest word of ``text`` and of the whole of it."""
    # A blank cell has no word: it needs its padding only.
    longest = max((text_width(w, size_pt) for w in _WORD.findall(text)), default=0.0)
    return longest + padding_pt, text_width(text, size_pt) + padding_pt


def column_widths(cells: list[list[str]], size_pt: float, width_pt: float,
                  whole: Sequence[bool] = ()) -> list[float]:
    """Widths in points for columns holding ``cells`` (rows of text, the first its
    header row), filling ``width_pt``: each column at least as wide as its longest word
    (its longest cell below the header, where ``whole`` marks it), the room left shared
    by how much more its longest cell needs; scaled down only when the longest words
    alone are wider than the page."""
    columns = list(zip(*cells, strict=True))
    kept = [n < len(whole) and whole[n] for n in range(len(columns))]
    # A compact table's narrow cells, where some columns are kept whole, need little room.
    padding = _NARROW_PADDING_PT if any(kept) else _CELL_PADDING_PT
    # A kept column's heading may break between its words; its cells may not.
    least = [max(_measure(text, size_pt, padding)[1 if kept[n] and row else 0]
                 for row, text in enumerate(column)) for n, column in enumerate(columns)]
    most = [max(_measure(text, size_pt, padding)[1] for text in column) for column in columns]
    if sum(least) >= width_pt:
        return [w * width_pt / sum(least) for w in least]
    wants = [max(m - w, 0.0) for m, w in zip(most, least, strict=True)]
    room = width_pt - sum(least)
    if sum(wants) <= room:
        spare = (room - sum(wants)) / len(least)
        return [w + want + spare for w, want in zip(least, wants, strict=True)]
    return [w + room * want / sum(wants) for w, want in zip(least, wants, strict=True)]


def fit_columns(paper: Any, table: Any, size_pt: float, whole: Sequence[bool] = (),
                overhang_pt: float = 0.0) -> None:
    """Set the table's column widths from its contents (`column_widths`, the columns
    ``whole`` marks kept whole) within the text width of the paper's current section
    and ``overhang_pt`` into each side margin, fixed so Word and LibreOffice keep them."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Length, Pt

    section = paper.sections[-1]
    text_width = Length(section.page_width - section.left_margin - section.right_margin
                        ).pt + 2 * overhang_pt
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    widths = column_widths(texts, size_pt, text_width, whole)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)

