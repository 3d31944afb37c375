"""Declared mappings from EES files to corpparent indicators: shipped ones and broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.dfe.national import NationalData
from corpparent.errors import DataError, UnknownIndicatorError
from corpparent.files.dfe.lait import read_lait_dictionary
from corpparent.files.dfe.mapping import (
    FileMapping,
    load_mapping,
    national_definitions,
    national_indicators,
    read_folder,
    read_mapped,
    shipped_mappings,
)
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import FinancialYear
from corpparent.plugins import load_profile
from national_data import NATIONAL_DATA

DFE = NATIONAL_DATA
HEADER = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
          "region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,"
          "children_count,children_percent")
WILTS = "Local authority,E92000001,England,E12000009,South West,865,Wiltshire,E06000054"
ENGLAND = "National,E92000001,England,,,,,"
MAPPING = """
file = "stability.csv"
title = "Placement stability"

[[indicators]]
id = "placements_3plus"
column = "children_percent"
numerator = "children_count"
filters = { cla_group = "CLA on 31 March", placement_stability = "3+" }
denominator = { column = "children_count", filters = { placement_stability = "Total" } }
"""


@pytest.fixture(scope="module")
def national(national_data: Path) -> NationalData:
    return read_folder(national_data)


def test_wiltshire_readings_from_the_shipped_mappings(national: NationalData) -> None:
    readings = national.readings("Wiltshire")
    year = FinancialYear(2024)
    moves = readings.get("placements_3plus", year)
    assert moves is not None
    # DfE 2025: 45 of Wiltshire's 478 children looked after at 31 March had 3+ placements.
    assert (moves.value, moves.numerator, moves.denominator) == (9, 45, 478)
    stable = readings.get("long_term_stability", year)
    assert stable is not None
    assert stable.value == 70
    assert readings.get("cla_number", year) is not None
    assert len(readings.series("placements_3plus")) == 5  # 2020-21 to 2024-25


def test_a_suppressed_value_becomes_a_reading_without_a_number(national: NationalData) -> None:
    reading = national.readings("Rutland").get("placements_3plus", FinancialYear(2024))
    assert reading is not None
    assert reading.value is None
    assert reading.symbol == "c"
    assert "withheld" in reading.unavailable_reason


def test_values_for_every_area_are_keyed_by_code(national: NationalData) -> None:
    values = national.values("placements_3plus", FinancialYear(2024))
    assert values.value("865") == values.value("Wiltshire") == values.value("E06000054") == 9
    assert values.england is not None
    region = values.region_of("Wiltshire")
    assert region is not None
    assert region.name == "South West"
    assert len(values.authority_values()) > 140


def test_asking_for_a_period_not_published_names_what_is(national: NationalData) -> None:
    with pytest.raises(UnknownIndicatorError, match="2020-21"):
        national.values("placements_3plus", FinancialYear(2010))


@pytest.mark.national_data
def test_every_mapped_id_is_a_national_indicator_with_the_lait_polarity() -> None:
    # The national plug-in defines each indicator once; LAIT's data dictionary gives its
    # polarity (High, Low or "-") and names the EES file it comes from (Table_status).
    national = load_profile("national", environ={}).indicators
    dictionary = read_lait_dictionary(DFE / "lait_data_dictionary.csv")
    mapped = [(m, item) for m in shipped_mappings() for item in m.indicators]
    for mapping, item in mapped:
        assert item.id in national, (mapping.path, item.id)
        assert item.indicator == national[item.id]
        if item.lait is None:
            continue
        # The mapping's LAIT code is the one the plug-in cites as the indicator's source.
        assert national[item.id].source == f"lait {item.lait}", item.id
        measure = dictionary[item.lait]
        assert measure.polarity is national[item.id].polarity, item.id
        assert measure.table == mapping.file.removesuffix(".csv"), item.id
    assert sum(1 for _, item in mapped if item.lait) >= 12


@pytest.mark.national_data
def test_every_national_indicator_the_mapped_files_publish_is_mapped() -> None:
    # A national indicator whose LAIT measure comes from a file that is mapped must be
    # mapped too, or the readers would silently leave it out.
    dictionary = read_lait_dictionary(DFE / "lait_data_dictionary.csv")
    files = {m.file.removesuffix(".csv") for m in shipped_mappings()}
    mapped = set(national_indicators().ids)
    for indicator in national_definitions():
        code = indicator.source.removeprefix("lait ")
        if indicator.source.startswith("lait ") and dictionary[code].table in files:
            assert indicator.id in mapped, indicator.id


def test_national_definitions_are_the_national_plugins() -> None:
    assert national_definitions() == load_profile("national", environ={}).indicators


def test_the_covered_indicators_are_the_national_ones_mapped() -> None:
    covered = national_indicators()
    national = national_definitions()
    assert set(covered.ids) == {i.id for m in shipped_mappings() for i in m.indicators}
    assert all(covered[i] == national[i] for i in covered.ids)
    rates = [d for d in covered if d.kind is Kind.RATE]
    assert {d.unit for d in rates} == {"per_10k_children"}
    assert {d.polarity for d in rates} == {Polarity.NEUTRAL}
    # LAIT's care-leaver measures are of the 19-21 cohort (lait_data_dictionary.csv,
    # CareLeaverEET: "Care Leavers 19-21 year olds in Education, Employment or Training").
    assert covered["care_leavers_19_21_eet"].source == "lait CareLeaverEET"


def test_a_mapped_id_the_national_plugin_lacks_names_the_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "stability.toml"
    path.write_text(MAPPING.replace('id = "placements_3plus"', 'id = "cla_3plus_placements"'),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_mapping(path)
    [problem] = caught.value.problems
    assert (problem.source, problem.field) == (str(path), "indicators[0].id")
    assert "'cla_3plus_placements' is not an indicator of the national plug-in" in (
        problem.message)
    assert "did you mean 'placements_3plus'" in problem.message


def test_a_mapping_may_name_indicators_of_another_set(tmp_path: Path) -> None:
    own = IndicatorSet([Indicator("moves", "Moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)])
    data, _ = _write(tmp_path, MAPPING, f"2025,Reporting year,{WILTS},CLA on 31 March,3+,45,9\n")
    path = tmp_path / "own.toml"
    path.write_text(MAPPING.replace('"placements_3plus"', '"moves"'), encoding="utf-8")
    mapping = load_mapping(path, own)
    assert mapping.definitions() == (own["moves"],)
    reading = read_mapped(data, mapping).readings("Wiltshire").get("moves", FinancialYear(2024))
    assert reading is not None
    assert reading.value == 9
    with pytest.raises(DataError, match="not an indicator of the indicator set given"):
        load_mapping(tmp_path / "stability.toml", own)


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
    wilts = national.readings("Wiltshire").get("placements_3plus", FinancialYear(2024))
    assert wilts is not None
    assert (wilts.value, wilts.numerator, wilts.denominator) == (9, 45, 478)
    england = national.values("placements_3plus", FinancialYear(2024)).england
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
    assert "'placements_3plus'" in problem.message
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
    [(('column = "children_percent"', 'column = "children_percent"\ncolour = "red"'),
      "indicators[0].colour"),
     (('id = "placements_3plus"', 'id = "Moves!"'), "indicators[0].id"),
     (('column = "children_percent"', 'column = ""'), "indicators[0].column"),
     # What an indicator is belongs to the national plug-in, not to a mapping.
     (('column = "children_percent"', 'column = "children_percent"\nkind = "percentage"'),
      "indicators[0]"),
     (('column = "children_percent"', 'column = "children_percent"\npolarity = "neutral"'),
      "indicators[0]")],
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


def test_the_shipped_mappings_are_read_once() -> None:
    first = shipped_mappings()
    assert shipped_mappings() is first
    shipped = Path(__file__).parent.parent / "src/corpparent/dfe/mappings"
    assert len(first) == len(list(shipped.glob("*.toml")))


def test_a_denominator_matching_two_rows_names_both(tmp_path: Path) -> None:
    # Two rows of Wiltshire's 2025 totals match the denominator's filters: taking the
    # first would divide by a count the mapping never chose.
    data, mapping = _write(tmp_path, MAPPING,
                           f"2025,Reporting year,{WILTS},CLA on 31 March,3+,27,9\n"
                           f"2025,Reporting year,{WILTS},CLA on 31 March,Total,306,100\n"
                           f"2025,Reporting year,{WILTS},CLA on 31 March,Total,268,100\n")
    with pytest.raises(DataError) as caught:
        read_mapped(data, mapping)
    [problem] = caught.value.problems
    assert "rows 3 and 4" in problem.message
    assert "denominator" in problem.message
    assert problem.field == "indicators[0].denominator.filters"
