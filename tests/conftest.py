"""Test settings shared by the whole suite.

Hypothesis's per-example deadline measures the machine as much as the code: on a busy
two-core CI runner a slow example would fail a correct property. Speed is measured in
``benchmarks/`` instead, so the suite runs without deadlines. ``HYPOTHESIS_PROFILE=thorough``
runs ten times as many examples per property.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from docs_support import site  # noqa: F401  (the documentation site, built once a run)
from national_data import NATIONAL_DATA

settings.register_profile("default", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# corpparent keeps its working files (the disclosure record of public papers) in the
# user's data folder: the suite, and every command it runs, keeps them in a folder of
# its own instead, never in the home of whoever runs it.
# A test gets a folder of its own, so no test's papers are protected against another's.
os.environ["CORPPARENT_DATA_DIR"] = tempfile.mkdtemp(prefix="corpparent-test-data-")


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPPARENT_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))

def _require_national_data() -> Path:
    """The published files' folder; skip where it is absent, but fail under CI."""
    if NATIONAL_DATA.is_dir():
        return NATIONAL_DATA
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but the DfE's published files are not at {NATIONAL_DATA}")
    pytest.skip(f"the DfE's published files are not at {NATIONAL_DATA}; CI not set")


@pytest.fixture(scope="session")
def national_data() -> Path:
    """The folder of the DfE's and Ofsted's published files."""
    return _require_national_data()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "national_data: the test reads the DfE's published files in ../shared/data")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``national_data`` is treated as one asking for the fixture."""
    if item.get_closest_marker("national_data") is not None:
        _require_national_data()
