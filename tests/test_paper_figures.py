"""Every figure the HTML page shows is in the committee paper too: each indicator's
national rank and band, both directions of travel, and the comparators, table and chart;
read from the HTML page and the Word paper the command line writes for Wiltshire."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from corpparent.cli import cli
from reports_support import COMPARATORS, READINGS

CARD = re.compile(r'<article class="card"[^>]*><h4>(.*?)</h4>(.*?)</article>', re.S)
FACT = re.compile(r"<dt>(.*?)</dt><dd>(.*?)</dd>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, docx.document.Document]:
    folder: Path = tmp_path_factory.mktemp("figures")
    common = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4",
              "-c", str(COMPARATORS), "--national", "--no-disclosure-record"]
    for name in ("page.html", "paper.docx"):
        result = CliRunner().invoke(cli, [*common, "-o", str(folder / name)])
        assert result.exit_code == 0, result.output
    paper = docx.Document(io.BytesIO((folder / "paper.docx").read_bytes()))
    return (folder / "page.html").read_text(encoding="utf-8"), paper


def _cards(page: str) -> dict[str, dict[str, str]]:
    return {_text(name): {_text(k): _text(v) for k, v in FACT.findall(body)}
            for name, body in CARD.findall(page)}


def _table(paper: docx.document.Document, first: str) -> list[list[str]]:
    found = next(t for t in paper.tables if t.rows[0].cells[0].text == first)
    return [[c.text for c in row.cells] for row in found.rows]


def test_national_ranks_and_both_travel_columns_are_in_the_paper(
        written: tuple[str, docx.document.Document]) -> None:
    page, paper = written
    cards = _cards(page)
    ranked = {name: facts["National rank"] for name, facts in cards.items()
              if "National rank" in facts}
    assert len(ranked) >= 2  # the shipped DfE figures rank Wiltshire on several
    national = next(t for t in paper.tables
                    if t.rows[0].cells[-1].text == "National rank (1 the best)")
    in_paper = {row.cells[0].text: row.cells[-1].text for row in national.rows[1:]}
    assert in_paper == ranked
    scorecard = _table(paper, "Domain")
    travel = {row[1]: (row[6], row[7]) for row in scorecard[1:]}
    assert scorecard[0][6:8] == ["Since last period", "Since last year"]
    for name, facts in cards.items():
        assert travel[name] == (facts["Since last period"], facts["Since last year"])


def test_the_comparators_are_in_the_paper_as_on_the_page(
        written: tuple[str, docx.document.Document]) -> None:
    page, paper = written
    section = page[page.index('id="comparators"'):]
    section = section[:section.index("</table>")]
    on_page = [[_text(c) for c in CELL.findall(row)] for row in ROW.findall(section)]
    assert len(on_page) > 1
    table = next(t for t in paper.tables
                 if [c.text for c in t.rows[0].cells] == on_page[0])
    assert [[c.text for c in row.cells] for row in table.rows] == on_page


def test_each_comparator_chart_on_the_page_is_an_image_in_the_paper(
        written: tuple[str, docx.document.Document]) -> None:
    page, paper = written
    charts = re.findall(r'<svg class="chart comparators?"[^>]*>\s*<title[^>]*>(.*?)</title>',
                        page, re.S)
    titles = [frame.get("title") for frame in
              paper.element.body.findall(".//" + qn("wp:docPr"))]
    named = [html.unescape(c) for c in charts]
    assert named
    assert [t for t in titles if t in set(named)] == named
