"""In-memory tables with odd types for the fuzz suite: what an analyst passes to a reader
that takes a ``TableSource`` instead of a file (not a test module itself).

Each input is built from a kind's CSV seed: its rows are first changed as a table
(rows repeated, deleted or blanked, a column's heading duplicated, emptied, given a NUL
or made a number), then one or more columns are given an odd type, then the whole is
made into one container: a list of dicts, a pandas DataFrame, a polars DataFrame or a
pyarrow Table. The odd types are those analysts' frames really hold: object columns of
mixed values (text, numbers, bytes, dates, lists, ``None``), categoricals and
dictionary columns, time-zone-aware datetimes and ``NaT``, nullable integers,
``NaN`` and infinities, numbers too large for 64 bits, nested lists and structs, and
empty frames.

:func:`table_outcome` is run in a process of its own (:mod:`fuzz_server`), since the
frame reaches pyarrow's and polars' native code: it builds input ``number`` of a route
(from a random generator seeded by the route and number, so a failure is replayed by
its number), reads it with the kind's reader and classifies the end as
:func:`fuzz_inputs.outcome` does for files.
"""

from __future__ import annotations

import datetime as dt
import decimal
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fuzz_inputs import _csv_table, _placed, against, table_rows

_INTERRUPTS = (KeyboardInterrupt, SystemExit)
#: The containers a table is passed in, each a route of its own.
CONTAINERS = ("dicts", "pandas", "polars", "pyarrow")


def _readers() -> dict[str, Callable[[Any, str | None], int | None]]:
    """Each kind whose reader takes a ``TableSource``: how to read a table as that kind
    (given the built-in plug-in whose indicators readings are checked against) and how
    many of its rows were accepted (``None``: not counted)."""
    from corpparent.files.dfe.ees import read_ees
    from corpparent.files.dfe.lait import read_lait_dictionary
    from corpparent.files.dfe.neighbours import read_neighbours
    from corpparent.files.dfe.ofsted import read_ofsted
    from corpparent.files.panel.comparators import read_comparators
    from corpparent.files.panel.meetings import read_meetings
    from corpparent.files.panel.readings import read_readings
    from corpparent.files.panel.submissions import read_submissions

    def indicators(profile: str | None) -> Any:
        return against(profile).indicators

    return {
        "readings": lambda t, p: len(read_readings(t, indicators(p))),
        "comparators": lambda t, p: sum(len(c.values) for c in read_comparators(
            t, indicators=indicators(p))),
        "meetings": lambda t, _p: (read_meetings(t), None)[1],
        "submissions": lambda t, _p: len(read_submissions(t)),
        "dfe-ees": lambda t, _p: len(read_ees(t, ()).rows),
        "dfe-lait-dictionary": lambda t, _p: len(read_lait_dictionary(t)),
        "dfe-neighbours": lambda t, _p: len(read_neighbours(t)),
        "ofsted": lambda t, _p: len(read_ofsted(t)),
    }


#: The kinds read from tables, in the order of :func:`_readers`.
TABLE_KINDS = ("readings", "comparators", "meetings", "submissions", "dfe-ees",
               "dfe-lait-dictionary", "dfe-neighbours", "ofsted")


# --- the table as text, changed ---------------------------------------------------------------


def shaped(rows: list[list[str]], rng: random.Random) -> tuple[list[list[str]], str, bool]:
    """``rows`` (header first) changed as a table; whether its row count is still known
    (a heading changed leaves the rows, so it is)."""
    header, body = list(rows[0]), [list(row) for row in rows[1:]]
    how = rng.choice(["none", "none", "repeat", "delete", "blank", "duplicate heading",
                      "NUL heading", "empty heading", "empty", "no rows", "shuffle"])
    if how == "repeat" and body:
        body.insert(rng.randrange(len(body) + 1), list(rng.choice(body)))
    elif how == "delete" and body:
        del body[rng.randrange(len(body))]
    elif how == "blank" and body:
        body.insert(rng.randrange(len(body) + 1), [""] * len(header))
    elif how == "duplicate heading" and len(header) > 1:
        header[rng.randrange(1, len(header))] = header[0]
    elif how == "NUL heading":
        at = rng.randrange(len(header))
        header[at] = rng.choice([header[at] + "\x00", "\x00", "a\x00b"])
    elif how == "empty heading":
        header[rng.randrange(len(header))] = ""
    elif how == "empty":
        return [[]], how, True
    elif how == "no rows":
        body = []
    elif how == "shuffle":
        rng.shuffle(body)
    width = len(header)
    body = [(row + [""] * width)[:width] for row in body]
    return [header, *body], how, True


