"""A range or target for another length of period than the one assessed does not apply to
it: a year's total target beside a quarter's figure neither judges the quarter nor makes
its headline insufficient when the quarter's range judged it, and the run's warning says
only that the target was not applied."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Status,
    Target,
)
from corpparent.ranges import TargetDirection
from corpparent.runs import ScorecardRun, assess_scorecard

FY24 = FinancialYear(2024)
QUARTERS = [FinancialQuarter(2024, q) for q in (1, 2, 3, 4)]
MISSING = Indicator("missing_episodes", "Missing episodes", Kind.COUNT,
                    Polarity.LOWER_IS_BETTER)
#: The trial's figures: 22, 31, 25 and 27 episodes a quarter in 2024-25, a range of
#: 20-30 a quarter and a target of at most 100 for the year's total.
BY_QUARTER = (22.0, 31.0, 25.0, 27.0)


def _indicators(*, quarter_range: bool = True, year_target: bool = True) -> IndicatorSet:
    ranges = [ExpectedRange(MISSING.id, 20, 30, FY24, per_months=3)] if quarter_range else []
    targets = ([Target(MISSING.id, 100, TargetDirection.AT_MOST, FY24, per_months=12)]
               if year_target else [])
    return IndicatorSet([MISSING], ranges, targets)


def _run(indicators: IndicatorSet, values: tuple[float, ...] = BY_QUARTER,
         period: FinancialQuarter = QUARTERS[3]) -> ScorecardRun:
    readings = Readings([Reading(MISSING.id, q, v) for q, v in zip(QUARTERS, values,
                                                                 strict=True)])
    return assess_scorecard(readings, [period], indicators=indicators, process=None)


def test_a_years_target_beside_a_quarters_range_leaves_the_range_the_headline() -> None:
    run = _run(_indicators())
    result = run.periods[0].result[MISSING.id]
    assert result.range_finding is not None
    assert result.range_finding.status is Status.MET  # 27 lies within 20-30
    (target,) = result.target_findings
    assert target.status is Status.INSUFFICIENT_DATA  # a year's target, a quarter's 27
    assert result.headline is Status.MET
    warnings = [str(w) for w in run.all_warnings]
    assert ("the target of missing_episodes for a year's figures is not applied to "
            "2024-25 Q4, judged by its range alone: a count or rate grows with the length "
            "of its period") in warnings, warnings
    assert not any("not judged for 2024-25 Q4" in w for w in warnings), warnings


def test_a_quarter_outside_its_range_is_breached_whatever_the_years_target() -> None:
    run = _run(_indicators(), period=QUARTERS[1])
    assert run.periods[0].result[MISSING.id].headline is Status.BREACHED  # 31 > 30


def test_with_only_the_years_target_a_quarter_stays_not_judged() -> None:
    run = _run(_indicators(quarter_range=False))
    assert run.periods[0].result[MISSING.id].headline is Status.INSUFFICIENT_DATA
    warnings = [str(w) for w in run.all_warnings]
    assert any(w.startswith("the ranges or targets of missing_episodes are for a year's "
                            "figures, so it is not judged for 2024-25 Q4") for w in warnings)
    assert not any("not applied" in w for w in warnings), warnings


@given(values=st.tuples(*[st.integers(0, 60).map(float)] * 4),
       quarter=st.integers(0, 3))
def test_the_years_target_never_changes_a_quarters_headline(
        values: tuple[float, ...], quarter: int) -> None:
    with_target = _run(_indicators(), values, QUARTERS[quarter])
    without = _run(_indicators(year_target=False), values, QUARTERS[quarter])
    value = values[quarter]
    # lower is better: below 20-30 is better than expected, above it a breach
    expected = (Status.EXCEEDED if value < 20 else Status.MET if value <= 30
                else Status.BREACHED)
    assert with_target.periods[0].result[MISSING.id].headline is expected
    assert without.periods[0].result[MISSING.id].headline is expected


def test_a_public_papers_headline_keeps_the_year_target_out_too() -> None:
    """Where a public paper withholds the previous quarter's small count (3), and with it
    the direction of travel from it, the headline is worked out again from the findings
    left: the year's target still does not apply to the quarter, which its range judged
    met."""
    from corpparent import Scorecard
    from corpparent.report import finish, make_provenance, scorecard_report

    readings = Readings([Reading(MISSING.id, q, v)
                         for q, v in zip(QUARTERS, (22.0, 25.0, 3.0, 27.0), strict=True)])
    result = Scorecard(_indicators(), process=None).assess(readings, QUARTERS[3])
    internal = scorecard_report(result, make_provenance(), authority="Test")
    public = finish(internal, "json", profile="public")
    [item] = public.indicators
    assert [p.value for p in item.trend][2] is None  # the 3 withheld
    assert item.status is Status.MET
