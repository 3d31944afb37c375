"""Funnel plots (Spiegelhalter 2005): limits, over-dispersion and flags.

The expected limits are worked out here from the published formulae, in plain Python
(sums of binomial and Poisson probabilities from ``math.lgamma``), never by the
library's own code: Spiegelhalter, "Funnel plots for comparing institutional
performance", Statistics in Medicine 24 (2005) 1185-1202 (exact limits interpolated
between whole counts, ``(r_p - α)/n``; normal limits ``θ0 ± z_p √(θ0(1-θ0)/n)``), and
"Handling over-dispersion of performance indicators", Qual Saf Health Care 14 (2005)
347-351 (φ from 10% winsorised z-scores; τ² by the moment estimate).
"""

from __future__ import annotations

import itertools
import math
from statistics import NormalDist

import pytest
from hypothesis import assume, given, settings, strategies as st

from corpparent.benchmarking.funnel import (
    Dispersion,
    Flag,
    FunnelRow,
    Kind,
    Method,
    funnel,
)
from corpparent.errors import CorpparentError, DataError

# Wiltshire, long-term placement stability, year ending 31 March 2025 (EES
# la_cla_placement_stability.csv): 102 of 145 children; England 19,680 of 28,710.
ENGLAND_STABLE = 19_680 / 28_710
# Wiltshire, children looked after at 31 March 2025 (EES
# cla_number_and_rate_per_10k_children.csv): 478 of 104,201 children; England 81,770 of
# 12,183,016.
ENGLAND_LOOKED_AFTER = 81_770 / 12_183_016


def binomial_probabilities(n: int, theta: float) -> list[float]:
    """P(Y = k) for k = 0..n, Y ~ Binomial(n, θ)."""
    return [math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                     + k * math.log(theta) + (n - k) * math.log1p(-theta))
            for k in range(n + 1)]


def poisson_probabilities(mean: float) -> list[float]:
    """P(Y = k) for k = 0 up to far beyond the mean, Y ~ Poisson(mean)."""
    top = int(mean + 12 * math.sqrt(mean) + 30)
    return [math.exp(k * math.log(mean) - mean - math.lgamma(k + 1)) for k in range(top)]


def interpolated_quantile(probabilities: list[float], p: float) -> float:
    """The paper's interpolated exact quantile of a count: ``r_p - α`` with ``r_p`` the
    smallest count with F(r_p) ≥ p and α = (F(r_p) - p) / (F(r_p) - F(r_p - 1))."""
    below = 0.0
    for r, probability in enumerate(probabilities):
        at = below + probability
        if at >= p:
            return r - (at - p) / (at - below)
        below = at
    raise AssertionError("p beyond the probabilities given")


def exact_limit(kind: Kind, n: float, theta: float, p: float) -> float:
    """The limit per unit, clipped to what a figure can be."""
    if kind is Kind.PROPORTION:
        value = interpolated_quantile(binomial_probabilities(round(n), theta), p) / round(n)
        return min(max(value, 0.0), 1.0)
    return max(interpolated_quantile(poisson_probabilities(theta * n), p) / n, 0.0)


def type7(values: list[float], q: float) -> float:
    """R's default percentile: linear interpolation between order statistics."""
    ordered = sorted(values)
    h = (len(ordered) - 1) * q
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


def phi_by_hand(z: list[float]) -> float:
    low, high = type7(z, 0.1), type7(z, 0.9)
    return sum(min(max(v, low), high) ** 2 for v in z) / len(z)


def test_worked_example_exact_binomial_limits_at_wiltshires_denominator() -> None:
    rows = [FunnelRow("Wiltshire", 102, 145), FunnelRow("Other", 600, 900)]
    found = funnel(rows, Kind.PROPORTION, target=ENGLAND_STABLE * 100,
                   dispersion=Dispersion.NONE)
    limits = found.points[0].limits
    assert limits is not None
    for shown, p in ((limits.lower_998, 0.001), (limits.lower_95, 0.025),
                     (limits.upper_95, 0.975), (limits.upper_998, 0.999)):
        assert shown == pytest.approx(100 * exact_limit(Kind.PROPORTION, 145,
                                                        ENGLAND_STABLE, p), abs=1e-9)
    # 70.3% of 145 children is inside limits of about 60.5% to 75.7% at 95%, near the
    # normal approximation's 61.0% to 76.1%
    assert 60 < limits.lower_95 < 61
    assert 75 < limits.upper_95 < 76
    assert found.points[0].flag_95 is Flag.WITHIN


