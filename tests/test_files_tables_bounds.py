"""Tables held in memory, checked as files are before anything native reads them: a list
of dicts and a table speaking Arrow (pandas, polars, pyarrow) give placed problems, never
an error from inside corpparent or a dependency, and never end the process; within the
read limits, each reads as the CSV file written from it."""

from __future__ import annotations

import csv
import datetime as dt
import math
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.files import reading_limits
from corpparent.files._tabular.arrow_checks import check_arrow_schema, check_column_names
from corpparent.files._tabular.records import Records
from corpparent.files._tabular.tables import checked_dicts, records_of
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.plugins import load_profile

ROOT = Path(__file__).resolve().parent.parent
NEIGHBOURS = ROOT / "src" / "corpparent" / "data" / "dfe" / "sn_model_2025_wide.csv"
INDICATORS = load_profile("wiltshire").indicators


def neighbour_rows() -> list[dict[str, Any]]:
    with NEIGHBOURS.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def records(table: Any) -> Records:
    return records_of(table, required=(), unknown_columns="keep", normalise_header=False)


def problems(read: Any, *args: Any) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(DataError) as caught:
        read(*args)
    return [(p.source, p.line, p.field) for p in caught.value.problems]


# --- a list of dicts -----------------------------------------------------------------


def test_neighbours_from_dicts_with_numbers_read_as_the_csv() -> None:
    # Until now a number in a cell of the model (3.0 where '830' was written) raised
    # AttributeError from corpparent's own reader.
    rows = neighbour_rows()
    typed = [{key: float(value) if value.isdigit() else value for key, value in row.items()}
             for row in rows]
    expected = read_neighbours(NEIGHBOURS)
    found = read_neighbours(typed)
    assert len(found) == len(expected) > 100
    assert [found.of(area.code) for area in expected] == [expected.of(area.code)
                                                          for area in expected]


@pytest.mark.parametrize(("value", "kind"), [([830], "a list"), ({"code": 830}, "a dict"),
                                             (b"830", "bytes"), (object(), "a object")])
def test_a_value_no_cell_can_hold_is_a_problem_at_its_item_and_key(value: object,
                                                                    kind: str) -> None:
    rows = neighbour_rows()
    rows[3]["SN_1"] = value
    with pytest.raises(DataError) as caught:
        read_neighbours(rows)
    [problem] = caught.value.problems
    assert (problem.source, problem.field, problem.found) == ("the records given",
                                                               "[3].SN_1", kind)
    assert "text, a number" in str(problem.expected)


def test_an_item_that_is_no_dict_and_a_key_that_is_no_text_are_named() -> None:
    rows: list[Any] = neighbour_rows()[:5]
    rows[3] = ["865", "Wiltshire"]
    rows[1] = {**rows[1], 7: "x"}
    assert problems(read_neighbours, rows) == [("the records given", None, "[1]"),
                                               ("the records given", None, "[3]")]


def test_a_key_missing_from_an_item_is_an_empty_cell_as_in_the_csv() -> None:
    assert checked_dicts([{"a": 1, "b": dt.date(2023, 7, 10)}, {"b": None, "c": True}]) == [
        {"a": "1", "b": "2023-07-10", "c": ""}, {"a": "", "b": "", "c": "TRUE"}]


def test_values_a_csv_cell_holds_become_its_text() -> None:
    [row] = checked_dicts([{"int": 865, "float": 12.5, "whole": 7.0, "dec": Decimal("0.10"),
                            "when": dt.datetime(2023, 7, 10, 9, 30), "none": None,
                            "aware": dt.datetime(2023, 7, 10, tzinfo=dt.UTC),
                            "false": False, "nat": pd.NaT, "na": pd.NA}])
    assert row == {"int": "865", "float": "12.5", "whole": "7", "dec": "0.10",
                   "when": "2023-07-10 09:30:00", "none": "",
                   "aware": "2023-07-10 00:00:00+00:00", "false": "FALSE", "nat": "",
                   "na": ""}


