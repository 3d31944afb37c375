"""The bounds every reader keeps: what file may be opened, how large, how deeply nested.

A reader is handed a path by a person, a script or a scheduler, and the file behind it
may be anything: a directory, a pipe that never ends (a FIFO), a device that never ends
(``/dev/zero``), or a file far larger than any table of children's services figures.
:func:`checked_file` refuses each of those with a :class:`~corpparent.errors.DataError`
before a byte is read, so no reader hangs or fills memory. :func:`check_nesting` bounds
how deeply a decoded JSON or TOML document nests, so a walk over it cannot exhaust the
interpreter's stack.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Final

from corpparent.errors import DataError

__all__ = ["MAX_FILE_BYTES", "MAX_NESTING", "check_nesting", "checked_file"]

#: The largest input file read: 256 MiB. The largest published file corpparent reads,
#: the DfE's care leavers' activity table, is 3.3 MB; the whole LAIT dataset is 1.8 MB.
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
#: How deeply objects and lists may nest in a JSON or TOML document. corpparent's own
#: documents nest at most five deep (a plug-in's tables of lists of tables).
MAX_NESTING: Final = 32


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def checked_file(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> Path:
    """``path`` as a :class:`~pathlib.Path`, once it is known to be a regular file of at
    most ``limit`` bytes; otherwise a :class:`~corpparent.errors.DataError` saying what
    it is (missing, a directory, a pipe, a device, too large)."""
    file = Path(path)
    source = str(file)
    try:
        mode = file.stat()
    except FileNotFoundError:
        raise DataError.single(source, "file not found") from None
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode.st_mode):
        raise DataError.single(source, "cannot read the file", expected="a regular file",
                               found=_what(mode.st_mode))
    if mode.st_size > limit:
        raise DataError.single(source, "the file is too large",
                               expected=f"at most {limit:,} bytes",
                               found=f"{mode.st_size:,} bytes")
    return file


def check_nesting(data: Any, source: str, *, limit: int = MAX_NESTING) -> None:
    """Raise a :class:`~corpparent.errors.DataError` if ``data`` (decoded JSON or TOML)
    nests objects and lists more than ``limit`` deep. The walk keeps its own stack, so it
    cannot itself exhaust the interpreter's."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth >= limit:
            raise DataError.single(source, "the document nests too deeply",
                                   expected=f"at most {limit} levels of objects and lists",
                                   found="more")
        stack.extend((child, depth + 1) for child in children)
