"""The HTML reports in Chromium at desktop and phone widths: axe-core finds no
accessibility violation, and the page never scrolls sideways (wide tables scroll in
their own region).

axe-core is Deque's rules engine for WCAG 2.x, the engine behind Lighthouse's and most
browser extensions' accessibility audits; the copy used is the one packaged with
``axe-playwright-python``. Playwright drives Debian's chromium (no browser is
downloaded). Outside CI, the tests skip when no browser is installed; in CI (``CI``
set) a missing browser fails, as in ``test_report_browser``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser_support import axe_run, axe_violations, launched_chromium, open_page
from corpparent.cli import cli
from reports_support import READINGS, ROOT

WIDTHS = (1280, 390)
DATA = ROOT / "examples" / "data"


def _report(where: Path, name: str, *args: str) -> Path:
    page = where / f"{name}.html"
    result = CliRunner().invoke(cli, [*args, "-f", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Wiltshire scorecard, the Staffordshire meetings report, Wiltshire's national
    benchmark and a process chart, as published."""
    where = tmp_path_factory.mktemp("pages")
    return {
        "scorecard": _report(where, "scorecard", "scorecard", str(READINGS), "-a", "wiltshire",
                             "-p", "2022-23 Q4"),
        "meetings": _report(where, "meetings", "meetings",
                            str(DATA / "staffordshire_2019-20_meetings.csv"),
                            "-a", "staffordshire", "-p", "MY 2019-20"),
        "benchmark": _report(where, "benchmark", "benchmark", "-a", "Wiltshire"),
        "chart": _report(where, "chart", "chart",
                         str(DATA / "wiltshire_health_assessments_monthly_illustrative.csv"),
                         "-a", "wiltshire", "-n", "health_assessments"),
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["scorecard", "meetings", "benchmark", "chart"])
def test_axe_finds_no_violation(browser: Any, pages: dict[str, Path], name: str,
                                width: int) -> None:
    assert axe_violations(browser, pages[name], width) == []


def test_axe_sees_a_violation_when_there_is_one(browser: Any, tmp_path: Path) -> None:
    """The control: an image without a text alternative is a violation axe reports."""
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
                    '<main><img src="data:image/png;base64,"></main></body></html>',
                    encoding="utf-8")
    tab = open_page(browser, page, 1280)
    result = axe_run(tab)
    tab.close()
    assert "image-alt" in {v["id"] for v in result["violations"]}


@pytest.mark.parametrize("name", ["scorecard", "meetings", "benchmark", "chart"])
def test_the_page_never_scrolls_sideways_on_a_phone(browser: Any, pages: dict[str, Path],
                                                    name: str) -> None:
    tab = open_page(browser, pages[name], 390)
    width, overflowing = tab.evaluate("""() => [
        document.documentElement.scrollWidth,
        [...document.querySelectorAll('body *')]
          .filter(e => !e.closest('.table-wrap'))
          .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
          .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5)]""")
    tab.close()
    assert (width, overflowing) == (390, [])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_chart_label_is_clipped(browser: Any, pages: dict[str, Path], width: int) -> None:
    """Every piece of text in every chart lies inside its chart's drawing area."""
    tab = open_page(browser, pages["scorecard"], width)
    clipped = tab.evaluate("""() => {
        const out = [];
        for (const svg of document.querySelectorAll('svg.chart')) {
          const box = svg.viewBox.baseVal;
          for (const text of svg.querySelectorAll('text')) {
            const b = text.getBBox();
            if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
                || b.y + b.height > box.y + box.height + 0.5) out.push(text.textContent);
          }
        }
        return [document.querySelectorAll('svg.chart text').length, out.slice(0, 5)];
      }""")
    tab.close()
    count, outside = clipped
    assert count > 100
    assert outside == []


def test_the_process_chart_stays_legible_on_a_phone(browser: Any,
                                                    pages: dict[str, Path]) -> None:
    """At 390 px the chart keeps at least 520 px (its labels about their drawn size) and
    scrolls in its own region, which a keyboard can reach; its values carry the unit."""
    tab = open_page(browser, pages["chart"], 390)
    width, region = tab.evaluate("""() => {
        const svg = document.querySelector('svg.chart.process');
        const wrap = svg.closest('[role=region]');
        return [svg.getBoundingClientRect().width, wrap && wrap.tabIndex];}""")
    labels = tab.evaluate(
        "() => [...document.querySelectorAll('svg.chart.process text')].map(t => t.textContent)")
    tab.close()
    assert width >= 520
    assert region == 0
    assert any(text.startswith("mean ") and text.endswith("%") for text in labels), labels


def test_the_benchmark_says_it_scrolls_and_keeps_its_measures_in_view(
        browser: Any, pages: dict[str, Path]) -> None:
    """The benchmark's table is wider than a desktop screen: the hint shows at 1280 px,
    and after scrolling sideways the measure column is still where it was."""
    tab = open_page(browser, pages["benchmark"], 1280)
    hint, before, after = tab.evaluate("""() => {
        const hint = document.querySelector('.scroll-hint');
        const wrap = document.querySelector('.table-wrap');
        const cell = wrap.querySelector('tbody td');
        const before = cell.getBoundingClientRect().left;
        wrap.scrollLeft = 400;
        return [getComputedStyle(hint).display, before, cell.getBoundingClientRect().left];
      }""")
    tab.close()
    assert hint == "block"
    assert after == before
