"""Reading a workbook that cannot be checked first in a child process of bounded memory
and time.

An Excel 97-2003 ``.xls`` file is a compound file of BIFF records, not a zip of XML:
what it declares (a ``DIMENSIONS`` record of four billion rows, a chain of sectors that
loops) is only known once its container is undone, which is most of reading it. A 12 KB
``.xls`` file made calamine grow to 23 GB, and a huge ``DIMENSIONS`` record makes it
abort the process. So such a workbook (and any workbook that is not a zip) is read by
calamine in a child process whose address space may grow by at most the
``expanded_bytes`` read limit plus `BASE_BYTES`, and whose processor time is
bounded by `CPU_SECONDS` (and its clock time by twice that); an abort, a blow-up
or a stall there becomes one [`DataError`][corpparent.errors.DataError] ("cannot read the
workbook within ...") and this process goes on. The child hands back the sheets' cells
as data (JSON on a pipe, so nothing it writes is run here), and is killed and reaped
whatever happens.

On Linux the child is forked: a copy of this process as it stands, so nothing is
imported again; a small workbook is read through it in 7 ms (14 ms once pandas, polars
and pyarrow are loaded, which makes the copy larger), against 21 ms through a new
interpreter, and 0.1 ms in this process. Where processes cannot be forked, or the
address space this process already maps cannot be told (no ``/proc``), the child is a
new interpreter. Rows come back without the empty cells that end them, so a far cell
(an ``.xls`` file of 5 KB with a cell at IV65536: 16 million cells, almost all empty)
costs about 3 s of reading, not 10; within the read limits (16.7 million cells is under
the default 50 million) the sheet is read whole, and the far cell's row, longer than the
table's header, is reported as a problem of that row.

A sheet whose last cell lies beyond the rows or columns bound, or whose area from A1
holds more than the cells bound, is refused as a zipped workbook's sheet is refused
before it is read (`check_bounds`), in
two places. Before any child is started, the ``.xls`` file's own records are scanned
for each sheet's last cell (`xls_scan`: 0.3 ms for the
far cell at IV65536, whose opening costs calamine 0.5 s; 0.6 µs a cell for a sheet
within the bounds). And the child asks calamine how far each sheet runs before it turns
the sheet's cells into Python values, for what the scan cannot follow or does not count
(blank cells, formulas, a workbook in the container's mini stream, other formats).
A sheet within the bounds is read whole.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import faulthandler
import functools
import json
import os
import selectors
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from corpparent.errors import DataError
from corpparent.files._tabular.hidden_sheets import hidden_sheets
from corpparent.files._tabular.limits import LIMIT_ENV_PREFIX, ReadLimits, current_limits
from corpparent.files._tabular.sheet_bounds import HEADER_SEARCH_ROWS, check_bounds
from corpparent.files._tabular.xls_scan import sheet_ends

__all__ = ["BASE_BYTES", "CPU_SECONDS", "contained_hidden_sheets", "contained_sheet_names",
           "contained_sheets"]

#: Memory the child needs beside the workbook's cells: calamine and the JSON it writes
#: (and, for a new interpreter, the interpreter itself).
BASE_BYTES: Final = 256 * 1024 * 1024
#: Processor time the child may use; an ``.xls`` file of a million cells is read in two.
CPU_SECONDS: Final = 60
# What the child's answer starts with: its sheets, or the reader's own error message.
_SHEETS: Final = b"S"
_MESSAGE: Final = b"M"
_BEYOND: Final = b"B"  # a sheet beyond the bounds: its name and its last cell's place

# The child writes its sheets as JSON, never pickle: what a reader of untrusted files
# hands back is itself only data to this process. Dates and times, which JSON lacks, are
# written as {"t": kind, "v": value}.
_TAGGED: Final[dict[str, Callable[[Any], object]]] = {
    "datetime": dt.datetime.fromisoformat, "date": dt.date.fromisoformat,
    "time": dt.time.fromisoformat,
    "timedelta": lambda seconds: dt.timedelta(seconds=float(seconds)),
}


def _tagged(value: object) -> object:
    """A date or time as ``{"t": kind, "v": value}``; anything else JSON lacks as text."""
    if isinstance(value, dt.timedelta):
        return {"t": "timedelta", "v": value.total_seconds()}
    for kind in (dt.datetime, dt.date, dt.time):
        if isinstance(value, kind):
            return {"t": kind.__name__, "v": value.isoformat()}
    return str(value)


def _untagged(found: dict[str, Any]) -> object:
    """A date or time the child wrote as ``{"t": kind, "v": value}``."""
    return _TAGGED[found["t"]](found["v"])


Sheets = list[tuple[str, list[list[object]]]]


def contained_sheets(file: Path, cell: Callable[[object], object] | None = None) -> Sheets:
    """Every sheet of the workbook at ``file`` (its name and its rows of cell values,
    from A1, each made by ``cell`` where it is given; an empty cell is ``""``), read by
    calamine in a bounded child process."""
    return [(name, [_unpacked(row, cell) for row in rows])
            for name, rows, _hidden in _sheets(file)]


def contained_sheet_names(file: Path) -> list[str]:
    """The names of the sheets of the workbook at ``file``, read as
    `contained_sheets` reads them."""
    return [name for name, _rows, _hidden in _sheets(file)]


def contained_hidden_sheets(file: Path) -> frozenset[str]:
    """The names of the sheets of the workbook at ``file`` that are hidden (or very
    hidden), as the workbook's own index of its sheets says, read as
    `contained_sheets` reads them."""
    return frozenset(name for name, _rows, hidden in _sheets(file) if hidden)


def _sheets(file: Path) -> list[tuple[str, list[list[Any]], bool]]:
    stat = file.stat()
    limits = current_limits()
    return _read(str(file), stat.st_ino, stat.st_mtime_ns, stat.st_size,
                 limits.expanded_bytes, (limits.rows, limits.columns, limits.cells))


@functools.lru_cache(maxsize=1)
def _read(source: str, _inode: int, _modified: int, _size: int, expanded: int,
          bounds: tuple[int, int, int]) -> list[tuple[str, list[list[Any]], bool]]:
    """The sheets, their rows as `_packed` wrote them and whether each is hidden, read
    once per version of
    the file and set of bounds (a kind is told from a workbook's headings, then its
    table is read: one child serves both); ``bounds`` are the rows, columns and cells
    read limits, a sheet beyond which is refused unread."""
    for sheet, row, column in _scanned(source):  # an .xls sheet's last cell, unread
        if _beyond(row, column, bounds):
            _refuse(source, sheet, row, column, bounds)
    memory = expanded + BASE_BYTES
    within = (f"within {memory // (1024 * 1024):,} MB of memory and {CPU_SECONDS} s "
              f"(the memory follows the read limit expanded_bytes; raise it with "
              f"{LIMIT_ENV_PREFIX}EXPANDED_BYTES)")
    mapped = _mapped_bytes() if hasattr(os, "fork") else 0
    try:
        answer = (_forked(source, mapped + memory, bounds) if mapped
                  else _spawned(source, memory, bounds))
    except OSError as exc:
        raise DataError.single(source, "cannot read the workbook: the reader could not be "
                               f"started ({exc.strerror or exc})") from None
    kind, found = _parsed(answer)
    if kind == _MESSAGE:
        raise DataError.single(source, f"cannot read the workbook: {found}")
    if kind == _BEYOND:  # refused as a zipped workbook's sheet is, before it is read
        sheet, row, column = found
        _refuse(source, sheet, row, column, bounds)
    if kind == _SHEETS:
        return [(str(name), rows, hidden is True) for name, rows, hidden in found]
    raise DataError.single(source, f"cannot read the workbook {within}")


def _scanned(source: str) -> list[tuple[str, int, int]]:
    """Each sheet's name and last cell as
    `sheet_ends` finds them in an ``.xls``
    file's records (none where it cannot follow the file)."""
    try:
        with open(source, "rb") as file:
            data = file.read()
    except OSError:
        return []
    return sheet_ends(data) or []