def test_a_list_of_dicts_over_the_limits_is_refused_naming_the_limit() -> None:
    rows = [{"a": "1"}] * 3
    with reading_limits(rows=2), pytest.raises(DataError, match=r"read limit rows \(2\).*"
                                               r"CORPPARENT_MAX_ROWS.*found 3 records"):
        checked_dicts(rows)
    with reading_limits(columns=2), pytest.raises(DataError, match="read limit columns"):
        checked_dicts([{"a": 1, "b": 2}, {"c": 3}])
    with reading_limits(cell_chars=5), pytest.raises(DataError) as caught:
        checked_dicts([{"a": "short"}, {"a": "longer"}])
    [problem] = caught.value.problems
    assert (problem.field, problem.found) == ("[1].a", "6 characters")


# --- tables speaking Arrow: names and types before export ---------------------------


class Unexported:
    """A table that says its columns and rows in Python and must not be exported."""

    def __init__(self, columns: list[object], rows: int = 1) -> None:
        self.columns = columns
        self.shape = (rows, len(columns))

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        raise AssertionError("exported before its names and size were checked")


@pytest.mark.parametrize(("names", "field"), [(["a", "b\x00c"], "column 2"),
                                              (["a", 3], "column 2"), (["a", "b", "a"], "a")])
def test_column_names_are_checked_before_the_table_is_exported(names: list[object],
                                                              field: str) -> None:
    assert problems(records, Unexported(names)) == [("the test_files_tables_bounds "
                                                     "Unexported", 1, field)]


def test_the_column_and_row_limits_are_checked_before_the_table_is_exported() -> None:
    with reading_limits(columns=3), pytest.raises(DataError, match="read limit columns"):
        records(Unexported(["a", "b", "c", "d"]))
    with reading_limits(rows=10), pytest.raises(DataError, match="found 11 rows"):
        records(Unexported(["a"], rows=11))
    with reading_limits(cells=21), pytest.raises(DataError, match="found 22 cells"):
        records(Unexported(["a", "b"], rows=11))


def test_a_polars_frame_with_a_nul_in_a_column_name_is_refused_without_ending_the_process(
) -> None:
    # polars' own exporter panics on such a name and aborts the process (exit 134), so
    # this runs in a child: a regression fails this test, not the whole suite. The
    # child is bounded by the timeout (a frame of two rows reads in well under a second).
    script = textwrap.dedent("""
        import polars as pl
        from corpparent import DataError
        from corpparent.files._tabular.tables import records_of
        try:
            records_of(pl.DataFrame({"a\\x00b": [1, 2]}), required=())
        except DataError as error:
            print(error)
    """)
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           timeout=120, check=False)
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout == ("the polars DataFrame, line 1, field 'column 1': a column's name "
                            "holds a NUL character; expected text without NUL, found "
                            "'a\\x00b'\n")


@pytest.mark.parametrize("column", [
    pl.Series([[1], [2]]), pl.Series([{"x": 1}, {"x": 2}]), pl.Series([b"a", b"b"]),
    pl.Series([dt.timedelta(1), dt.timedelta(2)]),
    pl.Series([object(), object()], dtype=pl.Object)])
def test_a_polars_column_no_cell_can_hold_is_named_with_its_type(column: pl.Series) -> None:
    frame = pl.DataFrame({"indicator": ["cla", "cla"], "value": column})
    with pytest.raises(DataError) as caught:
        read_readings(frame, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.source, problem.line, problem.field) == ("the polars DataFrame", 1, "value")
    assert problem.expected is not None
    assert problem.expected.startswith("text, whole or decimal numbers")


@pytest.mark.parametrize("column", [
    pa.array([[1]]), pa.array([{"x": 1}]), pa.array([b"a"]), pa.array([[("k", 1)]],
                                                                       pa.map_(pa.string(),
                                                                               pa.int64())),
    pa.array([dt.timedelta(1)]), pa.array([b"x"]).dictionary_encode()])
def test_a_pyarrow_column_no_cell_can_hold_is_refused_from_the_schema(column: Any) -> None:
    schema = pa.table({"value": column}).schema
    with pytest.raises(DataError) as caught:
        check_arrow_schema("t", schema)
    assert [(p.field, p.found) for p in caught.value.problems] == [("value", str(column.type))]


