"""The bounds every reader keeps: what file may be opened, how large, how many rows,
columns and cells, how long a cell, how much a compressed container may expand to, how
deeply nested.

A reader is handed a path by a person, a script or a scheduler, and the file behind it
may be anything: a directory, a pipe that never ends (a FIFO), a device that never ends
(``/dev/zero``), or a file far larger than any table of children's services figures.
`checked_file` refuses each of those with a [`DataError`][corpparent.errors.DataError]
before a byte is read, so no reader hangs or fills memory. `check_nesting` bounds
how deeply a decoded JSON or TOML document nests, so a walk over it cannot exhaust the
interpreter's stack.

The other bounds are a [`ReadLimits`][corpparent.files._tabular.limits.ReadLimits], in force for the
whole process or for a block ([`reading_limits`][corpparent.files._tabular.limits.reading_limits]),
read from ``CORPPARENT_MAX_<NAME>`` environment variables where set. Each reader checks them before
it does the work they bound (a workbook's declared dimensions before its cells are read, a zip
member's declared size before it is inflated), and `over_limit` words the error the same way
everywhere: what was found, the limit, and how to raise it. The defaults sit well above real
workloads: millions of readings, the whole LAIT dataset ten times over.
"""

from __future__ import annotations

import contextvars
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, final

import attrs
from attrs import frozen

from corpparent.errors import DataError

__all__ = [
    "LIMIT_ENV_PREFIX",
    "MAX_FILE_BYTES",
    "MAX_NESTING",
    "ReadLimits",
    "check_nesting",
    "checked_file",
    "current_limits",
    "over_limit",
    "reading_limits",
]

#: The largest input file read: 256 MiB. The largest published file corpparent reads,
#: the DfE's care leavers' activity table, is 3.3 MB; the whole LAIT dataset is 1.8 MB.
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
#: How deeply objects and lists may nest in a JSON or TOML document. corpparent's own
#: documents nest at most five deep (a plug-in's tables of lists of tables).
MAX_NESTING: Final = 32
#: ``CORPPARENT_MAX_ROWS=20000000`` raises the row bound for a process, and so on for
#: each field of [`ReadLimits`][corpparent.files._tabular.limits.ReadLimits] (its name in capitals).
LIMIT_ENV_PREFIX: Final = "CORPPARENT_MAX_"


@final
@frozen
class ReadLimits:
    """How much one input may hold. Every field is a positive whole number.

    - ``rows``: data rows of one table (a CSV file, a sheet, a parquet file, a list of
      records, a DataFrame): 1 million, where a council's monthly scorecard over ten
      years is about 10,000 and the DfE's LAIT dataset 641,070. Rows are what memory
      follows: a reading takes about 1.7 KB while it is checked
      (``benchmarks/bounds.py``), so a million readings peak near 1.7 GB; raise it for
      more, with the memory to match;
    - ``parquet_rows``: rows of one parquet file, read as columns rather than record by
      record, at about 130 bytes a row: 8 million, where the LAIT dataset ten times
      over, 6.4 million rows, reads in 3.7 s at an 841 MiB peak
      (``benchmarks/bounded_tables.py``);
    - ``definitions``: items in any one list of a plug-in file (its indicators, a year's
      ranges or targets, its members, meetings or obligations): 10,000, where the national
      baseline declares 44 indicators; every definition is checked and judged on its
      own, so 100,000 took 31 s to validate and 2.6 GB to judge;
    - ``columns``: columns of one table: 4,096 (a wide scorecard with a column per month
      over 20 years has about 250);
    - ``cells``: cells of one sheet, rows times columns as the workbook declares them or
      as read: 50 million (the whole LAIT dataset, ten times over, is about 20 million);
    - ``cell_chars``: characters in one cell or one CSV field: 32,767, Excel's own
      limit;
    - ``expanded_bytes``: bytes a compressed container (an ``.xlsx`` or ``.ods`` zip, a
      parquet file's pages) may expand to: 1 GiB;
    - ``row_group_rows``: rows in one row group of a parquet file, read at once: 8
      million (a 10-million-row group took 1.6 GB);
    - ``repeats``: how many times a workbook may repeat one row or cell that holds
      something (OpenDocument's ``number-rows-repeated``): 10,000, where a real sheet
      repeats a row only when a few in a row are the same.
    """

    rows: int = 1_000_000
    parquet_rows: int = 8_000_000
    definitions: int = 10_000
    columns: int = 4_096
    cells: int = 50_000_000
    cell_chars: int = 32_767
    expanded_bytes: int = 1024 * 1024 * 1024
    row_group_rows: int = 8_000_000
    repeats: int = 10_000

    def __attrs_post_init__(self) -> None:
        for name, value in attrs.asdict(self).items():
            if type(value) is not int or value <= 0:
                raise ValueError(f"the read limit {name} must be a positive whole number, "
                                 f"not {value!r}")

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> ReadLimits:
        """The defaults, with each ``CORPPARENT_MAX_<NAME>`` set in ``environ`` (the
        process's environment by default) in place of its field; a value that is not a
        positive whole number is a [`DataError`][corpparent.errors.DataError] naming the
        variable."""
        environ = dict(os.environ) if environ is None else environ
        given: dict[str, int] = {}
        for name in attrs.fields_dict(cls):
            variable = LIMIT_ENV_PREFIX + name.upper()
            text = environ.get(variable)
            if text is None:
                continue
            cleaned = text.strip().replace("_", "").replace(",", "")
            if not cleaned.isdigit() or int(cleaned) <= 0:
                raise DataError.single(variable, "the read limit is not a positive whole "
                                       "number", expected="a whole number such as 20000000",
                                       found=repr(text[:40]))
            given[name] = int(cleaned)
        return cls(**given)


_IN_FORCE: contextvars.ContextVar[ReadLimits | None] = contextvars.ContextVar(
    "read_limits", default=None)


def current_limits() -> ReadLimits:
    """The limits in force: those of the innermost
    [`reading_limits`][corpparent.files._tabular.limits.reading_limits] block, else the defaults
    with the process's ``CORPPARENT_MAX_<NAME>`` variables applied."""
    chosen = _IN_FORCE.get()
    return chosen if chosen is not None else ReadLimits.from_environment()


@contextmanager
def reading_limits(limits: ReadLimits | None = None, **fields: int) -> Iterator[ReadLimits]:
    """Read with other limits inside the block: ``limits``, or those in force with
    ``fields`` changed (``with reading_limits(rows=50_000_000): ...``)."""
    chosen = attrs.evolve(limits if limits is not None else current_limits(), **fields)
    token = _IN_FORCE.set(chosen)
    try:
        yield chosen
    finally:
        _IN_FORCE.reset(token)


def over_limit(source: str, what: str, found: str, limit: str, *, line: int | None = None,
               field: str | None = None) -> DataError:
    """The error for an input over the read limit ``limit`` (a field of
    [`ReadLimits`][corpparent.files._tabular.limits.ReadLimits]): ``what`` is too large, with what
    was found, the limit and how to raise it."""
    value = getattr(current_limits(), limit)
    return DataError.single(
        source, f"{what} is over the read limit {limit} ({value:,}); raise it with "
        f"{LIMIT_ENV_PREFIX}{limit.upper()} or corpparent.files.reading_limits({limit}=...)",
        line=line, field=field, expected=f"at most {value:,}", found=found)


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
    """``path`` as a `Path`, once it is known to be a regular file of at
    most ``limit`` bytes; otherwise a [`DataError`][corpparent.errors.DataError] saying what
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
    """Raise a [`DataError`][corpparent.errors.DataError] if ``data`` (decoded JSON or TOML)
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
