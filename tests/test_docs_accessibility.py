"""The documentation site in Chromium at desktop and phone widths: axe-core finds no
accessibility violation on the home page, a guide with code, tables and links in its
text, a command's page, and API reference pages (one with a table, one with many
cross-references).

The theme's own colours and the elements its script adds are repaired by
``docs/css/accessibility.css`` and ``docs/js/accessibility.js``; these pages carry every
kind of element those repair. Browser and axe-core as in ``test_report_accessibility``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import axe_violations, launched_chromium, open_page

WIDTHS = (1280, 390)
PAGES = {"home": "", "guide": "reports", "command": "cli-scorecard",
         "reference-table": "reference/corpparent.ranges",
         "reference-links": "reference/corpparent.errors"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violation(browser: Any, site: Path, name: str, width: int) -> None:
    assert axe_violations(browser, site / PAGES[name] / "index.html", width) == []


def test_the_pages_have_what_the_repairs_are_for(browser: Any, site: Path) -> None:
    """The pages tested hold code blocks with a copy button, a table that scrolls on a
    phone and links in running text, and the repairs are applied to them."""
    tab = open_page(browser, site / "reports" / "index.html", 390)
    navs, roles, wraps, focusable, underlined = tab.evaluate("""() => [
        document.querySelectorAll('nav.md-code__nav').length,
        [...document.querySelectorAll('nav.md-code__nav')].filter(
            n => n.getAttribute('role') === 'none').length,
        document.querySelectorAll('.md-typeset__scrollwrap').length,
        [...document.querySelectorAll('.md-typeset__scrollwrap')].filter(
            w => w.tabIndex === 0).length,
        getComputedStyle(document.querySelector('.md-typeset p a')).textDecorationLine]""")
    tab.close()
    assert navs > 1
    assert roles == navs
    assert wraps > 0
    assert focusable == wraps
    assert underlined == "underline"
