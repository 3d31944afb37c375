"""Which encoding a CSV file is in: UTF-8, or the Windows encoding Excel saves CSV in.

Excel on Windows saves "CSV (Comma delimited)" in the system's code page, Windows-1252
(cp1252) in England: a pound sign is the byte ``0xA3``, an en dash ``0x96``, which are
not UTF-8. Such a file is read as cp1252, and the reader says so. A file is taken to be
cp1252 only when it is not UTF-8, holds no run of bytes that is UTF-8 beyond ASCII (a
file of UTF-8 text with one damaged byte is refused as not UTF-8, never read as
something else), and every byte is one cp1252 defines. The file is read once through,
in chunks, before its rows are read.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from pathlib import Path
from typing import Final

__all__ = ["UTF_8", "WINDOWS_1252", "csv_encoding", "encoding_name", "other_encoding"]

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
    the byte at fault."""
    stat = file.stat()
    return _encoding(str(file), stat.st_ino, stat.st_mtime_ns, stat.st_size)


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
