"""Every format of one report says the same thing: the same counts, section by section,
and the same figures, read back from the terminal, Markdown, HTML, JSON, Word, CSV and
xlsx outputs of Wiltshire's 2022-23 Q4 scorecard (annual report 2022-23, seed 002),
with its comparators and a national rank; and each format is declared once."""

from __future__ import annotations

import csv
import functools
import html
import io
import json
import re
import runpy
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from corpparent.errors import DefinitionError
from corpparent.files import read_comparators
from corpparent.report import (
    compose,
    finish,
    format_names,
    make_provenance,
    register,
    render,
    render_binary,
    report_adapter,
)
from corpparent.report.benchmark import BenchmarkPage, benchmark_report
from corpparent.report.composer import EXCEPTIONS_TITLE
from corpparent.report.document import Table
from corpparent.report.formats import BUILT_IN, Backend, backend, unregister
from corpparent.report.labels import SUMMARY_ORDER, status_key, status_label
from corpparent.report.model import BenchmarkReport, ScorecardReport
from corpparent.report.parts import NationalOut
from corpparent.report.profiles import default_profile
from reports_support import COMPARATORS, count_report, wiltshire_report, wiltshire_set

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = (EXCEPTIONS_TITLE, "Successes", "Insufficient data")
TEXT_FORMATS = ("terminal", "markdown", "html")


@functools.cache
def _report() -> ScorecardReport:
    """Wiltshire's scorecard with its comparators, and a national rank given to its first
    indicator (the figures of a LAIT position, as the national pipeline would give it)."""
    base = wiltshire_report(read_comparators(COMPARATORS, indicators=wiltshire_set()))
    first = base.indicators[0].model_copy(update={"national": NationalOut(
        measure="LAC_LongStable%", period="2022-23", value=73.0, rank=56, ranked=150,
        band="B", text="56 of 150 (2022-23), quartile band B")})
    report = base.model_copy(update={"indicators": [first, *base.indicators[1:]]})
    return finish(report, "json", profile="internal")


def _strip(written: str) -> str:
    """An HTML page's text, tags gone and entities read back; other text as it is."""
    if written.startswith("<!DOCTYPE html>"):
        return html.unescape(re.sub(r"<[^>]+>", " ", written))
    return written


@functools.cache
def _text(fmt: str) -> str:
    return _strip(render(_report(), fmt, width=250))


@functools.cache
def _paper() -> docx.document.Document:
    return docx.Document(io.BytesIO(render_binary(_report(), "docx")))


def _paper_text() -> str:
    cells = [cell.text for table in _paper().tables for row in table.rows
             for cell in row.cells]
    return "\n".join([p.text for p in _paper().paragraphs] + cells)


def _counted(text: str) -> dict[str, int]:
    flat = " ".join(re.sub(r"[│┃]", " ", text).split())
    found = {}
    for status in SUMMARY_ORDER:
        match = re.search(re.escape(status_label(status)) + r": (\d+)", flat)
        if match:
            found[status_key(status)] = int(match.group(1))
    return found


def _sections(text: str) -> dict[str, int]:
    return {title: int(n) for title in SECTIONS
            for n in re.findall(re.escape(title) + r" \((\d+)\)", text)[:1]}


def _json() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(render(_report(), "json"))
    return loaded


def _table_rows() -> dict[str, list[dict[str, object]]]:
    book = openpyxl.load_workbook(io.BytesIO(render_binary(_report(), "xlsx")))
    sheets = {}
    for sheet in book.worksheets:
        header, *rows = sheet.iter_rows(values_only=True)
        sheets[sheet.title] = [dict(zip(header, row, strict=True)) for row in rows]
    return sheets


def test_every_format_gives_the_same_summary_counts() -> None:
    expected = _report().summary
    assert sum(expected.values()) == len(_report().indicators)
    for fmt in TEXT_FORMATS:
        assert _counted(_text(fmt)) == expected, fmt
    summary = _paper().tables[0]
    assert _counted(" ".join(f"{r.cells[0].text}: {r.cells[1].text}"
                             for r in summary.rows[1:])) == expected
    assert _json()["summary"] == expected
    own = [r for r in csv.DictReader(io.StringIO(render(_report(), "csv")))
           if r["is_report_period"] == "yes"]
    assert dict(Counter(r["status"] for r in own)) == expected
    from_xlsx = [r for r in _table_rows()["indicators"] if r["is_report_period"]]
    assert dict(Counter(str(r["status"]) for r in from_xlsx)) == expected


def test_every_section_has_the_same_count_everywhere_and_each_item_is_listed_once() -> None:
    """002 §12a: 7 results worse than expected or below target; the missing episodes,
    better than expected, is a success and is not counted again as an exception."""
    exceptions = _report().exception_report
    expected = {EXCEPTIONS_TITLE: len(exceptions.exceptions),
                "Successes": len(exceptions.successes),
                "Insufficient data": len(exceptions.insufficient)}
    assert expected == {EXCEPTIONS_TITLE: 7, "Successes": 1, "Insufficient data": 7}
    for fmt in TEXT_FORMATS:
        assert _sections(_text(fmt)) == expected, fmt
    assert _sections(_paper_text()) == expected
    listed = [f.subject for f in (*exceptions.exceptions, *exceptions.successes)]
    assert len(listed) == len(set(listed))
    asks = [p.text for p in _paper().paragraphs if p.style.name == "List Number"]
    assert "considers the 7 exceptions in section 4" in asks[1]


