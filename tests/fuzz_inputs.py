"""Mutated copies of real input files, and what reading each must end in (not a test
module itself; ``test_fuzz_inputs.py`` runs it).

For every registered kind of file, seeds are taken from the real files the project
reads (``examples/data``, ``tests/data``, the built-in plug-ins and mappings, and the
DfE's and Ofsted's published files, cut to their first rows so a few hundred reads stay
quick). Each input is a seed changed the way a careless or hostile user would change
it: bytes flipped, cut short, emptied, a byte-order mark, another encoding, CRLF or lone
CR line ends, a line of 200,000 characters, control characters, and, where the seed
parses, columns deleted, repeated or reordered, rows repeated or deleted, and cells or
values replaced by wrong types, huge, non-finite and out-of-range numbers and official
symbols. Every choice is drawn from a :class:`random.Random` seeded by the kind and the
input's number, so a failure is replayed by its number.

:func:`outcome` reads one input as ``corpparent validate`` does (the kind's check) and
classifies how it ended: a summary, a :class:`~corpparent.errors.CorpparentError` that
names the file and the place, or a failure: any other exception, an error that does not
say where, or rows read from the file that were neither accepted nor reported.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from attrs import field, frozen

from corpparent.errors import CorpparentError, DataError
from corpparent.files.kinds import Against, FileKind
from corpparent.plugins import load_profile

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "dfe"
EXAMPLES = ROOT / "examples" / "data"
TESTS = ROOT / "tests" / "data"
PACKAGE = ROOT / "src" / "corpparent"

#: Values a cell or a document's value is replaced by: wrong types, huge, non-finite
#: and out-of-range numbers, official symbols, unit expressions, escape sequences.
WEIRD = ("", " ", "abc", "-40", "500", "1.7e308", "1e305", "inf", "-inf", "nan", "NaN",
         "1" * 400, "1" * 5000, "c", "x", ":", "..", "~", "low", "0", "-0", "1e-320",
         "2022-13-45", "\x1b]0;owned\x07", "\x00", "=1+1", "%%", "percent**0.5", "(",
         "99999999999999999999", "TRUE", "7,5", "1,000", "2022-23 Q9", "é", "per 10,000",
         "\ufeff", "\r", '"', "\t")
#: The same as JSON values: numbers written as JSON numbers, and other JSON types.
WEIRD_JSON = ("1e400", "-1e400", "1" * 5000, "1" * 400, "1.7e308", "-40", "500", "NaN",
              "Infinity", "null", "true", "[]", "{}", '"c"', '""', '"\\u001b]0;x\\u0007"',
              '"x"', "0", '"2022-13-45"', '[[[[[[]]]]]]', '"%%"', '"percent**0.5"')
#: The same as TOML values.
WEIRD_TOML = ("inf", "nan", "-inf", "1e400", "1" * 5000, "-40", "500", '"c"', '""', "[]",
              "{}", "true", '"\\u001b]0;x\\u0007"', "1979-05-27", '"%%"', "0x7fffffff",
              '"percent**0.5"', "[[[[1]]]]")
#: Notes of problems about a whole file, which have no line or field to name.
WHOLE_FILE = ("file not found", "the file is too large", "cannot read the file",
              "nests too deeply", "cannot read the workbook", "cannot read the parquet",
              "not valid TOML", "the file is empty", "not UTF-8", "none of the mapped",
              "declares no profile", "cannot read the table", "no sheet holds the table",
              "no sheet named", "no table in sheet",
              # a limit on the whole file (its rows, a parquet row group, its cells) names
              # the limit; one on a row or cell carries its line or field as well
              "is over the read limit",
              # the count that ends a long list of placed problems
              "more cells no table cell can hold")


@frozen
class Seed:
    """A real file of one kind, and what it is checked against: ``profile`` names the
    built-in plug-in whose indicators give ``against`` (so a process of its own can
    rebuild it)."""

    path: Path
    against: Against = field(factory=Against)
    profile: str | None = None


@functools.cache
def against(profile: str | None) -> Against:
    """What a seed is checked against: the indicators of the built-in plug-in
    ``profile``, or nothing."""
    return Against() if profile is None else Against(load_profile(profile).indicators)


def warm() -> None:
    """Load once what every read of a seed needs (the built-in plug-ins' indicators, the
    readers), so a process forked per input starts with them loaded."""
    import corpparent.kinds  # noqa: F401  (the readers of every kind)

    against("wiltshire")
    against("staffordshire")


@frozen
class Outcome:
    """How reading one input ended; ``failure`` says what went wrong, if anything."""

    summary: str | None
    error: CorpparentError | None
    failure: str | None = None
    rows_lost: int = 0


def _head(source: Path, target: Path, rows: int) -> Path:
    """The first ``rows`` rows of the CSV file ``source`` (a quoted cell may span
    lines), written to ``target``."""
    with source.open(encoding="utf-8-sig", newline="") as stream:
        kept = [row for _, row in zip(range(rows), csv.reader(stream), strict=False)]
    target.write_bytes(_csv_bytes(kept))
    return target


def _report(folder: Path) -> Path:
    """A JSON report written by the command line from the example readings."""
    target = folder / "report.json"
    subprocess.run([sys.executable, "-m", "corpparent", "scorecard",
                    str(EXAMPLES / "wiltshire_readings_2022-23.csv"), "-a", "wiltshire",
                    "-p", "2022-23 Q4", "-f", "json", "-o", str(target)],
                   check=True, capture_output=True)
    return target


def seeds(folder: Path) -> dict[str, list[Seed]]:
    """The seeds of every kind, some written into ``folder`` (cut-down published files,
    a comparator set, a JSON report, a small LAIT parquet file)."""
    wiltshire = against("wiltshire")
    staffordshire = against("staffordshire")
    found: dict[str, list[Seed]] = {
        "readings": [Seed(EXAMPLES / "wiltshire_readings_2022-23.csv", wiltshire, "wiltshire"),
                     Seed(EXAMPLES / "wiltshire_readings_2022-23.xlsx", wiltshire, "wiltshire"),
                     Seed(EXAMPLES / "staffordshire_readings_2019-20.csv", staffordshire,
                          "staffordshire")],
        "comparators": [Seed(EXAMPLES / "wiltshire_comparators_2020-21.csv", wiltshire,
                             "wiltshire")],
        "meetings": [Seed(EXAMPLES / "staffordshire_2019-20_meetings.csv"),
                     Seed(EXAMPLES / "staffordshire_2019-20_meetings.json"),
                     Seed(EXAMPLES / "wiltshire_2022-23_meetings.csv"),
                     Seed(EXAMPLES / "staffordshire_2019-20_attendance_export.csv")],
        "membership": [Seed(EXAMPLES / "wiltshire_2022-23_membership.json"),
                       Seed(EXAMPLES / "staffordshire_2019-20_membership.json"),
                       Seed(EXAMPLES / "staffordshire_2019-20_membership_list.csv")],
        "submissions": [Seed(EXAMPLES / "wiltshire_submissions_2022-23.csv"),
                        Seed(EXAMPLES / "wiltshire_submissions_2022-23.json")],
        "obligations": [Seed(TESTS / "obligations" / "wiltshire_configured.toml")],
        "authority-plugin": [Seed(PACKAGE / "authorities" / "staffordshire.toml"),
                             Seed(PACKAGE / "authorities" / "national.toml")],
        "dfe-mapping": [Seed(PACKAGE / "dfe" / "mappings" / "la_cla_placement_stability.toml"),
                        Seed(PACKAGE / "dfe" / "mappings" / "la_care_leavers_activity.toml")],
        "report": [Seed(_report(folder))],
    }
    comparator_set = folder / "comparator_set.json"
    comparator_set.write_text(json.dumps({
        "authority": {"name": "Wiltshire"},
        "comparators": [{"name": "England", "kind": "England"},
                        {"name": "South West", "kind": "region"}]}, indent=1),
        encoding="utf-8")
    found["comparator-set"] = [Seed(comparator_set)]
    if SHARED.is_dir():
        cut = folder / "published"
        cut.mkdir(exist_ok=True)
        # One EES file under its published name, read through its shipped mapping; one
        # under another name, read without a mapping, so its rows are counted.
        found["dfe-ees"] = [
            Seed(_head(SHARED / "la_cla_placement_stability.csv",
                       cut / "la_cla_placement_stability.csv", 60)),
            Seed(_head(SHARED / "cla_number_and_rate_per_10k_children.csv",
                       cut / "ees_unmapped.csv", 60))]
        found["dfe-lait-dictionary"] = [Seed(_head(SHARED / "lait_data_dictionary.csv",
                                                   cut / "lait_data_dictionary.csv", 30))]
        found["dfe-neighbours"] = [Seed(_head(SHARED / "sn_model_2025_wide.csv",
                                              cut / "sn_model_2025_wide.csv", 160))]
        found["ofsted"] = [Seed(_head(SHARED / "ofsted_ilacs_outcomes_2025-03-31.csv",
                                      cut / "ofsted_ilacs_outcomes_2025-03-31.csv", 80)),
                           Seed(SHARED / "LA_Inspection_Outcomes_as_at_31_March_2025.ods")]
        lait = cut / "lait_bds_long.parquet"
        pq.write_table(pq.read_table(SHARED / "lait_bds_long.parquet").slice(0, 300), lait)
        found["dfe-lait"] = [Seed(lait)]
    return found


# --- mutations ------------------------------------------------------------------------


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    changed = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        changed[rng.randrange(len(changed))] = rng.randrange(256)
    return bytes(changed)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def empty(_data: bytes, rng: random.Random) -> bytes:
    return rng.choice([b"", b"\n", b"\xef\xbb\xbf", b"   \r\n\r\n"])


def byte_order_mark(data: bytes, rng: random.Random) -> bytes:
    return rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe"]) + data


def other_encoding(data: bytes, rng: random.Random) -> bytes:
    text = _text(data)
    if text is None:
        return data
    text = text.replace("e", "\u00e9", 1)
    return text.encode(rng.choice(["utf-16", "latin-1", "cp1252", "utf-32"]), "replace")


def line_ends(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r\n", b"\r"]))


def long_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    at = rng.randrange(len(lines))
    filler = rng.choice([b"x", b"(", b"1", b"[", b"{\"a\":"]) * rng.choice([1000, 200_000])
    lines.insert(at, filler)
    return b"\n".join(lines)


def control_characters(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice([b"\x1b]0;owned\x07", b"\x00", b"\x1b[2J", b"\x9b"]) + data[at:]


def _csv_table(data: bytes) -> list[list[str]] | None:
    text = _text(data)
    if text is None:
        return None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return None
    return rows if rows and rows[0] else None


def _csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def csv_columns(data: bytes, rng: random.Random) -> bytes:
    rows = _csv_table(data)
    if rows is None:
        return flip_bytes(data, rng)
    width = len(rows[0])
    column = rng.randrange(width)
    how = rng.choice(["delete", "repeat", "reorder", "rename"])
    for row in rows:
        if len(row) != width:
            continue
        if how == "delete":
            del row[column]
        elif how == "repeat":
            row.insert(column, row[column])
        elif how == "reorder":
            row.insert(rng.randrange(width), row.pop(column))
    if how == "rename":
        rows[0][column] = rng.choice(["", rows[0][column].upper(), f" {rows[0][column]} ",
                                      rows[0][column] + "z", "value"])
    return _csv_bytes(rows)


def csv_cells(data: bytes, rng: random.Random) -> bytes:
    rows = _csv_table(data)
    if rows is None or len(rows) < 2:
        return flip_bytes(data, rng)
    for _ in range(rng.randint(1, 3)):
        row = rows[rng.randrange(1, len(rows))]
        if row:
            row[rng.randrange(len(row))] = rng.choice(WEIRD)
    return _csv_bytes(rows)


def csv_rows(data: bytes, rng: random.Random) -> bytes:
    rows = _csv_table(data)
    if rows is None or len(rows) < 2:
        return flip_bytes(data, rng)
    at = rng.randrange(1, len(rows))
    how = rng.choice(["repeat", "delete", "blank", "longer", "shorter", "reorder"])
    if how == "repeat":
        rows.insert(rng.randrange(1, len(rows) + 1), list(rows[at]))
    elif how == "delete":
        del rows[at]
    elif how == "blank":
        rows.insert(at, [])
    elif how == "longer":
        rows[at].append(rng.choice(WEIRD))
    elif how == "shorter" and rows[at]:
        rows[at].pop()
    else:
        body = rows[1:]
        rng.shuffle(body)
        rows[1:] = body
    return _csv_bytes(rows)


def _json_spots(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    spots = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            spots.extend(_json_spots(inner, (*path, key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            spots.extend(_json_spots(inner, (*path, index)))
    return spots


def json_values(data: bytes, rng: random.Random) -> bytes:
    text = _text(data)
    try:
        document = json.loads(text) if text is not None else None
    except (ValueError, RecursionError):
        document = None
    if document is None:
        return flip_bytes(data, rng)
    spot = rng.choice(_json_spots(document)[1:] or [()])
    marker = "\u2063MUTATED\u2063"
    if not spot:
        return rng.choice(WEIRD_JSON).encode()
    parent: object = document
    for part in spot[:-1]:
        parent = parent[part]  # type: ignore[index]
    last = spot[-1]
    how = rng.choice(["value", "delete", "repeat", "unknown key", "nest"])
    if how == "delete":
        del parent[last]  # type: ignore[attr-defined]
    elif how == "repeat" and isinstance(parent, list):
        parent.insert(int(last), parent[int(last)])  # type: ignore[call-overload]
    elif how == "unknown key" and isinstance(parent, dict):
        parent[f"{last}z"] = parent[last]
    elif how == "nest":
        parent[last] = [[[[[[parent[last]]]]]]]  # type: ignore[index]
    else:
        parent[last] = marker  # type: ignore[index]
    written = json.dumps(document, indent=1)
    return written.replace(json.dumps(marker), rng.choice(WEIRD_JSON), 1).encode("utf-8")


_TOML_VALUE = re.compile(rb"^(\s*[A-Za-z0-9_\-\".]+\s*=\s*)(.+)$", re.MULTILINE)


def toml_values(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    how = rng.choice(["value", "value", "repeat", "delete"])
    if how == "repeat" and lines:
        at = rng.randrange(len(lines))
        lines.insert(at, lines[at])
        return b"\n".join(lines)
    if how == "delete" and lines:
        del lines[rng.randrange(len(lines))]
        return b"\n".join(lines)
    spots = list(_TOML_VALUE.finditer(data))
    if not spots:
        return flip_bytes(data, rng)
    spot = rng.choice(spots)
    return data[:spot.start(2)] + rng.choice(WEIRD_TOML).encode() + data[spot.end(2):]


def parquet_table(path: Path, rng: random.Random) -> None:
    """Change a parquet file in place as a table: a column dropped, repeated rows, or
    values replaced by weird ones."""
    table = pq.read_table(path)
    how = rng.choice(["drop", "repeat", "values", "numbers"])
    if how == "drop":
        table = table.drop_columns([rng.choice(table.column_names)])
    elif how == "repeat":
        table = pa.concat_tables([table, table.slice(rng.randrange(table.num_rows), 1)])
    elif how == "values":
        values = table.column("Values").to_pylist()
        values[rng.randrange(len(values))] = rng.choice(WEIRD)
        table = table.set_column(table.column_names.index("Values"), "Values",
                                 pa.array(values, pa.string()))
    else:
        numbers = table.column("LA Number").to_pylist()
        numbers[rng.randrange(len(numbers))] = rng.choice(
            [float("nan"), float("inf"), 1.7e308, -3.0, 1e20, None])
        table = table.set_column(table.column_names.index("LA Number"), "LA Number",
                                 pa.array(numbers, pa.float64()))
    pq.write_table(table, path)


def xlsx_cells(data: bytes, rng: random.Random) -> bytes:
    """A workbook with cells of its last sheet replaced, rows repeated or deleted."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data))
    except Exception:  # a workbook already broken by an earlier mutation
        return flip_bytes(data, rng)
    sheet = book.worksheets[-1]
    how = rng.choice(["cell", "cell", "repeat", "delete", "column"])
    last = sheet.max_row
    if how == "cell":
        for _ in range(rng.randint(1, 3)):
            value: object = rng.choice([*WEIRD, 1.7e308, -40, 500, float("nan"), True])
            try:  # openpyxl refuses control characters in a cell itself
                sheet.cell(row=rng.randint(1, last), column=rng.randint(1, sheet.max_column),
                           value=value)
            except Exception:  # openpyxl's IllegalCharacterError
                continue
    elif how == "repeat":
        row = [cell.value for cell in sheet[rng.randint(1, last)]]
        sheet.append(row)
    elif how == "delete":
        sheet.delete_rows(rng.randint(1, last))
    else:
        sheet.delete_cols(rng.randint(1, sheet.max_column))
    out = io.BytesIO()
    try:
        book.save(out)
    except Exception:  # openpyxl refuses some values (control characters) itself
        return data
    return out.getvalue()


