"""Markdown for committee papers.

The layout follows the panel's exception report (Wiltshire annual report 2022-23,
§12a): the exceptions first, then the successes, then the gaps in the data, then the
whole scorecard as a table, then how the figures were made. Statuses are written as a
symbol and a word. Every piece of text from a data file is escaped, so a name
containing ``|``, ``*`` or ``<script>`` stays text in any Markdown viewer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from corpparent.families import RuleFamily
from corpparent.report.formatting import (
    over_time,
    provenance_items,
    show_number,
    show_range,
    show_target,
    show_value,
    withheld_lines,
)
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
    Provenance,
    RegisterOut,
    ScorecardReport,
)
from corpparent.report.process import assurance_label, variation_label
from corpparent.report.profiles import banner
from corpparent.wording import counted

__all__ = ["md", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]|#~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: object) -> str:
    """``text`` as literal Markdown: ``<``, ``>`` and entity-like ``&`` escaped as HTML,
    Markdown punctuation backslashed, line breaks folded into spaces."""
    flat = _ENTITY.sub("&amp;", " ".join(str(text).split()))
    escaped = flat.replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", escaped)


def _summary(summary: dict[str, int]) -> str:
    parts = [
        f"{status_label(status)}: {summary[status_key(status)]}"
        for status in SUMMARY_ORDER
        if summary.get(status_key(status))
    ]
    return " · ".join(parts) or "no findings"


def _finding_line(finding: FindingOut) -> str:
    return f"- **{finding_label(finding)}**: {md(finding.explanation)}"


def _section(title: str, findings: list[FindingOut]) -> list[str]:
    lines = [f"### {title} ({len(findings)})", ""]
    lines.extend(_finding_line(f) for f in findings)
    if not findings:
        lines.append("None.")
    return [*lines, ""]


def _scorecard_table(report: ScorecardReport) -> list[str]:
    charted = any(item.chart is not None for item in report.indicators)
    extra = " Variation | Assurance |" if charted else ""
    lines = [
        "| Domain | Indicator | Value | Expected range | Target | Status | Since last period "
        "| Since last year |" + extra,
        "|---|---|---:|---|---|---|---|---|" + ("---|---|" if charted else ""),
    ]
    for item in report.indicators:
        targets = "; ".join(show_target(item, t) for t in item.targets) or "–"
        status = status_label(item.status)
        if item.performance and item.performance.lower() not in status.lower():
            status += f" ({item.performance})"
        cells = [
            md(item.domain or "–"),
            md(item.name),
            md(item.value_text),
            md(show_range(item)),
            md(targets),
            md(status),
            md(travel_cell(item.findings, RuleFamily.TRAVEL_SINCE_LAST_PERIOD)),
            md(travel_cell(item.findings, RuleFamily.TRAVEL_SINCE_LAST_YEAR)),
        ]
        if charted:
            cells += [md(variation_label(item.variation)), md(assurance_label(item.assurance))]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _chart(title: str, chart: ChartOut, show: Callable[[float], str]) -> list[str]:
    """A process chart as words and a table: what a councillor reads off the picture."""
    trial = " (trial limits: too few points to rely on)" if chart.trial else ""
    lines = [f"### {md(title)}", "",
             f"**Variation:** {md(variation_label(chart.variation))}. "
             f"**Assurance:** {md(assurance_label(chart.assurance))}. "
             f"**Mean** {md(show(chart.mean))}, **process limits** "
             f"{md(show(chart.lower_limit))} to {md(show(chart.upper_limit))}{md(trial)}."]
    if chart.target is not None:
        lines[-1] += f" **Target** {md(show(chart.target))}."
    lines += ["", "| Period | Value | Mean | Lower limit | Upper limit | Signal |",
              "|---|---:|---:|---:|---:|---|"]
    for number, point in enumerate(chart.points, start=1):
        signal = "–" if point.signal is None else (
            f"{point.signal} ({point.side}): {point.nature}")
        cells = [point.period or str(number), show(point.value), show(point.mean),
                 show(point.lower_limit), show(point.upper_limit), signal]
        lines.append("| " + " | ".join(md(c) for c in cells) + " |")
    return [*lines, ""]


def _charts(report: ScorecardReport) -> list[str]:
    items = [item for item in report.indicators if item.chart is not None]
    if not items:
        return []
    lines = ["## Process charts", ""]
    for item in items:
        assert item.chart is not None
        lines.extend(_chart(item.name, item.chart, partial(show_value, item)))
    return lines


def _comparators(report: ScorecardReport) -> list[str]:
    rows = [item for item in report.indicators if item.comparators]
    if not rows:
        return []
    names = list(dict.fromkeys(c.name for item in rows for c in item.comparators))
    lines = ["## Comparators", "", "| Indicator | " + md(report.authority or "This authority")
             + " | " + " | ".join(md(n) for n in names) + " |",
             "|---|" + "---:|" * (len(names) + 1)]
    for item in rows:
        by_name = {c.name: c for c in item.comparators}
        cells = [md(item.name), md(item.value_text)]
        for name in names:
            comparator = by_name.get(name)
            if comparator is None:
                cells.append("–")
            elif comparator.value is None:
                cells.append(md(f"{comparator.symbol or '–'} ({comparator.period})"))
            else:
                cells.append(md(f"{show_value(item, comparator.value)} ({comparator.period})"))
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _national(report: ScorecardReport) -> list[str]:
    ranked = [i for i in report.indicators if i.national is not None]
    if not ranked:
        return []
    lines = ["## National rank and quartile band", "",
             "| Indicator | Value | National rank (1 the best) |", "|---|---:|---|"]
    lines.extend(f"| {md(i.name)} | {md(i.value_text)} | {md(i.national.text)} |"
                 for i in ranked if i.national is not None)
    return [*lines, ""]


def _over_time(report: ScorecardReport) -> list[str]:
    authority = report.authority or "This authority"
    lines: list[str] = []
    for item in report.indicators:
        headers, rows = over_time(item, authority)
        if not rows:
            continue
        lines.extend([f"### {md(item.name)}", "",
                      "| " + " | ".join(md(h) for h in headers) + " |",
                      "|---|" + "---:|" * (len(headers) - 1)])
        lines.extend("| " + " | ".join(md(c) for c in row) + " |" for row in rows)
        lines.append("")
    return ["## Comparators over time", "", *lines] if lines else []


def _provenance(provenance: Provenance) -> list[str]:
    lines = ["## How these figures were made", ""]
    lines.extend(f"- {md(label)}: {md(text)}" for label, text in provenance_items(provenance))
    return lines


def _head(report: ScorecardReport | FindingsReport) -> list[str]:
    lines = [f"# {md(report.title)}", "", f"> {md(banner(report.profile, report.suppression))}", ""]
    facts = []
    if report.authority:
        facts.append(f"**Authority:** {md(report.authority)}")
    if report.period:
        facts.append(f"**Period:** {md(report.period)}")
    if facts:
        lines.extend([" · ".join(facts), ""])
    if isinstance(report, ScorecardReport):
        lead = f"**{counted(len(report.indicators), 'indicator')}:** {_summary(report.summary)}"
    else:
        lead = f"**{counted(len(report.findings), 'finding')}:** {_summary(report.summary)}"
    lines.extend([lead, ""])
    return lines


def _register(register: RegisterOut) -> list[str]:
    lines = ["## Attendance register", "", md(register_key()), "",
             "| Member | " + " | ".join(meeting_heading(m) for m in register.meetings)
             + " | Attended |",
             "|---|" + ":-:|" * len(register.meetings) + "---:|"]
    for row in register.rows:
        marks = " | ".join(REGISTER_SYMBOLS[mark] for mark in row.marks)
        lines.append(f"| {md(row.member)} | {marks} | {row.attended} of {row.possible} |")
    return [*lines, ""]


def _footnote(report: ScorecardReport | FindingsReport) -> list[str]:
    note = report.suppression
    if not note.applied or not note.counts_shown:
        return []
    lines = [f"*{md(note.footnote)}* Figures withheld: {note.withheld}.", ""]
    logged = withheld_lines(note)
    if logged:
        lines.extend(["Withheld figures (not for publication):", ""])
        lines.extend([*(f"- {md(line)}" for line in logged), ""])
    return lines


def render_markdown(report: ScorecardReport | FindingsReport) -> str:
    """The report as Markdown, ending with a newline."""
    lines = _head(report)
    if isinstance(report, ScorecardReport):
        exceptions = report.exception_report
        lines.extend(["## Exception report", ""])
        lines.extend(_section("Outside expected range or below target", exceptions.exceptions))
        lines.extend(_section("Successes", exceptions.successes))
        lines.extend(_section("Insufficient data", exceptions.insufficient))
        lines.extend(["## Scorecard", "", *_scorecard_table(report), ""])
        lines.extend(_charts(report))
        lines.extend(_national(report))
        lines.extend(_comparators(report))
        lines.extend(_over_time(report))
    else:
        if report.chart is not None:
            lines.extend(["## Process chart", ""])
            lines.extend(_chart(report.title, report.chart, show_number))
        for title, findings in finding_sections(report.findings):
            lines.extend([f"## {title} ({len(findings)})", ""])
            if not findings:
                lines.extend(["None.", ""])
                continue
            lines.extend(["| Subject | Rule | Status | Explanation |", "|---|---|---|---|"])
            lines.extend(
                f"| {md(f.display_subject)} | {md(f.rule)} | {md(finding_label(f))} | "
                f"{md(f.explanation)} |"
                for f in findings
            )
            lines.append("")
        if report.attendance_register is not None:
            lines.extend(_register(report.attendance_register))
    lines.extend(_footnote(report))
    lines.extend(_provenance(report.provenance))
    return "\n".join(lines) + "\n"