def test_worked_example_exact_poisson_limits_per_10000() -> None:
    rows = [FunnelRow("Wiltshire", 478, 104_201), FunnelRow("Other", 900, 150_000)]
    found = funnel(rows, Kind.RATE, target=ENGLAND_LOOKED_AFTER * 1e4,
                   dispersion=Dispersion.NONE)
    limits = found.points[0].limits
    assert limits is not None
    assert found.per == 10_000
    for shown, p in ((limits.lower_998, 0.001), (limits.upper_998, 0.999)):
        assert shown == pytest.approx(1e4 * exact_limit(Kind.RATE, 104_201,
                                                        ENGLAND_LOOKED_AFTER, p), abs=1e-9)
    # 45.9 per 10,000 is far below England's 67.1: without over-dispersion, below
    assert found.points[0].flag_998 is Flag.BELOW


def test_worked_example_normal_limits() -> None:
    rows = [FunnelRow("Wiltshire", 102, 145), FunnelRow("Other", 600, 900)]
    found = funnel(rows, Kind.PROPORTION, target=ENGLAND_STABLE * 100,
                   dispersion=Dispersion.NONE, method=Method.NORMAL)
    limits = found.points[0].limits
    assert limits is not None
    se = math.sqrt(ENGLAND_STABLE * (1 - ENGLAND_STABLE) / 145)
    assert limits.upper_95 == pytest.approx(100 * (ENGLAND_STABLE + 1.959963985 * se))
    assert limits.lower_998 == pytest.approx(100 * (ENGLAND_STABLE - 3.090232306 * se))


def _spread_rows() -> list[FunnelRow]:
    """Twenty authorities whose figures differ far more than chance allows."""
    sizes = [40, 55, 70, 90, 110, 130, 150, 180, 210, 240,
             280, 320, 360, 400, 450, 500, 560, 620, 700, 800]
    shares = [0.45, 0.8, 0.52, 0.75, 0.6, 0.9, 0.55, 0.7, 0.62, 0.78,
              0.5, 0.74, 0.66, 0.58, 0.81, 0.64, 0.69, 0.72, 0.6, 0.77]
    return [FunnelRow(f"A{i}", round(s * n), n) for i, (n, s) in
            enumerate(zip(sizes, shares, strict=True))]


def test_multiplicative_over_dispersion_worked_by_hand() -> None:
    rows = _spread_rows()
    theta = 0.68
    z = [((r.numerator or 0) / (r.denominator or 1) - theta)
         / math.sqrt(theta * (1 - theta) / (r.denominator or 1)) for r in rows]
    phi = phi_by_hand(z)
    assert phi > 1
    found = funnel(rows, Kind.PROPORTION, target=68.0)
    assert found.phi == pytest.approx(phi)
    assert found.widened
    for row, point in zip(rows, found.points, strict=True):
        plain = exact_limit(Kind.PROPORTION, row.denominator or 0, theta, 0.999)
        widened = min(theta + math.sqrt(phi) * (plain - theta), 1.0)
        assert point.limits is not None
        assert point.limits.upper_998 == pytest.approx(100 * widened, abs=1e-9)


