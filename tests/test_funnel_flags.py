"""The whole-matrix funnel flags, from the tail probability of each count, against the
limits worked out by inverting the distribution (Spiegelhalter, Statistics in Medicine
24 (2005) 1185-1202: the limit at ``p`` is ``(r_p - α)/n``, ``r_p`` the smallest count
with ``F(r_p) ≥ p``, ``α = (F(r_p) - p)/(F(r_p) - F(r_p - 1))``; a figure strictly
beyond a limit is flagged, one on it is within).

The limits come from `limits_at` (the inversion, unchanged); the flags from
`funnel_flags`. They must say the same for every authority, on generated data, at the
discrete edge where a count's cumulative probability is exactly a limit's, and one
measure-year at a time as for many at once.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import assume, given, settings, strategies as st

from corpparent.benchmarking.funnel import (
    Dispersion,
    Flag,
    FunnelRow,
    Kind,
    Method,
    funnel,
    limits_at,
)
from corpparent.benchmarking.funnel_flags import FLAGS, funnel_flags
from corpparent.benchmarking.funnel_limits import cumulative

LEVELS = (0.001, 0.025, 0.975, 0.999)


def by_the_limits(value: float, lower: float, upper: float) -> Flag:
    """The published rule: strictly beyond a limit is flagged, on it is within."""
    return Flag.ABOVE if value > upper else Flag.BELOW if value < lower else Flag.WITHIN


def near(value: float, *limits: float) -> bool:
    """Whether ``value`` is within rounding of a limit, where the inverted limit itself
    cannot say which side the figure is on."""
    return any(math.isclose(value, limit, rel_tol=1e-9, abs_tol=1e-12) for limit in limits)


@st.composite
def authorities(draw: st.DrawFn) -> tuple[Kind, list[FunnelRow]]:
    kind = draw(st.sampled_from(Kind))
    count = draw(st.integers(2, 30))
    if kind is Kind.PROPORTION:
        sizes = draw(st.lists(st.integers(1, 400), min_size=count, max_size=count))
        shares = draw(st.lists(st.floats(0, 1), min_size=count, max_size=count))
        return kind, [FunnelRow(f"LA{i}", round(n * s), n)
                      for i, (n, s) in enumerate(zip(sizes, shares, strict=True))]
    sizes = draw(st.lists(st.integers(100, 400_000), min_size=count, max_size=count))
    rates = draw(st.lists(st.floats(0, 0.02), min_size=count, max_size=count))
    return kind, [FunnelRow(f"LA{i}", round(n * r), n)
                  for i, (n, r) in enumerate(zip(sizes, rates, strict=True))]


@settings(max_examples=150, deadline=None)
@given(drawn=authorities(), dispersion=st.sampled_from(Dispersion),
       method=st.sampled_from(Method), target=st.one_of(st.none(), st.floats(0.01, 0.99)))
def test_the_flags_are_those_of_the_inverted_limits(
        drawn: tuple[Kind, list[FunnelRow]], dispersion: Dispersion, method: Method,
        target: float | None) -> None:
    kind, rows = drawn
    per = 100.0 if kind is Kind.PROPORTION else 10_000.0
    centre = None if target is None else target * (per if kind is Kind.PROPORTION else 5)
    assume(sum(r.numerator or 0 for r in rows) > 0 or centre is not None)
    assume(centre is not None or sum(r.numerator or 0 for r in rows)
           < sum(r.denominator or 0 for r in rows) or kind is Kind.RATE)
    found = funnel(rows, kind, target=centre, dispersion=dispersion, method=method)
    for point in found.points:
        assert point.limits is not None
        assert point.value is not None
        limits, value = point.limits, point.value
        if not near(value, limits.lower_95, limits.upper_95):
            assert point.flag_95 is by_the_limits(value, limits.lower_95, limits.upper_95)
        if not near(value, limits.lower_998, limits.upper_998):
            assert point.flag_998 is by_the_limits(value, limits.lower_998,
                                                   limits.upper_998)


def _edge(kind: Kind, count: int, n: float, p: float) -> float | None:
    """A target per unit at which ``F(count)`` is exactly ``p``, where a float has it."""
    def f(theta: float) -> float:
        return float(cumulative(kind, np.array([float(count)]), np.array([n]), theta)[0][0])

    low, high = 1e-12, 1 - 1e-12 if kind is Kind.PROPORTION else 60.0 / n
    for _ in range(200):  # F falls as the target rises
        middle = (low + high) / 2
        if middle in (low, high):
            break
        low, high = (middle, high) if f(middle) >= p else (low, middle)
    return next((theta for theta in (low, high) if f(theta) == p), None)


@settings(max_examples=80, deadline=None)
@given(kind=st.sampled_from(Kind), n=st.integers(1, 60), data=st.data(),
       p=st.sampled_from(LEVELS))
def test_on_the_discrete_edge_the_figure_is_on_its_limit_and_within(
        kind: Kind, n: int, data: st.DataObject, p: float) -> None:
    """``F(y) = p`` exactly: ``α = 0``, the limit is ``y/n`` itself, and the figure is
    within both ways; a count beyond it on the same side is flagged both ways."""
    y = data.draw(st.integers(0, min(n, 8)))
    size = float(n) if kind is Kind.PROPORTION else n * 10.0
    theta = _edge(kind, y, size, p)
    assume(theta is not None)
    assert theta is not None
    upper = p > 0.5
    counts = [float(y), float(y + 1 if upper else y - 1)]
    assume(counts[1] >= 0 and (kind is Kind.RATE or counts[1] <= size))
    found = funnel_flags([counts], [[size, size]], kind, targets=[theta],
                         dispersion=Dispersion.NONE)
    limits = limits_at(kind, theta, [size])[0]
    limit = {0.001: limits.lower_998, 0.025: limits.lower_95, 0.975: limits.upper_95,
             0.999: limits.upper_998}[p]
    assert limit == y / size  # α = 0: the limit is on the count
    flags = found.flag_998 if p in (0.001, 0.999) else found.flag_95
    assert FLAGS[flags[0, 0]] is by_the_limits(y / size, limit if not upper else -1.0,
                                               limit if upper else 2.0)
    assert FLAGS[flags[0, 0]] in (Flag.WITHIN, Flag.ABOVE if not upper else Flag.BELOW)
    beyond = counts[1] / size
    if y > 0 or not upper:  # a count of 0 is never above: the limits stop at 0
        assert FLAGS[flags[0, 1]] is (Flag.ABOVE if upper else Flag.BELOW)
    assert (beyond > limit) if upper else (beyond < limit)


@settings(max_examples=40, deadline=None)
@given(tables=st.lists(authorities(), min_size=1, max_size=6),
       dispersion=st.sampled_from(Dispersion), method=st.sampled_from(Method))
def test_many_measure_years_at_once_flag_as_each_alone(
        tables: list[tuple[Kind, list[FunnelRow]]], dispersion: Dispersion,
        method: Method) -> None:
    width = max(len(rows) for _, rows in tables)
    counts = np.full((len(tables), width), np.nan)
    denominators = np.full((len(tables), width), np.nan)
    for i, (_, rows) in enumerate(tables):
        counts[i, :len(rows)] = [r.numerator for r in rows]
        denominators[i, :len(rows)] = [r.denominator for r in rows]
    found = funnel_flags(counts, denominators, [kind for kind, _ in tables],
                         dispersion=dispersion, method=method)
    for i, (kind, rows) in enumerate(tables):
        if not found.centred[i]:
            assert (found.flag_998[i] == 3).all()
            continue
        alone = funnel(rows, kind, dispersion=dispersion, method=method)
        assert math.isclose(found.phi[i], alone.phi, rel_tol=1e-12)
        assert [FLAGS[c] for c in found.flag_95[i, :len(rows)]] == [
            p.flag_95 for p in alone.points]
        assert [FLAGS[c] for c in found.flag_998[i, :len(rows)]] == [
            p.flag_998 for p in alone.points]
        assert (found.flag_998[i, len(rows):] == 3).all()


def test_rows_with_no_centre_and_cells_that_cannot_be_judged_are_not_judged() -> None:
    counts = [[3.0, math.nan, 5.0, -1.0], [0.0, 0.0, 0.0, 0.0], [12.0, 4.0, 9.0, 20.0]]
    denominators = [[10.0, 10.0, 0.0, 10.0], [10.0, 20.0, 30.0, 40.0],
                    [30.0, 12.0, 25.0, 10.0]]
    found = funnel_flags(counts, denominators, Kind.PROPORTION)
    assert found.judged.tolist() == [[True, False, False, False], [True] * 4,
                                     [True, True, True, False]]
    # a pooled figure of 0 is no proportion a funnel can be drawn around
    assert found.centred.tolist() == [True, False, True]
    assert found.flag_95[1].tolist() == [3, 3, 3, 3]
    assert found.flag_998[2, 3] == 3
    assert math.isclose(found.target[2], 25 / 67)
