"""Clause forms councils write, each declared in a plug-in file with a panel that meets
it and one that breaks it, judged from the file and through ``corpparent meetings``,
and described by ``corpparent authorities show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.periods import FinancialYear
from terms_cases import Case, Panel, councillors, meeting

YEAR = FinancialYear(2023)
_ONE_MEETING = [meeting("2023-06-01", "Cllr 0")]

# A council of 55, 30 Labour (a majority), 20 Conservative and 5 Green, from before the
# year; nine councillor seats on the panel, shared 5, 3 and 1 in proportion.
_COUNCIL = {"seats": 9, "council": [
    {"since": "2023-01-01", "groups": {"Labour": 30, "Conservative": 20, "Green": 5}}]}

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
