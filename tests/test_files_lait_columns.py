"""Reading LAIT's dataset as columns: the same values as the row-by-row reader, and every
bad value reported with its row and column."""

from __future__ import annotations

import math
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpparent.dfe.areas import REGION_CODES
from corpparent.errors import DataError
from corpparent.files.dfe import lait_columns
from corpparent.files.dfe.lait import read_lait
from corpparent.files.dfe.lait_columns import read_lait_table
from national_data import NATIONAL_DATA

GOOD = {"Short Desc": "M", "Data item": "m", "Years": "2025", "LA and Regions": "Wiltshire",
        "Values": "12.5", "LA Number": 865.0, "Region": "South West"}


@pytest.fixture(params=["dictionary", "plain"])
def values_read_as(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Values read as Arrow dictionaries (row groups as small as LAIT's) or as plain
    text (as for row groups too large to have kept a dictionary)."""
    if request.param == "plain":
        monkeypatch.setattr(lait_columns, "_DICTIONARY_BYTES", -1)
    return str(request.param)


def _write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "lait.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


@pytest.mark.usefixtures("values_read_as")
def test_reads_numbers_symbols_and_dashes(tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "LA and Regions": "Swindon", "LA Number": 866.0, "Values": "c"},
            {**GOOD, "LA and Regions": "Bristol", "LA Number": 801.0, "Values": "-"},
            {**GOOD, "LA and Regions": "England", "LA Number": 970.0, "Region": "NA",
             "Values": "7.0E-2"}]
    table = read_lait_table(_write(tmp_path, rows))
    assert table.value[0] == 12.5
    assert math.isnan(table.value[1])
    assert table.value[3] == 0.07
    assert table.symbols[table.symbol[1]] == "c"
    assert table.symbols[table.symbol[2]] is None
    assert math.isnan(table.value[2])
    assert [table.areas[a].code for a in table.area] == ["865", "866", "801", "E92000001"]


@pytest.mark.usefixtures("values_read_as")
def test_every_bad_value_is_reported_with_its_row_and_column(tmp_path: Path) -> None:
    rows = [GOOD,
            {**GOOD, "LA Number": 866.0, "LA and Regions": "Swindon", "Values": "twelve"},
            {**GOOD, "LA Number": 8.5, "LA and Regions": "Half"},
            {**GOOD, "LA Number": 801.0, "LA and Regions": "Bristol", "Short Desc": " "},
            {**GOOD, "LA Number": 802.0, "LA and Regions": "Else", "Region": "Atlantis"},
            GOOD]
    with pytest.raises(DataError) as caught:
        read_lait_table(_write(tmp_path, rows))
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {(2, "Values"), (3, "LA Number"), (4, "Short Desc"),
                     (5, "LA and Regions"), (6, "Values")}
    assert "a second value for Wiltshire (865) in M 2025" in str(caught.value)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    rows = [{k: v for k, v in GOOD.items() if k != "Years"}]
    with pytest.raises(DataError, match="missing column 'Years'"):
        read_lait_table(_write(tmp_path, rows))


def test_not_a_parquet_file(tmp_path: Path) -> None:
    path = tmp_path / "lait.parquet"
    path.write_text("no", encoding="utf-8")
    with pytest.raises(DataError, match="cannot read the parquet file"):
        read_lait_table(path)


@pytest.mark.national_data
def test_the_same_values_as_the_row_reader() -> None:
    path = NATIONAL_DATA / "lait_bds_long.parquet"
    measures = ["LAC_LongStable%", "Hosp_Adm_Alc_<18yrs", "CINPermExclusion"]
    rows = read_lait(path, measures)
    table = read_lait_table(path)
    compared = 0
    for i in range(len(table)):
        measure = table.measures[table.measure[i]]
        if measure not in measures:
            continue
        figure = rows.figures(measure, table.labels[table.label[i]])[
            table.areas[table.area[i]].code]
        value = float(table.value[i])
        assert figure.value == (None if math.isnan(value) else value)
        assert figure.symbol == table.symbols[table.symbol[i]]
        compared += 1
    assert compared == sum(len(rows.figures(m, y)) for m in measures for y in rows.years(m))


def test_a_large_authority_number_reads_without_a_lookup_table_that_size(
        tmp_path: Path) -> None:
    # An authority number outside the known list is still an authority (the row reader
    # accepts it too); a lookup array sized by the number itself would need gigabytes.
    rows = [GOOD, {**GOOD, "LA and Regions": "Elsewhere", "LA Number": 999999999.0},
            {**GOOD, "LA and Regions": "Further", "LA Number": 2.0**31 - 1}]
    tracemalloc.start()
    try:
        table = read_lait_table(_write(tmp_path, rows))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [table.areas[a].code for a in table.area] == ["865", "999999999", "2147483647"]
    assert table.areas[table.area[1]].name == "Elsewhere"
    assert peak < 64 * 2**20


def test_an_empty_text_cell_is_reported_at_its_row(tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "LA Number": 866.0, "LA and Regions": "Swindon", "Short Desc": None},
            {**GOOD, "LA Number": 801.0, "LA and Regions": "Bristol", "Years": None},
            {**GOOD, "LA Number": 802.0, "LA and Regions": None},
            {**GOOD, "LA Number": 803.0, "LA and Regions": "Nowhere", "Region": None}]
    with pytest.raises(DataError) as caught:
        read_lait_table(_write(tmp_path, rows))
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {(2, "Short Desc"), (3, "Years"), (4, "LA and Regions"),
                     (5, "LA and Regions")}
    assert "unknown region 'Nowhere'" in str(caught.value)


def test_an_empty_region_marks_a_region_row(tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "LA Number": 1.0, "LA and Regions": "South West", "Region": None}]
    table = read_lait_table(_write(tmp_path, rows))
    assert table.areas[table.area[1]].code == REGION_CODES["South West"]


def _grid(count: int) -> list[dict[str, object]]:
    """Every measure in every year for three areas: few keys beside the rows."""
    return [{**GOOD, "Short Desc": f"M{i // 60}", "Years": str(2000 + i // 3 % 20),
             "LA Number": float(800 + i % 3), "LA and Regions": f"Area {i % 3}"}
            for i in range(count)]


def _diagonal(count: int) -> list[dict[str, object]]:
    """A measure and a year of its own for each row: far more keys than rows."""
    return [{**GOOD, "Short Desc": f"M{i // 60}", "Years": str(2000 + i),
             "LA Number": float(800 + i % 3), "LA and Regions": f"Area {i % 3}"}
            for i in range(count)]


@pytest.mark.parametrize("layout", [_grid, _diagonal])
def test_a_second_value_far_from_the_first_is_reported(
        tmp_path: Path, layout: Callable[[int], list[dict[str, object]]]) -> None:
    rows = layout(1800)
    rows.append({**rows[777], "Values": "1"})
    with pytest.raises(DataError) as caught:
        read_lait_table(_write(tmp_path, rows))
    assert [(p.line, p.field) for p in caught.value.problems] == [(len(rows), "Values")]
    assert (f"a second value for Area 0 (800) in M12 {rows[777]['Years']}"
            in str(caught.value))


def test_one_name_with_two_numbers_is_two_areas_in_order_of_number(tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "LA Number": 99.0}, {**GOOD, "Years": "2024"}]
    table = read_lait_table(_write(tmp_path, rows))
    assert [a.code for a in table.areas] == ["99", "865"]
    assert [table.areas[a].code for a in table.area] == ["865", "99", "865"]
    assert {a.name for a in table.areas} == {"Wiltshire"}


def test_a_column_of_numbers_where_text_belongs_is_named(tmp_path: Path) -> None:
    rows = [{**GOOD, "Years": 2025}, {**GOOD, "Years": 2024}]
    with pytest.raises(DataError) as caught:
        read_lait_table(_write(tmp_path, rows))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("Years", "expected text, found int64")]


@pytest.mark.usefixtures("values_read_as")
def test_a_values_column_with_nothing_filled_in_has_no_figures(tmp_path: Path) -> None:
    rows = [{**GOOD, "Values": None}, {**GOOD, "Years": "2024", "Values": None}]
    table = read_lait_table(_write(tmp_path, rows))
    assert all(math.isnan(v) for v in table.value)
    assert table.symbols == (None,)


@pytest.mark.usefixtures("values_read_as")
def test_numbers_only_with_empty_cells_and_dashes(tmp_path: Path) -> None:
    rows = [GOOD, {**GOOD, "Years": "2024", "Values": None},
            {**GOOD, "Years": "2023", "Values": "-"}, {**GOOD, "Years": "2022", "Values": "3"}]
    table = read_lait_table(_write(tmp_path, rows))
    assert table.value[0] == 12.5
    assert table.value[3] == 3
    assert math.isnan(table.value[1])
    assert math.isnan(table.value[2])
    assert table.symbols == (None,)


def test_values_are_read_as_a_dictionary_only_in_small_row_groups(tmp_path: Path) -> None:
    path = _write(tmp_path, [GOOD])
    assert "Values" in lait_columns._as_dictionaries(pq.read_metadata(path))
    big = tmp_path / "big.parquet"
    # Distinct texts well over a megabyte in one row group: written as plain text.
    pq.write_table(pa.table({"Values": [f"{i}.25" for i in range(300_000)]}), big)
    assert "Values" not in lait_columns._as_dictionaries(pq.read_metadata(big))
