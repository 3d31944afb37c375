"""0.2's module paths that moved in 0.3, kept importable with a ``DeprecationWarning``.

Council tools written against 0.2 import modules by their old paths
(``corpparent.files.readings``, ``corpparent.commands.scorecard``). Each path that moved is
one entry of :data:`MOVED`, from the old dotted path to the new one. Importing an old path
warns, naming the new one, and gives a module whose attributes are the new module's, so
``from corpparent.files.readings import read_readings`` keeps working through 0.3.

The table is the one record of what moved: the changelog's migration table is checked
against it, and a test imports every old path.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["MOVED", "install"]

#: Every module path of 0.2 that moved in 0.3, to where it is now.
MOVED: dict[str, str] = {}


class _Alias(ModuleType):
    """A stand-in for a moved module: every attribute is looked up on the new module."""

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, f"Moved to {target}; import that instead.")
        self.__dict__["_target"] = target

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self.__dict__["_target"]), attribute)

    def __dir__(self) -> list[str]:
        return dir(importlib.import_module(self.__dict__["_target"]))


class _MovedLoader:
    # Neither this nor the finder subclasses importlib.abc's classes: importing
    # importlib.abc would cost `import corpparent` more than all the rest of it.
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        warnings.warn(f"{spec.name} moved to {self.target} in corpparent 0.3; import "
                      f"{self.target} instead (the old path goes in 0.4)",
                      DeprecationWarning, stacklevel=2)
        importlib.import_module(self.target)  # a broken target fails here, named
        return _Alias(spec.name, self.target)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the alias looks everything up on the new module."""


class _MovedFinder:
    """Finds the old paths of :data:`MOVED`, and nothing else."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        if new is None:
            return None
        package = any(old.startswith(fullname + ".") for old in MOVED)
        loader = cast("Loader", _MovedLoader(new))  # a loader by the methods it has
        return importlib.machinery.ModuleSpec(fullname, loader, is_package=package)


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once), so an old path that still has a
    file is served by the alias and warned of too."""
    if not any(isinstance(finder, _MovedFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _MovedFinder())
