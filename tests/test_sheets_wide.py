"""Readings laid out wide (an indicator a row, a period a column), told from the header
or stated, give the readings of the same figures laid out long."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.indicators.readings import Readings
from corpparent.periods import FinancialQuarter
from corpparent.plugins import load_profile
from workbooks import write_xlsx

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
CSV = DATA / "wiltshire_readings_2022-23.csv"
WIDE = DATA / "wiltshire_scorecard_2022-23_wide.xlsx"
INDICATORS = load_profile("wiltshire").indicators


def values(readings: Readings) -> set[tuple[str, str, float | None]]:
    return {(r.indicator, str(r.period), r.value) for r in readings}


def test_the_example_wide_scorecard_gives_the_csvs_readings() -> None:
    """Its years are written once over their quarters, in merged cells, under a title
    and a notes row; its percentages are fractions formatted as percentages."""
    sheet = openpyxl.load_workbook(WIDE)["Scorecard"]
    assert sheet.merged_cells.ranges
    assert sheet["A5"].value == "Indicator"
    assert set(read_readings(WIDE, INDICATORS)) == set(read_readings(CSV, INDICATORS))


def test_the_wide_scorecard_judges_as_the_csv_does() -> None:
    def exceptions(path: Path) -> dict[tuple[str, str], Any]:
        result = CliRunner().invoke(cli, ["scorecard", str(path), "-a", "wiltshire", "-p",
                                          "2022-23 Q4", "-f", "json"])
        assert result.exit_code == 0, result.output
        found = json.loads(result.stdout)["exception_report"]["exceptions"]
        return {(f["subject"], f["rule"]): f["evidence"]["value"] for f in found}

    judged = exceptions(WIDE)
    assert judged[("placed_over_20_miles", "expected range")] == 39
    assert judged == exceptions(CSV)


def test_a_wide_csv_file_is_read_as_its_long_table(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("Indicator,2022-23 Q3,2022-23 Q4,unit\n"
                    "children_in_care,450,461,\n"
                    "section_20,0.21,,fraction\n", encoding="utf-8")
    long = tmp_path / "long.csv"
    long.write_text("indicator,period,value,unit\nchildren_in_care,2022-23 Q3,450,\n"
                    "children_in_care,2022-23 Q4,461,\nsection_20,2022-23 Q3,0.21,fraction\n",
                    encoding="utf-8")
    assert values(read_readings(wide, INDICATORS)) == values(read_readings(long, INDICATORS))


def _sheet(path: Path, rows: list[list[Any]]) -> Path:
    return write_xlsx(path, rows, sheet="Scorecard")


def test_a_wide_sheets_problems_name_each_cell(tmp_path: Path) -> None:
    book = _sheet(tmp_path / "w.xlsx", [
        ["Our scorecard"], [],
        ["Indicator", "Target", "2022-23 Q3", "2022-23 Q4"],
        ["children_in_care", 450, 450, "lots"],
        ["children_in_kare", None, 12, None]])
    with pytest.raises(DataError) as caught:
        read_readings(book, INDICATORS)
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {(3, "Target"), (4, "value (Scorecard!D4)"),
                     (5, "Indicator (Scorecard!A5)")}


def test_the_layout_stated_is_the_one_read(tmp_path: Path) -> None:
    book = _sheet(tmp_path / "w.xlsx", [["indicator", "2022-23 Q4"], ["children_in_care", 461]])
    assert values(read_readings(book, INDICATORS, layout="wide")) == {
        ("children_in_care", "2022-23 Q4", 461)}
    with pytest.raises(DataError, match="no sheet holds the table"):
        read_readings(book, INDICATORS, layout="long")
    long = _sheet(tmp_path / "l.xlsx", [["indicator", "period", "value"],
                                        ["children_in_care", "2022-23 Q4", 461]])
    with pytest.raises(DataError, match="not a wide table of readings"):
        read_readings(long, INDICATORS, layout="wide")
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", "-a", "wiltshire", str(book)]).exit_code == 0
    refused = runner.invoke(cli, ["validate", "-a", "wiltshire", "-k", "readings",
                                  "--layout", "long", str(book)])
    assert refused.exit_code == 2


def test_quarter_end_dates_as_headings_are_the_quarters(tmp_path: Path) -> None:
    book = _sheet(tmp_path / "w.xlsx", [
        ["indicator", dt.datetime(2022, 12, 31), dt.datetime(2023, 3, 31)],
        ["children_in_care", 450, 461]])
    assert values(read_readings(book, INDICATORS)) == {
        ("children_in_care", "2022-23 Q3", 450), ("children_in_care", "2022-23 Q4", 461)}


# --- any tidy table written as a wide sheet reads back to the same readings ------------

_COUNTS = ("children_in_care", "missing_episode")
_PERCENTAGES = ("placed_over_20_miles", "long_term_stability")
_QUARTERS = [FinancialQuarter(2021 + n // 4, n % 4 + 1) for n in range(8)]


@st.composite
def tidy_tables(draw: st.DrawFn) -> dict[tuple[str, FinancialQuarter], Decimal | None]:
    """Each indicator's figure for each quarter, or None for a blank cell."""
    indicators = draw(st.lists(st.sampled_from(_COUNTS + _PERCENTAGES), min_size=1,
                               max_size=4, unique=True))
    quarters = draw(st.lists(st.sampled_from(_QUARTERS), min_size=1, max_size=8, unique=True))
    counts = st.one_of(st.none(), st.integers(0, 5000).map(Decimal))
    per_cent = st.one_of(st.none(), st.integers(0, 1000).map(lambda n: Decimal(n) / 10))
    return {(i, q): draw(per_cent if i in _PERCENTAGES else counts) for i in indicators
            for q in sorted(quarters, key=lambda q: q.start)}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tidy_tables(), st.integers(0, 3), st.booleans(),
       st.lists(st.sampled_from(["0%", "0.0%", "0.00%", "General"]), min_size=8, max_size=8),
       st.sampled_from(["General", "#,##0", "0.0"]))
