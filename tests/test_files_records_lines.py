"""The shared record reader numbers CSV records, and places a malformed one, by its line
in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.errors import DataError, Problem
from corpparent.files._tabular.records import read_records


def test_records_after_a_blank_line_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("document,date\nminutes,2023-01-05\n\nreport,2023-02-05\n",
                    encoding="utf-8")
    records = read_records(path, required=("document", "date"))
    assert [(r.row, r.fields["document"]) for r in records] == [(2, "minutes"), (4, "report")]


def _problem(tmp_path: Path, text: str) -> Problem:
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_records(path, required=("document", "date"))
    [problem] = caught.value.problems
    return problem


def test_a_quote_closing_a_cell_too_soon_is_placed_on_its_line(tmp_path: Path) -> None:
    problem = _problem(tmp_path, 'document,date\nminutes,2023-01-05\n"min"utes,2023-02-05\n')
    assert (problem.line, problem.field) == (3, None)
    assert problem.message == ("not a well-formed CSV file; expected a quote only at the "
                               "start and end of a cell, doubled inside it, found "
                               "'\"min\"utes'")


def test_a_stray_quote_in_a_cell_over_two_lines_is_placed_where_it_is(tmp_path: Path) -> None:
    # Doubled quotes and a comma inside a quoted cell are well-formed; the cell after
    # them opens on line 2 and is closed too soon on line 3.
    problem = _problem(tmp_path, 'document,date\n"the ""A, B"" report","05/01\n2023"x\n')
    assert (problem.line, problem.found) == (3, repr('"05/01\n2023"x'))


def test_an_unclosed_quote_is_placed_where_its_row_starts(tmp_path: Path) -> None:
    problem = _problem(tmp_path, 'document,date\nminutes,"2023-01-05\nreport,2023-02-05\n')
    assert (problem.line, problem.expected, problem.found) == (
        2, "a closing quote to a quoted cell", "the end of the file")
