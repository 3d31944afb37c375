"""An Excel 97-2003 ``.xls`` workbook's number formats are read from its own records,
as an ``.xlsx`` workbook's are from its styles: a number in a cell formatted as a
percentage (built in, ``0.0%``, or the workbook's own code) is that many per cent, so
a percentage where a count belongs is refused, not read as 0.39; and where the formats
cannot be read, a warning naming the file says so."""

from __future__ import annotations

import logging
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.files._tabular.number_formats import NumberFormat
from corpparent.files._tabular.xls_scan import cell_formats
from corpparent.plugins import load_profile
from workbooks import _MINI_STREAM_CUTOFF, _bof, _record, _text, write_compound_file

INDICATORS = load_profile("wiltshire").indicators
#: The workbook's own number format: a percentage with one decimal place, in red when
#: negative (its second section).
OWN_PERCENT = 164
#: The cell formats: 0 General, 1 built-in 0%, 2 the workbook's own, 3 built-in mmm-yy,
#: 4 a number with two decimals (built-in 2).
XF_FORMATS = (0, 9, OWN_PERCENT, 17, 2)


def xf(number_format: int) -> bytes:
    return _record(0x00E0, struct.pack("<HHH", 0, number_format, 1) + bytes(14))


def string(row: int, column: int, index: int) -> bytes:
    return _record(0x00FD, struct.pack("<HHHI", row, column, 0, index))


def number(row: int, column: int, cell_format: int, value: float) -> bytes:
    return _record(0x0203, struct.pack("<HHHd", row, column, cell_format, value))


def xls(path: Path, rows: list[tuple[str, str, int, float]]) -> Path:
    """A readings sheet, each row's indicator and period text and its value a number
    in the cell format given."""
    texts = sorted({"indicator", "period", "value", *(r[0] for r in rows),
                    *(r[1] for r in rows)})
    index = {text: at for at, text in enumerate(texts)}
    shared = _record(0x00FC, struct.pack("<II", len(texts), len(texts))
                     + b"".join(_text(text) for text in texts))
    cells = b"".join(string(0, column, index[h])
                     for column, h in enumerate(("indicator", "period", "value")))
    for at, (indicator, period, cell_format, value) in enumerate(rows, start=1):
        cells += string(at, 0, index[indicator]) + string(at, 1, index[period]) \
            + number(at, 2, cell_format, value)
    sheet = (_bof(0x0010) + _record(0x0200, struct.pack("<IIHHH", 0, len(rows) + 1, 0, 3, 0))
             + cells + _record(0x000A, b""))
    code = "0.0%;[Red]-0.0%"
    own = _record(0x041E, struct.pack("<HHB", OWN_PERCENT, len(code), 0) + code.encode())
    name = b"Readings"

    def globals_with(offset: int) -> bytes:
        boundsheet = _record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name), 0) + name)
        return (_bof(0x0005) + _record(0x0042, struct.pack("<H", 1200)) + own
                + b"".join(xf(n) for n in XF_FORMATS) + boundsheet + shared
                + _record(0x000A, b""))

    stream = globals_with(len(globals_with(0))) + sheet
    return write_compound_file(path, stream + bytes(max(0, _MINI_STREAM_CUTOFF - len(stream))))


def test_the_records_say_which_cells_are_percentages_and_months(tmp_path: Path) -> None:
    path = xls(tmp_path / "f.xls", [("a", "2022-23 Q1", 1, 0.39), ("b", "2022-23 Q1", 2, 0.5),
                                    ("c", "2022-23 Q1", 0, 0.5), ("d", "2022-23 Q1", 4, 0.5)])
    assert cell_formats(path.read_bytes()) == {
        "Readings": {(1, 2): NumberFormat.PERCENT, (2, 2): NumberFormat.PERCENT}}
    assert cell_formats(b"not a workbook" * 100) is None


def test_percentage_cells_read_as_percentages(tmp_path: Path) -> None:
    path = xls(tmp_path / "p.xls", [("placed_over_20_miles", "2022-23 Q4", 1, 0.39),
                                    ("placement_moves_3plus", "2022-23 Q4", 2, 0.075),
                                    ("children_in_care", "2022-23 Q4", 0, 461)])
    read = {r.indicator: r.value for r in read_readings(path, INDICATORS)}
    assert read == {"placed_over_20_miles": 39.0, "placement_moves_3plus": 7.5,
                    "children_in_care": 461.0}


def test_a_percentage_where_a_count_belongs_is_refused(tmp_path: Path) -> None:
    path = xls(tmp_path / "c.xls", [("children_in_care", "2022-23 Q4", 1, 4.61)])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    [problem] = caught.value.problems
    assert problem.line == 2
    assert "a percentage (461%" in problem.note


def test_a_workbook_whose_formats_cannot_be_read_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = xls(tmp_path / "u.xls", [("children_in_care", "2022-23 Q4", 0, 461)])
    monkeypatch.setattr("corpparent.files._tabular.sheets.cell_formats_of_xls",
                        lambda data: None)
    with caplog.at_level(logging.WARNING):
        read_readings(path, INDICATORS)
    assert f"{path}: the workbook's number formats cannot be read" in caplog.text
    assert "check its percentages" in caplog.text


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 1, 2, 4]),
                          st.integers(0, 1000).map(lambda n: n / 1000)),
                min_size=1, max_size=6))
def test_each_cell_format_gives_the_number_shown(cells: list[tuple[int, float]]) -> None:
    """A percentage cell is its number times 100, any other its number, as the sheet
    shows them."""
    import tempfile

    rows = [("placement_moves_3plus", f"2022-23 Q{n % 4 + 1}" if n < 4 else f"{2015 + n}-{16 + n}",
             cell_format, value) for n, (cell_format, value) in enumerate(cells)]
    with tempfile.TemporaryDirectory() as folder:
        read = read_readings(xls(Path(folder) / "h.xls", rows), INDICATORS)
    expected = [round(value * 100, 10) if XF_FORMATS[cell_format] in (9, OWN_PERCENT)
                else value for _, _, cell_format, value in rows]
    assert [round(r.value or 0, 10) for r in read] == [round(v, 10) for v in expected]
