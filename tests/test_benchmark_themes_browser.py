"""Wiltshire's full benchmark by theme in Chromium and on paper: printed from the HTML
page it fits 10 A4 pages with its summary on the first; at 1280 and 390 px no element
reaches past the window and axe finds no violation; the Word paper, converted by
LibreOffice, holds the summary and every theme."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from browser_support import axe_violations, launched_chromium, open_page
from corpparent.cli import cli

WIDTHS = (1280, 390)
A4_POINTS = (595.3, 841.9)
#: The most pages one authority's full benchmark prints on.
MOST_PAGES = 10


def _words(text: str) -> str:
    """A page's text with its ligatures ("ﬀ") as letters and its spaces single."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _written(where: Path, output_format: str) -> Path:
    target = where / f"wiltshire.{output_format}"
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-f", output_format,
                                      "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _written(tmp_path_factory.mktemp("themes"), "html")


@pytest.fixture(scope="module")
def themes() -> list[str]:
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-f", "json"])
    return sorted({r["theme"] for r in json.loads(result.stdout)["rows"]}, key=str.casefold)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.fixture(scope="module")
def printed(browser: Any, page: Path) -> PdfReader:
    tab = browser.new_page()
    tab.goto(page.as_uri())
    pdf = tab.pdf(prefer_css_page_size=True)
    tab.close()
    return PdfReader(io.BytesIO(pdf))


def test_it_prints_on_at_most_ten_a4_pages(printed: PdfReader, themes: list[str]) -> None:
    assert len(printed.pages) <= MOST_PAGES
    for sheet in printed.pages:
        size = (float(sheet.mediabox.width), float(sheet.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)
    text = " ".join(_words(p.extract_text()) for p in printed.pages)
    first = _words(printed.pages[0].extract_text())
    assert "Summary by theme" in first
    for theme in themes:
        assert theme in first, theme
    assert all(theme in text[text.index("Each theme's measures that improved"):]
               for theme in themes)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_element_is_wider_than_the_window(browser: Any, page: Path, width: int) -> None:
    tab = open_page(browser, page, width)
    # A funnel plot keeps a legible size on a phone and scrolls in its own region.
    wider = tab.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => !e.closest('.table-wrap'))
        .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
        .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5)""")
    scrolled = tab.evaluate("document.documentElement.scrollWidth")
    tab.close()
    assert wider == []
    assert scrolled <= width


def test_on_a_phone_each_row_names_its_figures(browser: Any, page: Path) -> None:
    tab = open_page(browser, page, 390)
    shown = tab.evaluate("""() => {
        const table = document.querySelector('h2[id^=theme-] + table.stacked');
        const column = [...table.querySelectorAll('thead th')]
            .findIndex(th => th.textContent === 'Value') + 1;
        const cell = table.querySelector(`tbody td:nth-child(${column})`);
        return [getComputedStyle(cell).display,
                getComputedStyle(cell, '::before').content];
    }""")
    tab.close()
    assert shown == ["inline-block", '"Value: "']  # a row's figures flow, each named


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation(browser: Any, page: Path, width: int) -> None:
    assert axe_violations(browser, page, width) == []


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed here (.ci/run installs it)")
def test_the_word_paper_holds_the_summary_and_every_theme(
        tmp_path: Path, themes: list[str]) -> None:
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice (soffice) is required in CI"
    paper = _written(tmp_path, "docx")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp_path), str(paper)],
            check=True, capture_output=True, timeout=300)
    reader = PdfReader(tmp_path / "wiltshire.pdf")
    text = " ".join(_words(p.extract_text()) for p in reader.pages)
    assert text.index("Summary by theme") < text.index("Children Looked After Measure")
    for theme in themes:
        assert f"{theme} Measure Period Value Band Rank" in text, theme
    # how many pages it takes: test_paper_pdf.py
