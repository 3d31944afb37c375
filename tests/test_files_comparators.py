"""Comparators read from long-format files: every problem with file, row and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpparent.comparators import Comparator, ComparatorKind
from corpparent.errors import DataError, DefinitionError, PeriodError
from corpparent.files import comparators_from_records, read_comparators
from corpparent.files._tabular.problems import Locator
from corpparent.files._tabular.records import json_records
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import FinancialQuarter, FinancialYear, parse_period

MOVES = Indicator("placement-moves", "3+ placement moves", Kind.PERCENTAGE,
                  Polarity.LOWER_IS_BETTER)
Y2020 = FinancialYear(2020)


def write(tmp_path: Path, text: str, name: str = "comparators.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_values_symbols_units_and_kinds(tmp_path: Path) -> None:
    # The figures are 002 §32's comparator row for 3+ placement moves, 2020-21.
    path = write(tmp_path, "\ufeffcomparator,indicator,period,value,unit,kind\n"
                 "England,placement-moves,2020-21,9,%,\n"
                 "South West,placement-moves,2020-21,0.11,fraction,region\n"
                 "SN,placement-moves,2020-21,c,,statistical neighbours\n"
                 "\n"
                 "SN,placement-moves,2021-22,11,,\n")
    england, region, neighbours = read_comparators(path)
    assert england.kind is ComparatorKind.ENGLAND
    assert england.value("placement-moves", Y2020) == 9
    assert england.unit("placement-moves") == "percent"
    assert region.kind is ComparatorKind.REGION
    assert region.unit("placement-moves") == "dimensionless"
    assert neighbours.symbol("placement-moves", Y2020) == "c"
    assert neighbours.value("placement-moves", Y2020) is None
    assert england.source == str(path)


def test_values_are_converted_when_indicators_are_given(tmp_path: Path) -> None:
    path = write(tmp_path, "comparator,indicator,period,value,unit\n"
                 "South West,placement-moves,2020-21,0.11,fraction\n")
    (region,) = read_comparators(path, indicators=[MOVES],
                                 kinds={"South West": ComparatorKind.REGION})
    assert region.value("placement-moves", Y2020) == pytest.approx(11)
    assert region.unit("placement-moves") is None
    assert region.kind is ComparatorKind.REGION


def test_every_problem_is_reported_with_row_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "comparator,indicator,period,value,unit\n"
                 "England,placement-moves,2020-21,nine,%\n"          # row 2: value
                 "England,placement-moves,Q4 2023,9,%\n"             # row 3: period
                 ",placement-moves,2020-21,9,%\n"                    # row 4: comparator
                 "England,placement-moves,2021-22,,%\n"              # row 5: empty value
                 "England,placement-moves,2022-23,9,furlongs\n"      # row 6: unit
                 "England,placement-moves,2023-24,9,%,extra\n")      # row 7: fields
    with pytest.raises(DataError) as caught:
        read_comparators(path)
    where = {(p.line, p.field) for p in caught.value.problems}
    assert where == {(2, "value"), (3, "period"), (4, "comparator"), (5, "value"),
                     (6, "unit"), (7, None)}
    messages = {p.line: p.message for p in caught.value.problems}
    assert "official symbol" in messages[2]
    assert "2022-23 Q4" in messages[3]  # the accepted forms are named
    assert "empty" in messages[5]
    assert all(p.source == str(path) for p in caught.value.problems)


def test_duplicates_and_mixed_units_name_both_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "comparator,indicator,period,value,unit\n"
                 "England,placement-moves,2020-21,9,%\n"
                 "England,placement-moves,2020-21,9.1,%\n"
                 "England,placement-moves,2021-22,0.1,fraction\n")
    with pytest.raises(DataError) as caught:
        read_comparators(path)
    problems = {p.line: p for p in caught.value.problems}
    assert set(problems) == {3, 4}
    assert "line 2" in problems[3].message
    assert problems[4].field == "unit"
    assert "line 2" in problems[4].message


def test_unknown_indicators_and_wrong_dimensions_need_the_definitions(tmp_path: Path) -> None:
    path = write(tmp_path, "comparator,indicator,period,value,unit\n"
                 "England,placement-movez,2020-21,9,%\n"
                 "England,placement-moves,2020-21,400,children\n")
    with pytest.raises(DataError) as caught:
        read_comparators(path, indicators={"placement-moves": MOVES})
    problems = {p.line: p for p in caught.value.problems}
    assert problems[2].field == "indicator"
    assert "placement-moves" in problems[2].message
    assert problems[3].field == "unit"


def test_header_problems_stop_before_the_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "comparator,indicator,perod,value,unti\n"
                 "England,placement-moves,2020-21,9,%\n")
    with pytest.raises(DataError) as caught:
        read_comparators(path)
    assert {(p.line, p.field) for p in caught.value.problems} == {
        (1, "period"), (1, "perod"), (1, "unti")}
    assert "required column" in caught.value.problems[0].message


def test_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="empty"):
        read_comparators(write(tmp_path, ""))
    with pytest.raises(DataError, match="file not found"):
        read_comparators(tmp_path / "absent.csv")


def test_json_records_are_placed_on_their_lines(tmp_path: Path) -> None:
    records = [
        {"comparator": "England", "indicator": "placement-moves", "period": "2020-21",
         "value": 9},
        {"comparator": "England", "indicator": "placement-moves", "period": "2021-22",
         "value": True},
        {"comparator": "England", "indicator": "placement-moves", "period": "2022-23",
         "value": "z", "colour": "red"},
        "not a record",
    ]
    path = write(tmp_path, json.dumps(records, indent=1), "comparators.json")
    with pytest.raises(DataError) as caught:
        read_comparators(path)
    # After the opening bracket, each record takes a line per brace and per key.
    assert {(p.line, p.field) for p in caught.value.problems} == {
        (12, "[1].value"), (19, "[2].colour"), (21, "[3]")}


def test_records_from_memory() -> None:
    (england,) = comparators_from_records(json_records(
        [{"comparator": "England", "indicator": "placement-moves",
          "period": FinancialQuarter(2022, 4), "value": 8.5}], Locator("dashboard")))
    assert england.value("placement-moves", FinancialQuarter(2022, 4)) == 8.5


def test_comparator_construction_is_simple_and_strict() -> None:
    england = Comparator("England", "England", {("placement-moves", "2020-21"): 9,
                                                ("placement-moves", "2021-22"): " LOW "})
    assert england.kind is ComparatorKind.ENGLAND
    assert england.symbol("placement-moves", FinancialYear(2021)) == "low"
    assert england.periods("placement-moves") == (Y2020, FinancialYear(2021))
    with pytest.raises(DefinitionError, match="official symbol"):
        Comparator("England", ComparatorKind.ENGLAND, {("placement-moves", Y2020): "n/a"})
    with pytest.raises(DefinitionError, match="finite"):
        Comparator("England", ComparatorKind.ENGLAND, {("placement-moves", Y2020): float("nan")})
    with pytest.raises(DefinitionError, match="official symbol"):
        Comparator("England", ComparatorKind.ENGLAND, {("placement-moves", Y2020): True})
    with pytest.raises(PeriodError):
        Comparator("England", ComparatorKind.ENGLAND, {("placement-moves", "Q4 2023"): 9})
    with pytest.raises(DefinitionError, match="name"):
        Comparator(" ", ComparatorKind.ENGLAND)


def test_latest_period_ending_by_the_period_judged() -> None:
    # 002 §32 sets 2020-21 comparators beside 2022-23 quarters.
    england = Comparator("England", ComparatorKind.ENGLAND, {
        ("placement-moves", "2019-20"): 10, ("placement-moves", "2020-21"): 9,
        ("placement-moves", "2023-24"): 8})
    assert england.latest("placement-moves", parse_period("2022-23 Q4")) == Y2020
    # A year ending with the quarter judged counts as ended by then.
    assert england.latest("placement-moves", parse_period("2023-24 Q4")) == FinancialYear(2023)
    assert england.latest("placement-moves", parse_period("2019-20 Q1")) is None
