"""Attempts keep the problems of every part of a file, each where it belongs, and
problems are listed as the file runs."""

from __future__ import annotations

from corpparent.errors import DataError, DefinitionError, Problem
from corpparent.files._tabular.problems import Attempts, Locator, in_file_order


def test_attempts_keep_a_readers_problems_as_placed_and_place_other_errors() -> None:
    where = Locator("plugin.toml", line=1, lines={("membership",): 7, ("meetings",): 20})
    placed = [Problem("plugin.toml", line=9, field="membership.members[0].name",
                      expected="a value", found="nothing"),
              Problem("plugin.toml", "unknown key", line=11, field="membership.chair")]

    def read_membership() -> None:
        raise DataError(placed)

    def build_meetings() -> None:
        raise DefinitionError("a meeting needs a date")

    attempt = Attempts(where, [])
    assert attempt(("membership",), read_membership) is None
    assert attempt(("meetings",), build_meetings) is None
    assert attempt(("documents",), lambda: 3) == 3
    assert attempt.failed == 2
    assert attempt.problems == [*placed, Problem("plugin.toml", "a meeting needs a date",
                                                 line=20, field="meetings")]


def test_problems_are_listed_by_file_then_line_keeping_the_order_of_one_line() -> None:
    late = Problem("a.csv", "late", line=9)
    whole = Problem("a.csv", "the file's own")
    first = Problem("a.csv", "first of line 3", line=3)
    second = Problem("a.csv", "second of line 3", line=3)
    other = Problem("b.csv", "another file", line=1)
    assert in_file_order([other, late, first, whole, second]) == [
        whole, first, second, late, other]
