"""Terms of reference that do not state co-optees: a plug-in file says so with
``not_stated = ["co-optees"]``, ``corpparent authorities show`` prints it, and the review
gives insufficient data for the clause, never a breach about the co-optees on record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import CorpparentError
from corpparent.files import profile_from_toml
from corpparent.governance import Constitution
from corpparent.governance.seats import Seats
from corpparent.governance.terms import Clause
from terms_cases import Panel, councillors, meeting

# Three councillor seats are stated; the terms say nothing of co-optees, yet the
# membership on record has a foster carer co-opted.
_MEMBERS = [*councillors("Labour", "Labour", "Conservative"),
            {"name": "Foster Carer F", "class": "co-opted member"}]
_MEETINGS = [meeting("2023-06-01", "Cllr 0", "Cllr 1", "Foster Carer F"),
             meeting("2023-09-01", "Cllr 0", "Cllr 2", "Foster Carer F")]
_SEATS = {"member_class": "core councillor", "count": 3}
SILENT = Panel({"not_stated": ["co-optees"], "seats": [_SEATS]}, _MEMBERS, _MEETINGS)
UNSAID = Panel({"seats": [_SEATS]}, _MEMBERS, _MEETINGS)
EXPLANATION = ("The terms of reference do not state the panel's co-optees, so no seat for "
               "a co-opted member is judged.")


def _write(panel: Panel, tmp_path: Path) -> Path:
    plugin = tmp_path / "case.toml"
    plugin.write_text(panel.plugin(), encoding="utf-8")
    return plugin


def _show(panel: Panel, tmp_path: Path, *more: str) -> str:
    result = CliRunner().invoke(cli, ["authorities", "show", str(_write(panel, tmp_path)),
                                      *more])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def _findings(panel: Panel, tmp_path: Path) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["meetings", "-a", str(_write(panel, tmp_path)),
                                      "-p", "2023-24", "-f", "json"])
    assert result.exit_code == 0, result.output
    found: list[dict[str, str]] = json.loads(result.stdout)["findings"]
    return found


def test_authorities_show_prints_that_co_optees_are_not_stated(tmp_path: Path) -> None:
    text = _show(SILENT, tmp_path)
    assert f"Not stated: {EXPLANATION}" in text
    undeclared = text.split("Not declared, so not judged: ")[1]
    assert "co-optees" not in undeclared.split(" Membership:")[0]


def test_terms_silent_on_co_optees_are_not_said_to_leave_them_undeclared(
        tmp_path: Path) -> None:
    """Without ``not_stated``, nothing is printed of co-optees: seats for co-opted
    members are how they are declared, and the three built-in plug-ins stay as they are."""
    text = _show(UNSAID, tmp_path)
    assert "co-optees" not in text


def test_the_json_form_carries_the_plug_ins_own_not_stated(tmp_path: Path) -> None:
    shown = json.loads(_show(SILENT, tmp_path, "--json"))
    assert '"not_stated": ["co-optees"]' in json.dumps(shown)


def test_the_clause_is_insufficient_data_and_no_co_optee_is_breached(
        tmp_path: Path) -> None:
    found = _findings(SILENT, tmp_path)
    clause = [f for f in found if f["rule"] == "co-optees: not stated"]
    assert [f["status"] for f in clause] == ["insufficient data"]
    assert clause[0]["explanation"] == EXPLANATION
    breaches = [f for f in found if f["status"] == "breached"]
    assert not [f for f in breaches if "Foster Carer F" in json.dumps(f)], breaches
    # The same record under terms that do not say so gives no finding of the clause.
    assert not [f for f in _findings(UNSAID, tmp_path) if f["rule"].startswith("co-optees")]


def test_seats_for_co_optees_cannot_also_be_not_stated() -> None:
    both = Panel({"not_stated": ["co-optees"],
                  "seats": [_SEATS, {"member_class": "co-opted member", "count": 2}]},
                 _MEMBERS, _MEETINGS)
    with pytest.raises(CorpparentError, match="co-optees declared and also said to be not "
                                              "stated"):
        profile_from_toml(both.plugin(), "case.toml")


def test_in_python_the_clause_is_declared_by_seats_for_co_opted_members() -> None:
    unstated = Constitution("Panel", not_stated=["co-optees"])
    assert unstated.not_stated == (Clause.CO_OPTEES,)
    assert [f.rule for f in unstated.not_stated_findings()] == ["co-optees: not stated"]
    with pytest.raises(CorpparentError):
        Constitution("Panel", [Seats("co-opted member", 2)], not_stated=["co-optees"])
    # Seats for another class leave co-optees free to be not stated.
    assert Constitution("Panel", [Seats("core councillor", 3)],
                        not_stated=["co-optees"]).not_stated == (Clause.CO_OPTEES,)
