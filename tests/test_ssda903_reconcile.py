"""Reconciling computed SSDA903 measures with invented "published" EES files.

The return is the example one (examples/data/ssda903), whose figures for 2023-24 are
worked by hand in docs/ssda903.md: 5 children looked after at 31 March, 2 started and
3 ceased in the year, 1 of the 5 with three or more placements, 2 of the 3 in the
long-term cohort with the same carer for two years, 1 of 3 care leavers in suitable
accommodation and 2 of 4 in education, employment or training. No real return is
used: these tests show the reconciliation works, not that the figures agree with the
DfE's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpparent.errors import DataError
from corpparent.files import read_returns
from corpparent.files.dfe.ssda903_published import read_published
from corpparent.ssda903 import Return, Returns, Table, measures
from corpparent.ssda903.counted import drill_down
from corpparent.ssda903.measuring import Unit
from corpparent.ssda903.reconciling import (
    NOT_PUBLISHED,
    PUBLISHED_IN,
    PublishedFigures,
    Reconciliation,
    Status,
    at_rounding,
    reconcile,
)
from ssda903_ees import CAMDEN, Cells, write_published

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"
YEAR = "2023-24"
#: The example's figures as the DfE would publish them: percentages to the nearest whole
#: number (2 of 3 is 66.67, published "67"; 1 of 3 is 33.33, "33").
AS_PUBLISHED: dict[str, Cells] = {
    "cla_31_march": ("5", None, "5"),
    "starts": ("2", None, "2"),
    "ceased": ("3", None, "3"),
    "placements_3plus": ("1", "5", "20"),
    "long_term_stability": ("2", "3", "67"),
    "care_leavers_suitable_accommodation": ("1", "3", "33"),
    "care_leavers_eet": ("2", "4", "50"),
    "care_leavers_17_18_suitable_accommodation": ("1", "1", "100"),
    "care_leavers_17_18_eet": ("1", "1", "100"),
}


@pytest.fixture(scope="module")
def returns() -> Returns:
    return read_returns(EXAMPLE)


def by_measure(results: tuple[Reconciliation, ...]) -> dict[str, Reconciliation]:
    return {result.measure: result for result in results}


def reconciled(returns: Returns, folder: Path, authority: str = "302",
               year: str = YEAR) -> dict[str, Reconciliation]:
    return by_measure(reconcile(measures(returns, year), read_published(folder, authority)))


def test_every_published_measure_agrees_at_the_published_rounding(
        returns: Returns, tmp_path: Path) -> None:
    results = reconciled(returns, write_published(tmp_path, AS_PUBLISHED))
    assert {m: r.status for m, r in results.items() if m in PUBLISHED_IN} == \
        dict.fromkeys(PUBLISHED_IN, Status.AGREE)
    stability = results["long_term_stability"]
    assert [(c.figure, c.computed, c.published.value if c.published else None, c.status)
            for c in stability.checks] == [("numerator", 2, 2, Status.AGREE),
                                           ("denominator", 3, 3, Status.AGREE),
                                           ("value", 67, 67, Status.AGREE)]
    assert all(c.difference == 0 for c in stability.checks)


def test_the_measures_no_file_publishes_are_not_comparable_and_say_why(
        returns: Returns, tmp_path: Path) -> None:
    results = reconciled(returns, write_published(tmp_path, AS_PUBLISHED))
    for measure in ("oc2_health_check", "oc2_immunisations", "oc2_teeth_check",
                    "missing_children", "missing_incidents"):
        assert results[measure].status is Status.NOT_COMPARABLE
        assert results[measure].checks == ()
        assert results[measure].note == NOT_PUBLISHED[measure]
    assert set(NOT_PUBLISHED) | set(PUBLISHED_IN) == set(results)


def test_a_column_shown_to_one_decimal_is_compared_at_one_decimal(
        returns: Returns, tmp_path: Path) -> None:
    # 2 of 3 is 66.666...: "66.7" at one decimal agrees, "66.6" differs by 0.1.
    figures = {**AS_PUBLISHED, "long_term_stability": ("2", "3", "66.7")}
    checks = reconciled(returns, write_published(tmp_path / "a", figures))[
        "long_term_stability"].checks
    assert (checks[2].computed, checks[2].status) == (66.7, Status.AGREE)
    figures = {**AS_PUBLISHED, "long_term_stability": ("2", "3", "66.6")}
    result = reconciled(returns, write_published(tmp_path / "b", figures))[
        "long_term_stability"]
    assert result.status is Status.DIFFER
    assert (result.checks[2].difference, result.checks[2].published.decimals) == (0.1, 1)


def test_rounding_is_half_up_and_exact() -> None:
    # 1 of 8 is 12.5 exactly: half up gives 13 (round() would give 12); 1 of 3 at one
    # decimal is 33.3; 2 of 3, 66.67 at two.
    assert at_rounding(1, 8, Unit.PERCENT, 0) == 13
    assert at_rounding(1, 3, Unit.PERCENT, 1) == 33.3
    assert at_rounding(2, 3, Unit.PERCENT, 2) == 66.67
    assert at_rounding(7, None, Unit.COUNT, 0) == 7
    assert at_rounding(0, 0, Unit.PERCENT, 0) is None


def test_a_planted_difference_is_found_and_drilled_down_to_the_planted_child(
        returns: Returns, tmp_path: Path) -> None:
    planted = Table.from_rows("Episodes", [
        {"CHILD": "PLANTED1", "DECOM": dt.date(2023, 6, 1), "RNE": "S", "LS": "C2",
         "PLACE": "U1", "PLACE_PROVIDER": "PR1"}])
    year = returns[YEAR]
    episodes = year.tables["Episodes"]
    joined = Table.of("Episodes", {name: [*episodes.column(name), *planted.column(name)]
                                   for name in episodes.columns})
    header = year.tables["Header"]
    with_child = Table.of("Header", {
        name: [*header.column(name), dt.date(2010, 1, 1) if name == "DOB" else
               "PLANTED1" if name == "CHILD" else ""] for name in header.columns})
    changed = Returns([*(r for y, r in returns.items() if str(y) != YEAR),
                       Return(YEAR, {**year.tables, "Episodes": joined, "Header": with_child})])
    results = reconciled(changed, write_published(tmp_path, AS_PUBLISHED))
    # The planted child started in the year and is looked after at 31 March with one
    # placement: 6 looked after (published 5), 3 started (2), 1 of 6 with three
    # placements, 16.67% published as 20.
    assert {m for m, r in results.items() if r.status is Status.DIFFER} == {
        "cla_31_march", "starts", "placements_3plus"}
    cla = results["cla_31_march"].checks[0]
    assert (cla.computed, cla.difference) == (6, 1)
    stability = {c.figure: c for c in results["placements_3plus"].checks}
    assert stability["numerator"].status is Status.AGREE
    assert (stability["denominator"].difference, stability["value"].difference) == (1, -3)
    before = {c.child for c in drill_down(returns, YEAR, "cla_31_march").children}
    after = drill_down(changed, YEAR, "cla_31_march")
    assert {c.child for c in after.children} - before == {"PLANTED1"}
    assert after.adds_up
    assert after.numerator == 6


def test_drill_down_gives_each_child_counted_and_adds_up(returns: Returns) -> None:
    stability = drill_down(returns, YEAR, "long_term_stability")
    assert (stability.numerator, stability.denominator) == (2, 3)
    assert stability.adds_up
    assert sum(c.numerator for c in stability.children) == 2
    assert all(c.denominator == 1 for c in stability.children)
    missing = drill_down(returns, YEAR, "missing_incidents")
    assert missing.adds_up
    assert missing.numerator == 3


@pytest.mark.parametrize("symbol", ["c", "z", "x", "low", "k"])
def test_a_published_symbol_is_not_comparable_never_a_match_or_a_difference(
        returns: Returns, tmp_path: Path, symbol: str) -> None:
    figures = {**AS_PUBLISHED, "long_term_stability": (symbol, "3", symbol),
               "cla_31_march": ("9", None, symbol)}
    results = reconciled(returns, write_published(tmp_path, figures))
    stability = {c.figure: c for c in results["long_term_stability"].checks}
    for figure in ("numerator", "value"):
        assert stability[figure].status is Status.NOT_COMPARABLE
        assert stability[figure].note.startswith(f"published as {symbol} (")
        assert stability[figure].difference is None
    assert stability["denominator"].status is Status.AGREE
    assert results["long_term_stability"].status is Status.AGREE
    assert results["cla_31_march"].status is Status.NOT_COMPARABLE


def test_an_authority_absent_from_the_files_is_reported(
        returns: Returns, tmp_path: Path) -> None:
    folder = write_published(tmp_path, AS_PUBLISHED, authority=CAMDEN, others=False)
    published = read_published(folder, "302")
    assert published.name is None
    assert not published.figures
    results = by_measure(reconcile(measures(returns, YEAR), published))
    for measure, publication in PUBLISHED_IN.items():
        assert results[measure].status is Status.NOT_COMPARABLE
        assert {c.note for c in results[measure].checks} == {
            f"302 has no row for it in {publication.file}"}


def test_an_authority_is_found_by_code_ons_code_or_name(tmp_path: Path) -> None:
    folder = write_published(tmp_path, AS_PUBLISHED)
    for asked in ("302", "E09000003", "Barnet"):
        published = read_published(folder, asked)
        assert published.name == "Barnet"
        assert published.figures[("cla_31_march", YEAR, "value")].value == 5
    assert read_published(folder, "202").figures[("starts", YEAR, "value")].value == 2


def test_a_file_or_year_not_read_is_not_comparable(returns: Returns, tmp_path: Path) -> None:
    only_numbers = {m: AS_PUBLISHED[m] for m in ("cla_31_march", "starts", "ceased")}
    results = reconciled(returns, write_published(tmp_path / "a", only_numbers))
    assert results["starts"].status is Status.AGREE
    assert results["placements_3plus"].note == \
        "la_cla_placement_stability.csv is not among the published files read"
    earlier = reconciled(returns, write_published(tmp_path / "b", AS_PUBLISHED,
                                                  time_period="2023"))
    assert earlier["starts"].note == \
        "cla_number_and_rate_per_10k_children.csv publishes 2022-23, not 2023-24"


def test_a_measure_under_an_earlier_definition_is_not_compared(
        returns: Returns, tmp_path: Path) -> None:
    # The file gives long-term stability by the 2024 definition (the same carer) for
    # every year; 2022-23's is computed by the earlier one (the same placement).
    folder = write_published(tmp_path, AS_PUBLISHED, time_period="2023")
    results = by_measure(reconcile(measures(returns, "2022-23"),
                                   read_published(folder, "302")))
    assert results["long_term_stability"].status is Status.NOT_COMPARABLE
    assert "definition in force for 2022-23" in results["long_term_stability"].note


def test_figures_taken_at_another_day_are_not_compared(
        returns: Returns, tmp_path: Path) -> None:
    table = measures(returns, YEAR, ["starts"], as_at=dt.date(2023, 12, 31))
    [result] = reconcile(table, read_published(write_published(tmp_path, AS_PUBLISHED),
                                               "302"))
    assert result.status is Status.NOT_COMPARABLE
    assert result.note.startswith("taken at 2023-12-31")


def test_reconcile_takes_rows_and_refuses_a_table_without_the_measures_columns() -> None:
    published = PublishedFigures("302")
    [result] = reconcile([{"measure": "starts", "year": YEAR, "as_at": "2024-03-31",
                           "numerator": 2, "denominator": None, "value": 2.0}], published)
    assert result.note == "cla_number_and_rate_per_10k_children.csv is not among the " \
        "published files read"
    with pytest.raises(ValueError, match="needs the columns as_at, denominator"):
        reconcile([{"measure": "starts", "year": YEAR, "numerator": 2, "value": 2.0}],
                  published)


def test_a_folder_without_the_files_or_with_a_bad_cell_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="none of the DfE's published files is here"):
        read_published(tmp_path, "302")
    folder = write_published(tmp_path / "bad", {"starts": ("2", None, "two")})
    with pytest.raises(DataError) as caught:
        read_published(folder, "302")
    assert "cla_number_and_rate_per_10k_children.csv" in str(caught.value)
    assert caught.value.line is not None


@pytest.mark.national_data
def test_reads_the_real_files_for_one_authority(national_data: Path) -> None:
    # Barnet's rows of la_cla_placement_stability.csv for 2024: 30 of the 330 children
    # looked after at 31 March had three or more placements, published as 9 (per cent).
    published = read_published(national_data, "302")
    assert published.name == "Barnet"
    got = {f: published.figures[("placements_3plus", YEAR, f)] for f in
           ("numerator", "denominator", "value")}
    assert {f: (p.value, p.decimals) for f, p in got.items()} == {
        "numerator": (30, 0), "denominator": (330, 0), "value": (9, 0)}