def test_additive_over_dispersion_is_the_papers_random_effects_form() -> None:
    rows = _spread_rows()
    theta = 0.68
    se = [math.sqrt(theta * (1 - theta) / (r.denominator or 1)) for r in rows]
    z = [((r.numerator or 0) / (r.denominator or 1) - theta) / s
         for r, s in zip(rows, se, strict=True)]
    count, phi = len(rows), phi_by_hand(z)
    weights = [1 / s**2 for s in se]
    tau2 = (count * phi - (count - 1)) / (sum(weights)
                                          - sum(w**2 for w in weights) / sum(weights))
    found = funnel(rows, Kind.PROPORTION, target=68.0, dispersion=Dispersion.ADDITIVE,
                   method=Method.NORMAL)
    assert found.tau2 == pytest.approx(tau2)
    z95 = NormalDist().inv_cdf(0.975)
    for s, point in zip(se, found.points, strict=True):
        assert point.limits is not None
        assert point.limits.upper_95 == pytest.approx(
            100 * min(theta + z95 * math.sqrt(s**2 + tau2), 1.0))


def test_rows_that_cannot_be_judged_are_kept_with_their_reason() -> None:
    rows = [FunnelRow("A", 5, 20), FunnelRow("B", None, None, "c"),
            FunnelRow("C", 3, 0), FunnelRow("D", None, 40, "c"), FunnelRow("E", 30, 20),
            FunnelRow("F", 12, 30)]
    found = funnel(rows, Kind.PROPORTION)
    assert found.left_out == 4
    reasons = {p.authority: p.reason for p in found.points if p.flag_95 is Flag.NOT_JUDGED}
    assert reasons == {"B": "no denominator published (c)",
                       "C": "denominator 0: nothing to judge",
                       "D": "no count published (c)",
                       "E": "count 30 is more than its denominator 20"}
    # the default target is the pooled figure of the rows judged
    assert found.target == pytest.approx(100 * 17 / 50)


def test_no_row_to_judge_and_an_impossible_target_are_refused() -> None:
    with pytest.raises(DataError, match="none of the 2 authorities"):
        funnel([FunnelRow("A", None, None, "c"), FunnelRow("B", 1, 0)], Kind.RATE)
    with pytest.raises(CorpparentError, match="between 0 and 100"):
        funnel([FunnelRow("A", 1, 10)], Kind.PROPORTION, target=100.0)


