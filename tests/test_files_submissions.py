"""Reading the submissions log from CSV and JSON, with every problem named precisely."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DataError, DefinitionError
from corpparent.files.panel.submissions import read_submissions, submissions_from_data
from corpparent.obligations.submissions import Submission
from corpparent.periods import FinancialQuarter, FinancialYear

DATA = Path(__file__).parent / "data" / "obligations"


def test_the_csv_and_json_logs_read_the_same() -> None:
    from_csv = read_submissions(DATA / "wiltshire_submissions_2022-23.csv")
    from_json = read_submissions(DATA / "wiltshire_submissions_2022-23.json")
    assert from_csv == from_json
    assert len(from_csv) == 7
    report = from_csv[3]
    assert report.document == "six-monthly report"
    assert report.relates_to == FinancialQuarter(2022, 2)
    assert report.covering[-1] == "exploitation and missing"
    assert report.note == "Mental health held over to the next report"
    assert from_csv[0].relates_to == date(2022, 9, 27)
    assert from_csv[5].relates_to == FinancialYear(2022)
    assert str(from_csv[0].source).endswith("csv, line 2")


def test_every_problem_in_a_csv_log_is_reported_with_its_line_and_column() -> None:
    with pytest.raises(DataError) as caught:
        read_submissions(DATA / "bad_submissions.csv")
    problems = {(p.line, p.field): p.message for p in caught.value.problems}
    assert problems[(3, "recipient")] == "is empty; a name is required"
    assert problems[(4, "date")] == ("expected a date such as 2019-05-20, 20/05/2019 or "
                                     "20 May 2019, found 'Dec 5 2022'")
    # Line 5 is blank and skipped; line 6 has an impossible date and an ambiguous period.
    assert "found '2022-11-31'" in problems[(6, "date")]  # no 31st of November
    assert "a quarter needs its financial year" in problems[(6, "relates_to")]
    assert problems[(7, None)] == "expected 5 cells as in the header, found 6"
    assert len(caught.value.problems) == 5
    assert str(caught.value).startswith("5 problems:")


def test_a_csv_header_with_unknown_or_missing_columns_is_rejected() -> None:
    with pytest.raises(DataError) as caught:
        read_submissions(DATA / "bad_header.csv")
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {(1, "recipient"), (1, "date"), (1, "recipent"), (1, "when")}
    assert "unknown column; expected one of document, recipient, date" in str(caught.value)


def test_every_problem_in_a_json_log_is_reported_with_its_number_and_key() -> None:
    with pytest.raises(DataError) as caught:
        read_submissions(DATA / "bad_submissions.json")
    problems = {(p.line, p.field): p.message for p in caught.value.problems}
    # Each record is on its own line, after the line that opens the list.
    # A number is refused, not read as a timestamp.
    assert problems[(3, "submissions[1].date")].endswith("found 20221205")
    assert problems[(4, "submissions[2].recipient")] == "expected a value, found nothing"
    assert problems[(4, "submissions[2].recipent")].startswith(
        "unknown key; expected one of document, recipient")
    assert problems[(5, "submissions[3]")] == "expected an object, found 'annual report'"
    assert len(problems) == 4


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("log.json", "{\"submissions\": [", "invalid JSON"),
        ("log.json", "{\"rows\": []}", "expected a list of records"),
        ("log.csv", "", "the file is empty"),
        ("log.xlsx", "", "cannot read the workbook"),
        ("log.docx", "", "expected a .csv, .json"),
    ],
)
def test_unreadable_logs_raise_one_clear_data_error(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_submissions(path)


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        read_submissions(tmp_path / "absent.csv")


def test_a_byte_order_mark_from_a_spreadsheet_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes("\ufeffdocument,recipient,date\nminutes,Full Council,2023-01-05\n"
                     .encode())
    assert read_submissions(path)[0].document == "minutes"


def test_json_covering_may_be_a_list_or_a_semicolon_separated_text() -> None:
    base = {"document": "report", "recipient": "Council", "date": "2023-01-05"}
    as_list = submissions_from_data([{**base, "covering": ["health", "housing"]}])
    as_text = submissions_from_data([{**base, "covering": "health; housing;"}])
    assert as_list == as_text
    assert as_list[0].covering == ("health", "housing")


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                max_size=20).filter(lambda s: s.strip() == s and s != "" and ";" not in s)


@given(st.lists(st.builds(
    Submission,
    document=texts,
    recipient=texts,
    date=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    covering=st.lists(texts, max_size=3).map(tuple),
    relates_to=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1),
                                             max_value=date(2099, 12, 31)),
                         st.builds(FinancialYear, st.integers(2000, 2098))),
), max_size=5))
def test_a_log_written_as_json_reads_back_equal(log: list[Submission]) -> None:
    records = [{"document": s.document, "recipient": s.recipient, "date": s.date.isoformat(),
                "covering": list(s.covering),
                "relates_to": None if s.relates_to is None else str(s.relates_to)}
               for s in log]
    assert list(submissions_from_data(json.loads(json.dumps(records)))) == log


def test_dates_are_read_as_meeting_records_write_them() -> None:
    # Meeting records accept the English day-first form; so does the log.
    base = {"document": "minutes", "recipient": "Full Council"}
    [english] = submissions_from_data([{**base, "date": "05/12/2022",
                                        "relates_to": "15/11/2022"}])
    assert (english.date, english.relates_to) == (date(2022, 12, 5), date(2022, 11, 15))


def test_covering_must_be_a_list_not_one_string() -> None:
    with pytest.raises(DefinitionError, match="list of topics"):
        Submission(document="report", recipient="Council", date=date(2023, 1, 5),
                   covering="health")  # type: ignore[arg-type]
