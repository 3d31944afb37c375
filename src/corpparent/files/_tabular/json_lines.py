"""Where each key and item of a JSON document is written, so problems can name the line.

``json.loads`` gives values without positions. `key_offsets` walks the text once
with the standard library's own scanners and maps each key path (``("meetings", 2,
"date")``: the ``date`` key of the third item of the ``meetings`` list) to the offset
where it is written: the key's opening quote for a member of an object, the value's
first character for an item of a list. `key_lines` turns those offsets into
1-based lines, in the shape `toml_lines` gives for TOML, so one
locator serves both.

The text must already be valid JSON (it is parsed with ``json.loads`` first); the walk
only records where things are.
"""

from __future__ import annotations

import bisect
import json
import re

from corpparent.files._tabular.toml_lines import Path

__all__ = ["key_lines", "key_offsets"]

_SPACE = re.compile(r"[ \t\n\r]*")
# Only where a scalar ends is wanted; an integer is not converted, so one of any
# length is walked past (Python refuses to convert one of over 4,300 digits).
_SCALAR = json.JSONDecoder(parse_int=len)


def _skip(text: str, index: int) -> int:
    found = _SPACE.match(text, index)
    return found.end() if found else index


def _value(text: str, index: int, path: Path, offsets: dict[Path, int]) -> int:
    """Record the positions inside the value starting at ``index``; return its end."""
    char = text[index : index + 1]
    if char == "{":
        index = _skip(text, index + 1)
        if text[index] == "}":
            return index + 1
        while True:
            start = index
            key, index = _SCALAR.raw_decode(text, index)
            offsets[(*path, key)] = start
            index = _skip(text, index) + 1  # the colon
            index = _skip(text, _value(text, _skip(text, index), (*path, key), offsets))
            if text[index] == "}":
                return index + 1
            index = _skip(text, index + 1)  # the comma
    if char == "[":
        index = _skip(text, index + 1)
        if text[index] == "]":
            return index + 1
        number = 0
        while True:
            offsets[(*path, number)] = index
            index = _skip(text, _value(text, index, (*path, number), offsets))
            number += 1
            if text[index] == "]":
                return index + 1
            index = _skip(text, index + 1)
    _, end = _SCALAR.raw_decode(text, index)
    return end


def key_offsets(text: str) -> dict[Path, int]:
    """Each key path of the JSON ``text`` and the offset it is written at; the whole
    document is the empty path."""
    start = _skip(text, 1 if text.startswith("\ufeff") else 0)
    offsets: dict[Path, int] = {(): start}
    _value(text, start, (), offsets)
    return offsets


def key_lines(text: str) -> dict[Path, int]:
    """Each key path of the JSON ``text`` and the 1-based line it is written on."""
    breaks = [index for index, char in enumerate(text) if char == "\n"]
    return {path: bisect.bisect_left(breaks, offset) + 1
            for path, offset in key_offsets(text).items()}
