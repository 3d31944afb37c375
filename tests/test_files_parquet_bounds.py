"""A parquet file is checked from its footer before a page is read: a column of the
wrong type, a file over the read limits, or no parquet file at all is a placed
DataError, and at the command line exit 2 and one line, never pyarrow's own error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.files import reading_limits
from corpparent.files._tabular.parquet_checks import check_parquet, parquet_metadata
from corpparent.files.dfe.lait import read_lait

ROW = {"Short Desc": "LACStable_2016on", "Data item": "", "Years": "2025",
       "LA and Regions": "Wiltshire", "Values": "68", "LA Number": 865.0,
       "Region": "South West"}
TEXT_COLUMNS = ("Short Desc", "Years", "LA and Regions", "Values", "Region")
WRONG = {"binary": pa.array([b"x"] * 3, pa.binary()),
         "list": pa.array([["x"]] * 3),
         "struct": pa.array([{"x": "y"}] * 3),
         "large binary": pa.array([b"x"] * 3, pa.large_binary())}


def write(path: Path, rows: int = 3, row_group_size: int | None = None,
          **columns: Any) -> Path:
    data = {name: columns.get(name, pa.array([value] * rows)) for name, value in ROW.items()}
    pq.write_table(pa.table(data), path, row_group_size=row_group_size)
    return path


@pytest.fixture
def unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if a parquet file's data is read: what is refused is refused from its footer."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the data was read before the file was refused")

    monkeypatch.setattr(pq, "read_table", refuse)


@pytest.mark.usefixtures("unread")
@pytest.mark.parametrize("column", TEXT_COLUMNS)
@pytest.mark.parametrize("kind", sorted(WRONG))
def test_a_column_of_the_wrong_type_names_file_column_expected_and_found(
    tmp_path: Path, column: str, kind: str
) -> None:
    # Until now a binary 'Short Desc' was read as bytes without a word, a binary
    # 'Values' raised ArrowNotImplementedError and a binary 'LA and Regions' TypeError.
    # Now refused from the footer alone (``unread``): no page is read, so the time and
    # memory are those of reading the footer, whatever the file holds.
    path = write(tmp_path / "lait.parquet", **{column: WRONG[kind]})
    with pytest.raises(DataError) as caught:
        read_lait(path)
    [problem] = caught.value.problems
    written = pq.read_schema(path).field(column).type  # as the footer says it
    assert (problem.source, problem.field, problem.expected, problem.found) == (
        str(path), column, "text", str(written))
    assert str(written).startswith(str(WRONG[kind].type).split("<")[0])


@pytest.mark.usefixtures("unread")
@pytest.mark.parametrize("kind", ["binary", "list", "struct"])
def test_la_numbers_must_be_numbers(tmp_path: Path, kind: str) -> None:
    path = write(tmp_path / "lait.parquet", **{"LA Number": WRONG[kind]})
    with pytest.raises(DataError) as caught:
        read_lait(path)
    [problem] = caught.value.problems
    assert (problem.field, problem.expected, problem.found) == (
        "LA Number", "numbers", str(pq.read_schema(path).field("LA Number").type))


def test_a_binary_column_at_the_command_line_is_exit_2_and_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "lait.parquet", Values=WRONG["binary"])
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"{path}, field 'Values': expected text, found binary\n"


@pytest.mark.usefixtures("unread")
@pytest.mark.parametrize(("limit", "value", "found"), [
    ("row_group_rows", 4, "row group 1 of the parquet file is over the read limit "
     "row_group_rows (4); raise it with CORPPARENT_MAX_ROW_GROUP_ROWS or "
     "corpparent.files.reading_limits(row_group_rows=...); expected at most 4, found 5 rows"),
    ("parquet_rows", 9, "found 10 rows"),
    ("cells", 59, "found 60 cells in the columns read"),
    ("expanded_bytes", 64, "more than 64 bytes in the columns read, uncompressed"),
])
def test_a_file_over_a_read_limit_is_refused_from_its_footer(
    tmp_path: Path, limit: str, value: int, found: str
) -> None:
    path = write(tmp_path / "lait.parquet", rows=10, row_group_size=5)
    with reading_limits(**{limit: value}), pytest.raises(DataError) as caught:
        read_lait(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert found in str(caught.value)
    assert f"read limit {limit}" in str(caught.value)


def test_within_the_limits_the_same_file_reads(tmp_path: Path) -> None:
    path = write(tmp_path / "lait.parquet", rows=1, row_group_size=5)
    with reading_limits(row_group_rows=5, parquet_rows=10, cells=60):
        assert len(read_lait(path).areas) == 1


def test_a_row_group_limit_from_the_environment_at_the_command_line(tmp_path: Path) -> None:
    path = write(tmp_path / "lait.parquet", rows=6, row_group_size=3)
    result = CliRunner(env={"CORPPARENT_MAX_ROW_GROUP_ROWS": "2"}).invoke(
        cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1
    assert "row group 1 of the parquet file is over the read limit row_group_rows (2)" in \
        result.stderr


@pytest.mark.parametrize("damage", ["truncated footer", "bad magic", "empty"])
def test_a_damaged_file_is_a_data_error(tmp_path: Path, damage: str) -> None:
    path = write(tmp_path / "lait.parquet")
    data = path.read_bytes()
    path.write_bytes({"truncated footer": data[:-12] + data[-4:], "bad magic": data[:-4]
                      + b"PARX", "empty": b""}[damage])
    with pytest.raises(DataError, match=f"^{path}: cannot read the parquet file: "):
        read_lait(path)
    with pytest.raises(DataError, match="cannot read the parquet file"):
        parquet_metadata(path)


def test_the_checks_are_given_by_name_for_other_readers(tmp_path: Path) -> None:
    path = write(tmp_path / "any.parquet", Years=pa.array([1, 2, 3]))
    metadata = parquet_metadata(path)
    check_parquet(str(path), metadata, {"LA Number": "number", "Years": "number"})
    with pytest.raises(DataError, match="field 'Years': expected text, found int64"):
        check_parquet(str(path), metadata, {"Years": "text"})
