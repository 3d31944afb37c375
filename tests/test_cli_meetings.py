"""`corpparent meetings`: governance findings from meeting and membership files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.report import published_schema
from reports_support import ROOT

DATA = ROOT / "examples" / "data"
MEETINGS = DATA / "staffordshire_2019-20_meetings.csv"
MEMBERSHIP = DATA / "staffordshire_2019-20_membership.json"
STAFFORDSHIRE = f"{ROOT / 'examples' / 'governance.py'}:STAFFORDSHIRE"
BASE = ["meetings", str(MEETINGS), "-C", STAFFORDSHIRE, "-m", str(MEMBERSHIP),
        "-p", "MY 2019-20"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def findings(*args: str) -> list[dict[str, object]]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(published_schema()).validate(document)
    found: list[dict[str, object]] = document["findings"]
    return found


def test_staffordshire_met_nine_times_against_monthly_meetings() -> None:
    """004 §13: the panel "met 9 times" in 2019-20; its terms of reference say it "shall
    meet every month" (004, terms of reference): 3 short of 12."""
    frequency = next(f for f in findings(*BASE) if f["family"] == "meeting frequency")
    assert frequency["status"] == "breached"
    assert frequency["evidence"] == {"meetings": 9, "required": 12, "shortfall": 3}


def test_attendance_counts_only_meetings_within_tenure() -> None:
    """004 §7: "Michael Greatorex (to Oct 2019) (2/4)"."""
    rows = [f for f in findings(*BASE) if f["subject"] == "Michael Greatorex"
            and str(f["rule"]).startswith("attendance")]
    assert [(r["evidence"]["attended"], r["evidence"]["possible"]) for r in rows] == [(2, 4)]


def test_terminal_and_markdown_name_each_subject() -> None:
    result = run(*BASE)
    assert result.exit_code == 0, result.output
    assert "Michael Greatorex" in result.stdout
    markdown = run(*BASE, "-f", "markdown").stdout
    assert "| Michael Greatorex | attendance" in markdown


def test_without_membership_only_frequency_is_judged() -> None:
    found = findings("meetings", str(MEETINGS), "-C", STAFFORDSHIRE, "-p", "MY 2019-20")
    rules = {f["rule"] for f in found}
    assert "meeting frequency" in rules
    gap = [f for f in found if f["status"] == "insufficient data"]
    assert len(gap) == 1
    assert "need the panel's membership" in str(gap[0]["explanation"])
    assert "--" not in str(gap[0]["explanation"])


def test_without_membership_the_command_line_names_the_option_on_standard_error() -> None:
    result = run("meetings", str(MEETINGS), "-C", STAFFORDSHIRE, "-p", "MY 2019-20")
    assert result.exit_code == 0, result.output
    assert "give --membership FILE" in result.stderr
    assert "--membership" not in result.stdout
    with_membership = run("meetings", str(MEETINGS), "-C", STAFFORDSHIRE, "-m",
                          str(MEMBERSHIP), "-p", "MY 2019-20")
    assert "--membership" not in with_membership.stderr


def test_fail_on_breach() -> None:
    assert run(*BASE).exit_code == 0
    assert run(*BASE, "--fail-on-breach").exit_code == 1


def assert_bad_input(result: Result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_ambiguous_constitution_reference_exits_2() -> None:
    """examples/governance.py defines two constitutions, so one must be named."""
    reference = str(ROOT / "examples" / "governance.py")
    assert_bad_input(run("meetings", str(MEETINGS), "-C", reference, "-p", "MY 2019-20"),
                     "STAFFORDSHIRE")


def test_bad_meetings_row_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "meetings.csv"
    bad.write_text("date,member,attendance\n2019-05-20,Gill Burnett,present\n"
                   "2019-13-40,Gill Burnett,present\n", encoding="utf-8")
    assert_bad_input(run("meetings", str(bad), "-C", STAFFORDSHIRE, "-p", "MY 2019-20"),
                     f"{bad}, line 3, field 'date'")


def test_bad_as_of_exits_2() -> None:
    assert_bad_input(run(*BASE, "--as-of", "next Tuesday"), "YYYY-MM-DD")


def test_help_shows_examples() -> None:
    result = run("meetings", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_a_plug_in_supplies_constitution_membership_and_meetings() -> None:
    """The built-in Wiltshire plug-in records its 2022-23 meetings (002 §10: 27.9.22,
    15.11.22, 17.1.23, 21.3.23) and its terms of reference's minimum of 5 a year (001 §5)."""
    found = findings("meetings", "-a", "wiltshire", "-p", "2022-23")
    frequency = next(f for f in found if f["family"] == "meeting frequency")
    assert frequency["evidence"]["meetings"] == 4
    assert frequency["status"] == "breached"
    quorum = [f for f in found if f["family"] == "quorum"]
    assert len(quorum) == 4  # one per formal meeting


def test_meetings_need_a_constitution() -> None:
    assert_bad_input(run("meetings", str(MEETINGS), "-p", "MY 2019-20"), "--constitution")
