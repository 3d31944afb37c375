"""A committee paper as a Word document (``.docx``), in the structure councils use.

Council committee reports follow one structure: the purpose of the report, the
recommendations the committee is asked to agree, the background, the main
considerations, and appendices (Wiltshire Council's reports to its Children's Select
Committee and Corporate Parenting Panel, seed 002, and the other councils' papers in the
reference notes follow it). `render_docx` writes a report so:

1. **Purpose of the report**: what is reported, for which authority and period, and the
   banner of the output profile (for publication or not; what is withheld), which the
   header of every page and the document's properties (comments, with the profile as
   its category and keywords) repeat.
2. **Recommendations**: that the committee note the report and consider the exceptions
   (or the findings that need attention), with their number.
3. **Background**: what the figures are and where they came from.
4. **Main considerations**: the summary counts, then the exception report (exceptions,
   successes, insufficient data) or the findings that need attention.
5. **Appendices**: the report's supporting sections, lettered in order (for a
   scorecard the whole scorecard table with national ranks and both directions of
   travel, the comparators, and each indicator's trend chart as an image, the same
   chart as the HTML page drawn to PNG, with its process chart where it has one), then
   how the figures were made (the provenance), with the footnote on withheld figures.

The paper writes the report's document (`corpparent.report.composer`), so it says
everything the HTML page says, in the same words and figures.

Charts are drawn from the report's own SVG by resvg (a Rust renderer shipped as a
wheel, with no system library to install), each with the chart's text alternative; a
chart that cannot be drawn is left out with a sentence saying so, never a broken image.
python-docx writes the document, on the council's template or the neutral one
(`corpparent.report.backends.paper_word`: page size, page numbers, properties,
table widths and repeating header rows); a benchmark's dense tables are set as its
print stylesheet sets them (`corpparent.report.backends.paper_compact`).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, Final

from corpparent.report.backends.benchmark_svg import series_chart
from corpparent.report.backends.funnel_svg import funnel_chart
from corpparent.report.backends.mdc_icons import assurance_icon, variation_icon
from corpparent.report.backends.page import PAGE_COLOURS
from corpparent.report.backends.paper_compact import (
    compact_table,
    set_font_size,
    tighten_heading,
)
from corpparent.report.backends.paper_word import (
    DEFAULT_AUTHOR,
    add_landscape_section,
    add_page_number,
    describe,
    fit_columns,
    open_template,
    repeat_header,
    set_paper_size,
    set_table_style,
    style,
)
from corpparent.report.backends.process_svg import process_chart
from corpparent.report.backends.svg import comparator_chart, trend_chart, trend_parts
from corpparent.report.composer import compose
from corpparent.report.document import (
    Block,
    ChartBlock,
    Document,
    FindingList,
    FunnelBlock,
    IndicatorDetails,
    Paragraph,
    Section,
    SeriesBlock,
    Table,
)
from corpparent.report.formats import RenderOptions
from corpparent.report.formatting import show_number
from corpparent.report.labels import QUESTIONS_LABEL, finding_label, status_label
from corpparent.report.model import AnyReport
from corpparent.report.parts import ChartOut
from corpparent.report.suppression import COUNT_UNIT

__all__ = ["PAPER_SECTIONS", "render_docx", "write"]

#: The numbered sections of every paper, in order.
PAPER_SECTIONS: Final = (
    "Purpose of the report",
    "Recommendations",
    "Background",
    "Main considerations",
    "Appendices",
)
_SVG_NS = 'xmlns="http://www.w3.org/2000/svg" '
_CHART_WIDTH_CM: Final = 12.0
#: A table of more columns than this is set in 8 point, so its words fit whole.
_SMALL_FROM: Final = 5
_SMALL_PT: Final = 8.0
_NORMAL_PT: Final = 11.0
#: A compact table (a benchmark's, by theme) is set in 7 point, in narrow cells, a
#: column of cells none longer than `_SHORT` kept whole.
_COMPACT_PT: Final = 7.0
_SHORT: Final = 12
# Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return):
# text from a data file holding one is written without it rather than failing the paper.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def render_docx(report: AnyReport, *, paper_size: str | None = None,
                template: Path | None = None, author: str | None = None) -> bytes:
    """The report as a committee paper in Word's ``.docx`` format, on ``template`` (a
    council's ``.docx`` or ``.dotx``; default the neutral template, A4), on
    ``paper_size`` paper (``a4`` or ``letter``; default the template's), by ``author``
    (default ``corpparent``)."""
    subject = ", ".join(part for part in (report.authority, report.period) if part)
    return render_document(compose(report), subject, paper_size=paper_size,
                           template=template, author=author)


def write(report: AnyReport, options: RenderOptions) -> bytes:
    """The Word backend."""
    return render_docx(report, paper_size=options.paper_size, template=options.template,
                       author=options.author)


def render_document(document: Document, subject: str = "", *,
                    paper_size: str | None = None, template: Path | None = None,
                    author: str | None = None) -> bytes:
    """The document as a committee paper."""
    paper = open_template(template)
    if paper_size is not None:
        set_paper_size(paper, paper_size)
    add_page_number(paper)
    _who_for(paper, document, subject, author or DEFAULT_AUTHOR)
    paper.add_paragraph(_text(document.title), style=style(paper, "Title", "Heading 1"))
    paper.add_paragraph(_text(document.banner)).runs[0].bold = True
    purpose, recommendations, background, considerations, appendices = PAPER_SECTIONS
    _heading(paper, 1, purpose)
    paper.add_paragraph(_text(document.purpose))
    _heading(paper, 2, recommendations)
    for line in document.asks:
        paper.add_paragraph(_text(line), style=style(paper, "List Number"))
    _heading(paper, 3, background)
    paper.add_paragraph(_text(document.background))
    _heading(paper, 4, considerations)
    if document.summary:
        _summary_table(paper, document)
    for section in document.sections:
        if not section.appendix:
            _section(paper, section, section.title, 2)
    if any(section.appendix for section in document.sections):
        add_landscape_section(paper)  # the appendices' tables are wide
    _heading(paper, 5, appendices)
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for section in document.sections:
        if section.appendix:
            title = f"Appendix {next(letters)}: the {section.title[:1].lower()}{section.title[1:]}"
            _section(paper, section, title, 2)
    _title(paper, f"Appendix {next(letters)}: how these figures were made", 2)
    for label, text in document.provenance:
        paper.add_paragraph(_text(f"{label}: {text}"), style=style(paper, "List Bullet"))
    for note in document.notes:
        paper.add_paragraph(_text(note))
    if document.withheld:
        paper.add_paragraph("Withheld figures (not for publication):")
        for line in document.withheld:
            paper.add_paragraph(_text(line), style=style(paper, "List Bullet"))
    buffer = io.BytesIO()
    paper.save(buffer)
    return buffer.getvalue()


def _who_for(paper: Any, document: Document, subject: str, author: str) -> None:
    """Who the paper is for, where its reader looks: the banner in the header of every
    page (the landscape pages' header follows the first; a template's own header is
    kept, the banner below it) and, with the profile, the authority and period and the
    author, in the document's properties."""
    from datetime import UTC, datetime

    properties = paper.core_properties
    properties.title = _text(document.title)
    properties.subject = _text(subject)
    properties.author = properties.last_modified_by = _text(author)
    properties.category = document.profile
    properties.keywords = f"profile: {document.profile}"
    properties.comments = _text(document.banner)
    properties.created = properties.modified = datetime.now(UTC).replace(tzinfo=None)
    properties.revision = 1
    header = paper.sections[0].header
    first = header.paragraphs[0]
    empty = not first.text and not first._p.xpath(".//w:drawing|.//w:pict")
    (first if empty else header.add_paragraph()).text = _text(document.banner)


def _title(paper: Any, text: str, level: int) -> Any:
    """A heading at ``level``, in the template's ``Heading N`` style."""
    return paper.add_paragraph(_text(text), style=style(paper, f"Heading {min(level, 9)}"))


def _heading(paper: Any, number: int, title: str) -> None:
    _title(paper, f"{number}. {title}", 1)


def _section(paper: Any, section: Section, title: str, level: int) -> None:
    if title:
        heading = _title(paper, title, level)
        if len(section.blocks) == 1 and isinstance(only := section.blocks[0], Table) \
                and only.stacked and only.title == title:  # a benchmark's theme
            tighten_heading(heading)
        level += 1
    for block in section.blocks:
        if isinstance(block, Table) and block.title == section.title:
            _table(paper, block, titled=False)  # named by the section's heading
        else:
            _block(paper, block, level)


def _block(paper: Any, block: Block, level: int) -> None:
    if isinstance(block, Paragraph):
        paper.add_paragraph(_text(block.text)).runs[0].bold = block.strong
    elif isinstance(block, FindingList):
        _findings(paper, block, level)
    elif isinstance(block, Table):
        _table(paper, block)
    elif isinstance(block, ChartBlock):
        _process(paper, block)
    elif isinstance(block, FunnelBlock):
        _funnel(paper, block, level)
    elif isinstance(block, SeriesBlock):
        _series(paper, block, level)
    else:
        _details(paper, block, level)


def _summary_table(paper: Any, document: Document) -> None:
    table = paper.add_table(rows=1, cols=2)
    set_table_style(paper, table)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Status", document.summary_of
    for status, count in document.summary:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = status_label(status), str(count)
    _finish_table(paper, table, _NORMAL_PT)


def _finish_table(paper: Any, table: Any, size_pt: float) -> None:
    """Every table: its header row repeated on each page, its columns fitted."""
    repeat_header(table)
    fit_columns(paper, table, size_pt)


def _findings(paper: Any, block: FindingList, level: int) -> None:
    _title(paper, block.heading, level)
    if not block.findings:
        paper.add_paragraph("None.")
    for finding in block.findings:
        paragraph = paper.add_paragraph(style=style(paper, "List Bullet"))
        paragraph.add_run(_text(f"{finding_label(finding)}: ")).bold = True
        if block.subjects:
            paragraph.add_run(_text(f"{finding.display_subject} ({finding.rule}). "))
        paragraph.add_run(_text(finding.explanation))
        if finding.questions:
            paper.add_paragraph(style=style(paper, "List Continue", "Normal")).add_run(
                _text(f"{QUESTIONS_LABEL}:")).italic = True
            for question in finding.questions:
                paper.add_paragraph(_text(question),
                                    style=style(paper, "List Bullet 2", "List Bullet"))


def _table(paper: Any, block: Table, *, titled: bool = True) -> None:
    if titled:
        paper.add_paragraph(_text(block.title)).runs[0].bold = True
    if block.key:
        paper.add_paragraph(_text(block.key))
    table = paper.add_table(rows=1, cols=len(block.columns))
    set_table_style(paper, table)
    for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = _text(text)
    for row in block.rows:
        for cell, shown in zip(table.add_row().cells, row, strict=True):
            cell.text = _text(shown.text)
    if block.stacked:  # short columns whole, each row a line where it can be
        compact_table(paper, table, _COMPACT_PT, [
            all(len(row[i].text) <= _SHORT for row in block.rows)
            for i in range(len(block.columns))], PAGE_COLOURS["stripe"][1])
        return
    size = _NORMAL_PT  # the template's, unless the table is wide
    if len(block.columns) > _SMALL_FROM:
        size = _SMALL_PT
        set_font_size(table, size)
    _finish_table(paper, table, size)


def _process(paper: Any, block: ChartBlock) -> None:
    """A process chart as an image, with its variation and assurance in words."""
    from docx.shared import Cm

    paper.add_paragraph(_text(f"Process chart. {block.caption}"))
    svg = process_chart(block.chart, block.title, block.ident or "process", block.show)
    png = _png(svg)
    if png is None:
        paper.add_paragraph("The process chart could not be drawn.")
    else:
        describe(paper.add_picture(io.BytesIO(png), width=Cm(_CHART_WIDTH_CM)), svg)
    _icons(paper, block.chart)


def _icons(paper: Any, chart: ChartOut) -> None:
    """Making Data Count's variation and assurance icons, each a small picture with its
    words as its text alternative, in a line of their own."""
    from docx.shared import Cm

    icons = [icon for icon in (variation_icon(chart.variation), assurance_icon(chart.assurance))
             if icon]
    pictures = [(icon, _png(icon)) for icon in icons]
    if not pictures or any(png is None for _icon, png in pictures):
        return
    line = paper.add_paragraph()
    for icon, png in pictures:
        assert png is not None
        describe(line.add_run().add_picture(io.BytesIO(png), height=Cm(0.8)), icon)
        line.add_run(" ")


def _funnel(paper: Any, block: FunnelBlock, level: int) -> None:
    """A funnel plot under its title, as an image with its words, then its table."""
    _title(paper, block.title, level)
    paper.add_paragraph(_text(block.caption))
    _picture(paper, funnel_chart(block.funnel, block.title, block.ident or "funnel",
                                 block.caption))
    _table(paper, block.points)


def _series(paper: Any, block: SeriesBlock, level: int) -> None:
    """A measure's chart over time under its title, as an image with its words, then its
    figures; nothing where the benchmark has too many measures to print each chart."""
    if not block.shown:
        return
    _title(paper, block.title, level)
    paper.add_paragraph(_text(block.caption))
    _picture(paper, series_chart(block.series, block.title, block.ident or "series",
                                 block.average))
    _table(paper, block.points)


def _details(paper: Any, block: IndicatorDetails, level: int) -> None:
    """Each indicator's trend chart, its comparators beside it as the HTML page draws
    them (a count's as figures, since areas differ in size), and its process chart
    where it has one.

    An indicator's charts are pictures in one line of text, so they sit side by side
    where the page is wide enough (two of them across the appendices' landscape pages)
    and flow on to the next line where it is not: an indicator takes about the height
    of one chart, not of each, and the appendix about half the pages."""
    for number, indicator in enumerate(block.indicators):
        if not indicator.trend:
            continue
        _title(paper, indicator.name, level)
        charts: list[str] = []
        if trend_parts(indicator)[0]:  # no frame where there is no value to draw
            charts.append(trend_chart(indicator, f"chart-{number}"))
        if indicator.comparators and indicator.unit != COUNT_UNIT:
            charts.append(comparator_chart(indicator, block.authority, f"k{number}"))
        chart = block.chart_of(number)
        if chart is not None:
            charts.append(process_chart(chart.chart, chart.title, chart.ident or "process",
                                        chart.show))
        _pictures(paper, charts)
        if indicator.comparators and indicator.unit == COUNT_UNIT:
            paper.add_paragraph("Counts for areas of different sizes (compare rates per "
                                "10,000 children): " + "; ".join(
                                    _text(f"{c.name}: {c.symbol or '–'} ({c.period})"
                                          if c.value is None else
                                          f"{c.name}: {show_number(c.value)} ({c.period})")
                                    for c in indicator.comparators))
        if chart is not None:
            paper.add_paragraph(_text(f"Process chart. {chart.caption}"))
            _icons(paper, chart.chart)


def _pictures(paper: Any, charts: list[str]) -> None:
    """Charts as pictures in one line of text, each with its text alternative, or a
    sentence where one cannot be drawn."""
    from docx.shared import Cm

    if not charts:
        return
    line = paper.add_paragraph()
    for at, svg in enumerate(charts):
        png = _png(svg)
        if png is None:
            paper.add_paragraph("A chart could not be drawn; the figures are in the "
                                "tables of these appendices.")
            continue
        if at:
            line.add_run(" ")
        describe(line.add_run().add_picture(io.BytesIO(png), width=Cm(_CHART_WIDTH_CM)), svg)


def _picture(paper: Any, svg: str) -> None:
    """A chart as an image with its text alternative, or a sentence where it cannot be
    drawn."""
    from docx.shared import Cm

    png = _png(svg)
    if png is None:
        paper.add_paragraph("The chart could not be drawn; the figures are in the "
                            "tables of these appendices.")
    else:
        describe(paper.add_picture(io.BytesIO(png), width=Cm(_CHART_WIDTH_CM)), svg)


def _png(svg: str) -> bytes | None:
    """The chart drawn to PNG at twice its size, or ``None`` when it cannot be drawn."""
    try:
        import resvg_py

        standalone = svg.replace("<svg ", f"<svg {_SVG_NS}", 1)
        png: bytes = resvg_py.svg_to_bytes(svg_string=standalone, zoom=2.0,
                                           background="#ffffff", font_family="sans-serif")
    except (ImportError, ValueError):
        return None
    return png
