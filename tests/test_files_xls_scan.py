"""The scan of an ``.xls`` file's records finds each sheet's last cell where calamine
puts it, and never fails on a file it cannot follow: it answers ``None`` and the file
is read, bounded, as before."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from python_calamine import CalamineWorkbook

from corpparent.files._tabular.xls_scan import sheet_ends
from fuzz_xls import (
    MAX_COLUMNS,
    MAX_ROWS,
    cell_record,
    compound_file,
    container_mutation,
    sheet_records,
    workbook_stream,
    xls_bytes,
)
from workbooks import write_xls

cells = st.lists(st.tuples(st.integers(0, MAX_ROWS - 1), st.integers(0, MAX_COLUMNS - 1),
                           st.sampled_from(["x", "7", "2.5", "text"])), min_size=1, max_size=5)


def calamine_end(path: Path) -> tuple[int, int] | None:
    with CalamineWorkbook.from_path(str(path)) as book:
        end = book.get_sheet_by_name(book.sheet_names[0]).end
    return None if end is None else (end[0] + 1, end[1] + 1)


@settings(max_examples=40, deadline=None)
@given(placed=cells)
def test_the_last_cell_is_where_calamine_puts_it(tmp_path_factory: pytest.TempPathFactory,
                                                   placed: list[tuple[int, int, str]]) -> None:
    # Kept small by calamine, which lays out every cell up to the last as it opens.
    placed = [(row % 300, column, text) for row, column, text in placed]
    records = sheet_records([["a"]])
    records[-1:-1] = [cell_record(row, column, text) for row, column, text in placed]
    path = tmp_path_factory.mktemp("scan") / "cells.xls"
    path.write_bytes(compound_file(workbook_stream(records)))
    end = calamine_end(path)
    assert end is not None
    assert sheet_ends(path.read_bytes()) == [("Sheet1", *end)]


def test_shared_strings_are_placed_too_and_the_sheet_named(tmp_path: Path) -> None:
    # The project's other writer puts its text in a shared-string table (LABELSST).
    path = write_xls(tmp_path / "s.xls", [["indicator", "value"], ["cla", "7"], [],
                                          ["", "", "", "far"]], sheet="Readings")
    assert sheet_ends(path.read_bytes()) == [("Readings", 4, 4)]
    assert calamine_end(path) == (4, 4)


def test_the_far_cell_at_iv65536_is_found_without_laying_out_its_cells() -> None:
    records = sheet_records([["a", "b"]])
    records.insert(-1, cell_record(MAX_ROWS - 1, MAX_COLUMNS - 1, "far"))
    assert sheet_ends(compound_file(workbook_stream(records))) == [("Sheet1", 65_536, 256)]


@pytest.mark.parametrize("data", [b"", b"a,b\n1,2\n", b"PK\x03\x04" + bytes(600),
                                  bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600)])
def test_a_file_it_cannot_follow_is_none(data: bytes) -> None:
    assert sheet_ends(data) is None


def test_a_container_that_loops_or_lies_is_none_or_a_place() -> None:
    seed = xls_bytes([["a", "b"], ["1", "2"]])
    for number in range(200):
        changed, _how = container_mutation(seed, random.Random(number))
        found = sheet_ends(changed)
        assert found is None or all(row >= 1 and column >= 1 for _, row, column in found)


@settings(max_examples=300, deadline=None)
@given(flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
       cut=st.integers(0, 10_000))
def test_any_damage_is_answered_without_an_error(flips: list[tuple[int, int]],
                                                 cut: int) -> None:
    data = bytearray(xls_bytes([["indicator", "value"], ["cla", "7"]]))
    for at, value in flips:
        data[at % len(data)] = value
    found = sheet_ends(bytes(data[:max(cut, 512)]))
    assert found is None or isinstance(found, list)
