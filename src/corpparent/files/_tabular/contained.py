"""Reading a workbook that cannot be checked first in a child process of bounded memory
and time.

An Excel 97-2003 ``.xls`` file is a compound file of BIFF records, not a zip of XML:
what it declares (a ``DIMENSIONS`` record of four billion rows, a chain of sectors that
loops) is only known once its container is undone, which is most of reading it. A 12 KB
``.xls`` file made calamine grow to 23 GB, and a huge ``DIMENSIONS`` record makes it
abort the process. So such a workbook (and any workbook that is not a zip) is read by
calamine in a child Python process whose address space is bounded by the
``expanded_bytes`` read limit plus :data:`BASE_BYTES`, and whose processor time is
bounded by :data:`CPU_SECONDS`; an abort, a blow-up or a stall there becomes one
:class:`~corpparent.errors.DataError` ("cannot read the workbook within ...") and
this process goes on. The child hands back the sheets' cells as data (JSON, so nothing
it writes is run here), and starting it costs about a twentieth of a second.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from corpparent.errors import DataError
from corpparent.files._tabular.limits import LIMIT_ENV_PREFIX, current_limits

__all__ = ["BASE_BYTES", "CPU_SECONDS", "contained_sheets"]

#: Memory the child needs beside the workbook's cells: the interpreter and calamine.
BASE_BYTES: Final = 256 * 1024 * 1024
#: Processor time the child may use; an ``.xls`` file of a million cells is read in two.
CPU_SECONDS: Final = 60
_FAILED: Final = 3

# The child writes its sheets as JSON, never pickle: what a reader of untrusted files
# hands back is itself only data to this process. Dates and times, which JSON lacks, are
# written as {"t": kind, "v": value}.
_CHILD: Final = """
import datetime, json, resource, sys
def bound(kind, value):
    soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard))
bound(resource.RLIMIT_AS, int(sys.argv[2]))
bound(resource.RLIMIT_CPU, int(sys.argv[3]))
bound(resource.RLIMIT_CORE, 0)
def tagged(value):
    if isinstance(value, datetime.timedelta):
        return {"t": "timedelta", "v": value.total_seconds()}
    for kind in (datetime.datetime, datetime.date, datetime.time):
        if isinstance(value, kind):
            return {"t": kind.__name__, "v": value.isoformat()}
    return str(value)
try:
    from python_calamine import CalamineWorkbook
    sheets = []
    with CalamineWorkbook.from_path(sys.argv[1]) as book:
        for name in book.sheet_names:
            sheets.append([name, book.get_sheet_by_name(name).to_python(skip_empty_area=False)])
    data = json.dumps(sheets, default=tagged)
except MemoryError:
    sys.exit(4)
except BaseException as exc:
    sys.stdout.write(json.dumps(str(exc)[:500]))
    sys.exit(3)
sys.stdout.write(data)
"""
_TAGGED: Final[dict[str, Callable[[Any], object]]] = {
    "datetime": dt.datetime.fromisoformat, "date": dt.date.fromisoformat,
    "time": dt.time.fromisoformat,
    "timedelta": lambda seconds: dt.timedelta(seconds=float(seconds)),
}


def _untagged(found: dict[str, Any]) -> object:
    """A date or time the child wrote as ``{"t": kind, "v": value}``."""
    return _TAGGED[found["t"]](found["v"])


Sheets = list[tuple[str, list[list[object]]]]


def contained_sheets(file: Path) -> Sheets:
    """Every sheet of the workbook at ``file`` (its name and its rows of cell values,
    from A1), read by calamine in a bounded child process."""
    stat = file.stat()
    return _read(str(file), stat.st_ino, stat.st_mtime_ns, stat.st_size,
                 current_limits().expanded_bytes)


@functools.lru_cache(maxsize=1)
def _read(source: str, _inode: int, _modified: int, _size: int, expanded: int) -> Sheets:
    """The sheets, read once per version of the file (a kind is told from a workbook's
    headings, then its table is read: one child serves both)."""
    memory = expanded + BASE_BYTES
    within = (f"within {memory // (1024 * 1024):,} MB of memory and {CPU_SECONDS} s "
              f"(the memory follows the read limit expanded_bytes; raise it with "
              f"{LIMIT_ENV_PREFIX}EXPANDED_BYTES)")
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _CHILD, source, str(memory), str(CPU_SECONDS)],
            capture_output=True, timeout=CPU_SECONDS * 2, check=False)
    except subprocess.TimeoutExpired:
        raise DataError.single(source, f"cannot read the workbook {within}") from None
    except OSError as exc:
        raise DataError.single(source, "cannot read the workbook: the reader could not be "
                               f"started ({exc.strerror or exc})") from None
    if done.returncode == _FAILED:
        raise DataError.single(source, f"cannot read the workbook: {_message(done.stdout)}")
    if done.returncode != 0:
        raise DataError.single(source, f"cannot read the workbook {within}")
    try:
        found = json.loads(done.stdout, object_hook=_untagged)
        return [(str(name), rows) for name, rows in found]
    except (ValueError, TypeError, KeyError):  # a child cut short writes part of its data
        raise DataError.single(source, f"cannot read the workbook {within}") from None


def _message(output: bytes) -> str:
    try:
        return str(json.loads(output))
    except ValueError:  # as in _read
        return "the reader failed"
