"""Re-exports imported on first use (PEP 562), for the package front doors.

A package's ``__init__`` names each public object and the module that defines it; the
module is imported only when the name is first looked up, and the object is then kept
in the package's namespace. Type checkers see the same names through an
``if TYPE_CHECKING:`` block of ordinary imports beside the table, and a test checks that
the two agree.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose re-exports are lazy:
    ``__getattr__, __dir__ = lazy_exports(__name__, EXPORTS, globals())``."""

    def attribute(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def names() -> list[str]:
        return sorted({*namespace, *exports})

    return attribute, names
