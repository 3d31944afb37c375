"""Periods written as dates: a quarter's or a month's last day is that quarter or month,
by the column's own dates or the rule stated, and an ambiguous date is refused with
its fix, told once for the rows it covers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.files._tabular.date_periods import DateRule, column_periods
from corpparent.periods import FinancialQuarter, Month, Period
from corpparent.plugins import load_profile

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
INDICATORS = load_profile("wiltshire").indicators


def _csv(path: Path, periods: list[str]) -> Path:
    path.write_text("indicator,period,value\n" + "".join(
        f"children_in_care,{period},{400 + n}\n" for n, period in enumerate(periods)),
        encoding="utf-8")
    return path


def _periods(path: Path, **options: Any) -> list[Period]:
    return [r.period for r in sorted(read_readings(path, INDICATORS, **options),
                                     key=lambda r: r.period.start)]


def _quarters(count: int) -> list[FinancialQuarter]:
    return [FinancialQuarter(2015 + n // 4, n % 4 + 1) for n in range(count)]


def test_the_98_quarter_end_dates_read_as_their_quarters(tmp_path: Path) -> None:
    """The sheet of 98 quarters' last days (2015-06-30 on), from CSV text and from a
    workbook's date cells alike."""
    quarters = _quarters(98)
    days = [q.end for q in quarters]
    assert _periods(_csv(tmp_path / "q.csv", [d.isoformat() for d in days])) == quarters
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    for number, day in enumerate(days):
        sheet.append(["children_in_care", dt.datetime(day.year, day.month, day.day), number])
        sheet.cell(row=number + 2, column=2).number_format = "dd/mm/yyyy"
    book.save(tmp_path / "q.xlsx")
    assert _periods(tmp_path / "q.xlsx") == quarters


def test_a_column_with_a_month_end_that_ends_no_quarter_is_monthly(tmp_path: Path) -> None:
    path = _csv(tmp_path / "m.csv", ["2022-04-30", "2022-05-31", "30/06/2022", "2022-07-31"])
    assert _periods(path) == [Month(2022, 4), Month(2022, 5), Month(2022, 6), Month(2022, 7)]


def test_a_lone_quarter_end_is_refused_with_both_readings_and_the_option(tmp_path: Path
                                                                         ) -> None:
    path = _csv(tmp_path / "one.csv", ["2022-06-30", "2022-23 Q2"])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (2, "period")
    assert problem.fix is not None
    assert "'2022-23 Q1'" in problem.fix
    assert "'2022-06'" in problem.fix
    assert "--periods quarter-end" in problem.fix
    assert _periods(path, periods="quarter-end") == [FinancialQuarter(2022, 1),
                                                     FinancialQuarter(2022, 2)]
    assert _periods(path, periods=DateRule.MONTH_END)[0] == Month(2022, 6)


def test_the_rule_stated_refuses_a_date_it_cannot_read(tmp_path: Path) -> None:
    path = _csv(tmp_path / "r.csv", ["2022-06-30", "2022-05-31", "2022-05-14"])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS, periods="quarter-end")
    assert [(p.line, p.found) for p in caught.value.problems] == [
        (3, "'2022-05-31'"), (4, "'2022-05-14'")]
    assert "--periods month-end" in str(caught.value.problems[0].fix)
    assert "falls in '2022-05' and '2022-23 Q1'" in str(caught.value.problems[1].fix)


def test_a_month_shown_with_a_two_digit_year_is_that_month(tmp_path: Path) -> None:
    """As Excel saves a cell formatted ``mmm-yy`` to CSV."""
    path = _csv(tmp_path / "s.csv", ["Jan-25", "Feb-25", "March-25"])
    assert _periods(path) == [Month(2025, 1), Month(2025, 2), Month(2025, 3)]


