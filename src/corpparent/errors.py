"""The one exception hierarchy of corpparent.

Every error the library raises on purpose is a :class:`CorpparentError`. Each class also
subclasses the built-in exception that fits it, so callers who already catch
``ValueError`` or ``LookupError`` keep working.

Errors in input files are collected rather than raised at the first: a
:class:`DataError` carries every :class:`Problem` found, each naming the file, the row,
the field and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import frozen

__all__ = [
    "CorpparentError",
    "DataError",
    "DefinitionError",
    "PeriodError",
    "PluginError",
    "PluginFileError",
    "Problem",
    "UnitError",
    "UnknownIndicatorError",
]


class CorpparentError(Exception):
    """Root of every error corpparent raises on purpose."""


class DefinitionError(CorpparentError, ValueError):
    """A rule, indicator or other definition is invalid; raised when it is built."""


class UnitError(DefinitionError):
    """A quantity's unit does not fit: unknown, or of the wrong dimension."""


class PeriodError(CorpparentError, ValueError):
    """Text that should name a period is malformed or ambiguous."""


class UnknownIndicatorError(CorpparentError, LookupError):
    """An indicator identifier is not in the indicator set."""

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a dictionary key.
        return str(self.args[0]) if self.args else ""


class PluginError(CorpparentError, RuntimeError):
    """An authority plug-in could not be discovered, loaded or validated."""


@final
@frozen
class Problem:
    """One thing wrong with one place in an input file.

    ``row`` is the line number of a CSV record (the header is line 1) or the number of a
    JSON record, counting from 1; ``field`` is the column or key.
    """

    source: str
    message: str
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.source
        if self.row is not None:
            where += f", row {self.row}"
        if self.field is not None:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


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
        cls, source: str, message: str, *, row: int | None = None, field: str | None = None
    ) -> DataError:
        """A DataError with one problem."""
        return cls([Problem(source=source, message=message, row=row, field=field)])

    @property
    def file(self) -> str:
        """The source of the first problem."""
        return self.problems[0].source

    @property
    def row(self) -> int | None:
        """The row of the first problem."""
        return self.problems[0].row

    @property
    def field(self) -> str | None:
        """The field of the first problem."""
        return self.problems[0].field

    def _describe(self, problem: Problem) -> str:
        """One problem as a line of the message; subclasses may name places otherwise."""
        return str(problem)

    def _message(self) -> str:
        lines = [self._describe(p) for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)


@final
class PluginFileError(PluginError, DataError):
    """A plug-in data file is invalid. Carries every problem found; each names the line
    (``row``) and the key path (``field``)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        DataError.__init__(self, problems)

    def _describe(self, problem: Problem) -> str:
        where = problem.source
        if problem.row is not None:
            where += f", line {problem.row}"
        if problem.field is not None:
            where += f", at {problem.field}"
        return f"{where}: {problem.message}"
