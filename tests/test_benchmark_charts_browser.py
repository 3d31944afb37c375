"""The benchmark's charts over time in Chromium: axe finds no violation at 1280 and
390 px, the page never scrolls sideways on a phone, whether its charts are drawn open or
folded, and no label of a chart is clipped."""

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
#: An A4 page's text width in CSS pixels: 210 mm less the stylesheet's 24 mm of margins.
A4_TEXT = round(186 / 25.4 * 96)
#: A few measures (every chart drawn open) and more than are printed (each folded).
PAGES = {"open": ("LAC_LongStable%", "CPP_rate"),
         "folded": ("LAC_LongStable%", "CPP_rate", "LAC_Start_Rate", "LAC_Cease_Rate",
                    "LAC", "CareLeaverAcc", "16-17 NEET", "LACStable_2016on", "CINStatement",
                    "CPP_Num", "CPP_Abuse_Rate", "LACnum_Start", "LAC_SEN")}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("charts")
    made = {}
    for name, measures in PAGES.items():
        out = where / f"{name}.html"
        result = CliRunner().invoke(cli, [
            "benchmark", "-a", "Wiltshire", *(o for m in measures for o in ("-m", m)),
            "-f", "html", "-o", str(out)])
        assert result.exit_code == 0, result.output
        made[name] = out
    return made


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_in_the_charts_over_time(browser: Any, pages: dict[str, Path],
                                                        width: int) -> None:
    tab = open_page(browser, pages["open"], width)
    charts = tab.evaluate("() => document.querySelectorAll('svg.chart.series').length")
    tab.close()
    assert charts == 2
    assert axe_violations(browser, pages["open"], width) == []
    assert axe_violations(browser, pages["folded"], width) == []


@pytest.mark.parametrize("name", PAGES)
def test_the_charts_never_make_the_page_scroll_sideways_on_a_phone(
        browser: Any, pages: dict[str, Path], name: str) -> None:
    tab = open_page(browser, pages[name], 390)
    # open every folded chart, as a reader would
    opened = tab.evaluate("() => { const all = document.querySelectorAll('details.series');"
                          " all.forEach(d => d.open = true); return all.length; }")
    tab.close()
    assert opened == (0 if name == "open" else len(PAGES["folded"]))
    width, overflowing = page_width_and_overflow(browser, pages[name], 390)
    assert (width, overflowing) == (390, [])


def test_no_chart_label_is_clipped(browser: Any, pages: dict[str, Path]) -> None:
    count, outside = clipped_chart_text(browser, pages["open"], 1280, "svg.series")
    assert count > 10
    assert outside == []


def printed_charts(browser: Any, page: Path) -> list[dict[str, float]]:
    """The size of each chart over time as the A4 print stylesheet lays it out."""
    tab = browser.new_page(viewport={"width": A4_TEXT, "height": 1000})
    tab.goto(page.as_uri())
    tab.emulate_media(media="print")
    found: list[dict[str, float]] = tab.evaluate(
        "() => [...document.querySelectorAll('svg.chart.series')].map(s => {"
        " const r = s.getBoundingClientRect(); return {width: r.width, height: r.height}; })")
    tab.close()
    return found


def test_print_draws_a_few_charts_within_the_page_and_leaves_many_folded_out(
        browser: Any, pages: dict[str, Path]) -> None:
    shown = printed_charts(browser, pages["open"])
    assert len(shown) == 2
    # drawn, within the page's width and a third of its height at most
    assert all(c["height"] > 0 for c in shown)
    assert all(0 < c["width"] <= A4_TEXT for c in shown)
    assert all(c["height"] <= 90 / 25.4 * 96 for c in shown), shown
    folded = printed_charts(browser, pages["folded"])
    assert len(folded) == len(PAGES["folded"])
    assert all(c["width"] == c["height"] == 0 for c in folded)
