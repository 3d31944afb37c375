"""Readings files: every row accepted or reported with file, row, field and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpparent import (
    DataError,
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    read_readings,
)

INDICATORS = IndicatorSet([
    Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL),
    Indicator("moves", "3+ placement moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER),
    Indicator("starts_rate", "Starts per 10,000", Kind.RATE, Polarity.NEUTRAL),
    Indicator("att8", "Attainment 8", Kind.SCORE, Polarity.HIGHER_IS_BETTER),
])


def write(tmp_path: Path, text: str, name: str = "readings.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(path: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert len(caught.value.problems) == 1, caught.value
    return caught.value


def test_a_good_file_is_read_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffindicator,period,value,unit\n"
                 "cla,2022-23 Q4,461,\nmoves,2022-23 Q4,0.07,fraction\n"
                 "starts_rate,2022-23 Q4,100,per 100000\natt8,2022-23,-0.5,\n")
    readings = read_readings(path, INDICATORS)
    q4 = FinancialQuarter(2022, 4)
    assert len(readings) == 4
    moves, rate = readings.get("moves", q4), readings.get("starts_rate", q4)
    assert moves is not None
    assert moves.value == pytest.approx(7)
    assert rate is not None
    assert rate.value == pytest.approx(10)


def test_json_records(tmp_path: Path) -> None:
    path = write(tmp_path, json.dumps({"readings": [
        {"indicator": "cla", "period": "2022-23 Q4", "value": 461},
        {"indicator": "moves", "period": "2022-23 Q4", "numerator": 7, "denominator": 100},
    ]}), "readings.json")
    readings = read_readings(path, INDICATORS)
    derived = readings.get("moves", FinancialQuarter(2022, 4))
    assert derived is not None
    assert derived.value == pytest.approx(7)


def test_a_symbol_is_kept_not_read_as_zero(tmp_path: Path) -> None:
    path = write(tmp_path, "indicator,period,value\ncla,2022-23 Q4,c\n")
    reading = read_readings(path, INDICATORS).get("cla", FinancialQuarter(2022, 4))
    assert reading is not None
    assert reading.value is None
    assert reading.symbol == "c"
    assert "confidential" in reading.unavailable_reason


@pytest.mark.parametrize(
    ("rows", "field", "message"),
    [
        ("moves,2022-23 Q4,461,children", "unit", "cannot convert children to %"),
        ("moves,2022-23 Q4,7,bananas", "unit", "unknown unit 'bananas'"),
        ("looked_after,2022-23 Q4,7,", "indicator", "unknown indicator 'looked_after'"),
        ("moves,Q4 2023,7,", "period", "needs its financial year"),
        ("moves,2022-23 Q4,nan,", "value", "finite number"),
        ("moves,2022-23 Q4,seven,", "value", "expected a number or an official symbol"),
        ("cla,2022-23 Q4,-3,", "value", "snapshot cannot be negative"),
        ("moves,2022-23 Q4,107,", "value", "cannot exceed 100%"),
    ],
)
def test_each_malformed_row_names_row_field_and_reason(
    tmp_path: Path, rows: str, field: str, message: str
) -> None:
    path = write(tmp_path, f"indicator,period,value,unit\ncla,2022-23 Q3,450,\n{rows}\n")
    error = only_problem(path)
    assert (error.file, error.line, error.field) == (str(path), 3, field)
    assert message in str(error)
    assert str(error).startswith(f"{path}, line 3, field '{field}': ")


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        # The plug-in's own name for an indicator, in any case and spacing: its id.
        ("Children in care", ": that is the name of the indicator whose id is 'cla'; "
                             "give the id"),
        ("  CHILDREN   in care ", ": that is the name of the indicator whose id is 'cla'; "
                                  "give the id"),
        # An id or a name misspelt: the ids spelt like it, then every id.
        ("starts_rte", "; did you mean 'starts_rate'? This set defines: att8, cla, moves, "
                       "starts_rate"),
        ("Attainment 9", "; did you mean 'att8'? This set defines: att8, cla, moves, "
                         "starts_rate"),
        ("looked_after", "; this set defines: att8, cla, moves, starts_rate"),
    ],
)
def test_an_unknown_indicator_is_answered_with_the_id_meant(
    tmp_path: Path, written: str, hint: str
) -> None:
    path = write(tmp_path, f'indicator,period,value\n"{written}",2022-23 Q4,461\n')
    error = only_problem(path)
    assert str(error) == (f"{path}, line 2, field 'indicator': unknown indicator "
                          f"{written.strip()!r}{hint}")


def test_a_duplicate_names_both_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "indicator,period,value\ncla,2022-23 Q4,461\ncla,Q4 2022-23,460\n")
    error = only_problem(path)
    assert error.line == 3
    assert "duplicate reading for 'cla' in 2022-23 Q4; first given at line 2" in str(error)


def test_every_problem_in_a_file_is_reported_together(tmp_path: Path) -> None:
    path = write(tmp_path, "indicator,period,value\nnope,2022-23 Q4,1\ncla,bad,2\ncla,2022-23,c\n")
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "indicator"), (3, "period")]
    assert str(caught.value).startswith("2 problems:")


def test_missing_and_unknown_columns_are_header_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "indicator,periode,value\ncla,2022-23 Q4,1\n")
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert {(p.line, p.field) for p in caught.value.problems} == {(1, "period"), (1, "periode")}


def test_a_row_with_too_many_cells(tmp_path: Path) -> None:
    error = only_problem(write(tmp_path, "indicator,period,value\ncla,2022-23 Q4,4,61\n"))
    assert error.line == 2
    assert "expected 3 cells as in the header, found 4" in str(error)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    error = only_problem(write(tmp_path, '[{"indicator": "cla",\n "period": }]', "r.json"))
    assert error.line == 2
    assert "invalid JSON" in str(error)


def test_json_number_nan_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[{"indicator": "cla", "period": "2022-23 Q4",\n  "value": NaN}]',
                 "r.json")
    error = only_problem(path)
    assert (error.line, error.field) == (2, "[0].value")


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    assert "unsupported file type" in str(only_problem(write(tmp_path, "x", "r.docx")))
    assert "cannot read the workbook" in str(only_problem(write(tmp_path, "x", "r.xlsx")))
    assert "file not found" in str(only_problem(tmp_path / "absent.csv"))


def test_numerator_over_denominator(tmp_path: Path) -> None:
    path = write(tmp_path, "indicator,period,numerator,denominator,value\n"
                 "moves,2022-23 Q4,12,10,\n")
    error = only_problem(path)
    assert error.field == "numerator"
    assert "exceeds denominator" in str(error)


def test_an_unknown_column_is_reported_with_every_bad_row_in_one_pass(tmp_path: Path) -> None:
    """A misspelt column does not hide the rows' own problems: the whole file can be
    put right in one pass."""
    path = write(tmp_path, "indicator,period,value,comment\n"
                           "moves,2022-23 Q5,7,\n"
                           "moves,2022-23 Q4,seven,\n")
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (1, "comment"), (2, "period"), (3, "value")]
