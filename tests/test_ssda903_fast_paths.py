"""The faster ways the SSDA903 return is read and gathered give what the plain ways give.

Each property draws inputs, the unusual ones among them (empty lines, carriage returns,
a line over the limit, the day 00 and the year 0000, a child refused or repeated, an
episode of one child and start in two returns, a start not known), and holds the fast
path equal to a plain reading of the same thing written here or kept beside it."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import example, given, strategies as st

from corpparent.errors import Problem
from corpparent.files._tabular import csv_columns
from corpparent.files.ssda903.date_cells import read_days
from corpparent.files.ssda903.one_a_child import repeated_children
from corpparent.ssda903 import Returns
from corpparent.ssda903.history import (
    FLAGS,
    _sorted_order as sorted_order,
    first_of_runs,
    history_of,
)
from test_ssda903_history import consecutive_years

_PIECES = st.sampled_from(["a", "1,2", ",", " ", "x" * 7, "\n", "\n", "\r\n", "\r", "\n\n"])


@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(1, 20))
@example("abc\n" * 3 + "x" * 21 + "\n", 20)  # one line over the limit
@example("\n", 1)
@example("", 1)
def test_lines_counted_are_the_lines_found_one_by_one(text: str, limit: int) -> None:
    """Each line's number, and whether one is over the limit, as found by finding every
    line end."""
    data = text.encode()
    numbers, over = csv_columns._lines_of_text(data, limit)
    view = np.frombuffer(data, dtype=np.uint8)
    plain, longest = csv_columns._line_ends(view, view == ord("\n"), data)
    assert numbers.tolist() == plain.tolist()
    assert over == (longest > limit)


_DATE = re.compile(r"(\d\d)/(\d\d)/(\d\d\d\d)", re.ASCII)


def _plain_day(text: str) -> dt.date | None:
    """The day a cell names, read by Python: ten ASCII characters dd/mm/yyyy naming a
    day of the calendar."""
    found = _DATE.fullmatch(text)
    if found is None:
        return None
    try:
        return dt.date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None


_CELLS = st.one_of(
    st.tuples(st.integers(0, 32), st.integers(0, 13), st.sampled_from([0, 1, 1900, 2000, 2024])
              | st.integers(0, 9999)).map(lambda d: f"{d[0]:02d}/{d[1]:02d}/{d[2]:04d}"),
    st.text("0123456789/ -\u00e9", max_size=11))


@given(st.lists(_CELLS, max_size=30), st.integers(0, 2))
@example(["00/01/2024", "01/01/0000", "29/02/1900", "29/02/2000"], 0)
def test_days_read_by_column_are_the_days_python_reads(cells: list[str], start: int) -> None:
    """Every cell (a column sliced from a larger one too) names the day Python reads in
    it, or none."""
    column = pa.array(["", "", *cells], pa.string()).slice(start)
    days, valid = read_days(column)
    expected = [_plain_day(cell) for cell in column.to_pylist()]
    assert valid.tolist() == [day is not None for day in expected]
    assert [None if np.isnat(day) else day.astype(dt.date) for day in days] == expected


@given(st.lists(st.sampled_from(["A", "B", "C", "D"]), max_size=30), st.data())
def test_a_repeated_child_is_found_as_by_a_plain_pass(children: list[str],
                                                      data: st.DataObject) -> None:
    """The rows after a child's first (rows refused passed over), each naming the line
    of the child's first, as one pass over the rows finds them."""
    refused = data.draw(st.sets(st.integers(0, max(len(children) - 1, 0)))) \
        if children else set()
    lines = np.arange(2, len(children) + 2, dtype=np.int64)
    found = repeated_children("H.csv", lines, "CHILD", pa.array(children, pa.string()),
                              refused)
    first_line: dict[str, int] = {}
    expected: list[tuple[int, str]] = []
    for row, child in enumerate(children):
        if row in refused:
            continue
        if child in first_line:
            expected.append((row, f"a second row for the child of line {first_line[child]}"))
        else:
            first_line[child] = int(lines[row])
    assert [(row, problem.found) for row, problem in found] == expected
    assert all(isinstance(problem, Problem) and problem.line == lines[row]
               for row, problem in found)


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(-3, 3) | st.none(), st.integers(0, 3)),
                max_size=40))
def test_the_history_is_sorted_as_lexsort_sorts_it(rows: list[tuple[int, int | None, int]]
                                                   ) -> None:
    """By child, start (an unknown one last) and the later return first, equal rows in
    the order given."""
    code = np.array([r[0] for r in rows], dtype=np.int64)
    began = np.array([None if r[1] is None else np.datetime64("2020-01-01") + r[1]
                      for r in rows], dtype="datetime64[D]")
    year = np.array([2020 + r[2] for r in rows], dtype=np.int64)
    assert sorted_order(code, began, year).tolist() == \
        np.lexsort((-year, began, code)).tolist()




@given(consecutive_years(most=3, children=4))
def test_a_years_episodes_are_those_a_plain_pass_keeps(found: Returns) -> None:
    """For each year: the episodes of the returns up to it, the later return's kept of
    two of one child and start, short breaks left out; and every flag as each table's
    column tests it."""
    history = history_of(found)
    for year in found:
        rows = np.flatnonzero(history.year <= year.year)
        plain = rows[first_of_runs([history.code[rows], history.episodes["DECOM"][rows]])]
        plain = plain[~history.episodes["short_break"][plain]]
        assert history.kept(year).tolist() == plain.tolist()
    tables = [r.tables["Episodes"] for r in found.values() if "Episodes" in r.tables]
    for flag, (name, codes) in FLAGS.items():
        each = np.concatenate([np.asarray(pc.is_in(
            table.texts(name), value_set=pa.array(sorted(codes), pa.string())
        ).to_numpy(zero_copy_only=False), dtype=bool) for table in tables])
        assert history.episodes[flag].tolist() == each[history._order].tolist()
