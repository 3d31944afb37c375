"""Attendance: each member's meetings attended over meetings possible, and two checks.

Staffordshire publishes attended over possible for every member, where possible counts
only the meetings held while the member sat on the panel: "Michael Greatorex (to Oct
2019) (2/4)", "Richard Ford (from Jan 2020) (2/3)", "Janice Silvester-Hall (from
December 2019) (2/3)" (004 §7–8).
[`attendance_table`][corpparent.governance.attendance.attendance_table] computes that table from a
[`PanelRecord`][corpparent.governance.panel.PanelRecord].

[`AttendanceThreshold`][corpparent.governance.attendance.AttendanceThreshold] finds members below a
proportion a panel expects. [`SixMonthRule`][corpparent.governance.attendance.SixMonthRule] warns
when a councillor has attended no meeting of the panel for six consecutive months. The Local
Government Act 1972 s.85(1) ends the membership of a member who "fails throughout a period of six
consecutive months from the date of his last attendance to attend any meeting of the authority",
unless the authority approved the reason before the period ended; attending a committee or advisory
body counts (s.85(2)). Because the test runs across all of a councillor's meetings, not just this
panel's, the finding is a warning to check, never a breach; co-opted members who are
not councillors are outside s.85 (national rules reference §1.1 G1, G2, G4).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from fractions import Fraction
from typing import final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.governance._checks import member_classes, non_negative
from corpparent.governance._fractions import fraction_text, proportion
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.meetings import Meeting
from corpparent.governance.membership import Member, MemberClass, name_key
from corpparent.governance.panel import PanelRecord
from corpparent.governance.terms import Clause
from corpparent.governance.years import add_months
from corpparent.wording import counted

__all__ = [
    "AttendanceOutcome",
    "AttendanceThreshold",
    "MemberAttendance",
    "SixMonthRule",
    "attendance_table",
]


class AttendanceOutcome(Enum):
    """What an attendance finding found wrong (a finding that is met has no outcome)."""

    LOW_ATTENDANCE = "low attendance"
    SIX_MONTHS_WITHOUT_ATTENDANCE = "six months without attendance"
    APPROACHING_SIX_MONTHS = "approaching six months"

    def __str__(self) -> str:
        return self.value


@final
@frozen
class MemberAttendance:
    """One member's attendance over the meetings held during their tenure."""

    member: Member
    attended: int
    """Meetings attended, in person or as a substitute for another member."""
    possible: int
    by_substitute: int = 0
    """Meetings the member missed but a substitute attended for them."""
    as_substitute: int = 0
    """Meetings the member attended as a substitute for another (within ``attended``)."""
    unrecorded: int = 0
    """Meetings during the tenure whose attendance was not recorded (not in ``possible``)."""

    @property
    def rate(self) -> float | None:
        """Attended over possible, in [0, 1]; None when nothing was possible."""
        return self.attended / self.possible if self.possible else None

    @property
    def fraction(self) -> Fraction | None:
        """The rate as an exact fraction, for threshold comparisons."""
        return Fraction(self.attended, self.possible) if self.possible else None

    def __str__(self) -> str:
        tenure = f" ({self.member.tenure})" if self.member.tenure else ""
        return f"{self.member.name}{tenure} ({self.attended}/{self.possible})"


def attendance_table(record: PanelRecord) -> tuple[MemberAttendance, ...]:
    """Attended over possible for every spell of membership in the record's span.

    Possible counts the meetings held during the member's tenure whose attendance was
    recorded; a member attending outside their tenure is not counted. Attended counts
    the meetings attended in person or as a substitute for another member: a reserve who
    stood in at a meeting attended it, as the six-month finding counts it (s.85(2)).
    """
    held = record.held
    rows = []
    last = min(record.end, record.as_of)
    for member in record.membership.during(record.start, last):
        during = [m for m in held if member.serves_on(m.held_on)]
        recorded = [m for m in during if m.attendance_recorded]
        as_substitute = sum(m.sat_as_substitute(member) for m in recorded)
        rows.append(MemberAttendance(
            member=member,
            attended=sum(m.came(member) for m in recorded) + as_substitute,
            possible=len(recorded),
            by_substitute=sum(m.covered(member) for m in recorded),
            unrecorded=len(during) - len(recorded),
            as_substitute=as_substitute,
        ))
    return tuple(rows)


