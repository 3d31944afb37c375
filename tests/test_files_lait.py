"""The LAIT data dictionary and long dataset, checked against the EES files they copy."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, strategies as st

from corpparent.dfe.lait import LaitData, LaitDictionary, lait_period
from corpparent.errors import DataError
from corpparent.files.dfe.lait import read_lait, read_lait_dictionary
from corpparent.files.dfe.mapping import read_folder
from corpparent.indicators.definitions import Polarity
from corpparent.periods import AcademicYear, CalendarYear, FinancialYear, YearEnding, YearSpan
from national_data import NATIONAL_DATA

DFE = NATIONAL_DATA
MEASURES = {"LACStable_2016on": "placements_3plus",
            "LAC_LongStable%": "long_term_stability",
            "CareLeaverEET": "care_leavers_19_21_eet"}


@pytest.fixture(scope="module")
def dictionary(national_data: Path) -> LaitDictionary:
    return read_lait_dictionary(DFE / "lait_data_dictionary.csv")


@pytest.fixture(scope="module")
def lait(national_data: Path) -> LaitData:
    return read_lait(DFE / "lait_bds_long.parquet", MEASURES)


def test_the_dictionary_reads_polarity_in_three_states(dictionary: LaitDictionary) -> None:
    # national-rules.md §3.2: 3+ placements Low, long-term stability High, the CLA rate "-".
    assert dictionary["LACStable_2016on"].polarity is Polarity.LOWER_IS_BETTER
    assert dictionary["LAC_LongStable%"].polarity is Polarity.HIGHER_IS_BETTER
    assert dictionary["LAC"].polarity is Polarity.NEUTRAL
    assert dictionary["LACStable_2016on"].table == "la_cla_placement_stability"


def test_the_dictionary_reads_decimal_places_and_quartile_flags(
        dictionary: LaitDictionary) -> None:
    # lait_data_dictionary.csv: "LAC_Fixed_ Ex" has dps 2; "Vacancies_cover" has No_Quartile N.
    assert dictionary["LAC_Fixed_ Ex"].dps == 2
    assert dictionary["LACStable_2016on"].dps is None
    assert dictionary["Vacancies_cover"].quartiles is False
    assert dictionary["LAC_LongStable%"].quartiles is True


def test_a_measure_listed_under_two_topics_is_one_measure(dictionary: LaitDictionary) -> None:
    # "LAC_Over_Abs" appears under Children Looked After and All Pupil Absence & Exclusions.
    measure = dictionary["LAC_Over_Abs"]
    assert set(measure.topics) == {"Children Looked After", "All Pupil Absence & Exclusions"}
    assert len(dictionary) == len({m.code for m in dictionary})


def test_lait_values_for_wiltshire(lait: LaitData) -> None:
    assert lait.figures("LACStable_2016on", "2025")["865"].value == 9
    assert lait.figures("LAC_LongStable%", "2025")["865"].value == 70
    assert lait.figures("LACStable_2016on", "2025")["E92000001"].value == 10


def test_lait_and_ees_publish_the_same_figures(lait: LaitData,
                                              dictionary: LaitDictionary) -> None:
    from_lait = lait.national_data(MEASURES, dictionary)
    from_ees = read_folder(DFE)
    compared = 0
    for values in from_lait:
        if values.period not in from_ees.periods(values.indicator):
            continue
        ees = from_ees.values(values.indicator, values.period)
        for code, reading in values.readings.items():
            other = ees.readings.get(code)
            if other is not None and reading.value is not None and other.value is not None:
                assert reading.value == other.value, (values.indicator, values.period, code)
                compared += 1
    assert compared > 2000


def test_a_dash_is_a_value_not_given(lait: LaitData) -> None:
    # Rutland's 2025 figure is suppressed ("c") in EES; LAIT shows "-".
    figure = lait.figures("LACStable_2016on", "2025")["857"]
    assert (figure.value, figure.symbol) == (None, None)


@pytest.mark.parametrize(
    ("years", "year_type", "expected"),
    [("2025", "Financial Year", FinancialYear(2024)),
     ("2024-25", "Financial Year", FinancialYear(2024)),
     ("2023/24", "Financial Year", FinancialYear(2023)),
     ("2025", "Annual", FinancialYear(2024)),
     ("2024", "Calendar Year", CalendarYear(2024)),
     # "(OT)" marks the outturn release of the same year, not another period.
     ("2016-17 (OT)", "Financial Year", FinancialYear(2016)),
     ("2014/15-16/17", "Financial Year",
      YearSpan(FinancialYear(2014), FinancialYear(2016))),
     ("2014-16", "Calendar Year", YearSpan(CalendarYear(2014), CalendarYear(2016))),
     # KS4 results labelled 2024 are those of the school year 2023/24.
     ("2024", "Academic Year", AcademicYear(2023)),
     ("2020 (Final)", "Academic Year", AcademicYear(2019)),
     ("2015/16", "Academic Year", AcademicYear(2015)),
     ("2016", "Annual (end of Sept)", YearEnding(2016, 9)),
     ("2016", "Annual - January", YearEnding(2016, 1)),
     ("0", "Academic Year", None),
     ("2014-16", "Financial Year", None),
     ("2024", "Biennial", None)],
)
def test_lait_years(years: str, year_type: str, expected: object) -> None:
    assert lait_period(years, year_type) == expected


@given(st.integers(min_value=1901, max_value=2199))
def test_a_bare_financial_year_ends_in_march_of_that_year(year: int) -> None:
    period = lait_period(str(year), "Financial Year")
    assert period is not None
    assert (period.end.year, period.end.month, period.end.day) == (year, 3, 31)
    assert period == lait_period(f"{year - 1}-{year % 100:02d}", "Financial Year")


def _parquet(tmp_path: Path, values: list[str]) -> Path:
    path = tmp_path / "lait.parquet"
    size = len(values)
    pq.write_table(pa.table({
        "Short Desc": ["LACStable_2016on"] * size, "Data item": [None] * size,
        "Years": ["2025"] * size, "LA and Regions": ["Wiltshire"] * size,
        "Values": values, "LA Number": [865.0] * size, "Region": ["South West"] * size,
    }), path)
    return path


def test_an_unknown_symbol_in_lait_names_row_and_column(tmp_path: Path) -> None:
    path = _parquet(tmp_path, ["9", "nine"])
    with pytest.raises(DataError) as caught:
        read_lait(path)
    [problem] = caught.value.problems
    assert (problem.source, problem.line, problem.field) == (str(path), 2, "Values")


def test_an_la_number_too_large_for_a_code_names_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "lait.parquet"
    pq.write_table(pa.table({
        "Short Desc": ["LACStable_2016on"], "Data item": [None], "Years": ["2025"],
        "LA and Regions": ["Wiltshire"], "Values": ["9"], "LA Number": [1e300],
        "Region": ["South West"]}), path)
    with pytest.raises(DataError) as caught:
        read_lait(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (1, "LA Number")
    assert "expected a whole number from 1" in str(problem)


def test_two_values_for_one_area_and_year_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="second value"):
        read_lait(_parquet(tmp_path, ["9", "10"]))


def test_a_lait_file_without_a_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lait.parquet"
    pq.write_table(pa.table({"Short Desc": ["x"]}), path)
    with pytest.raises(DataError) as caught:
        read_lait(path)
    assert {p.field for p in caught.value.problems} >= {"Values", "LA Number"}


def test_a_dictionary_with_an_unknown_polarity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.csv"
    path.write_text(
        "Measure_code,Topic,Measure,Measure_short,Polarity,dps,Year_Type,No_Quartile,"
        "Table_status\n"
        "1,CLA,Stability,Stab,Up,NA,Financial Year,NA,x\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_lait_dictionary(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (2, "Polarity")
