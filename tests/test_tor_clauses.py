"""Clause forms councils write, each declared in a plug-in file with a panel that meets
it and one that breaks it, judged from the file and through ``corpparent meetings``,
and described by ``corpparent authorities show``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.files.panel.meetings import read_meetings
from corpparent.findings import Status
from corpparent.governance.next_meeting import NextMeetingOf
from corpparent.governance.terms import ReportingLine
from corpparent.obligations import Submission
from corpparent.periods import FinancialYear
from terms_cases import Case, Panel, councillors, meeting

YEAR = FinancialYear(2023)
_ONE_MEETING = [meeting("2023-06-01", "Cllr 0")]

# A council of 55, 30 Labour (a majority), 20 Conservative and 5 Green, from before the
# year; nine councillor seats on the panel, shared 5, 3 and 1 in proportion.
_COUNCIL = {"seats": 9, "council": [
    {"since": "2023-01-01", "groups": {"Labour": 30, "Conservative": 20, "Green": 5}}]}

_PARENT = {"panel": "Corporate Parenting Board", "members": [
    {"name": "Cllr 0", "class": "core councillor"},
    {"name": "Cllr 1", "class": "core councillor", "left": "2023-05-31"},
    {"name": "Partner P", "class": "associate member"}]}

CASES = [
    Case("political balance in proportion to the council", "political balance",
         Panel({"political_balance": _COUNCIL},
               councillors(*["Labour"] * 5, *["Conservative"] * 3, "Green"), _ONE_MEETING),
         # Six Labour of nine: a seat of Labour's belongs to the Conservatives (d).
         Panel({"political_balance": _COUNCIL},
               councillors(*["Labour"] * 6, *["Conservative"] * 2, "Green"), _ONE_MEETING)),
    Case("a majority on the council keeps a majority on the panel", "political balance",
         Panel({"political_balance": _COUNCIL},
               councillors(*["Labour"] * 5, *["Conservative"] * 3, "Green"), _ONE_MEETING),
         Panel({"political_balance": _COUNCIL},
               councillors(*["Labour"] * 4, *["Conservative"] * 4, "Green"), _ONE_MEETING)),
    # "The Virtual School Head is invited to all meetings": recorded, not a member.
    Case("standing invitees", "standing invitees",
         Panel({"standing_invitees": ["Virtual School Head"]}, councillors("A", "A"),
               [meeting("2023-06-01", "Cllr 0", "Virtual School Head"),
                meeting("2023-09-01", "Cllr 0", "Cllr 1", invited=["Virtual School Head"])]),
         # The membership gives the invitee a seat the terms do not.
         Panel({"standing_invitees": ["Virtual School Head"]},
               [*councillors("A", "A"),
                {"name": "Virtual School Head", "class": "co-opted member"}],
               [meeting("2023-06-01", "Cllr 0", "Virtual School Head")])),
    # "Meetings are open to the public": an item about a named child is taken in
    # private as exempt information (Sch 12A paragraph 1); one with no reason breaks it.
    Case("meetings open to the public", "meetings open to the public",
         Panel({"open_to_public": True}, councillors("A"),
               [meeting("2023-06-01", "Cllr 0", in_public=True,
                        private_items=[{"item": 6, "exempt_paragraph": 1}])]),
         Panel({"open_to_public": True}, councillors("A"),
               [meeting("2023-06-01", "Cllr 0", in_public=True,
                        private_items=[{"item": 6}])])),
    # A sub-group "drawn from the members of the Board": Cllr 1 left the Board at the
    # end of May, so sits on the sub-group in June as an outsider.
    Case("a sub-group's members drawn from its panel", "members of Corporate Parenting Board",
         Panel({"parent_panel": _PARENT}, councillors("A", "A"),
               [meeting("2023-05-10", "Cllr 0", "Cllr 1")]),
         Panel({"parent_panel": _PARENT}, councillors("A", "A"),
               [meeting("2023-06-14", "Cllr 0", "Cllr 1")])),
]


def _findings(panel: Panel) -> list[tuple[str, str]]:
    profile = profile_from_toml(panel.plugin(), "case.toml")
    assert profile.constitution is not None
    found = profile.constitution.review_period(profile.meetings, profile.membership, YEAR,
                                               YEAR.end)
    return [(f.rule, str(f.status)) for f in found]


def _cli(panel: Panel, tmp_path: Path) -> list[tuple[str, str]]:
    plugin = tmp_path / "case.toml"
    plugin.write_text(panel.plugin(), encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", str(plugin)]).exit_code == 0
    result = CliRunner().invoke(cli, ["meetings", "-a", str(plugin), "-p", "2023-24",
                                      "-f", "json"])
    assert result.exit_code == 0, result.output
    return [(f["rule"], f["status"]) for f in json.loads(result.stdout)["findings"]]


def _statuses(found: list[tuple[str, str]], rule: str) -> list[str]:
    return [status for name, status in found if name == rule]


def _expected(case: Case, meets: bool) -> list[str]:
    if meets:
        return [] if case.meets_status is None else [case.meets_status]
    return [case.fails_status]


@pytest.mark.parametrize("case", CASES, ids=[c.form for c in CASES])
@pytest.mark.parametrize("meets", [True, False], ids=["meets", "breaks"])
def test_each_clause_form_from_its_plug_in_file(case: Case, meets: bool) -> None:
    panel = case.meets if meets else case.fails
    assert _statuses(_findings(panel), case.rule) == _expected(case, meets)


@pytest.mark.parametrize("case", CASES, ids=[c.form for c in CASES])
@pytest.mark.parametrize("meets", [True, False], ids=["meets", "breaks"])
def test_each_clause_form_through_the_command_line(case: Case, meets: bool,
                                                   tmp_path: Path) -> None:
    panel = case.meets if meets else case.fails
    assert _statuses(_cli(panel, tmp_path), case.rule) == _expected(case, meets)


@pytest.mark.parametrize("case", CASES, ids=[c.form for c in CASES])
def test_each_clause_form_is_written_back_as_read(case: Case) -> None:
    profile = profile_from_toml(case.meets.plugin(), "case.toml")
    assert profile_from_toml(profile_to_toml(profile)) == profile


def _show(panel: Panel, tmp_path: Path, *more: str) -> str:
    plugin = tmp_path / "case.toml"
    plugin.write_text(panel.plugin(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["authorities", "show", str(plugin), *more])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())  # as one line, however the terminal wraps it


def test_authorities_show_states_the_councils_groups_and_what_is_not_judged(
        tmp_path: Path) -> None:
    text = _show(CASES[0].meets, tmp_path)
    assert ("Political balance: of councillors: 9 seats in proportion to the council's "
            "groups (Local Government and Housing Act 1989 s.15(5)(a), (b) and (d); (c) is "
            "not judged") in text
    assert "from 1 January 2023: 30 Labour, 20 Conservative and 5 Green (55 members)" in text


def test_authorities_show_in_json_gives_the_plug_ins_own_data(tmp_path: Path) -> None:
    shown = json.loads(_show(CASES[0].meets, tmp_path, "--json"))
    text = json.dumps(shown)
    assert '"since": "2023-01-01"' in text
    assert '"groups": {"Labour": 30, "Conservative": 20, "Green": 5}' in text


# --- a deadline "by the next meeting of" another body --------------------------------

# "Minutes of the panel to be reported to the next meeting of Cabinet": the panel meets
# on 1 June and 1 September; Cabinet on 20 June, 19 September and 12 December.
_MINUTES = {"recipient": "Cabinet", "document": "minutes", "by_next_meeting_of": {
    "body": "Cabinet", "meetings": ["2023-06-20", "2023-09-19", "2023-12-12"]}}
_TO_CABINET = Panel({"reporting_lines": [_MINUTES]}, councillors("A"),
                    [meeting("2023-06-01", "Cllr 0"), meeting("2023-09-01", "Cllr 0")])
_RULE = "reporting line: reports to Cabinet"


def _log(tmp_path: Path, *rows: str) -> str:
    log = tmp_path / "log.csv"
    log.write_text("document,recipient,date\n" + "".join(f"{r}\n" for r in rows),
                   encoding="utf-8")
    return str(log)


def _with_log(panel: Panel, tmp_path: Path, *more: str) -> list[dict[str, str]]:
    plugin = tmp_path / "case.toml"
    plugin.write_text(panel.plugin(), encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", str(plugin)]).exit_code == 0
    result = CliRunner().invoke(cli, ["meetings", "-a", str(plugin), "-p", "2023-24",
                                      "-f", "json", *more])
    assert result.exit_code == 0, result.output
    found: list[dict[str, str]] = json.loads(result.stdout)["findings"]
    return found


def test_minutes_by_cabinets_next_meeting_are_on_time(tmp_path: Path) -> None:
    log = _log(tmp_path, "minutes,Cabinet,2023-06-15", "minutes,Cabinet,2023-09-14")
    (line,) = [f for f in _with_log(_TO_CABINET, tmp_path, "--log", log)
               if f["rule"] == _RULE]
    assert line["status"] == "met"
    assert ("arose 1 June 2023, due by Cabinet on 20 June 2023: went on 15 June 2023"
            in line["explanation"])


def test_minutes_after_cabinets_next_meeting_are_late(tmp_path: Path) -> None:
    log = _log(tmp_path, "minutes,Cabinet,2023-06-15", "minutes,Cabinet,2023-12-12")
    (line,) = [f for f in _with_log(_TO_CABINET, tmp_path, "--log", log)
               if f["rule"] == _RULE]
    assert line["status"] == "breached"
    assert ("arose 1 September 2023, due by Cabinet on 19 September 2023: went late, on "
            "12 December 2023") in line["explanation"]


def test_no_later_meeting_of_the_body_on_record_is_insufficient_data() -> None:
    line = ReportingLine("Cabinet", document="minutes", by_next_meeting_of=NextMeetingOf(
        "Cabinet", [date(2023, 6, 20)]))
    sent = [Submission(document="minutes", recipient="Cabinet", date=date(2023, 9, 5))]
    found = line.finding("P", sent, YEAR, YEAR.end, [date(2023, 9, 1)])
    assert found.status is Status.INSUFFICIENT_DATA
    assert ("no meeting of Cabinet after it is on record, so its deadline is not known; "
            "it went on 5 September 2023") in found.explanation


def test_an_annual_report_by_councils_next_meeting_after_the_year() -> None:
    line = ReportingLine("Full Council", document="annual report", arises="year end",
                         by_next_meeting_of=NextMeetingOf("Full Council",
                                                          [date(2024, 4, 18)]))
    sent = [Submission(document="annual report", recipient="Full Council",
                       date=date(2024, 4, 18))]
    assert line.finding("P", [], YEAR, YEAR.end).status is Status.NOT_YET_DUE
    assert line.finding("P", sent, YEAR, date(2024, 5, 1)).status is Status.MET
    assert line.finding("P", [], YEAR, date(2024, 5, 1)).status is Status.BREACHED


def test_a_recipient_not_stated_is_insufficient_data(tmp_path: Path) -> None:
    # "The panel will produce an annual report": to whom, and by when, not stated.
    panel = Panel({"reporting_lines": [{"document": "annual report"}]}, councillors("A"),
                  _ONE_MEETING)
    text = _show(panel, tmp_path)
    assert ("Reporting line: reports to (recipient not stated) (annual report); no deadline "
            "or cadence stated") in text
    line = ReportingLine(None, document="annual report")
    found = line.finding("P", [Submission(document="annual report", recipient="Cabinet",
                                         date=date(2023, 7, 1))],
                         YEAR, YEAR.end)
    assert found.status is Status.INSUFFICIENT_DATA
    assert "do not state to whom" in found.explanation


def test_a_meeting_that_does_not_say_whether_it_was_public_is_insufficient_data() -> None:
    panel = Panel({"open_to_public": True}, councillors("A"), _ONE_MEETING)
    assert _statuses(_findings(panel), "meetings open to the public") == [
        "insufficient data"]


_CSV_ITEMS = """\
date,member,attendance,in_public,private_item,exempt_paragraph
2023-06-01,Cllr 0,present,yes,,
2023-06-01,,,,6,1
2023-06-01,,,,7,
2023-09-01,Cllr 0,present,no,,
"""


def test_a_csv_meetings_file_records_public_and_private_items(tmp_path: Path) -> None:
    (tmp_path / "meetings.csv").write_text(_CSV_ITEMS, encoding="utf-8")
    held = [{"date": "2023-06-01", "present": ["Cllr 0"], "in_public": True,
             "private_items": [{"item": 6, "exempt_paragraph": 1}, {"item": 7}]},
            {"date": "2023-09-01", "present": ["Cllr 0"], "in_public": False}]
    (tmp_path / "meetings.json").write_text(json.dumps(held), encoding="utf-8")
    assert read_meetings(tmp_path / "meetings.csv") == read_meetings(
        tmp_path / "meetings.json")
    plugin = tmp_path / "case.toml"
    plugin.write_text(Panel({"open_to_public": True}, councillors("A"),
                            _ONE_MEETING).plugin(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["meetings", str(tmp_path / "meetings.csv"), "-a",
                                      str(plugin), "-p", "2023-24", "-f", "json"])
    assert result.exit_code == 0, result.output
    found = [f for f in json.loads(result.stdout)["findings"]
             if f["rule"] == "meetings open to the public"]
    assert [f["status"] for f in found] == ["breached", "breached"]
    assert ("item 7 taken in private with no exempt information given (Sch 12A); taken "
            "in private as exempt information under Sch 12A: item 6 (paragraph 1)"
            in found[0]["explanation"])
    assert "held in private" in found[1]["explanation"]


def test_a_private_item_goes_on_a_row_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "meetings.csv").write_text(
        "date,member,attendance,private_item\n2023-06-01,Cllr 0,present,6\n",
        encoding="utf-8")
    with pytest.raises(DataError, match=r"line 2.*private_item.*a row of its own"):
        read_meetings(tmp_path / "meetings.csv")


def test_authorities_show_states_the_deadline_and_the_bodys_meetings(tmp_path: Path) -> None:
    text = _show(_TO_CABINET, tmp_path)
    assert ("Reporting line: reports to Cabinet (minutes), after each meeting of the panel, "
            "by the next meeting of Cabinet (3 meetings of it on record, 20 June 2023 to "
            "12 December 2023)") in text


def test_terms_that_only_ask_for_a_reason_noted_make_a_missing_paragraph_a_warning() -> None:
    panel = Panel({"open_to_public": {"paragraph_required": False}}, councillors("A"),
                  [meeting("2023-06-01", "Cllr 0", in_public=True,
                           private_items=[{"item": 6}])])
    assert _statuses(_findings(panel), "meetings open to the public") == ["warning"]
    profile = profile_from_toml(panel.plugin(), "case.toml")
    assert profile_from_toml(profile_to_toml(profile)) == profile


def test_a_sub_group_finding_names_the_outsider_and_the_day(tmp_path: Path) -> None:
    panel = CASES[-1].fails
    profile = profile_from_toml(panel.plugin(), "case.toml")
    assert profile.constitution is not None
    (found,) = [f for f in profile.constitution.review_period(
        profile.meetings, profile.membership, YEAR, YEAR.end)
        if f.rule == "members of Corporate Parenting Board"]
    assert found.subject_name == "meeting on 2023-06-14"
    assert ("1 member of the sub-group (Cllr 1) not a member of Corporate Parenting Board "
            "on 2023-06-14") in found.explanation
    text = _show(panel, tmp_path)
    assert ("Sub-group of: a sub-group of Corporate Parenting Board, whose members must be "
            "members of Corporate Parenting Board; its members on record: Cllr 0 (core "
            "councillor); Cllr 1 (core councillor, to 31 May 2023); Partner P (associate "
            "member)") in text
