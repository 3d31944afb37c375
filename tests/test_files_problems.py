"""Attempts keep the problems of every part of a file, each where it belongs."""

from __future__ import annotations

from corpparent.errors import DataError, DefinitionError, Problem
from corpparent.files.problems import Attempts, Locator


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