BYTES: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    flip_bytes, truncate, empty, byte_order_mark, other_encoding, line_ends, long_line,
    control_characters)
BY_SUFFIX: dict[str, tuple[Callable[[bytes, random.Random], bytes], ...]] = {
    ".csv": (csv_columns, csv_cells, csv_cells, csv_rows, csv_rows),
    ".json": (json_values, json_values, json_values),
    ".toml": (toml_values, toml_values, toml_values),
    ".parquet": (),
    ".xlsx": (xlsx_cells, xlsx_cells, xlsx_cells, xlsx_cells, xlsx_cells),
}


def mutate(seed: Path, target: Path, rng: random.Random) -> str:
    """Write a mutation of ``seed`` to ``target``; return the mutations' names."""
    shutil.copyfile(seed, target)
    suffix = seed.suffix.lower()
    if suffix == ".parquet" and rng.random() < 0.6:
        parquet_table(target, rng)
        return "parquet_table"
    data = target.read_bytes()
    names = []
    for _ in range(rng.choice([1, 1, 1, 2])):
        choices = BY_SUFFIX.get(suffix, ()) + BYTES
        change = rng.choice(choices)
        data = change(data, rng)
        names.append(change.__name__)
    target.write_bytes(data)
    return "+".join(names)


# --- outcomes -------------------------------------------------------------------------

