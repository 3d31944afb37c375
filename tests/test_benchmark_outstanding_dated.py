"""The Python benchmark takes the Outstanding group as at each period's end, as the
command does, and says so.

Expected values are worked out here with the csv module from the published files:
Ofsted's ``ofsted_ilacs_outcomes_2025-03-31.csv`` (every row: the authority's ONS code,
``Inspection date`` and ``Overall effectiveness``) and the DfE's
``la_cla_placement_stability.csv`` (the local-authority rows of ``cla_group`` "CLA on 31
March", ``placement_stability`` "With 3 or more placements during the year", column
``children_percent``, for ``time_period`` 2021 to 2025).
"""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.dfe.areas import known_areas
from corpparent.dfe.benchmark import Benchmarking
from corpparent.dfe.national_findings import lait_indicator
from corpparent.dfe.ofsted import Inspection, InspectionOutcomes, Judgement
from corpparent.files import read_benchmarking, read_ofsted
from corpparent.files.dfe.lait import read_lait, read_lait_dictionary
from corpparent.files.dfe.national_package import national_results
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.findings import Status
from corpparent.periods import FinancialYear
from national_data import NATIONAL_DATA

pytestmark = pytest.mark.national_data

OFSTED = NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv"
STABILITY = NATIONAL_DATA / "la_cla_placement_stability.csv"
WILTSHIRE = "E06000054"


@cache
def _bench() -> Benchmarking:
    return read_benchmarking(NATIONAL_DATA)


def _rows(path: Any) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _moves(time_period: str) -> dict[str, str]:
    """Each authority's published percentage with 3+ placements, by ONS code, as written."""
    return {r["new_la_code"]: r["children_percent"] for r in _rows(STABILITY)
            if r["time_period"] == time_period and r["geographic_level"] == "Local authority"
            and r["cla_group"] == "CLA on 31 March"
            and r["placement_stability"] == "With 3 or more placements during the year"}


def _as_at(day: date) -> tuple[set[str], set[str]]:
    """The ONS codes Ofsted's rows put in the Outstanding group as at ``day``, and those
    whose latest inspection took place after it."""
    rows = _rows(OFSTED)
    members = {r["Local authority area code"] for r in rows
               if date.fromisoformat(r["Inspection date"]) <= day
               and r["Overall effectiveness"] == "Outstanding"}
    later = {r["Local authority area code"] for r in rows
             if date.fromisoformat(r["Inspection date"]) > day}
    return members, later


@pytest.mark.parametrize(("year", "time_period"), [(2021, "2022"), (2022, "2023"),
                                                   (2023, "2024"), (2024, "2025")])
def test_each_year_is_compared_with_the_group_as_at_its_end(year: int,
                                                            time_period: str) -> None:
    bench = _bench()
    result = bench.benchmark("Wiltshire", "placements_3plus", FinancialYear(year))
    end = date(year + 1, 3, 31)
    members, later = _as_at(end)
    others = members - {WILTSHIRE}
    assert {bench.data.areas[name].ons_code for name in result.outstanding.values} == others
    published = _moves(time_period)
    numbers = [float(published[c]) for c in others
               if published[c].replace(".", "", 1).isdigit()]  # not c, low, x, ...
    assert numbers
    assert result.outstanding_average() == pytest.approx(sum(numbers) / len(numbers))
    group = result.outstanding_group
    assert group is not None
    assert group.as_at == end
    assert len(group.unknown) == len(later)
    described = result.describe()
    assert f"Outstanding authorities as at 31 March {year + 1} " in described
    if later:
        assert f"{len(later)} more judged later, not counted" in described
    else:
        assert "judged later" not in described


def test_a_year_before_every_inspection_in_the_release_has_no_group() -> None:
    # Ofsted's release gives each authority's latest inspection only; the earliest of
    # them took place after 31 March 2021, so no authority can be placed in or out of
    # the group for 2020-21, and no other year's group stands in for it.
    members, later = _as_at(date(2021, 3, 31))
    assert not members
    assert len(later) == len(_rows(OFSTED))
    result = _bench().benchmark("Wiltshire", "placements_3plus", FinancialYear(2020))
    assert result.outstanding_average() is None
    assert not result.outstanding.values
    assert (f"Outstanding authorities as at 31 March 2021: cannot be formed, no other "
            f"authority known to be in it ({len(later)} authorities judged later)"
            ) in result.describe()
    (position,) = [f for f in _bench().findings("Wiltshire", FinancialYear(2020))
                   if f.subject == "placements_3plus" and f.rule.startswith("position")]
    assert position.status is Status.INSUFFICIENT_DATA
    assert position.rule == "position among Outstanding authorities as at 31 March 2021"


def test_codes_given_are_one_group_for_every_year_as_before() -> None:
    bench = _bench()
    codes = bench.outstanding
    members, _ = _as_at(date(2025, 3, 31))
    assert {known_areas()[c].ons_code for c in codes} == members
    fixed = Benchmarking(bench.data, bench.neighbours, codes, bench.indicators)
    result = fixed.benchmark("Wiltshire", "placements_3plus", FinancialYear(2020))
    assert {bench.data.areas[n].ons_code for n in result.outstanding.values} == \
        members - {WILTSHIRE}
    assert "; Outstanding authorities 9.2%, better than" in result.describe()
    assert fixed.outstanding == codes
    assert fixed.outcomes is None
    assert bench.outcomes is not None


