"""A small TOML writer for the values a plug-in file holds.

Python reads TOML (``tomllib``) but does not write it. A plug-in file needs only
strings, booleans, integers, floats, dates, arrays and inline tables of those, tables and
arrays of tables, so this writer covers exactly that. It writes floats in their
shortest form that reads back to the same number (``7`` for 7.0, ``0.1`` for 0.1), and
strings as basic strings with every character TOML does not allow raw escaped. A value a
plug-in file cannot hold (a number that is not finite, a date with a time) is a
[`DefinitionError`][corpparent.errors.DefinitionError] naming its key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from corpparent.errors import DefinitionError

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


def value(item: Value, *, at: str = "") -> str:
    """One TOML value; ``at`` is its key path (``meetings[2].held``), which names it
    where it cannot be written."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if not math.isfinite(item):
            raise _unwritable(at, "a finite number", repr(item))
        if item.is_integer() and abs(item) < 2**53:
            return str(int(item))
        return repr(item)
    if isinstance(item, str):
        return _string(item)
    if isinstance(item, datetime):
        raise _unwritable(at, "a date without a time", item.isoformat())
    if isinstance(item, date):
        return item.isoformat()
    if isinstance(item, Mapping):
        inner = ", ".join(f"{key(name)} = {value(element, at=_under(at, name))}"
                          for name, element in item.items())
        return "{" + inner + "}" if inner else "{}"
    return "[" + ", ".join(value(element, at=f"{at}[{index}]")
                           for index, element in enumerate(item)) + "]"


def _under(at: str, name: str) -> str:
    """The key path of ``name`` in the table at ``at``."""
    return f"{at}.{key(name)}" if at else key(name)


def _unwritable(at: str, expected: str, found: str) -> DefinitionError:
    """The error of a value a plug-in file cannot hold."""
    where = f"key {at!r}" if at else "a value"
    return DefinitionError(f"cannot write {where} to a plug-in file: expected {expected}, "
                           f"found {found}")


_WIDTH = 88


def _entry(name: str, item: Value, at: str) -> str:
    path = _under(at, name)
    line = f"{key(name)} = {value(item, at=path)}"
    if (len(line) <= _WIDTH or isinstance(item, (str, bool, int, float, date, Mapping))
            or len(item) < 2):
        return line
    elements = "".join(f"    {value(element, at=f'{path}[{index}]')},\n"
                       for index, element in enumerate(item))
    return f"{key(name)} = [\n{elements}]"


def _table_body(table: Table, at: str = "") -> list[str]:
    """The lines of ``table``, whose key path is ``at``."""
    return [_entry(name, item, at) for name, item in table.items()]


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
        lines.extend(["", f"[{_header(name)}]", *_table_body(table, _header(name))])
    for name, items in arrays:
        for index, table in enumerate(items):
            lines.extend(["", f"[[{_header(name)}]]",
                          *_table_body(table, f"{_header(name)}[{index}]")])
    return "\n".join(lines).lstrip("\n") + "\n"
