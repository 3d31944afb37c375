"""DataFrames and Arrow tables as analysts hold them (object columns mixing numbers and
symbols, nullable integers, categoricals, dates with and without a time zone) give the
same readings and the same problems as the CSV file written from them; a timestamp is
read as its day in its own zone, a time other than midnight is refused by name, and no
message of pandas, polars or pyarrow reaches the user."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.plugins import load_profile

INDICATORS = load_profile("wiltshire").indicators
CARE = "children_in_care"  # a snapshot count, in children
MOVES = "placement_moves_3plus"  # a percentage
QUARTER_ENDS = [dt.date(2022, 6, 30), dt.date(2022, 9, 30), dt.date(2022, 12, 31),
                dt.date(2023, 3, 31)]
QUARTERS = ["2022-23 Q1", "2022-23 Q2", "2022-23 Q3", "2022-23 Q4"]


def outcome(table: Any, **options: Any) -> tuple[str, Any]:
    """The readings read from ``table`` (indicator, period, value, symbol), or the
    problems as (line, field, note, expected, found, fix); anything but a DataError
    escapes and fails the test."""
    try:
        readings = read_readings(table, INDICATORS, **options)
    except DataError as error:
        return "problems", [(p.line, p.field, p.note, p.expected, p.found, p.fix)
                            for p in error.problems]
    return "readings", [(r.indicator, str(r.period), r.value, r.symbol) for r in readings]


def written(table: Any, folder: Path) -> Path:
    path = folder / "table.csv"
    if isinstance(table, pd.DataFrame):
        table.to_csv(path, index=False)
    elif isinstance(table, pl.DataFrame):
        table.write_csv(path)
    else:
        pa_csv.write_csv(table, path)
    return path


def without_found(result: tuple[str, Any]) -> tuple[str, Any]:
    """A result without the text each problem found: polars and pyarrow write a
    timestamp in their own way (``2022-06-30T13:00:00.000000``), and pandas a midnight
    with its time where the column holds another time, which the table's own cell need
    not copy."""
    kind, found = result
    return (kind, [item[:4] + item[5:] for item in found]) if kind == "problems" else result


def london(days: list[dt.date]) -> pd.DatetimeIndex:
    return pd.to_datetime(days).tz_localize("Europe/London")


PANDAS_CASES = {
    "nullable integers": pd.DataFrame({"indicator": [CARE] * 3, "period": QUARTERS[:3],
                                       "value": pd.array([445, pd.NA, 461], dtype="Int64")}),
    "categorical codes and periods": pd.DataFrame({
        "indicator": pd.Categorical([CARE, MOVES, CARE]),
        "period": pd.Categorical(QUARTERS[:3]), "value": [445, 7.5, 461]}),
    "numbers mixed with symbols": pd.DataFrame({
        "indicator": [CARE] * 4, "period": QUARTERS, "value": [12.5, "c", None, float("nan")]}),
    "a categorical of numbers and symbols": pd.DataFrame({
        "indicator": [CARE] * 3, "period": QUARTERS[:3],
        "value": pd.Categorical([12.5, "c", None])}),
    "naive quarter-end dates": pd.DataFrame({
        "indicator": [CARE] * 4, "period": pd.to_datetime(QUARTER_ENDS), "value": [1, 2, 3, 4]}),
    "a lone quarter-end date": pd.DataFrame({
        "indicator": [CARE], "period": pd.to_datetime(QUARTER_ENDS[:1]), "value": [1]}),
    "quarter ends at midnight in London": pd.DataFrame({
        "indicator": [CARE] * 4, "period": london(QUARTER_ENDS), "value": [1, 2, 3, 4]}),
    "the same instants in UTC": pd.DataFrame({
        "indicator": [CARE] * 4, "period": london(QUARTER_ENDS).tz_convert("UTC"),
        "value": [1, 2, 3, 4]}),
    "dates with a time of day": pd.DataFrame({
        "indicator": [CARE] * 2, "period": pd.to_datetime(["2022-06-30 13:00", "2022-09-30 00:00"]),
        "value": [1, 2]}),
    "date objects": pd.DataFrame({"indicator": [CARE] * 2, "period": QUARTER_ENDS[:2],
                                  "value": [1, 2]}),
    "pyarrow-backed text and integers": pd.DataFrame({
        "indicator": pd.array([CARE, "nonsense"], dtype="string[pyarrow]"),
        "period": QUARTERS[:2], "value": pd.array([1, None], dtype="int64[pyarrow]")}),
    "a negative and a percentage over 100": pd.DataFrame({
        "indicator": [CARE, MOVES], "period": QUARTERS[:2], "value": [-3, 120.0]}),
}


@pytest.mark.parametrize("options", [{}, {"periods": "quarter-end"}, {"periods": "month-end"}],
                         ids=["own dates", "quarter-end", "month-end"])
@pytest.mark.parametrize("name", list(PANDAS_CASES))
def test_a_pandas_frame_reads_as_its_csv(name: str, options: dict[str, str],
                                         tmp_path: Path) -> None:
    frame = PANDAS_CASES[name]
    ours, theirs = outcome(frame, **options), outcome(written(frame, tmp_path), **options)
    # pandas writes a column's midnights with their time where another has a time of day
    assert without_found(ours) == without_found(theirs)
    if name != "dates with a time of day":
        assert ours == theirs


def polars_cases() -> dict[str, pl.DataFrame]:
    midnights = [dt.datetime(day.year, day.month, day.day) for day in QUARTER_ENDS]
    zoned = pl.Series(midnights).dt.replace_time_zone("Europe/London")
    return {
        "nullable integers": pl.DataFrame({"indicator": [CARE] * 3, "period": QUARTERS[:3],
                                           "value": pl.Series([445, None, 461], dtype=pl.Int64)}),
        "categorical and enum": pl.DataFrame({
            "indicator": pl.Series([CARE, MOVES, CARE], dtype=pl.Categorical),
            "period": pl.Series(QUARTERS[:3], dtype=pl.Enum(QUARTERS)), "value": [1.0, 7.5, 3.0]}),
        "dates": pl.DataFrame({"indicator": [CARE] * 4, "period": QUARTER_ENDS,
                               "value": [1, 2, 3, 4]}),
        "zoned midnights": pl.DataFrame({"indicator": [CARE] * 4, "period": zoned,
                                         "value": [1, 2, 3, 4]}),
        "zoned, seen from UTC": pl.DataFrame({
            "indicator": [CARE] * 4, "period": zoned.dt.convert_time_zone("UTC"),
            "value": [1, 2, 3, 4]}),
        "a time of day": pl.DataFrame({"indicator": [CARE] * 2, "period": pl.Series(
            [dt.datetime(2022, 6, 30, 9, 30), midnights[1]]), "value": [1, 2]}),
        "a NaN": pl.DataFrame({"indicator": [CARE] * 2, "period": QUARTERS[:2],
                               "value": [1.0, float("nan")]}),
    }


def arrow_cases() -> dict[str, pa.Table]:
    midnights = pa.array([dt.datetime(day.year, day.month, day.day) for day in QUARTER_ENDS],
                         pa.timestamp("us"))
    return {
        "dictionary arrays": pa.table({
            "indicator": pa.array([CARE, MOVES]).dictionary_encode(),
            "period": pa.array(QUARTERS[:2]).dictionary_encode(), "value": [445, 7.5]}),
        "zoned timestamps": pa.table({
            "indicator": [CARE] * 4, "value": [1, 2, 3, 4],
            "period": pa.compute.assume_timezone(midnights, "Europe/London")}),
        "date32": pa.table({"indicator": [CARE] * 4, "value": [1, 2, 3, 4],
                            "period": pa.array(QUARTER_ENDS, pa.date32())}),
        "decimal128": pa.table({"indicator": [CARE] * 3, "period": QUARTERS[:3],
                                "value": pa.array([Decimal("445.00"), None, Decimal("461.50")],
                                                  pa.decimal128(10, 2))}),
        "large strings": pa.table({
            "indicator": pa.array([CARE] * 3, pa.large_string()),
            "period": pa.array(QUARTERS[:3], pa.large_string()),
            "value": pa.array(["445", "c", ""], pa.large_string())}),
    }


@pytest.mark.parametrize("name", list(polars_cases()))
def test_a_polars_frame_reads_as_its_csv(name: str, tmp_path: Path) -> None:
    frame = polars_cases()[name]
    assert without_found(outcome(frame)) == without_found(outcome(written(frame, tmp_path)))


@pytest.mark.parametrize("name", list(arrow_cases()))
def test_an_arrow_table_reads_as_its_csv(name: str, tmp_path: Path) -> None:
    table = arrow_cases()[name]
    assert without_found(outcome(table)) == without_found(outcome(written(table, tmp_path)))


def test_a_zoned_timestamp_is_its_day_in_its_own_zone() -> None:
    # Midnight in London on 30 June 2022 is 23:00 on the 29th in UTC: the London table
    # reads as the quarters the days end; the same instants seen from UTC are refused.
    assert outcome(PANDAS_CASES["quarter ends at midnight in London"]) == (
        "readings", [(CARE, quarter, float(n), None) for n, quarter in enumerate(QUARTERS, 1)])
    kind, found = outcome(PANDAS_CASES["the same instants in UTC"])
    assert kind == "problems"
    assert [(line, field, note.startswith("a date and time (23:00:00), not a period"))
            for line, field, note, *_ in found] == [
        (2, "period", True), (3, "period", True), (4, "period", False),  # 31 Dec: GMT
        (5, "period", True)]


def test_a_time_other_than_midnight_is_refused_by_name_not_cut_to_its_day() -> None:
    with pytest.raises(DataError) as caught:
        read_readings(PANDAS_CASES["dates with a time of day"], INDICATORS,
                      periods="quarter-end")
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.found) == (2, "period", "'2022-06-30 13:00:00'")
    assert "a date and time (13:00:00)" in problem.message
    assert "the date alone" in str(problem.fix)


def no_dependency_text(error: DataError) -> None:
    text = str(error)
    for word in ("ArrowInvalid", "Conversion failed", "out of range", "magnitude"):
        assert word not in text


def test_a_value_beyond_python_years_names_its_rows_and_what_was_expected() -> None:
    table = pa.table({"indicator": [CARE] * 3, "value": [1, 2, 3],
                      "period": pa.array([0, 2**62, 2**62], pa.timestamp("us"))})
    with pytest.raises(DataError) as caught:
        read_readings(table, INDICATORS)
    no_dependency_text(caught.value)
    assert [(p.line, p.field) for p in caught.value.problems] == [(3, "period"), (4, "period")]
    assert "years 1 to 9999" in str(caught.value.problems[0].expected)


def test_a_column_the_exporter_refuses_is_named_with_its_own_type() -> None:
    frame = pl.DataFrame({"indicator": [CARE], "period": QUARTERS[:1],
                          "value": pl.Series([object()], dtype=pl.Object)})
    with pytest.raises(DataError) as caught:
        read_readings(frame, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.field, str(problem.found).split(" ")[0]) == ("value", "Object")


# --- a property: any such table reads as the CSV written from it -----------------------

INDICATOR_CODES = [CARE, MOVES, "not_an_indicator"]
VALUES = st.one_of(st.none(), st.integers(-5, 600), st.floats(-5, 150), st.just(float("nan")),
                   st.sampled_from(["c", "x", "low", "12.5", "seven"]))


def period_column(choice: str, days: list[dt.date]) -> Any:
    if choice == "text":
        return [str(day) for day in days]  # dates written as text
    if choice == "dates":
        return pd.to_datetime(days)
    if choice == "london":
        return london(days)
    if choice == "utc":
        return london(days).tz_convert("UTC")
    if choice == "objects":
        return list(days)
    return pd.Categorical([QUARTERS[QUARTER_ENDS.index(day)] if day in QUARTER_ENDS
                           else day.isoformat() for day in days])


def value_column(choice: str, values: list[Any]) -> Any:
    numbers = [value for value in values if not isinstance(value, str)]
    if choice == "mixed":
        return pd.Series(values, dtype=object)
    if choice == "categorical":
        return pd.Categorical(values)
    if choice == "nullable" and all(isinstance(v, int) or v is None for v in numbers):
        return pd.array([v if isinstance(v, int) else None for v in values], dtype="Int64")
    return [float(v) if isinstance(v, int | float) else None for v in values]


@st.composite
def tables(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(st.integers(1, 6))
    days = draw(st.lists(st.sampled_from([*QUARTER_ENDS, dt.date(2022, 5, 31),
                                          dt.date(2022, 5, 14)]), min_size=rows, max_size=rows))
    indicators = draw(st.lists(st.sampled_from(INDICATOR_CODES), min_size=rows, max_size=rows))
    values = draw(st.lists(VALUES, min_size=rows, max_size=rows))
    as_category = draw(st.booleans())
    return pd.DataFrame({
        "indicator": pd.Categorical(indicators) if as_category else indicators,
        "period": period_column(draw(st.sampled_from(
            ["text", "dates", "london", "utc", "objects", "categorical"])), days),
        "value": value_column(draw(st.sampled_from(["mixed", "categorical", "nullable",
                                                    "floats"])), values),
    })


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frame=tables(), rule=st.sampled_from([None, "quarter-end", "month-end"]))
def test_any_table_reads_as_the_csv_written_from_it(frame: pd.DataFrame, rule: str | None,
                                                    tmp_path: Path) -> None:
    options = {} if rule is None else {"periods": rule}
    assert outcome(frame, **options) == outcome(written(frame, tmp_path), **options)
