"""What falls due in a window, and the findings that list it (001 §6)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from authority_data import built_in_obligations
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Status
from corpparent.obligations.outcomes import ObligationOutcome
from corpparent.obligations.submissions import Submission
from corpparent.obligations.upcoming import falls_due

WILTSHIRE = built_in_obligations("wiltshire")


def test_what_falls_due_next_skips_what_is_already_met() -> None:
    planned = [date(2023, 6, 27), date(2023, 9, 26)]
    log = [Submission(document="annual report", recipient="Children's Select Committee",
                      date=date(2023, 6, 26))]
    upcoming = falls_due(WILTSHIRE, start=date(2023, 7, 1), until=date(2023, 12, 31),
                         meetings=planned, submissions=log)
    assert [(i.obligation.id, i.due) for i in upcoming.due] == [
        ("minutes-to-select-chair", date(2023, 7, 11)),
        ("annual-report-council", date(2023, 7, 31)),
        ("minutes-to-select-chair", date(2023, 10, 10)),
        ("six-monthly-report", date(2023, 11, 30)),
    ]
    assert upcoming.unscheduled == ()


def test_without_planned_meetings_the_minutes_are_listed_as_unscheduled() -> None:
    upcoming = falls_due(WILTSHIRE, start=date(2023, 7, 1), until=date(2023, 12, 31))
    assert [o.id for o in upcoming.unscheduled] == ["minutes-to-select-chair"]


def test_each_occurrence_due_is_a_finding_about_its_obligation() -> None:
    """Minutes "following each meeting" (001 §6), due within 14 days of the meeting of
    26 September 2023, the deadline the plug-in configures."""
    upcoming = falls_due(WILTSHIRE, start=date(2023, 9, 1), until=date(2023, 10, 31),
                         meetings=[date(2023, 9, 26)])
    (minutes,) = upcoming.findings()
    assert (minutes.subject, minutes.subject_name) == ("minutes-to-select-chair",
                                                       "due 2023-10-10")
    assert minutes.family is RuleFamily.FALLS_DUE
    assert minutes.status is Status.NOT_YET_DUE
    assert minutes.outcome is ObligationOutcome.NOT_YET_DUE
    assert minutes.evidence["due"] == "2023-10-10"
    assert "due by 10 October 2023" in minutes.explanation


def test_an_obligation_that_could_not_be_scheduled_is_insufficient_data() -> None:
    upcoming = falls_due(WILTSHIRE, start=date(2023, 7, 1), until=date(2023, 12, 31))
    unscheduled = [f for f in upcoming.findings() if f.status is Status.INSUFFICIENT_DATA]
    assert [f.subject for f in unscheduled] == ["minutes-to-select-chair"]
    assert unscheduled[0].outcome is NotJudged.INSUFFICIENT_DATA
    assert "no meeting or event dates were given" in unscheduled[0].explanation


@given(st.lists(st.dates(date(2023, 1, 1), date(2024, 12, 31)), max_size=6),
       st.dates(date(2023, 1, 1), date(2024, 6, 30)), st.integers(0, 400))
def test_findings_list_every_occurrence_due_then_every_unscheduled_obligation(
    meetings: list[date], start: date, days: int
) -> None:
    until = date.fromordinal(start.toordinal() + days)
    upcoming = falls_due(WILTSHIRE, start=start, until=until, meetings=meetings or None)
    findings = upcoming.findings()
    assert len(findings) == len(upcoming.due) + len(upcoming.unscheduled)
    due, unscheduled = findings[:len(upcoming.due)], findings[len(upcoming.due):]
    assert [f.subject for f in due] == [i.obligation.id for i in upcoming.due]
    assert [f.evidence["due"] for f in due] == [i.due.isoformat() for i in upcoming.due]
    assert all(start <= date.fromisoformat(str(f.evidence["due"])) <= until for f in due)
    assert [f.subject for f in unscheduled] == [o.id for o in upcoming.unscheduled]
    assert {f.family for f in findings} <= {RuleFamily.FALLS_DUE}
