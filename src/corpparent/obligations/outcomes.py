"""The outcomes of the findings about reporting obligations.

Each occurrence of an obligation is judged to one
[`ObligationOutcome`][corpparent.obligations.outcomes.ObligationOutcome]; its ``value`` is the label
reports show.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["ObligationOutcome"]


class ObligationOutcome(Enum):
    """How an occurrence of an obligation stands, or what a log entry is."""

    MET = "met"
    """Everything it must cover was sent, in order, by the deadline."""
    LATE = "late"
    """It was all sent in order, but after the deadline."""
    MISSING = "missing"
    """Nothing was sent and the deadline has passed."""
    INCOMPLETE = "incomplete"
    """Something was sent but not every topic."""
    OUT_OF_ORDER = "out of order"
    """It was sent before an obligation it must follow was met."""
    NOT_YET_DUE = "not yet due"
    """The deadline has not passed and nothing is wrong yet."""
    UNMATCHED = "unmatched"
    """A log entry that counts towards no occurrence of any obligation."""
    MATCHED_BY_DATE = "matched by date"
    """A log entry without ``relates_to``, counted for an occurrence by its date alone."""

    def __str__(self) -> str:
        return self.value
