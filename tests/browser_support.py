"""Finding the headless browser the HTML tests drive: Debian's chromium.

Outside CI, a test that needs it skips when none is installed; in CI (``CI`` set) a
missing browser fails, since ``.ci/run`` installs it. The accessibility tests of the
reports and of the documentation site open pages and run axe-core on them with
``open_page`` and ``axe_violations``.
"""

from __future__ import annotations

import importlib.resources
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def browser_path() -> str:
    """The path of an installed Chromium, or a skip (a failure under CI)."""
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no chromium is installed (apt-get install -y chromium)")
        pytest.skip("no headless browser installed (apt-get install -y chromium); CI not set")
    return found


def launched_chromium() -> Iterator[Any]:
    """A headless Chromium for the length of a fixture (``yield from`` it)."""
    executable = browser_path()
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def open_page(browser: Any, page: Path, width: int) -> Any:
    """A tab showing ``page`` in a window ``width`` pixels wide."""
    tab = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)
    tab.goto(page.as_uri())
    return tab


def axe_run(tab: Any) -> Any:
    """axe-core's results for the page in ``tab`` (the copy packaged with
    ``axe-playwright-python``): its ``violations`` and ``passes``."""
    axe = importlib.resources.files("axe_playwright_python").joinpath("axe.min.js")
    tab.add_script_tag(content=axe.read_text(encoding="utf-8"))
    return tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")


def axe_violations(browser: Any, page: Path, width: int) -> list[tuple[str, str, list[Any]]]:
    """Each rule axe-core finds ``page`` breaking at ``width`` pixels: its id, what it asks
    and where (the first three places)."""
    tab = open_page(browser, page, width)
    result = axe_run(tab)
    tab.close()
    assert result["passes"], "axe ran no rule: the check itself is broken"
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]]


def page_width_and_overflow(browser: Any, page: Path, width: int) -> tuple[int, list[str]]:
    """How wide ``page`` is at ``width`` pixels, and the first elements (outside a
    region that scrolls on its own) reaching past the window's right edge."""
    tab = open_page(browser, page, width)
    found = tab.evaluate("""() => [
        document.documentElement.scrollWidth,
        [...document.querySelectorAll('body *')]
          .filter(e => !e.closest('.table-wrap'))
          .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
          .map(e => e.tagName + '.' + (e.getAttribute('class') || '')).slice(0, 5)]""")
    tab.close()
    return found[0], found[1]


def clipped_chart_text(browser: Any, page: Path, width: int,
                       charts: str = "svg.chart") -> tuple[int, list[str]]:
    """How many pieces of text the page's ``charts`` hold, and the first that reach
    outside their chart's drawing area."""
    tab = open_page(browser, page, width)
    found = tab.evaluate("""(selector) => {
        const out = [];
        const texts = document.querySelectorAll(selector + ' text');
        for (const svg of document.querySelectorAll(selector)) {
          const box = svg.viewBox.baseVal;
          for (const text of svg.querySelectorAll('text')) {
            const b = text.getBBox();
            if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5
                || b.y + b.height > box.y + box.height + 0.5) out.push(text.textContent);
          }
        }
        return [texts.length, out.slice(0, 5)];
      }""", charts)
    tab.close()
    return found[0], found[1]
