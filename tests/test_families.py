"""Rule families and typed outcomes, across every kind of check corpparent makes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from authority_data import built_in_obligations
from corpparent.comparators import (
    Benchmark,
    Comparator,
    ComparatorKind,
    compare,
    group_finding,
    standing_finding,
)
from corpparent.families import NotJudged, RuleFamily
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from corpparent.files.panel.readings import read_readings
from corpparent.files.panel.submissions import read_submissions
from corpparent.findings import Finding, Status
from corpparent.governance.frequency import MeetingFrequency, MeetingLog
from corpparent.governance.meetings import Sitting
from corpparent.governance.membership import Membership
from corpparent.governance.quorum import ClassQuorum
from corpparent.indicator_rules import ExpectedRangeRule, Observation, TargetRule, TravelRule
from corpparent.indicators.aggregation import Unavailable
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.obligations.compliance import (
    ObligationCheck,
    ReportingRecord,
    evaluate_obligations,
)
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.submissions import Submission
from corpparent.obligations.triggers import OnEvent
from corpparent.obligations.upcoming import falls_due
from corpparent.periods import FinancialQuarter, FinancialYear, MunicipalYear, Period
from corpparent.plugins import load_profile
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.scorecard import Scorecard
from corpparent.spc import chart_findings, xmr
from corpparent.testing.governance_strategies import (
    class_quorums,
    meeting_frequencies,
    meeting_logs,
    memberships,
    sittings,
)
from corpparent.testing.obligations import breaching_logs, latest_due, obligation_sets
from corpparent.testing.strategies import finite_values, indicators, periods

ROOT = Path(__file__).resolve().parent.parent
GOVERNANCE = ROOT / "tests" / "data" / "governance"
EXAMPLES = ROOT / "examples" / "data"


def scorecard() -> tuple[Finding, ...]:
    """Wiltshire's 2022-23 Q4 scorecard from its plug-in and the example readings."""
    indicators = load_profile("wiltshire").indicators
    readings = read_readings(EXAMPLES / "wiltshire_readings_2022-23.csv", indicators)
    return Scorecard(indicators).assess(readings, FinancialQuarter(2022, 4)).findings


def governance() -> tuple[Finding, ...]:
    """Staffordshire's 2019-20 municipal year and Wiltshire's 2022-23 financial year (with
    its quorum) against their plug-ins' constitutions."""
    found: list[Finding] = []
    for authority, written, year in (("staffordshire", "2019-20", MunicipalYear(2019)),
                                     ("wiltshire", "2022-23", FinancialYear(2022))):
        constitution = load_profile(authority).constitution
        assert constitution is not None
        found.extend(constitution.review_period(
            read_meetings(GOVERNANCE / f"{authority}_{written}_meetings.csv"),
            read_membership(GOVERNANCE / f"{authority}_{written}_membership.json"),
            year, year.end))
    return tuple(found)


def obligations() -> tuple[Finding, ...]:
    """Wiltshire's 2022-23 submissions log against its obligations (001 §6)."""
    log = (*read_submissions(EXAMPLES / "wiltshire_submissions_2022-23.csv"),
           Submission(document="annual reprot", recipient="Full Council",
                      date=date(2023, 7, 18)))
    formal = (date(2022, 9, 27), date(2022, 11, 15), date(2023, 1, 17), date(2023, 3, 21))
    check = ObligationCheck(built_in_obligations("wiltshire"), FinancialYear(2022),
                            date(2023, 9, 1))
    return check.findings(ReportingRecord(log, meetings=formal))


def governance_without_membership() -> tuple[Finding, ...]:
    """Staffordshire's meetings alone: quorum, attendance and composition not judged."""
    constitution = load_profile("staffordshire").constitution
    assert constitution is not None
    year = MunicipalYear(2019)
    return constitution.review_period(
        read_meetings(GOVERNANCE / "staffordshire_2019-20_meetings.csv"), None, year,
        year.end)


