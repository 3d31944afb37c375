"""A long table checked a column at a time gives the readings and problems the row
checks give, row for row: from a CSV file and from an Arrow table."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

from corpparent import (
    DataError,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Readings,
    read_readings,
)
from corpparent.files import readings_from_records
from corpparent.files._tabular import text_columns as columns_module
from corpparent.files._tabular.text_columns import text_columns
from corpparent.files.panel.readings import (
    OPTIONAL_READING_COLUMNS,
    READING_COLUMNS,
    readings_records,
    readings_row_by_row,
)

INDICATORS = IndicatorSet([
    Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL),
    Indicator("moves", "3+ placement moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER),
    Indicator("starts_rate", "Starts per 10,000", Kind.RATE, Polarity.NEUTRAL),
    Indicator("att8", "Attainment 8", Kind.SCORE, Polarity.HIGHER_IS_BETTER),
    Indicator("missing", "Missing episodes", Kind.COUNT, Polarity.LOWER_IS_BETTER),
])

#: Cells a panel's table holds, good and bad: no quote, so the file stays plain (a cell
#: with a comma is written quoted, standing whole on its line).
INDICATOR_CELLS = ("cla", "moves", "starts_rate", "att8", "missing", "unknown", "", " cla",
                   "CLA")
PERIOD_CELLS = ("2022-23 Q1", "2022-23 Q2", "2022\u201323 Q1", "2022-06", "2022-05-31",
                "2022-06-30", "2022-09-30", "Jan-25", "Q4 2023", "2023", "", " 2022-07",
                "2022-23", "2022-06-30 13:00")
VALUE_CELLS = ("0", "12", "12.5", "99.9999999999", "100", "100.5", "150", "c", "C", "low",
               "", " ", "-3", "11.9%", "1e3", "nan", "inf", " 7", "abc", "0.07",
               "1234567890123456", "007.50", "7,5", "1,5%", "0,119", "1,23,456", "1,234",
               "12,345,678.5", "1,000%", " 1,5 ")
FIGURE_CELLS = ("", "5", "12.25", "-1", "x", "200", "1,5", "1,000")
UNIT_CELLS = ("", "percent", "fraction", "kg", "per 100000")

rows = st.lists(st.tuples(st.sampled_from(INDICATOR_CELLS), st.sampled_from(PERIOD_CELLS),
                          st.sampled_from(VALUE_CELLS), st.sampled_from(FIGURE_CELLS),
                          st.sampled_from(FIGURE_CELLS), st.sampled_from(UNIT_CELLS)),
                max_size=25)
extra_columns = st.sampled_from([(), ("numerator", "denominator"), ("unit",),
                                 ("population", "unit")])


@pytest.fixture(autouse=True)
def _small_tables_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every table here is read by columns, however few its rows."""
    monkeypatch.setattr(columns_module, "COLUMNS_FROM_ROWS", 0)


def _table(found: list[tuple[str, ...]], extra: tuple[str, ...]) -> tuple[
        list[str], list[list[str]]]:
    header = ["indicator", "period", "value", *extra]
    picked = {"numerator": 3, "denominator": 4, "population": 3, "unit": 5}
    return header, [[*row[:3], *(row[picked[name]] for name in extra)] for row in found]


def _line(row: list[str]) -> str:
    """A CSV line of ``row``, each cell holding a comma quoted."""
    return ",".join(f'"{cell}"' if "," in cell else cell for cell in row)


def _outcome(read: object) -> object:
    """What a reading gave, to compare: each reading whole, or every problem."""
    try:
        readings = read() if callable(read) else read
    except DataError as exc:
        return ("refused", exc.problems, str(exc))
    assert isinstance(readings, Readings)
    return ("read", sorted(((r.indicator, str(r.period), r.value, r.numerator, r.denominator,
                             r.population, r.symbol, r.source) for r in readings),
                           key=repr), tuple(readings.periods), readings.indicators)


