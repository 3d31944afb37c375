"""The scorecard and the exception report, on Wiltshire's 2022-23 figures (seed 002)."""

from __future__ import annotations

from enum import Enum

import attrs
import pytest
from hypothesis import given, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Finding,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    ScorecardResult,
    Status,
    Target,
    UnknownIndicatorError,
)
from corpparent.families import RuleFamily
from corpparent.ranges import Performance, TargetDirection, TargetOutcome, Travel
from corpparent.scorecard import IndicatorAssessment

FY22, Q4 = FinancialYear(2022), FinancialQuarter(2022, 4)
LTSTAB = Indicator("ltstab", "Long-term placement stability", Kind.PERCENTAGE,
                   Polarity.HIGHER_IS_BETTER)
MILES = Indicator("miles20", "Placed more than 20 miles from home", Kind.PERCENTAGE,
                  Polarity.LOWER_IS_BETTER)
MISSING = Indicator("missing", "Children in care with a missing episode", Kind.COUNT,
                    Polarity.LOWER_IS_BETTER)
CLA = Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL)
HEALTH = Indicator("health", "Health assessment in the last 12 months", Kind.PERCENTAGE,
                   Polarity.HIGHER_IS_BETTER)

WILTSHIRE = IndicatorSet(
    [LTSTAB, MILES, MISSING, CLA, HEALTH],
    ranges=[
        ExpectedRange("ltstab", 75, 82, FY22, source="002 §33"),
        ExpectedRange("miles20", 34, 37, FY22, source="002 §43"),
        ExpectedRange("missing", 90, 120, FY22, source="002 §46"),
        ExpectedRange("cla", 407, 469, FY22, source="002 §23"),
    ],
    targets=[Target("health", 94, TargetDirection.AT_LEAST, FY22, source="002 §88")],
)
READINGS = Readings([
    Reading("ltstab", Q4, 73), Reading("ltstab", Q4.previous(), 73),
    Reading("ltstab", Q4.same_period_last_year(), 73),
    Reading("miles20", Q4, 39), Reading("miles20", Q4.previous(), 39),
    Reading("missing", Q4, 71), Reading("missing", Q4.previous(), 49),
    Reading("cla", Q4, 461),
    Reading("health", Q4, 82),
])


def assess() -> dict[str, IndicatorAssessment]:
    result = Scorecard(WILTSHIRE).assess(READINGS, Q4)
    return {a.indicator.id: a for a in result.assessments}


def rule(indicator: str, family: RuleFamily) -> Finding:
    found = assess()[indicator].finding(family)
    assert found is not None, f"no {family} finding for {indicator}"
    return found


def test_long_term_stability_73_against_75_82_is_below_and_worse() -> None:
    """002 §33: "our performance has dipped ... and is below our 75% lower range"."""
    assert assess()["ltstab"].performance is Performance.WORSE
    finding = rule("ltstab", RuleFamily.EXPECTED_RANGE)
    assert finding.status is Status.BREACHED
    assert finding.evidence["position"] == "below"


def test_placed_over_20_miles_39_against_34_37_is_above_and_worse() -> None:
    """002 §42: "just outside of our expected upper range"."""
    assert assess()["miles20"].performance is Performance.WORSE
    assert rule("miles20", RuleFamily.EXPECTED_RANGE).evidence["position"] == "above"


def test_missing_episodes_71_against_90_120_is_below_and_better() -> None:
    """002 §47: "still below our lower target range of 90"; fewer is better."""
    assert assess()["missing"].performance is Performance.BETTER
    assert rule("missing", RuleFamily.EXPECTED_RANGE).status is Status.EXCEEDED
    assert rule("missing", RuleFamily.TRAVEL_SINCE_LAST_PERIOD).outcome is Travel.WORSENED


def test_children_in_care_461_is_within_407_469() -> None:
    """002 §23: "below our higher expected range of 469 and above our lower ... of 407"."""
    assert assess()["cla"].performance is Performance.AS_EXPECTED


def test_health_assessments_82_fall_short_of_the_94_target() -> None:
    """002 §88: "82% ... had a health assessment in the last 12 months (target is 94%)"."""
    finding = rule("health", RuleFamily.TARGET)
    assert finding.status is Status.BREACHED
    assert "82% in 2022-23 Q4 falls short of the target of at least 94%" in str(finding)


def test_the_exception_report_lists_exceptions_successes_and_gaps() -> None:
    """002 §12a: "an exception report is presented ... for those indicators which are
    outside the expected range or below the required target level and successes are
    acknowledged". Missing episodes, below their range and better than expected, are
    acknowledged as a success, and listed there only, so that every count of exceptions
    is of results officers are asked to explain."""
    report = Scorecard(WILTSHIRE).assess(READINGS, Q4).exception_report()
    assert [f.subject for f in report.exceptions] == ["ltstab", "miles20", "health"]
    assert [f.subject for f in report.successes] == ["missing"]
    assert report.insufficient == ()
    assert "Exception report for 2022-23 Q4" in str(report)


def test_a_missing_value_is_insufficient_data_not_an_exception() -> None:
    readings = Readings([Reading("ltstab", Q4, None, symbol="c")])
    report = Scorecard(WILTSHIRE).assess(readings, Q4).exception_report()
    gaps = {f.subject: f for f in report.insufficient}
    assert "withheld (c: confidential" in gaps["ltstab"].explanation
    assert "no reading for 2022-23 Q4" in gaps["miles20"].explanation


def test_a_range_set_for_another_year_does_not_apply() -> None:
    q1 = FinancialQuarter(2023, 1)
    result = Scorecard(WILTSHIRE).assess(Readings([Reading("ltstab", q1, 60)]), q1)
    assert result["ltstab"].finding(RuleFamily.EXPECTED_RANGE) is None