def comparators() -> tuple[Finding, ...]:
    """Wiltshire's first indicator against England, nationally and in a group, with a
    value and without one."""
    indicator = load_profile("wiltshire").indicators["health_assessments"]
    year = FinancialYear(2022)
    england = Comparator("England", ComparatorKind.ENGLAND, {(indicator.id, str(year)): 10.0})
    benchmark = Benchmark(indicator, year, {f"LA{i}": float(i) for i in range(1, 9)})
    return (
        compare(indicator, 12.0, england, year).finding(),
        compare(indicator, None, england, year).finding(),
        standing_finding(benchmark, "LA3"),
        standing_finding(benchmark, "LA9"),
        group_finding(benchmark, "neighbours", ["LA1", "LA2", "LA4"], 3.0, authority="LA3"),
        group_finding(benchmark, "neighbours", ["LA1", "LA2"], None, authority="LA3"),
    )


def upcoming() -> tuple[Finding, ...]:
    """What falls due for Wiltshire in 2023-24 with no meeting dates given."""
    return falls_due(built_in_obligations("wiltshire"), start=date(2023, 7, 1),
                     until=date(2024, 3, 31)).findings()


def process_chart() -> tuple[Finding, ...]:
    """A chart of 14 values with a point beyond its limits and a target, and a short flat
    one (trial limits, no variation)."""
    values = [10.0, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 14, 13, 40]
    return (*chart_findings(xmr(values, polarity=Polarity.LOWER_IS_BETTER), targets=(16.0,)),
            *chart_findings(xmr([3.0, 3, 3]), targets=(2.0,)))


SOURCES = {
    "scorecard": (scorecard, {RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET,
                              RuleFamily.AMBITION, RuleFamily.TRAVEL_SINCE_LAST_PERIOD,
                              RuleFamily.TRAVEL_SINCE_LAST_YEAR}),
    "governance": (governance, {RuleFamily.COMPOSITION, RuleFamily.REQUIREMENT,
                                RuleFamily.QUORUM, RuleFamily.MEETING_FREQUENCY,
                                RuleFamily.MEETING_GAP, RuleFamily.NEXT_MEETING,
                                RuleFamily.ATTENDANCE, RuleFamily.GOVERNANCE}),
    "obligations": (obligations, {RuleFamily.OBLIGATION, RuleFamily.SUBMISSIONS_LOG}),
    "governance without membership": (governance_without_membership, {
        RuleFamily.MEETING_FREQUENCY, RuleFamily.MEETING_GAP, RuleFamily.NEXT_MEETING,
        RuleFamily.GOVERNANCE}),
    "comparators": (comparators, {RuleFamily.COMPARISON, RuleFamily.NATIONAL_STANDING,
                                  RuleFamily.GROUP_POSITION}),
    "upcoming": (upcoming, {RuleFamily.FALLS_DUE}),
    "process chart": (process_chart, {RuleFamily.SPECIAL_CAUSE, RuleFamily.VARIATION,
                                      RuleFamily.ASSURANCE, RuleFamily.PROCESS_LIMITS}),
}


def test_the_sources_make_findings_of_every_family_corpparent_has() -> None:
    """Only rules written outside corpparent make custom findings."""
    made = {f.family for make, _ in SOURCES.values() for f in make()}
    assert made == set(RuleFamily) - {RuleFamily.CUSTOM}


def assert_not_judged_exactly_when_insufficient(findings: Iterable[Finding]) -> None:
    """A finding's outcome is ``NotJudged`` if and only if its status is insufficient
    data: one way of saying "could not be judged", whatever the rule."""
    for finding in findings:
        not_judged = finding.outcome is NotJudged.INSUFFICIENT_DATA
        insufficient = finding.status is Status.INSUFFICIENT_DATA
        assert not_judged == insufficient, finding


@pytest.mark.parametrize("source", SOURCES, ids=str)
def test_every_finding_has_a_family_and_an_outcome_that_is_no_free_text(source: str) -> None:
    make, allowed = SOURCES[source]
    findings = make()
    assert findings
    assert {f.family for f in findings} <= allowed
    for finding in findings:
        assert isinstance(finding.family, RuleFamily)
        assert finding.outcome is None or isinstance(finding.outcome, Enum), finding
        assert finding.outcome is None or isinstance(finding.outcome.value, str)
        assert finding.subject.strip()


