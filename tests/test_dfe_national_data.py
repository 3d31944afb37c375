"""The engine on the whole of LAIT's published dataset.

Expected sets and figures are computed here independently from the files, with pyarrow
and the csv module, or by the scalar path for the measures it reads.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from corpparent.comparators.standing import group_finding, standing_finding
from corpparent.dated_groups import DatedGroup
from corpparent.dfe.benchmark import Benchmarking, national_benchmark
from corpparent.dfe.national_findings import lait_indicator
from corpparent.dfe.national_results import NationalResults
from corpparent.files.dfe.lait import read_lait, read_lait_dictionary
from corpparent.files.dfe.national_package import national_results
from corpparent.files.dfe.national_results import write_national_results
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import FinancialYear
from national_data import NATIONAL_DATA

pytestmark = pytest.mark.national_data
REGION_NUMBERS = range(970, 1000)  # England 970, the regions 980-990 (LAIT)


def _measure(results: NationalResults, measure: str) -> pa.Table:
    return results.table.filter(pc.equal(results.table["measure"].cast(pa.string()), measure))


@pytest.fixture(scope="module")
def results() -> NationalResults:
    return national_results(NATIONAL_DATA)


def _polarity_measures() -> set[str]:
    path = NATIONAL_DATA / "lait_data_dictionary.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["Measure_short"] for row in csv.DictReader(handle)
                if row["Polarity"] in ("High", "Low")}


def test_every_polarity_measure_and_authority_is_accounted_for(
        results: NationalResults) -> None:
    measures = _polarity_measures()
    assert len(measures) == 308  # the dictionary's measures with a polarity High or Low
    raw = pq.read_table(NATIONAL_DATA / "lait_bds_long.parquet",
                        columns=["Short Desc", "Years", "LA Number"])
    expected: dict[tuple[str, str], set[str]] = defaultdict(set)
    for measure, years, number in zip(*(raw[c].to_pylist() for c in raw.column_names),
                                      strict=True):
        if measure in measures and number not in REGION_NUMBERS:
            expected[(measure, years)].add(str(int(number)))
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    ranked: dict[tuple[str, str], int] = defaultdict(int)
    columns = results.table.select(["measure", "years", "authority_code", "value", "rank"])
    for measure, years, code, value, rank in zip(
            *(columns[c].to_pylist() for c in columns.column_names), strict=True):
        if measure in measures:
            found[(measure, years)].add(code)
            assert (rank is None) == (value is None)
            ranked[(measure, years)] += rank is not None
    # Every measure-year of the file is benchmarked, but the one label "0" that is no
    # year, which is reported instead.
    unreadable = {key for key in expected if key[1] == "0"}
    assert {m for m, _ in found} == measures
    assert found == {k: v for k, v in expected.items() if k not in unreadable}
    assert [p.note.split(":")[0] for p in results.problems] == ["CINPermExclusion 0"]
    assert sum(ranked.values()) > 300_000


def test_no_quartile_measures_are_never_banded(results: NationalResults) -> None:
    path = NATIONAL_DATA / "lait_data_dictionary.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        flagged = {row["Measure_short"] for row in csv.DictReader(handle)
                   if row["No_Quartile"] == "N"}
    assert len(flagged) == 21
    rows = [r for m in flagged for r in _measure(results, m).select(["band"]).to_pylist()]
    assert rows
    assert all(r["band"] is None for r in rows)


@pytest.mark.parametrize("measure", ["LAC_LongStable%", "LACStable_2016on", "CareLeaverAcc"])
def test_engine_matches_the_scalar_path_on_published_data(
        results: NationalResults, measure: str) -> None:
    dictionary = read_lait_dictionary(NATIONAL_DATA / "lait_data_dictionary.csv")
    data = read_lait(NATIONAL_DATA / "lait_bds_long.parquet", [measure]).national_data(
        {measure: "m"}, dictionary)
    model = read_neighbours(NATIONAL_DATA / "sn_model_2025_wide.csv")
    outcomes = read_ofsted(NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv")
    polarity = dictionary[measure].polarity
    assert polarity in (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER)
    indicator = Indicator(id="m", name=measure, kind=Kind.SCORE, polarity=polarity)
    engine = {(r["period"], r["authority_code"]): r
              for r in _measure(results, measure).to_pylist()}
    compared = 0
    for values in data:
        national = values.to_benchmark(indicator)
        # Each period is compared with the Outstanding authorities as at its end.
        outstanding = outcomes.as_at(values.period.end).members
        for code in values.authority_values():
            if not model.covers(code):
                continue
            scalar = national_benchmark(values, indicator, code, model, outstanding,
                                        national)
            row = engine[(str(values.period), code)]
            assert (row["rank"], row["ranked"], row["band"]) == (
                scalar.rank, scalar.ranked, scalar.band and scalar.band.value)
            assert math.isclose(row["neighbours_mean"], scalar.neighbour_average(),
                                rel_tol=1e-12)
            assert row["neighbours_median"] == scalar.neighbour_average("median")
            assert _same(row["outstanding_mean"], scalar.outstanding_average())
            position = scalar.outstanding_position
            # A group with no other member with a number gives no position in either.
            assert (position is None) is (not scalar.outstanding.numeric)
            assert row["outstanding_better_than"] == (
                None if position is None else position.better_than)
            assert row["outstanding_with_value"] == (len(scalar.outstanding.numeric) or None)
            compared += 1
    assert compared > 500


def _same(a: float | None, b: float | None) -> bool:
    return a is b is None or (a is not None and b is not None
                              and math.isclose(a, b, rel_tol=1e-12))


def test_authorities_outside_the_2025_model_are_benchmarked(results: NationalResults) -> None:
    for name in ("Cumbria", "Northamptonshire"):
        rows = results.authority(name).to_pylist()
        assert rows
        assert {r["neighbours_note"] for r in rows} == {"no neighbours in this model"}


def test_the_2021_groupings_give_cumbria_neighbours() -> None:
    rows = national_results(NATIONAL_DATA, model="2021",
                            measures=["LAC_LongStable%"]).authority("Cumbria").to_pylist()
    assert {r["neighbours_note"] for r in rows} == {None}
    assert any(r["neighbours_mean"] is not None for r in rows)


def test_results_write_as_csv_and_parquet(results: NationalResults, tmp_path: Path) -> None:
    small = national_results(NATIONAL_DATA, measures=["LAC_LongStable%"])
    written = write_national_results(small, tmp_path / "out.parquet")
    assert pq.read_table(written).num_rows == len(small)
    text = write_national_results(small, tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.count("\n") == len(small) + 1
    assert len(small.to_pandas()) == len(small)


@pytest.mark.parametrize("authority", ["Wiltshire", "Staffordshire", "Rutland"])
def test_findings_for_one_authority_are_the_scalar_paths(authority: str) -> None:
    """With one Outstanding group for every year, as the scalar path takes it, the
    engine's findings are the scalar path's: rank and band, the comparison with each of
    its comparators (England, region, neighbours' mean and median, Outstanding mean),
    and the position among the Outstanding authorities."""
    measure = "LACStable_2016on"
    dictionary = read_lait_dictionary(NATIONAL_DATA / "lait_data_dictionary.csv")
    data = read_lait(NATIONAL_DATA / "lait_bds_long.parquet", [measure]).national_data(
        {measure: "lacstable_2016on"}, dictionary)
    outstanding = read_ofsted(NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv").codes()
    found_in = dictionary[measure]
    indicator = lait_indicator(measure, found_in.name, found_in.polarity, found_in.axis)
    assert indicator.kind is Kind.PERCENTAGE  # "% with 3 or more placements" in the dictionary
    model = read_neighbours(NATIONAL_DATA / "sn_model_2025_wide.csv")
    scalar = Benchmarking(data, model, outstanding, [indicator])
    comparators = scalar.comparator_set(authority)
    expected = []
    for values in data:
        national = values.to_benchmark(indicator)
        name = values.areas[authority].name
        mine = national.numeric.get(name)
        others = [a.name for a in comparators.outstanding]
        expected += [standing_finding(national, name),
                     *(c.finding() for c in comparators.compare(indicator, mine,
                                                                  values.period)),
                     group_finding(national, "Outstanding authorities", others, mine,
                                   authority=name)]
    computed = national_results(NATIONAL_DATA, measures=[measure],
                                outstanding=DatedGroup("Outstanding authorities",
                                                       sorted(outstanding)))
    found = [f for f in computed.findings(authority, every_period=True)
             if f.subject == indicator.id]
    assert [f.rule for f in found] == [f.rule for f in expected]
    assert found == expected
    # ... and they carry the engine's own rank, band and "better than k".
    engine = [r for r in _measure(computed, measure).to_pylist() if r["authority"] == authority]
    standings = [f for f in found if f.rule == "national rank and quartile band"]
    for row, finding in zip(engine, standings, strict=True):
        if row["rank"] is not None:
            assert (finding.evidence["rank"], finding.evidence["band"]) == (row["rank"],
                                                                            row["band"])


def test_findings_name_the_date_of_each_years_outstanding_group(
        results: NationalResults) -> None:
    found = results.findings("Wiltshire", every_period=True, measures=["LAC_LongStable%"])
    rules = {f.rule for f in found if f.period == FinancialYear(2022)}
    assert "compared with Outstanding authorities as at 31 March 2023" in rules
    assert "position among Outstanding authorities as at 31 March 2023" in rules


def test_what_a_measure_measures_comes_from_its_axis_title() -> None:
    """Every axis title of the dictionary gives a kind: a percentage where it starts
    with "%", a rate where it starts "Rate per 10,000", a score otherwise."""
    dictionary = read_lait_dictionary(NATIONAL_DATA / "lait_data_dictionary.csv")
    with (NATIONAL_DATA / "lait_data_dictionary.csv").open(encoding="utf-8-sig") as handle:
        axes = {row["Measure_short"]: row["y_axis_name"] for row in csv.DictReader(handle)}
    for code, axis in axes.items():
        kind = lait_indicator(code, code, None, dictionary[code].axis).kind
        expected = (Kind.PERCENTAGE if axis.startswith("%") else
                    Kind.RATE if axis.startswith("Rate per 10,000") else Kind.SCORE)
        assert kind is expected, (code, axis)
