"""The committee paper as a reader, a printer and a screen reader meet it: A4 pages (Letter
on request), numbered; its properties; a text alternative on every image; tables whose
header row repeats on every page and whose columns hold their longest word whole; a
benchmark's theme tables set as its print stylesheet sets them."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from hypothesis import example, given, strategies as st

from corpparent.cli import cli
from corpparent.report.backends.paper import render_docx
from corpparent.report.backends.paper_word import DEFAULT_AUTHOR, column_widths, text_width
from corpparent.report.model import BenchmarkReport
from corpparent.report.output import render_binary
from reports_support import COMPARATORS, READINGS, wiltshire_report

#: A4 is 210 x 297 mm; Letter 8.5 x 11 inches; both in twentieths of a point.
A4_TWIPS = (round(210 / 25.4 * 1440), round(297 / 25.4 * 1440))
LETTER_TWIPS = (int(8.5 * 1440), 11 * 1440)


def _open(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


@functools.cache
def _paper() -> bytes:
    return render_binary(wiltshire_report(), "docx")


def _size(section: object) -> tuple[int, int]:
    size = section._sectPr.find(qn("w:pgSz"))  # type: ignore[attr-defined]
    return int(size.get(qn("w:w"))), int(size.get(qn("w:h")))


def test_the_paper_is_a4_by_default_with_landscape_appendices() -> None:
    sections = _open(_paper()).sections
    assert _size(sections[0]) == A4_TWIPS
    assert _size(sections[-1]) == A4_TWIPS[::-1]  # the wide tables' pages, turned


def test_letter_on_request() -> None:
    paper = _open(render_docx(wiltshire_report(), paper_size="letter"))
    assert _size(paper.sections[0]) == LETTER_TWIPS
    assert _size(paper.sections[-1]) == LETTER_TWIPS[::-1]


def test_every_page_is_numbered() -> None:
    paper = _open(_paper())
    footer = paper.sections[0].footer
    assert re.search(r'w:instr=" PAGE ', footer._element.xml)
    assert footer.paragraphs[-1].text.startswith("Page ")
    assert all(section.footer.is_linked_to_previous for section in paper.sections[1:])


def test_the_properties_name_the_paper_its_authority_and_author() -> None:
    report = wiltshire_report()
    properties = _open(_paper()).core_properties
    assert properties.title == "Wiltshire: corporate parenting scorecard, 2022-23 Q4"
    assert properties.subject == f"{report.authority}, {report.period}"
    assert properties.author == properties.last_modified_by == DEFAULT_AUTHOR
    named = _open(render_docx(report, author="Democratic Services")).core_properties
    assert named.author == "Democratic Services"
    assert "python-docx" not in (properties.author, properties.last_modified_by,
                                 properties.comments, properties.title)


def test_every_image_has_its_charts_text_alternative() -> None:
    report = wiltshire_report()
    paper = _open(_paper())
    frames = paper.element.body.findall(".//" + qn("wp:docPr"))
    assert len(frames) == len(paper.inline_shapes) > 0
    for frame in frames:
        assert frame.get("descr", "").strip()
        assert frame.get("title", "").strip()
    process = [t for t in (frame.get("title") for frame in frames)
               if t.endswith(": process chart")]
    trends = [t for t in (frame.get("title") for frame in frames) if t not in process]
    # No frame where there is nothing to draw: an indicator with no value has no trend.
    charted = [i for i in report.indicators if any(p.value is not None for p in i.trend)]
    assert 0 < len(charted) < len(report.indicators)
    assert len(trends) == len(charted)
    for indicator, title in zip(charted, trends, strict=True):
        assert indicator.name in title
    assert process == [f"{i.name}: process chart" for i in charted if i.chart is not None]


def test_every_table_repeats_its_header_row() -> None:
    paper = _open(_paper())
    assert len(paper.tables) >= 2
    for table in paper.tables:
        first = table.rows[0]._tr
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(row._tr.find(qn("w:trPr")) is None
                   or row._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is None
                   for row in table.rows[1:])


def _widths(table: object) -> list[int]:
    grid = table._tbl.tblGrid  # type: ignore[attr-defined]
    return [int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))]


def test_the_scorecards_columns_hold_their_longest_word_within_the_page() -> None:
    paper = _open(_paper())
    scorecard = paper.tables[1]
    assert scorecard.rows[0].cells[1].text == "Indicator"
    section = paper.sections[-1]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635
    widths = _widths(scorecard)
    assert sum(widths) <= text_width + len(widths)  # twips, with rounding
    assert len(set(widths)) > 1  # not the equal columns that broke words
    assert max(widths) == widths[1]  # the indicators' names need the most room
    for number, width in enumerate(widths):
        words = [w for row in scorecard.rows for w in row.cells[number].text.split()]
        longest = max(len(w) for w in words)
        # half an em a character, at the 8 point the scorecard is set in: a floor no
        # word of the sans-serif or serif faces a council uses is narrower than
        assert width >= longest * 0.5 * 8 * 20, (scorecard.rows[0].cells[number].text,
                                                  longest)
    assert scorecard._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


_TEXT = st.text(alphabet="abcdefghij ", min_size=1, max_size=40)


@given(st.integers(min_value=1, max_value=8).flatmap(
    lambda n: st.lists(st.lists(_TEXT, min_size=n, max_size=n), min_size=1, max_size=6)),
    st.floats(min_value=100, max_value=1000))
@example([["a", "a", "a", "a", " ", "aa"]], 100.0)  # a blank cell needs its padding only
def test_columns_fill_the_width_and_hold_their_longest_word_when_they_can(
        rows: list[list[str]], width: float) -> None:
    widths = column_widths(rows, 8.0, width)
    assert abs(sum(widths) - width) < 1e-6 * width
    least = [max(text_width(w, 8) for text in column for w in text.split() or [""]) + 12
             for column in zip(*rows, strict=True)]
    if sum(least) <= width:
        assert all(w >= floor - 1e-9 for w, floor in zip(widths, least, strict=True))
    else:  # the words cannot all fit: each column gives up the same share
        shares = {round(w / floor, 9) for w, floor in zip(widths, least, strict=True)}
        assert len(shares) == 1


#: Advance widths in DejaVu Sans and DejaVu Serif 2.37 (their ``hmtx`` tables, 2048
#: units to the em): the faces LibreOffice sets a paper in where its template's font is
#: missing, as wide as any a council uses.
DEJAVU_UNITS = {"0": (1303, 1303), " ": (651, 651), "\u00a0": (651, 651), "m": (1995, 1942),
                "W": (2025, 2105), "H": (1540, 1786), "N": (1532, 1792), "r": (842, 979),
                "i": (569, 655), "A": (1401, 1479), "Y": (1251, 1352), "%": (1946, 1946),
                "/": (690, 690), "\u2191": (1716, 1716)}


def test_text_is_measured_at_least_as_wide_as_dejavu_sets_it() -> None:
    for char, units in DEJAVU_UNITS.items():
        assert text_width(char, 10) >= max(units) / 2048 * 10, char
    # a figures' cell, with no more than a twentieth of an em a character in hand
    assert text_width("144 of 152", 7) <= sum(
        max(DEJAVU_UNITS.get(c, (1303, 1303))) / 2048 + 0.05 for c in "144 of 152") * 7
    assert text_width("\u00e9\u4e2d", 10) >= 2 * 10  # what it does not know, an em or more


def test_a_kept_columns_heading_may_wrap_its_cells_and_no_break_words_may_not() -> None:
    rows = [["Measure", "Not comparable"], ["a long name of a measure", "3"],
            ["x", "year\u00a0ending"]]
    widths = column_widths(rows, 7.0, 400.0, whole=[False, True])
    assert widths[1] >= text_width("year\u00a0ending", 7)  # one word, never broken
    # where room is short the heading gives way at its space, the cells' words never
    rows = [["Measure", "Not comparable"], [" ".join("abcdefghijklmnopqrst"), "3"]]
    narrow = column_widths(rows, 7.0, 90.0, whole=[False, True])
    assert narrow[1] < text_width("Not comparable", 7)
    assert narrow[1] >= text_width("comparable", 7)


@functools.cache
def _benchmark_paper() -> bytes:
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-f", "json"])
    assert result.exit_code == 0, result.output
    return render_docx(BenchmarkReport.model_validate_json(result.stdout))


def test_a_benchmarks_theme_tables_are_set_as_its_print_stylesheet_sets_them() -> None:
    paper = _open(_benchmark_paper())
    # no appendix is wide: every page upright
    assert all(_size(section) == A4_TWIPS for section in paper.sections)
    themes = [t for t in paper.tables if t.rows[0].cells[0].text == "Measure"]
    assert len(themes) >= 20
    width, edge = A4_TWIPS[0], round(12 / 25.4 * 1440)
    for table in themes:
        # as wide as the page less 12 mm a side, past the template's 2 cm margins
        assert abs(sum(_widths(table)) - (width - 2 * edge)) <= len(table.columns)
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders.find(qn("w:insideH")).get(qn("w:val")) == "nil"
        for number, row in enumerate(table.rows):
            shading = [cell._tc.tcPr.find(qn("w:shd")) for cell in row.cells]
            fills = {None if s is None else s.get(qn("w:fill")) for s in shading}
            assert fills == ({"ECEFF3"} if number and number % 2 == 0 else {None}), number
            for cell in row.cells:
                assert {run.font.size.pt for run in cell.paragraphs[0].runs} <= {7.0}
                spacing = cell.paragraphs[0].paragraph_format
                assert spacing.line_spacing.pt == pytest.approx(7 * 1.09, abs=0.05)
    headings = [p for p in paper.paragraphs if p.style.name == "Heading 2"
                and p.text in {"Adoption", "Youth Offending"}]
    assert len(headings) == 2
    assert all(run.font.size.pt == 11 for p in headings for run in p.runs)



def test_an_indicators_charts_share_one_line(tmp_path: Path) -> None:
    """An indicator's trend chart and its comparators' chart are pictures in one
    paragraph, side by side on the appendices' landscape pages, not one under the
    other: the appendix of charts takes about half the pages."""
    out = tmp_path / "paper.docx"
    result = CliRunner().invoke(cli, [
        "scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4", "-c",
        str(COMPARATORS), "-f", "docx", "-o", str(out), "--no-disclosure-record"])
    assert result.exit_code == 0, result.output
    paper = _open(out.read_bytes())
    shared = [[frame.get("title") for frame in paragraph._p.findall(".//" + qn("wp:docPr"))]
              for paragraph in paper.paragraphs]
    pairs = [titles for titles in shared if len(titles) > 1]
    assert pairs
    for titles in pairs:  # one indicator's charts: each title names it
        name = titles[0].split(":")[0]
        assert all(title.startswith(name) for title in titles), titles