def _refuse(source: str, sheet: str, row: int, column: int, bounds: tuple[int, int, int]
            ) -> None:
    """Refuse the sheet whose last cell is at ``row`` and ``column`` (1-based), as a
    zipped workbook's sheet is refused before it is read."""
    rows, columns, cells = bounds
    check_bounds(source, sheet, row, column, row, column,
                 ReadLimits(rows=rows, columns=columns, cells=cells), "last")


def _parsed(answer: bytes | None) -> tuple[bytes, Any]:
    """The child's answer as its kind and its JSON decoded (a sheet beyond the bounds as
    its name, row and column); kind ``b""`` for no answer or one not whole, as from a
    child cut short."""
    if not answer:
        return b"", None
    try:
        kind, found = answer[:1], json.loads(answer[1:], object_hook=_untagged)
        if kind == _BEYOND:
            found = (str(found[0]), int(found[1]), int(found[2]))
    except (ValueError, TypeError, KeyError, IndexError):
        return b"", None
    return kind, found


def _mapped_bytes() -> int:
    """The address space this process maps (``VmSize``), or 0 where it cannot be told."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _beyond(row: int, column: int, bounds: tuple[int, int, int]) -> bool:
    """Whether a sheet whose last cell is at ``row`` and ``column`` (1-based) lies
    beyond the rows, columns and cells ``bounds``, as
    `check_bounds` judges it."""
    rows, columns, cells = bounds
    return row > rows + HEADER_SEARCH_ROWS or column > columns or row * column > cells


def _answer(source: str, bounds: tuple[int, int, int]) -> bytes:
    """What the child hands back: ``S`` and the sheets as JSON (each its name, its rows
    and whether it is hidden); ``B`` and the name and
    last cell (1-based row and column) of the first sheet beyond ``bounds`` (the rows,
    columns and cells read limits), found before its cells are made Python values; or
    ``M`` and the reader's error message as JSON. A ``MemoryError`` is let through (the
    child then ends without an answer)."""
    from python_calamine import CalamineWorkbook

    try:
        sheets = []
        with CalamineWorkbook.from_path(source) as book:
            hidden = hidden_sheets(book)
            for name in book.sheet_names:
                sheet = book.get_sheet_by_name(name)
                end = sheet.end  # (row, column), 0-based; None for a sheet without cells
                if end is not None and _beyond(end[0] + 1, end[1] + 1, bounds):
                    return _BEYOND + json.dumps([name, end[0] + 1, end[1] + 1]).encode()
                sheets.append([name, [_packed(row) for row in sheet.to_python(
                    skip_empty_area=False)], name in hidden])
        return _SHEETS + json.dumps(sheets, default=_tagged).encode()
    except MemoryError:
        raise
    except Exception as exc:  # calamine's own errors, of many classes: its message
        return _MESSAGE + json.dumps(str(exc)[:500]).encode()


def _packed(row: Sequence[object]) -> list[object]:
    """A row as ``[n, *cells]``: its cells without the ``n`` empty ones that end it. A
    far cell makes every row of the sheet as wide as its column (an ``.xls`` file of
    5 KB holds 16 million cells, almost all empty), which is then not written out."""
    if row.count("") == len(row):
        return [len(row)]
    end = len(row)
    while row[end - 1] == "":
        end -= 1
    return [len(row) - end, *row[:end]]


def _unpacked(row: list[Any], cell: Callable[[object], object] | None) -> list[object]:
    """A row `_packed` wrote, whole again, each cell made by ``cell``."""
    cells: list[object] = row[1:] if cell is None else [cell(value) for value in row[1:]]
    return cells + [""] * int(row[0])


def _bound(kind: int, value: int) -> None:
    import resource

    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard))


def _bound_self(address_space: int) -> None:
    """Bound this (child) process: its address space, its processor time, no core file."""
    import resource

    _bound(resource.RLIMIT_AS, address_space)
    _bound(resource.RLIMIT_CPU, CPU_SECONDS)
    _bound(resource.RLIMIT_CORE, 0)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _forked(source: str, address_space: int, bounds: tuple[int, int, int]) -> bytes | None:
    """The child's answer, read in a forked child; ``None`` if it gave none in time."""
    import python_calamine  # noqa: F401  imported here once, not in every child

    readable, writable = os.pipe()
    parent = os.getpid()
    with warnings.catch_warnings():  # a pool's threads are not needed in the child
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns; what it gives is tested
        code = 70
        try:
            os.close(readable)
            _end_with(parent)
            quiet = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):  # a panic's message goes nowhere
                os.dup2(quiet, fd)
            faulthandler.disable()  # nor a dump of this process's stack, to its copy of 2
            # Nor a backtrace: printing one near the memory bound can leave Rust's
            # standard library waiting for a lock it holds itself, for ever.
            os.environ["RUST_BACKTRACE"] = "0"
            _bound_self(address_space)
            _write_all(writable, _answer(source, bounds))
            code = 0
        finally:
            os._exit(code)
    os.close(writable)
    try:
        answer = _collect(readable, time.monotonic() + CPU_SECONDS * 2)
    finally:
        with contextlib.suppress(OSError):  # it has ended already
            os.kill(pid, signal.SIGKILL)
        os.close(readable)
        _pid, status = os.waitpid(pid, 0)
    # What a child that did not end well wrote is no answer.
    return answer if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else None


