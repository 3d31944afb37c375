"""Every reader's bounds: special files, size, nesting, and numbers no figure can be."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpparent import DataError, Indicator, IndicatorSet, Kind, Polarity, read_readings
from corpparent.files._tabular.documents import read_document
from corpparent.files._tabular.limits import MAX_NESTING, checked_file
from corpparent.files.panel.comparators import read_comparators
from corpparent.files.plugin.reader import load_plugin_file
from corpparent.indicators.readings import Reading
from corpparent.periods import parse_period

INDICATORS = IndicatorSet([
    Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL),
    Indicator("moves", "3+ placement moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER),
    Indicator("starts_rate", "Starts per 10,000", Kind.RATE, Polarity.NEUTRAL),
])


def write(tmp_path: Path, text: str, name: str = "readings.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problem_of(read: object, *args: object) -> DataError:
    with pytest.raises(DataError) as caught:
        read(*args)  # type: ignore[operator]
    return caught.value


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "readings.csv"
    folder.mkdir()
    error = problem_of(read_readings, folder, INDICATORS)
    assert "a directory" in str(error)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_that_never_ends_is_refused_unread() -> None:
    error = problem_of(load_plugin_file, "/dev/zero")
    assert "a device" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "readings.csv"
    os.mkfifo(fifo)
    assert "a pipe (FIFO)" in str(problem_of(read_readings, fifo, INDICATORS))


def test_a_file_over_the_size_bound_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x" * 101)
    assert checked_file(path) == path
    with pytest.raises(DataError, match="at most 100 bytes, found 101 bytes"):
        checked_file(path, limit=100)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_deep_nesting_is_refused_with_the_file(tmp_path: Path, suffix: str) -> None:
    depth = 100_000 if suffix == ".json" else 2_000
    text = "[" * depth + "]" * depth if suffix == ".json" else "a = " + "[" * depth + "]" * depth
    path = write(tmp_path, text, f"doc{suffix}")
    error = problem_of(read_document, path)
    assert str(path) in str(error)
    assert "nest" in str(error)


def test_nesting_within_the_bound_is_read(tmp_path: Path) -> None:
    depth = MAX_NESTING
    path = write(tmp_path, "[" * depth + "]" * depth, "doc.json")
    assert read_document(path)[0] is not None


@pytest.mark.parametrize("value", ["1" * 5000, "1" * 400, "1.7e308", "1e400", "NaN",
                                   "-Infinity"])
def test_a_json_number_no_figure_can_be_is_refused_at_its_line_and_key(
        tmp_path: Path, value: str) -> None:
    path = write(tmp_path, '[{"indicator": "cla", "period": "2022-23",\n'
                 f' "value": {value}}}]', "r.json")
    error = problem_of(read_readings, path, INDICATORS)
    assert (error.line, error.field) == (2, "[0].value")


@pytest.mark.parametrize("value", ["1.7e308", "1e305", "inf", "nan", "1" * 400])
def test_a_csv_number_no_figure_can_be_is_refused_at_its_row_and_field(
        tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"indicator,period,value,unit\nstarts_rate,2022-23,{value},"
                 "per 100000\n")
    error = problem_of(read_readings, path, INDICATORS)
    assert (error.line, error.field) == (2, "value")


@pytest.mark.parametrize(("value", "unit", "why"), [
    ("500", "%", "cannot exceed 100%"), ("-40", "", "cannot be negative"),
    ("1.7e308", "", "at most"),
])
def test_comparator_values_are_held_to_the_range_readings_are(
        tmp_path: Path, value: str, unit: str, why: str) -> None:
    indicator = "moves" if unit == "%" else "cla"
    path = write(tmp_path, "comparator,indicator,period,value,unit\n"
                 f"England,{indicator},2022-23,{value},{unit}\n", "comparators.csv")
    for indicators in (INDICATORS, None):
        if indicators is None and unit == "":
            continue  # without an indicator or unit, a negative may be a score
        with pytest.raises(DataError) as caught:
            read_comparators(path, indicators=indicators)
        error = caught.value
        assert (error.line, error.field) == (2, "value")
        assert why in str(error)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 1.7e308])
def test_a_reading_built_in_python_refuses_what_a_file_would(value: float) -> None:
    with pytest.raises(DataError, match="field 'value'"):
        Reading("cla", parse_period("2022-23"), value)


def test_a_symbol_given_as_a_value_is_withheld_never_a_number() -> None:
    reading = Reading("cla", parse_period("2022-23"), "C")  # type: ignore[arg-type]
    assert (reading.value, reading.symbol) == (None, "c")
    with pytest.raises(DataError, match="official symbol"):
        Reading("cla", parse_period("2022-23"), "7")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="field 'symbol'"):
        Reading("cla", parse_period("2022-23"), None, symbol="withheld")


def test_a_parquet_text_column_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    # Found by the fuzz suite: one byte flipped in a LAIT parquet file's text column
    # raised UnicodeDecodeError from deep inside pyarrow.
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from corpparent.files.dfe.lait import read_lait

    def text(*values: bytes) -> object:
        return pa.array(values, pa.binary()).view(pa.string())

    path = tmp_path / "lait.parquet"
    pq.write_table(pa.table({
        "Short Desc": text(b"LACStable_2016on"), "Data item": text(b""),
        "Years": text(b"2025"), "LA and Regions": text(b"Wilt\xe6shire"),
        "Values": text(b"68"), "LA Number": pa.array([865.0]),
        "Region": text(b"South West")}), path)
    with pytest.raises(DataError, match=r"cannot read the parquet file: .*UTF8"):
        read_lait(path)


def test_read_limits_come_from_the_environment_and_from_a_block() -> None:
    from corpparent.files import ReadLimits, current_limits, reading_limits

    assert ReadLimits.from_environment({"CORPPARENT_MAX_ROWS": "20_000_000"}).rows == 20_000_000
    assert ReadLimits.from_environment({"CORPPARENT_MAX_REPEATS": "50"}).repeats == 50
    with pytest.raises(DataError, match="CORPPARENT_MAX_COLUMNS"):
        ReadLimits.from_environment({"CORPPARENT_MAX_COLUMNS": "-3"})
    before = current_limits()
    with reading_limits(rows=5) as inside:
        assert current_limits() == inside
        assert inside.rows == 5
        assert inside.columns == before.columns
    assert current_limits() == before


def test_an_error_over_a_limit_names_the_limit_and_how_to_raise_it() -> None:
    from corpparent.files import reading_limits
    from corpparent.files._tabular.limits import over_limit

    with reading_limits(columns=10):
        error = over_limit("wide.csv", "the table's header", "12 columns", "columns", line=1)
    text = str(error)
    assert "wide.csv" in text
    assert "10" in text
    assert "12 columns" in text
    assert "CORPPARENT_MAX_COLUMNS" in text


def test_a_csv_cell_over_the_bound_is_named_by_its_heading(tmp_path: Path) -> None:
    from corpparent.files import reading_limits

    path = write(tmp_path, "indicator,period,value,unit\ncla,2022-23,7," + "x" * 40 + "\n")
    with reading_limits(cell_chars=39):
        error = problem_of(read_readings, path, INDICATORS)
    assert (error.line, error.field) == (2, "unit")
    assert "read limit cell_chars (39)" in str(error)
    with reading_limits(cell_chars=40):
        error = problem_of(read_readings, path, INDICATORS)
    assert "read limit" not in str(error)  # read, then refused as a unit it does not know


def _many_indicators(count: int) -> str:
    """Staffordshire's plug-in file with ``count`` more indicators of its own kind."""
    base = (Path(__file__).parents[1] / "src/corpparent/authorities/staffordshire.toml"
            ).read_text(encoding="utf-8")
    extra = "".join(f'\n[[indicators]]\nid = "extra_{n}"\nname = "Extra {n}"\n'
                    'kind = "count"\npolarity = "neutral"\ndomain = "Where I live"\n'
                    for n in range(count))
    return base + extra


def test_a_plugin_with_more_definitions_than_the_limit_is_one_error(tmp_path: Path) -> None:
    """A plug-in of 100,000 indicators took 31 s to validate and 2.6 GB to judge; over the
    ``definitions`` limit it is refused from the decoded document, before any indicator
    is checked."""
    from corpparent.errors import PluginFileError
    from corpparent.files import reading_limits

    path = tmp_path / "many.toml"
    path.write_text(_many_indicators(30), encoding="utf-8")
    assert len(load_plugin_file(path).indicators) > 30
    with reading_limits(definitions=30), pytest.raises(PluginFileError) as caught:
        load_plugin_file(path)
    [problem] = caught.value.problems
    assert problem.field == "indicators"
    assert "read limit definitions (30)" in str(problem)


def test_the_default_definitions_limit_at_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpparent.cli import cli
    from corpparent.files import current_limits

    path = tmp_path / "many.toml"
    path.write_text(_many_indicators(current_limits().definitions + 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert "CORPPARENT_MAX_DEFINITIONS" in result.stderr
