"""Test settings shared by the whole suite.

Hypothesis's per-example deadline measures the machine as much as the code: on a busy
two-core CI runner a slow example would fail a correct property. Speed is measured in
``benchmarks/`` instead, so the suite runs without deadlines. ``HYPOTHESIS_PROFILE=thorough``
runs ten times as many examples per property.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
