"""XmR charts on worked examples whose limits and signals are worked out here, by hand
or by a separate small computation, from the conventions of NHS England's SPC SQL v2.6
and NHSRplotthedots (reference notes §5)."""

from __future__ import annotations

from statistics import fmean

import pytest

from corpparent import DefinitionError, FinancialYear, Polarity, Status
from corpparent.families import RuleFamily
from corpparent.spc import (
    Assurance,
    Limits,
    LimitsNote,
    Nature,
    Side,
    SpecialCause,
    Variation,
    XmROptions,
    assurance,
    chart_findings,
    firings,
    limits_findings,
    process_range,
    variation,
    xmr,
)

HIGHER, LOWER, NEUTRAL = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, Polarity.NEUTRAL


def reference_limits(values: list[float], screen: bool) -> tuple[float, float, float]:
    """Mean, lower and upper limit worked out directly from the published formulas:
    mean ± 2.66 × average moving range, leaving out moving ranges at or above 3.267 times
    their average when screening."""
    mean = sum(values) / len(values)
    ranges = [abs(values[i] - values[i - 1]) for i in range(1, len(values))]
    average = sum(ranges) / len(ranges)
    if screen:
        kept = [r for r in ranges if not r >= 3.267 * average]
        average = sum(kept) / len(kept)
    return mean, mean - 2.66 * average, mean + 2.66 * average


def test_thirteen_points_by_hand() -> None:
    """10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 14, 13: the sum is 172, so the mean is
    172/13; the twelve moving ranges 2,1,2,1,2,1,2,1,2,1,1,1 sum to 17, so the average
    is 17/12 and the limits are 172/13 ± 2.66 × 17/12 (none is 3.267 × 17/12 = 4.63 or
    more, so screening changes nothing)."""
    chart = xmr([10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 14, 13])
    assert chart.mean == pytest.approx(172 / 13)
    assert chart.lower_limit == pytest.approx(172 / 13 - 2.66 * 17 / 12)
    assert chart.upper_limit == pytest.approx(172 / 13 + 2.66 * 17 / 12)
    assert not chart.trial
    assert chart.limits.screened == 0


def test_screening_on_and_off() -> None:
    """The moving ranges of 5,5,6,5,6,5,20,5,6,5,6,5,6 are 0,1,1,1,1,15,15,1,1,1,1,1:
    average 39/12 = 3.25. Screening drops the two of 15 (at or above 3.267 × 3.25 =
    10.6), leaving 9/10 = 0.9 (NHSRplotthedots); without it the average stays 3.25 (the
    Making Data Count Excel tool). The mean is 85/13 either way, and 20 is beyond the
    upper limit in both."""
    values = [5.0, 5, 6, 5, 6, 5, 20, 5, 6, 5, 6, 5, 6]
    screened = xmr(values)
    unscreened = xmr(values, options=XmROptions(screen_outliers=False))
    assert screened.mean == pytest.approx(85 / 13)
    assert screened.limits.average_moving_range == pytest.approx(0.9)
    assert screened.limits.screened == 2
    assert unscreened.limits.average_moving_range == pytest.approx(3.25)
    for chart, screen in ((screened, True), (unscreened, False)):
        mean, lower, upper = reference_limits(values, screen)
        assert (chart.mean, chart.lower_limit, chart.upper_limit) == pytest.approx(
            (mean, lower, upper))
        six = chart.points[6].signal
        assert six is not None
        assert (six.cause, six.side) == (SpecialCause.OUTSIDE_LIMITS, Side.HIGH)


def test_a_rebase_gives_each_group_its_own_limits() -> None:
    before = [10.0, 11, 9, 10, 12, 10, 9, 11]
    after = [20.0, 22, 19, 21, 20, 23, 21, 20]
    chart = xmr(before + after, rebase=[8])
    assert [(g.start, g.stop) for g in chart.groups] == [(0, 8), (8, 16)]
    first, last = chart.groups
    assert (first.limits.mean, first.limits.lower, first.limits.upper) == pytest.approx(
        reference_limits(before, True))
    assert (chart.mean, chart.lower_limit, chart.upper_limit) == pytest.approx(
        reference_limits(after, True))
    assert last.trial  # 8 points each, fewer than 13
    assert first.trial
    # Without the rebase, the step from about 10 to about 20 is special cause.
    assert any(p.signal is not None for p in xmr(before + after).points)
    assert all(p.signal is None for p in chart.points)


