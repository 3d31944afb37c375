"""Finding the headless browser the HTML tests drive: Debian's chromium.

Outside CI, a test that needs it skips when none is installed; in CI (``CI`` set) a
missing browser fails, since ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil

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
