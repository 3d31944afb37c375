"""Front doors whose names are written once and imported on first use (PEP 562).

A package's ``__init__`` names each public object it re-exports once, as an explicit
re-export (``from corpparent.periods import Month as Month``) inside an
``if TYPE_CHECKING:`` block. Type checkers and the API reference read that block as it
stands; at run time nothing in it is imported. `front_door` gives the package its
``__getattr__`` and ``__dir__``: the first lookup of a name reads the block from the
package's source (once), imports the one module that defines the name, and keeps the
object in the package's namespace, so ``import corpparent`` loads no module it does not
need and a tool that uses only periods pays only for periods.

A table beside the block would list every name a second time, and the two could
disagree; reading the block itself keeps one list. Names that left a front door in 0.3
are given as ``deprecated``, by their new public place: they keep working through 0.3,
each use warning with the import that replaces it.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import Any

__all__ = ["deprecated_names", "exported_names", "front_door"]

#: Each front door's names, to the module defining each, read on first use.
_EXPORTED: dict[str, dict[str, str]] = {}
#: Each front door's deprecated names, to their new public place, for the changelog.
_DEPRECATED: dict[str, dict[str, str]] = {}


def _type_checking_block(package: str) -> dict[str, str]:
    """Each name the package's ``if TYPE_CHECKING:`` block re-exports, and the module
    it is imported from, in the order written."""
    import ast  # only on the first lookup of a name, never by ``import corpparent``

    spec = sys.modules[package].__spec__
    loader = None if spec is None else spec.loader
    get_source = getattr(loader, "get_source", None)
    source = None if get_source is None else get_source(package)
    if source is None:
        raise ImportError(f"{package}: its public names are read from its source, which "
                          "this installation does not have", name=package)
    names: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    names.update((alias.asname or alias.name, statement.module)
                                 for alias in statement.names)
    return names


def _exported(package: str) -> dict[str, str]:
    table = _EXPORTED.get(package)
    if table is None:
        table = _EXPORTED[package] = _type_checking_block(package)
    return table


def exported_names(package: str) -> dict[str, str]:
    """Each name the front door of ``package`` re-exports, to the module defining it."""
    return dict(_exported(package))


def deprecated_names(package: str) -> dict[str, str]:
    """Each name that left the front door of ``package`` in 0.3, to its new public place."""
    return dict(_DEPRECATED.get(package, {}))


def front_door(
    package: str, namespace: MutableMapping[str, Any],
    deprecated: Mapping[str, Iterable[str]] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a front door:
    ``__getattr__, __dir__ = front_door(__name__, globals())``.

    ``deprecated`` maps each new public place to the names that moved there from this
    package; looking one up here warns, naming the new import, and gives the object."""
    moved = {name: place for place, names in (deprecated or {}).items() for name in names}
    _DEPRECATED[package] = moved

    def attribute(name: str) -> Any:
        module = _exported(package).get(name)
        if module is not None:
            value = getattr(importlib.import_module(module), name)
            namespace[name] = value
            return value
        if name == "__all__":
            return sorted(_exported(package))
        place = moved.get(name)
        if place is not None:
            warnings.warn(f"{package}.{name} is deprecated: use 'from {place} import {name}' "
                          "(the old name goes in corpparent 0.4)",
                          DeprecationWarning, stacklevel=2)
            return getattr(importlib.import_module(place), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def names() -> list[str]:
        return sorted({*namespace, *_exported(package)})

    return attribute, names
