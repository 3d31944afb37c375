"""An Excel 97-2003 sheet that runs far is refused before it is read where it lies
beyond the read limits, and read whole within them.

The file's records are scanned for each sheet's last cell before any child process
reads it (``corpparent.files._tabular.xls_scan``), and the child that reads it
(``corpparent.files._tabular.contained``) asks calamine how far each sheet runs before
turning its cells into values; the times in the comments are for this 5 KB file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent import DataError
from corpparent.files import reading_limits
from corpparent.files._tabular.records import read_records
from hostile_inputs import far_cell_xls


def refused(path: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        read_records(path, required=(), unknown_columns="keep", normalise_header=False)
    return caught.value


def test_a_sheet_beyond_the_bounds_is_refused_at_its_last_cell(tmp_path: Path) -> None:
    # A cell at IV65536: 16.7 million cells. Refused as an .xlsx sheet is, naming the
    # place and the limit, from the file's records in 0.3 ms, before calamine would lay
    # the cells out as it opens the file (0.5 s); read whole, 3 s.
    far = far_cell_xls(tmp_path)
    assert far.stat().st_size < 8_000
    with reading_limits(cells=1_000_000):
        error = refused(far)
    assert len(error.problems) == 1
    assert (error.line, error.field) == (65_536, "Sheet1!IV65536")
    assert "the sheet's area from A1 to its last cell is over the read limit cells " \
        "(1,000,000)" in str(error)
    with reading_limits(columns=200):
        assert "read limit columns (200)" in str(refused(far))
    with reading_limits(rows=60_000):
        assert "read limit rows (60,000)" in str(refused(far))


def test_the_child_refuses_what_the_scan_cannot_follow(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A sheet the scan does not see (here: as if it could not follow the file) is still
    # refused at its last cell, by the child, once calamine has opened the file.
    from corpparent.files._tabular import contained

    monkeypatch.setattr(contained, "sheet_ends", lambda _data: None)
    contained._read.cache_clear()
    with reading_limits(cells=1_000_000):
        error = refused(far_cell_xls(tmp_path))
    assert (error.line, error.field) == (65_536, "Sheet1!IV65536")
    assert "over the read limit cells (1,000,000)" in str(error)


def test_a_sheet_just_within_the_bounds_is_read(tmp_path: Path) -> None:
    far = far_cell_xls(tmp_path)
    with reading_limits(rows=65_535, columns=256, cells=65_536 * 256):
        records = list(read_records(far, required=("indicator", "value")))
    assert [dict(record.fields) for record in records[:1]] == [
        {"indicator": "cla", "value": "7"}]


def test_a_far_cell_within_the_default_bounds_is_read_and_its_row_reported(
        tmp_path: Path) -> None:
    # Under the default bounds (50 million cells) the 16.7 million cells are read, and
    # the far cell's row, longer than the header, is reported on its own line.
    records = list(read_records(far_cell_xls(tmp_path), required=("indicator", "value")))
    assert [(record.row, record.problem) for record in records if record.problem] == [
        (65_536, "expected 2 cells as in the header, found 256")]
    assert [dict(record.fields) for record in records if not record.problem] == [
        {"indicator": "cla", "value": "7"}]