def test_a_month_cell_is_its_month_and_a_first_of_month_date_is_refused(tmp_path: Path
                                                                        ) -> None:
    """The same date cell (1 January 2025) shown as ``Jan-25`` is January; shown as
    ``01/01/2025`` it is a day, which stands for no one period."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    for number, code in enumerate(["mmm-yy", "dd/mm/yyyy"], start=2):
        sheet.append(["children_in_care", dt.datetime(2025, number - 1, 1), 400])
        sheet.cell(row=number, column=2).number_format = code
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(DataError) as caught:
        read_readings(tmp_path / "m.xlsx", INDICATORS)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field, problem.found) == (
        3, "period (Sheet!B3)", "'2025-02-01'")
    sheet.delete_rows(3)
    book.save(tmp_path / "m.xlsx")
    assert _periods(tmp_path / "m.xlsx") == [Month(2025, 1)]


def test_a_98_row_sheet_of_unreadable_dates_is_one_line(tmp_path: Path) -> None:
    """The 15th of each month stands for no one period: 98 rows, one line, with the fix."""
    days = [q.end.replace(day=15) for q in _quarters(98)]
    path = _csv(tmp_path / "d.csv", [d.isoformat() for d in days])
    result = CliRunner().invoke(cli, ["validate", "-a", "wiltshire", str(path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "lines 2-99, field 'period' (98 problems)" in line
    assert "falls in '2015-06' and '2015-16 Q1'" in line
    assert len(line) < 600


def test_the_periods_option_of_validate_and_scorecard(tmp_path: Path) -> None:
    path = _csv(tmp_path / "one.csv", ["2023-03-31"])
    runner = CliRunner()
    refused = runner.invoke(cli, ["validate", "-a", "wiltshire", str(path)])
    assert refused.exit_code == 2
    assert "--periods quarter-end" in refused.stderr
    for rule in ("quarter-end", "month-end"):
        read = runner.invoke(cli, ["validate", "-a", "wiltshire", "--periods", rule, str(path)])
        assert read.exit_code == 0, read.output
    assessed = runner.invoke(cli, ["scorecard", str(path), "-a", "wiltshire", "-p",
                                   "2022-23 Q4", "--periods", "quarter-end", "-f", "json"])
    assert assessed.exit_code == 0, assessed.output
    assert '"value": 400' in assessed.stdout


@pytest.mark.parametrize(("workbook", "tidy"), [
    ("wiltshire_readings_2022-23_dates.xlsx", "wiltshire_readings_2022-23.csv"),
    ("wiltshire_health_assessments_monthly_illustrative.xlsx",
     "wiltshire_health_assessments_monthly_illustrative.csv"),
])
def test_the_example_workbooks_of_dates_give_the_csvs_readings(workbook: str, tidy: str
                                                                ) -> None:
    book = openpyxl.load_workbook(DATA / workbook)
    periods = [row[1] for row in book["Scorecard"].iter_rows(min_row=4)]
    assert any(isinstance(cell.value, dt.datetime) for cell in periods)
    assert set(read_readings(DATA / workbook, INDICATORS)) == set(
        read_readings(DATA / tidy, INDICATORS))


@settings(max_examples=60)
@given(st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)), min_size=1,
                max_size=8, unique=True),
       st.sampled_from([None, DateRule.QUARTER_END, DateRule.MONTH_END]))
def test_every_date_read_is_the_last_day_of_the_period_it_becomes(
        days: list[dt.date], rule: DateRule | None) -> None:
    """Whatever the column, a date is read only as a period it is the last day of; a
    column is read as months or as quarters, never both; a lone quarter's last day is
    not read without a rule."""
    found = column_periods({d.isoformat() for d in days}, rule)
    assert set(found) == {d.isoformat() for d in days}
    read = {text: p for text, p in found.items() if isinstance(p, Period)}
    for text, period in read.items():
        assert period.end == dt.date.fromisoformat(text)
    kinds = {type(p) for p in read.values()}
    assert len(kinds) <= 1
    if rule is DateRule.MONTH_END:
        assert kinds <= {Month}
    if rule is DateRule.QUARTER_END:
        assert kinds <= {FinancialQuarter}
    if rule is None and kinds == {FinancialQuarter}:
        assert len(read) >= 2
