"""Every benchmark script still imports what it measures.

The scripts are run by hand (``make bench``) and timed there; here each is loaded
without running its ``main``, in a fresh interpreter as ``make bench`` runs it, so a
name that moved or a broken import fails ``make test``. No speed is asserted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parent.parent / "benchmarks").glob("*.py"))


def test_there_are_benchmarks_to_check() -> None:
    assert len(BENCHMARKS) >= 6


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_each_benchmark_loads_and_has_a_main(script: Path) -> None:
    # As when run as a script, its folder comes first on the path (dfe.py imports the
    # timing helper of scorecard.py beside it).
    code = (f"import runpy, sys; sys.path.insert(0, {str(script.parent)!r}); "
            f"found = runpy.run_path({str(script)!r}, run_name='benchmark'); "
            "sys.exit(0 if callable(found.get('main')) else 3)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