def _judgement(value: Status | str) -> Status:
    status = Status(value)
    if status not in (Status.WARNING, Status.BREACHED):
        raise DefinitionError(f"falling below an attendance threshold must be a warning or a "
                              f"breach, not {status}")
    return status


@final
@frozen
class AttendanceThreshold:
    """Each member should attend at least ``minimum`` of the meetings they could.

    ``member_classes`` limits the check (every class but substitutes when empty: a
    substitute attends only when called on, so is never expected at a share of the
    meetings); ``below`` is the status for a member under the threshold (a warning unless
    the constitution makes attendance a requirement).
    """

    minimum: Fraction = field(converter=proportion)
    member_classes: tuple[MemberClass, ...] = field(default=(), converter=member_classes)
    below: Status = field(default=Status.WARNING, converter=_judgement)
    source: str = field(default="", eq=False)

    @property
    def name(self) -> str:
        return f"attendance at least {fraction_text(self.minimum)}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.ATTENDANCE

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """The findings on the panel's record."""
        return self.findings(panel.record)

    def findings(self, subject: PanelRecord, /) -> tuple[Finding, ...]:
        """One finding per member (per spell) in the record's span."""
        return tuple(
            self._judge(row) for row in attendance_table(subject)
            if row.member.member_class in self.member_classes
            or (not self.member_classes and row.member.member_class is not MemberClass.SUBSTITUTE)
        )

    def _judge(self, row: MemberAttendance) -> Finding:
        member = row.member
        tenure = f" ({member.tenure})" if member.tenure else ""
        unrecorded = (f"; {counted(row.unrecorded, 'meeting')} without recorded attendance "
                      "not counted"
                      if row.unrecorded else "")
        evidence = {"attended": row.attended, "possible": row.possible,
                    "rate": row.rate, "by substitute": row.by_substitute}
        if row.fraction is None:
            return Finding(
                subject=member.name, rule=self.name, family=self.family,
                status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
                explanation=f"no meeting with recorded attendance was held during the "
                f"membership{tenure}{unrecorded}", evidence=evidence,
            )
        ok = row.fraction >= self.minimum
        share = f"{round(100 * row.attended / row.possible)}%"
        as_substitute = f"({row.as_substitute} as a substitute) " if row.as_substitute else ""
        verdict = (f"at or above the {fraction_text(self.minimum)} expected" if ok
                   else f"below the {fraction_text(self.minimum)} expected")
        return Finding(
            subject=member.name,
            rule=self.name, family=self.family,
            status=Status.MET if ok else self.below,
            explanation=f"attended {row.attended} of {counted(row.possible, 'meeting')} "
            f"{as_substitute}during the "
            f"membership{tenure}: {share}, {verdict}{unrecorded}",
            evidence=evidence,
            outcome=None if ok else AttendanceOutcome.LOW_ATTENDANCE,
        )


def _was_at(meeting: Meeting, name: str) -> bool:
    key = name_key(name)
    return meeting.attended(name) or any(
        name_key(s.substitute) == key for s in meeting.substitutions
    )


NOT_KNOWN = ("attendance at other meetings of the council is not known to the panel's "
             "record")
"""What every six-month finding says of the meetings s.85(2) also counts."""


def _missed(meetings: list[Meeting]) -> str:
    return f"{counted(len(meetings), 'meeting')} of the panel held and missed"


