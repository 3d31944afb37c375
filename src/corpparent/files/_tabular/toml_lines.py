"""Where each key of a TOML document is written, so errors can name the line.

``tomllib`` gives values without positions. `key_lines` scans the text once and
maps each key path (``("indicators", 3, "kind")``: the ``kind`` key of the fourth
``[[indicators]]`` table) to the line it is written on, and each element of an array
written over several lines to the line it starts on; `line_of` finds the line
for a path, falling back to its nearest written ancestor (a missing key is reported at
its table's header).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["Path", "format_path", "key_lines", "line_of"]

Path = tuple[str | int, ...]

_ARRAY_HEADER = re.compile(r"\s*\[\[(?P<key>[^\[\]]+)\]\]\s*(#.*)?$")
_TABLE_HEADER = re.compile(r"\s*\[(?P<key>[^\[\]]+)\]\s*(#.*)?$")
_KEY = re.compile(r"\s*(?P<key>(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')"
                  r"(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*'))*)\s*=")


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+)", text)
    return tuple(next(p for p in groups if p) if any(groups) else "" for groups in parts)


def _resolve(parts: Sequence[str], arrays: Mapping[Path, int]) -> Path:
    path: Path = ()
    for part in parts:
        path = (*path, part)
        if path in arrays:
            path = (*path, arrays[path])
    return path


def _scan_value(text: str, depth: int, in_string: str | None) -> tuple[int, str | None, int]:
    """Bracket depth and open multi-line string after ``text``, and the number of commas
    that separate the elements of an outermost array."""
    commas = 0
    i = 0
    while i < len(text):
        if in_string is not None:
            if text.startswith(in_string, i) and (in_string == "'''" or text[i - 1 : i] != "\\"):
                i += len(in_string)
                in_string = None
                continue
            if in_string == '"' and text[i] == "\\":
                i += 2
                continue
            i += 1
            continue
        char = text[i]
        if text.startswith('"""', i) or text.startswith("'''", i):
            in_string = text[i : i + 3]
            i += 3
            continue
        if char in "\"'":
            in_string = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 1:
            commas += 1
        elif char == "#":
            break
        i += 1
    if in_string in ('"', "'"):
        in_string = None  # a one-line string cannot span lines; tomllib reports it
    return depth, in_string, commas


def key_lines(text: str) -> dict[Path, int]:
    """Each key path of the TOML ``text`` and the 1-based line it is written on."""
    lines: dict[Path, int] = {}
    arrays: dict[Path, int] = {}
    prefix: Path = ()
    depth, in_string = 0, None
    array: Path = ()  # the key of a multi-line array being read
    element = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if depth > 0 or in_string is not None:
            stripped = line.strip()
            if (depth == 1 and in_string is None and array and stripped
                    and not stripped.startswith(("#", "]"))):
                lines.setdefault((*array, element), number)
            depth, in_string, commas = _scan_value(line, depth, in_string)
            element += commas
            continue
        header = _ARRAY_HEADER.match(line)
        if header is not None:
            parts = _split_key(header["key"])
            parent = _resolve(parts[:-1], arrays)
            array = (*parent, parts[-1])
            arrays[array] = arrays.get(array, -1) + 1
            prefix = (*array, arrays[array])
            lines.setdefault(array, number)
            lines[prefix] = number
            continue
        header = _TABLE_HEADER.match(line)
        if header is not None:
            prefix = _resolve(_split_key(header["key"]), arrays)
            lines[prefix] = number
            continue
        key = _KEY.match(line)
        if key is not None:
            path = (*prefix, *_split_key(key["key"]))
            lines[path] = number
            depth, in_string, element = _scan_value(line[key.end() :], 0, None)
            array = path if line[key.end() :].lstrip().startswith("[") else ()
    return lines


def line_of(path: Sequence[str | int], lines: Mapping[Path, int]) -> int | None:
    """The line of ``path``, or of its nearest ancestor that is written in the text (the
    document itself, the empty path, included)."""
    candidate = tuple(path)
    while candidate not in lines:
        if not candidate:
            return None
        candidate = candidate[:-1]
    return lines[candidate]


def format_path(path: Sequence[str | int]) -> str:
    """A key path as a reader writes it: ``indicators[3].kind``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(document)"
