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

__all__ = ["RunWarning", "carried_note", "carried_warning", "notes_of"]


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


def carried_warning(rule_set: YearRules | None) -> RunWarning | None:
    """The warning of a run whose rule set was carried forward from an earlier year:
    the command line says it on standard error as it says any warning, a year or four
    after the plug-in's last year alike, so the ranges and targets of an old year never
    judge a new one unsaid; ``None`` where the rule set was declared for its year."""
    if rule_set is None or rule_set.carried_from is None:
        return None
    return RunWarning(f"no rule set was declared for {rule_set.year}: the ranges and targets "
                      f"set for {rule_set.carried_from} judged it, carried forward",
                      hint=f"declare {rule_set.year}'s ranges and targets in the plug-in")


def carried_note(rule_set: YearRules | None) -> tuple[str, ...]:
    """The note a report carries when the rule set that judged it was carried forward
    from an earlier year (`carried_warning`): said once, beside every format's findings,
    so that a report in which every indicator is met still says whose ranges and targets
    judged it."""
    carried = carried_warning(rule_set)
    return () if carried is None else (carried.sentence,)


def notes_of(rule_set: YearRules | None, warnings: Iterable[RunWarning]) -> tuple[str, ...]:
    """A run's notes for its report: the rule set carried forward, then each other
    warning."""
    carried = carried_warning(rule_set)
    return (*(w.sentence for w in (carried,) if w is not None),
            *(w.sentence for w in warnings if w != carried))
