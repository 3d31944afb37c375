"""The submissions log's entries: what was sent or presented, to whom, when, covering what.

Committee officers keep this log by hand today. Each entry names the ``document``
("minutes", "six-monthly report"), the ``recipient`` ("Chairman of Children's Select
Committee"), the ``date`` it was sent or presented, the topics it is ``covering`` (the
strategic priorities it reported on) and, where more than one meeting or cycle could be
meant, what it ``relates_to``: the date of the meeting or event, or a period.
[`corpparent.files.read_submissions`][corpparent.files.read_submissions] reads a log from a CSV or
JSON file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.periods import Period

__all__ = ["Submission"]


def _topics(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        raise DefinitionError("'covering' must be a list of topics, not one string")
    return tuple(items)


@final
@frozen(kw_only=True)
class Submission:
    """One entry of the log: ``document`` went to ``recipient`` on ``date``."""

    document: str
    recipient: str
    date: dt.date
    covering: tuple[str, ...] = field(default=(), converter=_topics)
    relates_to: dt.date | Period | None = None
    note: str | None = None
    source: str | None = field(default=None, eq=False)

    def moved_to(self, day: dt.date) -> Submission:
        """The same entry dated ``day``."""
        return Submission(
            document=self.document,
            recipient=self.recipient,
            date=day,
            covering=self.covering,
            relates_to=self.relates_to,
            note=self.note,
            source=self.source,
        )

    def __str__(self) -> str:
        about = f" ({self.relates_to})" if self.relates_to is not None else ""
        return f"{self.document}{about} to {self.recipient} on {self.date.isoformat()}"
