"""A range or target judges values of the length of period it is for: a count's quarterly
range never judges a year's total; the indicator kind's aggregation decides."""

from __future__ import annotations

import pytest
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
from corpparent.families import NotJudged, RuleFamily
from corpparent.files.panel.readings import read_readings
from corpparent.indicator_rules import (
    BOUNDS_FOR,
    ExpectedRangeRule,
    Observation,
    TargetRule,
    bounds_length,
    grows_with_length,
    length_in_months,
)
from corpparent.periods import Period
from corpparent.plugins import load_authority
from corpparent.ranges import Target, TargetDirection
from corpparent.runs.scorecard import assess_scorecard
from reports_support import READINGS

YEAR = FinancialYear(2022)
QUARTERS = [FinancialQuarter(2022, q) for q in (1, 2, 3, 4)]
#: The issue's case: 398 children with a missing episode in a year, against a range
#: reviewed for the year and set for each quarter, 60-90.
MISSING_BY_QUARTER = (95.0, 101.0, 99.0, 103.0)


def missing(kind: Kind = Kind.COUNT) -> Indicator:
    return Indicator("missing", "Children with a missing episode", kind,
                     Polarity.LOWER_IS_BETTER)


def card(indicator: Indicator, lower: float = 60, upper: float = 90,
         target: float | None = None) -> Scorecard:
    targets = () if target is None else (
        Target(indicator.id, target, TargetDirection.AT_MOST, YEAR),)
    return Scorecard(IndicatorSet([indicator], [ExpectedRange(indicator.id, lower, upper, YEAR)],
                                  targets), process=None)


def quarterly(values: tuple[float, ...] = MISSING_BY_QUARTER) -> list[Reading]:
    return [Reading("missing", q, v) for q, v in zip(QUARTERS, values, strict=True)]


def test_a_quarterly_range_never_judges_a_years_total() -> None:
    indicator = missing()
    result = card(indicator).assess(Readings(quarterly()), YEAR)["missing"]
    assert result.value == sum(MISSING_BY_QUARTER) == 398
    finding = result.range_finding
    assert finding is not None
    assert finding.status is Status.INSUFFICIENT_DATA
    assert finding.outcome is NotJudged.INSUFFICIENT_DATA
    assert finding.evidence[BOUNDS_FOR] == "a quarter"
    assert "398 children in 2022-23 is not judged against the expected range of 60–90" in (
        finding.explanation)
    assert "for a quarter's count; 2022-23 is a year" in finding.explanation
    assert result.headline is Status.INSUFFICIENT_DATA
    assert "Breached" not in str(result.headline)


def test_the_same_range_judges_each_quarter() -> None:
    result = card(missing()).assess(Readings(quarterly()), QUARTERS[0])["missing"]
    finding = result.range_finding
    assert finding is not None
    assert finding.status is Status.BREACHED  # 95 is above 60-90, lower being better
    assert finding.evidence["value"] == 95


def test_a_years_total_given_beside_its_quarters_is_not_judged_either() -> None:
    readings = Readings([*quarterly(), Reading("missing", YEAR, 398.0)])
    finding = card(missing()).assess(readings, YEAR)["missing"].range_finding
    assert finding is not None
    assert finding.status is Status.INSUFFICIENT_DATA


def test_a_count_read_once_a_year_is_judged_by_the_years_range() -> None:
    readings = Readings([Reading("missing", YEAR, 398.0)])
    finding = card(missing(), 300, 420).assess(readings, YEAR)["missing"].range_finding
    assert finding is not None
    assert finding.status is Status.MET


def test_a_target_is_held_to_its_length_as_a_range_is() -> None:
    indicator = missing()
    result = card(indicator, target=80).assess(Readings(quarterly()), YEAR)["missing"]
    (target,) = result.target_findings
    assert target.status is Status.INSUFFICIENT_DATA
    assert "target of at most 80 children set for 2022-23" in target.explanation
    quarter = card(indicator, target=100).assess(Readings(quarterly()), QUARTERS[3])
    assert quarter["missing"].target_findings[0].status is Status.BREACHED  # 103 > 100


def test_a_range_set_for_one_quarter_does_not_judge_its_months() -> None:
    indicator = missing()
    q4 = FinancialQuarter(2022, 4)
    months = [Month(2023, m) for m in (1, 2, 3)]
    readings = Readings([Reading("missing", m, 30.0) for m in months])
    scorecard = Scorecard(IndicatorSet([indicator], [ExpectedRange("missing", 60, 90, q4)]),
                          process=None)
    judged_quarter = scorecard.assess(readings, q4)["missing"].range_finding
    assert judged_quarter is not None
    assert judged_quarter.status is Status.MET  # 90, the quarter's total
    month = scorecard.assess(readings, months[0])["missing"].range_finding
    assert month is not None
    assert month.status is Status.INSUFFICIENT_DATA
    assert month.evidence[BOUNDS_FOR] == "a quarter"