def test_every_format_shows_the_same_figures() -> None:
    document = _json()
    indicators = document["indicators"]
    assert isinstance(indicators, list)
    paper = _paper_text()
    for item in indicators:
        for fmt in TEXT_FORMATS:
            assert item["value_text"] in _text(fmt).replace("\\", ""), (fmt, item["id"])
        assert item["value_text"] in paper
    by_id = {i["id"]: i["value"] for i in indicators}
    own = [r for r in csv.DictReader(io.StringIO(render(_report(), "csv")))
           if r["is_report_period"] == "yes"]
    assert {r["indicator_id"]: (float(r["value"]) if r["value"] else None)
            for r in own} == by_id
    from_xlsx = {r["indicator_id"]: r["value"] for r in _table_rows()["indicators"]
                 if r["is_report_period"]}
    assert from_xlsx == by_id


def test_the_paper_carries_every_table_the_page_does() -> None:
    """The national rank, both directions of travel and the comparators, which the page
    shows, are in the Word paper too, with the same cells."""
    tables = [b for b in compose(_report()).blocks() if isinstance(b, Table)]
    assert {"National rank (1 the best)", "Since last period", "Since last year"} <= {
        c for t in tables for c in t.columns}
    paper = _paper_text()
    page = _text("html")
    for table in tables:
        for row in table.rows:
            for cell in row:
                assert cell.text in paper, (table.title, cell.text)
                assert cell.text in page, (table.title, cell.text)
    assert "56 of 150 (2022-23), quartile band B" in paper


def test_a_chart_showing_c_is_never_beside_a_count_of_nothing_withheld() -> None:
    """A value withheld (c) in the data as published is counted in the footnote, beside
    those the report withheld."""
    public = finish(count_report({"Q2": 40, "Q3": None, "Q4": 30}), "markdown")
    note = public.suppression
    assert (note.withheld, note.withheld_at_source) == (0, 1)
    for fmt in ("markdown", "html"):
        assert "Figures withheld: 0; 1 more were withheld (c) in the data as published" \
            in " ".join(_strip(render(public, fmt)).split()), fmt
    assert "1 more were withheld (c)" in "\n".join(
        p.text for p in docx.Document(io.BytesIO(render_binary(public, "docx"))).paragraphs)


def test_each_format_is_declared_once() -> None:
    names = format_names()
    assert len(names) == len(set(names))
    assert {b.name for b in BUILT_IN} <= set(names)
    for name in names:
        chosen = backend(name)
        assert default_profile(name) == ("public" if chosen.publishable else "internal")
        written = render_binary(_report(), name)
        assert written, name
    with pytest.raises(DefinitionError, match="registered already"):
        register(backend("html"))
    with pytest.raises(DefinitionError, match="unknown format 'nope'"):
        backend("nope")


@pytest.fixture
def digest() -> Iterator[Backend]:
    example = runpy.run_path(str(ROOT / "examples" / "email_digest.py"))
    unregister("digest")  # left registered if the example itself ran before
    registered = register(example["DIGEST"])
    yield registered
    unregister(registered.name)


def test_a_new_format_is_one_module_and_its_registration(digest: Backend) -> None:
    """The email digest (examples/email_digest.py) writes the same counts as the page."""
    assert digest.name in format_names()
    assert default_profile("digest") == "public"
    text = render(_report(), "digest")
    assert text.startswith(f"Subject: {_report().title}")
    assert _counted(text) == _report().summary
    assert _sections(text) == _sections(_text("html"))
    assert max(len(line) for line in text.splitlines()) <= 72


def _benchmark() -> BenchmarkReport:
    """Wiltshire's 2024-25 long-term stability as LAIT gives it (70%, 56 of 150, band B)."""
    row = {"measure": "LAC_LongStable%", "years": "2025", "period": "2024-25",
           "authority": "Wiltshire", "value": 70.0, "rank": 56, "ranked": 150, "band": "B",
           "england": 69.0, "region": "South West", "region_value": 69.0,
           "outstanding_as_at": date(2025, 3, 31), "outstanding_unknown": 9,
           "direction": "increase", "a column the report does not know": 1}
    page = BenchmarkPage("Wiltshire", "865", "sn_model_2025_wide.csv",
                         ("Contains public sector information licensed under the Open "
                          "Government Licence v3.0.",), [row],
                         names={"LAC_LongStable%": "Long Term Placement Stability (%)"})
    return benchmark_report(page, make_provenance())


@pytest.mark.parametrize("fmt", sorted({b.name for b in BUILT_IN}))
def test_a_benchmark_is_a_report_like_the_others(fmt: str) -> None:
    """Every format writes it, under the format's default profile, with its sources."""
    report = finish(_benchmark(), fmt)
    assert report.profile == default_profile(fmt)
    written = render_binary(report, fmt)
    if fmt in ("json", "csv", "terminal", "markdown", "html"):
        text = _strip(written.decode("utf-8"))
        # A CSV is the table alone: its sources are written beside it.
        assert ("Open Government Licence v3.0" in " ".join(text.split())) is (fmt != "csv")
        if fmt == "json":
            back = report_adapter().validate_json(written)
            assert back == report
            assert back.rows[0].outstanding_as_at == date(2025, 3, 31)
        elif fmt == "csv":
            (row,) = csv.DictReader(text.splitlines())
            assert (row["rank"], row["ranked"], row["band"]) == ("56", "150", "B")
        else:
            assert "56 of 150" in text