#: The kinds whose summary counts what was accepted of the rows (or records) read:
#: the column (or the JSON list) whose entries each become one thing counted.
COUNTED = {"readings": "", "comparators": "values", "submissions": "",
           "dfe-ees": "", "dfe-lait-dictionary": "", "ofsted": "", "dfe-neighbours": ""}
_NUMBER = re.compile(r"(\d+) (values|readings|log entries|rows|measures|authorities)")


def rows_in(kind: str, path: Path) -> int | None:
    """How many records the file holds, read as plainly as possible (a CSV file's or a
    sheet's non-blank rows after its header, a JSON list's items); ``None`` if it cannot
    be read so plainly (then a reader's success is not counted)."""
    if path.suffix.lower() in SHEET_SUFFIXES:
        return table_rows(kind, _sheet_table(kind, path))
    data = path.read_bytes()
    if path.suffix == ".json":
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except (ValueError, RecursionError):
            return None
        if isinstance(document, dict):
            lists = [value for value in document.values() if isinstance(value, list)]
            document = lists[0] if len(lists) == 1 else None
        return len(document) if isinstance(document, list) else None
    rows = _csv_table(data)
    first = FIRST_HEADING.get(kind)
    if rows is not None and first is not None:  # a header under a title, as in a sheet
        rows = rows[next((i for i, row in enumerate(rows[:20])
                          if first in (cell.strip() for cell in row)), 0):]
    return table_rows(kind, rows)


