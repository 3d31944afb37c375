"""The scalar and columnar backends give one meaning of LAIT's positions.

The scalar backend (:mod:`corpparent.benchmarking.scalar`) places one set of numbers in
plain Python; the columnar backend (:mod:`corpparent.benchmarking.columnar`) places every
row of a matrix at once. Both apply the definitions of
:mod:`corpparent.benchmarking.lait`, so on any input their bands and ranks are identical
and their means and medians agree to 1e-9: for random matrices drawn so that ties,
values on a cut and missing numbers are common, and on the whole of LAIT's published
file, where two authorities' bands are known from LAIT itself.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from corpparent.benchmarking import columnar, scalar
from corpparent.benchmarking.lait import BANDS, Band, is_banded
from corpparent.errors import DefinitionError
from corpparent.indicators.definitions import Polarity

if TYPE_CHECKING:
    from corpparent.dfe.lait import LaitDictionary
    from corpparent.dfe.lait_table import LaitTable
    from corpparent.dfe.neighbours import StatisticalNeighbours

POOL = st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 10.0, 12.75, -4.0, 88.3, 88.3000000000001])
CELLS = st.one_of(POOL, POOL, POOL, st.floats(min_value=-1e6, max_value=1e6),
                  st.just(math.nan))
POLARITIES = [Polarity.LOWER_IS_BETTER, Polarity.HIGHER_IS_BETTER, Polarity.NEUTRAL, None]


def _close(a: float | None, b: float) -> bool:
    if a is None:
        return math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def test_quartile_cuts_are_rs_weighted_form() -> None:
    """R's type 7: index 1 + (n - 1) * 0.25 = 2.25 of six values, so lo = 2, hi = 3,
    h = 0.25, and the cut is (1 - h) * x[2] + h * x[3] = 88.30000000000001; the form
    x[2] + h * (x[3] - x[2]) would give 88.30000000000003 on the same numbers."""
    cuts = scalar.quartiles([99.0, 80.0, 88.3000000000001, 95.0, 88.3, 90.0])
    assert cuts.q25 == 88.30000000000001
    assert cuts.q25 != 88.3 + 0.25 * (88.3000000000001 - 88.3)
    assert (cuts.minimum, cuts.maximum) == (80.0, 99.0)
    assert cuts.median == pytest.approx(89.15)
    # Equal neighbours give the value itself, never a weighted sum that rounds away.
    assert scalar.quartiles([0.1, 0.1, 0.1, 0.1, 0.1]).q25 == 0.1


def test_quartiles_need_a_value() -> None:
    with pytest.raises(DefinitionError, match="at least one value"):
        scalar.quartiles([])


@pytest.mark.parametrize(("polarity", "banded", "expected"), [
    (Polarity.LOWER_IS_BETTER, True, ["A", "A", "B", "C", "D"]),
    (Polarity.HIGHER_IS_BETTER, True, ["D", "D", "C", "B", "A"]),
    (Polarity.HIGHER_IS_BETTER, False, []),  # No_Quartile = N
    (Polarity.NEUTRAL, True, []),
    (None, True, []),
])
def test_scalar_bands_by_polarity_and_no_quartile(polarity: Polarity | None, banded: bool,
                                                  expected: list[str]) -> None:
    values = {f"LA {i}": float(i) for i in range(1, 6)}
    found = scalar.bands_of(values, polarity, banded=banded)
    assert [found[name].value for name in values if name in found] == expected


def test_scalar_ranks_and_direction() -> None:
    values = {"a": 20.0, "b": 30.0, "c": 20.0, "d": 10.0}
    assert scalar.rank_values(values, Polarity.HIGHER_IS_BETTER) == {
        "a": 2, "b": 1, "c": 2, "d": 4}
    assert scalar.rank_values(values, Polarity.LOWER_IS_BETTER) == {
        "a": 2, "b": 4, "c": 2, "d": 1}
    assert scalar.rank_values(values, Polarity.NEUTRAL) == {}
    assert [scalar.direction(*pair) for pair in ((1.0, 2.0), (2.0, 1.0), (1.0, 1.0),
                                                  (None, 1.0))] == [
        "increase", "decrease", "no change", "not comparable"]
    assert (scalar.group_median([4.0, 1.0, 3.0, 2.0]), scalar.group_median([])) == (2.5, None)


@st.composite
def matrices(draw: st.DrawFn) -> tuple[np.ndarray, list[Polarity | None], list[bool],
                                       np.ndarray]:
    rows = draw(st.integers(1, 5))
    width = draw(st.integers(1, 12))
    values = np.array([[draw(CELLS) for _ in range(width)] for _ in range(rows)])
    polarities = [draw(st.sampled_from(POLARITIES)) for _ in range(rows)]
    quartiles = [draw(st.booleans()) for _ in range(rows)]
    groups = np.full((width, 4), -1, dtype=np.int64)
    for j in range(width):
        members = draw(st.lists(st.integers(0, width - 1), max_size=4, unique=True))
        groups[j, : len(members)] = members
    return values, polarities, quartiles, groups


@settings(max_examples=200, deadline=None)
@given(matrices())
def test_the_backends_agree(case: tuple[np.ndarray, list[Polarity | None], list[bool],
                                        np.ndarray]) -> None:
    values, polarities, quartiles, groups = case
    lower = np.array([p is not Polarity.HIGHER_IS_BETTER for p in polarities])
    banded = np.array([is_banded(p, q) for p, q in zip(polarities, quartiles, strict=True)])
    rank, ordered, count = columnar.ranks(values, lower)
    band = columnar.bands(values, ordered, count, lower, banded)
    mean, median, members = columnar.group_statistics(values, groups)
    for i, row in enumerate(values):
        numbers = {j: float(v) for j, v in enumerate(row) if not math.isnan(v)}
        ranks = scalar.rank_values(numbers, polarities[i])
        bands = scalar.bands_of(numbers, polarities[i], banded=quartiles[i])
        for j in range(len(row)):
            if j in ranks:
                assert rank[i, j] == ranks[j]
            elif j in numbers and polarities[i] is not None:
                assert polarities[i] is Polarity.NEUTRAL
            expected = bands.get(j)
            assert BANDS[band[i, j]] == ("" if expected is None else expected.value)
            group = [numbers[m] for m in groups[j] if m >= 0 and m in numbers]
            assert members[i, j] == len(group)
            assert _close(scalar.group_mean(group), mean[i, j])
            assert _close(scalar.group_median(group), median[i, j])


Figures = tuple[int | None, str | None, float | None, float | None, float | None]


def _scalar_figures(table: LaitTable, dictionary: LaitDictionary,
                    model: StatisticalNeighbours, outstanding: set[str],
                    ) -> dict[tuple[str, str, str], Figures]:
    """Every authority's rank, band, neighbours' mean and median and Outstanding mean,
    worked one measure-year at a time by the scalar backend from the table's values."""
    from corpparent.dfe.areas import Level

    by_group: dict[tuple[int, int], dict[str, float | None]] = defaultdict(dict)
    areas = table.areas
    local = [a.level is Level.LOCAL_AUTHORITY for a in areas]
    for m, y, a, v in zip(table.measure.tolist(), table.label.tolist(),
                          table.area.tolist(), table.value.tolist(), strict=True):
        if local[a]:
            by_group[(m, y)][areas[a].code] = None if v != v else v
    found: dict[tuple[str, str, str], Figures] = {}
    for (m, y), cells in by_group.items():
        code = table.measures[m]
        measure = dictionary.get(code)
        if measure is None:
            continue
        numbers = {c: v for c, v in cells.items() if v is not None}
        ordered = sorted(numbers.values())
        ranks = {c: scalar.rank_in(ordered, v, measure.polarity) for c, v in numbers.items()}
        bands = scalar.bands_of(numbers, measure.polarity, banded=measure.quartiles)
        others = [c for c in outstanding if c in numbers]
        for c in cells:
            near = model.codes(c) if model.covers(c) else ()
            group = [numbers[n] for n in near if n in numbers]
            rest = [numbers[o] for o in others if o != c]
            band = bands.get(c)
            found[(code, table.labels[y], c)] = (
                ranks.get(c), None if band is None else band.value, scalar.group_mean(group),
                scalar.group_median(group), scalar.group_mean(rest))
    return found


