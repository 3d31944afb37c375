"""Problems of an obligations file as a whole are placed at the entry at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.errors import DataError, Problem
from corpparent.files.panel.obligations import load_obligations

ENTRY = """
[[obligations]]
id = "{id}"
document = "{document}"
recipient = "Council"
trigger = {{ kind = "{trigger}" }}
deadline = {{ within_days = 14 }}
"""


def entry(id: str, document: str | None = None, trigger: str = "after_each_meeting",
          after: str | None = None) -> str:
    text = ENTRY.format(id=id, document=document or id, trigger=trigger)
    return text if after is None else text + f'after = ["{after}"]\n'


def problems(tmp_path: Path, text: str) -> tuple[list[str], tuple[Problem, ...]]:
    path = tmp_path / "obligations.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_obligations(path)
    return text.splitlines(), caught.value.problems


def line_of(lines: list[str], text: str, start: int = 0) -> int:
    """The 1-based line of the first of ``lines`` from line ``start`` on that is
    ``text``."""
    return next(n for n, line in enumerate(lines, start=1) if n >= start and line == text)


def test_an_unknown_precedence_is_a_problem_of_its_after(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, entry("minutes") + entry("report", after="minuets"))
    [problem] = found
    assert (problem.line, problem.field) == (line_of(lines, 'after = ["minuets"]'),
                                             "obligations[1].after")
    assert "'minuets', which is not among the obligations" in problem.note


def test_set_problems_of_several_entries_are_reported_together(tmp_path: Path) -> None:
    text = (entry("minutes", after="report") + entry("report", trigger="quarterly")
            + entry("minutes", document="other") + entry("again", document="report"))
    lines, found = problems(tmp_path, text)
    tables = [n for n, line in enumerate(lines, start=1) if line == "[[obligations]]"]
    assert [(p.line, p.field) for p in found] == [
        (line_of(lines, 'after = ["report"]'), "obligations[0].after"),
        (line_of(lines, 'id = "minutes"', tables[2]), "obligations[2].id"),
        (tables[3], "obligations[3]")]
    assert "precedence needs both to have the same trigger" in found[0].note
    assert "two obligations have the id 'minutes'" in found[1].note
    assert "both 'report' to 'Council'" in found[2].note


def test_an_entry_in_error_hides_no_problem_of_the_set(tmp_path: Path) -> None:
    text = (entry("minutes") + 'colour = "red"\n' + entry("report", after="minutes")
            + entry("report", document="other") + entry("summary", after="sumary")
            + entry("again", document="report"))
    lines, found = problems(tmp_path, text)
    tables = [n for n, line in enumerate(lines, start=1) if line == "[[obligations]]"]
    # 'report' comes after 'minutes', which is in error: that precedence is not judged.
    assert [(p.line, p.field) for p in found] == [
        (line_of(lines, 'colour = "red"'), "obligations[0].colour"),
        (line_of(lines, 'id = "report"', tables[2]), "obligations[2].id"),
        (line_of(lines, 'after = ["sumary"]'), "obligations[3].after"),
        (tables[4], "obligations[4]")]
    assert found[0].note == "unknown key"
    assert "two obligations have the id 'report'" in found[1].note
    assert "'sumary', which is not among the obligations" in found[2].note
    assert "both 'report' to 'Council'" in found[3].note


def test_a_cycle_is_reported_with_the_entries_problems(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, entry("a", after="b") + entry("b", after="a")
                            + entry("c", trigger="weekly"))
    assert [(p.line, p.field) for p in found] == [
        (line_of(lines, "[[obligations]]"), "obligations"),
        (line_of(lines, 'trigger = { kind = "weekly" }'), "obligations[2].trigger.kind")]
    assert "in a cycle" in found[0].note


def test_a_cycle_is_a_problem_of_the_list(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, entry("a", after="b") + entry("b", after="a"))
    [problem] = found
    assert (problem.line, problem.field) == (line_of(lines, "[[obligations]]"), "obligations")
    assert "in a cycle" in problem.note


def test_the_top_level_is_checked_by_the_file_model(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, 'panel = "Corporate Parenting Panel"\n'
                            + entry("minutes").replace("Council", ""))
    assert [(p.line, p.field) for p in found] == [
        (1, "panel"), (line_of(lines, 'recipient = ""'), "obligations[0].recipient")]
    assert (found[0].note, found[0].expected) == ("unknown key", "one of obligations")
