"""Every public format shows no figure the public JSON lacks, so a reader of the JSON (a
person, or a program that checks what a withheld figure could be) speaks for them all.

A scorecard of small counts (some of 1 to 5, one process chart withheld for them), a
count with a published process chart and a target, and a percentage with numerators,
is finished under the ``public`` profile and written in every format. Every number each
format shows is read out of it: the HTML page's text and its charts' labels, titles and
descriptions; the Word paper's paragraphs, tables, header, properties and images; every
cell of every sheet of the workbook; every cell of the CSV and of the Parquet file and
the Parquet metadata; the Markdown and the terminal's text. Each must be a figure of the
public JSON as the format prints it: a number shown with k decimals is some JSON figure
rounded to k decimals.

What is not a figure is left out, each kind with its reason, and nothing else:

* in every format and in the JSON (:data:`NOT_FIGURES`): a sha256 digest of an input
  file; a date or time (when the report was made); a period's name (``2022-23``,
  ``2023-03``, ``Q4``, ``March 2023``); a version of corpparent or Python;
* in the Word paper: the numbers of its five numbered section headings;
* in the charts: the labels of the time axis (a month or quarter and its year, as
  :func:`period_label` writes a period of the report) and the ticks of the value axis,
  which are checked to be whole multiples of a round step (:func:`_scale`).

Numbers are compared without their sign (a direction of travel may print a fall with a
minus where the JSON holds both values).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any, Final

import docx
import openpyxl
import pyarrow.parquet as pq
import pytest

from corpparent import (
    ExpectedRange,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Target,
)
from corpparent.comparators import Comparator, ComparatorKind
from corpparent.ranges import TargetDirection
from corpparent.report import ScorecardReport, finish, make_provenance, scorecard_report
from corpparent.report.backends.paper import _png
from corpparent.report.backends.svg import period_label
from corpparent.report.formats import backend, format_names
from corpparent.report.output import render, render_binary
from corpparent.report.tables import tidy_tables

MONTHS: Final = [Month(2021 + (m + 3) // 12, (m + 3) % 12 + 1) for m in range(24)]
#: Missing episodes by month: 3, 5 and 4 are withheld, and with them the process chart.
MISSING: Final = (7, 9, 8, 11, 7, 10, 8, 9, 12, 8, 7, 10, 9, 8, 11, 3, 9, 10, 8, 12, 5, 7,
                  10, 4)
#: Placement moves by month: none small, so their process chart is published.
MOVES: Final = (14, 17, 15, 19, 16, 18, 15, 17, 20, 16, 18, 17, 19, 16, 18, 17, 21, 16, 18,
                19, 17, 16, 18, 17)
#: Children placed at a distance, of children placed, by month: numerators of 2 and 5.
SHARE: Final = ((2, 40), (9, 41), (10, 40), (12, 42), (11, 40), (10, 39), (12, 41), (9, 40),
                (11, 42), (10, 40), (12, 41), (11, 43), (10, 40), (9, 41), (12, 40), (5, 42),
                (10, 41), (12, 40), (11, 39), (10, 42), (12, 41), (11, 40), (13, 41),
                (12, 40))
YEAR: Final = FinancialYear(2022)


def scorecard() -> ScorecardReport:
    """The scorecard for March 2023, before any profile."""
    indicators = IndicatorSet(
        [Indicator("missing", "Missing episodes", Kind.COUNT, Polarity.LOWER_IS_BETTER),
         Indicator("moves", "Placement moves", Kind.COUNT, Polarity.LOWER_IS_BETTER),
         Indicator("share", "Placed at a distance", Kind.PERCENTAGE,
                   Polarity.LOWER_IS_BETTER)],
        ranges=[ExpectedRange("missing", 2, 9, YEAR)],
        targets=[Target("moves", 19, TargetDirection.AT_MOST, YEAR)])
    readings = Readings(
        [Reading("missing", m, v) for m, v in zip(MONTHS, MISSING, strict=True)]
        + [Reading("moves", m, v) for m, v in zip(MONTHS, MOVES, strict=True)]
        + [Reading("share", m, round(100 * n / d, 1), numerator=n, denominator=d)
           for m, (n, d) in zip(MONTHS, SHARE, strict=True)])
    england = Comparator("England", ComparatorKind.ENGLAND, {("share", "2022-23"): 24.5})
    result = Scorecard(indicators, comparators=[england]).assess(readings, MONTHS[-1])
    return scorecard_report(result, make_provenance(period=MONTHS[-1]),
                            authority="Testshire")


# What is not a figure, and why; removed from the text of every format and of the JSON.
_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|"
                "November|December")
NOT_FIGURES: Final = (
    # a digest of an input file, in the provenance
    (re.compile(r"\b[0-9a-f]{64}\b"), "sha256 of an input file"),
    # when the report was made, a day of a meeting
    (re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"), "a date"),
    # a financial year (2022-23), a month (2023-03), a quarter (Q4)
    (re.compile(r"\b\d{4}-\d{2}\b|\bQ[1-4]\b"), "a period"),
    (re.compile(rf"\b(?:{_MONTH_NAMES}) \d{{4}}\b"), "a month named"),
    # corpparent's and Python's versions, in the provenance
    (re.compile(r"\b\d+\.\d+\.\d+\b"), "a version"),
)
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _clean(text: str) -> str:
    for pattern, _reason in NOT_FIGURES:
        text = pattern.sub(" ", text)
    return text


def numbers_in(text: str) -> Iterator[str]:
    """The numbers written in ``text`` (as written), once what is not a figure is out."""
    yield from _NUMBER.findall(_clean(text))


def json_figures(report_json: str) -> list[float]:
    """Every figure of the JSON report: its numbers, and the numbers in its text."""
    figures: list[float] = []

    def walk(value: object) -> None:
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float):
            figures.append(abs(float(value)))
        elif isinstance(value, str):
            figures.extend(float(n.replace(",", "")) for n in numbers_in(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    report = json.loads(report_json)
    walk(report)
    # How many indicators the report judged ("3 indicators" above the summary) is the
    # length of its list of indicators, not a number written in the JSON.
    figures.append(float(len(report.get("indicators", ()))))
    return figures


def unpublished(shown: list[str], figures: list[float]) -> list[str]:
    """The numbers in ``shown`` that are no JSON figure rounded as they are printed."""
    missing = []
    for text in shown:
        places = len(text.partition(".")[2])
        value = float(text.replace(",", ""))
        tolerance = 0.5 * 10 ** -places + 1e-9
        if not any(abs(value - figure) <= tolerance for figure in figures):
            missing.append(text)
    return missing


# Reading the numbers out of each format.

class _Page(HTMLParser):
    """The text of a page, its charts' text and titles included, its style left out;
    each chart's axis labels kept apart (see :func:`_scale`)."""

    def __init__(self, periods: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.ticks: list[str] = []
        self.periods = periods
        self._stack: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("alt", "title", "aria-label", "aria-description"):
            if found.get(name):
                self.texts.append(str(found[name]))
        self.texts.extend(str(v) for k, v in attrs if k.startswith("data-") and v)
        if tag not in ("br", "meta", "link", "img", "input", "col", "hr"):
            self._stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _ in self._stack]
        if "style" in tags or "script" in tags or not data.strip():
            return
        tag, attrs = self._stack[-1] if self._stack else ("", {})
        if tag in ("text", "tspan") and data.strip() in self.periods:
            return  # a chart's period label: a month or quarter, and its year
        if tag == "text" and attrs.get("text-anchor") == "end" and attrs.get(
                "font-size") == "11" and not attrs.get("font-weight"):
            self.ticks.append(data.strip())  # a tick of a chart's value axis
            return
        self.texts.append(data)