@pytest.fixture(scope="module")
def command_rows() -> dict[str, dict[str, Any]]:
    """``corpparent benchmark``'s rows for Wiltshire's 3+ placements, by period."""
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-m",
                                      "LACStable_2016on", "--all-periods", "-f", "json"])
    assert result.exit_code == 0, result.output
    return {row["period"]: row for row in json.loads(result.stdout)["rows"]}


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023, 2024])
def test_the_python_benchmark_and_the_command_agree_each_year(
        command_rows: dict[str, dict[str, Any]], year: int) -> None:
    row = command_rows[str(FinancialYear(year))]
    scalar = _bench().benchmark("Wiltshire", "placements_3plus", FinancialYear(year))
    group = scalar.outstanding_group
    assert group is not None
    assert group.as_at is not None
    assert row["outstanding_as_at"] == group.as_at.isoformat()
    assert row["outstanding_unknown"] == len(group.unknown)
    # A group with no other member with a number gives no count, as no position.
    assert row["outstanding_with_value"] == (len(scalar.outstanding.numeric) or None)
    mean = scalar.outstanding_average()
    if mean is None:
        assert row["outstanding_mean"] is None
    else:
        assert row["outstanding_mean"] == pytest.approx(mean, abs=1e-9)
        position = scalar.outstanding_position
        assert position is not None
        assert row["outstanding_better_than"] == position.better_than


@pytest.mark.parametrize("authority", ["Wiltshire", "Staffordshire"])
def test_the_python_findings_are_the_commands_in_every_year(authority: str) -> None:
    measure = "LACStable_2016on"
    dictionary = read_lait_dictionary(NATIONAL_DATA / "lait_data_dictionary.csv")
    found_in = dictionary[measure]
    indicator = lait_indicator(measure, found_in.name, found_in.polarity, found_in.axis)
    data = read_lait(NATIONAL_DATA / "lait_bds_long.parquet", [measure]).national_data(
        {measure: indicator.id}, dictionary)
    scalar = Benchmarking(data, read_neighbours(NATIONAL_DATA / "sn_model_2025_wide.csv"),
                          read_ofsted(OFSTED), [indicator])
    engine = national_results(NATIONAL_DATA, measures=[measure]).findings(
        authority, every_period=True)
    periods = data.periods(indicator.id)
    assert len(periods) > 2
    for period in periods:
        expected = [f for f in engine if f.period == period]
        assert [f.rule for f in scalar.findings(authority, period)] == \
            [f.rule for f in expected]
        assert list(scalar.findings(authority, period)) == expected


# -- the rule, on releases made up over real authorities --------------------------------

_AUTHORITIES = [a for a in known_areas().authorities if a.ons_code][:12]
_YEARS = (2020, 2021, 2022, 2023, 2024)


@st.composite
def _releases(draw: st.DrawFn) -> InspectionOutcomes:
    chosen = draw(st.lists(st.sampled_from(_AUTHORITIES), unique=True, min_size=1))
    inspections = []
    for area in chosen:
        inspected = draw(st.dates(date(2019, 1, 1), date(2025, 12, 31)))
        published = inspected + timedelta(days=draw(st.integers(0, 90)))
        overall = draw(st.sampled_from(Judgement))
        inspections.append(Inspection(str(area.ons_code), area.name, "", inspected,
                                      published, overall, overall, overall, overall, None))
    return InspectionOutcomes("made up", tuple(inspections))


@settings(max_examples=60, deadline=None)
@given(release=_releases(), year=st.sampled_from(_YEARS),
       authority=st.sampled_from(_AUTHORITIES))
def test_a_years_group_is_those_last_judged_outstanding_by_its_end(
        release: InspectionOutcomes, year: int, authority: Any) -> None:
    """The group a year is compared with holds exactly the authorities whose latest
    inspection on or before the year's end (or the release's last report, if earlier)
    judged them Outstanding, the authority itself left out; those inspected later are
    the unknown, and the Python path's figure is the mean of the members' values."""
    bench = _bench()
    mine = Benchmarking(bench.data, bench.neighbours, release, bench.indicators)
    period = FinancialYear(year)
    result = mine.benchmark(authority.code, "placements_3plus", period)
    day = min(period.end, max(i.published for i in release))
    expected = {i.name for i in release
                if i.inspected <= day and i.overall is Judgement.OUTSTANDING
                and i.name != authority.name}
    assert set(result.outstanding.values) == expected
    group = result.outstanding_group
    assert group is not None
    assert group.as_at == day
    assert set(group.unknown) == {i.name for i in release if i.inspected > day}
    values = bench.data.values("placements_3plus", period)
    numbers = [v for name in expected if (v := values.value(name)) is not None]
    average = result.outstanding_average()
    assert (average is None) == (not numbers)
    if numbers:
        assert average == pytest.approx(sum(numbers) / len(numbers))
