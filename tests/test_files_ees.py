"""The Explore Education Statistics reader, on the DfE's real files and on broken ones.

Expected figures come from the published files themselves and from the Wiltshire CPP
annual report 2022-23 (seed 002), which quotes the same DfE statistics.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from corpparent.dfe.areas import Level
from corpparent.dfe.ees import EesRow, EesTable, ees_period
from corpparent.dfe.figures import parse_figure
from corpparent.errors import DataError, Problem
from corpparent.files.dfe.ees import read_ees
from corpparent.periods import CalendarYear, FinancialYear, Period
from corpparent.symbols import MAX_MAGNITUDE, OFFICIAL_SYMBOLS
from national_data import NATIONAL_DATA

DFE = NATIONAL_DATA
STABILITY = DFE / "la_cla_placement_stability.csv"
STABILITY_COLUMNS = ("children_count", "children_percent")
HEADER = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
          "region_name,old_la_code,la_name,new_la_code,cla_group,children_count,children_percent")
WILTS = "Local authority,E92000001,England,E12000009,South West,865,Wiltshire,E06000054"


@pytest.fixture(scope="module")
def stability(national_data: Path) -> EesTable:
    return read_ees(STABILITY, STABILITY_COLUMNS)


def _figure(table: EesTable, area: str, period: Period, **filters: str) -> EesRow:
    [row] = [r for r in table.select(filters) if r.area.name == area and r.period == period]
    return row


def test_wiltshire_2025_placement_stability(stability: EesTable) -> None:
    # DfE, children looked after 2025: Wiltshire 9% with 3+ placements, 70% stable.
    year = FinancialYear(2024)  # "2025, Reporting year": the year ending 31 March 2025
    moves = _figure(stability, "Wiltshire", year, cla_group="CLA on 31 March",
                    placement_stability="With 3 or more placements during the year")
    assert moves.figures["children_percent"].value == 9
    assert moves.figures["children_count"].value == 45
    stable = _figure(stability, "Wiltshire", year,
                     placement_stability="Living with the same carer for at least 2 years")
    assert stable.figures["children_percent"].value == 70


def test_england_and_south_west_2020_21_match_the_annual_report(stability: EesTable) -> None:
    # 002 §32, "COMPARATORS 2020-21": Wilts 6%, Eng 9%, SW Region 11%.
    filters = {"cla_group": "CLA on 31 March",
               "placement_stability": "With 3 or more placements during the year"}
    year = FinancialYear(2020)
    values = {row.area.name: row.figures["children_percent"].value
              for row in stability.select(filters) if row.period == year}
    assert (values["Wiltshire"], values["England"], values["South West"]) == (6, 9, 11)


def test_every_area_level_and_code_is_read(stability: EesTable) -> None:
    wilts = stability.areas["Wiltshire"]
    assert (wilts.code, wilts.ons_code, wilts.region) == ("865", "E06000054", "E12000009")
    assert stability.areas["E06000054"] is wilts
    assert stability.areas["E92000001"].level is Level.NATIONAL
    assert stability.areas["South West"].level is Level.REGIONAL
    assert stability.filter_columns == ("cla_group", "placement_stability")


def test_a_suppressed_cell_is_a_status_not_a_number(stability: EesTable) -> None:
    # la_cla_placement_stability.csv line 403: Rutland 2025, 3+ placements, "c,c".
    [row] = [r for r in stability.rows if r.line == 403]
    assert row.area.name == "Rutland"
    for column in STABILITY_COLUMNS:
        assert row.figures[column].value is None
        assert row.figures[column].symbol == "c"


def test_every_symbol_in_the_file_is_kept_and_every_number_read(stability: EesTable) -> None:
    with STABILITY.open(encoding="utf-8-sig", newline="") as handle:
        raw = dict(enumerate(csv.DictReader(handle), start=2))
    assert len(stability.rows) == len(raw)
    for row in stability.rows:
        for column in STABILITY_COLUMNS:
            text = raw[row.line][column]
            figure = row.figures[column]
            if text in OFFICIAL_SYMBOLS:
                assert (figure.value, figure.symbol) == (None, text)
            else:
                assert (figure.value, figure.symbol) == (float(text), None)


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    for bom in ("\ufeff", ""):
        path = tmp_path / "f.csv"
        path.write_text(f"{bom}{HEADER}\n2025,Reporting year,{WILTS},CLA,45,9\n",
                        encoding="utf-8")
        [row] = read_ees(path, STABILITY_COLUMNS).rows
        assert row.period == FinancialYear(2024)
        assert row.figures["children_percent"].value == 9


def _problems(path: Path, columns: tuple[str, ...] = STABILITY_COLUMNS) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        read_ees(path, columns)
    return caught.value.problems


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(HEADER.replace(",children_percent", "") + "\n", encoding="utf-8")
    [problem] = _problems(path)
    assert (problem.source, problem.line, problem.field) == (str(path), 1, "children_percent")


def test_an_unknown_symbol_is_named_with_its_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"{HEADER}\n2025,Reporting year,{WILTS},CLA,45,9\n"
                    f"2025,Reporting year,{WILTS},CLA,45,q\n"
                    f"2025,Reporting year,{WILTS},CLA,,9\n", encoding="utf-8")
    problems = _problems(path)
    assert [(p.source, p.line, p.field) for p in problems] == [
        (str(path), 3, "children_percent"), (str(path), 4, "children_count")]
    assert "'q'" in problems[0].message
    assert "official symbol" in problems[0].message


def test_bad_periods_levels_and_codes_are_all_reported(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        f"{HEADER}\n"
        f"2025,Academic year,{WILTS},CLA,45,9\n"
        f"2025,Reporting year,{WILTS.replace('Local authority', 'Ward')},CLA,45,9\n"
        f"2025,Reporting year,{WILTS.replace('865', '')},CLA,45,9\n",
        encoding="utf-8")
    problems = _problems(path)
    assert [(p.line, p.field) for p in problems] == [
        (2, "time_period"), (3, "geographic_level"), (4, "old_la_code")]


def test_a_row_with_too_few_cells_is_named(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"{HEADER}\n2025,Reporting year,{WILTS},CLA,45\n", encoding="utf-8")
    [problem] = _problems(path)
    assert problem.line == 2


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path / "absent.csv")
    assert problem.source == str(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("time_period", "identifier", "expected"),
    [("2025", "Reporting year", FinancialYear(2024)),
     ("202425", "Financial year", FinancialYear(2024)),
     ("199900", "Financial year", FinancialYear(1999)),
     ("2024", "Calendar year", CalendarYear(2024))],
)
def test_ees_periods(time_period: str, identifier: str, expected: object) -> None:
    assert ees_period(time_period, identifier) == expected


@pytest.mark.parametrize(("time_period", "identifier"),
                         [("202426", "Financial year"), ("2025", "Financial year"),
                          ("202425", "Reporting year"), ("2025", "Academic year")])
def test_unreadable_ees_periods(time_period: str, identifier: str) -> None:
    with pytest.raises(ValueError, match="accepted"):
        ees_period(time_period, identifier)


@given(st.floats(min_value=-MAX_MAGNITUDE, max_value=MAX_MAGNITUDE))
def test_a_published_number_reads_back_exactly(value: float) -> None:
    assert parse_figure(repr(value)).value == value


@given(st.floats(min_value=MAX_MAGNITUDE, exclude_min=True), st.booleans())
def test_a_number_beyond_any_figure_is_refused(value: float, negative: bool) -> None:
    with pytest.raises(ValueError, match=r"at most|finite"):
        parse_figure(repr(-value if negative else value))


@given(st.sampled_from(sorted(OFFICIAL_SYMBOLS)), st.booleans())
def test_a_symbol_in_any_case_is_kept_and_never_a_number(symbol: str, upper: bool) -> None:
    figure = parse_figure(symbol.upper() if upper else symbol)
    assert (figure.value, figure.symbol) == (None, symbol)


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1))
def test_other_words_are_refused(text: str) -> None:
    if text.strip().lower() in OFFICIAL_SYMBOLS or text.strip().lower() in {"nan", "inf",
                                                                             "infinity"}:
        return
    with pytest.raises(ValueError, match="official symbol"):
        parse_figure(text)
