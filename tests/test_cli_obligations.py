"""`corpparent obligations check` and `due`: a submissions log judged, what falls due."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files.panel.obligations import obligations_to_data
from corpparent.plugins import load_profile
from reports_support import ROOT

DATA = ROOT / "examples" / "data"
LOG = DATA / "wiltshire_submissions_2022-23.csv"
MEETINGS = DATA / "wiltshire_2022-23_meetings.csv"
CHECK = ["obligations", "check", str(LOG), "-a", "wiltshire", "-M", str(MEETINGS),
         "-p", "2022-23", "--as-of", "2023-09-01"]
DUE = ["obligations", "due", "-a", "wiltshire", "--from", "2023-09-01", "--until",
       "2024-03-31"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def findings(*args: str) -> list[dict[str, object]]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def test_one_finding_per_occurrence_of_wiltshires_obligations() -> None:
    """001 §6: minutes after each of the four meetings of 2022-23 (002 §10), two
    six-monthly reports, and the annual report shared with Children's Select and then
    presented to Full Council: eight occurrences."""
    found = findings(*CHECK)
    subjects = [str(f["subject"]) for f in found]
    names = [str(f["subject_name"]) for f in found]
    assert len(found) == 8
    assert subjects.count("minutes-to-select-chair") == 4
    assert sum(s.startswith("Panel minutes") for s in names) == 4
    assert sum(s.startswith("Six-monthly") for s in names) == 2
    outcomes = {f["outcome"] for f in found}
    assert outcomes <= {"met", "late", "missing", "incomplete", "out of order", "not yet due"}


def test_fail_on_breach_when_an_obligation_is_breached() -> None:
    assert any(f["status"] == "breached" for f in findings(*CHECK))
    assert run(*CHECK).exit_code == 0
    assert run(*CHECK, "--fail-on-breach").exit_code == 1


def test_due_lists_minutes_for_planned_meetings(tmp_path: Path) -> None:
    calendar = tmp_path / "deadlines.ics"
    found = findings(*DUE, "--meeting", "2023-09-26", "--meeting", "2023-11-14",
                     "--ics", str(calendar))
    minutes = [f for f in found if f["evidence"]["obligation"] == "minutes-to-select-chair"]
    assert [f["evidence"]["due"] for f in minutes] == ["2023-10-10", "2023-11-28"]  # 14 days
    assert all(f["status"] == "not yet due" for f in found)
    text = calendar.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") == len(found)


def test_due_without_meeting_dates_says_what_it_cannot_schedule() -> None:
    found = findings(*DUE)
    unscheduled = [f for f in found if f["status"] == "insufficient data"]
    assert [str(f["explanation"]).split(" to ")[0] for f in unscheduled] == ["Panel minutes"]
    assert "--" not in str(unscheduled[0]["explanation"])


def test_due_without_meeting_dates_names_the_options_on_standard_error() -> None:
    result = run(*DUE)
    assert result.exit_code == 0, result.output
    assert "1 obligation could not be scheduled" in result.stderr
    assert "give --meetings, --meeting or --event" in result.stderr
    planned = run(*DUE, "--meeting", "2023-09-26")
    assert "could not be scheduled" not in planned.stderr


def test_due_leaves_out_what_the_log_already_meets(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("document,recipient,date,relates_to\nminutes,Chairman of Children's "
                   "Select Committee,2023-09-28,2023-09-26\n", encoding="utf-8")
    window = ["obligations", "due", "-a", "wiltshire", "--from", "2023-10-01", "--until",
              "2023-10-31", "--meeting", "2023-09-26"]
    before = [f["evidence"]["due"] for f in findings(*window)]
    after = [f["evidence"]["due"] for f in findings(*window, "--log", str(log))
             if f["rule"] == "falls due"]
    assert before == ["2023-10-10"]  # minutes of 26 September, 14 days on
    assert after == []


def test_due_with_a_log_lists_what_is_overdue_as_needing_attention(tmp_path: Path) -> None:
    # Read today, this log of one entry leaves the year before 1 October 2023 undelivered:
    # both 2022-23 six-monthly reports (due 30 November 2022 and 31 May 2023) and both
    # annual reports (due 31 July 2023); the 2023-24 reports all fall due later. The
    # 26 September minutes went on 28 September, so they are not listed.
    log = tmp_path / "log.csv"
    log.write_text("document,recipient,date,relates_to\nminutes,Chairman of Children's "
                   "Select Committee,2023-09-28,2023-09-26\n", encoding="utf-8")
    found = findings("obligations", "due", "-a", "wiltshire", "--from", "2023-10-01",
                     "--until", "2023-10-31", "--meeting", "2023-09-26", "--log", str(log))
    overdue = [(f["subject"], f["evidence"]["due"], f["status"]) for f in found
               if f["rule"] == "reporting obligation"]
    assert overdue == [
        ("six-monthly-report", "2022-11-30", "breached"),
        ("six-monthly-report", "2023-05-31", "breached"),
        ("annual-report-select", "2023-07-31", "breached"),
        ("annual-report-council", "2023-07-31", "breached"),
    ]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ([*CHECK[:3], "-O", "nowhere", *CHECK[5:]], "not a .toml or .json obligations file"),
        ([*CHECK, "--event", "inspection"], "NAME=YYYY-MM-DD"),
        ([*DUE[:4], "--from", "2024-03-31", "--until", "2023-09-01"], "is before --from"),
        (["obligations", "check", "absent.csv", *CHECK[3:]], "file not found"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert fragment in result.stderr


def test_bad_log_row_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "log.csv"
    bad.write_text("document,recipient,date\nminutes,Full Council,Dec 5 2022\n",
                   encoding="utf-8")
    result = run("obligations", "check", str(bad), *CHECK[3:])
    assert result.exit_code == 2
    assert f"{bad}, line 2, field 'date'" in result.stderr


@pytest.mark.parametrize("command", [["obligations"], ["obligations", "check"],
                                     ["obligations", "due"]])
def test_help_shows_examples(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_a_plug_in_supplies_the_obligations_and_the_meeting_dates() -> None:
    """The plug-in's recorded meetings (002 §10) give the same findings as the meeting
    records file."""
    from_plug_in = findings("obligations", "check", str(LOG), "-a", "wiltshire",
                            "-p", "2022-23", "--as-of", "2023-09-01")
    assert [f["outcome"] for f in from_plug_in] == [f["outcome"] for f in findings(*CHECK)]


def test_obligations_from_a_file(tmp_path: Path) -> None:
    """An authority's own obligations file (here, the Wiltshire plug-in's written out as
    JSON) is judged as the plug-in's obligations are."""
    obligations = load_profile("wiltshire").obligations
    assert len(obligations) > 0
    own = tmp_path / "obligations.json"
    own.write_text(json.dumps(obligations_to_data(obligations)), encoding="utf-8")
    from_file = findings("obligations", "check", str(LOG), "-O", str(own), "-M",
                         str(MEETINGS), "-p", "2022-23", "--as-of", "2023-09-01")
    assert [f["outcome"] for f in from_file] == [f["outcome"] for f in findings(*CHECK)]


def test_obligations_need_a_source() -> None:
    result = run("obligations", "due", "--from", "2023-09-01", "--until", "2023-12-31")
    assert result.exit_code == 2
    assert "--obligations" in result.stderr


def test_each_run_loads_the_plug_in_afresh() -> None:
    """Nothing is kept between runs: a plug-in blocked after a first run is not used by
    the next one."""
    assert run(*DUE).exit_code == 0
    blocked = CliRunner().invoke(cli, DUE, prog_name="corpparent",
                                 env={"CORPPARENT_PLUGINS_BLOCK": "wiltshire"})
    assert blocked.exit_code != 0
    assert "wiltshire" in blocked.stderr
