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

from browser_support import (
    axe_run,
    axe_violations,
    clipped_chart_text,
    launched_chromium,
    open_page,
    page_width_and_overflow,
)
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
    width, overflowing = page_width_and_overflow(browser, pages[name], 390)
    assert (width, overflowing) == (390, [])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_chart_label_is_clipped(browser: Any, pages: dict[str, Path], width: int) -> None:
    """Every piece of text in every chart lies inside its chart's drawing area."""
    count, outside = clipped_chart_text(browser, pages["scorecard"], width)
    assert count > 100
    assert outside == []


@pytest.mark.parametrize("name", ["scorecard", "chart"])
def test_every_chart_fits_a_phone_with_its_latest_point_in_view(
        browser: Any, pages: dict[str, Path], name: str) -> None:
    """At 390 px every chart scales to its box: its last point lies inside the viewport
    and its text stays at least 7 px high; a process chart's y-axis carries values in the
    indicator's unit."""
    tab = open_page(browser, pages[name], 390)
    charts = tab.evaluate("""() => [...document.querySelectorAll('svg.chart')].map(svg => {
        const marks = svg.querySelectorAll('.point, circle, rect.bar');
        const last = marks.length ? marks[marks.length - 1].getBoundingClientRect() : null;
        const heights = [...svg.querySelectorAll('text')]
          .map(t => t.getBoundingClientRect().height).filter(h => h > 0);
        return {kind: svg.getAttribute('class'),
                right: last ? last.right : 0,
                smallest: heights.length ? Math.min(...heights) : 99,
                ticks: [...svg.querySelectorAll('text.tick')].map(t => t.textContent)};
      })""")
    tab.close()
    assert charts
    for chart in charts:
        assert chart["right"] <= 390, chart
        assert chart["smallest"] >= 7, chart
    process = [c for c in charts if "process" in c["kind"]]
    assert bool(process) == (name == "chart")  # Wiltshire's quarters are too few for one
    assert all(c["ticks"] and all(t.endswith("%") for t in c["ticks"]) for c in process)


def test_no_chart_frame_is_drawn_without_a_value(browser: Any,
                                                 pages: dict[str, Path]) -> None:
    """An indicator with no value in any period has no trend chart and no key to one:
    seven of Wiltshire's 25 have no reading."""
    tab = open_page(browser, pages["scorecard"], 1280)
    empty = tab.evaluate("""() => [...document.querySelectorAll('svg.chart.trend')]
        .filter(svg => !svg.querySelector('polyline, circle')).length""")
    cards = tab.evaluate("""() => [...document.querySelectorAll('article.card')].map(card => [
        card.querySelector('.value').textContent,
        card.querySelectorAll('svg.chart.trend').length,
        card.querySelectorAll('p.legend').length])""")
    tab.close()
    assert empty == 0
    no_value = [c for c in cards if c[0] == "no value"]
    assert no_value
    assert all(count == 0 for _value, count, _legend in no_value)


def test_the_benchmark_fits_a_desktop_screen_without_scrolling(
        browser: Any, pages: dict[str, Path]) -> None:
    """The benchmark's tables, a compact one for each theme, fit a desktop screen: no
    hint that a table scrolls, and no table wider than the page."""
    tab = open_page(browser, pages["benchmark"], 1280)
    hints, widest, room = tab.evaluate("""() => [
        document.querySelectorAll('.scroll-hint').length,
        Math.max(...[...document.querySelectorAll('table')].map(
            t => t.getBoundingClientRect().right)),
        document.querySelector('main').getBoundingClientRect().right]""")
    tab.close()
    assert hints == 0
    assert widest <= room
