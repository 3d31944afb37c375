"""The documentation site, built once for the whole run (``mkdocs build --strict``, into a
temporary folder): the tests of its API reference, its accessibility and its entries all
read the same build. ``conftest.py`` makes the ``site`` fixture visible to every test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site's folder; a warning in the build fails the test asking for it."""
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    if mkdocs is None:
        pytest.fail("mkdocs is not installed: pip install -e '.[docs]'")
    target = tmp_path_factory.mktemp("site")
    built = subprocess.run([mkdocs, "build", "--strict", "--quiet", "--site-dir", str(target)],
                           cwd=ROOT, capture_output=True, text=True, check=False,
                           env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(mkdocs).parent)})
    assert built.returncode == 0, built.stdout + built.stderr
    return target