@given(st.floats(0, 100, allow_nan=False), st.sampled_from(Polarity))
def test_a_value_outside_range_is_an_exception_or_a_success_never_both(
        value: float, polarity: Polarity) -> None:
    """002 §12a: outside the expected range, a value is an exception for officers to
    explain, or, better than expected, a success acknowledged; never both."""
    indicator = LTSTAB.with_polarity(polarity)
    indicators = IndicatorSet([indicator], ranges=[ExpectedRange("ltstab", 75, 82, FY22)])
    report = Scorecard(indicators).assess(Readings([Reading("ltstab", Q4, value)]), Q4)
    outside = not 75 <= value <= 82
    better = polarity.better(value, 82 if value > 82 else 75) and outside
    assert bool(report.exception_report().exceptions) == (outside and not better)
    assert bool(report.exception_report().successes) == better


@given(st.floats(0, 100, allow_nan=False), st.floats(0, 100, allow_nan=False))
def test_a_better_value_never_gets_a_worse_status(a: float, b: float) -> None:
    """Monotonicity: for higher-is-better, raising the value never worsens the verdict."""
    severity = {Status.EXCEEDED: 0, Status.MET: 1, Status.BREACHED: 2}
    low, high = sorted((a, b))
    card = Scorecard(IndicatorSet([LTSTAB], ranges=[ExpectedRange("ltstab", 75, 82, FY22)]))

    def status(value: float) -> Status:
        assessment = card.assess(Readings([Reading("ltstab", Q4, value)]), Q4)["ltstab"]
        found = assessment.finding(RuleFamily.EXPECTED_RANGE)
        assert found is not None
        return found.status

    assert severity[status(high)] <= severity[status(low)]


def _renamed(result: ScorecardResult, name: str) -> ScorecardResult:
    """``result`` with every finding's rule given the display name ``name``."""
    return ScorecardResult(result.period, tuple(
        attrs.evolve(a, findings=tuple(attrs.evolve(f, rule=name) for f in a.findings))
        for a in result.assessments))


@given(st.text(max_size=30))
def test_the_exception_report_does_not_depend_on_rule_names(name: str) -> None:
    """Renaming every rule for readers leaves the exceptions, successes and gaps as they
    were (002 §33, §42, §47, §88: stability, distance, missing episodes, health)."""
    readings = Readings([*READINGS, Reading("miles20", Q4.same_period_last_year(), None,
                                            symbol="c")])
    result = Scorecard(WILTSHIRE).assess(readings, Q4)
    before, after = result.exception_report(), _renamed(result, name).exception_report()
    for section in ("exceptions", "successes", "insufficient"):
        assert [(f.subject, f.family, f.status) for f in getattr(after, section)] == [
            (f.subject, f.family, f.status) for f in getattr(before, section)]
    assert [f.subject for f in before.exceptions] == ["ltstab", "miles20", "health"]


def test_a_travel_finding_named_like_a_range_is_not_an_exception() -> None:
    result = Scorecard(IndicatorSet([LTSTAB])).assess(
        Readings([Reading("ltstab", Q4, 60), Reading("ltstab", Q4.previous(), 70)]), Q4)
    renamed = _renamed(result, "expected range")
    assert result.exception_report().exceptions == ()
    assert renamed.exception_report().exceptions == ()
    assert renamed["ltstab"].performance is None


def test_an_assessment_gives_its_findings_by_family() -> None:
    assessment = assess()["missing"]  # 002 §46-47: 71 against 90-120, 49 the quarter before
    assert assessment.range_finding is assessment.findings[0]
    assert assessment.target_findings == ()
    since_period = assessment.travel_since_last_period
    assert since_period is not None
    assert since_period.outcome is Travel.WORSENED
    since_year = assessment.travel_since_last_year
    assert since_year is not None
    assert since_year.status is Status.INSUFFICIENT_DATA  # no reading for 2021-22 Q4
    health = assess()["health"]
    assert [f.outcome for f in health.target_findings] == [TargetOutcome.BELOW_TARGET]
    assert health.range_finding is None


@given(st.floats(0, 100, allow_nan=False), st.floats(0, 100, allow_nan=False),
       st.booleans())
def test_every_finding_has_the_family_of_the_rule_that_made_it(
    value: float, earlier: float, ambition: bool
) -> None:
    indicators = IndicatorSet(
        [LTSTAB], ranges=[ExpectedRange("ltstab", 75, 82, FY22)],
        targets=[Target("ltstab", 80, TargetDirection.AT_LEAST, FY22, ambition=ambition)])
    card = Scorecard(indicators)
    readings = Readings([Reading("ltstab", Q4, value), Reading("ltstab", Q4.previous(), earlier)])
    assessment = card.assess(readings, Q4)["ltstab"]
    rules = card.rules_for(LTSTAB, Q4)
    assert [f.family for f in assessment.findings] == [r.family for r in rules]
    assert [f.rule for f in assessment.findings] == [r.name for r in rules]
    assert all(f.subject == "ltstab" and f.subject_name == LTSTAB.name
               for f in assessment.findings)
    assert all(isinstance(f.outcome, Enum) for f in assessment.findings)
    expected_target = RuleFamily.AMBITION if ambition else RuleFamily.TARGET
    assert [f.family for f in assessment.findings] == [
        RuleFamily.EXPECTED_RANGE, expected_target,
        RuleFamily.TRAVEL_SINCE_LAST_PERIOD, RuleFamily.TRAVEL_SINCE_LAST_YEAR]


def test_an_indicator_not_assessed_is_named_with_those_that_were() -> None:
    result = Scorecard(WILTSHIRE).assess(Readings([]), Q4)
    with pytest.raises(UnknownIndicatorError, match="no assessment of indicator 'nope'"):
        _ = result["nope"]
