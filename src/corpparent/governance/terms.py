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
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Protocol, final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.membership import name_key
from corpparent.periods import Period
from corpparent.wording import counted, listed

__all__ = ["Clause", "ReportingLine", "SentItem", "not_stated_finding"]


class Clause(Enum):
    """A clause of a terms of reference that a constitution may declare not stated."""

    SEATS = "seats"
    QUORUM = "quorum"
    FREQUENCY = "meeting frequency"
    ATTENDANCE = "attendance"
    OFFICES = "offices"
    POLITICAL_BALANCE = "political balance"
    SUBSTITUTES = "substitutes"
    REPORTING = "reporting"

    def __str__(self) -> str:
        return self.value


_CONSEQUENCE = {
    Clause.SEATS: "no seat count is judged",
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


@final
@frozen
class ReportingLine:
    """The panel is ``relation`` ``recipient``, with no document, deadline or cadence.

    ``relation`` is the terms' own words ("accountable to", "makes recommendations to",
    "minutes noted by"); ``document`` optionally names what goes, without making it due.
    """

    recipient: str = field(converter=_text)
    relation: str = field(default="reports to", converter=_text)
    document: str | None = None
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"reporting line: {self.relation} {self.recipient}"

    def describe(self) -> str:
        what = f" ({self.document})" if self.document else ""
        return f"{self.relation} {self.recipient}{what}; no deadline or cadence stated"

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """Nothing: a reporting line is judged against a submissions log (see
        [`finding`][corpparent.governance.terms.ReportingLine.finding]), not against the panel's
        record."""
        return ()

    def carries(self, item: SentItem) -> bool:
        """Whether ``item`` went along this line: to its recipient, and of its document
        where it names one (names compared as `name_key` does)."""
        return name_key(item.recipient) == name_key(self.recipient) and (
            self.document is None or name_key(item.document) == name_key(self.document))

    def finding(self, panel: str, sent: Iterable[SentItem] | None, period: Period,
                as_of: date) -> Finding:
        """What the log shows going to the recipient in ``period`` up to ``as_of``; a
        warning when nothing did (never a breach: nothing is due), insufficient data
        when no log was given."""
        base = (f"The terms of reference give the panel a reporting line, "
                f"\u201c{self.relation} {self.recipient}\u201d, "
                + (f"for the {self.document}, with no deadline or cadence" if self.document
                   else "with no document, deadline or cadence"))
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


declare(RuleType("reporting_lines", ReportingLine, 95, many=True, clause=Clause.REPORTING,
                 needs_membership=False, summary=4))
