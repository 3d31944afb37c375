"""What a paper for councillors says: what its reader needs, never an instruction for
whoever keeps the authority's plug-in, and each sentence once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.exception_sorting import sort_findings
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance import (
    Constitution,
    Meeting,
    Meetings,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    PanelRecord,
    Quorum,
    Seats,
)
from corpparent.indicator_rules import LENGTH_UNSAID

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
BASE = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]


def test_the_public_paper_says_what_was_assumed_not_how_to_mend_the_plug_in(
        tmp_path: Path) -> None:
    """Wiltshire's range for children starting to be looked after is set for 2022-23
    without saying the length of period it is for (002 §23 does not say): the paper
    says what was assumed; how a plug-in says it is left to the finding's evidence,
    which a public paper leaves out."""
    paper = tmp_path / "scorecard.html"
    result = CliRunner().invoke(cli, [*BASE, "-f", "html", "-o", str(paper)])
    assert result.exit_code == 0, result.output
    text = paper.read_text(encoding="utf-8")
    assert "taken to be for a quarter&#x27;s rate" in text or \
        "taken to be for a quarter's rate" in text
    assert "Say which" not in text
    assert "per = " not in text
    assert "per = &quot;" not in text


def _starts(profile: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, [*BASE, "-f", "json", "--profile", profile])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [indicator] = [item for item in report["indicators"] if item["id"] == "cla_starts_rate"]
    return {"summary": report["summary"], **indicator}


def test_every_profile_judges_alike_and_only_the_officers_are_told_the_fix() -> None:
    """The internal report judges the range as for a quarter's rate, says so, and keeps
    how the plug-in would say it; the public one gives the same verdict, the same
    explanation and the same counts, without the fix."""
    internal, public = _starts("internal"), _starts("public")
    [range_finding] = [f for f in internal["findings"] if LENGTH_UNSAID in f["evidence"]]
    assert range_finding["evidence"][LENGTH_UNSAID] == (
        'per = "quarter", or "year" for a year\'s total')
    assert "taken to be for a quarter's rate" in range_finding["explanation"]
    assert not any(LENGTH_UNSAID in f["evidence"] for f in public["findings"])
    assert public["status"] == internal["status"] == "warning"
    assert public["summary"] == internal["summary"]
    assert [(f["rule"], f["status"], f["explanation"]) for f in public["findings"]] == [
        (f["rule"], f["status"], f["explanation"]) for f in internal["findings"]]


def _finding(rule: str, family: RuleFamily, explanation: str) -> Finding:
    return Finding(subject="in_house_fostering", rule=rule, family=family,
                   status=Status.INSUFFICIENT_DATA, explanation=explanation)


def _insufficient(*findings: Finding) -> str:
    _, _, insufficient = sort_findings(
        [(findings, True)], concern=lambda _f: False,
        explained=lambda f, text: Finding(subject=f.subject, rule=f.rule, family=f.family,
                                          status=f.status, explanation=text))
    [entry] = insufficient
    return entry.explanation


def test_two_rules_saying_the_same_are_said_once_naming_both() -> None:
    same = "In-house fostering: insufficient data for 2024-25: no reading for 2024-25."
    text = _insufficient(_finding("expected range", RuleFamily.EXPECTED_RANGE, same),
                         _finding("ambition", RuleFamily.AMBITION, same))
    assert text == ("In-house fostering: insufficient data for 2024-25: no reading for "
                    "2024-25: for the expected range and the ambition alike.")


def test_findings_that_differ_are_each_said() -> None:
    text = _insufficient(_finding("expected range", RuleFamily.EXPECTED_RANGE, "One."),
                         _finding("target", RuleFamily.TARGET, "Two."),
                         _finding("ambition", RuleFamily.AMBITION, "One."))
    assert text == "One: for the expected range and the ambition alike. Two."


def test_unknown_attendees_are_told_without_an_instruction_for_the_record_keeper() -> None:
    panel = Constitution("P", seats=[Seats(MemberClass.CORE_COUNCILLOR, 3)],
                         quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                         six_month_warning=None)
    members = Membership((Member("Cllr A", MemberClass.CORE_COUNCILLOR),))
    meeting = Meeting(date(2023, 1, 12), present=["Cllr A", "Cllr Smyth"])
    record = PanelRecord("P", members, Meetings([meeting]), date(2023, 1, 1),
                         date(2023, 1, 31), date(2023, 1, 31))
    [unknown] = [f for f in panel.review(record) if f.rule == "attendees not on the membership"]
    assert unknown.explanation == ("1 attendee not on the membership that day (Cllr Smyth): "
                                   "not counted toward quorum or attendance.")
    assert unknown.evidence["to put it right"] == (
        "correct the record or the membership, or list invited guests as invited")


def test_validate_tells_the_plug_in_keeper_how_to_say_the_length() -> None:
    """Where the fix goes instead: checking the plug-in names the range and how to say
    its length; a range whose indicator does not grow with its period is not named."""
    shipped = ROOT / "src" / "corpparent" / "authorities" / "wiltshire.toml"
    result = CliRunner().invoke(cli, ["validate", str(shipped)])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "length of period" in line]
    assert said == [
        f"warning: {shipped}: the expected range of 'cla_starts_rate' set for 2022-23 does "
        "not say the length of period it is for, so a public paper says it is not judged; "
        'say it with per = "quarter" (or "month"), or "year" for a year\'s total']
