"""What falls due in a window, and the findings that list it (001 §6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, strategies as st

from authority_data import built_in_obligations
from corpparent.families import NotJudged, RuleFamily
from corpparent.files.panel.obligations import load_obligations
from corpparent.findings import Status
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.outcomes import ObligationOutcome
from corpparent.obligations.submissions import Submission
from corpparent.obligations.upcoming import falls_due
from corpparent.periods import parse_period

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


# --- what is overdue -----------------------------------------------------------------

def _officer_obligations() -> ObligationSet:
    return load_obligations(Path(__file__).parent / "data" / "obligations" /
                            "cabinet_panel_council.toml")


def _log_2026() -> list[Submission]:
    """Everything delivered up to the 15 September 2026 meeting's minutes; nothing for the
    meeting of 17 November 2026, the 2026-27 Q2 scorecard or the 2025-26 annual report
    to Council."""
    cabinet, panel = "Cabinet", "Corporate Parenting Panel"
    minutes = [(date(2026, 1, 23), date(2026, 1, 13)), (date(2026, 3, 20), date(2026, 3, 10)),
               (date(2026, 4, 28), date(2026, 4, 21)), (date(2026, 6, 17), date(2026, 6, 9)),
               (date(2026, 7, 29), date(2026, 7, 21)), (date(2026, 10, 2), date(2026, 9, 15))]
    scorecards = [(date(2026, 1, 13), "2025-26 Q2"), (date(2026, 3, 10), "2025-26 Q3"),
                  (date(2026, 6, 9), "2025-26 Q4"), (date(2026, 7, 21), "2026-27 Q1")]
    return ([Submission(document="Minutes", recipient=cabinet, date=sent, relates_to=meeting)
             for sent, meeting in minutes]
            + [Submission(document="Performance scorecard", recipient=panel, date=sent,
                          relates_to=parse_period(cycle)) for sent, cycle in scorecards]
            + [Submission(document="IRO annual report", recipient=panel,
                          date=date(2026, 9, 22), relates_to=parse_period("2025-26"))])


MEETINGS = [date(2026, 1, 13), date(2026, 3, 10), date(2026, 4, 21), date(2026, 6, 9),
            date(2026, 7, 21), date(2026, 9, 15), date(2026, 11, 17), date(2027, 1, 19),
            date(2027, 3, 16), date(2027, 4, 20)]


def test_what_fell_due_before_the_window_and_was_not_delivered_is_overdue() -> None:
    # On 8 December 2026: minutes of 17 November 2026 were due within 10 days (27 Nov);
    # the Q2 2026-27 scorecard 60 days after 30 September (29 Nov); the 2025-26 annual
    # report to Council by the end of July 2026 (31 Jul). None is in the log.
    upcoming = falls_due(_officer_obligations(), start=date(2026, 12, 8),
                         until=date(2027, 4, 30), meetings=MEETINGS,
                         submissions=_log_2026(), as_of=date(2026, 12, 8))
    assert [(f.subject, f.evidence["due"], f.outcome, f.status) for f in upcoming.overdue] == [
        ("annual-report-council", "2026-07-31", ObligationOutcome.MISSING, Status.BREACHED),
        ("minutes-to-cabinet", "2026-11-27", ObligationOutcome.MISSING, Status.BREACHED),
        ("performance-scorecard", "2026-11-29", ObligationOutcome.MISSING, Status.BREACHED),
    ]
    assert [i.due for i in upcoming.due] == [date(2027, 1, 29), date(2027, 3, 1),
                                              date(2027, 3, 26), date(2027, 4, 30)]
    assert upcoming.findings()[:3] == upcoming.overdue


def test_an_earlier_window_reads_the_log_as_it_stands_today() -> None:
    # From 1 June 2026, read on 8 December: the 9 June minutes (sent 17 June) and the
    # Q1 scorecard (21 July) are delivered, so neither is listed; the 2025-26 IRO report
    # (due 30 September, sent 22 September) neither.
    upcoming = falls_due(_officer_obligations(), start=date(2026, 6, 1),
                         until=date(2027, 4, 30), meetings=MEETINGS,
                         submissions=_log_2026(), as_of=date(2026, 12, 8))
    listed = {(f.subject, f.evidence["due"]) for f in upcoming.overdue}
    listed |= {(i.obligation.id, i.due.isoformat()) for i in upcoming.due}
    assert ("minutes-to-cabinet", "2026-06-19") not in listed
    assert ("performance-scorecard", "2026-08-29") not in listed
    assert ("iro-annual-report", "2026-09-30") not in listed
    # Overdue looks back a year from 1 June 2026, and this log starts in 2026: the
    # 2024-25 annual report to Council (31 Jul 2025), the Q1 2025-26 scorecard (29 Aug
    # 2025) and the 2024-25 IRO report (30 Sep 2025) are not in it either.
    assert [f.evidence["due"] for f in upcoming.overdue] == [
        "2025-07-31", "2025-08-29", "2025-09-30", "2026-07-31", "2026-11-27", "2026-11-29"]
