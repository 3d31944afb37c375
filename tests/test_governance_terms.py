"""Terms of reference as written: each clause form, with a panel that meets it and one
that does not, through a data-file plug-in and through the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import DefinitionError, PluginFileError
from corpparent.files import profile_from_toml
from corpparent.findings import Finding, Status
from corpparent.governance import (
    Constitution,
    Meeting,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    PanelRecord,
    Quorum,
    Substitution,
)
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import Clause, ReportingLine
from corpparent.obligations import Submission
from corpparent.periods import FinancialYear
from terms_cases import CASES, Case, Panel, councillors

YEAR = FinancialYear(2023)


def _review(panel: Panel) -> list[Finding]:
    profile = profile_from_toml(panel.plugin(), "case.toml")
    assert profile.constitution is not None
    assert profile.membership is not None
    return list(profile.constitution.review_period(profile.meetings, profile.membership,
                                                   YEAR, YEAR.end))


def _statuses(findings: list[Finding] | list[dict[str, str]], rule: str) -> list[str]:
    return [str(f["status"] if isinstance(f, dict) else f.status) for f in findings
            if (f["rule"] if isinstance(f, dict) else f.rule) == rule]


def _expected(case: Case, meets: bool) -> list[str]:
    if meets:
        return [] if case.meets_status is None else [case.meets_status]
    return [case.fails_status]


@pytest.mark.parametrize("case", CASES, ids=[c.form for c in CASES])
@pytest.mark.parametrize("meets", [True, False], ids=["meets", "does not meet"])
def test_each_clause_form_through_a_data_file_plug_in(case: Case, meets: bool) -> None:
    findings = _review(case.meets if meets else case.fails)
    assert _statuses(findings, case.rule) == _expected(case, meets)


def _cli(panel: Panel, tmp_path: Path, *more: str,
         meetings: list[object] | None = None) -> list[dict[str, str]]:
    """The panel's findings from ``corpparent meetings``, its constitution read from its
    plug-in file through a Python reference, over ``meetings`` (by default one meeting
    attended by Cllr 0)."""
    (tmp_path / "plugin.toml").write_text(panel.plugin(), encoding="utf-8")
    (tmp_path / "panel.py").write_text(
        "from pathlib import Path\nfrom corpparent.files import profile_from_toml\n"
        "PANEL = profile_from_toml(Path(__file__).with_name('plugin.toml').read_text())"
        ".constitution\n", encoding="utf-8")
    (tmp_path / "members.json").write_text(json.dumps({"members": list(panel.members)}),
                                           encoding="utf-8")
    held = [{"date": "2023-06-01", "present": ["Cllr 0"]}] if meetings is None else meetings
    (tmp_path / "meetings.json").write_text(json.dumps(held), encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "meetings", str(tmp_path / "meetings.json"), "-C", f"{tmp_path / 'panel.py'}:PANEL",
        "-m", str(tmp_path / "members.json"), "-p", "2023-24", "-f", "json", *more])
    assert result.exit_code == 0, result.output
    findings: list[dict[str, str]] = json.loads(result.stdout)["findings"]
    return findings


@pytest.mark.parametrize("case", CASES, ids=[c.form for c in CASES])
@pytest.mark.parametrize("meets", [True, False], ids=["meets", "does not meet"])
def test_each_clause_form_through_the_command_line(case: Case, meets: bool,
                                                   tmp_path: Path) -> None:
    panel = case.meets if meets else case.fails
    findings = _cli(panel, tmp_path, meetings=list(panel.meetings))
    assert CliRunner().invoke(cli, ["validate", str(tmp_path / "plugin.toml")]).exit_code == 0
    assert _statuses(findings, case.rule) == _expected(case, meets)


# --- a clause the terms of reference do not state --------------------------------------


def test_a_clause_not_stated_yields_a_finding_that_says_so() -> None:
    # Durham, Kent, Harrow and York: quorum "not in excerpt" (national rules §2).
    panel = Panel({"not_stated": ["quorum", "meeting frequency"]}, councillors("A"))
    findings = _review(panel)
    assert _statuses(findings, "quorum: not stated") == ["insufficient data"]
    assert _statuses(findings, "meeting frequency: not stated") == ["insufficient data"]
    (text,) = [f.explanation for f in findings if f.rule == "quorum: not stated"]
    assert "do not state the panel's quorum, so no meeting's quorum is judged" in text
    # Even without the membership, the finding is there.
    profile = profile_from_toml(panel.plugin())
    assert profile.constitution is not None
    bare = profile.constitution.review_period(profile.meetings, None, YEAR, YEAR.end)
    assert _statuses(list(bare), "quorum: not stated") == ["insufficient data"]


def test_a_clause_both_declared_and_not_stated_is_refused() -> None:
    with pytest.raises(DefinitionError, match="quorum declared and also said to be not "
                       "stated"):
        Constitution("P", quorum=Quorum(MinimumPresent(3)), not_stated=[Clause.QUORUM])
    panel = Panel({"not_stated": ["quorum"], "quorum": {"parts": [{"minimum": 3}]}},
                  councillors("A"))
    with pytest.raises(PluginFileError, match="not stated"):
        profile_from_toml(panel.plugin())
    assert "quorum not stated in the terms of reference" in Constitution(
        "P", not_stated=["quorum"]).describe()


# --- reporting lines with a recipient and nothing else ---------------------------------


def _sent(recipient: str, day: date) -> Submission:
    return Submission(document="minutes", recipient=recipient, date=day)


def test_a_reporting_line_lists_what_went_and_is_never_late() -> None:
    # Kent: "Accountable to County Council" (national rules §2), no document or deadline.
    panel = Panel({"reporting_lines": [{"recipient": "County Council",
                                        "relation": "accountable to"}]}, councillors("A"))
    profile = profile_from_toml(panel.plugin())
    constitution = profile.constitution
    assert constitution is not None
    (line,) = constitution.reporting_lines
    assert line == ReportingLine("County Council", "accountable to")
    (met,) = constitution.reporting_findings([_sent("County Council", date(2023, 7, 20))],
                                             YEAR, YEAR.end)
    assert met.status is Status.MET
    assert "1 item went to County Council: minutes on 20 July 2023" in met.explanation
    (quiet,) = constitution.reporting_findings([_sent("Cabinet", date(2023, 7, 20))],
                                               YEAR, YEAR.end)
    assert quiet.status is Status.WARNING
    assert "noted, not a breach" in quiet.explanation
    (unknown,) = constitution.reporting_findings(None, YEAR, YEAR.end)
    assert unknown.status is Status.INSUFFICIENT_DATA
    assert "accountable to County Council" in constitution.describe()




def test_a_clause_not_stated_through_the_command_line(tmp_path: Path) -> None:
    stated = _cli(Panel({"quorum": {"parts": [{"minimum": 1}]}}, councillors("A")),
                  tmp_path)
    assert _statuses(stated, "quorum: not stated") == []
    assert _statuses(stated, "quorum") == ["met"]
    unstated = _cli(Panel({"not_stated": ["quorum"]}, councillors("A")), tmp_path)
    assert _statuses(unstated, "quorum: not stated") == ["insufficient data"]
    assert _statuses(unstated, "quorum") == []


def test_a_reporting_line_through_the_command_line(tmp_path: Path) -> None:
    panel = Panel({"reporting_lines": [{"recipient": "County Council",
                                        "relation": "accountable to"}]}, councillors("A"))
    rule = "reporting line: accountable to County Council"
    log = tmp_path / "log.csv"
    log.write_text("document,recipient,date\nminutes,County Council,2023-07-20\n",
                   encoding="utf-8")
    assert _statuses(_cli(panel, tmp_path, "--log", str(log)), rule) == ["met"]
    log.write_text("document,recipient,date\nminutes,Cabinet,2023-07-20\n",
                   encoding="utf-8")
    assert _statuses(_cli(panel, tmp_path, "--log", str(log)), rule) == ["warning"]
    assert _statuses(_cli(panel, tmp_path), rule) == ["insufficient data"]


def test_obligations_check_judges_the_reporting_lines_too(tmp_path: Path) -> None:
    """The terms' reporting lines are judged beside the obligations, and a log entry a
    line carries is not warned about as counting towards no obligation."""
    panel = Panel({"reporting_lines": [{"recipient": "County Council",
                                        "relation": "accountable to"}]}, councillors("A"))
    plugin = tmp_path / "plugin.toml"
    plugin.write_text(panel.plugin(), encoding="utf-8")
    log = tmp_path / "log.csv"
    log.write_text("document,recipient,date\nminutes,County Council,2023-07-20\n"
                   "minutes,Cabinet,2023-08-01\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["obligations", "check", str(log), "-a", str(plugin),
                                      "-p", "2023-24", "--as-of", "2024-04-30", "-f", "json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert _statuses(findings, "reporting line: accountable to County Council") == ["met"]
    unmatched = [f["explanation"] for f in findings if f["rule"] == "submissions log"]
    assert len(unmatched) == 1
    assert "Cabinet" in unmatched[0]


def test_a_reserve_counts_toward_quorum_only_when_the_terms_are_met() -> None:
    members = Membership((
        Member("Cllr A", MemberClass.CORE_COUNCILLOR),
        Member("Cllr B", MemberClass.CORE_COUNCILLOR),
        Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B"),
        Member("Reserve S", MemberClass.SUBSTITUTE)))
    panel = Constitution("P", quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                         substitution_terms=SubstitutionTerms(named_member_only=True),
                         six_month_warning=None)

    def quorum(*substitutions: Substitution) -> tuple[str, list[str]]:
        meeting = Meeting(date(2023, 6, 1), present=["Cllr A"], substitutions=substitutions)
        found = panel.review(PanelRecord("P", members, [meeting], date(2023, 6, 1),
                                         date(2023, 6, 30), date(2023, 6, 30)))
        (verdict,) = [str(f.status) for f in found if f.rule == "quorum"]
        return verdict, [f.explanation for f in found if f.rule == "substitution conditions"]

    assert quorum(Substitution("Reserve R", "Cllr B"))[0] == "met"
    verdict, why = quorum(Substitution("Reserve S", "Cllr B"))
    assert verdict == "breached"
    assert "the membership does not say whom Reserve S is reserve for" in why[0]
    verdict, why = quorum(Substitution("Someone Else", "Cllr B"))
    assert verdict == "breached"
    assert "Someone Else is not a reserve on the membership" in why[0]


def test_a_meeting_quorate_only_once_a_late_reserve_arrived_took_its_first_items_without(
) -> None:
    """Harrow-style terms: a reserve arriving late counts from the next item only (national
    rules reference §2), so the meeting's first items had no quorum."""
    members = Membership((
        Member("Cllr A", MemberClass.CORE_COUNCILLOR),
        Member("Cllr B", MemberClass.CORE_COUNCILLOR),
        Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B")))
    panel = Constitution("P", quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                         substitution_terms=SubstitutionTerms(late_from_next_item=True),
                         six_month_warning=None)

    def quorum(from_item: int | None) -> tuple[str, str]:
        meeting = Meeting(date(2023, 6, 1), present=["Cllr A"], substitutions=[
            Substitution("Reserve R", "Cllr B", from_item=from_item)])
        found = panel.review(PanelRecord("P", members, [meeting], date(2023, 6, 1),
                                         date(2023, 6, 30), date(2023, 6, 30)))
        (finding,) = [f for f in found if f.rule == "quorum"]
        return str(finding.status), finding.explanation

    assert quorum(None)[0] == "met"
    assert quorum(1)[0] == "met"
    verdict, why = quorum(4)
    assert verdict == "breached"
    assert "Reserve R counted only from item 4" in why
    assert "the items before it were taken without a quorum" in why
    lenient = Constitution("P", quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                           six_month_warning=None)
    meeting = Meeting(date(2023, 6, 1), present=["Cllr A"], substitutions=[
        Substitution("Reserve R", "Cllr B", from_item=4)])
    found = lenient.review(PanelRecord("P", members, [meeting], date(2023, 6, 1),
                                       date(2023, 6, 30), date(2023, 6, 30)))
    assert [str(f.status) for f in found if f.rule == "quorum"] == ["met"]
