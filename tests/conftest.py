"""Test settings shared by the whole suite.

Hypothesis's per-example deadline measures the machine as much as the code: on a busy
two-core CI runner a slow example would fail a correct property. Speed is measured in
``benchmarks/`` instead, so the suite runs without deadlines. ``HYPOTHESIS_PROFILE=thorough``
runs ten times as many examples per property.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: The DfE's and Ofsted's published files, which the project keeps beside the repository
#: (``../shared/data/dfe``; see its README) rather than in it.
NATIONAL_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "national_data: the test reads the DfE's published files in ../shared/data")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip a test that reads the published files where they are not beside the
    repository (a clone on its own), but fail it under CI, where they must be."""
    if item.get_closest_marker("national_data") is None or NATIONAL_DATA.is_dir():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but the DfE's published files are not at {NATIONAL_DATA}")
    pytest.skip(f"the DfE's published files are not at {NATIONAL_DATA}; CI not set")