@pytest.mark.parametrize("source", SOURCES, ids=str)
def test_what_could_not_be_judged_says_so_in_its_outcome(source: str) -> None:
    make, _ = SOURCES[source]
    findings = make()
    assert any(f.status is Status.INSUFFICIENT_DATA for f in findings) or source in {
        "scorecard", "obligations"}
    assert_not_judged_exactly_when_insufficient(findings)


def _observed(value: float | None, indicator: Indicator, period: Period) -> float | Unavailable:
    return Unavailable(indicator.id, period, "not published") if value is None else value


@given(indicators(), periods, st.none() | finite_values, st.none() | finite_values,
       st.none() | finite_values, finite_values, finite_values)
def test_indicator_rules_say_not_judged_exactly_when_insufficient(
    indicator: Indicator, period: Period, value: float | None, previous: float | None,
    last_year: float | None, bound: float, other: float,
) -> None:
    observation = Observation(indicator, period, _observed(value, indicator, period),
                              _observed(previous, indicator, period),
                              _observed(last_year, indicator, period))
    rules = (
        ExpectedRangeRule(ExpectedRange(indicator.id, min(bound, other), max(bound, other),
                                        period)),
        TargetRule(Target(indicator.id, bound, TargetDirection.AT_LEAST, period)),
        TravelRule(), TravelRule(against_last_year=True),
    )
    assert_not_judged_exactly_when_insufficient(rule.evaluate(observation) for rule in rules)


@given(class_quorums(), sittings())
def test_quorum_says_not_judged_exactly_when_insufficient(
    rule: ClassQuorum, sitting: Sitting
) -> None:
    assert_not_judged_exactly_when_insufficient(rule.findings(sitting))


@given(meeting_frequencies(), meeting_logs())
def test_frequency_says_not_judged_exactly_when_insufficient(
    rule: MeetingFrequency, log: MeetingLog
) -> None:
    assert_not_judged_exactly_when_insufficient(rule.findings(log))


@given(memberships(), st.dates(date(2019, 5, 1), date(2020, 4, 30)))
def test_composition_says_not_judged_exactly_when_insufficient(
    membership: Membership, day: date
) -> None:
    for authority in ("staffordshire", "wiltshire"):
        constitution = load_profile(authority).constitution
        assert constitution is not None
        roster = membership.on(day)
        assert_not_judged_exactly_when_insufficient(
            rule.evaluate(roster) for rule in constitution.composition_rules())


@settings(max_examples=50, deadline=None)
@given(obligation_sets(), st.data())
def test_obligations_say_not_judged_exactly_when_insufficient(
    obligations: ObligationSet, data: st.DataObject
) -> None:
    period = FinancialYear(2023)
    meetings = [date(2023, 6, 1), date(2023, 10, 1)]
    events = {o.trigger.event: [date(2023, 8, 1)] for o in obligations
              if isinstance(o.trigger, OnEvent)}
    try:
        log = data.draw(breaching_logs(obligations, period=period, meetings=meetings,
                                       events=events))
    except ValueError:  # nothing arises in the period, or it cannot all be met on time
        log = []
    as_of = latest_due(obligations, period=period, meetings=meetings, events=events)
    # Without the meeting and event dates, what depends on them cannot be judged.
    for known_meetings, known_events in ((meetings, events), (None, None)):
        assert_not_judged_exactly_when_insufficient(evaluate_obligations(
            obligations, log, period=period, as_of=as_of, meetings=known_meetings,
            events=known_events))


def test_families_say_which_are_judgements_and_which_are_travel() -> None:
    """The judgements made of an indicator are its range, target and ambition findings;
    the headline is the first two alone (`corpparent.headline`)."""
    assert {f for f in RuleFamily if f.is_judgement} == {
        RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET, RuleFamily.AMBITION}
    assert {f for f in RuleFamily if f.is_travel} == {
        RuleFamily.TRAVEL_SINCE_LAST_PERIOD, RuleFamily.TRAVEL_SINCE_LAST_YEAR}
