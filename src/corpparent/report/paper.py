"""A committee paper as a Word document (``.docx``), in the structure councils use.

Council committee reports follow one structure: the purpose of the report, the
recommendations the committee is asked to agree, the background, the main
considerations, and appendices (Wiltshire Council's reports to its Children's Select
Committee and Corporate Parenting Panel, seed 002, and the other councils' papers in the
reference notes follow it). :func:`render_docx` writes a report so:

1. **Purpose of the report**: what is reported, for which authority and period, and the
   banner of the output profile (for publication or not; what is withheld).
2. **Recommendations**: that the committee note the report and consider the exceptions
   (or the findings that need attention), with their number.
3. **Background**: what the figures are and where they came from.
4. **Main considerations**: the summary counts, then the exception report (exceptions,
   successes, insufficient data) or the findings that need attention.
5. **Appendices**: A, the whole scorecard as a table with each indicator's trend chart
   as an image (the same chart as the HTML page, drawn to PNG), and its process chart
   with the variation and assurance in words where it has one; B, how the figures were
   made (the provenance), with the suppression footnote.

Charts are drawn from the report's own SVG by resvg (a Rust renderer shipped as a
wheel, with no system library to install); a chart that cannot be drawn is left out
with a sentence saying so, never a broken image. python-docx writes the document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Final

from corpparent.report.formatting import (
    provenance_items,
    show_number,
    show_range,
    show_target,
    show_value,
)
from corpparent.report.labels import (
    ATTENTION,
    SUMMARY_ORDER,
    finding_label,
    status_key,
    status_label,
)
from corpparent.report.model import ChartOut, FindingOut, FindingsReport, ScorecardReport
from corpparent.report.process import assurance_label, variation_label
from corpparent.report.process_svg import process_chart
from corpparent.report.profiles import banner
from corpparent.report.svg import trend_chart
from corpparent.wording import counted

__all__ = ["PAPER_SECTIONS", "render_docx"]

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
# Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return):
# text from a data file holding one is written without it rather than failing the paper.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def render_docx(report: ScorecardReport | FindingsReport) -> bytes:
    """The report as a committee paper in Word's ``.docx`` format."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.core_properties.title = _text(report.title)
    document.core_properties.subject = _text(report.period or "")
    document.add_heading(_text(report.title), level=0)
    document.add_paragraph(banner(report.profile, report.suppression)).runs[0].bold = True
    purpose, recommendations, background, considerations, appendices = PAPER_SECTIONS
    _heading(document, 1, purpose)
    document.add_paragraph(_text(_purpose(report)))
    _heading(document, 2, recommendations)
    for line in _recommendations(report):
        document.add_paragraph(_text(line), style="List Number")
    _heading(document, 3, background)
    document.add_paragraph(_text(_background(report)))
    _heading(document, 4, considerations)
    _summary_table(document, report)
    if isinstance(report, ScorecardReport):
        exceptions = report.exception_report
        for title, findings in (
            ("Outside expected range or below target", exceptions.exceptions),
            ("Successes", exceptions.successes),
            ("Insufficient data", exceptions.insufficient),
        ):
            _findings(document, title, findings)
    else:
        if report.chart is not None:
            _process(document, report.title, report.chart, show_number, "process")
        attention = [f for f in report.findings if f.status in ATTENTION]
        _findings(document, "Needing attention", attention)
        _findings(document, "Met or not yet due",
                  [f for f in report.findings if f.status not in ATTENTION])
    _heading(document, 5, appendices)
    if isinstance(report, ScorecardReport):
        document.add_heading("Appendix A: the scorecard", level=2)
        _scorecard_table(document, report)
        for number, indicator in enumerate(report.indicators, start=1):
            if not indicator.trend:
                continue
            document.add_heading(_text(indicator.name), level=3)
            png = _png(trend_chart(indicator, f"chart-{number}"))
            if png is None:
                document.add_paragraph("The chart could not be drawn; the figures are in "
                                       "the table above.")
            else:
                document.add_picture(io.BytesIO(png), width=Cm(_CHART_WIDTH_CM))
            if indicator.chart is not None:
                _process(document, indicator.name, indicator.chart,
                         partial(show_value, indicator), f"process-{number}")
    document.add_heading(
        f"Appendix {'B' if isinstance(report, ScorecardReport) else 'A'}: "
        "how these figures were made", level=2)
    for label, text in provenance_items(report.provenance):
        document.add_paragraph(_text(f"{label}: {text}"), style="List Bullet")
    if report.suppression.applied:
        document.add_paragraph(report.suppression.footnote)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _heading(document: Any, number: int, title: str) -> None:
    document.add_heading(f"{number}. {title}", level=1)


