"""The shared record reader reads published files as they are, and names their columns."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpparent.errors import DataError
from corpparent.files._tabular.csv_rows import csv_header
from corpparent.files._tabular.problems import problems_from_validation
from corpparent.files._tabular.records import RawRecord, read_records, validate_records
from corpparent.files.panel.meetings import read_meetings_csv


def _write(folder: Path, text: str, name: str = "file.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_published_file_keeps_its_headings_and_unknown_columns(tmp_path: Path) -> None:
    # The April 2021 statistical-neighbour groupings head every closeness column "SNP".
    path = _write(tmp_path, "LA num, LA Name ,SN1,SNP,SN2,SNP\n865,Wiltshire,916,Close,"
                  "935,Not close\n")
    records = read_records(path, required=("LA num",), unknown_columns="keep",
                           normalise_header=False)
    assert records.header == ("LA num", "LA Name", "SN1", "SNP", "SN2", "SNP.1")
    [record] = records
    assert (record.row, record.fields["SNP"], record.fields["SNP.1"]) == (2, "Close",
                                                                          "Not close")


def test_by_default_headings_are_normalised_and_unknown_columns_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "Document,Date,Substitute For,Colour\nminutes,2023-01-05,,red\n")
    records = read_records(path, required=("document", "date"), optional=("substitute_for",))
    [problem] = records.problems
    assert (problem.line, problem.field) == (1, "Colour")  # as the file writes it
    assert problem.message.startswith("unknown column")
    # The rows are read without the unknown column, so their own problems can be
    # reported in the same pass.
    assert records.header == ("document", "date", "substitute_for")
    assert dict(records[0].fields) == {"document": "minutes", "date": "2023-01-05",
                                       "substitute_for": ""}


def test_a_missing_or_repeated_column_stops_the_file_at_its_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "Document,Document,Colour\nminutes,minutes,red\n")
    with pytest.raises(DataError) as caught:
        read_records(path, required=("document", "date"))
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (1, "date"), (1, "Document"), (1, "Colour")]


def test_a_field_is_named_by_its_heading_as_written(tmp_path: Path) -> None:
    path = _write(tmp_path, "Date,Member,Attendance\n2022-09-27,Ann,maybe\n")
    with pytest.raises(DataError) as caught:
        read_meetings_csv(path)
    [problem] = caught.value.problems
    assert str(problem) == (f"{path}, line 2, field 'Attendance': expected one of 'present', "
                            "'apologies', 'absent', 'substitute', 'invited', 'not recorded' or "
                            "'cancelled', or a committee system's 'Present as expected', "
                            "'Attended', 'Present as substitute', 'In attendance', 'Meeting "
                            "cancelled', 'Canceled', 'Apologies received', 'Sent apologies', "
                            "'Apologies for absence', 'Absent without apologies' or 'Did not "
                            "attend', found 'maybe'")


def test_a_heading_that_looks_numbered_is_not_taken_by_a_repeat(tmp_path: Path) -> None:
    path = _write(tmp_path, "LA,LA,LA.1\n1,2,3\n")
    records = read_records(path, required=(), unknown_columns="keep", normalise_header=False)
    assert records.header == ("LA", "LA.1", "LA.1.1")
    assert [records[0].fields[name] for name in records.header] == ["1", "2", "3"]


def test_a_repeated_heading_is_refused_where_every_column_is_known(tmp_path: Path) -> None:
    # Reading both "value" columns under one name would drop one of them unseen.
    path = _write(tmp_path, "indicator,value,Value\nmoves,7,8\n")
    with pytest.raises(DataError) as caught:
        read_records(path, required=("indicator", "value"))
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (1, "Value")
    assert "repeated" in problem.message


def test_a_missing_column_of_a_published_file_lists_its_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "time_period,la_name\n2025,Wiltshire\n")
    with pytest.raises(DataError) as caught:
        read_records(path, required=("time_period", "geographic_level"),
                     unknown_columns="keep", normalise_header=False)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (1, "geographic_level")
    assert "the header has time_period, la_name" in problem.message


def test_columns_can_be_required_once_the_header_is_known(tmp_path: Path) -> None:
    path = _write(tmp_path, "SN1,SN2\n801,802\n")
    records = read_records(path, required=(), unknown_columns="keep", normalise_header=False)
    records.require(["SN1", "SN2"])
    with pytest.raises(DataError) as caught:
        records.require(["SN1", "SN3", "SN4"])
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "SN3"), (1, "SN4")]


def test_a_malformed_csv_file_is_a_data_error(tmp_path: Path) -> None:
    # Python's csv module refuses a cell longer than its field size limit (131,072).
    path = _write(tmp_path, "name\nshort\n" + "x" * 200_000 + "\n")
    with pytest.raises(DataError) as caught:
        read_records(path, required=("name",))
    [problem] = caught.value.problems
    assert "not a well-formed CSV file" in problem.message
    assert problem.source == str(path)


def test_a_json_file_header_is_every_key_in_the_order_first_met(tmp_path: Path) -> None:
    path = _write(tmp_path, '[{"date": "2023-01-05", "kind": "formal"},\n{"title": "x", '
                  '"date": "2023-02-05"}]', "meetings.json")
    records = read_records(path, required=())
    assert records.header == ("date", "kind", "title")
    assert [r.row for r in records] == [1, 2]  # the line each record starts on


class _Inspection(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^E\d{8}$")
    inspected: date
    codes: tuple[str, ...] = ()


def test_a_cell_count_and_a_bad_value_are_reported_together(tmp_path: Path) -> None:
    path = _write(tmp_path, "Area code,Inspection date\nE06000054,2023-09-25\n"
                  "E06000054\nE0600,2023-09-25\n")
    records = read_records(path, required=("Area code", "Inspection date"),
                           unknown_columns="keep", normalise_header=False)
    renamed = records.with_records(r if r.problem else RawRecord(r.source, r.row, {
        "code": r.fields["Area code"], "inspected": r.fields["Inspection date"]})
        for r in records)
    valid, problems = validate_records(_Inspection, renamed,
                                       columns={"code": "Area code"})
    assert [raw.row for raw, _ in valid] == [2]
    assert [(p.line, p.field) for p in problems] == [(3, None), (4, "Area code")]
    assert problems[1].message == r"expected text matching pattern '^E\d{8}$', found 'E0600'"


def _error(data: dict[str, object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        _Inspection.model_validate(data)
    return caught.value


def test_fields_are_named_by_column_whole_path_or_first_part() -> None:
    error = _error({"code": "E06000054", "inspected": "2023-09-25", "codes": ["8", 9]})
    [problem] = problems_from_validation(error, "f.csv", 5, columns={"codes.1": "SN2"})
    assert (problem.source, problem.line, problem.field) == ("f.csv", 5, "SN2")
    [problem] = problems_from_validation(error, "f.csv", 5, columns={"codes": "SNs"})
    assert problem.field == "SNs[1]"
    [problem] = problems_from_validation(error, "f.toml")
    assert (problem.line, problem.field) == (None, "codes[1]")


def test_a_message_ends_with_the_value_given_and_a_long_one_is_shortened() -> None:
    [problem] = problems_from_validation(
        _error({"code": "E06000054", "inspected": "x" * 200}), "f.csv", 2)
    assert problem.field == "inspected"
    assert problem.message.endswith("...")
    assert len(problem.message) < 200
    [problem] = problems_from_validation(_error({"inspected": "2023-09-25"}), "f.csv", 2)
    assert (problem.field, problem.message) == ("code", "expected a value, found nothing")


@given(st.lists(st.sampled_from(["SNP", "SN1", "LA", "LA.1", "x"]), min_size=1, max_size=8))
def test_repeated_headings_are_numbered_uniquely_keeping_the_first(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), ",".join(names) + "\n" + ",".join("v" * len(names)) + "\n")
        records = read_records(path, required=(), unknown_columns="keep",
                               normalise_header=False)
    header = records.header
    assert len(header) == len(names)
    assert len(set(header)) == len(header)  # no column lost under another's name
    assert header[0] == names[0]
    assert all(h == n or h.startswith(n + ".") for h, n in zip(header, names, strict=True))
    if not any("." in name for name in names):  # no published heading looks numbered
        firsts = {name: names.index(name) for name in names}
        assert all(header[index] == name for name, index in firsts.items())


def test_the_header_is_read_without_reading_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "file.csv"
    first = b"\xef\xbb\xbf Area code ,Inspection date\r\n"  # a byte-order mark, then
    path.write_bytes(first + b"E06000054,\xff\n")  # a byte no UTF-8 text holds
    assert csv_header(path) == ("Area code", "Inspection date")
    with pytest.raises(DataError) as caught:
        read_records(path, required=(), unknown_columns="keep", normalise_header=False)
    [problem] = caught.value.problems
    offset = len(first + b"E06000054,")
    assert (problem.line, problem.message) == (
        2, f"not UTF-8 text: invalid start byte at byte {offset}")


def test_lines_ended_by_a_lone_carriage_return_are_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "document,date\rminutes,2023-01-05\rreport,x\r")
    records = read_records(path, required=("document", "date"))
    assert [(r.row, r.fields["date"]) for r in records] == [(2, "2023-01-05"), (3, "x")]


@pytest.mark.parametrize("name", ["absent.csv", "absent.json"])
def test_a_missing_file_is_one_problem_whatever_its_format(tmp_path: Path, name: str) -> None:
    with pytest.raises(DataError) as caught:
        read_records(tmp_path / name, required=("name",))
    [problem] = caught.value.problems
    assert (problem.source, problem.note) == (str(tmp_path / name), "file not found")
