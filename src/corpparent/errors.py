"""The one exception hierarchy of corpparent.

Every error the library raises on purpose is a
[`CorpparentError`][corpparent.errors.CorpparentError]. Each class also subclasses the built-in
exception that fits it, so callers who already catch ``ValueError`` or ``LookupError`` keep working.

Errors in input files are collected rather than raised at the first: a
[`DataError`][corpparent.errors.DataError] carries every [`Problem`][corpparent.errors.Problem]
found, each naming the file, the line, the field, what was expected and what was found. A file wrong
the same way on many rows (a column of dates where periods belong) is told once:
[`grouped`][corpparent.errors.grouped] gathers the problems of one kind (one file, one field, one
note, one expectation) into a [`ProblemGroup`][corpparent.errors.ProblemGroup] naming the lines it
covers and the values found, with the fix, and [`problem_lines`][corpparent.errors.problem_lines]
gives a capped list of them, which both a DataError's message and ``corpparent validate`` print.
Grouping is only a view: ``DataError.problems`` keeps every problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final, final

from attrs import frozen

from corpparent.safe_text import printable

__all__ = [
    "SHOWN_GROUPS",
    "CorpparentError",
    "DataError",
    "DefinitionError",
    "MissingDependencyError",
    "PeriodError",
    "PluginError",
    "PluginFileError",
    "Problem",
    "ProblemGroup",
    "UnitError",
    "UnknownIndicatorError",
    "UnknownNameError",
    "grouped",
    "problem_lines",
]


class CorpparentError(Exception):
    """Root of every error corpparent raises on purpose."""


class DefinitionError(CorpparentError, ValueError):
    """A rule, indicator or other definition is invalid; raised when it is built."""


class UnitError(DefinitionError):
    """A quantity's unit does not fit: unknown, or of the wrong dimension."""


class PeriodError(CorpparentError, ValueError):
    """Text that should name a period is malformed or ambiguous."""


class UnknownNameError(CorpparentError, LookupError):
    """A name or identifier looked up (a priority, a source document, an obligation, a
    comparator) is not there; the message names those that are."""

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a dictionary key.
        return str(self.args[0]) if self.args else ""


class UnknownIndicatorError(UnknownNameError):
    """An indicator identifier is not in the indicator set."""


class MissingDependencyError(CorpparentError, ImportError):
    """An optional package needed for what was asked (pyarrow, to read a DataFrame) is
    not installed; the message says how to install it."""


class PluginError(CorpparentError, RuntimeError):
    """An authority plug-in could not be discovered, loaded or validated."""


