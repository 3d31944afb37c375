"""Clauses a terms of reference leaves unstated, and reporting lines with no deadline.

Terms of reference are written for councillors, not for a rules engine: many say nothing
of a quorum, a meeting frequency or a seat count (the national rules reference §2 finds
"not in excerpt" for the quorum of Durham, Kent, Harrow and York). A clause the terms do
not state must not be invented (no made-up seat count or deadline) and must not be
silent either: a [`Constitution`][corpparent.governance.Constitution] may declare a
[`Clause`][corpparent.governance.terms.Clause] *not stated*, and each such clause yields one finding
saying that the terms of reference do not state it, so a reader sees what was not judged and why.

Reporting lines often name a recipient and nothing else: Kent's panel is "Accountable to
County Council and the Cabinet Member"; Harrow's makes "Recommendations to
Cabinet/Portfolio Holder" (national rules reference §2). A
[`ReportingLine`][corpparent.governance.terms.ReportingLine] holds the recipient and how the terms
relate the panel to it, and the document where the terms name one, with no deadline or cadence; its
finding lists what the submissions log shows going to the recipient and never calls anything late,
since nothing is due.

Some terms do give a deadline, as another body's calendar: the minutes "to the next
meeting of Cabinet". A line declared ``by_next_meeting_of`` that body (a
`NextMeetingOf`, with the body's meeting
dates) is judged occasion by occasion, after each meeting of the panel or after the
year. Terms that name no recipient leave the line's recipient None: "not stated", and
nothing is judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Protocol, final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status, not_judged
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import name_key
from corpparent.governance.next_meeting import Arises, NextMeetingOf
from corpparent.periods import Period
from corpparent.wording import counted, listed

__all__ = ["Clause", "ReportingLine", "SentItem", "not_stated_finding"]


class Clause(Enum):
    """A clause of a terms of reference that a constitution may declare not stated."""

    SEATS = "seats"
    CO_OPTEES = "co-optees"
    QUORUM = "quorum"
    FREQUENCY = "meeting frequency"
    ATTENDANCE = "attendance"
    OFFICES = "offices"
    POLITICAL_BALANCE = "political balance"
    SUBSTITUTES = "substitutes"
    REPORTING = "reporting"

    def __str__(self) -> str:
        return self.value

    @property
    def through_seats(self) -> bool:
        """Whether the clause is declared through the seats of a class of member rather
        than by a rule type of its own: co-optees are declared by seats for co-opted
        members, so terms that give them none are not said to leave them undeclared."""
        return self is Clause.CO_OPTEES


_CONSEQUENCE = {
    Clause.SEATS: "no seat count is judged",
    Clause.CO_OPTEES: "no seat for a co-opted member is judged",
    Clause.QUORUM: "no meeting's quorum is judged",
    Clause.FREQUENCY: "no number or spacing of meetings is judged",
    Clause.ATTENDANCE: "no attendance threshold is judged",
    Clause.OFFICES: "no office is required to be held",
    Clause.POLITICAL_BALANCE: "the groups' shares of the seats are not judged",
    Clause.SUBSTITUTES: "substitutes are counted without conditions",
    Clause.REPORTING: "no reporting line is judged",
}


def not_stated_finding(panel: str, clause: Clause, period: Period | None = None,
                       source: str = "") -> Finding:
    """The finding for a clause the terms of reference do not state: insufficient data,
    saying so, and what is therefore not judged. The panel is its subject, by name."""
    where = f" ({source})" if source else ""
    return Finding(
        subject=panel, subject_name=panel,
        rule=f"{clause}: not stated", family=RuleFamily.GOVERNANCE,
        status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
        explanation=f"The terms of reference{where} do not state the panel's {clause}, so "
        f"{_CONSEQUENCE[clause]}.",
        evidence={"clause": clause.value}, period=period,
    )


class SentItem(Protocol):
    """Anything with a date, a document and a recipient: a submissions log entry."""

    @property
    def date(self) -> date: ...
    @property
    def document(self) -> str: ...
    @property
    def recipient(self) -> str: ...


def _text(value: str) -> str:
    return " ".join(str(value).split())


def _recipient(value: str | None) -> str | None:
    return None if value is None else _text(value) or None


@final
@frozen
class ReportingLine:
    """The panel is ``relation`` ``recipient`` (None: the terms do not state to whom),
    with no deadline or cadence unless ``by_next_meeting_of`` gives one.

    ``relation`` is the terms' own words ("accountable to", "makes recommendations to",
    "minutes noted by"); ``document`` optionally names what goes. A deadline by the
    next meeting of another body arises as ``arises`` says: after each meeting of the
    panel, or after the year.
    """

    recipient: str | None = field(default=None, converter=_recipient)
    relation: str = field(default="reports to", converter=_text)
    document: str | None = None
    by_next_meeting_of: NextMeetingOf | None = None
    arises: Arises = field(default=Arises.EACH_MEETING, converter=Arises)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if self.by_next_meeting_of is None and self.arises is not Arises.EACH_MEETING:
            raise DefinitionError("a reporting line's 'arises' is when its deadline "
                                  "arises: give 'by_next_meeting_of' with it")

    @property
    def to(self) -> str:
        """The recipient in words: their name, or that the terms do not state it."""
        return self.recipient or "(recipient not stated)"

    @property
    def name(self) -> str:
        return f"reporting line: {self.relation} {self.to}"

    def describe(self) -> str:
        what = f" ({self.document})" if self.document else ""
        if self.by_next_meeting_of is None:
            return f"{self.relation} {self.to}{what}; no deadline or cadence stated"
        return (f"{self.relation} {self.to}{what}, {self.arises}, "
                f"{self.by_next_meeting_of.describe()}")

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """Nothing: a reporting line is judged against a submissions log (see
        [`finding`][corpparent.governance.terms.ReportingLine.finding]), not against the panel's
        record."""
        return ()

    def carries(self, item: SentItem) -> bool:
        """Whether ``item`` went along this line: to its recipient, and of its document
        where it names one (names compared as `name_key` does)."""
        return self.recipient is not None and name_key(item.recipient) == name_key(
            self.recipient) and (self.document is None
                                 or name_key(item.document) == name_key(self.document))

    def finding(self, panel: str, sent: Iterable[SentItem] | None, period: Period,
                as_of: date, meetings: Iterable[date] | None = None) -> Finding:
        """What the log shows going to the recipient in ``period`` up to ``as_of``; a
        warning when nothing did (never a breach: nothing is due), insufficient data
        when no log was given or the terms state no recipient. A line with a deadline
        is judged on each occasion it arose (``meetings``: the panel's meeting dates)."""
        if self.recipient is None:
            return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                           status=Status.INSUFFICIENT_DATA,
                           outcome=NotJudged.INSUFFICIENT_DATA,
                           explanation=f"The terms of reference give the panel a reporting "
                           f"line, \u201c{self.relation}\u201d, but do not state to whom, so "
                           "nothing sent along it can be judged.", period=period)
        if self.by_next_meeting_of is not None and sent is not None:
            return self._deadline_finding(panel, tuple(sent), period, as_of, meetings)
        base = (f"The terms of reference give the panel a reporting line, "
                f"\u201c{self.relation} {self.recipient}\u201d, "
                + (f"for the {self.document}, with no deadline or cadence" if self.document
                   else "with no document, deadline or cadence"))
        if self.by_next_meeting_of is not None:
            base = (f"The terms of reference give the panel a reporting line, "
                    f"\u201c{self.relation} {self.recipient}\u201d, {self.arises}, "
                    f"{self.by_next_meeting_of.describe()}")
        if sent is None:
            return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                           status=Status.INSUFFICIENT_DATA,
                           outcome=NotJudged.INSUFFICIENT_DATA,
                           explanation=f"{base}, and no submissions log was given.",
                           period=period)
        last = min(period.end, as_of)
        went = sorted((s for s in sent if self.carries(s) and period.start <= s.date <= last),
                      key=lambda s: s.date)
        if not went:
            return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                           status=Status.WARNING,
                           explanation=f"{base}; nothing is recorded going to "
                           f"{self.recipient} from {day_text(period.start)} to "
                           f"{day_text(last)}, which is noted, not a breach.",
                           evidence={"items": 0}, period=period)
        items = listed([f"{s.document} on {day_text(s.date)}" for s in went])
        return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                       status=Status.MET,
                       explanation=f"{base}; {counted(len(went), 'item')} went to "
                       f"{self.recipient}: {items}.",
                       evidence={"items": len(went)}, period=period)

    def _deadline_finding(self, panel: str, sent: tuple[SentItem, ...], period: Period,
                          as_of: date, meetings: Iterable[date] | None) -> Finding:
        deadline = self.by_next_meeting_of
        assert deadline is not None
        base = (f"The terms of reference give the panel a reporting line, "
                f"\u201c{self.relation} {self.recipient}\u201d"
                + (f" for the {self.document}" if self.document else "")
                + f", {self.arises}, by the next meeting of {deadline.body}")
        last = min(period.end, as_of)
        if self.arises is Arises.YEAR_END:
            arose: list[date] = [period.end] if period.end <= as_of else []
        elif meetings is None:
            return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                           status=Status.INSUFFICIENT_DATA,
                           outcome=NotJudged.INSUFFICIENT_DATA,
                           explanation=f"{base}; the panel's meetings were not given, so "
                           "when it arose is not known.", period=period)
        else:
            arose = sorted(d for d in meetings if period.start <= d <= last)
        if not arose:
            return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                           status=Status.NOT_YET_DUE,
                           explanation=f"{base}; it has not arisen by {day_text(last)}.",
                           evidence={"occasions": 0}, period=period)
        dates = [s.date for s in sent if self.carries(s)]
        occasions = [deadline.judge(day, dates, as_of) for day in arose]
        status = NextMeetingOf.overall(occasions)
        return Finding(subject=panel, rule=self.name, family=RuleFamily.OBLIGATION,
                       status=status, outcome=not_judged(status),
                       explanation=f"{base}: {'; '.join(o.text for o in occasions)}.",
                       evidence={"occasions": len(occasions), "on time": sum(
                           o.status is Status.MET for o in occasions)},
                       period=period)


declare(RuleType("reporting_lines", ReportingLine, 95, many=True, clause=Clause.REPORTING,
                 needs_membership=False, summary=4))
