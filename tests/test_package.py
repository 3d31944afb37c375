"""The package's front door: a sorted public API, typed, and a light import."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import corpparent
import corpparent.files
import corpparent.indicators

FRONT_DOORS = [corpparent, corpparent.files, corpparent.indicators]
SOURCE = Path(corpparent.__file__).parent
MODULES = sorted(
    ".".join(("corpparent", *path.relative_to(SOURCE).with_suffix("").parts))
    .removesuffix(".__init__")
    for path in SOURCE.rglob("*.py") if path.name != "__main__.py"
)


def test_public_api_is_sorted_and_complete() -> None:
    names = [n for n in corpparent.__all__ if n != "__version__"]
    assert names == sorted(names)
    assert all(hasattr(corpparent, name) for name in corpparent.__all__)


def test_package_is_typed() -> None:
    assert (Path(corpparent.__file__).parent / "py.typed").is_file()


def test_import_loads_neither_pint_nor_pydantic_nor_hypothesis() -> None:
    """pint is loaded on first use of a unit, pydantic on first use of a file reader,
    hypothesis only by corpparent.testing."""
    code = ("import sys, corpparent, corpparent.files; "
            "print(*(m in sys.modules for m in ('pint', 'pydantic', 'hypothesis')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False", "False"]


@pytest.mark.parametrize("module", [m for m in MODULES if m.count(".") == 1])
def test_each_top_level_module_imports_first(module: str) -> None:
    """Any module may be the first a program imports: none depends on another having
    been imported before it."""
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


def _type_checking_imports(package: ModuleType) -> dict[str, str]:
    """The names the package's ``if TYPE_CHECKING:`` block imports, and from where."""
    tree = ast.parse(Path(str(package.__file__)).read_text(encoding="utf-8"))
    [block] = [node for node in tree.body if isinstance(node, ast.If)]
    return {alias.name: str(node.module) for node in block.body
            if isinstance(node, ast.ImportFrom) for alias in node.names}


@pytest.mark.parametrize("package", FRONT_DOORS, ids=lambda p: p.__name__)
def test_lazy_names_are_the_names_type_checkers_see(package: ModuleType) -> None:
    assert _type_checking_imports(package) == package._EXPORTS


@pytest.mark.parametrize("package", FRONT_DOORS, ids=lambda p: p.__name__)
def test_every_lazy_name_is_the_object_its_module_defines(package: ModuleType) -> None:
    for name, module in package._EXPORTS.items():
        assert getattr(package, name) is getattr(importlib.import_module(module), name)
    assert set(package._EXPORTS) <= set(dir(package))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = package.nothing_here


def test_every_error_is_a_corpparent_error_and_a_builtin() -> None:
    assert issubclass(corpparent.DataError, ValueError)
    assert issubclass(corpparent.UnknownIndicatorError, LookupError)
    assert issubclass(corpparent.PluginError, RuntimeError)
    for name in ("DataError", "DefinitionError", "PeriodError", "PluginError", "UnitError",
                 "UnknownIndicatorError"):
        assert issubclass(getattr(corpparent, name), corpparent.CorpparentError)