def test_a_rebase_by_period() -> None:
    periods = [FinancialYear(2010 + i) for i in range(6)]
    chart = xmr([1.0, 2, 1, 5, 6, 5], periods=periods, rebase=[FinancialYear(2013)])
    assert [g.start for g in chart.groups] == [0, 3]
    with pytest.raises(DefinitionError, match="no such period"):
        xmr([1.0, 2, 1], periods=periods[:3], rebase=[FinancialYear(2030)])
    with pytest.raises(DefinitionError, match="at least 2 points"):
        xmr([1.0, 2, 1], rebase=[2])


def test_a_fixed_baseline_holds_the_limits_of_its_first_points() -> None:
    values = [10.0, 12, 11, 13, 12, 30, 31, 32]
    chart = xmr(values, options=XmROptions(baseline=5))
    assert (chart.mean, chart.lower_limit, chart.upper_limit) == pytest.approx(
        reference_limits(values[:5], True))
    assert [p.index for p in chart.points if p.signal is not None
            and p.signal.cause is SpecialCause.OUTSIDE_LIMITS] == [5, 6, 7]


def test_a_series_shorter_than_the_minimum_has_trial_limits_and_says_so() -> None:
    chart = xmr([3.0, 4, 3, 5, 4])
    assert chart.trial
    notes = limits_findings(chart)
    assert [f.outcome for f in notes] == [LimitsNote.TRIAL]
    assert "trial limits: set from 5 points, fewer than the 13" in notes[0].explanation
    assert not xmr([3.0, 4, 3, 5, 4], options=XmROptions(minimum_points=5)).trial


def test_a_zero_moving_range_is_a_finding_not_a_division_by_zero() -> None:
    chart = xmr([7.0] * 14, polarity=HIGHER)
    assert not chart.varies
    assert chart.lower_limit == chart.upper_limit == 7
    assert all(p.signal is None for p in chart.points)
    notes = limits_findings(chart)
    assert [f.evidence["note"] for f in notes] == [LimitsNote.NO_VARIATION.value]
    assert notes[0].status is Status.INSUFFICIENT_DATA
    assert notes[0].family is RuleFamily.PROCESS_LIMITS
    assert "average moving range is 0" in notes[0].explanation
    assert assurance(chart, 5) is None
    assert process_range(chart, "x", FinancialYear(2022)) is None
    # After a flat fixed baseline, later values differ, and still nothing divides by 0.
    held = xmr([7.0, 7, 7, 9, 12, 15, 18, 21, 24, 27], options=XmROptions(baseline=3))
    assert not held.varies
    # 7, 9, 12, ... 27 rise for 8 points; 9 to 27 are also 7 above the mean of 7, a run
    # the trend takes precedence over.
    assert {f.cause for f in held.firings} == {SpecialCause.TREND, SpecialCause.RUN}
    assert [p.index for p in held.points if p.signal is not None] == list(range(2, 10))


# The rules, against limits set by hand: mean 0, average moving range 3, so the limits
# are ±7.98 and the two-sigma lines ±5.32.
HAND = Limits(mean=0.0, average_moving_range=3.0, baseline_points=20)


def causes(values: list[float], **lengths: int) -> set[tuple[SpecialCause, Side, tuple[int, ...]]]:
    return {(f.cause, f.side, f.points) for f in firings(values, HAND, **lengths)}


def test_a_point_beyond_a_limit() -> None:
    assert causes([8.0, -7.9, -8.0]) == {
        (SpecialCause.OUTSIDE_LIMITS, Side.HIGH, (0,)),
        (SpecialCause.OUTSIDE_LIMITS, Side.LOW, (2,))}


def test_a_run_of_seven_and_the_option_of_six() -> None:
    seven = [1.0, 2, 1, 2, 1, 2, 1]
    assert causes(seven) == {(SpecialCause.RUN, Side.HIGH, tuple(range(7)))}
    assert causes(seven[:6]) == set()
    assert causes(seven[:6], run_length=6) == {(SpecialCause.RUN, Side.HIGH, tuple(range(6)))}
    assert causes([-1.0, -2, -1, 0, -1, -2, -1, -2]) == set()  # the point on the mean breaks it


def test_a_trend_of_seven_and_an_equal_pair_breaking_it() -> None:
    rising = [-3.0, -2, -1, 0.5, 1, 2, 3]
    assert causes(rising) == {(SpecialCause.TREND, Side.HIGH, tuple(range(7)))}
    assert causes([-3.0, -2, -1, -1, 1, 2, 3, 4]) == set()
    falling = [3.0, 2, 1, -0.5, -1, -2]
    assert causes(falling, trend_length=6) == {(SpecialCause.TREND, Side.LOW, tuple(range(6)))}


