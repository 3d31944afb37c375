"""The Making Data Count rules where corpparent once read them wrongly: two of three counts
only points inside the limits, a baseline that screening leaves flat judges nothing,
an earlier group's trial limits are said, and a target on a limit is hit and miss. Each
expected value is worked by hand below from the rule as its source states it (reference
notes §5: NHS England's SPC SQL v2.6 and NHSRplotthedots)."""

from __future__ import annotations

import math
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import assume, given, strategies as st

from corpparent import (
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Status,
    Target,
)
from corpparent.families import NotJudged, RuleFamily
from corpparent.ranges import TargetDirection
from corpparent.report.backends.process_svg import process_chart, process_legend
from corpparent.report.composer import chart_block
from corpparent.report.process import NOT_JUDGED, chart_out, trial_note
from corpparent.spc import (
    Assurance,
    LimitsNote,
    SpecialCause,
    Variation,
    XmRChart,
    XmROptions,
    assurance,
    assurance_finding,
    chart_findings,
    limits_findings,
    signal_findings,
    variation,
    variation_finding,
    xmr,
)
from spc_support import close_to_a_line

HIGHER, LOWER = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
DOCS = Path(__file__).resolve().parent.parent / "docs" / "spc.md"

# 10 and 12 in turn, 14 points: the mean is 11 and the 13 moving ranges are all 2 (none
# 3.267 × 2 or more, so none is screened): limits 11 ± 2.66 × 2 = 5.68 to 16.32, one
# sigma 2.66 × 2 / 3 = 1.7733, two-sigma lines 7.4533 and 14.5467.
STEADY = [10.0, 12.0] * 7


def two_of_three(chart: XmRChart) -> list[bool]:
    """Each point's two-of-three label as the library gives it, before the precedence
    of the rules chooses the one reported."""
    return [any(f.cause is SpecialCause.TWO_OF_THREE for f in chart.firings_at(i))
            for i in range(len(chart.values))]


def two_of_three_by_the_rule(values: list[float], mean: float, lower: float, upper: float,
                             sigma: float) -> list[bool]:
    """The rule read point by point (NHSRplotthedots, ``R/ptd_calculate_point_type.R``:
    a point is close to a limit when it is not outside the limits and lies beyond the
    two-sigma line; NHS England's SQL v2.6, since v2.1: the third point on the same side
    of the mean). A point is labelled when it is close to a limit on one side and some
    three points in a row that include it lie on that side of the mean with at least two
    of them close to that side's limit."""
    if sigma <= 0:
        return [False] * len(values)

    def close(v: float, sign: int) -> bool:
        return sign * (v - mean) > 2 * sigma and lower <= v <= upper

    labels = []
    for i, value in enumerate(values):
        found = False
        for sign in (1, -1):
            if not close(value, sign):
                continue
            for first in range(max(0, i - 2), min(i, len(values) - 3) + 1):
                window = values[first:first + 3]
                if (all(sign * (v - mean) > 0 for v in window)
                        and sum(close(v, sign) for v in window) >= 2):
                    found = True
        labels.append(found)
    return labels


# -- 1. two of three: only points inside the limits are close to a limit -------------


def test_a_point_beyond_the_limit_is_not_close_to_it() -> None:
    """STEADY, then 15, 17, 12 (limits held from the 14 steady points): 15 lies between
    the two-sigma line 14.5467 and the limit 16.32, so it is close to the upper limit;
    17 is beyond 16.32, outside the limits and not close to them; 12 is below the
    two-sigma line. Of the three in a row 12, 15, 17 (all above the mean of 11) one is
    close, so two of three does not fire: 15 is common cause and 17 outside the limits.
    With 15, 12, 16 instead, 15 and 16 (16 ≤ 16.32) are both close: two of three."""
    beyond = xmr([*STEADY, 15, 17, 12], options=XmROptions(baseline=14))
    assert (beyond.mean, beyond.lower_limit, beyond.upper_limit) == pytest.approx(
        (11, 5.68, 16.32))
    assert beyond.limits.upper_two_sigma == pytest.approx(11 + 2 * 2.66 * 2 / 3)
    assert not any(two_of_three(beyond))
    assert beyond.points[14].signal is None
    signal = beyond.points[15].signal
    assert signal is not None
    assert signal.cause is SpecialCause.OUTSIDE_LIMITS
    inside = xmr([*STEADY, 15, 12, 16], options=XmROptions(baseline=14))
    assert [i for i, flagged in enumerate(two_of_three(inside)) if flagged] == [14, 16]
    assert [s.cause for s in inside.signals] == [SpecialCause.TWO_OF_THREE]


