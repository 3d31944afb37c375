"""Properties of XmR charts that hold for every series: limits move with the data, signals
do not depend on units, polarity only swaps improvement and concern, and the signals
match a separate point-by-point reading of the four rules."""

from __future__ import annotations

from hypothesis import assume, given, strategies as st

from corpparent import Polarity
from corpparent.spc import (
    Assurance,
    Nature,
    SpecialCause,
    XmRChart,
    XmROptions,
    assurance,
    xmr,
)
from spc_support import close_to_a_line

# Whole numbers, so shifting and the means stay exact; a value within a hair of a limit
# is set aside where the comparison could round either way.
values_lists = st.lists(st.integers(-50, 50).map(float), min_size=2, max_size=40)
options = st.builds(
    XmROptions,
    screen_outliers=st.booleans(),
    baseline=st.none() | st.integers(2, 20),
    run_length=st.integers(6, 8),
    trend_length=st.integers(6, 8),
)
polarities = st.sampled_from(list(Polarity))


def reported(chart: XmRChart) -> list[SpecialCause | None]:
    return [None if p.signal is None else p.signal.cause for p in chart.points]


@given(values_lists, st.integers(-1000, 1000), options)
def test_limits_shift_with_a_constant_shift(values: list[float], shift: int,
                                            chosen: XmROptions) -> None:
    before = xmr(values, options=chosen)
    after = xmr([v + shift for v in values], options=chosen)
    assert abs(after.mean - (before.mean + shift)) < 1e-9 * (1 + abs(after.mean))
    assert abs(after.upper_limit - (before.upper_limit + shift)) < 1e-6
    assert abs(after.lower_limit - (before.lower_limit + shift)) < 1e-6
    assume(not close_to_a_line(before))
    assert reported(after) == reported(before)


@given(values_lists, st.sampled_from([0.01, 0.5, 2.0, 100.0, 1000.0]), options)
def test_limits_scale_and_signals_ignore_units(values: list[float], scale: float,
                                              chosen: XmROptions) -> None:
    """A proportion and the same figures as a percentage (× 100), or children and
    thousands of children: the same signals."""
    before = xmr(values, options=chosen)
    after = xmr([v * scale for v in values], options=chosen)
    for a, b in ((after.mean, before.mean), (after.upper_limit, before.upper_limit),
                 (after.lower_limit, before.lower_limit)):
        assert abs(a - b * scale) <= 1e-9 * (1 + abs(b * scale))
    assume(not close_to_a_line(before))
    assert reported(after) == reported(before)
    assert [s.side for s in after.signals] == [s.side for s in before.signals]


@given(values_lists, options)
def test_reversing_polarity_swaps_improvement_and_concern(values: list[float],
                                                          chosen: XmROptions) -> None:
    up = xmr(values, polarity=Polarity.HIGHER_IS_BETTER, options=chosen)
    down = xmr(values, polarity=Polarity.LOWER_IS_BETTER, options=chosen)
    neutral = xmr(values, polarity=Polarity.NEUTRAL, options=chosen)
    swap = {Nature.IMPROVEMENT: Nature.CONCERN, Nature.CONCERN: Nature.IMPROVEMENT, None: None}
    assert [swap[p.nature] for p in up.points] == [p.nature for p in down.points]
    assert all(p.nature in (None, Nature.NEITHER) for p in neutral.points)
    assert reported(up) == reported(down) == reported(neutral)


@given(values_lists, st.integers(2, 15), st.floats(0, 1), st.data())
def test_a_point_inside_the_limits_after_a_fixed_baseline_moves_no_other_point_out(
    values: list[float], baseline: int, where: float, data: st.DataObject
) -> None:
    assume(len(values) >= baseline)
    chosen = XmROptions(baseline=baseline)
    before = xmr(values, options=chosen)
    added = before.lower_limit + where * (before.upper_limit - before.lower_limit)
    position = data.draw(st.integers(baseline, len(values)), label="position")
    after = xmr([*values[:position], added, *values[position:]], options=chosen)
    # The limits are held, so beyond-the-limits signals elsewhere are the same points.
    assert (after.lower_limit, after.upper_limit) == (before.lower_limit, before.upper_limit)

    def outside(chart: XmRChart, skip: int | None) -> list[float]:
        return [chart.values[i] for f in chart.firings if f.cause is SpecialCause.OUTSIDE_LIMITS
                for i in f.points if i != skip]

    assert outside(after, position) == outside(before, None)


