"""Reading meeting and membership records, and the problems reported for bad ones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from corpparent.errors import DataError
from corpparent.files._tabular.documents import decode_document
from corpparent.files.panel.meetings import (
    meetings_from_data,
    read_meetings,
    read_meetings_csv,
    read_meetings_json,
)
from corpparent.files.panel.membership import read_membership
from corpparent.files.panel.submissions import read_submissions
from corpparent.governance.meetings import MeetingKind
from corpparent.governance.membership import MemberClass, Office

DATA = Path(__file__).parent / "data" / "governance"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wiltshire_dates_without_attendance() -> None:
    # 002 §10: CPP meetings 27.9.22, 15.11.22, 17.1.23, 21.3.23.
    meetings = read_meetings(DATA / "wiltshire_2022-23_meetings.csv")
    assert meetings.dates == (date(2022, 9, 27), date(2022, 11, 15), date(2023, 1, 17),
                              date(2023, 3, 21))
    assert not any(m.attendance_recorded for m in meetings)


def test_csv_rows_build_meetings_with_substitutes_and_apologies(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", (
        "Date,Member,Attendance,Substitute For,Kind\n"
        "27/09/2022,Ann,present,,formal\n"
        "27/09/2022,Bob,apologies,,\n"
        "27/09/2022,Sue,substitute,Bob,\n"
        "2022-10-04,Ann,present,,informal\n"
    ))
    first, second = read_meetings_csv(path)
    assert first.present == ("Ann",)
    assert first.apologies == ("Bob",)
    assert first.substituted("Bob")
    assert second.kind is MeetingKind.INFORMAL


def test_csv_problems_are_all_reported_with_row_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", (
        "date,member,attendance,substitute_for\n"
        "2022-13-01,Ann,present,\n"            # line 2: no such month
        "2022-09-27,Bob,maybe,\n"              # line 3: unknown attendance
        "2022-09-27,Sue,substitute,\n"         # line 4: substitute for whom?
        "2022-09-27,Bob,present,\n"            # line 5: valid
        "2022-09-27,bob,apologies,\n"          # line 6: Bob twice
        "2022-09-27,Ann\n"                     # line 7: too few values
    ))
    with pytest.raises(DataError) as caught:
        read_meetings_csv(path)
    where = [(p.line, p.field) for p in caught.value.problems]
    assert where == [(2, "date"), (3, "attendance"), (7, None), (4, "substitute_for"),
                     (6, "member")]
    assert all(p.source == str(path) for p in caught.value.problems)
    assert "2019-05-20, 20/05/2019 or 20 May 2019" in caught.value.problems[0].message
    assert "present" in caught.value.problems[1].message


def test_csv_unknown_column_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "date,member,attendence\n2022-09-27,Ann,present\n")
    with pytest.raises(DataError) as caught:
        read_meetings_csv(path)
    assert (caught.value.line, caught.value.field) == (1, "attendence")


def test_csv_not_recorded_with_attendance_rows_is_a_contradiction(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "date,member,attendance\n2022-09-27,,not recorded\n"
                 "2022-09-27,Ann,present\n")
    with pytest.raises(DataError) as caught:
        read_meetings_csv(path)
    assert caught.value.line == 2


def test_a_blank_attendance_is_a_problem_never_present(tmp_path: Path) -> None:
    # Line 3 names a member and leaves 'attendance' empty: how they were recorded is not
    # known, so the reader refuses it rather than counting them present.
    path = write(tmp_path, "m.csv", "date,member,attendance\n2025-11-18,Aisha Patel,present\n"
                 "2025-11-18,Brian O'Neill,\n")
    with pytest.raises(DataError) as raised:
        read_meetings(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.field) == (3, "attendance")
    assert "found nothing" in str(raised.value)
    assert "'Present as expected', 'Apologies', 'Absent', 'Present as substitute' or " \
        "'In attendance'" in str(raised.value)


def test_a_cancelled_meeting_is_not_a_meeting_held(tmp_path: Path) -> None:
    # 18 November is cancelled (with every member listed, and by a row with no member):
    # the meetings held are 16 September and 13 January only.
    for cancelled in ("2025-11-18,Aisha Patel,Meeting cancelled\n"
                      "2025-11-18,Brian O'Neill,Meeting cancelled\n",
                      "2025-11-18,,cancelled\n"):
        path = write(tmp_path, "m.csv", "date,member,attendance\n2025-09-16,Aisha Patel,"
                     f"present\n{cancelled}2026-01-13,Aisha Patel,present\n")
        assert read_meetings(path).dates == (date(2025, 9, 16), date(2026, 1, 13))
    both = write(tmp_path, "both.csv", "date,member,attendance\n2025-11-18,Aisha Patel,"
                 "cancelled\n2025-11-18,Brian O'Neill,present\n")
    with pytest.raises(DataError) as raised:
        read_meetings(both)
    [problem] = raised.value.problems
    assert (problem.line, problem.field) == (3, "attendance")
    assert "marked cancelled at line 2" in problem.message


def test_json_meetings_and_problems(tmp_path: Path) -> None:
    good = write(tmp_path, "m.json", json.dumps({"meetings": [
        {"date": "2022-09-27", "present": ["Ann"], "substitutes": [{"name": "Sue",
                                                                     "for": "Bob"}]},
        {"date": "2022-11-15"},
    ]}))
    first, second = read_meetings_json(good)
    assert first.substituted("Bob")
    assert not second.attendance_recorded
    bad = write(tmp_path, "bad.json", "\n".join([
        '[{"date": "2022-09-27", "present": ["Ann"],',
        '  "apologies": ["Ann"]},',
        ' {"date": "27 Sept",',
        '  "colour": "red"},',
        ' {"date": "2022-09-27"}]',
    ]))
    with pytest.raises(DataError) as caught:
        read_meetings_json(bad)
    where = sorted((p.line, p.field) for p in caught.value.problems)
    assert where == [(2, "[0].apologies"), (3, "[1].date"), (4, "[1].colour"), (5, "[2].date")]


def test_unreadable_files_are_data_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        read_meetings(tmp_path / "missing.csv")
    with pytest.raises(DataError, match=r"invalid JSON: .* \(line 1"):
        read_meetings(write(tmp_path, "x.json", "{nope"))
    with pytest.raises(DataError, match=r"expected a \.csv, \.json, \.xlsx, \.xlsm, \.xls or "
                       r"\.ods file, found a \.txt file"):
        read_meetings(write(tmp_path, "x.txt", ""))


def test_a_format_given_overrides_the_suffix(tmp_path: Path) -> None:
    exported = write(tmp_path, "attendance.json",
                     "date,member,attendance\n2023-01-05,Gill Burnett,present\n")
    [meeting] = read_meetings(exported, format="csv")
    assert (meeting.held_on, meeting.present) == (date(2023, 1, 5), ("Gill Burnett",))
    listed = write(tmp_path, "meetings.csv", '[{"date": "2023-02-06", "present": ["A"]}]')
    [meeting] = read_meetings(listed, format="json")
    assert (meeting.held_on, meeting.present) == (date(2023, 2, 6), ("A",))
    with pytest.raises(DataError, match="required column missing"):
        read_meetings(listed, format="csv")


def test_names_differing_in_apostrophes_are_one_person(tmp_path: Path) -> None:
    bad = write(tmp_path, "m.csv", "date,member,attendance\n2023-01-05,Jo O\u2019Neill,present\n"
                "2023-01-05,jo  o'neill,apologies\n")
    with pytest.raises(DataError) as caught:
        read_meetings_csv(bad)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (3, "member")
    assert "already recorded for 2023-01-05 at line 2" in problem.note


def test_a_date_is_text_or_a_date_never_a_number(tmp_path: Path) -> None:
    bad = write(tmp_path, "m.json", '[{"date": 86400},\n {"date": " "}]')
    with pytest.raises(DataError) as caught:
        read_meetings_json(bad)
    assert [(p.line, p.field, p.expected, p.found) for p in caught.value.problems] == [
        (1, "[0].date", "a date such as 2019-05-20, 20/05/2019 or 20 May 2019", "86400"),
        (2, "[1].date", "a date such as 2019-05-20, 20/05/2019 or 20 May 2019", "nothing")]


def test_a_required_date_left_null_is_refused_in_the_dates_words(tmp_path: Path) -> None:
    meetings = write(tmp_path, "m.json", '[{"date": null}]')
    membership = write(tmp_path, "p.json", json.dumps({"members": [
        {"name": "A", "class": "core councillor", "joined": None,
         "credentials": [{"name": "DBS check", "completed": None, "expires": None}]}]},
        indent=1))
    submissions = write(tmp_path, "s.json", '[{"document": "minutes", "recipient": "Chair",'
                        '\n  "date": null}]')
    found = []
    for path, read in ((meetings, read_meetings_json), (membership, read_membership),
                       (submissions, read_submissions)):
        with pytest.raises(DataError) as caught:
            read(path)
        found.extend((p.line, p.field, p.expected, p.found) for p in caught.value.problems)
    # An optional date ('joined', 'expires') may be left null.
    assert found == [
        (1, "[0].date", "a date such as 2019-05-20, 20/05/2019 or 20 May 2019", "nothing"),
        (10, "members[0].credentials[0].completed",
         "a date such as 2019-05-20, 20/05/2019 or 20 May 2019", "nothing"),
        (2, "[0].date", "a date such as 2019-05-20, 20/05/2019 or 20 May 2019", "nothing")]


def test_a_toml_date_and_time_is_shown_as_toml_writes_it() -> None:
    text = '[[meetings]]\ndate = 2023-01-05T10:00:00\n\n[[meetings]]\ndate = 10:00:00\n'
    data, where = decode_document(text, "plugin.toml", toml=True)
    with pytest.raises(DataError) as caught:
        meetings_from_data(data["meetings"], source="plugin.toml", where=where.under("meetings"))
    assert [(p.line, p.field, p.found) for p in caught.value.problems] == [
        (2, "meetings[0].date", "2023-01-05T10:00:00"), (5, "meetings[1].date", "10:00:00")]


def test_membership_file(tmp_path: Path) -> None:
    membership = read_membership(DATA / "staffordshire_2019-20_membership.json")
    (greatorex,) = membership.spells("Michael Greatorex")
    assert greatorex.left is not None
    assert greatorex.left.month == 10
    chair = membership.on(date(2019, 6, 1)).holding(Office.CHAIR)
    assert chair is not None
    assert chair.name == "Mark Sutton"
    bad = write(tmp_path, "m.json", json.dumps({"members": [
        {"name": "A", "class": "councillor"},
        {"name": "B", "class": "co-opted member", "joined": "2020-01-02", "left": "2020-01-01"},
    ], "leads": [{"priority": "X"}]}, indent=1))
    with pytest.raises(DataError) as caught:
        read_membership(bad)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (5, "members[0].class"), (11, "members[1].left"), (15, "leads[0].member")]
    assert [m.member_class for m in membership.members].count(MemberClass.CO_OPTED) == 7


def test_json_schemas_describe_the_example_files() -> None:
    from corpparent.files.panel.meetings import meetings_json_schema
    from corpparent.files.panel.membership import membership_json_schema

    meeting = meetings_json_schema()["$defs"]["MeetingRecord"]
    records = json.loads((DATA / "staffordshire_2019-20_meetings.json").read_text())
    assert all(set(r) <= set(meeting["properties"]) for r in records["meetings"])
    membership = membership_json_schema()
    member = membership["$defs"]["MemberRecord"]
    people = json.loads((DATA / "staffordshire_2019-20_membership.json").read_text())
    assert set(people) <= set(membership["properties"])
    assert all(set(p) <= set(member["properties"]) for p in people["members"])
    assert "class" in member["required"]


def test_invited_attendees_and_reserves_conditions_are_read(tmp_path: Path) -> None:
    csv_file = tmp_path / "meetings.csv"
    csv_file.write_text("date,member,attendance,substitute_for\n"
                        "2023-06-01,Cllr A,present,\n"
                        "2023-06-01,Virtual School Head,invited,\n", encoding="utf-8")
    (meeting,) = read_meetings(csv_file)
    assert meeting.present == ("Cllr A",)
    assert meeting.invited == ("Virtual School Head",)
    json_file = tmp_path / "meetings.json"
    json_file.write_text(json.dumps([{
        "date": "2023-06-01", "present": ["Cllr A"], "invited": ["Head of Service"],
        "substitutes": [{"name": "Reserve R", "for": "Cllr B", "noted_at_start": False,
                         "from_item": 3}]}]), encoding="utf-8")
    (meeting,) = read_meetings(json_file)
    assert meeting.invited == ("Head of Service",)
    (substitution,) = meeting.substitutions
    assert (substitution.noted_at_start, substitution.from_item) == (False, 3)
    json_file.write_text(json.dumps([{"date": "2023-06-01", "present": ["Cllr A"],
                                      "invited": ["Cllr A"]}]), encoding="utf-8")
    with pytest.raises(DataError, match="listed in both 'present' and 'invited'"):
        read_meetings(json_file)


def test_voting_and_reserves_are_read_from_a_membership_file(tmp_path: Path) -> None:
    path = tmp_path / "members.json"
    path.write_text(json.dumps({"members": [
        {"name": "Young Person", "class": "co-opted member", "voting": False},
        {"name": "Reserve R", "class": "substitute", "reserve_for": "Cllr B"},
        {"name": "Cllr B", "class": "core councillor"}]}), encoding="utf-8")
    young, reserve, councillor = read_membership(path).members
    assert (young.voting, reserve.reserve_for, councillor.voting) == (False, ("Cllr B",),
                                                                     True)