# Whole numbers: noise about one level, or a walk of small steps, which drifts near and
# beyond its limits often.
NOISE = st.lists(st.integers(-50, 50).map(float), min_size=3, max_size=40)
WALKS = st.lists(st.integers(-6, 6), min_size=3, max_size=40).map(
    lambda steps: [float(v) for v in accumulate(steps)])
SERIES = NOISE | WALKS
OPTIONS = st.builds(XmROptions, screen_outliers=st.booleans(),
                    baseline=st.none() | st.integers(2, 20))


@given(SERIES, OPTIONS)
def test_two_of_three_labels_match_the_rule_point_by_point(values: list[float],
                                                           chosen: XmROptions) -> None:
    chart = xmr(values, options=chosen)
    assume(not close_to_a_line(chart))
    limits = chart.limits
    expected = two_of_three_by_the_rule(values, limits.mean, limits.lower, limits.upper,
                                        limits.sigma)
    assert two_of_three(chart) == expected
    for point in chart.points:  # the one reported is among them
        if point.signal is not None and point.signal.cause is SpecialCause.TWO_OF_THREE:
            assert expected[point.index]


# -- 2. a baseline that screening leaves flat ----------------------------------------


def test_one_one_one_one_two_sets_no_limits_and_says_why() -> None:
    """1, 1, 1, 1, 2: the mean is 6/5 = 1.2; the moving ranges 0, 0, 0, 1 average 1/4,
    and 1 is at least 3.267 × 1/4 = 0.817, so screening (NHSRplotthedots' default) leaves
    it out and the other three average 0: no limits can be set. The values are not all
    1.2 (none is), and the latest, 2, is in no run or trend, so nothing says it is common
    cause variation: its variation is not judged."""
    chart = xmr([1.0, 1, 1, 1, 2], polarity=HIGHER)
    assert chart.mean == pytest.approx(1.2)
    assert (chart.limits.average_moving_range, chart.limits.screened) == (0, 1)
    assert not chart.varies
    (flat, trial) = limits_findings(chart)
    assert flat.evidence["note"] == LimitsNote.NO_VARIATION.value
    assert flat.evidence["screened"] == 1
    assert "are all" not in flat.explanation
    assert "not all the same" in flat.explanation
    assert "only one of their 4 moving ranges that is not 0" in flat.explanation
    assert "3.267" in flat.explanation
    assert trial.outcome is LimitsNote.TRIAL
    judged = variation_finding(chart)
    assert judged.status is Status.INSUFFICIENT_DATA
    assert judged.outcome is NotJudged.INSUFFICIENT_DATA
    assert "common cause" not in judged.explanation
    assert "not judged" in judged.explanation
    found = chart_findings(chart, targets=(1.5,))
    assert not any(f.status is Status.MET for f in found)
    assert not any("common cause" in f.explanation for f in found)


def test_without_screening_the_same_series_sets_limits() -> None:
    """Without screening (the Making Data Count Excel tool) the average moving range is
    1/4 and the limits 1.2 ± 2.66/4 = 0.535 to 1.865: 2 lies above them, a special
    cause improvement where higher is better."""
    chart = xmr([1.0, 1, 1, 1, 2], polarity=HIGHER,
                options=XmROptions(screen_outliers=False))
    assert (chart.lower_limit, chart.upper_limit) == pytest.approx((0.535, 1.865))
    assert variation(chart) is Variation.IMPROVEMENT_HIGH
    assert variation_finding(chart).outcome is Variation.IMPROVEMENT_HIGH


