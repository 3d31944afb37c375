"""The report document: what a report says, once, before any format writes it.

Every report (a scorecard, meetings, obligations, a chart) is composed once, by
`corpparent.report.composer`, into a `Document`: a title, the banner of its
output profile, the summary counts, then sections of blocks (paragraphs, lists of
findings, tables of typed cells, process charts, indicator details) and the notes and
provenance at its foot. Each format is a backend that writes these blocks
(`corpparent.report.formats`); none walks the report model itself, so a count or a
figure reads the same in every format.

A `Cell` carries its text as a reader reads it and its kind (a count, a
percentage, a withheld figure ``c``, a status ...), so a backend can align numbers, draw
a status as a badge, or give a spreadsheet a number, without parsing text back.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cached_property
from typing import Final, final

from attrs import field, frozen

from corpparent.findings import Status
from corpparent.report.benchmark_chart_parts import SeriesOut
from corpparent.report.funnel_parts import FunnelOut
from corpparent.report.parts import ChartOut, FindingOut, IndicatorOut

__all__ = [
    "Block",
    "Cell",
    "CellKind",
    "ChartBlock",
    "Document",
    "FindingList",
    "FunnelBlock",
    "IndicatorDetails",
    "Paragraph",
    "Section",
    "SeriesBlock",
    "Table",
]


class CellKind(Enum):
    """What a table cell holds, so a backend can set it as it should be read."""

    TEXT = "text"
    COUNT = "count"
    NUMBER = "number"
    PERCENT = "percent"
    WITHHELD = "withheld"
    STATUS = "status"
    TRAVEL = "travel"
    MARK = "mark"
    DATE = "date"

    @property
    def numeric(self) -> bool:
        """Whether the cell is a figure, set right-aligned."""
        return self in _NUMERIC


_NUMERIC: Final = frozenset({CellKind.COUNT, CellKind.NUMBER, CellKind.PERCENT,
                             CellKind.WITHHELD})


@final
@frozen
class Cell:
    """One table cell: its text as a reader reads it, and what it is.

    ``status`` is the status a ``STATUS`` cell shows (``None`` for "not judged"); ``word``
    is the word a ``MARK`` cell's symbol stands for (read aloud by a screen reader);
    ``anchor`` is the id of the detail a cell leads to, where a format can link.
    """

    text: str
    kind: CellKind = CellKind.TEXT
    value: float | None = None
    status: Status | None = None
    word: str | None = None
    anchor: str | None = None


@final
@frozen
class Paragraph:
    """A sentence or two; ``strong`` for the lead line a reader reads first."""

    text: str
    strong: bool = False


@final
@frozen
class FindingList:
    """A titled list of findings; its count is the number listed, in every format.

    ``subjects`` shows each finding's subject and rule beside it (a report of meetings
    or obligations, where findings are about different things)."""

    title: str
    findings: tuple[FindingOut, ...]
    subjects: bool = False

    @property
    def heading(self) -> str:
        """``'Successes (1)'``."""
        return f"{self.title} ({len(self.findings)})"


@final
@frozen
class Table:
    """A table of typed cells. ``key`` is a line printed above it (the symbols it uses);
    ``ident`` names it for a link or a screen reader; ``wide`` says it needs more than a
    screen's width; ``stacked`` that on a narrow screen each row may be set as a list of
    its cells, each under its column's name. ``trends``, where given, holds for each row
    the series of its measure over time (the row's authority's), which a format that
    draws shows as a small chart in a "Trend" column after the first; a text format
    leaves the column out, as the figures are in the table beside each full chart.
    ``average`` is the neighbours' figure the trends' words name (``"mean"`` or
    ``"median"``), as the page's full charts draw it."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    key: str = ""
    ident: str = ""
    wide: bool = False
    stacked: bool = False
    trends: tuple[tuple[SeriesOut, ...], ...] = ()
    average: str = "mean"

    def column(self, name: str) -> tuple[Cell, ...]:
        """The cells of the column headed ``name``."""
        index = self.columns.index(name)
        return tuple(row[index] for row in self.rows)


