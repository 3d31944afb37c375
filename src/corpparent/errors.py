"""The one exception hierarchy of corpparent.

Every error the library raises on purpose is a :class:`CorpparentError`. Each class also
subclasses the built-in exception that fits it, so callers who already catch
``ValueError`` or ``LookupError`` keep working.

Errors in input files are collected rather than raised at the first: a
:class:`DataError` carries every :class:`Problem` found, each naming the file, the line,
the field, what was expected and what was found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import frozen

from corpparent.safe_text import printable

__all__ = [
    "CorpparentError",
    "DataError",
    "DefinitionError",
    "MissingDependencyError",
    "PeriodError",
    "PluginError",
    "PluginFileError",
    "Problem",
    "UnitError",
    "UnknownIndicatorError",
    "UnknownNameError",
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
    kind shares::

        readings.csv, line 4, field 'value': expected a number, found 'abc'

    ``line`` is 1-based: for a CSV file the physical line (the header is line 1), for a
    JSON or TOML file the line where the item or key is written. ``field`` is named as
    the file writes it: a CSV column heading as published, or a key path such as
    ``indicators[3].kind``. ``expected`` and ``found`` say what should have been there
    and what was (``found`` as shown to the reader, e.g. ``'abc'``); ``note`` holds
    anything that is not of that shape ("file not found", "a second meeting on ..."),
    given as the second argument (``message=``). :attr:`message` is the whole of
    what is wrong: the note, then what was expected and found.
    """

    source: str
    note: str
    line: int | None
    field: str | None
    expected: str | None
    found: str | None

    def __init__(
        self,
        source: str,
        message: str = "",
        *,
        line: int | None = None,
        field: str | None = None,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        self.__attrs_init__(source, message, line, field, expected, found)

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
        return printable(f"{self.place}: {self.message}")


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

    def _message(self) -> str:
        lines = [str(p) for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)


@final
class PluginFileError(PluginError, DataError):
    """A plug-in data file is invalid. Carries every problem found, worded as every
    other file's problems are."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        DataError.__init__(self, problems)