def _scale(ticks: list[str]) -> None:
    """Axis ticks are the chart's scale, not figures: each is a whole multiple of a round
    step (1, 2, 2.5 or 5 times a power of ten) chosen from the published points' span."""
    for tick in ticks:
        value = float(tick.replace(",", "").rstrip("%"))
        assert any(abs(value / (m * 10.0 ** k) - round(value / (m * 10.0 ** k))) < 1e-9
                   for m in (1, 2, 2.5, 5) for k in range(-2, 7)), tick


def _period_labels(report: ScorecardReport) -> set[str]:
    periods = {p.period for i in report.indicators for p in i.trend}
    periods |= {str(p.period) for i in report.indicators if i.chart is not None
                for p in i.chart.points}
    return {part for period in periods for part in period_label(period) if part}


def shown_in_html(report: ScorecardReport, page: str) -> list[str]:
    parser = _Page(_period_labels(report))
    parser.feed(page)
    _scale(parser.ticks)
    return [n for text in parser.texts for n in numbers_in(text)]


def shown_in_docx(report: ScorecardReport, paper: bytes, page: str) -> list[str]:
    """The paper's text; each of its images must be a chart of the page, drawn the same,
    whose labels the page's numbers cover."""
    document = docx.Document(io.BytesIO(paper))
    texts = [p.text for p in document.paragraphs]
    texts = [re.sub(r"^[1-5]\. ", "", t) for t in texts]  # the numbered section headings
    texts += [cell.text for table in document.tables for row in table.rows
              for cell in row.cells]
    texts += [p.text for s in document.sections for p in s.header.paragraphs]
    core = document.core_properties
    texts += [core.title, core.subject, core.category, core.keywords, core.comments]
    with zipfile.ZipFile(io.BytesIO(paper)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        images = {name: archive.read(name) for name in archive.namelist()
                  if name.startswith("word/media/")}
    texts += re.findall(r'<wp:docPr [^>]*?descr="([^"]*)"', body)  # alt text
    drawn = {_png(svg) for svg in re.findall(r"<svg .*?</svg>", page, flags=re.S)}
    assert images
    assert all(png in drawn for png in images.values())
    return [n for text in texts for n in numbers_in(text)]


def _cells_shown(cells: list[object]) -> list[str]:
    return [n for cell in cells if cell is not None and not isinstance(cell, bool)
            for n in numbers_in(repr(cell) if isinstance(cell, float) else str(cell))]


def shown_in_xlsx(book: bytes) -> list[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(book))
    cells: list[object] = [c.value for s in workbook.worksheets for row in s.iter_rows()
                           for c in row]
    props = workbook.properties
    cells += [props.title, props.subject, props.category, props.keywords, props.description]
    return _cells_shown(cells)


def shown_in_csv(text: str) -> list[str]:
    return [n for row in csv.reader(io.StringIO(text)) for cell in row
            for n in numbers_in(cell)]


def shown_in_parquet(data: bytes) -> list[str]:
    table = pq.read_table(io.BytesIO(data))
    cells: list[object] = [v for column in table.to_pydict().values() for v in column]
    cells += [v.decode("utf-8") for v in (table.schema.metadata or {}).values()]
    return _cells_shown(cells)


def shown(report: ScorecardReport, fmt: str, written: bytes, page: str) -> list[str]:
    """Every number ``written`` (``report`` in ``fmt``) shows; for CSV and Parquet, also
    the tables written beside the main one."""
    beside = tidy_tables(report)[1:]
    def text() -> str:
        return written.decode("utf-8")

    readers: dict[str, Callable[[], list[str]]] = {
        "html": lambda: shown_in_html(report, text()),
        "docx": lambda: shown_in_docx(report, written, page),
        "xlsx": lambda: shown_in_xlsx(written),
        "csv": lambda: shown_in_csv(text()) + [
            n for t in beside for n in shown_in_csv(str(backend("csv").write_table(t)))],
        "parquet": lambda: shown_in_parquet(written) + [
            n for t in beside for n in shown_in_parquet(bytes(backend("parquet").write_table(t)))],
        "json": lambda: list(numbers_in(text())),
        "markdown": lambda: list(numbers_in(text())),
        "terminal": lambda: list(numbers_in(text())),
    }
    return readers[fmt]()


def _written(report: ScorecardReport, fmt: str) -> bytes:
    if fmt == "terminal":
        return render(report, fmt, width=240).encode("utf-8")
    return render_binary(report, fmt)


@pytest.fixture(scope="module")
def public() -> dict[str, Any]:
    raw = scorecard()
    finished = {fmt: finish(raw, fmt, profile="public") for fmt in format_names()}
    written = {fmt: _written(report, fmt) for fmt, report in finished.items()}
    return {"raw": raw, "finished": finished, "written": written}


def test_the_scorecard_has_what_the_check_is_about(public: dict[str, Any]) -> None:
    """Small counts withheld, a chart withheld for them, another chart published with
    its limits, percentages with numerators: else the check below proves little."""
    report: ScorecardReport = public["finished"]["json"]
    by_id = {i.id: i for i in report.indicators}
    assert [p.value for p in by_id["missing"].trend].count(None) >= 2
    assert by_id["missing"].chart is None
    assert by_id["moves"].chart is not None
    assert any(p.numerator is not None for p in by_id["share"].trend)
    assert report.suppression.applied
    assert report.profile == "public"


def test_every_format_is_suppressed_as_the_json(public: dict[str, Any]) -> None:
    """A format of tables (CSV, workbook, Parquet) under the public profile withholds
    exactly what the HTML does: one report, finished once, whatever the format."""
    dumps = {fmt: r.model_dump() for fmt, r in public["finished"].items()}
    assert all(dump == dumps["html"] for dump in dumps.values())


@pytest.mark.parametrize("fmt", format_names())
def test_a_public_format_shows_no_figure_the_json_lacks(
    public: dict[str, Any], fmt: str
) -> None:
    figures = json_figures(public["written"]["json"].decode("utf-8"))
    numbers = shown(public["finished"][fmt], fmt, public["written"][fmt],
                    public["written"]["html"].decode("utf-8"))
    assert numbers, f"no number read from the {fmt} file"
    assert unpublished(numbers, figures) == []


#: A figure the public JSON does not hold, planted in one format's report alone.
PLANTED: Final = 57.3


def _planted(report: ScorecardReport) -> ScorecardReport:
    """``report`` with placement moves' latest value, in the headline and the trend,
    changed to :data:`PLANTED`."""
    indicators = []
    for item in report.indicators:
        if item.id == "moves":
            trend = [*item.trend[:-1], item.trend[-1].model_copy(update={"value": PLANTED})]
            item = item.model_copy(update={"value": PLANTED, "trend": trend,
                                           "value_text": f"{PLANTED} children"})
        indicators.append(item)
    return report.model_copy(update={"indicators": indicators})


@pytest.mark.parametrize("fmt", format_names())
def test_a_figure_in_one_format_alone_is_caught(public: dict[str, Any], fmt: str) -> None:
    """The control: one format written from a report whose figure was changed (as a
    renderer adding a figure of its own would) is caught against the public JSON, and
    caught as printed."""
    figures = json_figures(public["written"]["json"].decode("utf-8"))
    assert unpublished(["57.3", "57"], figures) == ["57.3", "57"]
    planted = _planted(public["finished"][fmt])
    page = _written(planted, "html").decode("utf-8")
    found = unpublished(shown(planted, fmt, _written(planted, fmt), page), figures)
    assert found
    assert set(found) <= {"57.3", "57"}, found


def test_a_figure_in_a_chart_alone_is_caught(public: dict[str, Any]) -> None:
    """The control for the charts: a label written into one SVG chart of the page, and
    nowhere else, is caught; so is a Word image no chart of the public page draws."""
    figures = json_figures(public["written"]["json"].decode("utf-8"))
    report: ScorecardReport = public["finished"]["html"]
    page = public["written"]["html"].decode("utf-8")
    labelled = page.replace("</svg>", f'<text x="400" y="20">{PLANTED}</text></svg>', 1)
    assert unpublished(shown_in_html(report, labelled), figures) == [str(PLANTED)]
    paper = _written(_planted(public["finished"]["docx"]), "docx")
    with pytest.raises(AssertionError):
        shown_in_docx(report, paper, page)
