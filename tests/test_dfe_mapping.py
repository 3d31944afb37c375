"""Declared mappings from EES files to corpparent indicators: shipped ones and broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.dfe.lait import read_lait_dictionary
from corpparent.dfe.mapping import (
    FileMapping,
    load_mapping,
    national_indicators,
    read_folder,
    read_mapped,
    shipped_mappings,
)
from corpparent.dfe.national import NationalData
from corpparent.errors import DataError, UnknownIndicatorError
from corpparent.indicators.definitions import Kind, Polarity
from corpparent.periods import FinancialYear

DFE = Path("../shared/data/dfe")
HEADER = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
          "region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,"
          "children_count,children_percent")
WILTS = "Local authority,E92000001,England,E12000009,South West,865,Wiltshire,E06000054"
ENGLAND = "National,E92000001,England,,,,,"
MAPPING = """
file = "stability.csv"
title = "Placement stability"

[[indicators]]
id = "moves"
name = "3 or more placements"
kind = "percentage"
polarity = "lower is better"
column = "children_percent"
numerator = "children_count"
filters = { cla_group = "CLA on 31 March", placement_stability = "3+" }
denominator = { column = "children_count", filters = { placement_stability = "Total" } }
"""


@pytest.fixture(scope="module")
def national() -> NationalData:
    return read_folder(DFE)


def test_wiltshire_readings_from_the_shipped_mappings(national: NationalData) -> None:
    readings = national.readings("Wiltshire")
    year = FinancialYear(2024)
    moves = readings.get("cla_3plus_placements", year)
    assert moves is not None
    # DfE 2025: 45 of Wiltshire's 478 children looked after at 31 March had 3+ placements.
    assert (moves.value, moves.numerator, moves.denominator) == (9, 45, 478)
    stable = readings.get("cla_long_term_stability", year)
    assert stable is not None
    assert stable.value == 70
    assert readings.get("cla_count", year) is not None
    assert len(readings.series("cla_3plus_placements")) == 5  # 2020-21 to 2024-25


def test_a_suppressed_value_becomes_a_reading_without_a_number(national: NationalData) -> None:
    reading = national.readings("Rutland").get("cla_3plus_placements", FinancialYear(2024))
    assert reading is not None
    assert reading.value is None
    assert reading.symbol == "c"
    assert "withheld" in reading.unavailable_reason


def test_values_for_every_area_are_keyed_by_code(national: NationalData) -> None:
    values = national.values("cla_3plus_placements", FinancialYear(2024))
    assert values.value("865") == values.value("Wiltshire") == values.value("E06000054") == 9
    assert values.england is not None
    region = values.region_of("Wiltshire")
    assert region is not None
    assert region.name == "South West"
    assert len(values.authority_values()) > 140


def test_asking_for_a_period_not_published_names_what_is(national: NationalData) -> None:
    with pytest.raises(UnknownIndicatorError, match="2020-21"):
        national.values("cla_3plus_placements", FinancialYear(2010))


def test_shipped_mappings_agree_with_the_lait_dictionary() -> None:
    dictionary = read_lait_dictionary(DFE / "lait_data_dictionary.csv")
    mapped = [(m, item) for m in shipped_mappings() for item in m.indicators if item.lait]
    assert len(mapped) >= 7
    for mapping, item in mapped:
        measure = dictionary[item.lait or ""]
        assert measure.polarity == item.polarity, item.id
        assert measure.table == mapping.file.removesuffix(".csv"), item.id


def test_shipped_mappings_define_valid_indicators() -> None:
    definitions = list(national_indicators())
    assert len(definitions) == sum(len(m.indicators) for m in shipped_mappings())
    rates = [d for d in definitions if d.kind is Kind.RATE]
    assert {d.unit for d in rates} == {"per_10k_children"}
    assert {d.polarity for d in rates} == {Polarity.NEUTRAL}


def _write(tmp_path: Path, mapping: str, rows: str) -> tuple[Path, FileMapping]:
    data = tmp_path / "stability.csv"
    data.write_text(f"{HEADER}\n{rows}", encoding="utf-8")
    toml = tmp_path / "stability.toml"
    toml.write_text(mapping, encoding="utf-8")
    return data, load_mapping(toml)


def test_a_small_file_maps_with_numerator_and_denominator(tmp_path: Path) -> None:
    data, mapping = _write(tmp_path, MAPPING,
                           f"2025,Reporting year,{WILTS},CLA on 31 March,3+,45,9\n"
                           f"2025,Reporting year,{WILTS},CLA on 31 March,Total,478,100\n"
                           f"2025,Reporting year,{ENGLAND},CLA on 31 March,3+,c,c\n")
    national = read_mapped(data, mapping)
    wilts = national.readings("Wiltshire").get("moves", FinancialYear(2024))
    assert wilts is not None
    assert (wilts.value, wilts.numerator, wilts.denominator) == (9, 45, 478)
    england = national.values("moves", FinancialYear(2024)).england
    assert england is not None
    assert (england.value, england.symbol) == (None, "c")


def test_a_mapping_that_matches_no_rows_names_file_mapping_and_filter(tmp_path: Path) -> None:
    data, mapping = _write(tmp_path, MAPPING.replace('"3+" }', '"Three+" }'),
                           f"2025,Reporting year,{WILTS},CLA on 31 March,3+,45,9\n")
    with pytest.raises(DataError) as caught:
        read_mapped(data, mapping)
    [problem] = caught.value.problems
    assert problem.source == str(tmp_path / "stability.toml")
    assert problem.field == "indicators[0].filters.placement_stability"
    assert "'moves'" in problem.message
    assert str(data) in problem.message
    assert "'Three+'" in problem.message


def test_a_filter_column_the_file_lacks_is_named(tmp_path: Path) -> None:
    data, mapping = _write(tmp_path, MAPPING.replace("cla_group =", "cla_grp ="),
                           f"2025,Reporting year,{WILTS},CLA on 31 March,3+,45,9\n")
    with pytest.raises(DataError) as caught:
        read_mapped(data, mapping)
    [problem] = caught.value.problems
    assert problem.field == "indicators[0].filters.cla_grp"


def test_a_mapping_matching_two_rows_for_one_area_names_both(tmp_path: Path) -> None:
    loose = MAPPING.replace('cla_group = "CLA on 31 March", ', "")
    data, mapping = _write(tmp_path, loose,
                           f"2025,Reporting year,{WILTS},CLA on 31 March,3+,45,9\n"
                           f"2025,Reporting year,{WILTS},CLA 2 years,3+,71,20\n")
    with pytest.raises(DataError) as caught:
        read_mapped(data, mapping)
    [problem] = caught.value.problems
    assert "rows 2 and 3" in problem.message
    assert "cla_group" in problem.message


@pytest.mark.parametrize(
    ("change", "field"),
    [(('kind = "percentage"', 'kind = "ratio"'), "indicators[0].kind"),
     (('polarity = "lower is better"', 'polarity = "down"'), "indicators[0].polarity"),
     (('column = "children_percent"', 'column = "children_percent"\ncolour = "red"'),
      "indicators[0].colour"),
     (('id = "moves"', 'id = "Moves!"'), "indicators[0]"),
     (('kind = "percentage"', 'kind = "percentage"\nunit = "children"'), "indicators[0]")],
)
def test_an_invalid_mapping_file_names_the_field(tmp_path: Path, change: tuple[str, str],
                                                 field: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MAPPING.replace(*change), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_mapping(path)
    [problem] = caught.value.problems
    assert (problem.source, problem.field) == (str(path), field)


def test_a_mapping_file_that_is_not_toml_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("file = \n", encoding="utf-8")
    with pytest.raises(DataError, match="not valid TOML"):
        load_mapping(path)


def test_a_folder_without_any_mapped_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"la_cla_placement_stability\.csv"):
        read_folder(tmp_path)


def test_two_sources_of_one_indicator_and_year_are_refused(tmp_path: Path) -> None:
    data, mapping = _write(tmp_path, MAPPING,
                           f"2025,Reporting year,{WILTS},CLA on 31 March,3+,45,9\n")
    once = read_mapped(data, mapping)
    with pytest.raises(DataError, match="also given by"):
        once.merged(read_mapped(data, mapping))


def test_financial_year_periods_are_read(tmp_path: Path) -> None:
    data, mapping = _write(tmp_path, MAPPING,
                           f"202324,Financial year,{WILTS},CLA on 31 March,3+,45,9\n")
    assert read_mapped(data, mapping).periods() == (FinancialYear(2023),)
