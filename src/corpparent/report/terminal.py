"""The report as rich terminal tables, for an analyst at the command line.

Colour helps but never carries meaning alone: each status is printed with its symbol
and its word, so the output reads the same piped to a file or in a monochrome
terminal. Text from data files is escaped from rich's markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from io import StringIO
from typing import TYPE_CHECKING

from corpparent.families import RuleFamily
from corpparent.findings import Status
from corpparent.report.formatting import show_number, show_range, show_target, show_value
from corpparent.report.labels import (
    REGISTER_SYMBOLS,
    SUMMARY_ORDER,
    finding_label,
    finding_sections,
    meeting_heading,
    register_key,
    status_key,
    status_label,
    travel_cell,
)
from corpparent.report.model import (
    ChartOut,
    FindingOut,
    FindingsReport,
    IndicatorOut,
    RegisterOut,
    ScorecardReport,
)
from corpparent.report.process import assurance_label, variation_label
from corpparent.report.profiles import banner
from corpparent.wording import counted

if TYPE_CHECKING:  # rich is imported when a report is rendered, not with the package
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

__all__ = ["STATUS_STYLES", "render_terminal", "report_renderable"]

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


def _summary(summary: dict[str, int]) -> Text:
    from rich.text import Text

    text = Text()
    for status in SUMMARY_ORDER:
        count = summary.get(status_key(status))
        if count:
            if text:
                text.append("   ")
            text.append_text(_status(status, f"{status_label(status)}: {count}"))
    return text or Text("no findings")


def _findings_table(title: str, findings: list[FindingOut], *, subjects: bool = False) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{title} ({len(findings)})", title_justify="left", expand=True)
    table.add_column("Status", no_wrap=True)
    if subjects:
        table.add_column("Subject", ratio=1)
        table.add_column("Rule", ratio=1)
    table.add_column("Finding", ratio=3 if subjects else 1)
    for finding in findings:
        cells = [_status(finding.status, finding_label(finding))]
        if subjects:
            cells += [Text(finding.display_subject), Text(finding.rule)]
        table.add_row(*cells, Text(finding.explanation))
    if not findings:
        table.add_row(*([""] * (len(table.columns) - 1)), "none")
    return table


def _scorecard_table(report: ScorecardReport) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Scorecard, {report.period}", title_justify="left", expand=True)
    table.add_column("Indicator", ratio=3, min_width=20)
    table.add_column("Value", justify="right", ratio=1)
    table.add_column("Expected range", ratio=1)
    with_targets = any(item.targets for item in report.indicators)
    if with_targets:
        table.add_column("Target", ratio=1)
    table.add_column("Status", ratio=1, min_width=10)
    table.add_column("Last period", ratio=1)
    table.add_column("Last year", ratio=1)
    charted = any(item.chart is not None for item in report.indicators)
    if charted:
        table.add_column("Variation", ratio=1)
        table.add_column("Assurance", ratio=1)
    for item in report.indicators:
        cells: list[str | Text] = [Text(item.name), Text(item.value_text), show_range(item)]
        if with_targets:
            cells.append(Text("; ".join(show_target(item, t) for t in item.targets) or "–"))
        cells.extend([
            _status(item.status),
            travel_cell(item.findings, RuleFamily.TRAVEL_SINCE_LAST_PERIOD),
            travel_cell(item.findings, RuleFamily.TRAVEL_SINCE_LAST_YEAR),
        ])
        if charted:
            cells.extend([Text(variation_label(item.variation)),
                          Text(assurance_label(item.assurance))])
        table.add_row(*cells)
    return table


def _national_table(ranked: list[IndicatorOut]) -> Table:
    """The national rank and quartile band of each indicator that names its DfE measure."""
    from rich.table import Table

    table = Table(title="National rank and quartile band (1 the best; band A the best "
                  "quarter)", title_justify="left", expand=True)
    table.add_column("Indicator", ratio=2, min_width=20)
    table.add_column("National rank", ratio=3)
    for item in ranked:
        if item.national is not None:
            table.add_row(item.name, item.national.text)
    return table


def _register_table(register: RegisterOut) -> Table:
    from rich.table import Table
    from rich.text import Text

    span = (f" ({meeting_heading(register.meetings[0])} to "
            f"{meeting_heading(register.meetings[-1])})" if register.meetings else "")
    table = Table(title=f"Attendance register{span}", caption=register_key(),
                  title_justify="left", caption_justify="left")
    table.add_column("Member", no_wrap=True)
    for meeting in register.meetings:  # the year is in the title: day and month suffice
        table.add_column(meeting_heading(meeting).rsplit(" ", 1)[0], justify="center")
    table.add_column("Attended", justify="right")
    for row in register.rows:
        table.add_row(Text(row.member), *(REGISTER_SYMBOLS[m] for m in row.marks),
                      f"{row.attended} of {row.possible}")
    return table


def _chart_table(title: str, chart: ChartOut, show: Callable[[float], str]) -> Table:
    """A process chart as a table, with its variation and assurance in words."""
    from rich.table import Table
    from rich.text import Text

    trial = " (trial limits)" if chart.trial else ""
    caption = (f"Variation: {variation_label(chart.variation)}. Assurance: "
               f"{assurance_label(chart.assurance)}. Mean {show(chart.mean)}, process limits "
               f"{show(chart.lower_limit)} to {show(chart.upper_limit)}{trial}.")
    table = Table(title=Text(f"Process chart: {title}"), title_justify="left",
                  caption=Text(caption), caption_justify="left", expand=True)
    for name in ("Period", "Value", "Mean", "Lower limit", "Upper limit"):
        table.add_column(name, justify="left" if name == "Period" else "right")
    table.add_column("Signal", ratio=2)
    for number, point in enumerate(chart.points, start=1):
        signal = "–" if point.signal is None else (
            f"{point.signal} ({point.side}): {point.nature}")
        cells = (point.period or str(number), show(point.value), show(point.mean),
                 show(point.lower_limit), show(point.upper_limit), signal)
        table.add_row(*(Text(cell) for cell in cells))
    return table


def report_renderable(report: ScorecardReport | FindingsReport) -> RenderableType:
    """The report as one rich renderable (a header panel, then tables)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    header = Text(report.title, style="bold")
    header.append(f"\n{banner(report.profile, report.suppression)}", style="italic")
    header.append("\n")
    if isinstance(report, ScorecardReport):
        header.append(f"{counted(len(report.indicators), 'indicator')}: ")
        header.append_text(_summary(report.summary))
    else:
        header.append(f"{counted(len(report.findings), 'finding')}: ")
        header.append_text(_summary(report.summary))
    parts: list[RenderableType] = [Panel(header)]
    if isinstance(report, ScorecardReport):
        exceptions = report.exception_report
        parts.append(_findings_table("Outside expected range or below target",
                                     exceptions.exceptions))
        parts.append(_findings_table("Successes", exceptions.successes))
        parts.append(_findings_table("Insufficient data", exceptions.insufficient))
        parts.append(_scorecard_table(report))
        ranked = [item for item in report.indicators if item.national is not None]
        if ranked:
            parts.append(_national_table(ranked))
        parts.extend(_chart_table(item.name, item.chart, partial(show_value, item))
                     for item in report.indicators if item.chart is not None)
    else:
        if report.chart is not None:
            parts.append(_chart_table(report.title, report.chart, show_number))
        parts.extend(_findings_table(title, findings, subjects=True)
                     for title, findings in finding_sections(report.findings))
        if report.attendance_register is not None:
            parts.append(_register_table(report.attendance_register))
    if report.suppression.applied and report.suppression.counts_shown:
        parts.append(Text(report.suppression.footnote, style="italic"))
    inputs = ", ".join(f"{i.path} (sha256 {i.sha256[:12]}…)" for i in report.provenance.inputs)
    parts.append(Text(f"corpparent {report.provenance.corpparent_version}"
                      + (f"; inputs: {inputs}" if inputs else ""), style="dim"))
    return Group(*parts)


def render_terminal(
    report: ScorecardReport | FindingsReport, *, width: int = 120, color: bool = False
) -> str:
    """The report as terminal text; ``color`` adds ANSI styles."""
    from rich.console import Console

    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      highlight=False, emoji=False)
    console.print(report_renderable(report))
    return buffer.getvalue()


