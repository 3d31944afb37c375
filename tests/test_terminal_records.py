"""A table printed in the terminal a row at a time: printed without rich's wrapping
when every line fits, it must read exactly as rich's own wrapping prints it, in colour
and without, and still be wrapped where a line does not fit."""

from __future__ import annotations

from io import StringIO

import pytest
from hypothesis import given, settings, strategies as st
from rich.console import Console, Group

from corpparent.findings import Status
from corpparent.report.backends.terminal import _records
from corpparent.report.document import Cell, CellKind, Table

_WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
                 max_size=30)


def _printed(renderable: object, width: int, color: bool) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=color,
                      no_color=not color, highlight=False, emoji=False)
    console.print(renderable)
    return buffer.getvalue()


def _block(texts: list[list[str]]) -> Table:
    rows = tuple((Cell(row[0]), Cell(row[1], CellKind.NUMBER),
                  Cell(row[2], CellKind.STATUS, status=Status.BREACHED))
                 for row in texts)
    return Table("Positions", ("Measure", "Value", "Band"), rows, stacked=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=3, max_size=3), max_size=6),
       st.integers(min_value=8, max_value=90), st.booleans())
def test_records_print_as_rich_wraps_them(texts: list[list[str]], width: int,
                                          color: bool) -> None:
    records = _records(_block(texts))
    assert _printed(Group(records), width, color) == _printed(
        Group(records.text), width, color)


@pytest.mark.parametrize("width", [12, 120])
def test_a_long_line_is_still_wrapped(width: int) -> None:
    long = "a placement stability measure " * 3
    printed = _printed(_records(_block([[long, "63.58", "C"]])), width, False)
    assert all(len(line) <= width for line in printed.splitlines())
    assert " ".join(printed.split()).count("placement stability") == 3