@final
@frozen
class SixMonthRule:
    """Warn when a councillor has attended no panel meeting for six months (s.85).

    ``member_classes`` are the classes held by councillors expected at the panel's
    meetings (core councillors by default: a substitute attends only when called on, so
    meetings they were not called to are not meetings they missed); ``notice_days`` also
    warns that far ahead of the six months running out.
    """

    member_classes: tuple[MemberClass, ...] = field(
        default=(MemberClass.CORE_COUNCILLOR,), converter=member_classes
    )
    notice_days: int = field(default=0, validator=non_negative)
    source: str = field(default="Local Government Act 1972 s.85(1)", eq=False)

    @property
    def name(self) -> str:
        return "six months without attendance (LGA 1972 s.85)"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.ATTENDANCE

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """The findings on the panel's record."""
        return self.findings(panel.record)

    def findings(self, subject: PanelRecord, /) -> tuple[Finding, ...]:
        """One finding per councillor serving on the record's last day."""
        return tuple(
            self._judge(subject, member) for member in subject.roster().members
            if member.member_class in self.member_classes
        )

    def _judge(self, record: PanelRecord, member: Member) -> Finding:
        as_of = min(record.as_of, record.end)
        held = record.meetings.between(date.min, as_of)
        # Any attendance counts, in this spell or an earlier one (s.85(2)).
        attended = [m.held_on for m in held if _was_at(m, member.name)]
        meetings = [m for m in held if member.serves_on(m.held_on)]
        if attended:
            anchor, since = attended[-1], f"the meeting on {day_text(attended[-1])}"
        elif member.joined is not None and member.joined >= record.start:
            anchor, since = member.joined, f"joining on {day_text(member.joined)}"
        else:
            anchor, since = record.start, f"the record starts on {day_text(record.start)}"
        unknown = [m for m in meetings if m.held_on > anchor and not m.attendance_recorded]
        deadline = add_months(anchor, 6)
        evidence: dict[str, EvidenceValue] = {"since": anchor.isoformat(),
                                              "six months end": deadline.isoformat()}
        if unknown:
            return Finding(
                subject=member.name, rule=self.name, family=self.family,
                status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
                explanation=f"attendance was not recorded for "
                f"{counted(len(unknown), 'meeting')} since "
                f"{since}", evidence=evidence,
            )
        missed = [m for m in meetings if m.held_on > anchor]
        # Past six months, only missed meetings warn; ahead of them, a notice is a
        # reminder to a councillor who did attend, never to one the record never saw.
        warns = as_of >= deadline or (
            (deadline - as_of).days <= self.notice_days and not attended)
        if warns and not missed:
            # No meeting of the panel was held since the anchor: the panel's record shows
            # no absence at all, so it warns nobody.
            return Finding(
                subject=member.name, rule=self.name, family=self.family,
                status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
                explanation=f"no meeting of the panel was held since {since}, up to "
                f"{day_text(as_of)}, so its record shows no absence; {NOT_KNOWN}",
                evidence={**evidence, "meetings missed": 0},
            )
        evidence["meetings missed"] = len(missed)
        s85 = ("Under the Local Government Act 1972 s.85 a councillor who attends no meeting "
               "of the authority for six consecutive months stops being a member unless the "
               f"council approved the absence before then; any council meeting counts, and "
               f"{NOT_KNOWN}, so check it.")
        if as_of >= deadline:
            return Finding(
                subject=member.name, rule=self.name, family=self.family, status=Status.WARNING,
                explanation=f"no attendance at the panel since {since} "
                f"({_missed(missed)}); six months ran to {day_text(deadline)}. {s85}",
                evidence=evidence,
                outcome=AttendanceOutcome.SIX_MONTHS_WITHOUT_ATTENDANCE,
            )
        if (deadline - as_of).days <= self.notice_days:
            return Finding(
                subject=member.name, rule=self.name, family=self.family, status=Status.WARNING,
                explanation=f"no attendance at the panel since {since} "
                f"({_missed(missed)}); six months run to "
                f"{day_text(deadline)}, {counted((deadline - as_of).days, 'day')} after "
                f"{day_text(as_of)}. {s85}", evidence=evidence,
                outcome=AttendanceOutcome.APPROACHING_SIX_MONTHS,
            )
        return Finding(
            subject=member.name, rule=self.name, family=self.family, status=Status.MET,
            explanation=(f"last attended on {day_text(anchor)}, within six months" if attended
                         else f"no attendance since {since}, but six months run to "
                         f"{day_text(deadline)}"),
            evidence=evidence,
        )


declare(RuleType("attendance", AttendanceThreshold, 80, clause=Clause.ATTENDANCE))
declare(RuleType("six_month_warning", SixMonthRule, 90, default=SixMonthRule))
