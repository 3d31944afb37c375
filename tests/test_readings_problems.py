"""A file wrong the same way on many rows is told once, with the rows and the fix; a blank
value is no reading; every problem stays available to code."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from corpparent import (
    DataError,
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    read_readings,
)
from corpparent.cli import cli
from corpparent.cli.exits import one_line
from corpparent.errors import SHOWN_GROUPS, Problem, grouped, problem_lines
from corpparent.periods import parse_period
from corpparent.runs.scorecard import assess_scorecard

INDICATORS = IndicatorSet([
    Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL),
    Indicator("moves", "3+ placement moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER),
])

#: The last days of the financial year's quarters: Q1 April-June ... Q4 January-March.
QUARTER_ENDS = ((6, 30), (9, 30), (12, 31), (3, 31))


def quarter_ends(count: int) -> list[dt.date]:
    """``count`` quarter-end dates, from 2015-06-30 on, one a quarter."""
    days = []
    for number in range(count):
        year, quarter = 2015 + number // 4, number % 4
        month, day = QUARTER_ENDS[quarter]
        days.append(dt.date(year + (quarter == 3), month, day))
    return days


def mid_quarter_months(count: int) -> list[dt.date]:
    """The 15th of each quarter's last month, from 2015-06-15 on: dates that stand for no
    one period (a quarter's last day is read as its quarter)."""
    return [day.replace(day=15) for day in quarter_ends(count)]


def dated_csv(tmp_path: Path, rows: int = 98) -> Path:
    path = tmp_path / "dated.csv"
    lines = ["indicator,period,value"]
    lines += [f"cla,{day.isoformat()},{400 + n}"
              for n, day in enumerate(mid_quarter_months(rows))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def refused(path: Path | list[dict[str, object]]) -> DataError:
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    return caught.value


def test_a_column_of_dates_is_one_message_naming_the_rows_and_the_fix(tmp_path: Path) -> None:
    error = refused(dated_csv(tmp_path))
    assert len(error.problems) == 98  # the grouping is a view: every problem is kept
    assert [p.line for p in error.problems] == list(range(2, 100))
    message = str(error)
    assert len(message.encode()) < 1024
    assert message.count("\n") == 1  # the count, then one group
    group = message.splitlines()[1]
    assert f"{tmp_path / 'dated.csv'}, lines 2-99, field 'period' (98 problems)" in group
    assert "a date, not a period" in group
    assert "found '2015-06-15', '2015-09-15', '2015-12-15' and 95 other values" in group
    # 15 June falls in the first quarter of the financial year April 2015 - March 2016.
    assert "2015-06-15 falls in '2015-06' and '2015-16 Q1'" in group
    assert parse_period("2015-16 Q1").end == dt.date(2015, 6, 30)


def test_a_workbook_of_date_cells_names_its_column_of_cells(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Readings"
    sheet.append(["indicator", "period", "value"])
    for number, day in enumerate(mid_quarter_months(98)):
        sheet.append(["cla", dt.datetime(day.year, day.month, day.day), 400 + number])
    path = tmp_path / "dated.xlsx"
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    error = refused(path)
    assert len(error.problems) == 98
    assert error.problems[0].field == "period (Readings!B2)"
    (group,) = error.groups
    assert group.place == f"{path}, lines 2-99, field 'period (Readings!B2:B99)'"
    assert len(str(error).encode()) < 1024


def test_records_of_a_list_group_by_key_whatever_their_index() -> None:
    rows: list[dict[str, object]] = [{"indicator": "cla", "period": "2022-23 Q4", "value": v}
                                     for v in ("lots", "many", "few")]
    error = refused(rows)
    assert [p.field for p in error.problems] == ["[0].value", "[1].value", "[2].value"]
    (group,) = error.groups
    assert "field '[*].value'" in str(group)
    assert "found 'lots', 'many', 'few'" in str(group)


@pytest.mark.parametrize(
    ("period", "note", "fix"),
    [
        ("2022-06-30", "a date, not a period", "write the quarter it ends, '2022-23 Q1'"),
        ("31/03/2023", "a date, not a period", "write the quarter it ends, '2022-23 Q4'"),
        ("2022-05-14", "a date, not a period", "falls in '2022-05' and '2022-23 Q1'"),
        ("2022-05-14 00:00:00", "a date, not a period", "falls in '2022-05'"),
        ("Q4 2023", "a quarter needs its financial year",
         "write '2022-23 Q4' (January-March 2023) or '2023-24 Q4' (January-March 2024)"),
        ("Q1 2023", "a quarter needs its financial year",
         "write '2023-24 Q1' (April-June 2023) or '2022-23 Q1' (April-June 2022)"),
        ("2023", "a bare year is ambiguous",
         "write 'CY 2023' for the calendar year, or the financial year, '2022-23' or "
         "'2023-24'"),
        ("Smarch 2023", "not a period", None),
    ],
)
def test_each_period_problem_says_what_to_write(tmp_path: Path, period: str, note: str,
                                                fix: str | None) -> None:
    path = tmp_path / "readings.csv"
    path.write_text(f"indicator,period,value\ncla,{period},461\n", encoding="utf-8")
    (problem,) = refused(path).problems
    assert (problem.line, problem.field, problem.found) == (2, "period", repr(period))
    assert problem.note.startswith(note)
    if fix is None:
        assert problem.fix is None
        assert "Accepted forms" not in str(problem)
        assert "'2022-23 Q4' or 'Q4 2022-23'" in str(problem)  # the forms, listed once
    else:
        assert problem.fix is not None
        assert fix in problem.fix
        assert fix in str(problem)
        assert len(str(problem)) < 400


def test_a_blank_value_is_no_reading_and_is_counted_as_missing(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value,numerator,denominator\n"
                    "cla,2022-23 Q4,461,,\nmoves,2022-23 Q4,,,\nmoves,2022-23 Q3,  ,,\n"
                    "moves,2022-23 Q2,,7,100\n", encoding="utf-8")
    readings = read_readings(path, INDICATORS)
    assert len(readings) == 2
    assert readings.get("moves", FinancialQuarter(2022, 4)) is None
    derived = readings.get("moves", FinancialQuarter(2022, 2))
    assert derived is not None
    assert derived.value == pytest.approx(7)
    run = assess_scorecard(readings, [FinancialQuarter(2022, 4)], indicators=INDICATORS,
                           process=None)
    warnings = [str(w) for w in run.all_warnings]
    assert "1 of 2 indicators has no reading for 2022-23 Q4: moves" in warnings
    assert run.incomplete


def test_a_missing_value_in_a_dataframe_is_no_reading() -> None:
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pandas.DataFrame({"indicator": ["cla", "cla"], "period": ["2022-23 Q4", "2022-23 Q3"],
                              "value": [461.0, float("nan")]})
    readings = read_readings(frame, INDICATORS)
    assert len(readings) == 1
    assert readings.get("cla", FinancialQuarter(2022, 3)) is None


def test_a_blank_row_still_needs_a_known_indicator_and_period(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value\nmovs,2022-23 Q4,\ncla,2022-06-30,\n",
                    encoding="utf-8")
    error = refused(path)
    assert [(p.line, p.field) for p in error.problems] == [(2, "indicator"), (3, "period")]


def test_a_numerator_without_its_denominator_still_needs_a_value(tmp_path: Path) -> None:
    path = tmp_path / "readings.csv"
    path.write_text("indicator,period,value,numerator\nmoves,2022-23 Q4,,7\n",
                    encoding="utf-8")
    (problem,) = refused(path).problems
    assert (problem.line, problem.field) == (2, "value")
    assert "a value is required" in problem.message


def test_the_message_lists_a_capped_number_of_kinds_then_counts_the_rest() -> None:
    kinds = SHOWN_GROUPS + 5
    problems = [Problem("f.csv", f"wrong in way {k}", line=2 + row, field="value")
                for k in range(kinds) for row in range(3)]
    lines = problem_lines(problems)
    assert len(lines) == SHOWN_GROUPS + 1
    assert lines[-1] == "... and 15 more problems of 5 other kinds"
    assert lines[0] == "f.csv, lines 2-4, field 'value' (3 problems): wrong in way 0"
    assert len(problem_lines(problems, limit=None)) == kinds
    error = DataError(problems)
    assert str(error).splitlines()[-1].strip() == lines[-1]


def test_lines_are_told_as_runs_and_values_once_each() -> None:
    lines = [2, 3, 4, 7, 9, 10, 12, 20, 30]
    problems = [Problem("f.csv", line=line, field="value", expected="a number",
                        found=repr("abc" if line % 2 else "x")) for line in lines]
    (group,) = grouped(problems)
    assert group.found == ("'x'", "'abc'")
    assert str(group) == ("f.csv, lines 2-4, 7, 9-10, 12 and 2 more runs, field 'value' "
                          "(9 problems): expected a number, found 'x', 'abc'")


def test_one_problem_reads_as_it_always_has() -> None:
    problem = Problem("f.csv", line=4, field="value", expected="a number", found="'abc'")
    assert str(DataError([problem])) == (
        "f.csv, line 4, field 'value': expected a number, found 'abc'")
    assert str(grouped([problem])[0]) == str(problem)


def test_the_command_line_says_it_in_one_line(tmp_path: Path) -> None:
    error = refused(dated_csv(tmp_path, rows=5))
    assert one_line(error) == str(error.groups[0])
    both = DataError([*error.problems, Problem("other.csv", "no such file")])
    assert one_line(both).endswith("(and 1 more problem; 'corpparent validate' lists them all)")


def test_validate_prints_each_kind_once_or_every_problem_when_asked(tmp_path: Path) -> None:
    path = dated_csv(tmp_path)
    plugin = tmp_path / "indicators.py"
    plugin.write_text("from corpparent import Indicator, IndicatorSet, Kind, Polarity\n"
                      "INDICATORS = IndicatorSet([Indicator('cla', 'Children in care', "
                      "Kind.SNAPSHOT, Polarity.NEUTRAL)])\n", encoding="utf-8")
    runner = CliRunner()
    for options in ([], ["-i", f"{plugin}:INDICATORS"]):
        result = runner.invoke(cli, ["validate", *options, str(path)])
        assert result.exit_code == 2, result.output
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "lines 2-99, field 'period' (98 problems)" in result.stderr
        assert len(result.stderr.encode()) < 1024
    every = runner.invoke(cli, ["validate", "--all-problems", str(path)])
    assert every.exit_code == 2
    assert len(every.stderr.splitlines()) == 98


def test_validate_counts_the_blank_rows_it_read_as_no_reading(tmp_path: Path) -> None:
    path = tmp_path / "readings.json"
    path.write_text(json.dumps({"readings": [
        {"indicator": "cla", "period": "2022-23 Q4", "value": 461},
        {"indicator": "cla", "period": "2022-23 Q3", "value": None}]}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 reading (indicator names not checked" in result.stdout
    assert "1 row with no figure (blank, so no reading)" in result.stdout


_PROBLEMS = st.builds(
    Problem,
    st.sampled_from(["a.csv", "b.csv"]),
    st.sampled_from(["", "unknown column", "a date, not a period"]),
    line=st.none() | st.integers(1, 40),
    field=st.none() | st.sampled_from(["value", "period", "value (Readings!C7)",
                                       "readings[3].value", "readings[12].value"]),
    expected=st.none() | st.sampled_from(["a number", "a period"]),
    found=st.none() | st.sampled_from(["'abc'", "'2022-06-30'", "'x'"]),
    fix=st.none() | st.sampled_from(["write '2022-23 Q1'", "write a number"]),
)


@given(st.lists(_PROBLEMS, max_size=40))
def test_grouping_keeps_every_problem_once_in_groups_of_one_kind(
        problems: list[Problem]) -> None:
    groups = grouped(problems)
    position = {id(p): number for number, p in enumerate(problems)}
    kept = [p for g in groups for p in g.problems]
    assert sorted(map(id, kept)) == sorted(map(id, problems))
    for group in groups:  # each group's problems in the order given, and of one kind
        order = [position[id(p)] for p in group.problems]
        assert order == sorted(order)
        first = group.first
        assert all((p.source, p.note, p.expected) == (first.source, first.note, first.expected)
                   for p in group.problems)
    firsts = [position[id(g.first)] for g in groups]
    assert firsts == sorted(firsts)
    assert len(problem_lines(problems, limit=None)) == len(groups)
    if problems:
        assert str(DataError(problems)).count("\n") == (
            0 if len(problems) == 1 else min(len(groups), SHOWN_GROUPS + 1))
