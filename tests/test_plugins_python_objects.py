"""The one loader of objects from the user's Python: plug-in entry points and options."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.errors import DataError, PluginError
from corpparent.plugins.python_objects import as_kind, load_object


def _module(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mine.py"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_object_or_what_its_function_returns(tmp_path: Path) -> None:
    path = _module(tmp_path, "NAMES = ['a']\ndef more_names():\n    return ['b']\n")
    assert load_object(f"{path}:NAMES", list, "names") == ["a"]
    assert load_object(f"{path}:more_names", list, "names") == ["b"]


def test_without_a_name_the_one_candidate_is_taken_or_the_choice_asked_for(
    tmp_path: Path,
) -> None:
    assert load_object(_module(tmp_path, "def my_names():\n    return ['c']\n"), list,
                       "names") == ["c"]
    two = _module(tmp_path, "A = ['a']\nB = ['b']\n")
    with pytest.raises(PluginError, match=r"name the list as .*:NAME; found A, B"):
        load_object(two, list, "names")


def test_wrong_kinds_and_failures_are_one_line_plugin_errors(tmp_path: Path) -> None:
    path = _module(tmp_path, "N = 3\ndef broken():\n    raise ValueError('boom')\n"
                   "def odd():\n    return 4\n")
    with pytest.raises(PluginError, match=r":N is int 3, not a list"):
        load_object(f"{path}:N", list, "names")
    with pytest.raises(PluginError, match=r":broken failed: ValueError: boom"):
        load_object(f"{path}:broken", list, "names")
    with pytest.raises(PluginError, match=r":odd returned int 4, not a list"):
        load_object(f"{path}:odd", list, "names")
    with pytest.raises(PluginError, match="defines no 'absent'"):
        load_object(f"{path}:absent", list, "names")
    with pytest.raises(PluginError, match="SyntaxError"):
        load_object(_module(tmp_path, "def (:\n"), list, "names")
    with pytest.raises(DataError, match="file not found"):
        load_object(str(tmp_path / "absent.py"), list, "names")


def test_a_conversion_decides_what_is_taken() -> None:
    def text(obj: object) -> str | None:
        return obj if isinstance(obj, str) else None

    assert as_kind("a", text, "text", "here") == "a"
    assert as_kind(lambda: "b", text, "text", "here") == "b"
    with pytest.raises(PluginError, match="here is list"):
        as_kind([], text, "text", "here")
