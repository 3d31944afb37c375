"""Time the governance rules on a large panel record.

Run: ``python benchmarks/governance.py``. Prints the time per quorum evaluation, per
frequency check over ten years of monthly meetings, and per full review of a 25-member
panel over a year. Not a test: speed is machine-dependent.
"""

from __future__ import annotations

import timeit
from datetime import date, timedelta
from pathlib import Path

from corpparent.files import read_meetings
from corpparent.governance import (
    AttendanceThreshold,
    ClassQuorum,
    Constitution,
    Meeting,
    MeetingFrequency,
    MeetingLog,
    Member,
    MemberClass,
    Membership,
    PanelRecord,
    Quorum,
    Roster,
    Seats,
    Sitting,
)
from corpparent.periods import MunicipalYear

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"


def main() -> None:
    day = date(2022, 9, 27)
    councillors = [Member(f"C{i}", MemberClass.CORE_COUNCILLOR) for i in range(15)]
    associates = [Member(f"A{i}", MemberClass.ASSOCIATE) for i in range(10)]
    roster = Roster(day, (*councillors, *associates))
    quorum = Quorum(ClassQuorum(MemberClass.CORE_COUNCILLOR, "75%", seats=15)
                    & ClassQuorum(MemberClass.ASSOCIATE, "70%", seats=10))
    sitting = Sitting(Meeting(day, present=[m.name for m in roster.members[:20]]), roster)
    runs = 2000
    per = timeit.timeit(lambda: quorum.evaluate(sitting), number=runs) / runs
    print(f"quorum, 25 members:                  {per * 1e6:8.1f} µs")

    dates = [date(2010, 4, 1) + timedelta(days=30 * i) for i in range(120)]
    log = MeetingLog(dates, date(2010, 4, 1), date(2020, 3, 31), date(2020, 3, 31))
    rule = MeetingFrequency(every_months=1, tolerance_days=7)
    per = timeit.timeit(lambda: rule.findings(log), number=200) / 200
    print(f"frequency, 120 meetings over 10 years: {per * 1e6:8.1f} µs")

    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.csv")
    record = PanelRecord.for_period("P", Membership((*councillors, *associates)), meetings,
                                    MunicipalYear(2019))
    constitution = Constitution(
        "P", seats=(Seats(MemberClass.CORE_COUNCILLOR, 15),), max_members=25, quorum=quorum,
        frequency=rule, attendance=AttendanceThreshold("50%"),
    )
    per = timeit.timeit(lambda: constitution.review(record), number=100) / 100
    print(f"review, 25 members, 9 meetings:      {per * 1e3:8.2f} ms")


if __name__ == "__main__":
    main()
