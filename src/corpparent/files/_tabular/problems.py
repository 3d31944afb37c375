"""Placing problems in a file, and the one translator from pydantic errors to problems.

Every reader reports a problem the same way ([`Problem`][corpparent.errors.Problem]): the
file, the line, the field as the file writes it, what was expected and what was found.
A `Locator` knows how one file, or one record or table of it, names places: a
CSV row is one line whose fields are its column headings; a JSON or TOML document has a
line for each key path (`json_lines`,
`toml_lines`) and names fields by key path
(``indicators[3].kind``). `problems_from_validation` turns a pydantic
``ValidationError`` into problems through a locator, and `Attempts` builds domain
objects, placing each definition error on its line, so every problem of a file is
reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, final

from attrs import evolve, field, frozen
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from corpparent.errors import CorpparentError, DataError, Problem
from corpparent.files._tabular.toml_lines import Path, format_path, line_of

__all__ = [
    "Attempts",
    "Locator",
    "in_file_order",
    "problems_from_validation",
    "shown",
    "valid_items",
]

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


def shown(value: object) -> str:
    """A value found in a file, as a problem shows it: quoted, shortened, or its kind; a
    date or time (from TOML) as TOML writes it."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` by file, then by line, so a reader meets them as the file runs; those
    of one line (or of no line, the file's own) keep the order they were found in."""
    return sorted(problems, key=lambda p: (p.source, p.line or 0))


@final
@frozen
class Locator:
    """How places are named in one file, or in one record or table of it.

    ``tabular`` locators name a field by its column (``columns`` maps a model's field to
    the heading as published, either a whole dotted path such as ``codes.3`` or its
    first part) and place every field on ``line``. Others name a field by its key path
    under ``prefix`` and place it on the line of that path in ``lines``, or of its
    nearest written ancestor, or else on ``line``.
    """

    source: str
    line: int | None = None
    lines: Mapping[Path, int] = field(factory=dict)
    prefix: Path = ()
    tabular: bool = False
    columns: Mapping[str, str] = field(factory=dict)

    def under(self, *path: str | int) -> Locator:
        """The locator of the item at ``path`` below this one."""
        inner = (*self.prefix, *path)
        return evolve(self, prefix=inner, line=self.line_of(path))

    def line_of(self, path: Sequence[str | int] = ()) -> int | None:
        """The line where ``path`` (below this locator) is written."""
        if self.tabular:
            return self.line
        found = line_of((*self.prefix, *path), self.lines)
        return found if found is not None else self.line

    def field_of(self, path: Sequence[str | int] = ()) -> str | None:
        """The field at ``path`` as the file writes it."""
        if self.tabular:
            if not path:
                return None
            whole = self.columns.get(".".join(str(part) for part in path))
            if whole is not None:
                return whole
            first, *rest = path
            name = self.columns.get(str(first), str(first))
            for part in rest:
                name += f"[{part}]" if isinstance(part, int) else f".{part}"
            return name
        whole_path = (*self.prefix, *path)
        return format_path(whole_path) if whole_path else None

    def problem(self, path: Sequence[str | int] = (), note: str = "", *,
                expected: str | None = None, found: str | None = None,
                fix: str | None = None) -> Problem:
        """A problem at ``path`` below this locator (with how to put it right)."""
        return Problem(self.source, note, line=self.line_of(path), field=self.field_of(path),
                       expected=expected, found=found, fix=fix)


_SHOULD = re.compile(r"^(?:Input|Value|String|List|Dictionary|Tuple|Set|Decimal|Date)"
                     r" should (?:be |have )?(?P<rest>.*)$", re.DOTALL)
_AFTERWORD = re.compile(r", (?:unable|input|invalid|got|received|not |the )[^,]*$")


def _accepted(model: type[BaseModel] | None, location: Sequence[int | str]) -> str | None:
    """The keys ``model`` accepts in the table holding the last key of ``location``."""
    for name in (part for part in location[:-1] if isinstance(part, str)):
        if model is None:
            return None
        held = model.model_fields.get(name) or next(
            (f for f in model.model_fields.values() if f.alias == name), None)
        model = _model_in(held.annotation) if held is not None else None
    if model is None:
        return None
    return ", ".join(f.alias or name for name, f in model.model_fields.items())


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The first pydantic model an annotation holds: ``list[X]``, ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _shape(detail: ErrorDetails, location: Sequence[int | str],
           model: type[BaseModel] | None) -> tuple[str, str | None, str | None]:
    """``(note, expected, found)`` for one pydantic error at ``location``."""
    kind = detail["type"]
    given: Any = detail.get("input")
    if kind == "missing":
        return "", "a value", "nothing"
    if kind == "string_too_short" and isinstance(given, str) and not given.strip():
        return "", "a value", "nothing" if not given else "only spaces"
    if kind == "extra_forbidden":
        accepted = _accepted(model, location)
        return "unknown key", f"one of {accepted}" if accepted else "a known key", None
    if kind in ("enum", "literal_error"):
        options = str(detail.get("ctx", {}).get("expected", ""))
        return "", f"one of {options}" if " or " in options else options, shown(given)
    message = str(detail["msg"]).removeprefix("Value error, ")
    said = re.match(r"^expected (?P<expected>.+?)[,;] (?:got|found) (?P<found>.+)$", message,
                    re.DOTALL)
    if said is not None:
        return "", said["expected"], said["found"]
    should = _SHOULD.match(message)
    if should is not None and "input" in detail:
        expected = _AFTERWORD.sub("", should["rest"])
        if expected.startswith("match "):
            expected = "text matching " + expected.removeprefix("match ")
        elif expected.startswith(("greater ", "less ", "at least ", "at most ")):
            expected = "a value " + expected
        return "", expected, shown(given)
    if kind == "value_error" or "input" not in detail:
        return message, None, None
    return message, None, shown(given)


def problems_from_validation(
    error: ValidationError,
    where: Locator | str,
    row: int | None = None,
    *,
    columns: Mapping[str, str] | None = None,
    model: type[BaseModel] | None = None,
    tag: str | None = None,
) -> list[Problem]:
    """Every error of ``error`` as a problem placed by ``where``.

    ``where`` is a `Locator`, or for a record of a tabular file its source, with
    ``row`` its line and ``columns`` naming its fields as in `Locator`. ``model``
    (the model validated) lets an unknown key be answered with the keys accepted.
    A list item is written by its index, ``codes[1]``. Where a union told apart by a
    key was validated, ``tag`` is the value of that key, which pydantic puts ahead of
    each location and the file does not write, and ``model`` the member it chose.
    """
    if isinstance(where, str):
        where = Locator(where, line=row, tabular=True, columns=columns or {})
    problems = []
    for detail in error.errors(include_url=False):
        location = [part for part in detail["loc"] if not _union_member(part)]
        if tag is not None and location[:1] == [tag]:
            location = location[1:]
        note, expected, found = _shape(detail, location, model)
        problems.append(where.problem(location, note, expected=expected, found=found))
    return problems


def valid_items(model: type[M], items: object) -> list[M | None]:
    """Each of ``items`` (a list) as ``model`` validates it, or ``None`` where it does
    not: the entries of a file that failed validation as a whole which can still be
    built and checked further, their own problems having been reported with the
    file's."""
    if not isinstance(items, list):
        return []
    valid: list[M | None] = []
    for item in items:
        try:
            valid.append(model.model_validate(item))
        except ValidationError:
            valid.append(None)
    return valid


_TYPE_NAMES = frozenset({"str", "int", "float", "bool", "list", "dict", "none"})


def _union_member(part: int | str) -> bool:
    """Whether a part of a pydantic location names a member of a union, not a key."""
    return isinstance(part, str) and (
        part in _TYPE_NAMES or part.endswith(("Model", "Record"))
        or part.startswith(("function-", "literal[", "lax-", "json-or-python")))


class Attempts:
    """Builds objects, placing each definition error on its line, and counts failures, so
    one bad table does not hide the problems of the next. A part read by a reader of its
    own raises a [`DataError`][corpparent.errors.DataError] whose problems are placed already;
    they are kept as they are."""

    def __init__(self, where: Locator, problems: list[Problem]) -> None:
        self.where = where
        self.problems = problems
        self.failed = 0

    def add(self, path: Sequence[str | int], note: str = "", *,
            expected: str | None = None, found: str | None = None) -> None:
        """Record a problem at ``path``."""
        self.problems.append(self.where.problem(path, note, expected=expected, found=found))

    def __call__(self, path: Sequence[str | int], build: Callable[[], T]) -> T | None:
        """What ``build`` returns, or ``None`` with its error placed at ``path`` (or its
        problems, if it raises a [`DataError`][corpparent.errors.DataError])."""
        try:
            return build()
        except DataError as exc:
            self.failed += 1
            self.problems.extend(exc.problems)
            return None
        except CorpparentError as exc:
            self.failed += 1
            self.add(path, str(exc))
            return None
