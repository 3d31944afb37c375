"""A small TOML writer for the values a plug-in file holds.

Python reads TOML (``tomllib``) but does not write it. A plug-in file needs only
strings, booleans, integers, floats, dates, arrays and inline tables of those, tables and
arrays of tables, so this writer covers exactly that. It writes floats in their
shortest form that reads back to the same number (``7`` for 7.0, ``0.1`` for 0.1), and
strings as basic strings with every character TOML does not allow raw escaped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime

__all__ = ["Inline", "Scalar", "Table", "Value", "dumps", "key", "value"]

Scalar = str | bool | int | float | date
Inline = Mapping[str, "Value"]
Value = Scalar | Sequence["Value"] | Inline
Table = Mapping[str, Value]

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_BARE_KEY = re.compile(r"[A-Za-z0-9_\-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def key(name: str) -> str:
    """A key, bare where TOML allows it and quoted otherwise."""
    return name if _BARE_KEY.fullmatch(name) else _string(name)


def value(item: Value) -> str:
    """One TOML value."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if not math.isfinite(item):
            raise ValueError(f"cannot write {item!r}: a plug-in file holds finite numbers only")
        if item.is_integer() and abs(item) < 2**53:
            return str(int(item))
        return repr(item)
    if isinstance(item, str):
        return _string(item)
    if isinstance(item, datetime):
        raise ValueError(f"cannot write {item!r}: a plug-in file holds dates, not times")
    if isinstance(item, date):
        return item.isoformat()
    if isinstance(item, Mapping):
        inner = ", ".join(f"{key(name)} = {value(element)}" for name, element in item.items())
        return "{" + inner + "}" if inner else "{}"
    return "[" + ", ".join(value(element) for element in item) + "]"


_WIDTH = 88


def _entry(name: str, item: Value) -> str:
    line = f"{key(name)} = {value(item)}"
    if (len(line) <= _WIDTH or isinstance(item, (str, bool, int, float, date, Mapping))
            or len(item) < 2):
        return line
    elements = "".join(f"    {value(element)},\n" for element in item)
    return f"{key(name)} = [\n{elements}]"


def _table_body(table: Table) -> list[str]:
    return [_entry(name, item) for name, item in table.items()]


def _header(name: str) -> str:
    return ".".join(key(part) for part in name.split("."))


def dumps(
    top: Table,
    tables: Sequence[tuple[str, Table]] = (),
    arrays: Sequence[tuple[str, Sequence[Table]]] = (),
    *,
    header: str = "",
) -> str:
    """A document: ``top`` keys, then each ``[table]``, then each ``[[array]]`` of tables.

    Table and array names may be dotted paths (``comparators.series``).
    ``header`` is written first as comment lines.
    """
    lines = [f"# {_CONTROL.sub(chr(0xFFFD), line)}".rstrip() for line in header.splitlines()]
    if lines:
        lines.append("")
    lines.extend(_table_body(top))
    for name, table in tables:
        lines.extend(["", f"[{_header(name)}]", *_table_body(table)])
    for name, items in arrays:
        for table in items:
            lines.extend(["", f"[[{_header(name)}]]", *_table_body(table)])
    return "\n".join(lines).lstrip("\n") + "\n"
