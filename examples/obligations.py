"""Reporting obligations: judge a year's submissions log, then list what falls due next.

Wiltshire's panel must send its minutes to the Chairman of Children's Select Committee
after each meeting, report on its seven strategic priorities every six months, and
present an annual report to Full Council once it has been shared with Children's Select
(terms of reference, 001 §6). This script reads the 2022-23 log in examples/data/, prints
a finding for every obligation that arose in the year, lists what falls due from
September 2023, and writes those deadlines to wiltshire-obligations.ics in the current
directory for loading into a calendar.

Run: python examples/obligations.py
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path

from corpparent.families import NotJudged
from corpparent.files.panel.icalendar import write_icalendar
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.submissions import read_submissions
from corpparent.governance.meetings import MeetingKind
from corpparent.obligations.compliance import evaluate_obligations, unmatched_submissions
from corpparent.obligations.outcomes import ObligationOutcome
from corpparent.obligations.upcoming import falls_due
from corpparent.periods import FinancialYear
from corpparent.plugins import load_profile

DATA = Path(__file__).resolve().parent / "data"

# The next year's meetings as a committee calendar would list them (illustrative dates).
PLANNED_2023_24 = [date(2023, 9, 26), date(2023, 11, 14), date(2024, 1, 16), date(2024, 3, 19)]
SYMBOL: dict[Enum, str] = {
    ObligationOutcome.MET: "✓", ObligationOutcome.LATE: "✗", ObligationOutcome.MISSING: "✗",
    ObligationOutcome.INCOMPLETE: "✗", ObligationOutcome.OUT_OF_ORDER: "✗",
    ObligationOutcome.NOT_YET_DUE: "…", NotJudged.INSUFFICIENT_DATA: "?",
}


def main() -> None:
    obligations = load_profile("wiltshire").obligations
    assert len(obligations) > 0, "the wiltshire plug-in declares its obligations"
    log = read_submissions(DATA / "wiltshire_submissions_2022-23.csv")
    # "CPP Meeting 27.9.22, 15.11.22, 17.1.23, 21.3.23" (002, work programme).
    # Minutes follow formal meetings; informal workshops keep none.
    records = read_meetings(DATA / "wiltshire_2022-23_meetings.csv")
    meetings = records.of_kind(MeetingKind.FORMAL).dates
    as_of = date(2023, 9, 1)
    year = FinancialYear(2022)

    print(f"Wiltshire Corporate Parenting Panel: reporting in {year}, as at {as_of}")
    print()
    findings = evaluate_obligations(obligations, log, period=year, as_of=as_of,
                                    meetings=meetings)
    for finding in findings:
        outcome = finding.outcome
        label = str(finding.status) if outcome is None else str(outcome)
        symbol = " " if outcome is None else SYMBOL.get(outcome, " ")
        print(f"  {symbol} {label:<12} {finding.explanation}")
    breaches = sum(f.is_breach for f in findings)
    print(f"\n  {breaches} of {len(findings)} obligations breached.")

    for entry in unmatched_submissions(obligations, log, period=year, as_of=as_of,
                                       meetings=meetings):
        print(f"  Not matched: {entry}")

    until = date(2024, 3, 31)
    upcoming = falls_due(obligations, start=as_of, until=until, meetings=PLANNED_2023_24,
                         submissions=log)
    print(f"\nFalling due from {as_of} to {until}:")
    for item in upcoming.due:
        print(f"  {item.due}  {item.obligation.title} ({item.label})")
    for obligation in upcoming.unscheduled:
        print(f"  (not scheduled: no dates for {obligation.title})")

    path = write_icalendar(Path.cwd() / "wiltshire-obligations.ics", upcoming.due,
                           stamp=datetime(2023, 9, 1, 9, 0, tzinfo=UTC),
                           name="Wiltshire CPP reporting deadlines", namespace="wiltshire",
                           obligations=obligations)
    print(f"\nWrote {len(upcoming.due)} deadlines to {path}")


if __name__ == "__main__":
    main()