# --- odd types -----------------------------------------------------------------------------------

_ODD_VALUES: tuple[object, ...] = (
    None, float("nan"), float("inf"), -float("inf"), 10**30, -(2**63), 2**64, 7, 7.5, True,
    b"bytes", b"\xff\x00", bytearray(b"x"), dt.datetime(2022, 4, 1), dt.date(2022, 4, 1),
    dt.datetime(2022, 4, 1, tzinfo=dt.UTC), dt.time(12), dt.timedelta(days=1),
    decimal.Decimal("1.5"), decimal.Decimal("NaN"), [1, 2], {"a": 1}, ("t",), {1, 2},
    1 + 2j, "", " ", "\x00", "\u202e", "x" * 5000, object())


def odd_column(values: list[str], rng: random.Random) -> tuple[str, list[object]]:
    """One column's values given an odd type (a name for it, and the Python values; a
    marker tuple ``("__kind__", ...)`` at the front asks the container for a type)."""
    how = rng.choice(["mixed", "numbers", "nullable", "datetimes", "tz", "NaT",
                      "categorical", "dictionary", "nested list", "struct", "bytes",
                      "huge", "non-finite"])
    out: list[object] = list(values)
    if how == "mixed":
        for _ in range(rng.randint(1, 3)):
            if out:
                out[rng.randrange(len(out))] = rng.choice(_ODD_VALUES)
    elif how == "numbers":
        out = [_as_number(value) for value in values]
    elif how == "nullable":
        out = [None if i % 3 == 0 else rng.randint(-5, 500) for i in range(len(values))]
    elif how in ("datetimes", "tz", "NaT"):
        zone = dt.timezone(dt.timedelta(hours=rng.choice([-5, 0, 1, 14]))) if how == "tz" else None
        out = [dt.datetime(2022, 1 + i % 12, 1 + i % 28, tzinfo=zone) for i in range(len(values))]
        if how == "NaT" and out:
            out[rng.randrange(len(out))] = None
    elif how == "nested list":
        out = [[value, value] for value in values]
    elif how == "struct":
        out = [{"text": value, "n": i} for i, value in enumerate(values)]
    elif how == "bytes":
        out = [value.encode("utf-8") for value in values]
    elif how == "huge":
        out = [10**30 + i for i in range(len(values))]
    elif how == "non-finite":
        out = [rng.choice([float("nan"), float("inf"), -float("inf"), 1.7e308])
               for _ in values]
    return how, out


def _as_number(text: str) -> object:
    try:
        return float(text)
    except ValueError:
        return text


# --- containers -----------------------------------------------------------------------------------


def built(container: str, header: list[Any], columns: list[list[object]], kinds: list[str]
          ) -> Any:
    """The table in ``container``; a column whose type the container cannot hold is
    given to it as Python objects (or, where it takes none, as text)."""
    if container == "dicts":
        return [dict(zip(header, row, strict=True)) for row in zip(*columns, strict=True)] \
            if columns and columns[0] else []
    if container == "pandas":
        import pandas as pd

        frame = pd.DataFrame({str(i): pd.Series(column, dtype=object)
                              for i, column in enumerate(columns)})
        for i, how in enumerate(kinds):
            key = str(i)
            if how == "categorical":
                frame[key] = frame[key].astype("category")
            elif how == "nullable":
                frame[key] = pd.array(columns[i], dtype="Int64")
            elif how in ("datetimes", "tz", "NaT"):
                frame[key] = pd.to_datetime(pd.Series(columns[i]), utc=how == "tz")
        frame.columns = header  # duplicate or NUL names kept as given
        return frame
    if container == "polars":
        import polars as pl

        series = []
        for name, column, how in zip(header, columns, kinds, strict=True):
            try:
                made = pl.Series(name, column, strict=False)
            except Exception:  # a type polars cannot hold: given as text
                made = pl.Series(name, [None if v is None else str(v) for v in column])
            if how == "categorical":
                made = made.cast(pl.String).cast(pl.Categorical)
            series.append(made)
        try:
            return pl.DataFrame(series)
        except Exception:  # duplicate names: polars refuses them, so one is renamed
            return pl.DataFrame([s.rename(f"{s.name}_{i}") for i, s in enumerate(series)])
    import pyarrow as pa

    arrays = []
    for column, how in zip(columns, kinds, strict=True):
        try:
            array = pa.array(column)
        except Exception:  # mixed objects pyarrow cannot type: given as text
            array = pa.array([None if v is None else str(v) for v in column])
        if how in ("categorical", "dictionary") and pa.types.is_string(array.type):
            array = array.dictionary_encode()
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=header)