def test_two_of_three_beyond_two_sigma_on_one_side() -> None:
    assert causes([6.0, 1, 6]) == {(SpecialCause.TWO_OF_THREE, Side.HIGH, (0, 2))}
    assert causes([6.0, -1, 6]) == set()  # the third point is on the other side of the mean
    assert causes([-6.0, -6, -1]) == {(SpecialCause.TWO_OF_THREE, Side.LOW, (0, 1))}
    assert causes([6.0, -6, 6]) == set()


def test_lengths_shorter_than_six_are_refused() -> None:
    with pytest.raises(DefinitionError, match="at least 6"):
        XmROptions(run_length=5)


def test_one_rule_per_point_by_precedence() -> None:
    """The baseline's 12 values have mean 0.3/12 = 0.025 and moving ranges summing to 2.0,
    so the upper limit is 0.025 + 2.66 × 2/11 = 0.509 and the two-sigma line 0.347.
    From the 11th point, -0.1, 0, 0.05, ... 0.3, 2.0 rise for 9 points; the last 7 are a
    run above the mean, and 2.0 is beyond the limit: each point is reported once,
    outside before trend before run."""
    values = [0.0, 0.2, 0.1, -0.1, 0.1, 0.0, 0.2, -0.2, 0.0, 0.1, -0.1, 0.0,
              0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 2.0]
    chart = xmr(values, options=XmROptions(baseline=12))
    assert chart.upper_limit == pytest.approx(0.025 + 2.66 * 2 / 11)
    reported = [None if p.signal is None else p.signal.cause for p in chart.points]
    assert reported[18] is SpecialCause.OUTSIDE_LIMITS
    assert reported[10:18] == [SpecialCause.TREND] * 8
    assert reported[:10] == [None] * 10
    # 2.0 is beyond the limit, ends the trend and the run; of 0.25, 0.3, 2.0 only one is
    # beyond two sigma, so no two of three.
    assert {f.cause for f in chart.firings_at(18)} == {
        SpecialCause.OUTSIDE_LIMITS, SpecialCause.TREND, SpecialCause.RUN}
    runs = [f for f in chart.firings if f.cause is SpecialCause.RUN]
    assert [f.points for f in runs] == [tuple(range(12, 19))]
    assert not any(s.cause is SpecialCause.RUN for s in chart.signals)
    points = [i for s in chart.signals for i in s.points]
    assert len(points) == len(set(points))


def test_polarity_names_improvement_and_concern_and_assurance() -> None:
    values = [10.0, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 14, 13, 40]
    up = xmr(values, polarity=HIGHER)
    down = xmr(values, polarity=LOWER)
    assert variation(up) is Variation.IMPROVEMENT_HIGH
    assert variation(down) is Variation.CONCERN_HIGH
    assert variation(xmr(values, polarity=NEUTRAL)) is Variation.NEITHER_HIGH
    assert up.points[-1].nature is Nature.IMPROVEMENT
    lower, upper = up.lower_limit, up.upper_limit
    assert assurance(up, lower - 1) is Assurance.CONSISTENTLY_MET
    assert assurance(up, (lower + upper) / 2) is Assurance.HIT_AND_MISS
    assert assurance(up, upper + 1) is Assurance.CONSISTENTLY_MISSED
    assert assurance(down, upper + 1) is Assurance.CONSISTENTLY_MET
    assert assurance(down, lower - 1) is Assurance.CONSISTENTLY_MISSED
    assert assurance(xmr(values, polarity=NEUTRAL), lower) is None


def test_chart_findings_name_their_rule_and_points() -> None:
    values = [10.0, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 14, 13, 40]
    found = chart_findings(xmr(values, polarity=LOWER), targets=(16.0,))
    by_family = {f.family: f for f in found}
    assert by_family[RuleFamily.VARIATION].status is Status.WARNING
    signal = by_family[RuleFamily.SPECIAL_CAUSE]
    assert signal.rule == "outside the process limits"
    assert signal.evidence["points"] == "point 14"
    assert "a concern" in signal.explanation
    assert by_family[RuleFamily.ASSURANCE].outcome is Assurance.HIT_AND_MISS


def test_bad_series_are_refused_clearly() -> None:
    with pytest.raises(DefinitionError, match="at least 2 values"):
        xmr([1.0])
    with pytest.raises(DefinitionError, match="finite"):
        xmr([1.0, float("nan")])
    with pytest.raises(DefinitionError, match="one each"):
        xmr([1.0, 2.0], periods=[FinancialYear(2020)])
    with pytest.raises(DefinitionError, match="must rise"):
        xmr([1.0, 2.0], periods=[FinancialYear(2021), FinancialYear(2020)])


def test_the_mean_is_the_plain_average_of_the_baseline() -> None:
    values = [3.5, 4.25, 5.0, 2.75]
    assert xmr(values).mean == pytest.approx(fmean(values))
