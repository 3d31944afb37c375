"""The Wiltshire scorecard printed from Chromium: A4, a running head with the report's
title and "Page n of m" at the foot of every page, and about a page for every four
indicators, not one card per page."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from browser_support import browser_path
from corpparent.cli import cli
from reports_support import READINGS

A4_POINTS = (595.3, 841.9)
#: The pages before the indicator cards: title, summary, exception report and the
#: scorecard table.
SUMMARY_PAGES = 2


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, int, str]:
    where = tmp_path_factory.mktemp("print")
    page = where / "scorecard.html"
    base = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]
    document = json.loads(CliRunner().invoke(cli, [*base, "-f", "json"]).stdout)
    result = CliRunner().invoke(cli, [*base, "-f", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser: Any = driver.chromium.launch(executable_path=browser_path(),
                                              args=["--no-sandbox"])
        tab = browser.new_page()
        tab.goto(page.as_uri())
        pdf = tab.pdf(prefer_css_page_size=True)
        browser.close()
    return PdfReader(io.BytesIO(pdf)), len(document["indicators"]), document["title"]


def test_every_page_is_a4(printed: tuple[PdfReader, int, str]) -> None:
    reader, _, _ = printed
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)


def test_every_page_has_the_title_and_its_number(printed: tuple[PdfReader, int, str]) -> None:
    reader, _, title = printed
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert title in text
        assert f"Page {number} of {total}" in text


def test_about_a_page_for_every_four_indicators(printed: tuple[PdfReader, int, str]) -> None:
    reader, indicators, _ = printed
    assert len(reader.pages) <= math.ceil(indicators / 4) + SUMMARY_PAGES