def test_values_that_are_all_the_same_are_still_said_to_be() -> None:
    """7, 7, 7, 7 set the limits of 7, 7, 7, 7, 9: every moving range is 0 and none is
    screened, so "the 4 values ... are all 7" is true."""
    flat = xmr([7.0, 7, 7, 7, 9], options=XmROptions(baseline=4))
    (note, _trial) = limits_findings(flat)
    assert "the 4 values the limits are set from are all 7" in note.explanation
    assert note.evidence["screened"] == 0


def test_a_trend_is_still_read_where_no_limits_can_be_set() -> None:
    """7, 7, 7 then 9, 12, ... 27 (limits fixed on the first 3, all 7): 7, 9, ... 27
    rise for 8 points, a trend, which needs no limits: the latest point's variation is
    that trend, said without limits."""
    held = xmr([7.0, 7, 7, 9, 12, 15, 18, 21, 24, 27], polarity=HIGHER,
               options=XmROptions(baseline=3))
    judged = variation_finding(held)
    assert judged.outcome is Variation.IMPROVEMENT_HIGH
    assert "no process limits can be set" in judged.explanation


def test_the_scorecard_gives_no_common_cause_verdict_without_limits() -> None:
    """Thirteen quarters of 0 and then 1: the moving ranges are twelve 0s and a 1, whose
    average is 1/13; 1 is at least 3.267/13 = 0.251, so it is screened out and no limits
    can be set, though the chart has 14 points (not trial limits)."""
    x = Indicator("x", "An indicator", Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
    values = [0.0] * 13 + [1.0]
    readings = Readings([Reading("x", FinancialQuarter(2019 + i // 4, i % 4 + 1), v)
                         for i, v in enumerate(values)])
    end = max(r.period for r in readings)
    assessment = Scorecard(IndicatorSet([x])).assess(readings, end)["x"]
    assert assessment.chart is not None
    assert not assessment.chart.trial
    assert not assessment.chart.varies
    assert assessment.variation is None
    (judged,) = assessment.of_family(RuleFamily.VARIATION)
    assert judged.status is Status.INSUFFICIENT_DATA
    assert not any("common cause" in f.explanation for f in assessment.findings)
    # the chart and the scorecard's variation column say the same as the finding
    shown = chart_out(assessment.chart)
    assert shown.variation == NOT_JUDGED
    assert "common cause" not in chart_block("x", shown, str).caption


# -- 3. an earlier group's trial limits ----------------------------------------------

# 20, 20, 21, 21, 25, then STEADY + 20 rebased: the first group's mean is 107/5 = 21.4 and
# its moving ranges 0, 1, 0, 4 average 5/4 (4 is below 3.267 × 5/4 = 4.08, so none is
# screened): limits 21.4 ± 2.66 × 1.25 = 18.075 to 24.725, so 25 is beyond the upper
# limit. Five points are fewer than 13: trial limits. The second group is STEADY shifted
# by 20, 14 points: mean 31, limits 25.68 to 36.32, no signal, not trial.
REBASED = [20.0, 20, 21, 21, 25, *(v + 20 for v in STEADY)]


def rebased() -> XmRChart:
    return xmr(REBASED, polarity=HIGHER, rebase=[5])


def test_a_short_first_group_says_its_limits_are_trial_limits() -> None:
    chart = rebased()
    first, last = chart.groups
    assert first.limits.upper == pytest.approx(24.725)
    assert (first.trial, last.trial, chart.trial) == (True, False, False)
    (note,) = limits_findings(chart)
    assert note.outcome is LimitsNote.TRIAL
    assert note.evidence["trial"] is True
    assert note.evidence["points"] == "point 1 to point 5"
    assert note.evidence["baseline_points"] == 5
    assert "(point 1 to point 5): trial limits: set from 5 points, fewer than the 13" in (
        note.explanation)
    (signal,) = signal_findings(chart)
    assert signal.rule == str(SpecialCause.OUTSIDE_LIMITS)
    assert signal.evidence["points"] == "point 5"
    assert signal.evidence["trial"] is True
    assert "judged against trial limits, set from 5 points" in signal.explanation
    latest = variation_finding(chart)
    assert latest.outcome is Variation.COMMON_CAUSE
    assert latest.evidence["trial"] is False


def test_a_signal_against_limits_that_are_not_trial_says_so() -> None:
    """The same series with 5 as the minimum: no limits are trial limits."""
    chart = xmr(REBASED, polarity=HIGHER, rebase=[5], options=XmROptions(minimum_points=5))
    assert limits_findings(chart) == ()
    (signal,) = signal_findings(chart)
    assert signal.evidence["trial"] is False
    assert "trial" not in signal.explanation


def test_the_chart_names_the_points_with_trial_limits() -> None:
    out = chart_out(rebased())
    assert [p.trial for p in out.points] == [True] * 5 + [False] * 14
    assert not out.trial
    said = " Trial limits, from too few points to rely on, for 1 to 5."
    assert trial_note(out) == said
    assert said in chart_block("x", out, str).caption
    assert said.strip() in process_chart(out, "x", "chart-x", str)
    assert said.strip() in process_legend(out)
    # A chart whose every point has trial limits says it once, as before.
    short = chart_out(xmr([1.0, 2, 3, 2]))
    assert short.trial
    assert trial_note(short) == ""


# -- 4. a target on a limit ----------------------------------------------------------


def test_a_target_on_a_limit_is_hit_and_miss() -> None:
    """NHSRplotthedots (``R/ptd_calculate_assurance_type.R``): a target above the upper
    limit is a consistent fail where higher is better (a consistent pass where lower is),
    one below the lower limit the mirror, and any other "inconsistent": on a limit,
    hit and miss. STEADY's limits are 5.68 and 16.32."""
    up = xmr(STEADY, polarity=HIGHER)
    down = xmr(STEADY, polarity=LOWER)
    lower, upper = up.lower_limit, up.upper_limit
    assert (lower, upper) == pytest.approx((5.68, 16.32))
    for chart in (up, down):
        for level in (lower, upper):
            assert assurance(chart, level) is Assurance.HIT_AND_MISS
    assert assurance(up, math.nextafter(lower, -math.inf)) is Assurance.CONSISTENTLY_MET
    assert assurance(up, math.nextafter(upper, math.inf)) is Assurance.CONSISTENTLY_MISSED
    assert assurance(down, math.nextafter(upper, math.inf)) is Assurance.CONSISTENTLY_MET
    assert assurance(down, math.nextafter(lower, -math.inf)) is Assurance.CONSISTENTLY_MISSED
    at_least = Target("x", upper, TargetDirection.AT_LEAST, FinancialQuarter(2020, 1))
    at_most = Target("x", lower, TargetDirection.AT_MOST, FinancialQuarter(2020, 1))
    assert assurance(up, at_least) is Assurance.HIT_AND_MISS
    assert assurance(up, at_most) is Assurance.HIT_AND_MISS
    judged = assurance_finding(up, upper)
    assert judged is not None
    assert judged.outcome is Assurance.HIT_AND_MISS
    assert judged.status is Status.WARNING


def test_the_differences_from_the_references_are_stated_in_the_docs() -> None:
    """docs/spc.md states where corpparent departs from NHS England's SQL, as tested
    above: a target on a limit, and a point beyond the limit in two of three."""
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert "exactly on a process limit is **hit and miss**" in text
    assert "a point beyond the process limit is not close to it" in text