@settings(max_examples=150, deadline=None)
@given(rows, extra_columns)
def test_a_csv_file_reads_the_same_by_columns_as_row_by_row(
        found: list[tuple[str, ...]], extra: tuple[str, ...]) -> None:
    header, cells = _table(found, extra)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readings.csv"
        path.write_text("\n".join(_line(row) for row in [header, *cells]) + "\n",
                        encoding="utf-8")
        table = text_columns(path, required=READING_COLUMNS,
                             optional=OPTIONAL_READING_COLUMNS)
        assert table is not None, "a plain file is read by columns"
        by_rows = _outcome(lambda: readings_row_by_row(readings_records(path), INDICATORS))
        assert _outcome(lambda: read_readings(path, INDICATORS)) == by_rows
        # The records the row reader made, checked by columns as a sheet's are.
        assert _outcome(lambda: readings_from_records(readings_records(path),
                                                      INDICATORS)) == by_rows


@settings(max_examples=100, deadline=None)
@given(rows, extra_columns)
def test_an_arrow_table_reads_the_same_by_columns_as_row_by_row(
        found: list[tuple[str, ...]], extra: tuple[str, ...]) -> None:
    header, cells = _table(found, extra)
    table = pa.table({name: pa.array([row[i] for row in cells], pa.string())
                      for i, name in enumerate(header)})
    assert text_columns(table, required=READING_COLUMNS,
                        optional=OPTIONAL_READING_COLUMNS) is not None
    by_rows = _outcome(lambda: readings_row_by_row(readings_records(table), INDICATORS))
    assert _outcome(lambda: read_readings(table, INDICATORS)) == by_rows
    assert _outcome(lambda: readings_from_records(table, INDICATORS)) == by_rows


good_rows = st.lists(st.tuples(
    st.sampled_from(("cla", "moves", "starts_rate", "att8", "missing")),
    st.sampled_from(("2022-23 Q1", "2022-23 Q2", "2022-06", "2022-07", "2022-23")),
    st.sampled_from(("0", "12", "12.5", "c", "x", "", "0.07", "99.5", "1e1", "7.5")),
    st.sampled_from(("", "5", "12.25")), st.sampled_from(("", "40", "12.25")),
    st.sampled_from(("",))), unique_by=lambda row: row[:2], max_size=25)


@settings(max_examples=100, deadline=None)
@given(good_rows, extra_columns)
def test_a_table_of_good_rows_is_read_whole_either_way(
        found: list[tuple[str, ...]], extra: tuple[str, ...]) -> None:
    header, cells = _table(found, extra)
    lines = [_line(row) for row in [header, *cells]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readings.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        by_rows = _outcome(lambda: readings_row_by_row(readings_records(path), INDICATORS))
        assert _outcome(lambda: read_readings(path, INDICATORS)) == by_rows
    table = pa.table({name: pa.array([row[i] for row in cells], pa.string())
                      for i, name in enumerate(header)})
    assert _outcome(lambda: read_readings(table, INDICATORS)) == _outcome(
        lambda: readings_row_by_row(readings_records(table), INDICATORS))
    if not extra:  # a figure without a value, or over its denominator, is a problem
        assert by_rows[0] == "read"


def test_a_duplicate_is_found_across_plain_rows_and_others(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\ncla,2022-23 Q1,5\ncla,2022\u201323 Q1,6\n"
                    "moves,2022-23 Q1,7\nmoves,2022-23 Q1,11.9%\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert [(p.line, p.field) for p in caught.value.problems] == [(3, "period"),
                                                                 (5, "period")]
    assert "first given at line 2" in caught.value.problems[0].message
    assert "first given at line 4" in caught.value.problems[1].message


@pytest.mark.parametrize("text", [
    'indicator,period,value\ncla,2022-23 Q1,"1,2"34\n',  # a quote closed too soon
    "indicator,period,value\n  \ncla,2022-23 Q1,5\n",  # a line of spaces
    'indicator,period,value\ncla,"2022-23\nQ1",5\n',  # a row over two lines
    "indicator,period,value\ncla,2022-23 Q1\n",  # a row short of a cell
    "Readings\nindicator,period,value\ncla,2022-23 Q1,5\n",  # a title above the header
])
def test_a_file_that_is_not_plain_is_read_row_by_row(tmp_path: Path, text: str) -> None:
    path = tmp_path / "readings.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert text_columns(path, required=READING_COLUMNS,
                        optional=OPTIONAL_READING_COLUMNS) is None
    assert _outcome(lambda: read_readings(path, INDICATORS)) == _outcome(
        lambda: readings_row_by_row(readings_records(path), INDICATORS))