@final
@frozen(init=False)
class Problem:
    """One thing wrong with one place in an input file, in the one wording every file
    kind shares:

        readings.csv, line 4, field 'value': expected a number, found 'abc'

    ``line`` is 1-based: for a CSV file the physical line (the header is line 1), for a
    JSON or TOML file the line where the item or key is written. ``field`` is named as
    the file writes it: a CSV column heading as published, or a key path such as
    ``indicators[3].kind``. ``expected`` and ``found`` say what should have been there
    and what was (``found`` as shown to the reader, e.g. ``'abc'``); ``note`` holds
    anything that is not of that shape ("file not found", "a second meeting on ..."),
    given as the second argument (``message=``). [`message`][corpparent.errors.Problem.message] is
    the whole of what is wrong: the note, then what was expected and found. ``fix``, where the
    reader knows it, says how to put it right ("write '2022-23 Q1' ...").
    """

    source: str
    note: str
    line: int | None
    field: str | None
    expected: str | None
    found: str | None
    fix: str | None

    def __init__(
        self,
        source: str,
        message: str = "",
        *,
        line: int | None = None,
        field: str | None = None,
        expected: str | None = None,
        found: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.__attrs_init__(source, message, line, field, expected, found, fix)

    @property
    def place(self) -> str:
        """Where the problem is: ``readings.csv, line 4, field 'value'``."""
        where = self.source
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f", field '{self.field}'"
        return where

    @property
    def message(self) -> str:
        """What is wrong: the note, then what was expected and what was found."""
        parts = [self.note] if self.note else []
        if self.expected is not None:
            found = "" if self.found is None else f", found {self.found}"
            parts.append(f"expected {self.expected}{found}")
        elif self.found is not None:
            parts.append(f"found {self.found}")
        return "; ".join(parts) or "invalid"

    def __str__(self) -> str:
        # Control characters from data are written out, never sent to a terminal raw.
        fix = f"; {self.fix}" if self.fix else ""
        return printable(f"{self.place}: {self.message}{fix}")


class DataError(CorpparentError, ValueError):
    """Input data is invalid. Carries every problem found, not only the first."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("DataError needs at least one problem")
        super().__init__(self._message())

    @classmethod
    def single(
        cls, source: str, message: str = "", *, line: int | None = None,
        field: str | None = None, expected: str | None = None, found: str | None = None,
    ) -> DataError:
        """A DataError with one problem."""
        return cls([Problem(source, message, line=line, field=field, expected=expected,
                            found=found)])

    @property
    def file(self) -> str:
        """The source of the first problem."""
        return self.problems[0].source

    @property
    def line(self) -> int | None:
        """The line of the first problem."""
        return self.problems[0].line

    @property
    def field(self) -> str | None:
        """The field of the first problem."""
        return self.problems[0].field

    @property
    def groups(self) -> tuple[ProblemGroup, ...]:
        """The problems gathered by kind ([`grouped`][corpparent.errors.grouped]), in the order
        first met."""
        return grouped(self.problems)

    def _message(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        return f"{len(self.problems)} problems:\n" + "\n".join(
            f"  {line}" for line in problem_lines(self.problems))


@final
class PluginFileError(PluginError, DataError):
    """A plug-in data file is invalid. Carries every problem found, worded as every
    other file's problems are."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        DataError.__init__(self, problems)


#: How many kinds of problem a message lists before it counts the rest.
SHOWN_GROUPS: Final = 20
#: How many of the values found a group shows before it counts the rest.
_SHOWN_VALUES: Final = 3
#: How many runs of lines a group names before it counts the rest.
_SHOWN_RUNS: Final = 4
#: A sheet's field, named by its heading and its cell: ``period (Readings!B14)``.
_CELL: Final = re.compile(r"^(?P<heading>.*) \((?P<sheet>[^()]*)!(?P<column>[A-Z]{1,3})"
                          r"(?P<row>\d+)\)$", re.DOTALL)
#: An item's index in a key path (``readings[3].value``), which differs from record to
#: record of one kind of problem.
_INDEX: Final = re.compile(r"\[\d+\]")


def _heading(field: str | None) -> tuple[str | None, tuple[str, str] | None]:
    """A field without its cell, and the cell's sheet and column, where it names one."""
    if field is None:
        return None, None
    cell = _CELL.match(field)
    if cell is None:
        return field, None
    return cell["heading"], (cell["sheet"], cell["column"])


def _runs(lines: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted lines as runs of consecutive lines: 2, 3, 4, 7 as (2, 4), (7, 7)."""
    runs: list[tuple[int, int]] = []
    for line in lines:
        if runs and line == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    return runs


@final
@frozen
class ProblemGroup:
    """Problems of one kind: of one file and field (a sheet's cells of one column being
    one field), with one note and one expectation, wherever they are. Told once, naming
    the lines it covers and the values found, with the first problem's fix."""

    problems: tuple[Problem, ...]

    @property
    def first(self) -> Problem:
        """The problem met first, whose fix the group gives."""
        return self.problems[0]

    @property
    def lines(self) -> tuple[int, ...]:
        """The lines the group covers, in order, each once."""
        return tuple(sorted({p.line for p in self.problems if p.line is not None}))

    @property
    def found(self) -> tuple[str, ...]:
        """The values found, each once, in the order met."""
        return tuple(dict.fromkeys(p.found for p in self.problems if p.found is not None))

    @property
    def place(self) -> str:
        """Where: ``readings.csv, lines 2-99, field 'period'``; a sheet's field with the
        column of cells it covers, ``period (Readings!B2:B99)``."""
        first = self.first
        if len(self.problems) == 1:
            return first.place
        where = first.source
        lines = self.lines
        if lines:
            runs = _runs(lines)
            shown = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs[:_SHOWN_RUNS])
            if len(runs) > _SHOWN_RUNS:
                shown += f" and {len(runs) - _SHOWN_RUNS} more runs"
            where += f", line{'s' if len(lines) > 1 else ''} {shown}"
        headings = {_heading(p.field)[0] for p in self.problems}
        heading = headings.pop() if len(headings) == 1 else _kind(first)[1]
        cells = {_heading(p.field)[1] for p in self.problems}
        if heading is not None:
            if len(cells) == 1 and None not in cells and lines:
                sheet, column = next(c for c in cells if c is not None)
                span = f"{column}{lines[0]}" if len(lines) == 1 else (
                    f"{column}{lines[0]}:{column}{lines[-1]}")
                heading = f"{heading} ({sheet}!{span})"
            where += f", field '{heading}'"
        return where

    @property
    def message(self) -> str:
        """What is wrong, as [`Problem.message`][corpparent.errors.Problem.message] says it, with
        the values found (the first few, and how many more)."""
        first = self.first
        if len(self.problems) == 1:
            return first.message
        found = self.found
        listed = ", ".join(found[:_SHOWN_VALUES])
        if len(found) > _SHOWN_VALUES:
            more = len(found) - _SHOWN_VALUES
            listed += f" and {more} other value{'s' if more > 1 else ''}"
        parts = [first.note] if first.note else []
        if first.expected is not None:
            parts.append(f"expected {first.expected}" + (f", found {listed}" if found else ""))
        elif found:
            parts.append(f"found {listed}")
        return "; ".join(parts) or "invalid"

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return str(self.first)
        fix = f"; {self.first.fix}" if self.first.fix else ""
        count = f" ({len(self.problems)} problems)"
        return printable(f"{self.place}{count}: {self.message}{fix}")


def _kind(problem: Problem) -> tuple[str, str | None, str, str | None]:
    """What makes problems one kind: the file, the field (without its cell, and with each
    item's index written ``[*]``), the note and the expectation."""
    heading = _heading(problem.field)[0]
    if heading is not None:
        heading = _INDEX.sub("[*]", heading)
    return problem.source, heading, problem.note, problem.expected


def grouped(problems: Iterable[Problem]) -> tuple[ProblemGroup, ...]:
    """``problems`` gathered by kind (file, field, note and expectation; the values found
    and the fixes may differ), each group in the order its first problem was met and
    its problems in theirs."""
    kinds: dict[tuple[str, str | None, str, str | None], list[Problem]] = {}
    for problem in problems:
        kinds.setdefault(_kind(problem), []).append(problem)
    return tuple(ProblemGroup(tuple(found)) for found in kinds.values())


def problem_lines(problems: Iterable[Problem], limit: int | None = SHOWN_GROUPS
                  ) -> list[str]:
    """One line for each kind of problem ([`grouped`][corpparent.errors.grouped]), at most ``limit``
    of them (``None``: all), then one counting the rest: what a person reads; the problems
    themselves stay whole for code."""
    groups = grouped(problems)
    shown = groups if limit is None else groups[:limit]
    lines = [str(group) for group in shown]
    rest = groups[len(shown):]
    if rest:
        many = sum(len(g.problems) for g in rest)
        lines.append(f"... and {many} more problem{'s' if many > 1 else ''} of "
                     f"{len(rest)} other kind{'s' if len(rest) > 1 else ''}")
    return lines