def brute_force(values: list[float], mean: float, lower: float, upper: float,
                sigma: float, run: int, trend: int) -> list[SpecialCause | None]:
    """Each point's reported rule, read window by window from the four rules' wording."""
    def side(v: float) -> int:
        return (v > mean) - (v < mean)

    n = len(values)
    found: list[SpecialCause | None] = []
    for i, value in enumerate(values):
        causes = set()
        if sigma > 0 and (value > upper or value < lower):
            causes.add(SpecialCause.OUTSIDE_LIMITS)
        for s in range(max(0, i - trend + 1), min(i, n - trend) + 1):
            window = values[s:s + trend]
            steps = [window[k + 1] - window[k] for k in range(len(window) - 1)]
            if all(d > 0 for d in steps) or all(d < 0 for d in steps):
                causes.add(SpecialCause.TREND)
        for s in range(max(0, i - 2), min(i, n - 3) + 1):
            window = values[s:s + 3]
            for sign in (1, -1):
                # Close to a limit: beyond two sigma, not beyond the limit.
                near = [sign * (v - mean) > 2 * sigma and lower <= v <= upper for v in window]
                if (sigma > 0 and sum(near) >= 2 and all(side(v) == sign for v in window)
                        and near[i - s]):
                    causes.add(SpecialCause.TWO_OF_THREE)
        for s in range(max(0, i - run + 1), min(i, n - run) + 1):
            signs = {side(v) for v in values[s:s + run]}
            if signs in ({1}, {-1}):
                causes.add(SpecialCause.RUN)
        found.append(min(causes, key=list(SpecialCause).index) if causes else None)
    return found


@given(values_lists, options)
def test_signals_match_the_rules_read_point_by_point(values: list[float],
                                                     chosen: XmROptions) -> None:
    chart = xmr(values, options=chosen)
    limits = chart.limits
    assume(not close_to_a_line(chart))
    assert reported(chart) == brute_force(
        values, limits.mean, limits.lower, limits.upper, limits.sigma,
        chosen.run_length, chosen.trend_length)


@given(values_lists, st.floats(-200, 200, allow_nan=False))
def test_reversing_polarity_swaps_consistently_met_and_missed(values: list[float],
                                                              target: float) -> None:
    up = xmr(values, polarity=Polarity.HIGHER_IS_BETTER)
    down = xmr(values, polarity=Polarity.LOWER_IS_BETTER)
    swap = {Assurance.CONSISTENTLY_MET: Assurance.CONSISTENTLY_MISSED,
            Assurance.CONSISTENTLY_MISSED: Assurance.CONSISTENTLY_MET,
            Assurance.HIT_AND_MISS: Assurance.HIT_AND_MISS, None: None}
    found = assurance(up, target)
    assert swap[found] is assurance(down, target)
    assert assurance(xmr(values, polarity=Polarity.NEUTRAL), target) is None
    if up.varies:
        between = up.lower_limit <= target <= up.upper_limit  # a limit is between
        assert (found is Assurance.HIT_AND_MISS) == between
    else:
        assert found is None


@given(values_lists, values_lists, options)
def test_a_rebased_group_is_charted_as_if_alone(first: list[float], second: list[float],
                                                 chosen: XmROptions) -> None:
    """Each group has its own limits and signals: runs and trends do not cross a rebase."""
    joined = xmr(first + second, rebase=[len(first)], options=chosen)
    alone = [xmr(first, options=chosen), xmr(second, options=chosen)]
    for group, single in zip(joined.groups, alone, strict=True):
        assert group.limits == single.limits
        assert group.trial == single.trial
    assert reported(joined) == reported(alone[0]) + reported(alone[1])
