"""The report as rich terminal tables, for an analyst at the command line.

Colour helps but never carries meaning alone: each status is printed with its symbol
and its word, so the output reads the same piped to a file or in a monochrome
terminal. Text from data files is escaped from rich's markup.
"""

from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING

from corpparent.findings import Status
from corpparent.report.composer import compose
from corpparent.report.document import (
    Block,
    Cell,
    CellKind,
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

if TYPE_CHECKING:  # rich is imported when a report is rendered, not with the package
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.table import Table as RichTable
    from rich.text import Text

__all__ = ["STATUS_STYLES", "render_terminal", "report_renderable", "write"]

STATUS_STYLES = {
    Status.BREACHED: "bold red",
    Status.WARNING: "yellow",
    Status.INSUFFICIENT_DATA: "magenta",
    Status.NOT_YET_DUE: "cyan",
    Status.MET: "green",
    Status.EXCEEDED: "bold green",
}


def _status(status: Status | None, label: str | None = None) -> Text:
    from rich.text import Text

    style = "" if status is None else STATUS_STYLES[status]
    return Text(label or status_label(status), style=style)


def _summary(document: Document) -> Text:
    from rich.text import Text

    text = Text()
    for status, count in document.summary:
        if text:
            text.append("   ")
        text.append_text(_status(status, f"{status_label(status)}: {count}"))
    return text or Text("no findings")


def _findings(block: FindingList) -> RichTable:
    from rich.table import Table as RichTable
    from rich.text import Text

    table = RichTable(title=block.heading, title_justify="left", expand=True)
    table.add_column("Status", no_wrap=True)
    if block.subjects:
        table.add_column("Subject", ratio=1)
        table.add_column("Rule", ratio=1)
    table.add_column("Finding", ratio=3 if block.subjects else 1)
    for finding in block.findings:
        cells = [_status(finding.status, finding_label(finding))]
        if block.subjects:
            cells += [Text(finding.display_subject), Text(finding.rule)]
        text = Text(finding.explanation)
        if finding.questions:
            text.append(f"\n{QUESTIONS_LABEL}:", style="italic")
            for question in finding.questions:
                text.append(f"\n• {question}")
        table.add_row(*cells, text)
    if not block.findings:
        table.add_row(*([""] * (len(table.columns) - 1)), "none")
    return table


def _cell(cell: Cell) -> Text:
    from rich.text import Text

    if cell.kind is CellKind.STATUS:
        return _status(cell.status, cell.text)
    return Text(cell.text)


def _table(block: Table, caption: str = "") -> RichTable:
    from rich.table import Table as RichTable
    from rich.text import Text

    table = RichTable(title=Text(block.title), title_justify="left",
                      caption=Text(caption or block.key) if caption or block.key else None,
                      caption_justify="left", expand=True)
    numeric = [any(row[i].kind.numeric for row in block.rows)
               for i in range(len(block.columns))]
    for name, right in zip(block.columns, numeric, strict=True):
        table.add_column(name, justify="right" if right else "left")
    for row in block.rows:
        table.add_row(*(_cell(cell) for cell in row))
    return table


class _Records:
    """A long text printed as rich prints it, without measuring and wrapping each of its
    lines when every one already fits the width (a benchmark's records run to thousands
    of lines, and wrapping them took most of the terminal's time): the same characters
    and styles either way, since a line that fits is left as it is."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console,
                         options: ConsoleOptions) -> Iterator[Text | Segment]:
        from rich.cells import cell_len

        text = self.text
        plain = text.plain
        if (text.spans and "\t" not in plain
                and (text.justify or options.justify or "default") == "default"
                and all(cell_len(line) <= options.max_width
                        for line in plain.split("\n"))):
            yield from text.render(console, end=text.end)
        else:
            yield text


def _records(block: Table) -> _Records:
    """A table too wide for a terminal (or one that may be stacked), a row at a time:
    its first cell, then each other cell under its column's name, every figure whole at
    any width."""
    from rich.text import Text

    text = Text(block.title, style="bold")
    for row in block.rows:
        text.append(f"\n\n{row[0].text}", style="bold")
        for name, cell in zip(block.columns[1:], row[1:], strict=True):
            text.append(f"\n  {name}: ")
            text.append_text(_cell(cell))
    return _Records(text)


def _blocks(block: Block) -> list[RenderableType]:
    from rich.text import Text

    if isinstance(block, Paragraph):
        return [Text(block.text, style="bold" if block.strong else "")]
    if isinstance(block, FindingList):
        return [_findings(block)]
    if isinstance(block, Table):
        return [_records(block) if block.wide or block.stacked else _table(block)]
    if isinstance(block, SeriesBlock) and not block.shown:
        return []  # folded in the HTML page only
    if isinstance(block, ChartBlock | FunnelBlock | SeriesBlock):
        return [_table(block.points, block.caption)]
    assert isinstance(block, IndicatorDetails)
    # a terminal draws no chart: each process chart's words and points
    return [_table(chart.points, chart.caption) for chart in block.charts]


def document_renderable(document: Document) -> RenderableType:
    """The document as one rich renderable (a header panel, then tables)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    header = Text(document.title, style="bold")
    header.append(f"\n{document.banner}", style="italic")
    header.append(f"\n{document.lead}")
    if document.summary:
        header.append(": ")
        header.append_text(_summary(document))
    parts: list[RenderableType] = [Panel(header)]
    for section in document.sections:
        for block in section.blocks:
            parts.extend(_blocks(block))
    parts.extend(Text(note, style="italic") for note in document.notes)
    if document.withheld:
        parts.append(Text("Withheld figures (not for publication):\n" + "\n".join(
            f"- {line}" for line in document.withheld), style="italic"))
    inputs = ", ".join(text for label, text in document.provenance if label == "Input")
    parts.append(Text(f"corpparent {document.version}"
                      + (f"; inputs: {inputs}" if inputs else ""), style="dim"))
    return Group(*parts)


def report_renderable(report: AnyReport) -> RenderableType:
    """The report as one rich renderable."""
    return document_renderable(compose(report))


def render_terminal(
    report: AnyReport, *, width: int = 120, color: bool = False
) -> str:
    """The report as terminal text; ``color`` adds ANSI styles."""
    return write(report, RenderOptions(width=width, color=color))


def write(report: AnyReport, options: RenderOptions) -> str:
    """The terminal backend: the report's document as rich tables."""
    from rich.console import Console

    buffer = StringIO()
    console = Console(file=buffer, width=options.width, force_terminal=options.color,
                      no_color=not options.color, highlight=False, emoji=False)
    console.print(report_renderable(report))
    return buffer.getvalue()