def table_rows(kind: str, rows: list[list[str]] | None) -> int | None:
    """How many records a table of text (its header first) holds: its non-blank rows,
    counted as the kind counts them."""
    if rows is None:
        return None
    body = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    if kind == "dfe-lait-dictionary":  # a measure listed under several topics is one
        header = [cell.strip() for cell in rows[0]]
        if "Measure_short" not in header:
            return None
        code = header.index("Measure_short")
        return len({row[code].strip() for row in body if code < len(row)})
    if kind == "dfe-neighbours":  # a row naming no authority and no neighbour is no grouping
        header = [cell.strip() for cell in rows[0]]
        wanted = [i for i, name in enumerate(header) if name == "old_la_code"
                  or re.fullmatch(r"SN_?\d+", name)]
        body = [row for row in body if any(row[i].strip() for i in wanted if i < len(row))]
    return len(body)


#: The suffixes of workbooks, and a heading that marks each counted kind's header row.
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
FIRST_HEADING = {"readings": "indicator", "ofsted": "Local authority area code",
                 "comparators": "comparator", "submissions": "document",
                 "dfe-ees": "time_period", "dfe-lait-dictionary": "Measure_short",
                 "dfe-neighbours": "SN_1", "meetings": "date"}


def _sheet_table(kind: str, path: Path) -> list[list[str]] | None:
    """The rows from the first header (the first row holding the kind's first heading)
    of any sheet, read with python-calamine as plainly as possible."""
    from python_calamine import CalamineWorkbook

    first = FIRST_HEADING.get(kind)
    if first is None:
        return None
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            for name in book.sheet_names:
                rows = [[str(cell).strip() for cell in row]
                        for row in book.get_sheet_by_name(name).to_python()]
                header = next((i for i, row in enumerate(rows[:20]) if first in row), None)
                if header is not None:
                    return rows[header:]
    except BaseException as exc:  # a broken workbook: not counted
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        return None
    return None


