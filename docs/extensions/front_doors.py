"""The API reference's view of corpparent's front doors.

A front door names each public object once, as an explicit re-export inside its
``if TYPE_CHECKING:`` block (``from corpparent.periods import Month as Month``), and imports
it on first use (see ``corpparent._lazy``). Griffe takes an import to be private unless
``__all__`` lists it; this extension takes an explicit re-export, as type checkers do, to
be public, so a front door's page documents every name it exports.
"""

from __future__ import annotations

import ast
from typing import Any

import griffe


class ExplicitReExports(griffe.Extension):
    """``from a import x as x`` makes ``x`` a public name of the importing module."""

    def on_alias_instance(self, *, node: ast.AST | griffe.ObjectNode, alias: griffe.Alias,
                          **kwargs: Any) -> None:
        if isinstance(node, ast.ImportFrom) and any(
                name.asname == name.name == alias.name for name in node.names):
            alias.public = True
