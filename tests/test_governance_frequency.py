"""Meeting-frequency rules against Staffordshire and Wiltshire, and as properties."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.files.panel.meetings import read_meetings
from corpparent.findings import Finding, Status, worst
from corpparent.governance.frequency import MeetingFrequency, MeetingLog
from corpparent.governance.years import YearKind, add_months
from corpparent.periods import FinancialYear, MunicipalYear
from corpparent.testing.governance_strategies import (
    compliant_meeting_logs,
    meeting_frequencies,
    meeting_logs,
    noncompliant_meeting_logs,
)

DATA = Path(__file__).parent / "data" / "governance"

# Staffordshire ToR: "The Panel shall meet every month"; appointed at the May council
# meeting, so the year is municipal (004 §7).
STAFFORDSHIRE = MeetingFrequency(every_months=1, tolerance_days=7, year=YearKind.MUNICIPAL)
# Wiltshire 001 §5: "bi-monthly with a minimum of 5 meetings a year".
WILTSHIRE = MeetingFrequency(every_months=2, tolerance_days=14, minimum_per_year=5)


def of_family(findings: tuple[Finding, ...], family: RuleFamily) -> list[Finding]:
    return [f for f in findings if f.family is family]


def test_staffordshire_met_nine_times_against_a_monthly_rule_is_a_shortfall() -> None:
    # 004 §13: "The Panel met 9 times during the period" (May 2019 - April 2020).
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.csv")
    year = MunicipalYear(2019)
    log = MeetingLog.of(meetings, year.start, year.end, as_of=year.end)
    (count,) = of_family(STAFFORDSHIRE.findings(log), RuleFamily.MEETING_FREQUENCY)
    assert count.status is Status.BREACHED
    assert count.evidence["meetings"] == 9
    assert count.evidence["required"] == 12
    assert count.evidence["shortfall"] == 3
    assert count.period == year
    assert "9 meetings in MY 2019-20" in count.explanation


def test_staffordshire_did_not_meet_in_april_2020() -> None:
    # 004 §65: "Due to pandemic the panel has not met in April or May".
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.csv")
    year = MunicipalYear(2019)
    log = MeetingLog.of(meetings, year.start, year.end, as_of=year.end)
    (nxt,) = of_family(STAFFORDSHIRE.findings(log), RuleFamily.NEXT_MEETING)
    assert nxt.status is Status.BREACHED
    assert nxt.evidence["last meeting"] == "2020-03-16"


def test_wiltshire_gaps_between_the_2022_23_meetings() -> None:
    # 002 §10: meetings on 27.9.22, 15.11.22, 17.1.23 and 21.3.23.
    meetings = read_meetings(DATA / "wiltshire_2022-23_meetings.csv")
    log = MeetingLog.of(meetings, date(2022, 9, 27), date(2023, 3, 31), as_of=date(2023, 3, 31))
    strict = MeetingFrequency(every_months=2, minimum_per_year=5)
    gaps = of_family(strict.findings(log), RuleFamily.MEETING_GAP)
    # With no tolerance: two months after 15 November is 15 January, so 17 January is 2
    # days over; two months after 17 January is 17 March, so 21 March is 4 days over.
    assert [(f.evidence["from"], f.evidence["days over"]) for f in gaps] == [
        ("2022-11-15", 2), ("2023-01-17", 4)
    ]
    lenient = of_family(WILTSHIRE.findings(log), RuleFamily.MEETING_GAP)
    assert [f.status for f in lenient] == [Status.MET]
    assert lenient[0].evidence == {"gaps": 3, "longest gap days": 63}


def test_next_meeting_due_date_after_the_last_wiltshire_meeting() -> None:
    meetings = read_meetings(DATA / "wiltshire_2022-23_meetings.csv")
    log = MeetingLog.of(meetings, date(2022, 9, 27), date(2023, 6, 30), as_of=date(2023, 3, 31))
    assert WILTSHIRE.next_due(log) == date(2023, 5, 21) + timedelta(days=14)
    (nxt,) = of_family(WILTSHIRE.findings(log), RuleFamily.NEXT_MEETING)
    assert nxt.status is Status.NOT_YET_DUE
    assert nxt.evidence["next due"] == "2023-06-04"


def test_a_year_the_record_covers_in_part_is_insufficient_data() -> None:
    # The 2022-23 report lists meetings from September only; the financial year began in April.
    meetings = read_meetings(DATA / "wiltshire_2022-23_meetings.csv")
    log = MeetingLog.of(meetings, date(2022, 7, 1), date(2023, 3, 31), as_of=date(2023, 3, 31))
    (count,) = of_family(WILTSHIRE.findings(log), RuleFamily.MEETING_FREQUENCY)
    assert count.status is Status.INSUFFICIENT_DATA
    assert count.period == FinancialYear(2022)


def test_a_year_still_running_is_not_yet_due() -> None:
    log = MeetingLog((date(2022, 5, 10), date(2022, 7, 12)), date(2022, 4, 1),
                     date(2023, 3, 31), as_of=date(2022, 8, 1))
    (count,) = of_family(WILTSHIRE.findings(log), RuleFamily.MEETING_FREQUENCY)
    assert count.status is Status.NOT_YET_DUE


def test_rule_needs_a_cadence_or_a_minimum() -> None:
    with pytest.raises(DefinitionError):
        MeetingFrequency()


def test_add_months_clamps_to_the_end_of_a_shorter_month() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2023, 11, 15), 2) == date(2024, 1, 15)


# Properties ---------------------------------------------------------------------------

def _overdue(findings: tuple[Finding, ...]) -> int:
    return sum(int(f.evidence.get("days over") or 0) for f in findings if f.is_breach)


@given(meeting_frequencies(), meeting_logs(), st.integers(0, 364))
def test_adding_a_meeting_never_adds_a_frequency_breach(
    rule: MeetingFrequency, log: MeetingLog, offset: int
) -> None:
    extra = log.start + timedelta(days=offset)
    more = MeetingLog((*log.dates, extra), log.start, log.end, log.as_of)
    before, after = rule.findings(log), rule.findings(more)
    assert _overdue(after) <= _overdue(before)
    assert sum(f.is_breach for f in of_family(after, RuleFamily.MEETING_FREQUENCY)) <= sum(
        f.is_breach for f in of_family(before, RuleFamily.MEETING_FREQUENCY))
    if not any(f.is_breach for f in before):
        assert not any(f.is_breach for f in after)


@given(meeting_frequencies().flatmap(lambda r: st.tuples(st.just(r), compliant_meeting_logs(r))))
def test_a_compliant_log_has_no_breach(case: tuple[MeetingFrequency, MeetingLog]) -> None:
    rule, log = case
    assert worst(f.status for f in rule.findings(log)) is Status.MET


@given(meeting_frequencies(), meeting_logs())
def test_the_next_meeting_is_due_after_the_last_meeting(
    rule: MeetingFrequency, log: MeetingLog
) -> None:
    due = rule.next_due(log)
    assert due is not None
    last = max(log.dates, default=log.start)
    assert due > last


@given(meeting_frequencies().flatmap(
    lambda r: st.tuples(st.just(r), noncompliant_meeting_logs(r))))
def test_too_few_meetings_in_a_complete_year_is_a_shortfall(
    case: tuple[MeetingFrequency, MeetingLog],
) -> None:
    rule, log = case
    (count,) = of_family(rule.findings(log), RuleFamily.MEETING_FREQUENCY)
    assert count.status is Status.BREACHED
    assert count.evidence["shortfall"] == rule.required_per_year - len(log.dates)
