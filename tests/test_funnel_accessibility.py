"""The benchmark's funnel plots in Chromium: axe finds no violation at 1280 and 390 px,
the page never scrolls sideways on a phone, and no chart label is clipped."""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser_support import browser_path
from corpparent.cli import cli

WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def page(national_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("funnels") / "benchmark.html"
    result = CliRunner().invoke(cli, [
        "benchmark", "-a", "Wiltshire", "-m", "LAC_LongStable%", "-m", "LAC", "-m",
        "CareLeaverAcc", "--ees", str(national_data), "-f", "html", "-o", str(where)])
    assert result.exit_code == 0, result.output
    return where


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = browser_path()
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def _open(browser: Any, page: Path, width: int) -> Any:
    tab = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)
    tab.goto(page.as_uri())
    return tab


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_in_the_funnel_plots(browser: Any, page: Path,
                                                    width: int) -> None:
    axe = importlib.resources.files("axe_playwright_python").joinpath("axe.min.js")
    tab = _open(browser, page, width)
    tab.add_script_tag(content=axe.read_text(encoding="utf-8"))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    charts = tab.evaluate("() => document.querySelectorAll('svg.chart.funnel').length")
    tab.close()
    found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
             for v in result["violations"]]
    assert charts == 3
    assert found == []


def test_the_funnel_plots_never_make_the_page_scroll_sideways_on_a_phone(
        browser: Any, page: Path) -> None:
    tab = _open(browser, page, 390)
    width, overflowing = tab.evaluate("""() => [
        document.documentElement.scrollWidth,
        [...document.querySelectorAll('body *')]
          .filter(e => !e.closest('.table-wrap'))
          .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
          .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5)]""")
    tab.close()
    assert (width, overflowing) == (390, [])


def test_no_funnel_label_is_clipped(browser: Any, page: Path) -> None:
    tab = _open(browser, page, 1280)
    count, outside = tab.evaluate("""() => {
        const out = [];
        const texts = document.querySelectorAll('svg.funnel text');
        for (const svg of document.querySelectorAll('svg.funnel')) {
          const box = svg.viewBox.baseVal;
          for (const text of svg.querySelectorAll('text')) {
            const b = text.getBBox();
            if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
                || b.y + b.height > box.y + box.height + 0.5) out.push(text.textContent);
          }
        }
        return [texts.length, out.slice(0, 5)];
      }""")
    tab.close()
    assert count > 20
    assert outside == []
