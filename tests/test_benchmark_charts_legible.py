"""The benchmark's charts in Chromium as a reader meets them: a region's table of
figures fits the page at 1280 px, every chart's words (the charts over time and the
funnel plots) stay at least 9 px high on a 390 px phone, and axe finds no violation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser_support import axe_violations, launched_chromium, open_page
from corpparent.cli import cli
from national_data import NATIONAL_DATA

#: The smallest height, in CSS pixels, of a chart's text on a phone.
SMALLEST = 9.0


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("legible")
    made = {}
    for name, args in {
        "region": ("--region", "South West", "-m", "LAC_LongStable%"),
        "funnels": ("--neighbours-of", "Wiltshire", "-m", "LAC_LongStable%",
                    "--ees", str(NATIONAL_DATA)),
    }.items():
        out = where / f"{name}.html"
        result = CliRunner().invoke(cli, ["benchmark", *args, "-f", "html", "-o", str(out)])
        assert result.exit_code == 0, result.output
        made[name] = out
    return made


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


def text_sizes(browser: Any, page: Path, width: int) -> list[tuple[str, float]]:
    """Each full chart's class and the size its smallest text is drawn at, in CSS
    pixels: the font size in the drawing's units scaled as the page sets it."""
    tab = open_page(browser, page, width)
    found: list[tuple[str, float]] = tab.evaluate("""() =>
        [...document.querySelectorAll('svg.chart:not(.compact)')].map(svg => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map(
            t => parseFloat(getComputedStyle(t).fontSize) * scale);
          return [svg.getAttribute('class'), Math.min(...sizes)];
        })""")
    tab.close()
    return found


@pytest.mark.parametrize("name", ["region", "funnels"])
def test_every_charts_words_are_readable_on_a_phone(browser: Any, pages: dict[str, Path],
                                                    name: str) -> None:
    sizes = text_sizes(browser, pages[name], 390)
    kinds = {kind for kind, _ in sizes}
    assert "chart series" in kinds
    assert name != "funnels" or "chart funnel" in kinds
    assert all(size >= SMALLEST for _, size in sizes), sizes


def test_the_regions_figures_fit_the_page_at_1280(browser: Any,
                                                  pages: dict[str, Path]) -> None:
    tab = open_page(browser, pages["region"], 1280)
    found = tab.evaluate("""() => [document.documentElement.scrollWidth,
        [...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right)
          .filter(r => r > innerWidth + 0.5).length]""")
    tab.close()
    assert found == [1280, 0]


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violation(browser: Any, pages: dict[str, Path], width: int) -> None:
    for page in pages.values():
        assert axe_violations(browser, page, width) == []