def make_table(kind: str, seed: Path, container: str, number: int
               ) -> tuple[Any, str, int | None]:
    """Input ``number`` of the route (``kind`` in ``container``): the table, what was
    done to it, and how many of its rows hold something (``None``: not known)."""
    header, columns, kinds, how, expected = planned(kind, seed, container, number)
    return built(container, header, columns, kinds), how, expected


def planned(kind: str, seed: Path, container: str, number: int
            ) -> tuple[list[Any], list[list[object]], list[str], str, int | None]:
    """What input ``number`` of the route holds, before it is made into its container:
    its headings, its columns' values, each column's odd type (``text``: none), what
    was done, and how many rows hold something."""
    rng = random.Random(f"{kind}:{container}:{number}")
    rows = _csv_table(seed.read_bytes()) or [["a"]]
    rows, how, known = shaped(rows, rng)
    header = rows[0]
    body = rows[1:]
    columns: list[list[object]] = [[row[i] for row in body] for i in range(len(header))]
    kinds = ["text"] * len(header)
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        if not header:
            break
        at = rng.randrange(len(header))
        kinds[at], columns[at] = odd_column([str(v) for v in columns[at]], rng)
    if rng.random() < 0.1 and header:  # a heading that is not text
        header = [*header]
        header[rng.randrange(len(header))] = rng.choice([0, 1.5, None, b"value"])  # type: ignore[call-overload]
        how += ", a heading not text"
    expected = table_rows(kind, [[str(cell) for cell in header], *body]) if known else None
    # A column of values that may each be empty: the row's count is then not known.
    if any(k not in ("text", "categorical", "dictionary", "bytes") for k in kinds):
        expected = None
    shown = "+".join(k for k in kinds if k != "text") or "text"
    if container in ("polars", "pyarrow"):  # they hold only text names
        header = [name if isinstance(name, str) else str(name) for name in header]
    return header, columns, kinds, f"{how}; {shown}", expected


def table_outcome(kind: str, seed: str, profile: str | None, container: str,
                  number: int) -> tuple[str, str, int]:
    """Build input ``number`` of the route, read it, and say how that ended:
    ``(status, detail, rows lost)`` as :func:`fuzz_inputs.file_outcome` does."""
    from corpparent.errors import CorpparentError

    try:
        table, how, expected = make_table(kind, Path(seed), container, number)
    except _INTERRUPTS:
        raise
    except BaseException as exc:  # the container refused what was made (a polars panic
        # arrives as a BaseException): no input, so no finding
        return "unmade", f"{type(exc).__name__}: {str(exc)[:200]}", 0
    source = ("the records given" if container == "dicts" else
              f"the {type(table).__module__.split('.')[0]} {type(table).__name__}")
    try:
        got = _readers()[kind](table, profile)
    except CorpparentError as exc:
        unplaced = _placed(exc, Path(source))
        if unplaced is not None:
            return "failure", f"{how}: {unplaced}", 0
        return "error", f"{how}: {str(exc)[:200]}", 0
    except RecursionError:
        return "failure", f"{how}: RecursionError", 0
    except _INTERRUPTS:
        raise
    except BaseException as exc:  # the point: anything but a CorpparentError is a failure,
        # a panic in a frame library's native code (a BaseException) among them
        return "failure", f"{how}: {type(exc).__name__}: {str(exc)[:200]}", 0
    if expected is not None and got is not None and got != expected:
        lost = abs(expected - got)
        return "failure", f"{how}: {expected} rows given, {got} accepted, none reported", lost
    return "result", f"{how}: {got} accepted", 0