@st.composite
def authorities(draw: st.DrawFn, kind: Kind = Kind.PROPORTION) -> list[FunnelRow]:
    size = 10 if kind is Kind.PROPORTION else 100_000
    sizes = draw(st.lists(st.integers(1, 60).map(lambda k: k * size // 10 + 1),
                          min_size=3, max_size=25))
    shares = draw(st.lists(st.floats(0.02, 0.98), min_size=len(sizes),
                           max_size=len(sizes)))
    scale = 1.0 if kind is Kind.PROPORTION else 0.02
    return [FunnelRow(f"LA{i}", round(n * s * scale), n)
            for i, (n, s) in enumerate(zip(sizes, shares, strict=True))]


@settings(max_examples=60)
@given(rows=authorities(), dispersion=st.sampled_from(Dispersion),
       target=st.floats(2, 98))
def test_normal_limits_widen_as_denominators_shrink(
        rows: list[FunnelRow], dispersion: Dispersion, target: float) -> None:
    found = funnel(rows, Kind.PROPORTION, target=target, dispersion=dispersion,
                   method=Method.NORMAL)
    ordered = sorted(found.points, key=lambda p: p.denominator or 0)
    for small, large in itertools.pairwise(ordered):
        assert small.limits is not None
        assert large.limits is not None
        assert small.limits.upper_998 >= large.limits.upper_998 - 1e-9
        assert small.limits.upper_95 >= large.limits.upper_95 - 1e-9
        assert small.limits.lower_95 <= large.limits.lower_95 + 1e-9
        assert small.limits.lower_998 <= large.limits.lower_998 + 1e-9


@settings(max_examples=60)
@given(rows=authorities(), kind=st.sampled_from(Kind), target=st.floats(0.02, 0.98))
def test_exact_limits_widen_as_denominators_shrink_up_to_one_count(
        rows: list[FunnelRow], kind: Kind, target: float) -> None:
    """A count is whole, so exact limits may narrow by less than one count at the
    smaller denominator as it shrinks (the interpolation keeps it to a fraction)."""
    if kind is Kind.RATE:
        rows = [FunnelRow(r.authority, r.numerator, (r.denominator or 0) * 1000)
                for r in rows]
    found = funnel(rows, kind, target=target * (100 if kind is Kind.PROPORTION else 200),
                   dispersion=Dispersion.NONE)
    ordered = sorted(found.points, key=lambda p: p.denominator or 0)
    for small, large in itertools.pairwise(ordered):
        assert small.limits is not None
        assert large.limits is not None
        count = found.per / (small.denominator or 1)
        assert small.limits.upper_998 >= large.limits.upper_998 - count
        assert small.limits.upper_95 >= large.limits.upper_95 - count
        assert small.limits.lower_95 <= large.limits.lower_95 + count
        assert small.limits.lower_998 <= large.limits.lower_998 + count


@settings(max_examples=60)
@given(sizes=st.lists(st.integers(20, 2000), min_size=3, max_size=30),
       theta=st.floats(0.05, 0.95), kind=st.sampled_from(Kind),
       method=st.sampled_from(Method), nudges=st.lists(st.sampled_from((-1, 0, 1)),
                                                       min_size=30, max_size=30))
def test_without_over_dispersion_the_limits_are_the_plain_limits_exactly(
        sizes: list[int], theta: float, kind: Kind, method: Method,
        nudges: list[int]) -> None:
    rate = theta if kind is Kind.PROPORTION else theta / 100
    rows = [FunnelRow(f"LA{i}", max(round(n * rate) + d, 0), n)
            for i, (n, d) in enumerate(zip(sizes, nudges, strict=False))]
    target = theta * 100  # a percentage, or a rate per 10,000
    plain = funnel(rows, kind, target=target, dispersion=Dispersion.NONE, method=method)
    found = funnel(rows, kind, target=target, method=method)
    assume(found.phi <= 1)
    assert not found.widened
    assert found.points == plain.points
    assert found.curve == plain.curve
    # the additive form has no between-authority variance while I φ ≤ I - 1
    found = funnel(rows, kind, target=target, dispersion=Dispersion.ADDITIVE, method=method)
    if len(rows) * found.phi <= len(rows) - 1:
        assert found.tau2 == 0
        assert not found.widened
        assert found.points == plain.points
        assert found.curve == plain.curve


@settings(max_examples=40)
@given(rows=authorities(), data=st.data(), dispersion=st.sampled_from(Dispersion),
       method=st.sampled_from(Method))
def test_flags_do_not_depend_on_the_order_of_the_rows(
        rows: list[FunnelRow], data: st.DataObject, dispersion: Dispersion,
        method: Method) -> None:
    shuffled = data.draw(st.permutations(rows))
    first = funnel(rows, Kind.PROPORTION, target=50.0, dispersion=dispersion,
                   method=method)
    second = funnel(shuffled, Kind.PROPORTION, target=50.0, dispersion=dispersion,
                    method=method)
    flags = {p.authority: (p.flag_95, p.flag_998) for p in first.points}
    assert {p.authority: (p.flag_95, p.flag_998) for p in second.points} == flags
    assert second.phi == pytest.approx(first.phi)


@settings(max_examples=40)
@given(rows=authorities(Kind.RATE), method=st.sampled_from(Method),
       target=st.floats(1, 500))
def test_each_flag_is_where_the_figure_lies_against_its_limits(
        rows: list[FunnelRow], method: Method, target: float) -> None:
    found = funnel(rows, Kind.RATE, target=target, method=method)
    for point in found.points:
        assert point.limits is not None
        assert point.value is not None
        limits = point.limits
        assert 0 <= limits.lower_998 <= limits.lower_95 <= found.target
        assert found.target <= limits.upper_95 <= limits.upper_998
        expected = (Flag.ABOVE if point.value > limits.upper_998 else Flag.BELOW
                    if point.value < limits.lower_998 else Flag.WITHIN)
        assert point.flag_998 is expected
        if point.flag_998 is not Flag.WITHIN:  # beyond 99.8% is beyond 95%
            assert point.flag_95 is point.flag_998
