"""Funnels from the DfE's EES files, checked against a computation of their own.

For long-term placement stability in the year ending 31 March 2025, every authority's
flags are worked out here from the CSV file itself (read with the ``csv`` module) and
the published formulae (exact binomial limits interpolated between whole counts; φ from
10% winsorised z-scores, the limits widened by √φ when φ > 1: Spiegelhalter, Statistics
in Medicine 24 (2005) 1185-1202 and Qual Saf Health Care 14 (2005) 347-351), and must
be the library's, authority by authority.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from corpparent.benchmarking.funnel import Flag, FunnelMeasure, Kind
from corpparent.files.dfe.funnels import read_funnel_measures
from corpparent.periods import FinancialYear
from test_funnel_method import exact_limit, phi_by_hand

STABLE_GROUP = ("Children looked after continuously for at least 2.5 years on 31 March "
                "aged under 16 years")


@pytest.fixture(scope="module")
def measures(national_data: Path) -> tuple[FunnelMeasure, ...]:
    return read_funnel_measures(national_data)


def _measure(measures: tuple[FunnelMeasure, ...], code: str, year: int) -> FunnelMeasure:
    return next(m for m in measures if m.measure == code and m.period == FinancialYear(year))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _by_hand(folder: Path) -> tuple[dict[str, tuple[Flag, Flag]], int]:
    """Each authority's flags at 95% and 99.8%, by old LA code, and how many could not
    be judged, from the CSV file and the formulae alone."""
    counts: dict[str, dict[str, float | None]] = {}
    with (folder / "la_cla_placement_stability.csv").open(encoding="utf-8-sig") as file:
        for record in csv.DictReader(file):
            if record["time_period"] != "2025" or record["cla_group"] != STABLE_GROUP:
                continue
            key = record["old_la_code"] or record["geographic_level"]
            counts.setdefault(key, {})[record["placement_stability"]] = _number(
                record["children_count"])
            counts[key]["level"] = 1.0 if record["geographic_level"] == "Local authority" \
                else 0.0
    england = counts["National"]
    theta = (england["Living with the same carer for at least 2 years"] or 0) / (
        england["Total children"] or 1)
    judged: dict[str, tuple[float, int]] = {}
    left_out = 0
    for code, found in counts.items():
        if not found["level"]:
            continue
        y, n = found.get("Living with the same carer for at least 2 years"), found.get(
            "Total children")
        if y is None or n is None or n <= 0 or y > n:
            left_out += 1
            continue
        judged[code] = (y, round(n))
    z = [(y / n - theta) / math.sqrt(theta * (1 - theta) / n) for y, n in judged.values()]
    k = max(math.sqrt(phi_by_hand(z)), 1.0)
    flags = {}
    for code, (y, n) in judged.items():
        value = y / n

        def flag(p_low: float, p_high: float, value: float = value, n: int = n) -> Flag:
            low = max(theta + k * (exact_limit(Kind.PROPORTION, n, theta, p_low) - theta), 0)
            high = min(theta + k * (exact_limit(Kind.PROPORTION, n, theta, p_high) - theta),
                       1)
            return Flag.ABOVE if value > high else Flag.BELOW if value < low else Flag.WITHIN

        flags[code] = (flag(0.025, 0.975), flag(0.001, 0.999))
    return flags, left_out


@pytest.mark.national_data
def test_every_authoritys_flags_agree_with_a_computation_of_their_own(
        national_data: Path, measures: tuple[FunnelMeasure, ...]) -> None:
    expected, left_out = _by_hand(national_data)
    found = _measure(measures, "LAC_LongStable%", 2024).funnel()
    assert found.left_out == left_out
    flags = {p.code: (p.flag_95, p.flag_998) for p in found.points
             if p.flag_998 is not Flag.NOT_JUDGED}
    assert flags == expected
    assert len(flags) > 140
    # the figures are over-dispersed, and some authorities lie beyond even the widened
    # 99.8% limits
    assert found.phi > 1
    assert any(f[1] is not Flag.WITHIN for f in flags.values())


@pytest.mark.national_data
def test_each_measure_has_its_kind_and_englands_own_figure_as_its_target(
        measures: tuple[FunnelMeasure, ...]) -> None:
    rate = _measure(measures, "LAC", 2024)
    assert (rate.kind, rate.per) == (Kind.RATE, 10_000)
    assert rate.target == pytest.approx(81_770 / 12_183_016 * 10_000)
    share = _measure(measures, "CareLeaverAcc", 2024)
    assert (share.kind, share.per) == (Kind.PROPORTION, 100)
    wiltshire = next(r for r in share.rows if r.authority == "Wiltshire")
    assert wiltshire.code == "865"
    assert wiltshire.denominator
    assert wiltshire.numerator
    # counts alone (the number looked after) have no denominator, so no funnel
    assert not any(m.measure == "LACnum" for m in measures)
    assert len({m.measure for m in measures}) == 13
