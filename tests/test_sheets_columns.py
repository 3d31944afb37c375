"""A sheet's own headings ("Measure", "Quarter", "Actual") read as the readings' fields:
the common synonyms without being told, any others as mapped with ``--columns``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.files._tabular.column_names import READING_SYNONYMS, parse_columns, renamed
from corpparent.indicators.readings import Readings
from corpparent.plugins import load_profile

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
INDICATORS = load_profile("wiltshire").indicators


def values(readings: Readings) -> set[tuple[str, str, float | None]]:
    return {(r.indicator, str(r.period), r.value) for r in readings}


def _rows() -> list[list[str]]:
    return [line.split(",") for line in CSV.read_text(encoding="utf-8").splitlines()[1:]]


def _sheet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KPIs"
    sheet.append(["Corporate parenting KPIs"])
    sheet.append(header)
    for row in rows:
        sheet.append([row[0], row[1], float(row[2])])
    book.save(path)
    return path


@pytest.mark.parametrize("header", [["Measure", "Quarter", "Actual"],
                                    ["KPI", "Reporting period", "Figure"],
                                    ["Indicator", "Period", "Value"]])
def test_common_headings_are_known_without_a_mapping(tmp_path: Path, header: list[str]
                                                     ) -> None:
    book = _sheet(tmp_path / "k.xlsx", header, _rows())
    assert values(read_readings(book, INDICATORS)) == values(read_readings(CSV, INDICATORS))


def test_a_mapping_names_the_sheets_own_headings(tmp_path: Path) -> None:
    book = _sheet(tmp_path / "k.xlsx", ["KPI ref", "Qtr", "Number"], _rows())
    with pytest.raises(DataError, match="no sheet holds the table"):
        read_readings(book, INDICATORS)
    mapped = read_readings(book, INDICATORS, columns="KPI ref=indicator,Qtr=period,Number=value")
    assert values(mapped) == values(read_readings(CSV, INDICATORS))
    assert values(read_readings(book, INDICATORS, columns={
        "KPI ref": "indicator", "Qtr": "period", "Number": "value"})) == values(mapped)


def test_a_problem_names_the_heading_as_the_sheet_writes_it(tmp_path: Path) -> None:
    book = _sheet(tmp_path / "k.xlsx", ["Measure", "Quarter", "Actual"],
                  [["children_in_care", "2022-23 Q4", "-3"]])
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    (problem,) = caught.value.problems
    assert problem.field == "Actual (KPIs!C3)"


def test_a_synonym_beside_the_fields_own_column_is_left_an_unknown_column(tmp_path: Path
                                                                          ) -> None:
    path = tmp_path / "r.csv"
    path.write_text("indicator,period,value,actual\nchildren_in_care,2022-23 Q4,461,460\n",
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    (problem,) = caught.value.problems
    assert (problem.field, problem.note) == ("actual", "unknown column")


def test_a_mapped_heading_the_table_lacks_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Measure,Qtr,Value\nchildren_in_care,2022-23 Q4,461\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS, columns="Quater=period")
    fields = {p.field for p in caught.value.problems}
    assert "Quater" in fields
    assert "period" in fields


def test_the_columns_option_of_validate_and_scorecard(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Ref,When,Number\nchildren_in_care,2022-23 Q4,461\n", encoding="utf-8")
    runner = CliRunner()
    mapping = "Ref=indicator,When=period,Number=value"
    assert runner.invoke(cli, ["validate", "-a", "wiltshire", str(path)]).exit_code == 2
    checked = runner.invoke(cli, ["validate", "-a", "wiltshire", "-k", "readings",
                                  "--columns", mapping, str(path)])
    assert checked.exit_code == 0, checked.output
    assessed = runner.invoke(cli, ["scorecard", str(path), "-a", "wiltshire", "-p",
                                   "2022-23 Q4", "--columns", mapping, "-f", "json"])
    assert assessed.exit_code == 0, assessed.output
    bad = runner.invoke(cli, ["validate", "-a", "wiltshire", "--columns", "Ref", str(path)])
    assert bad.exit_code == 2
    assert "HEADING=FIELD" in bad.output


def test_a_wide_sheet_in_its_own_words(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("KPI,2022-23 Q3,2022-23 Q4\nchildren_in_care,450,461\n", encoding="utf-8")
    assert values(read_readings(path, INDICATORS)) == {
        ("children_in_care", "2022-23 Q3", 450), ("children_in_care", "2022-23 Q4", 461)}


def test_the_mapping_text_and_the_renaming_rules() -> None:
    assert parse_columns(" Indicator = indicator , Figure=Value ") == {
        "Indicator": "indicator", "Figure": "value"}
    with pytest.raises(DataError):
        parse_columns("Indicator")
    # A heading given wins over a synonym; only the first synonym of a field is taken.
    assert renamed(["measure", "kpi", "actual"], {"Actual": "unit"}, READING_SYNONYMS) == (
        "indicator", "kpi", "unit")
