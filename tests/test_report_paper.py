"""The committee paper as a Word document: it opens, holds the sections councils use in
their order, and says what the report says."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import docx
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status
from corpparent.report import findings_report, finish, make_provenance
from corpparent.report.backends.paper import PAPER_SECTIONS
from corpparent.report.output import render_binary
from corpparent.report.profiles import banner
from reports_support import READINGS, count_report, wiltshire_report


def _open(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


@functools.cache
def _wiltshire_paper() -> bytes:
    """Wiltshire's paper, drawn once: its 25 charts take a few seconds."""
    return render_binary(wiltshire_report(), "docx")


def _headings(document: docx.document.Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_the_paper_holds_the_sections_in_order() -> None:
    paper = _open(_wiltshire_paper())
    numbered = [f"{n}. {title}" for n, title in enumerate(PAPER_SECTIONS, start=1)]
    assert _headings(paper, 1) == numbered
    assert PAPER_SECTIONS == ("Purpose of the report", "Recommendations", "Background",
                              "Main considerations", "Appendices")


def test_the_recommendation_counts_the_exceptions() -> None:
    report = wiltshire_report()
    paper = _open(_wiltshire_paper())
    asks = [p.text for p in paper.paragraphs if p.style.name == "List Number"]
    count = len(report.exception_report.exceptions)
    assert count > 0
    assert any(f"considers the {count} exceptions" in text for text in asks)


def test_the_exception_report_lists_each_finding() -> None:
    report = wiltshire_report()
    paper = _open(_wiltshire_paper())
    bullets = [p.text for p in paper.paragraphs if p.style.name == "List Bullet"]
    for finding in report.exception_report.exceptions:
        assert any(finding.explanation in text for text in bullets)


def test_the_scorecard_table_and_charts_are_in_appendix_a() -> None:
    report = wiltshire_report()
    paper = _open(_wiltshire_paper())
    summary, scorecard = paper.tables
    assert [c.text for c in scorecard.rows[0].cells] == [
        "Domain", "Indicator", "Value", "Expected range", "Target", "Status",
        "Since last period", "Since last year"]
    assert [row.cells[1].text for row in scorecard.rows[1:]] == [
        i.name for i in report.indicators]
    assert sum(int(row.cells[1].text) for row in summary.rows[1:]) == len(report.indicators)
    charts = [i for i in report.indicators if any(p.value is not None for p in i.trend)]
    assert len(paper.inline_shapes) == len(charts)
    assert "Appendix A: the scorecard" in _headings(paper, 2)


def test_the_banner_tells_who_the_paper_is_for() -> None:
    report = finish(wiltshire_report(), "docx")
    paper = _open(render_binary(report, "docx"))
    assert report.profile == "public"
    assert paper.paragraphs[1].text == banner("public", report.suppression)
    internal = finish(wiltshire_report(), "docx", profile="internal")
    assert "Not for publication" in _open(render_binary(internal, "docx")).paragraphs[1].text


def test_control_characters_from_data_do_not_break_the_paper() -> None:
    report = count_report({"Q3": 8, "Q4": 9}, name="Children\x1b[31m missing\x07")
    paper = _open(render_binary(report, "docx"))
    text = "\n".join(p.text for p in paper.paragraphs)
    assert "Children[31m missing" in text
    assert "\x1b" not in text


def test_a_findings_paper_puts_what_needs_attention_first() -> None:
    findings = [
        Finding("panel", "quorum", Status.BREACHED, "Not quorate on 1 May 2023.",
                family=RuleFamily.QUORUM),
        Finding("panel", "frequency", Status.MET, "Met six times in 2022-23.",
                family=RuleFamily.MEETING_FREQUENCY),
    ]
    report = findings_report(findings, make_provenance(), title="Meetings")
    paper = _open(render_binary(report, "docx"))
    assert _headings(paper, 2)[:2] == ["Needing attention (1)", "Met or not yet due (1)"]
    asks = [p.text for p in paper.paragraphs if p.style.name == "List Number"]
    assert asks[1] == "That the panel considers the 1 finding needing attention in section 4."
    assert "Appendix A: how these figures were made" in _headings(paper, 2)


def test_the_command_line_writes_a_paper(tmp_path: Path) -> None:
    out = tmp_path / "paper.docx"
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire",
                                      "-p", "2022-23 Q4", "-f", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _headings(_open(out.read_bytes()), 1)[0] == "1. Purpose of the report"
