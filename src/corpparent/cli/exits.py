"""How the command line ends: its exit codes, and an error written as one line.

Kept apart from the commands themselves so that ``corpparent --help`` and the command
group load nothing else.
"""

from __future__ import annotations

import click

from corpparent.errors import DataError
from corpparent.safe_text import printable

__all__ = ["EXIT_BAD_INPUT", "EXIT_BREACH", "EXIT_INCOMPLETE", "one_line"]

#: A finding is a breach and ``--fail-on-breach`` was given.
EXIT_BREACH = 1
#: The input (an option, a file, a plug-in) is bad.
EXIT_BAD_INPUT = 2
#: ``--strict`` was given and the report is incomplete: an indicator has no reading for a
#: period assessed, or nothing could be judged.
EXIT_INCOMPLETE = 3


def one_line(error: BaseException) -> str:
    """An error as one line: a DataError's first kind of problem (the lines it covers,
    [`corpparent.errors.grouped`][corpparent.errors.grouped]) and how many more problems there
    are."""
    if isinstance(error, click.ClickException):
        return printable(" ".join(error.format_message().split()))
    if isinstance(error, DataError) and len(error.problems) > 1:
        first = error.groups[0]
        more = len(error.problems) - len(first.problems)
        if not more:
            return printable(str(first))
        return printable(f"{first} (and {more} more problem"
                         f"{'s' if more > 1 else ''}; 'corpparent validate' lists them all)")
    return printable(" ".join(str(error).split()))
