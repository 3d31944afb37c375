"""Panel governance: quorum, meeting frequency, composition and attendance.

Run it with ``python examples/governance.py``. It declares Wiltshire's and
Staffordshire's constitutions from their terms of reference, reads the meeting and
membership records in ``examples/data/``, and prints the findings a committee officer
would otherwise work out by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from corpparent.files import read_meetings, read_membership
from corpparent.findings import Finding, Status
from corpparent.governance import (
    AttendanceThreshold,
    ClassQuorum,
    Constitution,
    Meeting,
    MeetingFrequency,
    MeetingLog,
    Member,
    MemberClass,
    Office,
    PanelRecord,
    Quorum,
    Requirement,
    Roster,
    Seats,
    Sitting,
    Substitution,
    YearKind,
    attendance_table,
)
from corpparent.governance.register import Mark, attendance_register
from corpparent.periods import MunicipalYear

DATA = Path(__file__).resolve().parent / "data"

# Wiltshire terms of reference 2016-18 (annual report appendix, 001 §3-5).
WILTSHIRE = Constitution(
    panel="Wiltshire Corporate Parenting Panel",
    seats=(
        Seats(MemberClass.CORE_COUNCILLOR, 8),  # "up to 8 Core Members"
        Seats(MemberClass.ASSOCIATE, 10),  # ten Associate Members by role
    ),
    priorities=(  # the eight priorities of the 2022-23 report (002 §15)
        "A loving home where I have good relationships, respect and the opportunity to see "
        "my family",
        "To have links with my local community where I am trusted, respected and accepted",
        "To feel and be safe",
        "Support with my mental health especially at school, at a time and a place that "
        "suits me and not services",
        "Support to be healthy and this includes opportunities to be involved in new "
        "activities",
        "Support to be the best I can",
        "Support for as long as I need it",
        "To be heard - my voice is not the only way I am heard, it may come out as my "
        "behaviour",
    ),
    priority_leads_from=MemberClass.CORE_COUNCILLOR,
    substitutes_for=MemberClass.CORE_COUNCILLOR,
    requirements=(Requirement("Enhanced DBS check"),),  # 002 §145
    quorum=Quorum(
        ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=8, stated=6)
        & ClassQuorum(MemberClass.ASSOCIATE, "70%", seats=10, stated=7),
        consequence="the Chairperson will adjourn the meeting",
    ),
    frequency=MeetingFrequency(every_months=2, tolerance_days=14, minimum_per_year=5),
)

# Staffordshire terms of reference (appendix to the 2019-20 annual report, 004).
STAFFORDSHIRE = Constitution(
    panel="Staffordshire Corporate Parenting Panel",
    seats=(Seats(MemberClass.CORE_COUNCILLOR, 15, exact=True),),
    max_members=20,  # "no more than 20 Members (15 County Councillors plus cooptees)"
    offices=(Office.CHAIR, Office.VICE_CHAIR),
    chair_role="Cabinet Member for Children and Young People",
    frequency=MeetingFrequency(every_months=1, tolerance_days=7, year=YearKind.MUNICIPAL),
    attendance=AttendanceThreshold("50%"),  # an illustrative threshold, not in the ToR
)

MARK = {Status.MET: "ok", Status.BREACHED: "!!", Status.WARNING: "? ",
        Status.INSUFFICIENT_DATA: "--", Status.NOT_YET_DUE: "..", Status.EXCEEDED: "++"}


def show(findings: tuple[Finding, ...] | list[Finding]) -> None:
    for finding in findings:
        print(f"  {MARK[finding.status]} {finding.subject}: {finding.explanation}")


def wiltshire_quorum() -> None:
    print("Wiltshire quorum (001 §4), for illustrative attendance at one meeting:")
    day = date(2022, 9, 27)
    councillors = [Member(f"Councillor {i}", MemberClass.CORE_COUNCILLOR) for i in range(8)]
    associates = [Member(f"Associate {i}", MemberClass.ASSOCIATE) for i in range(10)]
    roster = Roster(day, (*councillors, *associates))
    assert WILTSHIRE.quorum is not None
    for label, came, officers, subs in [
        ("6 councillors, 7 associates", 6, 7, 0),
        ("5 councillors, 7 associates", 5, 7, 0),
        ("5 councillors and a substitute, 7 associates", 5, 7, 1),
        ("6 councillors, 6 associates", 6, 6, 0),
    ]:
        present = [m.name for m in councillors[:came]] + [m.name for m in associates[:officers]]
        substitutions = [Substitution("Substitute", m.name) for m in councillors[came:][:subs]]
        finding = WILTSHIRE.quorum.evaluate(
            Sitting(Meeting(day, present=present, substitutions=substitutions), roster))
        print(f"  {label}: {finding.status}")
        print(f"     {finding.explanation}")


def wiltshire_year() -> None:
    print("\nWiltshire 2022-23 (meeting dates from the annual report, 002 §10):")
    meetings = read_meetings(DATA / "wiltshire_2022-23_meetings.csv")
    membership = read_membership(DATA / "wiltshire_2022-23_membership.json")
    assert WILTSHIRE.frequency is not None
    # The report lists meetings from September; the year's count is left unjudged.
    log = MeetingLog.of(meetings, date(2022, 9, 27), date(2023, 3, 31), as_of=date(2023, 3, 31),
                        panel=WILTSHIRE.panel)
    show(WILTSHIRE.frequency.findings(log))
    # Priorities and leads (002 §15); the groups and DBS records are not published, so
    # those rules report insufficient data.
    roster = membership.on(date(2023, 3, 31))
    show([rule.evaluate(roster) for rule in WILTSHIRE.composition_rules()
          if not rule.name.startswith("seats")])


def staffordshire_year() -> None:
    print("\nStaffordshire 2019-20 (reconstructed from the annual report, 004 §7-13):")
    record = PanelRecord.for_period(
        STAFFORDSHIRE.panel,
        read_membership(DATA / "staffordshire_2019-20_membership.json"),
        read_meetings(DATA / "staffordshire_2019-20_meetings.csv"),
        MunicipalYear(2019),
    )
    print("  attendance, attended/possible over each member's tenure:")
    for row in attendance_table(record):
        print(f"     {row}")
    register = attendance_register(record)
    print("  the attendance register (P present, - not present, x not a member):")
    marks = {Mark.PRESENT: "P", Mark.NOT_A_MEMBER: "x"}
    for line in register.rows[:5]:
        print(f"     {line.member.name:<20} {''.join(marks.get(m, '-') for m in line.marks)}")
    findings = STAFFORDSHIRE.review(record)
    show([f for f in findings if f.status is not Status.MET])


if __name__ == "__main__":
    wiltshire_quorum()
    wiltshire_year()
    staffordshire_year()
