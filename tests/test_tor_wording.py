"""What governance findings say: the article before a class of member, seats named ex
officio only where the terms make them so, a reader's name on every meeting and
not-stated finding, a reserve for two members written as one entry, and a reporting
line that names its document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import DefinitionError, PluginFileError
from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.files.panel.membership import read_membership
from corpparent.findings import Status
from corpparent.governance import (
    Constitution,
    Meeting,
    Member,
    MemberClass,
    Membership,
    Office,
    OfficeHolders,
    PanelRecord,
    RoleSeat,
    Roster,
    Substitution,
)
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import ReportingLine
from corpparent.obligations import Submission
from corpparent.periods import FinancialYear
from terms_cases import Panel, councillors

DAY = date(2023, 6, 1)
YEAR = FinancialYear(2023)


def test_a_class_of_member_takes_its_article() -> None:
    rule = OfficeHolders(Office.CHAIR, [MemberClass.CORE_COUNCILLOR])
    roster = Roster(DAY, (Member("Sally Smith", MemberClass.ASSOCIATE, office="chair"),))
    finding = rule.evaluate(roster)
    assert finding.status is Status.BREACHED
    assert "the chair, Sally Smith, is an associate member;" in finding.explanation
    assert "is a associate" not in finding.explanation
    roster = Roster(DAY, (Member("Cllr C", MemberClass.CORE_COUNCILLOR, office="chair"),))
    assert "the chair, Cllr C, is a councillor;" in rule.evaluate(roster).explanation


def test_a_seat_for_a_role_is_ex_officio_only_where_the_terms_say_so() -> None:
    """A foster carer's seat is a seat for a role; Durham's "including the Executive Member
    for CYP" (national rules reference §2) is a seat held ex officio."""
    carer = RoleSeat(["Foster carer"])
    assert carer.name == "seat for Foster carer"
    held = Roster(DAY, (Member("Fran", MemberClass.CO_OPTED, role="Foster carer"),))
    assert carer.evaluate(held).rule == "seat for Foster carer"
    assert RoleSeat(["Executive Member for CYP"], ex_officio=True).name == (
        "ex officio seat: Executive Member for CYP")
    profile = profile_from_toml(Panel({"role_seats": [{"roles": ["Foster carer"]}]},
                                      councillors("A")).plugin())
    assert profile.constitution is not None
    assert profile.constitution.role_seats == (carer,)


def _json_findings(panel: Panel, tmp_path: Path,
                   meetings: list[dict[str, object]]) -> list[dict[str, object]]:
    (tmp_path / "plugin.toml").write_text(panel.plugin(), encoding="utf-8")
    (tmp_path / "members.json").write_text(json.dumps({"members": list(panel.members)}),
                                           encoding="utf-8")
    (tmp_path / "meetings.json").write_text(json.dumps(meetings), encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "meetings", str(tmp_path / "meetings.json"), "-a", str(tmp_path / "plugin.toml"),
        "-m", str(tmp_path / "members.json"), "-p", "2023-24", "-f", "json"])
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def test_quorum_and_not_stated_findings_carry_a_subject_name_in_json(tmp_path: Path) -> None:
    panel = Panel({"quorum": {"parts": [{"minimum": 1}]}, "not_stated": ["attendance"]},
                  councillors("A"))
    found = _json_findings(panel, tmp_path, [
        {"date": "2023-06-01", "present": ["Cllr 0"]},
        {"date": "2023-07-01", "present": ["Cllr 0"], "title": "Extraordinary meeting"}])
    named = {(f["rule"], f["subject_name"]) for f in found
             if f["rule"] in ("quorum", "attendance: not stated")}
    assert named == {("quorum", "meeting on 2023-06-01"),
                     ("quorum", "meeting on 2023-07-01: Extraordinary meeting"),
                     ("attendance: not stated", "Corporate Parenting Panel")}


def test_a_reserve_for_two_members_is_one_entry(tmp_path: Path) -> None:
    path = tmp_path / "members.json"
    path.write_text(json.dumps({"members": [
        {"name": "Cllr A", "class": "core councillor"},
        {"name": "Cllr B", "class": "core councillor"},
        {"name": "Reserve R", "class": "substitute", "reserve_for": ["Cllr A", "Cllr B"]},
    ]}), encoding="utf-8")
    membership = read_membership(path)
    reserve = membership.members[2]
    assert reserve.reserve_for == ("Cllr A", "Cllr B")
    terms = SubstitutionTerms(named_member_only=True)
    for absent in ("Cllr A", "Cllr B"):
        here = "Cllr B" if absent == "Cllr A" else "Cllr A"
        meeting = Meeting(DAY, present=[here], substitutions=[Substitution("Reserve R",
                                                                           absent)])
        (finding,) = Constitution("P", substitution_terms=terms, six_month_warning=None
                                  ).review(PanelRecord("P", membership, [meeting], DAY, DAY,
                                                       DAY))
        assert finding.status is Status.MET, finding.explanation
    # Written back, the entry keeps both.
    panel = Panel({}, [{"name": "Reserve R", "class": "substitute",
                        "reserve_for": ["Cllr A", "Cllr B"]}])
    written = profile_to_toml(profile_from_toml(panel.plugin()))
    again = profile_from_toml(written)
    assert again.membership is not None
    assert again.membership.members[0].reserve_for == ("Cllr A", "Cllr B")


def test_one_reserve_listed_for_each_of_two_members_is_told_how_to_write_it() -> None:
    with pytest.raises(DefinitionError) as raised:
        Membership((Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr A"),
                    Member("Reserve R", MemberClass.SUBSTITUTE, reserve_for="Cllr B")))
    assert "overlapping tenure" not in str(raised.value)
    assert ("listed twice, as reserve for different members; a reserve for several "
            'members is one entry naming them all: reserve_for = ["Cllr A", "Cllr B"]'
            ) in str(raised.value)
    panel = Panel({}, [{"name": "Reserve R", "class": "substitute", "reserve_for": "Cllr A"},
                       {"name": "Reserve R", "class": "substitute", "reserve_for": "Cllr B"}])
    with pytest.raises(PluginFileError, match="a reserve for several members is one entry"):
        profile_from_toml(panel.plugin())
    # Two spells of one councillor that overlap are still told about their dates.
    with pytest.raises(DefinitionError, match="appears twice with overlapping tenure"):
        Membership((Member("Cllr A", MemberClass.CORE_COUNCILLOR),
                    Member("Cllr A", MemberClass.CORE_COUNCILLOR)))


def test_a_reporting_line_that_names_a_document_is_not_said_to_have_none() -> None:
    line = ReportingLine("Cabinet", "reports to", document="annual report")
    (finding,) = Constitution("P", reporting_lines=[line]).reporting_findings(
        [Submission(document="annual report", recipient="Cabinet", date=date(2023, 7, 1))],
        YEAR, YEAR.end)
    assert finding.status is Status.MET
    assert "no document" not in finding.explanation
    assert ("\u201creports to Cabinet\u201d, for the annual report, with no deadline or "
            "cadence") in finding.explanation
    bare = ReportingLine("Cabinet", "accountable to")
    (finding,) = Constitution("P", reporting_lines=[bare]).reporting_findings(None, YEAR,
                                                                             YEAR.end)
    assert "with no document, deadline or cadence" in finding.explanation