@final
@frozen
class ChartBlock:
    """A process chart with its words: the variation, assurance, mean and limits (the
    ``caption``), drawn where a format can draw, and its points as a table everywhere."""

    title: str
    chart: ChartOut
    caption: str
    points: Table
    show: Callable[[float], str] = field(eq=False)
    ident: str = ""


@final
@frozen
class IndicatorDetails:
    """Each indicator in detail, grouped by domain: the trend against its expected
    range, its comparators and its process chart (``charts``, one for each indicator
    that has one). A format that draws charts draws them all; one that cannot writes the
    process charts' words and points, and the figures are in the document's tables."""

    authority: str
    indicators: tuple[IndicatorOut, ...]
    charts: tuple[ChartBlock, ...] = ()

    def chart_of(self, index: int) -> ChartBlock | None:
        """The process chart of the indicator at ``index``, if it has one."""
        return next((c for c in self.charts if c.ident == f"p{index}"), None)


@final
@frozen
class FunnelBlock:
    """A funnel plot with its words: where the authority lies against England and the
    limits at its denominator (the ``caption``), drawn where a format can draw, and the
    authority with those outside the limits as a table everywhere."""

    title: str
    funnel: FunnelOut
    caption: str
    points: Table
    ident: str = ""


@final
@frozen
class SeriesBlock:
    """A benchmark measure's chart over time: the authority (or each authority, one
    line each) against England, its region and its neighbours' ``average`` (mean or
    median), its quartile band's range shaded behind; its words (the ``caption``, the
    chart's text alternative), drawn where a format can draw, and its figures as a
    table everywhere. ``shown`` says the chart is drawn in full where the report is
    printed (a benchmark of a few measures); otherwise a reader opens it on screen.
    The words and the table are worked out when first read (``words`` and ``figures``
    make them), so a format that leaves a folded chart out (the terminal, markdown)
    does not pay for hundreds of them."""

    title: str
    series: tuple[SeriesOut, ...]
    average: str
    words: Callable[[], str] = field(eq=False, repr=False)
    figures: Callable[[], Table] = field(eq=False, repr=False)
    ident: str = ""
    shown: bool = True

    @cached_property
    def caption(self) -> str:
        """The chart's words, its text alternative."""
        return self.words()

    @cached_property
    def points(self) -> Table:
        """The figures behind the chart, a row per period."""
        return self.figures()


Block = (Paragraph | FindingList | Table | ChartBlock | FunnelBlock | SeriesBlock
         | IndicatorDetails)


@final
@frozen
class Section:
    """A titled part of a report. An ``appendix`` is supporting detail: a committee
    paper puts it after its main considerations."""

    title: str
    blocks: tuple[Block, ...]
    appendix: bool = False
    ident: str = ""


@final
@frozen
class Document:
    """A whole report, format-neutral.

    ``lead`` says what the ``summary`` counts (``'25 indicators'``); ``summary`` is each
    status with its count, most severe first (``None`` for "not judged"); ``asks`` are
    what the panel is asked to do (a paper's recommendations); ``purpose`` and
    ``background`` introduce a paper; ``notes`` are the footnotes (what was withheld, or
    where the figures come from); ``withheld`` each figure withheld and why, in a report
    not for the public; ``provenance`` the (label, text) lines that say how the figures
    were made.
    """

    title: str
    banner: str
    profile: str
    facts: tuple[tuple[str, str], ...]
    lead: str
    summary: tuple[tuple[Status | None, int], ...]
    sections: tuple[Section, ...]
    asks: tuple[str, ...]
    purpose: str
    background: str
    notes: tuple[str, ...]
    withheld: tuple[str, ...]
    provenance: tuple[tuple[str, str], ...]
    version: str
    summary_of: str = "Findings"

    def blocks(self) -> list[Block]:
        """Every block, section by section."""
        return [block for section in self.sections for block in section.blocks]