def _end_with(parent: int) -> None:
    """Have the kernel kill this (child) process when its parent ends, so that one left
    behind by a parent killed outright does not go on (Linux; elsewhere the child's
    processor time bounds it). The child stays in its parent's process group, so what
    ends that group ends it too."""
    with contextlib.suppress(Exception):  # no prctl here: nothing to set
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent ended before that was set
        os._exit(70)


def _collect(fd: int, deadline: float) -> bytes | None:
    """Everything written to ``fd`` until its writer closes it, or ``None`` at the
    deadline."""
    data = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            if selector.select(left):
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return bytes(data)
                data.extend(chunk)


_SPAWNED: Final = """
import sys
sys.path[:0] = [sys.argv[1]]
from corpparent.files._tabular import contained
contained._spawned_child(sys.argv[2], int(sys.argv[3]),
                         tuple(int(bound) for bound in sys.argv[4:7]))
"""


def _spawned(source: str, memory: int, bounds: tuple[int, int, int]) -> bytes | None:
    """The child's answer, read in a new interpreter; ``None`` if it gave none in time."""
    top = str(Path(__file__).resolve().parents[3])  # where the corpparent package is
    try:
        done = subprocess.run([sys.executable, "-I", "-c", _SPAWNED, top, source, str(memory),
                               *map(str, bounds)],
                              capture_output=True, timeout=CPU_SECONDS * 2, check=False)
    except subprocess.TimeoutExpired:
        return None
    return done.stdout if done.returncode == 0 else None


def _spawned_child(source: str, memory: int, bounds: tuple[int, ...]
                   ) -> None:  # pragma: no cover - a new interpreter
    """What the new interpreter runs: bound itself, read, write the answer out."""
    _bound_self(memory)
    rows, columns, cells = bounds
    _write_all(sys.stdout.fileno(), _answer(source, (rows, columns, cells)))
