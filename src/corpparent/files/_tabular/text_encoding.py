"""Which encoding a CSV file is in: UTF-8, or the Windows encoding Excel saves CSV in.

Excel on Windows saves "CSV (Comma delimited)" in the system's code page, Windows-1252
(cp1252) in England: a pound sign is the byte ``0xA3``, an en dash ``0x96``, which are
not UTF-8. Such a file is read as cp1252, and the reader says so. A file is taken to be
cp1252 only when it is not UTF-8, holds no run of bytes that is UTF-8 beyond ASCII (a
file of UTF-8 text with one damaged byte is refused as not UTF-8, never read as
something else), and every byte is one cp1252 defines. The file is read once through,
in chunks, before its rows are read.

A file that opens with UTF-16's byte-order mark (as Excel's "Unicode Text" saves, with
its cells split by tabs, not commas) is refused, naming its encoding and how to save it
as CSV (`utf_16_problem`): read as either encoding above, its every other byte is
nothing, and its header would be reported as unknown columns.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from pathlib import Path
from typing import Final

from corpparent.errors import DataError, Problem

__all__ = ["UTF_8", "WINDOWS_1252", "csv_encoding", "encoding_name", "other_encoding",
           "utf_16_problem"]

UTF_8: Final = "utf-8"
WINDOWS_1252: Final = "cp1252"
#: The bytes cp1252 leaves undefined.
_UNDEFINED: Final = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
#: A character beyond ASCII written in UTF-8.
_UTF_8_SEQUENCE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CHUNK: Final = 1 << 20
_log = logging.getLogger(__name__)


def encoding_name(encoding: str) -> str:
    """The encoding as a person is told it: ``Windows-1252 (cp1252)``."""
    return "Windows-1252 (cp1252)" if encoding == WINDOWS_1252 else "UTF-8"


def csv_encoding(file: Path) -> str:
    """The encoding the CSV file at ``file`` is read in: `UTF_8`, or
    `WINDOWS_1252` for a file that can only be that (see the module's
    description). A file that is neither is given as UTF-8, for its reader to refuse at
    the byte at fault. A UTF-16 file is a [`DataError`][corpparent.errors.DataError] saying
    how to save it as CSV."""
    with file.open("rb") as stream:
        problem = utf_16_problem(str(file), stream.read(2), "CSV")
    if problem is not None:
        raise DataError([problem])
    stat = file.stat()
    return _encoding(str(file), stat.st_ino, stat.st_mtime_ns, stat.st_size)


#: UTF-16's byte-order marks, and the byte order each says.
_UTF_16_MARKS: Final = {codecs.BOM_UTF16_LE: "little-endian", codecs.BOM_UTF16_BE: "big-endian"}


def utf_16_problem(source: str, start: bytes, kind: str) -> Problem | None:
    """The problem of a ``kind`` file (``CSV``) whose first bytes, ``start``, are
    UTF-16's byte-order mark: which UTF-16 it is, and how to save it as UTF-8;
    ``None`` for any other file."""
    order = _UTF_16_MARKS.get(start[:2])
    if order is None:
        return None
    how = ('in Excel, "Save as" "CSV UTF-8 (Comma delimited)", not "Unicode Text"'
           if kind == "CSV" else "save it as UTF-8, with the declaration encoding=\"UTF-8\"")
    return Problem(source, f"the file is UTF-16 text ({order}, by its byte-order mark)",
                   line=1, expected=f"a {kind} file in UTF-8", fix=how)


def other_encoding(file: Path) -> str | None:
    """The encoding of the CSV file at ``file`` where it is not UTF-8, else ``None``."""
    found = csv_encoding(file)
    return None if found == UTF_8 else found


@functools.lru_cache(maxsize=16)
def _encoding(source: str, _inode: int, _modified: int, _size: int) -> str:
    decoder = codecs.getincrementaldecoder(UTF_8)()
    windows = True
    carried = b""
    is_utf_8 = True
    with open(source, "rb") as stream:
        for chunk in iter(lambda: stream.read(_CHUNK), b""):
            if is_utf_8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    is_utf_8 = False
            joined = carried + chunk
            # An ASCII chunk holds no byte cp1252 leaves undefined and ends no sequence.
            if windows and not chunk.isascii() and (
                    _UNDEFINED.search(chunk) or _UTF_8_SEQUENCE.search(joined)):
                windows = False
            carried = chunk[-3:]
            if not is_utf_8 and not windows:
                break
    if is_utf_8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            is_utf_8 = False
    if is_utf_8 or not windows:
        return UTF_8
    _log.warning("%s: not UTF-8; read as Windows-1252 (cp1252), the encoding Excel saves "
                 "CSV files in on Windows", source)
    return WINDOWS_1252