def test_any_tidy_table_written_wide_reads_back_to_its_readings(
        tmp_path_factory: pytest.TempPathFactory,
        table: dict[tuple[str, FinancialQuarter], Decimal | None], titles: int,
        merged: bool, percent_formats: list[str], count_format: str) -> None:
    """Title rows above, the quarters flat (``2022-23 Q1``) or under their year in a
    merged cell (``2022-23`` over ``Q1``), each percentage a fraction in a cell formatted
    as a percentage or a number of per cent in a general one, each count in any
    number format: the readings are the tidy table's, a blank cell none."""
    indicators = list(dict.fromkeys(i for i, _ in table))
    quarters = list(dict.fromkeys(q for _, q in table))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for number in range(titles):
        sheet.cell(row=number + 1, column=1, value=f"Title line {number + 1}")
    top = titles + 1
    if merged:
        top += 1
        for year in dict.fromkeys(q.year for q in quarters):
            columns = [c for c, q in enumerate(quarters, start=2) if q.year == year]
            sheet.cell(row=top - 1, column=columns[0],
                       value=str(FinancialQuarter(year, 1)).split(" ")[0])
            if len(columns) > 1:
                sheet.merge_cells(start_row=top - 1, start_column=columns[0],
                                  end_row=top - 1, end_column=columns[-1])
    sheet.cell(row=top, column=1, value="Indicator")
    for column, quarter in enumerate(quarters, start=2):
        sheet.cell(row=top, column=column,
                   value=f"Q{quarter.quarter}" if merged else str(quarter))
    expected = set()
    for row, indicator in enumerate(indicators, start=top + 1):
        sheet.cell(row=row, column=1, value=indicator)
        for column, quarter in enumerate(quarters, start=2):
            figure = table[indicator, quarter]
            if figure is None:
                continue
            cell = sheet.cell(row=row, column=column)
            code = (percent_formats[column - 2] if indicator in _PERCENTAGES
                    else count_format)
            cell.value = float(figure / 100) if "%" in code else float(figure)
            cell.number_format = code
            expected.add((indicator, str(quarter), float(figure)))
    path = tmp_path_factory.mktemp("wide") / "wide.xlsx"
    book.save(path)
    assert values(read_readings(path, INDICATORS)) == expected
