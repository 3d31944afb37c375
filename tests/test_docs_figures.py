"""Figures the docs quote are the code's: each count of a built-in plug-in's indicators
shown in a page, and the slow-plug-in threshold, are checked against what loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpparent.plugins import DEFAULT_SLOW_SECONDS, discover, load_profile

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
INSTALLED = set(discover(environ={}).ids)
#: ``│ wiltshire │ Wiltshire Council │ corpparent │ 0.1.0 │ 25 │ ✓ yes │`` in a listing.
LISTED = re.compile(r"^│ (\w+) +│.*│ (\d+) +│ ✓ yes")
#: ``authority plug-in 'wiltshire' (Wiltshire Council), 25 indicators`` from validate.
VALIDATED = re.compile(r"authority plug-in '(\w+)' \([^)]*\), (\d+) indicators")
#: ``Indicators (3)`` in the output of ``authorities show ID``.
SHOWN = re.compile(r"\$ corpparent authorities show (\w+)\n(?:.*\n)*?Indicators \((\d+)\)")


def _quoted() -> list[tuple[str, str, int]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for line in text.splitlines():
            for pattern in (LISTED, VALIDATED):
                match = pattern.search(line)
                if match and match.group(1) in INSTALLED:
                    found.append((page.name, match.group(1), int(match.group(2))))
        for match in SHOWN.finditer(text):
            found.append((page.name, match.group(1), int(match.group(2))))
    return found


QUOTED = _quoted()


def test_the_docs_quote_indicator_counts() -> None:
    assert {authority for _page, authority, _count in QUOTED} >= {"national", "wiltshire"}


@pytest.mark.parametrize(("page", "authority", "count"), QUOTED,
                         ids=[f"{p}-{a}" for p, a, _c in QUOTED])
def test_a_quoted_indicator_count_is_what_loads(page: str, authority: str, count: int) -> None:
    assert len(load_profile(authority, environ={}).indicators) == count


def test_the_slow_threshold_quoted_is_the_default() -> None:
    text = (ROOT / "docs" / "cli-authorities.md").read_text(encoding="utf-8")
    assert f"slower than {DEFAULT_SLOW_SECONDS:g} seconds" in text
