"""The package's front door: a sorted public API, typed, and a light import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import corpparent


def test_public_api_is_sorted_and_complete() -> None:
    names = [n for n in corpparent.__all__ if n != "__version__"]
    assert names == sorted(names)
    assert all(hasattr(corpparent, name) for name in corpparent.__all__)


def test_package_is_typed() -> None:
    assert (Path(corpparent.__file__).parent / "py.typed").is_file()


def test_import_loads_neither_pint_nor_hypothesis() -> None:
    """pint is loaded on first use of a unit; hypothesis only by corpparent.testing."""
    code = "import sys, corpparent; print('pint' in sys.modules, 'hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_every_error_is_a_corpparent_error_and_a_builtin() -> None:
    assert issubclass(corpparent.DataError, ValueError)
    assert issubclass(corpparent.UnknownIndicatorError, LookupError)
    assert issubclass(corpparent.PluginError, RuntimeError)
    for name in ("DataError", "DefinitionError", "PeriodError", "PluginError", "UnitError",
                 "UnknownIndicatorError"):
        assert issubclass(getattr(corpparent, name), corpparent.CorpparentError)