def test_an_object_column_of_lists_in_pandas_is_a_problem_at_each_cell() -> None:
    frame = pd.DataFrame({"indicator": ["cla"] * 3, "value": [1, [2], {"x": 3}]})
    with pytest.raises(DataError) as caught:
        records(frame)
    assert [(p.line, p.field, p.found) for p in caught.value.problems] == [
        (3, "value", "a list"), (4, "value", "a dict")]


def test_column_names_of_a_pandas_frame_must_be_text_and_once_each() -> None:
    assert problems(records, pd.DataFrame([[1, 2]])) == [
        ("the pandas DataFrame", 1, "column 1"), ("the pandas DataFrame", 1, "column 2")]
    twice = pd.DataFrame([[1, 2]], columns=["value", "value"])
    assert problems(records, twice) == [("the pandas DataFrame", 1, "value")]
    assert check_column_names("t", ["a", "b"]) == ["a", "b"]


# --- tables speaking Arrow: rows and cells as they come -----------------------------


def endless() -> Any:
    """A stream that never ends: only counting its rows as they come can refuse it."""
    schema = pa.schema([("value", pa.string())])

    def batches() -> Iterator[pa.RecordBatch]:
        while True:
            yield pa.record_batch([pa.array(["1"] * 1000)], schema=schema)

    return pa.RecordBatchReader.from_batches(schema, batches())


def test_rows_are_counted_against_the_limit_as_they_come() -> None:
    # Refused after 5,000 rows, in well under a second; benchmarks/bounded_tables.py
    # measures an endless stream refused at 1,000,000 rows (about 3.5 s, 450 MiB peak).
    with reading_limits(rows=5_000), pytest.raises(DataError, match="more than 5,000 rows"):
        records(endless())
    with reading_limits(cells=2_500), pytest.raises(DataError, match="more than 2,500 cells"):
        records(endless())


def test_a_cell_over_the_length_limit_is_refused_at_its_line_and_column() -> None:
    frame = pl.DataFrame({"indicator": ["cla", "x" * 101]})
    with reading_limits(cell_chars=100), pytest.raises(DataError) as caught:
        records(frame)
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.found) == (3, "indicator", "101 characters")


# --- odd values: each as the CSV written from the frame gives it --------------------


def odd_pandas() -> pd.DataFrame:
    return pd.DataFrame({
        "mixed": ["a", 1, 2.5, None, float("nan")],
        "category": pd.Categorical(["x", "y", None, "x", "y"]),
        "aware": pd.to_datetime(["2023-07-10 09:30", None, "2024-01-01 00:00",
                                 "2024-06-01 12:00", "2024-06-01 12:00"],
                                ).tz_localize("UTC").tz_convert("Europe/London"),
        "naive": pd.to_datetime(["2023-07-10", None, "2024-01-01", "2024-02-01", None]),
        "nullable": pd.array([1, None, 3, 4, 5], dtype="Int64"),
        "float": [1.5, float("nan"), 3.0, 1e20, -0.25],
        "flag": [True, False, None, True, False],
        "text": pd.array(["a", None, "c", "d", "e"], dtype="string"),
    })


def odd_polars() -> pl.DataFrame:
    return pl.DataFrame({
        "category": pl.Series(["x", "y", None], dtype=pl.Categorical),
        "aware": pl.Series([dt.datetime(2023, 7, 10, 9, 30), None, dt.datetime(2024, 1, 1)]
                           ).dt.replace_time_zone("Europe/London"),
        "nullable": pl.Series([1, None, 3], dtype=pl.Int16),
        "float": [1.5, None, 3.0],
        "flag": [True, None, False],
        "day": [dt.date(2023, 7, 10), None, dt.date(2024, 2, 29)],
        "decimal": pl.Series([Decimal("1.50"), None, Decimal("2.00")]),
    })


def written(frame: Any, folder: Path) -> Path:
    path = folder / "frame.csv"
    if isinstance(frame, pl.DataFrame):
        frame.write_csv(path)
    else:
        frame.to_csv(path, index=False)
    return path


