"""How often the panel must meet: a cadence with a tolerance, and a number per year.

Wiltshire: "The Corporate Parenting Panel will meet bi-monthly with a minimum of 5
meetings a year" (001 §5). Staffordshire: "The Panel shall meet every month, agree a
work programme annually and review it at each meeting" (004, terms of reference), and in
2019-20 "The Panel met 9 times during the period" (004 §13).

A [`MeetingFrequency`][corpparent.governance.frequency.MeetingFrequency] judges a
[`MeetingLog`][corpparent.governance.frequency.MeetingLog] (the dates the panel met over a span, as
known on a date) and finds:

* per year of its [`YearKind`][corpparent.governance.years.YearKind], the number of
  meetings against the minimum (stated, or implied by the cadence: every month implies
  12) — a shortfall is a breach, a year still running is not yet due, and a year the
  log covers only in part is insufficient data;
* every gap longer than the cadence plus its tolerance, counting from the start of the
  log (or the last meeting before it) to the first meeting, and between meetings;
* the date the next meeting is due, overdue if that date has passed.

A gap is measured in calendar months: the meeting after one on 15 November is due by 15
January under a two-month cadence, plus the tolerance in days. A meeting on the last day
of a month is followed by one due by the last day of the month the cadence reaches, so
meetings on 31 January, 28 February and 31 March keep a monthly cadence (each a month
after the last, counted month end to month end) rather than 31 March being "3 days over"
a 28 March that clamping 28 February forward would give. The tolerance is a setting,
since no terms of reference states one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import Enum
from itertools import pairwise
from typing import final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status, not_judged
from corpparent.governance._checks import check_span, non_negative, optional_at_least_one
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import MeetingKind, Meetings
from corpparent.governance.terms import Clause
from corpparent.governance.years import YearKind, add_months_from
from corpparent.wording import counted

__all__ = ["FrequencyOutcome", "MeetingFrequency", "MeetingLog"]


class FrequencyOutcome(Enum):
    """What a meeting-frequency finding found wrong (one that is met has no outcome)."""

    SHORTFALL = "shortfall"
    """Fewer meetings in a year than required."""
    GAP_TOO_LONG = "gap too long"
    """Longer between two meetings than the cadence allows."""
    OVERDUE = "overdue"
    """No meeting since the next was due."""

    def __str__(self) -> str:
        return self.value


def _sorted_dates(values: Iterable[date]) -> tuple[date, ...]:
    return tuple(sorted(set(values)))


@final
@frozen
class MeetingLog:
    """The dates a panel met, recorded for ``start``..``end`` and known on ``as_of``.

    Dates after ``as_of`` are meetings not yet held and are ignored; a date before
    ``start`` anchors the first gap.
    """

    dates: tuple[date, ...] = field(converter=_sorted_dates)
    start: date
    end: date
    as_of: date
    panel: str = "the panel"

    def __attrs_post_init__(self) -> None:
        check_span("a meeting log", self.start, self.end)

    @classmethod
    def of(
        cls,
        meetings: Meetings,
        start: date,
        end: date,
        as_of: date,
        *,
        panel: str = "the panel",
        kinds: Iterable[MeetingKind] = (MeetingKind.FORMAL,),
    ) -> MeetingLog:
        """The log of ``meetings`` of the given ``kinds`` (formal ones by default)."""
        return cls(meetings.of_kind(*kinds).dates, start, end, as_of, panel)

    @property
    def judged_until(self) -> date:
        """The last day the log can speak for: its end, or ``as_of`` if earlier."""
        return min(self.end, self.as_of)

    def held(self, start: date, end: date) -> tuple[date, ...]:
        """Meetings held (on or before ``as_of``) from ``start`` to ``end``."""
        return tuple(d for d in self.dates if start <= d <= end and d <= self.as_of)


def _cadence_text(months: int) -> str:
    words = {1: "every month", 2: "every two months", 3: "every three months"}
    return words.get(months, f"every {months} months")


@final
@frozen
class MeetingFrequency:
    """A meeting-frequency rule: a cadence, a tolerance, a minimum per year.

    ``every_months`` is the cadence (1 for monthly, 2 for bi-monthly);
    ``tolerance_days`` how late a meeting may fall before the gap is a breach;
    ``minimum_per_year`` the number a year must hold (if omitted, the cadence implies
    ``12 // every_months``); ``year`` the year counted over.
    """

    every_months: int | None = field(default=None, validator=optional_at_least_one)
    tolerance_days: int = field(default=0, validator=non_negative)
    minimum_per_year: int | None = field(default=None, validator=optional_at_least_one)
    year: YearKind = field(default=YearKind.FINANCIAL, converter=YearKind)
    source: str = field(default="", eq=False)
    expectation: bool = False
    """The terms state what is usual, not a minimum ("usually meets six times a year"):
    falling short, or a gap too long, is then a warning, never a breach."""

    @property
    def _short(self) -> Status:
        return Status.WARNING if self.expectation else Status.BREACHED

    def __attrs_post_init__(self) -> None:
        if self.every_months is None and self.minimum_per_year is None:
            raise DefinitionError("a meeting frequency needs 'every_months' or "
                                  "'minimum_per_year' (or both)")
        if self.every_months is not None and self.every_months > 12:
            raise DefinitionError(f"'every_months' must be at most 12, got {self.every_months}")

    @property
    def name(self) -> str:
        return "meeting frequency"

    @property
    def required_per_year(self) -> int:
        """Meetings a year must hold: the stated minimum, or what the cadence implies."""
        if self.minimum_per_year is not None:
            return self.minimum_per_year
        assert self.every_months is not None  # checked at construction
        return 12 // self.every_months

    @property
    def cadence(self) -> str:
        """The cadence in words: "meeting every two months (with 14 days' tolerance)"."""
        if self.every_months is None:
            return "no cadence"
        text = f"meeting {_cadence_text(self.every_months)}"
        if self.tolerance_days:
            days = counted(self.tolerance_days, "day's", "days'")
            text += f" (with {days} tolerance)"
        return text

    @property
    def requirement(self) -> str:
        """The yearly count in words: "at least 5 a financial year" or "meeting every
        month implies 12 a municipal year"."""
        if self.expectation:
            return (f"the terms of reference expect {self.required_per_year} a {self.year} "
                    "year (usually, not as a minimum)")
        if self.minimum_per_year is not None:
            return f"the rule requires at least {self.minimum_per_year} a {self.year} year"
        return f"{self.cadence.split(' (')[0]} implies {self.required_per_year} a {self.year} year"

    def describe(self) -> str:
        """The rule in words, never naming a cadence it does not have: "meets every two
        months, at least 5 meetings a financial year"."""
        parts = []
        usually = "usually " if self.expectation else ""
        if self.every_months is not None:
            parts.append(f"{usually}meets {_cadence_text(self.every_months)}")
        least = "" if self.expectation else "at least "
        parts.append(f"{least}{counted(self.required_per_year, 'meeting')} a {self.year} "
                     "year" + ("" if self.minimum_per_year is not None else " (implied)"))
        if self.expectation and self.every_months is None:
            parts[-1] = f"usually {parts[-1]}"
        return ", ".join(parts)

    def due_after(self, last: date) -> date:
        """The last day the next meeting may be held after one on ``last``."""
        if self.every_months is None:
            raise DefinitionError("a rule with no cadence sets no date for the next meeting")
        return add_months_from(last, self.every_months) + timedelta(days=self.tolerance_days)

    def next_due(self, log: MeetingLog) -> date | None:
        """When the next meeting is due after the last one held (None without a cadence)."""
        if self.every_months is None:
            return None
        held = log.held(date.min, log.judged_until)
        return self.due_after(held[-1] if held else log.start)

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """The findings on the log of the meetings that count (the constitution's
        ``frequency_counts``)."""
        return self.findings(panel.meeting_log)

    def findings(self, subject: MeetingLog, /) -> tuple[Finding, ...]:
        """Yearly counts, over-long gaps and the next meeting, in that order."""
        found = list(self._year_findings(subject))
        if self.every_months is not None:
            found.extend(self._gap_findings(subject))
        return tuple(found)

    def _year_findings(self, log: MeetingLog) -> Iterable[Finding]:
        required = self.required_per_year
        for year in self.year.overlapping(log.start, log.end):
            held = len(log.held(year.start, year.end))
            evidence: dict[str, EvidenceValue] = {"meetings": held, "required": required}
            if year.start < log.start or year.end > log.end:
                status = Status.INSUFFICIENT_DATA
                text = (
                    f"the record runs from {day_text(log.start)} to {day_text(log.end)}, "
                    f"which does not cover the whole of {year}, so its "
                    f"{counted(held, 'meeting')} cannot "
                    f"be counted against the {required} required"
                )
            elif year.end > log.as_of:
                status = Status.MET if held >= required else Status.NOT_YET_DUE
                text = (f"{counted(held, 'meeting')} so far in {year}, as at "
                        f"{day_text(log.as_of)}; "
                        f"{required} required by {day_text(year.end)}")
            else:
                status = Status.MET if held >= required else self._short
                short = f": {required - held} short" if held < required else ""
                text = f"{counted(held, 'meeting')} in {year}; {self.requirement}{short}"
                evidence["shortfall"] = max(required - held, 0)
            yield Finding(
                subject=log.panel, rule=self.name, family=RuleFamily.MEETING_FREQUENCY,
                status=status, explanation=text, evidence=evidence, period=year,
                outcome=(FrequencyOutcome.SHORTFALL if "shortfall" in evidence
                         and held < required else not_judged(status)),
            )

    def _gap_findings(self, log: MeetingLog) -> Iterable[Finding]:
        before = log.held(date.min, log.start - timedelta(days=1))
        within = log.held(log.start, log.judged_until)
        # The first gap runs from the last meeting before the log, or else from its start
        # (unless a meeting falls on that day).
        if before:
            held, real_anchor = [before[-1], *within], True
        elif within and within[0] == log.start:
            held, real_anchor = list(within), True
        else:
            held, real_anchor = [log.start, *within], False
        longest = 0
        breaches: list[Finding] = []
        for index, (earlier, later) in enumerate(pairwise(held)):
            gap = (later - earlier).days
            longest = max(longest, gap)
            due = self.due_after(earlier)
            if later > due:
                real = index > 0 or real_anchor
                breaches.append(self._gap_breach(log, earlier, later, due, anchored=real))
        yield from breaches
        gaps = len(held) - 1
        if not breaches and gaps:
            yield Finding(
                subject=log.panel, rule="meeting gaps", family=RuleFamily.MEETING_GAP,
                status=Status.MET,
                explanation=(f"all {counted(gaps, 'gap')}" if gaps > 1 else "the gap")
                + f" from {day_text(held[0])} to {day_text(held[-1])} kept to {self.cadence}; "
                + ("the longest was " if gaps > 1 else "it was ")
                + counted(longest, "day"),
                evidence={"gaps": gaps, "longest gap days": longest},
            )
        yield self._next_finding(log, held[-1], has_meeting=len(held) > 1 or real_anchor)

    def _gap_breach(
        self, log: MeetingLog, earlier: date, later: date, due: date, *, anchored: bool
    ) -> Finding:
        since = (f"the meeting on {day_text(earlier)}" if anchored
                 else f"the start of the record on {day_text(earlier)}")
        over = (later - due).days
        return Finding(
            subject=log.panel,
            rule="meeting gaps",
            family=RuleFamily.MEETING_GAP,
            status=self._short,
            explanation=(
                f"{counted((later - earlier).days, 'day')} from {since} to the meeting on "
                f"{day_text(later)}; {self.cadence} allows until {day_text(due)}: "
                f"{counted(over, 'day')} over"
            ),
            evidence={"gap days": (later - earlier).days, "days over": over,
                      "from": earlier.isoformat(), "to": later.isoformat()},
            outcome=FrequencyOutcome.GAP_TOO_LONG,
        )

    def _next_finding(self, log: MeetingLog, last: date, *, has_meeting: bool) -> Finding:
        due = self.due_after(last)
        since = (f"the meeting on {day_text(last)}" if has_meeting
                 else f"the start of the record on {day_text(last)}")
        evidence: dict[str, EvidenceValue] = {"next due": due.isoformat(),
                                              "last meeting": last.isoformat()
                                              if has_meeting else None}
        if due < log.judged_until:
            over = (log.judged_until - due).days
            evidence["days over"] = over
            status = self._short
            text = (f"no meeting from {since} to {day_text(log.judged_until)}; the next was due by "
                    f"{day_text(due)}: {counted(over, 'day')} over")
        else:
            status = Status.NOT_YET_DUE if log.as_of < log.end else Status.MET
            text = f"the next meeting after {since} is due by {day_text(due)}"
        return Finding(subject=log.panel, rule="next meeting", family=RuleFamily.NEXT_MEETING,
                       status=status, explanation=text, evidence=evidence,
                       outcome=FrequencyOutcome.OVERDUE if due < log.judged_until else None)


declare(RuleType("frequency", MeetingFrequency, 70, clause=Clause.FREQUENCY,
                 needs_membership=False, summary=2, absent_summary=True))
