"""Rule families and typed outcomes, across every kind of check corpparent makes."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path

import pytest

from authority_data import built_in_obligations
from corpparent.files.meetings import read_meetings
from corpparent.files.membership import read_membership
from corpparent.files.readings import read_readings
from corpparent.files.submissions import read_submissions
from corpparent.findings import Finding, NotJudged, RuleFamily
from corpparent.obligations.compliance import ObligationCheck, ReportingRecord
from corpparent.periods import FinancialQuarter, FinancialYear, MunicipalYear
from corpparent.plugins import load_profile
from corpparent.scorecard import Scorecard

ROOT = Path(__file__).resolve().parent.parent
GOVERNANCE = ROOT / "tests" / "data" / "governance"
EXAMPLES = ROOT / "examples" / "data"


def scorecard() -> tuple[Finding, ...]:
    """Wiltshire's 2022-23 Q4 scorecard from its plug-in and the example readings."""
    indicators = load_profile("wiltshire").indicators
    readings = read_readings(EXAMPLES / "wiltshire_readings_2022-23.csv", indicators)
    return Scorecard(indicators).assess(readings, FinancialQuarter(2022, 4)).findings


def governance() -> tuple[Finding, ...]:
    """Staffordshire's 2019-20 municipal year against its plug-in's constitution."""
    constitution = load_profile("staffordshire").constitution
    assert constitution is not None
    year = MunicipalYear(2019)
    return constitution.review_period(
        read_meetings(GOVERNANCE / "staffordshire_2019-20_meetings.csv"),
        read_membership(GOVERNANCE / "staffordshire_2019-20_membership.json"),
        year, year.end)


def obligations() -> tuple[Finding, ...]:
    """Wiltshire's 2022-23 submissions log against its obligations (001 §6)."""
    log = read_submissions(EXAMPLES / "wiltshire_submissions_2022-23.csv")
    formal = (date(2022, 9, 27), date(2022, 11, 15), date(2023, 1, 17), date(2023, 3, 21))
    check = ObligationCheck(built_in_obligations("wiltshire"), FinancialYear(2022),
                            date(2023, 9, 1))
    return check.findings(ReportingRecord(log, meetings=formal))


SOURCES = {
    "scorecard": (scorecard, {RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET,
                              RuleFamily.AMBITION, RuleFamily.TRAVEL_SINCE_LAST_PERIOD,
                              RuleFamily.TRAVEL_SINCE_LAST_YEAR}),
    "governance": (governance, {RuleFamily.COMPOSITION, RuleFamily.REQUIREMENT,
                                RuleFamily.QUORUM, RuleFamily.MEETING_FREQUENCY,
                                RuleFamily.MEETING_GAP, RuleFamily.NEXT_MEETING,
                                RuleFamily.ATTENDANCE}),
    "obligations": (obligations, {RuleFamily.OBLIGATION, RuleFamily.SUBMISSIONS_LOG}),
}


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
    for finding in make():
        if finding.outcome is NotJudged.INSUFFICIENT_DATA:
            assert finding.status.value == "insufficient data"


def test_families_say_which_are_judgements_and_which_are_travel() -> None:
    """The scorecard's headline is its range, target and ambition findings (002 §12a:
    "outside the expected range or below the required target level")."""
    assert {f for f in RuleFamily if f.is_judgement} == {
        RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET, RuleFamily.AMBITION}
    assert {f for f in RuleFamily if f.is_travel} == {
        RuleFamily.TRAVEL_SINCE_LAST_PERIOD, RuleFamily.TRAVEL_SINCE_LAST_YEAR}
