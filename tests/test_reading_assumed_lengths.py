"""A range or target set for a year that does not say the length of period it is for
(no ``per``), judging a count's monthly or quarterly readings, says what it assumes and
how to say otherwise; its verdict is the one it gave before, and a range that says its
length, or an indicator whose kind does not grow with length, says nothing more."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Status,
)
from corpparent.indicator_rules import (
    LENGTH_UNSAID,
    ExpectedRangeRule,
    Observation,
    TargetRule,
)
from corpparent.plugins import load_authority
from corpparent.ranges import Target, TargetDirection
from corpparent.runs.scorecard import assess_scorecard
from reports_support import READINGS

YEAR = FinancialYear(2022)
QUARTERS = [FinancialQuarter(2022, q) for q in (1, 2, 3, 4)]
ASSUMED = "does not say the length of period it is for"


def indicator(kind: Kind = Kind.COUNT) -> Indicator:
    return Indicator("missing", "Children with a missing episode", kind,
                     Polarity.LOWER_IS_BETTER)


def card(kind: Kind = Kind.COUNT, per: int | None = None) -> Scorecard:
    return Scorecard(IndicatorSet(
        [indicator(kind)], [ExpectedRange("missing", 60, 90, YEAR, per_months=per)],
        [Target("missing", 100, TargetDirection.AT_MOST, YEAR, per_months=per)]),
        process=None)


def quarterly() -> Readings:
    return Readings([Reading("missing", q, v) for q, v in zip(QUARTERS, (95, 101, 99, 103),
                                                              strict=True)])


def test_a_yearly_range_judging_a_quarter_says_it_takes_it_for_a_quarter() -> None:
    result = card().assess(quarterly(), QUARTERS[3])["missing"]
    finding, (target,) = result.range_finding, result.target_findings
    assert finding is not None
    assert finding.status is Status.BREACHED  # 103 above 60-90, as before
    assert target.status is Status.BREACHED  # 103 above at most 100
    for judged in (finding, target):
        assert (f"set for 2022-23 {ASSUMED}; it is taken to be for a quarter's count, the "
                "shortest period read in 2022-23") in judged.explanation
        # how the plug-in would say it is for its keeper, in the evidence, not the
        # sentence a paper's reader reads
        assert judged.evidence[LENGTH_UNSAID] == 'per = "quarter", or "year" for a year\'s total'
        assert "per = " not in judged.explanation


def test_monthly_readings_are_said_to_be_taken_for_months() -> None:
    months = Readings([Reading("missing", Month(2022, m), 30) for m in range(4, 13)])
    finding = card().assess(months, Month(2022, 6))["missing"].range_finding
    assert finding is not None
    assert finding.status is Status.EXCEEDED  # 30, below 60-90, lower being better
    assert "taken to be for a month's count" in finding.explanation


def test_a_range_that_says_its_length_or_a_percentage_says_nothing_more() -> None:
    said = card(per=3).assess(quarterly(), QUARTERS[3])["missing"].range_finding
    assert said is not None
    assert ASSUMED not in said.explanation
    share = card(Kind.PERCENTAGE).assess(
        Readings([Reading("missing", QUARTERS[3], 70)]), QUARTERS[3])["missing"]
    assert share.range_finding is not None
    assert ASSUMED not in share.range_finding.explanation
    yearly = card().assess(Readings([Reading("missing", YEAR, 80)]), YEAR)["missing"]
    assert yearly.range_finding is not None
    assert ASSUMED not in yearly.range_finding.explanation


def test_wiltshires_quarterly_ranges_are_declared_and_an_undeclared_one_says_its_length(
        ) -> None:
    """002 §46 prints the missing-episode ranges in one row with the quarters' counts, so
    the plug-in declares them per quarter: the verdict stands and no length is assumed.
    §23's starts rate range says no length, so its finding still says what it took."""
    wiltshire = load_authority("wiltshire")
    from corpparent.files.panel.readings import read_readings

    readings = read_readings(READINGS, wiltshire.reading_indicators)
    run = assess_scorecard(readings, [QUARTERS[3]], profile=wiltshire, process=None)
    q4 = run.periods[0].result["missing_episode"].range_finding
    assert q4 is not None
    assert q4.status is Status.EXCEEDED  # 002 §46: 71, below 90-120
    assert ASSUMED not in q4.explanation
    starts = run.periods[0].result["cla_starts_rate"].range_finding
    assert starts is not None
    assert "taken to be for a quarter's rate" in starts.explanation


@given(value=st.floats(0, 500), kind=st.sampled_from(list(Kind)), target=st.booleans())
def test_the_note_never_changes_a_verdict(value: float, kind: Kind, target: bool) -> None:
    value = min(value, 100.0) if kind is Kind.PERCENTAGE else value
    observation = Observation(indicator(kind), QUARTERS[3], value, 0.0, 0.0)
    assumed_rule = (TargetRule(Target("missing", 100, TargetDirection.AT_MOST, YEAR),
                               per_months=3)
                    if target else ExpectedRangeRule(ExpectedRange("missing", 60, 90, YEAR),
                                                     per_months=3))
    said_rule = (TargetRule(Target("missing", 100, TargetDirection.AT_MOST, YEAR, per_months=3),
                            per_months=3) if target else
                 ExpectedRangeRule(ExpectedRange("missing", 60, 90, YEAR, per_months=3),
                                   per_months=3))
    assumed, said = assumed_rule.evaluate(observation), said_rule.evaluate(observation)
    assert (assumed.status, assumed.outcome) == (said.status, said.outcome)
    assert assumed.explanation.startswith(said.explanation)
    assert (ASSUMED in assumed.explanation) == (kind in (Kind.COUNT, Kind.RATE))
