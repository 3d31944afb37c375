"""The engine against LAIT's documented conventions, with expected values worked out by
hand from the rules quoted (``R/fn_analysis.R`` of the DfE's LAIT, as summarised in
the project's reference notes §3.1):

* "the bands are R's quantile(na.rm=TRUE) (default type 7) of all LAs' values";
* "Polarity Low: [0%,25%] -> A, (25,50] -> B, (50,75] -> C, (75,100] -> D; Polarity
  High: [0%,25%] -> D, ... (75,100] -> A"; "Polarity '-' or indicators in
  no_qb_indicators show '-'";
* "rank(values, ties.method='min', na.last=TRUE). High polarity ranks on -value, so
  rank 1 = best. NA values get no rank";
* statistical neighbours: "simple averages ... Where data does not exist for one or more
  ... the information is excluded from the mean", with the median beside it.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from corpparent.dfe.national_table import NO_NEIGHBOURS, benchmark_all
from corpparent.indicators.definitions import Polarity
from national_engine_support import Cell, authority, dictionary, neighbours, table

HIGH, LOW, NEUTRAL = (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER,
                      Polarity.NEUTRAL)


def _rows(cells: list[Cell], polarity: Polarity | None, *, quartiles: bool = True,
          groups: dict[int, list[int]] | None = None, outstanding: tuple[int, ...] = (),
          years: dict[str, list[Cell]] | None = None) -> dict[tuple[str, str], Any]:
    data = table(years or {"2025": cells}, england=50.0, region=40.0)
    count = max(len(c) for c in (years or {"x": cells}).values())
    results = benchmark_all(data, dictionary(polarity, quartiles=quartiles),
                            neighbours(groups or {}, count),
                            {authority(i).code for i in outstanding})
    return {(r["years"], r["authority"]): r for r in results.table.to_pylist()}


def _column(rows: dict[tuple[str, str], Any], key: str, n: int,
            years: str = "2025") -> list[Any]:
    return [rows[(years, f"Authority {i}")][key] for i in range(n)]


# Values 1..5: type-7 quartiles are q25 = 2, q50 = 3, q75 = 4, and a value on a cut
# belongs to the quarter below it.
@pytest.mark.parametrize(("polarity", "expected"), [
    (LOW, ["A", "A", "B", "C", "D"]),
    (HIGH, ["D", "D", "C", "B", "A"]),
])
def test_band_boundaries_for_both_polarities(polarity: Polarity, expected: list[str]) -> None:
    rows = _rows([1.0, 2.0, 3.0, 4.0, 5.0], polarity)
    assert _column(rows, "band", 5) == expected


def test_cuts_between_values_are_interpolated() -> None:
    # 10, 20, 30, 40: q25 = 10 + 0.75 * 10 = 17.5, q50 = 25, q75 = 32.5.
    rows = _rows([10.0, 20.0, 30.0, 40.0], LOW)
    assert _column(rows, "band", 4) == ["A", "B", "C", "D"]


@pytest.mark.parametrize("polarity", [NEUTRAL, None])
def test_no_band_and_no_rank_without_polarity(polarity: Polarity | None) -> None:
    rows = _rows([1.0, 2.0, 3.0, 4.0, 5.0], polarity)
    assert _column(rows, "band", 5) == [None] * 5
    assert _column(rows, "rank", 5) == [None] * 5
    assert _column(rows, "outstanding_better_than", 5) == [None] * 5


def test_no_quartile_measures_are_ranked_but_not_banded() -> None:
    rows = _rows([1.0, 2.0, 3.0, 4.0, 5.0], LOW, quartiles=False)
    assert _column(rows, "band", 5) == [None] * 5
    assert _column(rows, "rank", 5) == [1, 2, 3, 4, 5]


def test_rank_ties_take_the_best_rank_and_missing_values_none() -> None:
    # Higher is better: 30 first; the two 20s share rank 2; 10 is 4th; "c" and "-" unranked.
    rows = _rows([20.0, 30.0, "c", 20.0, None, 10.0], HIGH)
    assert _column(rows, "rank", 6) == [2, 1, None, 2, None, 4]
    assert set(_column(rows, "ranked", 6)) == {4}
    assert _column(rows, "symbol", 6)[2] == "c"
    low = _rows([20.0, 30.0, "c", 20.0, None, 10.0], LOW)
    assert _column(low, "rank", 6) == [2, 4, None, 2, None, 1]


def test_neighbour_mean_drops_missing_values_with_the_median_beside_it() -> None:
    # Authority 0's neighbours hold 1, "c", 3 and 8: mean (1 + 3 + 8) / 3 = 4, median 3.
    rows = _rows([100.0, 1.0, "c", 3.0, 8.0], LOW, groups={0: [1, 2, 3, 4]})
    own = rows[("2025", "Authority 0")]
    assert own["neighbours_mean"] == pytest.approx(4.0)
    assert own["neighbours_median"] == 3.0
    assert own["neighbours_with_value"] == 3
    assert own["gap_neighbours"] == pytest.approx(96.0)


def test_an_authority_outside_the_model_has_no_neighbours_not_an_error() -> None:
    rows = _rows([1.0, 2.0, 3.0, 4.0], LOW, groups={0: [1, 2]})
    outside = rows[("2025", "Authority 3")]
    assert outside["neighbours_note"] == NO_NEIGHBOURS
    assert outside["neighbours_mean"] is None
    assert rows[("2025", "Authority 0")]["neighbours_note"] is None


def test_outstanding_mean_leaves_the_authority_out() -> None:
    # Outstanding: authorities 0, 1, 2 with 10, 20, 60. Authority 0's group is 1 and 2:
    # mean 40; lower is better, so 10 is better than both. Authority 3 (30) is judged
    # against all three: mean 30, better than one (60).
    rows = _rows([10.0, 20.0, 60.0, 30.0], LOW, outstanding=(0, 1, 2))
    first, other = rows[("2025", "Authority 0")], rows[("2025", "Authority 3")]
    assert (first["outstanding_mean"], first["outstanding_better_than"],
            first["outstanding_with_value"]) == (40.0, 2, 2)
    assert (other["outstanding_mean"], other["outstanding_better_than"],
            other["outstanding_with_value"]) == (30.0, 1, 3)


def test_england_region_and_gaps() -> None:
    rows = _rows([10.0, 20.0, 60.0, 30.0], LOW)
    own = rows[("2025", "Authority 1")]
    assert (own["england"], own["region_value"], own["region"]) == (50.0, 40.0, "South West")
    assert (own["gap_england"], own["gap_region"]) == (-30.0, -20.0)


def test_direction_only_against_the_year_before() -> None:
    # 2022 (2021-22), 2023 (2022-23), then 2025 (2024-25) with 2024 missing.
    years: dict[str, list[Cell]] = {"2022": [5.0, 1.0], "2023": [7.0, None],
                                    "2025": [7.0, 3.0]}
    rows = _rows([], LOW, years=years)
    assert rows[("2022", "Authority 0")]["direction"] == "not comparable"
    assert rows[("2023", "Authority 0")]["direction"] == "increase"
    assert rows[("2023", "Authority 0")]["previous_period"] == "2021-22"
    assert rows[("2023", "Authority 1")]["direction"] == "not comparable"
    # The year before 2024-25 is not in the data: never compared with 2022-23.
    assert rows[("2025", "Authority 0")]["direction"] == "not comparable"
    assert rows[("2025", "Authority 0")]["previous_period"] is None
    same = _rows([], LOW, years={"2022": [5.0], "2023": [5.0]})
    assert same[("2023", "Authority 0")]["direction"] == "no change"
    assert not math.isnan(same[("2023", "Authority 0")]["previous_value"])


def test_results_refuse_an_unknown_file_type_and_a_missing_polars(tmp_path: Any) -> None:
    from corpparent.errors import CorpparentError, DataError
    from corpparent.files.dfe.national_results import write_national_results

    results = benchmark_all(table({"2025": [1.0, 2.0]}), dictionary(LOW), neighbours({}, 2),
                            set())
    with pytest.raises(DataError, match=r"\.csv or \.parquet"):
        write_national_results(results, tmp_path / "out.xlsx")
    try:
        import polars  # noqa: F401
    except ImportError:
        with pytest.raises(CorpparentError, match="needs polars"):
            results.to_polars()
    else:  # pragma: no cover - polars is not a test dependency
        assert len(results.to_polars()) == 2


@pytest.mark.parametrize(("label", "status"), [("2016-17 (OT)", "OT"), ("2018 (Rev)", "Rev"),
                                               ("2025 (prov)", "prov"), ("2025", None)])
def test_release_notes_of_a_label(label: str, status: str | None) -> None:
    from corpparent.dfe.lait_periods import lait_status

    assert lait_status(label) == status


def test_the_engine_is_imported_from_corpparent_dfe_on_first_use() -> None:
    import subprocess
    import sys

    code = ("import sys, corpparent.dfe; before = 'numpy' in sys.modules; "
            "from corpparent.dfe import benchmark_all, NationalResults, LaitTable; "
            "print(before, benchmark_all.__module__, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "corpparent.dfe.national_table", "True"]


def test_a_gap_is_written_as_the_figures_give_it() -> None:
    """61.6 - 50 (England) is 11.600000000000001 in binary floating point; the gap is
    11.6."""
    assert 61.6 - 50.0 != 11.6
    rows = _rows([61.6, 1.0, 2.0, 3.0], LOW)
    assert rows[("2025", "Authority 0")]["gap_england"] == 11.6
