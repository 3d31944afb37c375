"""Text from data made safe to show: control characters written out, never sent raw.

A cell of a file, a name in a plug-in or a key of a document can hold control
characters. Sent raw to a terminal, ``ESC ] 0 ; ... BEL`` retitles the window and other
escape sequences move the cursor, rewrite what was printed or worse; in a report they
hide or forge text. `printable` writes each such character as its escape
(``\\x1b``), so it is seen, not obeyed. Every place text reaches a terminal, standard
error or a report passes through it: errors ([`Problem`][corpparent.errors.Problem]), the
command line's messages, and the reports it writes.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["BIDI_CONTROLS", "printable", "printable_tree"]

#: The bidirectional controls: embeddings, overrides, isolates and the direction marks,
#: which reorder what a reader sees without being seen themselves.
BIDI_CONTROLS = frozenset(chr(code) for code in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                                  *range(0x2066, 0x206A)))
_BIDI = "".join(sorted(BIDI_CONTROLS))

# C0 controls (but tab and line feed, kept where asked), DEL, C1 controls, and the
# Unicode line and paragraph separators and bidirectional controls, which reorder or
# break what a reader sees.
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")
_CONTROL_OR_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character written as its escape (``\\x1b``); with
    ``lines``, line feeds and tabs are kept (a report's own layout), else they are
    escaped too (a message of one line)."""
    pattern = _CONTROL if lines else _CONTROL_OR_LINE
    return pattern.sub(_escape, text)


#: The types a tree's leaves hold that are never text: passed through as they are.
_NOT_TEXT = frozenset({int, float, bool, type(None)})


def printable_tree(data: Any) -> Any:
    """``data`` (dicts, lists and scalars, as a model dumps them) with every string made
    `printable`, keeping line feeds and tabs.

    A report's tree holds many values (a national benchmark's, some 130,000) but few
    distinct texts: each distinct text is made printable once, and a number is passed
    on without a look at it."""
    done: dict[str, str] = {}

    def text(value: str) -> str:
        found = done.get(value)
        if found is None:
            found = done[value] = printable(value, lines=True)
        return found

    def walk(value: Any) -> Any:
        kind = type(value)
        if kind in _NOT_TEXT:
            return value
        if kind is str:
            return text(value)
        if kind is dict:
            return {text(k) if type(k) is str else walk(k):
                    v if type(v) in _NOT_TEXT else walk(v) for k, v in value.items()}
        if kind is list:
            return [v if type(v) in _NOT_TEXT else walk(v) for v in value]
        # Anything else (a tuple, a subclass of str or dict) as the plain rule has it.
        if isinstance(value, str):
            return printable(value, lines=True)
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(walk(item) for item in value)
        return value

    return walk(data)