@pytest.mark.parametrize("kind", [Kind.PERCENTAGE, Kind.SCORE])
def test_a_ratio_of_a_year_is_judged_by_the_quarterly_range(kind: Kind) -> None:
    indicator = missing(kind)
    # Re-divided sums: 10% of 100, 20% of 300 make 70 of 400, 17.5% for the two quarters.
    readings = Readings([
        Reading("missing", QUARTERS[0], 10.0, numerator=10, denominator=100),
        Reading("missing", QUARTERS[1], 20.0, numerator=60, denominator=300),
        Reading("missing", QUARTERS[2], 15.0, numerator=15, denominator=100),
        Reading("missing", QUARTERS[3], 15.0, numerator=15, denominator=100),
    ])
    result = card(indicator, 10, 20).assess(readings, YEAR)["missing"]
    assert result.value == pytest.approx(100 * 100 / 600 if kind is Kind.PERCENTAGE
                                         else 100 / 600)
    finding = result.range_finding
    assert finding is not None
    assert finding.status is not Status.INSUFFICIENT_DATA


def test_a_snapshot_year_is_its_last_quarter_and_judged() -> None:
    indicator = missing(Kind.SNAPSHOT)
    result = card(indicator, 60, 120).assess(Readings(quarterly()), YEAR)["missing"]
    assert result.value == 103
    finding = result.range_finding
    assert finding is not None
    assert finding.status is Status.MET


def test_a_rule_given_no_length_judges_as_before() -> None:
    observation = Observation(missing(), YEAR, 398.0, 0.0, 0.0)
    rule = ExpectedRangeRule(ExpectedRange("missing", 60, 90, YEAR))
    assert rule.evaluate(observation).status is Status.BREACHED
    held = ExpectedRangeRule(ExpectedRange("missing", 60, 90, YEAR), per_months=3)
    assert held.evaluate(observation).status is Status.INSUFFICIENT_DATA


def test_the_run_warns_which_indicators_were_not_judged_for_their_length() -> None:
    wiltshire = load_authority("wiltshire")
    readings = read_readings(READINGS, wiltshire.reading_indicators)
    run = assess_scorecard(readings, [YEAR], profile=wiltshire, process=None)
    result = run.periods[0].result
    # 002 §46: 49, 47, 49 and 71 children in 2022-23's quarters, against 90-120 a quarter.
    total = result["missing_episode"]
    assert total.value == 49 + 47 + 49 + 71
    finding = total.range_finding
    assert finding is not None
    assert finding.status is Status.INSUFFICIENT_DATA
    warnings = [str(w) for w in run.all_warnings]
    assert any(w.startswith("the ranges or targets of missing_episode, missing_episode_in_county"
                            " and missing_episode_out_of_county are for a quarter's figures")
               for w in warnings), warnings
    quarter = assess_scorecard(readings, [QUARTERS[3]], profile=wiltshire, process=None)
    q4 = quarter.periods[0].result["missing_episode"].range_finding
    assert q4 is not None
    assert q4.status is Status.EXCEEDED  # 71, below 90-120, lower being better
    assert not any("a quarter's figures" in str(w) for w in quarter.all_warnings)


_PERIODS: list[Period] = [Month(2022, 6), Month(2023, 3), FinancialQuarter(2022, 1),
                          FinancialQuarter(2022, 4), FinancialYear(2022)]


@given(kind=st.sampled_from(list(Kind)), set_for=st.sampled_from(_PERIODS),
       assessed=st.sampled_from(_PERIODS), read=st.sampled_from(_PERIODS),
       value=st.floats(0, 500), family=st.sampled_from(["range", "target"]))
def test_a_verdict_is_given_only_where_the_kind_allows_the_length(
        kind: Kind, set_for: Period, assessed: Period, read: Period, value: float,
        family: str) -> None:
    indicator = Indicator("x", "x", kind, Polarity.LOWER_IS_BETTER)
    value = min(value, 100.0) if kind is Kind.PERCENTAGE else value
    per = bounds_length(indicator, set_for, Readings([Reading("x", read, value)]))
    rule = (ExpectedRangeRule(ExpectedRange("x", 10, 20, set_for), per_months=per)
            if family == "range" else
            TargetRule(Target("x", 20, TargetDirection.AT_MOST, set_for), per_months=per))
    finding = rule.evaluate(Observation(indicator, assessed, value, 0.0, 0.0))
    judged = finding.status is not Status.INSUFFICIENT_DATA
    if not grows_with_length(kind):
        assert per is None
        assert judged
        return
    if length_in_months(set_for) < 12:
        assert per == length_in_months(set_for)
    elif set_for.contains(read):
        assert per == length_in_months(read)
    else:
        assert per is None
    assert judged == (per is None or per == length_in_months(assessed))
    if not judged:
        assert finding.evidence[BOUNDS_FOR] in ("a month", "a quarter", "a year")
        assert finding.family in (RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET)


