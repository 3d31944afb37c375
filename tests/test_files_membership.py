"""Membership problems name the entry and the field at fault, every one together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpparent.errors import DataError, Problem
from corpparent.files.panel.membership import read_membership


def problems(tmp_path: Path, data: object) -> tuple[list[str], tuple[Problem, ...]]:
    """The lines of the file written from ``data``, and the problems read from it."""
    path = tmp_path / "membership.json"
    text = json.dumps(data, indent=1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_membership(path)
    return text.splitlines(), caught.value.problems


def line_of(lines: list[str], fragment: str, after: int = 0) -> int:
    """The 1-based line of the first of ``lines`` after line ``after`` holding
    ``fragment``."""
    return next(number for number, line in enumerate(lines, start=1)
                if number > after and fragment in line)


def test_a_blank_name_is_a_problem_of_the_name(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, {"members": [
        {"name": "  ", "class": "core councillor"},
        {"name": "Jill Waring", "class": "co-opted member",
         "credentials": [{"name": " ", "completed": "2019-06-01"}]},
    ]})
    assert [(p.line, p.field, p.expected, p.found) for p in found] == [
        (line_of(lines, '"  "'), "members[0].name", "a value", "only spaces"),
        (line_of(lines, '" "'), "members[1].credentials[0].name", "a value", "only spaces"),
    ]


def test_a_left_before_joined_is_a_problem_of_left(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, {"members": [
        {"name": "A", "class": "councillor"},
        {"name": "B", "class": "co-opted member", "joined": "2020-01-02",
         "left": "2020-01-01"},
    ]})
    assert [(p.line, p.field) for p in found] == [
        (line_of(lines, '"councillor"'), "members[0].class"),
        (line_of(lines, '"left"'), "members[1].left")]
    assert "'left' must be on or after 'joined'" in found[1].message


def test_a_name_the_domain_finds_empty_is_a_problem_of_that_name(tmp_path: Path) -> None:
    # A file separator is no space to the file's model but is to the domain's names.
    lines, found = problems(tmp_path, {"members": [
        {"name": "\x1c", "class": "core councillor"},
        {"name": "B", "class": "core councillor",
         "credentials": [{"name": "\x1c", "completed": "2019-06-01"}]},
    ]})
    names = [number for number, line in enumerate(lines, start=1) if "\\u001c" in line]
    assert [(p.line, p.field, p.note) for p in found] == [
        (names[0], "members[0].name", "a name must not be empty"),
        (names[1], "members[1].credentials[0].name", "a name must not be empty")]


def test_an_overlapping_spell_is_a_problem_of_the_later_entry(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, {"members": [
        {"name": "Mark Sutton", "class": "core councillor", "left": "2020-03-31"},
        {"name": "Jill Waring", "class": "co-opted member"},
        {"name": "mark  sutton", "class": "core councillor", "joined": "2020-03-01"},
        {"name": "Peter Hutton", "class": "chair"},
    ]})
    spell = line_of(lines, "{", after=line_of(lines, '"Jill Waring"'))
    assert [(p.line, p.field) for p in found] == [
        (spell, "members[2]"), (line_of(lines, '"chair"'), "members[3].class")]
    assert "overlapping tenure" in found[0].message


def test_the_top_level_is_checked_by_the_file_model(tmp_path: Path) -> None:
    lines, found = problems(tmp_path, {"panel": 5, "members": [], "chair": "Mark Sutton"})
    assert [(p.line, p.field) for p in found] == [
        (line_of(lines, '"panel"'), "panel"), (line_of(lines, '"chair"'), "chair")]
    assert found[1].note == "unknown key"
    assert found[1].expected == "one of panel, source, members, leads"
