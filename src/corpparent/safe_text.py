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


def printable_tree(data: Any) -> Any:
    """``data`` (dicts, lists and scalars, as a model dumps them) with every string made
    `printable`, keeping line feeds and tabs."""
    if isinstance(data, str):
        return printable(data, lines=True)
    if isinstance(data, dict):
        return {printable_tree(key): printable_tree(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(printable_tree(item) for item in data)
    return data