@pytest.mark.parametrize("text", [
    'indicator,period,value\ncla,2022-23 Q1,"1,234"\ncla,"2022-23 Q2","c"\n',  # quoted cells
    "indicator,period,value\rcla,2022-23 Q1,5\rcla,2022-23 Q1,6\r",  # lone carriage returns
    "indicator,period,value\r\n\r\ncla,2022-23 Q1,5\r\n,,\r\ncla,2022-23 Q1,x\r\n",  # blank rows
])
def test_quoted_cells_and_other_line_ends_are_read_by_columns_the_same(
        tmp_path: Path, text: str) -> None:
    path = tmp_path / "readings.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert text_columns(path, required=READING_COLUMNS,
                        optional=OPTIONAL_READING_COLUMNS) is not None
    assert _outcome(lambda: read_readings(path, INDICATORS)) == _outcome(
        lambda: readings_row_by_row(readings_records(path), INDICATORS))


@pytest.mark.parametrize(("text", "encoding"), [
    ('indicator,period,value\ncla,2022-23 Q1,"1,234"\ncla,2022-23 Q2,c\n'
     'moves,2022-23 Q1,"7"\nmoves,2022\u201323 Q1,8\n', "utf-8"),
    ("indicator,period,value,unit\ncla,2022-23 Q1,5,\ncla,2022-23 Q2,6,\u00a3\n"
     "moves,2022-23 Q1,7,\n", "cp1252"),
    ("indicator,period,value\ncla,2022-23 Q1,5\ncla,2022-23 Q2,6\n", "cp1252"),
])
def test_records_the_row_reader_made_are_checked_by_columns_the_same(
        tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "readings.csv"
    path.write_text(text, encoding=encoding)
    records = readings_records(path)
    assert _outcome(lambda: readings_from_records(records, INDICATORS)) == _outcome(
        lambda: readings_row_by_row(records, INDICATORS))
    assert _outcome(lambda: read_readings(path, INDICATORS)) == _outcome(
        lambda: readings_row_by_row(records, INDICATORS))


def test_a_blank_line_is_skipped_and_later_lines_keep_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\n\ncla,2022-23 Q1,5\ncla,2022-23 Q1,6\n",
                    encoding="utf-8")
    assert text_columns(path, required=READING_COLUMNS,
                        optional=OPTIONAL_READING_COLUMNS) is not None
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert [p.line for p in caught.value.problems] == [4]
    assert "first given at line 3" in caught.value.problems[0].message


def test_a_small_file_is_read_row_by_row_without_pyarrow(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columns_module, "COLUMNS_FROM_ROWS", 3)
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\ncla,2022-23 Q1,5\n", encoding="utf-8")
    assert text_columns(path, required=READING_COLUMNS,
                        optional=OPTIONAL_READING_COLUMNS) is None
    path.write_text("indicator,period,value\ncla,2022-23 Q1,5\ncla,2022-23 Q2,5\n",
                    encoding="utf-8")
    assert text_columns(path, required=READING_COLUMNS,
                        optional=OPTIONAL_READING_COLUMNS) is not None


def test_a_file_over_a_read_limit_is_left_to_the_row_reader(tmp_path: Path) -> None:
    from corpparent.files import reading_limits

    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\ncla,2022-23 Q1,5\ncla,2022-23 Q2,6\n",
                    encoding="utf-8")
    with reading_limits(rows=1):
        assert text_columns(path, required=READING_COLUMNS,
                            optional=OPTIONAL_READING_COLUMNS) is None
        with pytest.raises(DataError, match="read limit rows"):
            read_readings(path, INDICATORS)