def accepted(kind: str, summary: str) -> int | None:
    found = {unit: int(number) for number, unit in _NUMBER.findall(summary)}
    unit = COUNTED.get(kind)
    if unit is None:
        return None
    if unit:
        return found.get(unit)
    return next(iter(found.values()), None)


def _placed(error: CorpparentError, path: Path) -> str | None:
    """What is missing from ``error`` for it to say where: ``None`` if it names the
    file and, for each problem that is not about the whole file, its line or field."""
    source = str(path)
    if not isinstance(error, DataError):
        return None if source in str(error) else "an error that does not name the file"
    for problem in error.problems:
        if not problem.source.startswith(source) and source not in problem.note:
            return f"a problem of another source: {problem}"
        if problem.line is None and problem.field is None and not any(
                note in problem.message for note in WHOLE_FILE):
            return f"a problem without a line or field: {problem}"
    return None


def outcome(kind: FileKind, path: Path, against: Against) -> Outcome:
    """How checking ``path`` as ``kind`` ends."""
    try:
        summary = kind.check(path, against)
    except CorpparentError as exc:
        unplaced = _placed(exc, path)
        return Outcome(None, exc, None if unplaced is None else unplaced)
    except RecursionError:
        return Outcome(None, None, "RecursionError")
    except Exception as exc:  # the point: anything but a CorpparentError is a failure
        return Outcome(None, None, f"{type(exc).__name__}: {str(exc)[:200]}")
    expected = rows_in(kind.name, path) if kind.name in COUNTED else None
    got = accepted(kind.name, summary)
    if expected is not None and got is not None and got != expected:
        return Outcome(summary, None, f"{expected} rows read, {got} accepted, none reported",
                       rows_lost=abs(expected - got))
    return Outcome(summary, None)