def _subject(report: ScorecardReport | FindingsReport) -> str:
    where = f" for {report.authority}" if report.authority else ""
    when = f", {report.period}" if report.period else ""
    return f"{where}{when}"


def _purpose(report: ScorecardReport | FindingsReport) -> str:
    if isinstance(report, ScorecardReport):
        return (f"To report the corporate parenting scorecard{_subject(report)}: "
                f"{counted(len(report.indicators), 'indicator')}, each against its expected "
                "range and targets where they are set, with the exceptions the panel is asked "
                "to consider.")
    return (f"To report {counted(len(report.findings), 'finding')}{_subject(report)}: "
            f"{report.title}.")


def _recommendations(report: ScorecardReport | FindingsReport) -> list[str]:
    if isinstance(report, ScorecardReport):
        count = len(report.exception_report.exceptions)
        ask = (f"considers the {counted(count, 'exception')} in section 4, and asks "
               "officers to explain those worse than expected and the action being taken"
               if count else "notes that no indicator is outside its expected range or below "
               "its target")
        return ["That the panel notes the scorecard.", f"That the panel {ask}."]
    count = sum(f.status in ATTENTION for f in report.findings)
    ask = (f"considers the {counted(count, 'finding')} needing attention in "
           "section 4" if count else "notes that no finding needs attention")
    return ["That the panel notes the report.", f"That the panel {ask}."]


def _background(report: ScorecardReport | FindingsReport) -> str:
    inputs = ", ".join(item.path for item in report.provenance.inputs) or "the authority's "\
        "plug-in"
    if isinstance(report, ScorecardReport):
        return (f"The figures were read from {inputs}. Each indicator is judged against the "
                "expected range and targets the panel set for the period; appendix A gives "
                "the whole scorecard with each indicator's trend, and appendix B how the "
                "figures were made.")
    return f"The findings were made from {inputs}; the appendix says how."


def _summary_table(document: Any, report: ScorecardReport | FindingsReport) -> None:
    counts = report.summary
    what = "Indicators" if isinstance(report, ScorecardReport) else "Findings"
    rows = [(status_label(s), counts[status_key(s)]) for s in SUMMARY_ORDER
            if counts.get(status_key(s))]
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Status", what
    for label, count in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, str(count)


def _findings(document: Any, title: str, findings: Sequence[FindingOut]) -> None:
    document.add_heading(f"{title} ({len(findings)})", level=2)
    if not findings:
        document.add_paragraph("None.")
    for finding in findings:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(_text(f"{finding_label(finding)}: ")).bold = True
        paragraph.add_run(_text(finding.explanation))


def _scorecard_table(document: Any, report: ScorecardReport) -> None:
    header = ("Indicator", "Value", "Expected range", "Target", "Status")
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for item in report.indicators:
        cells = table.add_row().cells
        values = (item.name, item.value_text, show_range(item),
                  "; ".join(show_target(item, t) for t in item.targets) or "–",
                  status_label(item.status))
        for cell, text in zip(cells, values, strict=True):
            cell.text = _text(text)


def _process(document: Any, title: str, chart: ChartOut, show: Callable[[float], str],
             chart_id: str) -> None:
    """A process chart as an image, with its variation and assurance in words."""
    from docx.shared import Cm

    trial = " These are trial limits, from too few points to rely on." if chart.trial else ""
    document.add_paragraph(_text(
        f"Process chart. Variation: {variation_label(chart.variation)}. Assurance: "
        f"{assurance_label(chart.assurance)}. Mean {show(chart.mean)}, process limits "
        f"{show(chart.lower_limit)} to {show(chart.upper_limit)}.{trial}"))
    png = _png(process_chart(chart, title, chart_id, show))
    if png is None:
        document.add_paragraph("The process chart could not be drawn.")
    else:
        document.add_picture(io.BytesIO(png), width=Cm(_CHART_WIDTH_CM))


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
