"""What a run says beside its results: warnings as data, each with what it means for exit.

A run never prints. It returns its results and the :class:`RunWarning` s that a reader of
them should see ("7 of 25 indicators have no reading for 2023-24 Q4"); the command line
prints them on standard error, a report carries them, and a Python caller reads them.
``incomplete`` marks the warnings that ``--strict`` turns into exit code 3: the report
leaves something unjudged that the panel would expect judged.
"""

from __future__ import annotations

from typing import final

from attrs import frozen

__all__ = ["RunWarning"]


@final
@frozen
class RunWarning:
    """One thing a run's reader should be told, in a sentence.

    ``incomplete`` is true when the warning means the report is not complete: an
    indicator without a reading, or nothing judged at all.
    """

    text: str
    incomplete: bool = False

    def __str__(self) -> str:
        return self.text