def file_outcome(kind: str, path: str, profile: str | None,
                 limits: dict[str, int] | None = None) -> tuple[str, str, int]:
    """:func:`outcome` as plain data, for a process of its own (:mod:`fuzz_server`):
    ``(status, detail, rows lost)``, status ``result``, ``error`` or ``failure``; read
    under the read limits ``limits`` changed, where given."""
    from corpparent.kinds import kind_named

    with lowered(limits):
        ended = outcome(kind_named(kind), Path(path), against(profile))
    return classified(ended)


def classified(ended: Outcome) -> tuple[str, str, int]:
    """An :class:`Outcome` as ``(status, detail, rows lost)``."""
    if ended.failure is not None:
        return "failure", ended.failure, ended.rows_lost
    if ended.error is not None:
        return "error", str(ended.error)[:300], 0
    return "result", ended.summary or "", 0


@contextlib.contextmanager
def lowered(limits: dict[str, int] | None) -> Iterator[None]:
    """Read inside the block with the read limits ``limits`` changed, where corpparent
    has read limits (``corpparent.files.reading_limits``) and ``limits`` are given."""
    import corpparent.files

    chosen = getattr(corpparent.files, "reading_limits", None)
    if not limits or chosen is None:
        yield
        return
    with chosen(**limits):
        yield
