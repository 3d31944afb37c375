"""A reporting deadline given as the next meeting of another body.

Terms of reference often time what the panel sends by another body's calendar: the
panel's minutes "to be reported to the next meeting of Cabinet", its annual report "to
the next meeting of full Council" after the year. The deadline is then a date only once
that body's meeting dates are known, so `NextMeetingOf` holds them (from the
plug-in file, as the body publishes them) and judges each occasion the obligation
arises: on time when the document went to the recipient after it arose and by that
body's next meeting; missing or late when the meeting passed first; not yet due before
it; insufficient data when no later meeting of the body is on record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum
from typing import final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.findings import Status, worst
from corpparent.wording import counted

__all__ = ["Arises", "NextMeetingOf", "Occasion"]


class Arises(Enum):
    """When a reporting obligation with a next-meeting deadline arises."""

    EACH_MEETING = "each meeting"
    """After each meeting of the panel (its minutes, its recommendations)."""
    YEAR_END = "year end"
    """After the period judged ends (an annual report)."""

    def __str__(self) -> str:
        return "after each meeting of the panel" if self is Arises.EACH_MEETING \
            else "after the year"


def _body(value: str) -> str:
    return " ".join(str(value).split())


def _dates(values: Iterable[date]) -> tuple[date, ...]:
    return tuple(sorted(set(values)))


@final
@frozen
class Occasion:
    """One occasion an obligation arose, judged: its ``status`` and what happened."""

    arose: date
    status: Status
    text: str


@final
@frozen
class NextMeetingOf:
    """Due by the first meeting of ``body`` after the obligation arises; ``meetings``
    are the body's meeting dates on record."""

    body: str = field(converter=_body)
    meetings: tuple[date, ...] = field(default=(), converter=_dates)

    def __attrs_post_init__(self) -> None:
        if not self.body:
            raise DefinitionError("a deadline 'by the next meeting of' needs the body's name")

    def due(self, arose: date) -> date | None:
        """The body's first meeting after ``arose``; None when none is on record."""
        return next((d for d in self.meetings if d > arose), None)

    def describe(self) -> str:
        if not self.meetings:
            return f"by the next meeting of {self.body} (no meeting of it on record)"
        return (f"by the next meeting of {self.body} ({counted(len(self.meetings), 'meeting')}"
                f" of it on record, {day_text(self.meetings[0])} to "
                f"{day_text(self.meetings[-1])})")

    def judge(self, arose: date, sent: Sequence[date], as_of: date) -> Occasion:
        """The occasion arising on ``arose``, from the dates ``sent`` of what went along
        the line (a date after ``arose`` and by the meeting is on time)."""
        due = self.due(arose)
        after = sorted(d for d in sent if arose <= d <= as_of)
        if due is None:
            went = f"; it went on {day_text(after[0])}" if after else ""
            return Occasion(arose, Status.INSUFFICIENT_DATA,
                            f"arose {day_text(arose)}: no meeting of {self.body} after it is "
                            f"on record, so its deadline is not known{went}")
        head = f"arose {day_text(arose)}, due by {self.body} on {day_text(due)}"
        on_time = [d for d in after if d <= due]
        if on_time:
            return Occasion(arose, Status.MET, f"{head}: went on {day_text(on_time[0])}")
        if due >= as_of:
            return Occasion(arose, Status.NOT_YET_DUE, f"{head}: not yet due")
        if after:
            return Occasion(arose, Status.BREACHED,
                            f"{head}: went late, on {day_text(after[0])}")
        return Occasion(arose, Status.BREACHED, f"{head}: nothing went")

    @staticmethod
    def overall(occasions: Sequence[Occasion]) -> Status:
        """The status of a line from its occasions: the worst of them."""
        return worst(o.status for o in occasions)
