"""Reading the return once and making only what is asked for changes nothing read: a
CSV table's header taken from its text as the row reader takes it, each column of text
made NumPy's only when asked for (and then as if made at once), and each column as
pyarrow's text holding the cells the NumPy column holds."""

from __future__ import annotations

import codecs
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

from corpparent.errors import DataError
from corpparent.files import read_returns, reading_limits
from corpparent.files._tabular.csv_columns import header_and_text
from corpparent.files._tabular.csv_rows import csv_header
from corpparent.files.ssda903 import cells
from corpparent.files.ssda903.writer import write_returns
from corpparent.ssda903 import Table
from corpparent.ssda903.returns import Columns
from corpparent.ssda903.synthetic import synthesise

#: Pieces of a first line and what follows it: headings, quotes, white space, every
#: line end, a NUL and text beyond ASCII, so that every way the two readings of a
#: header could part is drawn.
PIECES = ("CHILD", "DOB", ",", '"', '""', " ", "\t", "\r", "\n", "\r\n", "\x00", "\u00e9",
          "\u00a0", "\ufeff", "x" * 12, "")


def _outcome(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except DataError as exc:
        return [str(problem) for problem in exc.problems]


@given(st.lists(st.sampled_from(PIECES), max_size=12), st.booleans(),
       st.sampled_from(["utf-8", "cp1252"]))
@example(["CHILD", ",", "DOB", "\n", "a", ",", "b"], True, "utf-8")
@example(["\n", "CHILD"], False, "utf-8")
@example(['"CHILD"', ",", "DOB"], False, "utf-8")
@settings(max_examples=300, deadline=None)
def test_a_header_is_read_from_the_text_as_the_row_reader_reads_it(
        tmp_path_factory: pytest.TempPathFactory, pieces: list[str], mark: bool,
        encoding: str) -> None:
    text = "".join(pieces)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    file = tmp_path_factory.mktemp("header") / "Header.csv"
    file.write_bytes((codecs.BOM_UTF8 if mark else b"") + data)
    with reading_limits(cell_chars=10, columns=4, rows=3):
        fast = _outcome(lambda: header_and_text(file)[0])
        slow = _outcome(lambda: csv_header(file))
    assert fast == slow


def test_the_text_is_given_as_utf_8_without_its_mark(tmp_path: Path) -> None:
    file = tmp_path / "Header.csv"
    file.write_bytes(codecs.BOM_UTF8 + b"CHILD,SEX\nA1,1\n")
    assert header_and_text(file) == (("CHILD", "SEX"), b"CHILD,SEX\nA1,1\n")
    file.write_bytes("CHILD,SEX\n\u00a3,1\n".encode("cp1252"))
    assert header_and_text(file) == (("CHILD", "SEX"), "CHILD,SEX\n\u00a3,1\n".encode())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("return")
    write_returns(synthesise(40, 2, 3), root)
    # White space around free text, which is stripped when the column is made.
    episodes = sorted(root.glob("*/Episodes.csv"))[-1]
    lines = episodes.read_text(encoding="utf-8").splitlines()
    at = lines[0].split(",").index("HOME_POST")
    cells_of = lines[1].split(",")
    cells_of[at] = f"  {cells_of[at]}\t"
    lines[1] = ",".join(cells_of)
    episodes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_a_column_of_text_is_made_when_first_asked_for_and_once(folder: Path) -> None:
    with mock.patch.object(cells, "_texts", wraps=cells._texts) as made:
        found = read_returns(folder)
        assert made.call_count == 0
        episodes = found[max(found)].table("Episodes")
        assert episodes is not None
        first = episodes.column("HOME_POST")
        assert made.call_count == 1
        assert episodes.column("HOME_POST") is first
        assert made.call_count == 1
    assert first[0] == first[0].strip()
    assert first[0]


def test_columns_made_late_are_those_made_at_once(folder: Path) -> None:
    found = read_returns(folder)
    for held in found.values():
        for table in held.tables.values():
            assert isinstance(table.columns, Columns)
            for name in table.columns:
                column = table.column(name)
                made = Table.of(table.name, {name: column.tolist()}).column(name)
                assert column.dtype.kind == made.dtype.kind
                assert column.tolist() == made.tolist()
                if column.dtype.kind == "U":
                    assert table.texts(name).to_pylist() == column.tolist()


def test_texts_of_a_table_made_in_python_are_its_column(tmp_path: Path) -> None:
    table = Table.of("Header", {"CHILD": ["B2", "A1", None], "SEX": ["1", "2", "1"]})
    assert table.texts("CHILD").to_pylist() == ["B2", "A1", ""]
    assert table.texts("UPN").to_pylist() == ["", "", ""]


def test_columns_keep_the_order_given_and_refuse_a_column_not_given() -> None:
    made: list[str] = []

    def late() -> np.ndarray:
        made.append("B")
        return np.array(["b"])

    columns = Columns({"B": late, "A": np.array(["a"])})
    assert list(columns) == ["B", "A"]
    assert len(columns) == 2
    assert made == []
    assert columns["B"].tolist() == ["b"]
    assert columns["B"].tolist() == ["b"]
    assert made == ["B"]
    assert columns.texts("B") is None
    with pytest.raises(KeyError):
        columns["C"]
