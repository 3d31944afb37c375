"""What a run says beside its results: warnings as data, each with what it means for exit.

A run never prints. It returns its results and the [`RunWarning`][corpparent.runs.notes.RunWarning]
s that a reader of them should see ("7 of 25 indicators have no reading for 2023-24 Q4"); the
command line prints them on standard error, a report carries them, and a Python caller reads them.
``incomplete`` marks the warnings that ``--strict`` turns into exit code 3: the report
leaves something unjudged that the panel would expect judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import frozen

from corpparent.rulesets import YearRules

__all__ = ["RunWarning", "carried_note", "notes_of"]


@final
@frozen
class RunWarning:
    """One thing a run's reader should be told, in a sentence.

    ``incomplete`` is true when the warning means the report is not complete: an
    indicator without a reading, or nothing judged at all.
    """

    text: str
    incomplete: bool = False
    hint: str = ""
    """What the command line adds, naming its own option ("give --membership FILE")."""

    def __str__(self) -> str:
        return self.text

    @property
    def sentence(self) -> str:
        """The warning as a report's note writes it: a capital letter and a full stop."""
        return f"{self.text[:1].upper()}{self.text[1:]}."


def carried_note(rule_set: YearRules | None) -> tuple[str, ...]:
    """The note a report carries when the rule set that judged it was carried forward
    from an earlier year: said once, beside every format's findings, so that a report in
    which every indicator is met still says whose ranges and targets judged it."""
    if rule_set is None or rule_set.carried_from is None:
        return ()
    return (f"No rule set was declared for {rule_set.year}: the ranges and targets set for "
            f"{rule_set.carried_from} judged it, carried forward.",)


def notes_of(rule_set: YearRules | None, warnings: Iterable[RunWarning]) -> tuple[str, ...]:
    """A run's notes for its report: the rule set carried forward, then each warning."""
    return (*carried_note(rule_set), *(w.sentence for w in warnings))
