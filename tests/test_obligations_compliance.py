"""Judging a submissions log against obligations, from the seeds and as properties.

Meeting dates are Wiltshire's 2022-23 panel meetings, "CPP Meeting 27.9.22, 15.11.22,
17.1.23, 21.3.23" (002, work programme table). Log entries are illustrative.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from authority_data import built_in_obligations
from corpparent.findings import Finding, Status
from corpparent.obligations.compliance import (
    ObligationCheck,
    ReportingRecord,
    evaluate_obligations,
    unmatched_submissions,
)
from corpparent.obligations.definitions import Obligation, ObligationSet
from corpparent.obligations.outcomes import ObligationOutcome as Outcome
from corpparent.obligations.submissions import Submission
from corpparent.obligations.triggers import AfterEachMeeting, OnEvent, WithinDays, every_n_months
from corpparent.periods import FinancialYear, Month, Period
from corpparent.testing.obligations import (
    breaching_logs,
    compliant_logs,
    latest_due,
    obligation_sets,
)

WILTSHIRE = built_in_obligations("wiltshire")
MEETINGS = (date(2022, 9, 27), date(2022, 11, 15), date(2023, 1, 17), date(2023, 3, 21))
YEAR = FinancialYear(2022)
SELECT_CHAIR = "Chairman of Children's Select Committee"
PRIORITIES = WILTSHIRE["six-monthly-report"].covers


def sent(document: str, recipient: str, day: date, covering: tuple[str, ...] = (),
         relates_to: date | Period | None = None) -> Submission:
    return Submission(document=document, recipient=recipient, date=day, covering=covering,
                      relates_to=relates_to)


def judge(submissions: list[Submission], as_of: date, *, only: str | None = None,
          obligations: ObligationSet = WILTSHIRE) -> list[Finding]:
    findings = evaluate_obligations(obligations, submissions, period=YEAR, as_of=as_of,
                                    meetings=MEETINGS)
    return [f for f in findings if only is None or f.evidence["obligation"] == only]


def minutes_finding(sent_on: date, meeting: date = date(2023, 1, 17)) -> Finding:
    findings = judge([sent("minutes", SELECT_CHAIR, sent_on)], date(2023, 6, 1),
                     only="minutes-to-select-chair")
    return next(f for f in findings if f.evidence["arises"] == meeting.isoformat())


# --- after each meeting: 001 §6 with a 14-day deadline configured ---------------------


def test_minutes_sent_ten_days_after_a_meeting_are_on_time() -> None:
    # "Following each meeting the Chairperson will send a copy of the Panel minutes to
    # the Chairman of Children's Select Committee" (001 §6); 14 days configured.
    finding = minutes_finding(date(2023, 1, 27))
    assert (finding.status, finding.outcome) == (Status.MET, Outcome.MET)
    assert finding.evidence["due"] == "2023-01-31"


def test_minutes_sent_twenty_days_after_a_meeting_are_six_days_late() -> None:
    finding = minutes_finding(date(2023, 2, 6))
    assert (finding.status, finding.outcome) == (Status.BREACHED, Outcome.LATE)
    assert finding.evidence["days_late"] == 6
    assert "6 days late" in finding.explanation


def test_minutes_on_the_deadline_day_are_on_time_and_a_day_after_are_late() -> None:
    assert minutes_finding(date(2023, 1, 31)).outcome == Outcome.MET
    assert minutes_finding(date(2023, 2, 1)).evidence["days_late"] == 1


def test_every_meeting_gets_its_own_finding_and_unsent_minutes_are_missing() -> None:
    findings = judge([], date(2023, 6, 1), only="minutes-to-select-chair")
    assert [f.evidence["arises"] for f in findings] == [m.isoformat() for m in MEETINGS]
    assert {f.outcome for f in findings} == {Outcome.MISSING}
    assert findings[-1].evidence["days_overdue"] == (date(2023, 6, 1) - date(2023, 4, 4)).days


def test_minutes_not_yet_due_are_not_a_breach() -> None:
    [finding] = [f for f in judge([], date(2023, 3, 25), only="minutes-to-select-chair")
                 if f.evidence["arises"] == "2023-03-21"]
    assert (finding.status, finding.outcome) == (Status.NOT_YET_DUE, Outcome.NOT_YET_DUE)
    assert finding.evidence["days_until_due"] == 10


def test_a_late_entry_for_an_earlier_meeting_is_read_by_what_it_relates_to() -> None:
    # Minutes of 15 November sent after the January meeting: without relates_to they
    # would be taken for January's.
    log = [sent("minutes", SELECT_CHAIR, date(2023, 1, 20), relates_to=date(2022, 11, 15))]
    findings = {f.evidence["arises"]: f for f in judge(log, date(2023, 6, 1),
                                                        only="minutes-to-select-chair")}
    assert findings["2022-11-15"].evidence["days_late"] == (date(2023, 1, 20)
                                                            - date(2022, 11, 29)).days
    assert findings["2023-01-17"].outcome == Outcome.MISSING
    plain = judge([sent("minutes", SELECT_CHAIR, date(2023, 1, 20))], date(2023, 6, 1),
                  only="minutes-to-select-chair")
    assert [f.outcome for f in plain] == [
        Outcome.MISSING, Outcome.MISSING, Outcome.MET, Outcome.MISSING]


def test_a_late_entry_without_relates_to_counts_for_the_meeting_it_follows() -> None:
    finding = minutes_finding(date(2023, 2, 20))
    assert finding.outcome == Outcome.LATE


def test_without_meeting_dates_the_minutes_cannot_be_judged() -> None:
    findings = evaluate_obligations(WILTSHIRE, [], period=YEAR, as_of=date(2023, 9, 1))
    [finding] = [f for f in findings if f.evidence["obligation"] == "minutes-to-select-chair"]
    assert finding.status is Status.INSUFFICIENT_DATA
    assert "no meeting dates were given" in finding.explanation


# --- six-monthly: "addressing progress against each of the seven strategic priorities" -


def six_monthly(covering: tuple[str, ...], day: date, as_of: date,
                extra: list[Submission] | None = None) -> Finding:
    log = [sent("six-monthly report", SELECT_CHAIR, day, covering), *(extra or [])]
    return judge(log, as_of, only="six-monthly-report")[0]


def test_a_six_monthly_report_that_omits_a_priority_is_incomplete() -> None:
    finding = six_monthly(PRIORITIES[:-1], date(2022, 11, 28), date(2023, 1, 10))
    assert (finding.status, finding.outcome) == (Status.BREACHED, Outcome.INCOMPLETE)
    assert finding.evidence["not_covered"] == "mental health"
    assert finding.evidence["topics_not_covered"] == 1
    assert str(finding.period) == "April to September 2022"


def test_an_incomplete_report_before_its_deadline_is_a_warning() -> None:
    finding = six_monthly(PRIORITIES[:-1], date(2022, 11, 1), date(2022, 11, 2))
    assert (finding.status, finding.outcome) == (Status.WARNING, Outcome.INCOMPLETE)


def test_an_addendum_completes_a_report_on_the_addendum_date() -> None:
    addendum = sent("six-monthly report", SELECT_CHAIR, date(2022, 11, 20), ("Mental Health",))
    finding = six_monthly(PRIORITIES[:-1], date(2022, 11, 1), date(2023, 1, 10), [addendum])
    assert (finding.outcome, finding.evidence["completed"]) == (Outcome.MET, "2022-11-20")


def test_the_2017_update_covers_all_seven_priorities() -> None:
    # 001's bi-annual update to Children's Select, dated 30 November 2017, reports on
    # each priority in §3.1-3.7.
    log = [sent("six-monthly report", SELECT_CHAIR, date(2017, 11, 30), PRIORITIES)]
    [first, _] = evaluate_obligations([WILTSHIRE["six-monthly-report"]], log,
                                      period=FinancialYear(2017), as_of=date(2018, 6, 1))
    assert first.outcome == Outcome.MET
    assert first.evidence["topics_not_covered"] == 0


# --- annual: "shared with the Children's Select Committee prior to submission" ------


def annual(select_on: date | None, council_on: date | None, as_of: date) -> dict[str, Finding]:
    log = []
    if select_on:
        log.append(sent("annual report", "Children’s Select Committee", select_on))
    if council_on:
        log.append(sent("annual report", "Full Council", council_on))
    return {f.evidence["obligation"]: f for f in judge(log, as_of)
            if str(f.evidence["obligation"]).startswith("annual")}


def test_an_annual_report_shared_first_then_submitted_is_met() -> None:
    # 2022-23: "reviewed by the Children' Select Committee Standing Task Group on 26 June
    # 2023" and "scheduled for the July meetings of Council" (002, Executive Summary).
    findings = annual(date(2023, 6, 26), date(2023, 7, 18), date(2023, 9, 1))
    assert {k: f.outcome for k, f in findings.items()} == {
        "annual-report-select": Outcome.MET, "annual-report-council": Outcome.MET}


def test_an_annual_report_submitted_before_it_was_shared_is_out_of_order() -> None:
    findings = annual(date(2023, 7, 20), date(2023, 7, 18), date(2023, 9, 1))
    council = findings["annual-report-council"]
    assert (council.status, council.outcome) == (Status.BREACHED, Outcome.OUT_OF_ORDER)
    assert ("18 July 2023, 2 days before the annual report went to Children's Select "
            "Committee (on 20 July 2023), which must come at least 1 day earlier"
            in council.explanation)
    assert findings["annual-report-select"].outcome == Outcome.MET


def test_out_of_order_before_the_deadline_can_still_be_put_right() -> None:
    findings = annual(None, date(2023, 7, 18), date(2023, 7, 19))
    assert (findings["annual-report-council"].status, findings["annual-report-council"]
            .outcome) == (Status.WARNING, Outcome.OUT_OF_ORDER)
    assert findings["annual-report-select"].outcome == Outcome.NOT_YET_DUE


def test_shared_and_submitted_on_the_same_day_is_not_prior() -> None:
    findings = annual(date(2023, 7, 18), date(2023, 7, 18), date(2023, 9, 1))
    council = findings["annual-report-council"]
    assert council.outcome == Outcome.OUT_OF_ORDER
    # Both went the same day: the explanation says so, never "before".
    assert ("reached Full Council on 18 July 2023, the same day as the annual report went "
            "to Children's Select Committee, which must come at least 1 day earlier"
            in council.explanation)
    assert "before" not in council.explanation.split("(due")[0]


def test_resubmitting_after_sharing_puts_the_order_right() -> None:
    log = [sent("annual report", "Full Council", date(2023, 6, 1)),
           sent("annual report", "Children's Select Committee", date(2023, 6, 26)),
           sent("annual report", "Full Council", date(2023, 7, 18))]
    findings = {f.evidence["obligation"]: f for f in judge(log, date(2023, 9, 1))}
    assert findings["annual-report-council"].outcome == Outcome.MET
    assert findings["annual-report-council"].evidence["completed"] == "2023-07-18"


def test_submitted_in_order_but_after_july_is_late() -> None:
    findings = annual(date(2023, 7, 25), date(2023, 8, 3), date(2023, 9, 1))
    assert findings["annual-report-council"].evidence["days_late"] == 3


# --- the log file, unmatched entries, events -----------------------------------------


def test_the_example_log_gives_the_expected_outcomes() -> None:
    from corpparent.files.panel.submissions import read_submissions

    log = read_submissions("tests/data/obligations/wiltshire_submissions_2022-23.csv")
    findings = judge(list(log), date(2023, 9, 1))
    outcomes = [(f.evidence["obligation"], f.outcome) for f in findings]
    assert outcomes == [
        ("minutes-to-select-chair", Outcome.MET),  # 27 Sep, sent 7 Oct: 10 days
        ("minutes-to-select-chair", Outcome.LATE),  # 15 Nov, sent 5 Dec: 20 days
        ("minutes-to-select-chair", Outcome.MET),  # 17 Jan, sent 27 Jan
        ("minutes-to-select-chair", Outcome.MISSING),  # 21 Mar, none sent
        ("six-monthly-report", Outcome.INCOMPLETE),  # mental health held over
        ("six-monthly-report", Outcome.MET),
        ("annual-report-select", Outcome.MET),
        ("annual-report-council", Outcome.MET),
    ]


def test_entries_no_obligation_claims_are_listed_with_the_reason() -> None:
    log = [sent("annual reprot", "Full Council", date(2023, 7, 18)),
           sent("minutes", SELECT_CHAIR, date(2022, 10, 7), relates_to=date(2022, 10, 1)),
           sent("minutes", SELECT_CHAIR, date(2022, 10, 7))]
    unmatched = unmatched_submissions(WILTSHIRE, log, period=YEAR, as_of=date(2023, 9, 1),
                                      meetings=MEETINGS)
    assert [u.submission for u in unmatched] == log[:2]
    assert "no obligation is 'annual reprot' to 'Full Council'" in str(unmatched[0])
    assert "relates to 2022-10-01, which is not an occurrence" in unmatched[1].reason


def test_event_obligations_arise_on_each_occurrence() -> None:
    # The revised strategy "will then be sent to our Children in Care Council for
    # consultation and will be presented to Full Council for approval" (002 §13).
    consult = Obligation(id="strategy-consultation", document="corporate parenting strategy",
                         recipient="Children in Care Council",
                         trigger=OnEvent("strategy revision"), deadline=WithinDays(60))
    approve = Obligation(id="strategy-approval", document="corporate parenting strategy",
                         recipient="Full Council", trigger=OnEvent("strategy revision"),
                         deadline=WithinDays(120), after=("strategy-consultation",))
    log = [sent("corporate parenting strategy", "Children in Care Council", date(2023, 7, 8)),
           sent("corporate parenting strategy", "Full Council", date(2023, 10, 17))]
    findings = evaluate_obligations([consult, approve], log, period=FinancialYear(2023),
                                    as_of=date(2023, 11, 1),
                                    events={"Strategy revision": [date(2023, 6, 27)]})
    assert [f.outcome for f in findings] == [Outcome.MET, Outcome.MET]
    unknown = evaluate_obligations([consult], log, period=FinancialYear(2023),
                                   as_of=date(2023, 11, 1), events={})
    assert [f.status for f in unknown] == [Status.INSUFFICIENT_DATA]
    assert "dates of strategy revision" in unknown[0].explanation


# --- properties ----------------------------------------------------------------------

TOPICS = ("housing", "health", "education")
PROPERTY_SET = ObligationSet([
    Obligation(id="minutes", document="minutes", recipient="select", trigger=AfterEachMeeting(),
               deadline=WithinDays(14)),
    Obligation(id="half", document="report", recipient="select", trigger=every_n_months(6),
               deadline=WithinDays(30), covers=TOPICS),
    Obligation(id="share", document="annual", recipient="select", trigger=every_n_months(3),
               deadline=WithinDays(20), covers=TOPICS[:1]),
    Obligation(id="submit", document="annual", recipient="council", trigger=every_n_months(3),
               deadline=WithinDays(40), after=("share",)),
])
START, END = date(2022, 1, 1), date(2024, 6, 30)
days = st.dates(min_value=START, max_value=END)
LOG_KEYS = [("minutes", "select"), ("report", "select"), ("annual", "select"),
            ("annual", "council"), ("unknown", "select")]


@st.composite
def entries(draw: st.DrawFn, meetings: list[date]) -> Submission:
    document, recipient = draw(st.sampled_from(LOG_KEYS))
    relates: date | Period | None = draw(st.one_of(
        st.none(), st.sampled_from(meetings) if meetings else st.none(),
        st.builds(Month.containing, days)))
    return sent(document, recipient, draw(days), tuple(draw(st.sets(st.sampled_from(TOPICS)))),
                relates)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[date], list[Submission], Period]:
    meetings = draw(st.lists(days, max_size=8, unique=True))
    log = draw(st.lists(entries(meetings), max_size=12))
    period = draw(st.sampled_from([FinancialYear(2022), FinancialYear(2023),
                                   Month(2023, 3), Month(2022, 9)]))
    return meetings, log, period


AS_OF = END + timedelta(days=400)


def run(meetings: list[date], log: list[Submission], period: Period,
        as_of: date = AS_OF) -> tuple[Finding, ...]:
    return evaluate_obligations(PROPERTY_SET, log, period=period, as_of=as_of,
                                meetings=meetings)


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.data(), st.sampled_from([AS_OF, date(2023, 2, 1), date(2023, 8, 15)]))
def test_adding_a_submission_never_adds_a_breach(
    scenario: tuple[list[date], list[Submission], Period], data: st.DataObject, as_of: date
) -> None:
    meetings, log, period = scenario
    extra = data.draw(entries(meetings))
    before = run(meetings, log, period, as_of)
    after = run(meetings, [*log, extra], period, as_of)
    assert [f.display_subject for f in before] == [f.display_subject for f in after]
    for old, new in zip(before, after, strict=True):
        assert old.is_breach or not new.is_breach, (old, new)


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.data())
def test_moving_a_submission_earlier_never_makes_it_late(
    scenario: tuple[list[date], list[Submission], Period], data: st.DataObject
) -> None:
    meetings, log, period = scenario
    tied = [entry for entry in log if entry.relates_to is not None]
    if not tied:
        return
    entry = data.draw(st.sampled_from(tied))
    moved = entry.moved_to(entry.date - timedelta(days=data.draw(st.integers(1, 200))))
    changed = [moved if e is entry else e for e in log]
    obligation = PROPERTY_SET.for_log_entry(entry.document, entry.recipient)
    for old, new in zip(run(meetings, log, period), run(meetings, changed, period),
                        strict=True):
        if obligation is None or new.evidence["obligation"] != obligation.id:
            continue
        if new.outcome is Outcome.LATE:
            assert old.outcome is Outcome.LATE, (old, new)
            assert int(new.evidence["days_late"]) <= int(old.evidence["days_late"])  # type: ignore[arg-type]


def cycle_ends(period: Period, months: int) -> int:
    """Counted day by day: last days of months that close an April-aligned cycle."""
    count = 0
    day = period.start
    while day <= period.end:
        tomorrow = day + timedelta(days=1)
        if tomorrow.month != day.month and (day.month - 4 + 1) % months == 0:
            count += 1
        day = tomorrow
    return count


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_every_trigger_in_the_period_yields_exactly_one_finding(
    scenario: tuple[list[date], list[Submission], Period],
) -> None:
    meetings, log, period = scenario
    findings = run(meetings, log, period)
    per_obligation = {o.id: 0 for o in PROPERTY_SET}
    for finding in findings:
        per_obligation[str(finding.evidence["obligation"])] += 1
    assert per_obligation == {
        "minutes": sum(period.contains(m) for m in meetings),
        "half": cycle_ends(period, 6),
        "share": cycle_ends(period, 3),
        "submit": cycle_ends(period, 3),
    }


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_the_order_of_the_log_does_not_matter(
    scenario: tuple[list[date], list[Submission], Period], rng: object
) -> None:
    meetings, log, period = scenario
    shuffled = list(log)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert run(meetings, log, period) == run(meetings, shuffled, period)


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.integers(0, 60))
def test_entries_after_as_of_are_not_yet_known(
    scenario: tuple[list[date], list[Submission], Period], offset: int
) -> None:
    meetings, log, period = scenario
    as_of = date(2023, 1, 1) + timedelta(days=offset)
    known = [entry for entry in log if entry.date <= as_of]
    assert run(meetings, log, period, as_of) == run(meetings, known, period, as_of)


@pytest.mark.parametrize("as_of", [date(2022, 6, 1), date(2023, 2, 1), AS_OF])
def test_no_finding_is_met_without_a_submission(as_of: date) -> None:
    for finding in run(list(MEETINGS), [], FinancialYear(2022), as_of):
        assert finding.status in (Status.BREACHED, Status.NOT_YET_DUE)


def test_an_unmatched_entry_is_about_the_log_it_came_from() -> None:
    from corpparent.obligations.compliance import ObligationCheck, ReportingRecord

    entry = Submission(document="annual reprot", recipient="Full Council",
                       date=date(2023, 7, 18), source="submissions.csv")
    check = ObligationCheck(WILTSHIRE, YEAR, date(2023, 9, 1))
    last = check.findings(ReportingRecord([entry], meetings=MEETINGS))[-1]
    assert last.subject == "submissions.csv"
    assert last.display_subject == f"Log entry: {entry}"


def test_obligations_are_a_check_in_a_rule_set() -> None:
    from corpparent.findings import RuleSet
    from corpparent.obligations.compliance import ObligationCheck, ReportingRecord

    record = ReportingRecord(
        [sent("minutes", SELECT_CHAIR, date(2022, 10, 7), relates_to=date(2022, 9, 27)),
         sent("annual reprot", "Full Council", date(2023, 7, 18))],
        meetings=MEETINGS)
    check = ObligationCheck(WILTSHIRE, YEAR, date(2023, 9, 1))
    findings = RuleSet([check]).evaluate(record)
    assert list(findings[:-1]) == judge(list(record.submissions), date(2023, 9, 1))
    last = findings[-1]
    assert (last.status, last.outcome, last.rule) == (Status.WARNING, Outcome.UNMATCHED,
                                                     "submissions log")
    assert "counts towards no obligation" in last.explanation
    assert (last.subject, last.subject_name) == (
        "submissions log", "Log entry: annual reprot to Full Council on 2023-07-18")
    quiet = ObligationCheck(WILTSHIRE, YEAR, date(2023, 9, 1), include_unmatched=False)
    assert quiet.findings(record) == findings[:-1]


# --- generated obligations: a compliant log is all met, a breaching one is not --------


@st.composite
def obligations_with_dates(
    draw: st.DrawFn,
) -> tuple[ObligationSet, list[date], dict[str, list[date]]]:
    obligations = draw(obligation_sets())
    in_year = st.dates(min_value=date(2023, 4, 1), max_value=date(2024, 3, 31))
    meetings = draw(st.lists(in_year, min_size=1, max_size=6, unique=True))
    events = {o.trigger.event: draw(st.lists(in_year, min_size=1, max_size=3, unique=True))
              for o in obligations if isinstance(o.trigger, OnEvent)}
    return obligations, meetings, events


@settings(max_examples=100, deadline=None)
@given(obligations_with_dates(), st.data())
def test_a_compliant_log_meets_every_occurrence(
    drawn: tuple[ObligationSet, list[date], dict[str, list[date]]], data: st.DataObject
) -> None:
    obligations, meetings, events = drawn
    period = FinancialYear(2023)
    log = data.draw(compliant_logs(obligations, period=period, meetings=meetings,
                                   events=events))
    as_of = latest_due(obligations, period=period, meetings=meetings, events=events)
    findings = evaluate_obligations(obligations, log, period=period, as_of=as_of,
                                    meetings=meetings, events=events)
    assert findings
    assert {f.outcome for f in findings} <= {Outcome.MET}


@settings(max_examples=100, deadline=None)
@given(obligations_with_dates(), st.data(), st.integers(1, 90))
def test_a_breaching_log_breaches_something(
    drawn: tuple[ObligationSet, list[date], dict[str, list[date]]], data: st.DataObject,
    after: int,
) -> None:
    obligations, meetings, events = drawn
    period = FinancialYear(2023)
    log = data.draw(breaching_logs(obligations, period=period, meetings=meetings,
                                   events=events))
    as_of = latest_due(obligations, period=period, meetings=meetings, events=events)
    findings = evaluate_obligations(obligations, log, period=period,
                                    as_of=as_of + timedelta(days=after), meetings=meetings,
                                    events=events)
    assert any(f.is_breach for f in findings)


def test_staffordshire_agrees_its_work_programme_once_a_municipal_year() -> None:
    # "agree a work programme annually" (004, terms of reference); "At a workshop in May,
    # we identified ... the emerging themes informed our work programme for 2019/20"
    # (004 §17). The day in May is not given; the last day is used.
    from corpparent.periods import MunicipalYear

    staffordshire = ObligationSet([built_in_obligations("staffordshire")["work-programme-agreed"]])
    agreed = sent("work programme", "Corporate Parenting Panel", date(2019, 5, 31))
    [finding] = evaluate_obligations(staffordshire, [agreed], period=MunicipalYear(2019),
                                     as_of=date(2020, 6, 1))
    assert (finding.outcome, finding.evidence["due"]) == (Outcome.MET, "2020-04-30")
    [missing] = evaluate_obligations(staffordshire, [agreed], period=MunicipalYear(2020),
                                     as_of=date(2021, 6, 1))
    assert missing.outcome == Outcome.MISSING


def test_a_late_quarterly_report_without_relates_to_is_never_for_a_quarter_not_ended() -> None:
    # Scorecards within 60 days of each quarter's end: Q1 2025-26 due 29 Aug 2025, Q2 due
    # 29 Nov 2025, Q3 due 1 Mar 2026, Q4 due 30 May 2026. Presented 22 Jul 2025, 13 Jan,
    # 10 Mar and 9 Jun 2026 with no relates_to. 22 Jul: Q1 has ended and is within its
    # deadline. 13 Jan: Q3 (ended 31 Dec) is within its deadline. 10 Mar: Q4 has not
    # ended, so the latest ended quarter, Q3, already met. 9 Jun: Q1 2026-27 has not
    # ended; Q4 is, 10 days late. Q2 is left with nothing: missing.
    scorecard = Obligation(id="performance-scorecard", document="performance scorecard",
                           recipient="Corporate Parenting Panel", trigger=every_n_months(3),
                           deadline=WithinDays(60))
    log = [Submission(document="Performance scorecard", recipient="Corporate Parenting Panel",
                      date=day) for day in (date(2025, 7, 22), date(2026, 1, 13),
                                            date(2026, 3, 10), date(2026, 6, 9))]
    check = ObligationCheck(ObligationSet([scorecard]), FinancialYear(2025), date(2026, 12, 8))
    found = check.findings(ReportingRecord(log))
    judged = [(str(f.period), f.outcome, f.evidence.get("days_late")) for f in found
              if f.rule == "reporting obligation"]
    assert judged == [("2025-26 Q1", Outcome.MET, None), ("2025-26 Q2", Outcome.MISSING, None),
                      ("2025-26 Q3", Outcome.MET, None), ("2025-26 Q4", Outcome.LATE, 10)]
    guesses = [f for f in found if f.outcome is Outcome.MATCHED_BY_DATE]
    assert [(f.evidence["date"], f.evidence["counted_for"], f.status) for f in guesses] == [
        ("2025-07-22", "2025-26 Q1", Status.WARNING), ("2026-01-13", "2025-26 Q3", Status.WARNING),
        ("2026-03-10", "2025-26 Q3", Status.WARNING), ("2026-06-09", "2025-26 Q4", Status.WARNING)]
    assert "fill in its relates_to" in guesses[2].explanation