def same_cell(ours: str, theirs: str) -> bool:
    """Whether two cells say the same: the same text, or the same number, instant or
    truth value however pandas and polars write it (``7.0`` and ``7``, ``True`` and
    ``TRUE``, ``NaN`` and ``nan``)."""
    if ours == theirs or ours.casefold() == theirs.casefold():
        return True
    try:
        a, b = float(ours), float(theirs)
    except ValueError:
        pass
    else:
        return a == b or (math.isnan(a) and math.isnan(b))
    try:
        return dt.datetime.fromisoformat(ours) == dt.datetime.fromisoformat(theirs)
    except ValueError:
        return False


def assert_same_records(frame: Any, folder: Path) -> None:
    ours, theirs = records(frame), records(written(frame, folder))
    assert ours.header == theirs.header
    assert [r.row for r in ours] == [r.row for r in theirs]
    for mine, csvs in zip(ours, theirs, strict=True):
        for name in ours.header:
            assert same_cell(mine.fields[name], csvs.fields[name]), (
                mine.row, name, mine.fields[name], csvs.fields[name])


@pytest.mark.parametrize("frame", [odd_pandas, odd_polars])
def test_odd_values_read_as_the_csv_written_from_the_frame(frame: Any, tmp_path: Path) -> None:
    assert_same_records(frame(), tmp_path)


def test_odd_pandas_values_read_as_their_text() -> None:
    read = records(odd_pandas())
    assert [dict(r.fields) for r in read][:2] == [
        {"mixed": "a", "category": "x", "aware": "2023-07-10 10:30:00+01:00",
         "naive": "2023-07-10", "nullable": "1", "float": "1.5", "flag": "TRUE", "text": "a"},
        {"mixed": "1", "category": "y", "aware": "", "naive": "", "nullable": "",
         "float": "", "flag": "FALSE", "text": ""}]


_TEXT = st.text(alphabet=st.sampled_from("abcXYZ019 ,.-'\""), max_size=8)
_COLUMNS = st.sampled_from([
    ("int", st.integers(-2**53, 2**53)),
    ("nullable int", st.one_of(st.none(), st.integers(-10**6, 10**6))),
    ("float", st.one_of(st.none(), st.floats(allow_infinity=False, width=64))),
    ("bool", st.booleans()),
    ("text", st.one_of(st.none(), _TEXT)),
    ("category", st.one_of(st.none(), st.sampled_from(["near", "close", "far"]))),
    ("date", st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))),
    ("datetime", st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1))),
    ("aware", st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2050, 1, 1),
                           timezones=st.just(dt.UTC))),
])


@st.composite
def frames(draw: st.DrawFn) -> tuple[str, dict[str, list[Any]], str]:
    rows = draw(st.integers(0, 12))
    kinds = draw(st.lists(_COLUMNS, min_size=1, max_size=5))
    columns = {f"c{i}_{kind.replace(' ', '_')}": draw(st.lists(values, min_size=rows,
                                                                max_size=rows))
               for i, (kind, values) in enumerate(kinds)}
    return draw(st.sampled_from(["pandas", "polars"])), columns, ",".join(
        kind for kind, _ in kinds)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frames())
def test_a_frame_of_flat_columns_reads_as_the_csv_written_from_it(
    tmp_path: Path, drawn: tuple[str, dict[str, list[Any]], str]
) -> None:
    library, columns, _ = drawn
    frame: Any
    if library == "polars":
        frame = pl.DataFrame(columns, strict=False).with_columns(
            pl.col(name).cast(pl.Categorical) for name in columns if name.endswith("category"))
    else:
        frame = pd.DataFrame(columns)
        for name in columns:
            if name.endswith("nullable_int"):
                frame[name] = frame[name].astype("Int64")
            elif name.endswith("category"):
                frame[name] = frame[name].astype("category")
            elif name.endswith(("_date", "_datetime")):
                frame[name] = pd.to_datetime(frame[name])
    assert_same_records(frame, tmp_path)
