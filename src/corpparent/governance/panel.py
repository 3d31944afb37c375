"""A panel's record over a span: its membership, its meetings, and the date it is read on.

The rules of this package judge parts of one record: composition judges the roster on
``as_of``, quorum judges each meeting as a sitting, frequency judges the log of dates,
and attendance judges each member over the meetings of their tenure. A
[`PanelRecord`][corpparent.governance.panel.PanelRecord] holds the lot so a constitution can review
it in one call. It is a plain value: ``as_of`` is given, never read from the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import final

from attrs import field, frozen

from corpparent.governance._checks import check_span
from corpparent.governance.frequency import MeetingLog
from corpparent.governance.meetings import Meeting, MeetingKind, Meetings, Sitting
from corpparent.governance.membership import Membership, Roster
from corpparent.periods import Period

__all__ = ["PanelRecord"]


def _meetings(value: Meetings | Iterable[Meeting]) -> Meetings:
    return value if isinstance(value, Meetings) else Meetings(value)


@final
@frozen
class PanelRecord:
    """``membership`` and ``meetings`` for ``start``..``end``, as known on ``as_of``."""

    panel: str
    membership: Membership
    meetings: Meetings = field(converter=_meetings)
    start: date
    end: date
    as_of: date

    def __attrs_post_init__(self) -> None:
        check_span("a panel record", self.start, self.end)

    @classmethod
    def for_period(
        cls,
        panel: str,
        membership: Membership,
        meetings: Meetings,
        period: Period,
        as_of: date | None = None,
    ) -> PanelRecord:
        """The record for ``period``, read on ``as_of`` (by default its last day)."""
        return cls(panel, membership, meetings, period.start, period.end,
                   as_of if as_of is not None else period.end)

    @property
    def held(self) -> Meetings:
        """The meetings of the span held on or before ``as_of``."""
        return self.meetings.between(self.start, min(self.end, self.as_of))

    def roster(self) -> Roster:
        """The roster on the last day the record speaks for."""
        return self.membership.on(min(self.end, self.as_of))

    def sittings(self) -> tuple[Sitting, ...]:
        """Each meeting held in the span, seen against the roster on its day."""
        return tuple(Sitting(m, self.membership.on(m.held_on)) for m in self.held)

    def meeting_log(self, kinds: Iterable[MeetingKind] = (MeetingKind.FORMAL,)) -> MeetingLog:
        """The dates of meetings of ``kinds``, for frequency rules."""
        return MeetingLog.of(self.meetings, self.start, self.end, self.as_of,
                             panel=self.panel, kinds=kinds)
