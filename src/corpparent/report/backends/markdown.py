"""Markdown for committee papers.

The layout follows the panel's exception report (Wiltshire annual report 2022-23,
§12a): the exceptions first, then the successes, then the gaps in the data, then the
whole scorecard as a table, then how the figures were made: the sections of the
report's document, written as Markdown. Statuses are written as a
symbol and a word. Every piece of text from a data file is escaped, so a name
containing ``|``, ``*`` or ``<script>`` stays text in any Markdown viewer.
"""

from __future__ import annotations

import re

from corpparent.report.composer import compose
from corpparent.report.document import (
    Block,
    ChartBlock,
    Document,
    FindingList,
    FunnelBlock,
    IndicatorDetails,
    Paragraph,
    SeriesBlock,
    Table,
)
from corpparent.report.formats import RenderOptions
from corpparent.report.labels import QUESTIONS_LABEL, finding_label, status_label
from corpparent.report.model import AnyReport

__all__ = ["md", "render_markdown", "write"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]|#~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: object) -> str:
    """``text`` as literal Markdown: ``<``, ``>`` and entity-like ``&`` escaped as HTML,
    Markdown punctuation backslashed, line breaks folded into spaces."""
    flat = _ENTITY.sub("&amp;", " ".join(str(text).split()))
    escaped = flat.replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", escaped)


def _summary(document: Document) -> str:
    return " · ".join(f"{status_label(status)}: {count}"
                      for status, count in document.summary) or "no findings"


def _findings(block: FindingList, level: int) -> list[str]:
    lines = [f"{'#' * level} {md(block.heading)}", ""]
    if not block.findings:
        return [*lines, "None.", ""]
    if block.subjects:
        lines += ["| Subject | Rule | Status | Explanation |", "|---|---|---|---|"]
        lines += [f"| {md(f.display_subject)} | {md(f.rule)} | {md(finding_label(f))} | "
                  f"{md(f.explanation)} |" for f in block.findings]
    else:
        for f in block.findings:
            lines.append(f"- **{finding_label(f)}**: {md(f.explanation)}")
            if f.questions:
                lines.append(f"  - *{QUESTIONS_LABEL}*:")
                lines += [f"    - {md(q)}" for q in f.questions]
    return [*lines, ""]


def _table(block: Table, level: int, caption: str = "") -> list[str]:
    lines = [f"{'#' * level} {md(block.title)}", ""]
    if caption or block.key:
        lines += [md(caption or block.key), ""]
    numeric = [any(row[i].kind.numeric for row in block.rows)
               for i in range(len(block.columns))]
    lines += ["| " + " | ".join(md(c) for c in block.columns) + " |",
              "|" + "".join("---:|" if right else "---|" for right in numeric)]
    lines += ["| " + " | ".join(md(cell.text) for cell in row) + " |" for row in block.rows]
    return [*lines, ""]


def _block(block: Block, level: int) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"**{md(block.text)}**" if block.strong else md(block.text), ""]
    if isinstance(block, FindingList):
        return _findings(block, level)
    if isinstance(block, Table):
        return _table(block, level)
    if isinstance(block, SeriesBlock) and not block.shown:
        return []  # folded in the HTML page only
    if isinstance(block, ChartBlock | FunnelBlock | SeriesBlock):
        return _table(block.points, level, block.caption)
    assert isinstance(block, IndicatorDetails)
    # Markdown draws no chart: each process chart's words and points
    return [line for chart in block.charts for line in _table(chart.points, level,
                                                                chart.caption)]


def render_document(document: Document) -> str:
    """The document as Markdown, ending with a newline."""
    lines = [f"# {md(document.title)}", "", f"> {md(document.banner)}", ""]
    if document.facts:
        lines += [" · ".join(f"**{label}:** {md(text)}" for label, text in document.facts), ""]
    lines += [f"**{document.lead}:** {_summary(document)}" if document.summary
              else f"**{document.lead}**", ""]
    for section in document.sections:
        level = 3 if section.title else 2
        body = [line for block in section.blocks for line in _block(block, level)]
        heading = f"## {md(section.title)}"
        named = f"{'#' * level} {md(section.title)}"
        if section.title and body[:1] == [named]:
            body = body[2:]  # a table named as its section, under the section's heading
        elif section.title and body and body[0].startswith(f"{named} (") and not any(
                line.startswith(f"{'#' * level} ") for line in body[1:]):
            # the one table, named as its section with more said ("Attendance register
            # (27 Sep 2022 to 21 Mar 2023)"): its name heads the section, said once
            heading, body = "## " + body[0][level + 1:], body[2:]
        if section.title and body:  # a section with nothing Markdown draws is left out
            lines += [heading, ""]
        lines += body
    lines += [line for note in document.notes for line in (f"*{md(note)}*", "")]
    if document.withheld:
        lines += ["Withheld figures (not for publication):", "",
                  *(f"- {md(line)}" for line in document.withheld), ""]
    lines += ["## How these figures were made", ""]
    lines += [f"- {md(label)}: {md(text)}" for label, text in document.provenance]
    return "\n".join(lines) + "\n"


def render_markdown(report: AnyReport) -> str:
    """The report as Markdown, ending with a newline."""
    return render_document(compose(report))


def write(report: AnyReport, options: RenderOptions) -> str:
    """The Markdown backend."""
    return render_markdown(report)