@pytest.mark.national_data
def test_the_backends_agree_on_the_whole_lait_file() -> None:
    from corpparent.dfe.national_table import benchmark_all
    from corpparent.files.dfe.lait import read_lait_dictionary
    from corpparent.files.dfe.lait_columns import read_lait_table
    from corpparent.files.dfe.neighbours import read_neighbours
    from corpparent.files.dfe.ofsted import read_ofsted
    from national_data import NATIONAL_DATA

    table = read_lait_table(NATIONAL_DATA / "lait_bds_long.parquet")
    dictionary = read_lait_dictionary(NATIONAL_DATA / "lait_data_dictionary.csv")
    model = read_neighbours(NATIONAL_DATA / "sn_model_2025_wide.csv")
    outstanding = set(read_ofsted(NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv").codes())
    rows = benchmark_all(table, dictionary, model, outstanding).table.select(
        ["measure", "years", "authority_code", "authority", "rank", "band",
         "neighbours_mean", "neighbours_median", "outstanding_mean"]).to_pylist()
    expected = _scalar_figures(table, dictionary, model, outstanding)
    unbanded = 0
    for row in rows:
        rank, band, n_mean, n_median, o_mean = expected[
            (row["measure"], row["years"], row["authority_code"])]
        assert (row["rank"], row["band"]) == (rank, band), row
        for figure, mine in ((row["neighbours_mean"], n_mean),
                             (row["neighbours_median"], n_median),
                             (row["outstanding_mean"], o_mean)):
            assert _close(mine, math.nan if figure is None else figure), row
        measure = dictionary[row["measure"]]
        unbanded += rank is not None and not measure.quartiles
    # The rows ranked on the measures LAIT shows without bands: neither backend bands them.
    assert unbanded == 8591
    # LAIT's own bands, which the other arithmetic of the cuts moved.
    bands = {(r["measure"], r["years"], r["authority"]): r["band"] for r in rows}
    assert bands[("2yr_Ofsted_rating", "2020", "Isle of Wight")] == Band.A.value
    assert bands[("3&4yr_Ofsted_rating", "2018", "Kingston upon Thames")] == Band.B.value