#: A plug-in whose source sets a yearly range for a year's total of a count read monthly:
#: 300-420 children a year. Inferred from monthly readings, it would judge each month's
#: 30 or so against 300-420; declared, the months are not judged against it.
YEARLY_RANGE_PLUGIN = """\
format_version = 1

[authority]
id = "testshire"
name = "Testshire County Council"
domains = ["Safety"]

[[indicators]]
id = "missing"
name = "Children with a missing episode"
kind = "count"
polarity = "lower is better"
domain = "Safety"

[[ranges]]
indicator = "missing"
period = "2022-23"
lower = 300
upper = 420
{per}
[[targets]]
indicator = "missing"
period = "2022-23"
value = 400
{per}"""

MONTHS_2022_23 = [Month(2022, m) for m in range(4, 13)] + [Month(2023, m) for m in (1, 2, 3)]


def _yearly_range_profile(per: str = "") -> Scorecard:
    from corpparent.files import profile_from_toml

    profile = profile_from_toml(YEARLY_RANGE_PLUGIN.format(per=per), "testshire.toml")
    return Scorecard(profile.indicators, process=None)


def test_a_range_declared_for_a_years_values_never_judges_a_month() -> None:
    card_ = _yearly_range_profile('per = "year"')
    (expected,) = card_.indicators.ranges
    assert expected.per_months == 12
    readings = Readings([Reading("missing", m, 33.0) for m in MONTHS_2022_23])
    month = card_.assess(readings, MONTHS_2022_23[0])["missing"]
    assert month.range_finding is not None
    assert month.range_finding.status is Status.INSUFFICIENT_DATA
    assert month.range_finding.evidence[BOUNDS_FOR] == "a year"
    assert "for a year's count; 2022-04 is a month" in month.range_finding.explanation
    (target,) = month.target_findings
    assert target.status is Status.INSUFFICIENT_DATA
    year = card_.assess(readings, YEAR)["missing"]
    assert year.value == 12 * 33 == 396
    assert year.range_finding is not None
    assert year.range_finding.status is Status.MET
    assert year.target_findings[0].status is Status.MET


def test_without_the_declaration_the_length_is_inferred_from_the_readings() -> None:
    readings = Readings([Reading("missing", m, 33.0) for m in MONTHS_2022_23])
    month = _yearly_range_profile().assess(readings, MONTHS_2022_23[0])["missing"]
    assert month.range_finding is not None
    assert month.range_finding.evidence.get(BOUNDS_FOR) is None  # judged as a month's range


@pytest.mark.parametrize(("set_for", "months", "why"), [
    (QUARTERS[0], 12, "longer than the period it was set for"),
    (YEAR, 5, "must be one of [1, 3, 6, 12]"),
])
def test_a_declared_length_must_fit_its_period(set_for: Period, months: int, why: str) -> None:
    from corpparent.errors import DefinitionError

    with pytest.raises(DefinitionError, match=why.replace("[", r"\[").replace("]", r"\]")):
        ExpectedRange("missing", 1, 2, set_for, per_months=months)
    with pytest.raises(DefinitionError, match=why.replace("[", r"\[").replace("]", r"\]")):
        Target("missing", 1, TargetDirection.AT_MOST, set_for, per_months=months)


def test_a_declared_length_is_written_back_as_it_was_read() -> None:
    from corpparent.files import profile_from_toml, profile_to_toml

    profile = profile_from_toml(YEARLY_RANGE_PLUGIN.format(per='per = "quarter"'), "t.toml")
    again = profile_from_toml(profile_to_toml(profile), "again.toml")
    assert [r.per_months for r in again.indicators.ranges] == [3]
    assert [t.per_months for t in again.indicators.targets] == [3]


@given(kind=st.sampled_from(list(Kind)), set_for=st.sampled_from(_PERIODS),
       read=st.sampled_from(_PERIODS), value=st.floats(0, 100))
def test_declaring_the_length_the_readings_imply_changes_nothing(
        kind: Kind, set_for: Period, read: Period, value: float) -> None:
    indicator = Indicator("x", "x", kind, Polarity.LOWER_IS_BETTER)
    readings = Readings([Reading("x", read, value)])
    inferred = bounds_length(indicator, set_for, readings)
    if inferred is None:
        return
    declared = ExpectedRange("x", 10, 20, set_for, per_months=inferred)
    plain = ExpectedRange("x", 10, 20, set_for)
    for assessed in _PERIODS:
        with_declared = Scorecard(IndicatorSet([indicator], [declared]), process=None)
        without = Scorecard(IndicatorSet([indicator], [plain]), process=None)
        assert [f.status for f in with_declared.assess(readings, assessed)["x"].findings] == [
            f.status for f in without.assess(readings, assessed)["x"].findings]
