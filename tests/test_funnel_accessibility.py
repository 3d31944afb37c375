"""The benchmark's funnel plots in Chromium: axe finds no violation at 1280 and 390 px,
the page never scrolls sideways on a phone, and no chart label is clipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser_support import (
    axe_violations,
    clipped_chart_text,
    launched_chromium,
    open_page,
    page_width_and_overflow,
)
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
    yield from launched_chromium()


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_in_the_funnel_plots(browser: Any, page: Path,
                                                    width: int) -> None:
    tab = open_page(browser, page, width)
    charts = tab.evaluate("() => document.querySelectorAll('svg.chart.funnel').length")
    tab.close()
    assert charts == 3
    assert axe_violations(browser, page, width) == []


def test_the_funnel_plots_never_make_the_page_scroll_sideways_on_a_phone(
        browser: Any, page: Path) -> None:
    width, overflowing = page_width_and_overflow(browser, page, 390)
    assert (width, overflowing) == (390, [])


def test_no_funnel_label_is_clipped(browser: Any, page: Path) -> None:
    count, outside = clipped_chart_text(browser, page, 1280, "svg.funnel")
    assert count > 20
    assert outside == []
