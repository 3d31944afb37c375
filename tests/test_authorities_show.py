"""`corpparent authorities show` says all of it: every clause of Wiltshire's,
Staffordshire's and the national baseline's terms, checked clause by clause against their
plug-in files, and the plug-in's own data as JSON, read back by the plug-in reader."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files.plugin.format import plugin_schema
from corpparent.files.plugin.reader import profile_from_json
from corpparent.governance.declared import rule_type
from corpparent.governance.membership import MemberClass
from corpparent.governance.terms import Clause
from corpparent.plugins import load_profile

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "src" / "corpparent" / "authorities"
AUTHORITIES = ("wiltshire", "staffordshire", "national")
CADENCE = {1: "every month", 2: "every two months", 3: "every three months"}
MONTHS = {"financial": "April to March", "municipal": "May to April",
          "calendar": "January to December"}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent",
                              env={"COLUMNS": "100"})


def shown(authority: str) -> str:
    """The text ``show`` prints, its lines joined as rich wrapped them."""
    result = run("authorities", "show", authority)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def plugin_file(authority: str) -> dict[str, Any]:
    with (PLUGINS / f"{authority}.toml").open("rb") as handle:
        return tomllib.load(handle)


def plural(member_class: str) -> str:
    return MemberClass(member_class).plural


def _seats(value: list[dict[str, Any]], file: dict[str, Any]) -> list[str]:
    found = []
    for seat in value:
        counted = MemberClass(seat["member_class"]).counted(seat["count"])
        found.append(f"Seats: {counted}, every seat to be filled" if seat.get("exact")
                     else f"Seats: up to {counted}")
        found.extend(seat.get("roles", []))
    return found


def _quorum(value: dict[str, Any], file: dict[str, Any]) -> list[str]:
    found = [f"Quorum: {value.get('combine', 'all')} of:"] if len(value["parts"]) > 1 else []
    for part in value["parts"]:
        who = (f"voting {plural(part['member_class'])}" if part.get("voting_only", True)
               else f"{plural(part['member_class'])}, voting or not")
        found.append(f"{part['fraction']} of {who}, of {part['seats']} seats: at least "
                     f"{part['stated']} present (the terms state {part['stated']})")
    found.append(f"otherwise {value['consequence']}")
    return found


def _frequency(value: dict[str, Any], file: dict[str, Any]) -> list[str]:
    year = value.get("year", "financial")
    implied = 12 // value["every_months"]
    meetings = (f"at least {value['minimum_per_year']} meetings a {year} year"
                if "minimum_per_year" in value
                else f"at least {implied} meetings a {year} year (implied)")
    return [f"Meeting frequency: meets {CADENCE[value['every_months']]}, {meetings}",
            f"a gap between meetings may run {value['tolerance_days']} days over the cadence",
            f"the {year} year runs {MONTHS[year]}"]


def _priorities(value: list[str], file: dict[str, Any]) -> list[str]:
    titles = {p["id"]: p["title"] for p in file["priorities"]}
    return [f"each of {len(value)} strategic priorities to have a serving lead member",
            *(titles[p] for p in value)]


#: For each key of a plug-in file's ``[constitution]``, the words ``show`` must print
#: for the value the file gives it.
CLAUSES: dict[str, Callable[[Any, dict[str, Any]], list[str]]] = {
    "panel": lambda value, file: [f"Terms of reference: {value}"],
    "source": lambda value, file: [f"Source: {value}"],
    "seats": _seats,
    "max_members": lambda value, file: [f"Size: no more than {value} members"],
    "offices": lambda value, file: [f"Offices: {' and '.join(value)} to be held by serving "
                                    "members"],
    "chair_role": lambda value, file: [f"Chair: the {value}"],
    "priorities": _priorities,
    "priority_leads_from": lambda value, file: [
        f"Priority leads: each of the {plural(value)} leads a priority"],
    "substitutes_for": lambda value, file: [
        f"Substitutes: each political group with {plural(value)} to have a substitute "
        "appointed"],
    "requirements": lambda value, file: [f"every member to hold: {r['name']}" for r in value],
    "quorum": _quorum,
    "frequency": _frequency,
    "six_month_warning": lambda value, file: [
        "Six-month rule: six months without attendance (LGA 1972 s.85): a warning for any "
        "of the councillors who attend no meeting for six months"],
    "not_stated": lambda value, file: [
        f"Not stated: The terms of reference do not state the panel's {clause}, so"
        for clause in value],
}


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_every_clause_of_the_file_is_shown_in_words(authority: str) -> None:
    file = plugin_file(authority)
    terms = file["constitution"]
    unknown = set(terms) - set(CLAUSES)
    assert not unknown, f"no words checked for {sorted(unknown)}"
    text = shown(authority)
    for key, value in terms.items():
        for words in CLAUSES[key](value, file):
            assert words in text, f"{authority} {key}: {words!r} not shown"
    # None of the three counts informal meetings towards its frequency.
    assert "frequency_counts" not in terms
    assert "Meetings counted: formal meetings only; informal meetings do not count" in text


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_the_clauses_neither_declared_nor_not_stated_are_named(authority: str) -> None:
    terms = plugin_file(authority)["constitution"]
    declared = {found.clause for key in terms if (found := rule_type(key)) is not None}
    # Co-optees are declared by seats for co-opted members, so never named as undeclared.
    silent = [str(c) for c in Clause if c not in declared and not c.through_seats
              and c.value not in terms.get("not_stated", [])]
    text = shown(authority)
    listed = f"{', '.join(silent[:-1])} and {silent[-1]}" if len(silent) > 1 else silent[0]
    assert f"Not declared, so not judged: {listed} " in text


def test_what_the_three_leave_unstated_or_undeclared() -> None:
    """Staffordshire's terms state no quorum and no attendance (004); Wiltshire's state
    both a quorum and a frequency (001 §4-5) but no political balance; the national
    baseline declares only the s.85 warning."""
    staffordshire = shown("staffordshire")
    assert "do not state the panel's quorum, so no meeting's quorum is judged." in staffordshire
    assert ("do not state the panel's attendance, so no attendance threshold is judged."
            in staffordshire)
    assert "Not declared, so not judged: political balance, substitutes and reporting" \
        in staffordshire
    wiltshire = shown("wiltshire")
    assert "Not stated:" not in wiltshire
    assert "Not declared, so not judged: attendance, offices, political balance and " \
        "reporting" in wiltshire
    national = shown("national")
    assert ("Not declared, so not judged: seats, quorum, meeting frequency, attendance, "
            "offices, political balance, substitutes and reporting") in national


@pytest.mark.parametrize("authority", ["wiltshire", "staffordshire"])
def test_the_membership_and_its_office_holders_are_shown(authority: str) -> None:
    members = plugin_file(authority)["membership"]["members"]
    offices = "".join(f"; {office}: {m['name']}" for office in ("chair", "vice-chair")
                      for m in members if m.get("office") == office)
    assert f"Membership: {len(members)} members on record{offices}" in shown(authority)


def _plain(value: Any) -> Any:
    """A TOML value as JSON holds it: dates as text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def as_json(authority: str) -> dict[str, Any]:
    result = run("authorities", "show", authority, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_the_json_form_reads_back_as_the_plug_in(authority: str) -> None:
    text = run("authorities", "show", authority, "--json").stdout
    assert profile_from_json(text, f"{authority}.json") == load_profile(authority, environ={})


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_the_json_form_is_the_plug_in_files_own_data(authority: str) -> None:
    """Every table the file holds, as the file holds it; obligations are written in the
    one form they are read to (a six-monthly trigger as every six months), and a key at
    its default is left out, so each of those reads back the same (tested above)."""
    data, file = as_json(authority), _plain(plugin_file(authority))
    assert set(data) == set(file)
    for key in set(file) - {"obligations", "constitution"}:
        assert data[key] == file[key], key
    frequency = file["constitution"].get("frequency")
    if frequency is not None and frequency.get("year") == "financial":  # the default
        frequency.pop("year")
    assert data["constitution"] == file["constitution"]
    assert [o["id"] for o in data["obligations"]] == [o["id"] for o in file["obligations"]]


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_the_json_form_meets_the_plug_in_schema(authority: str) -> None:
    jsonschema.validate(as_json(authority), plugin_schema())


def test_toml_and_json_together_are_refused() -> None:
    result = run("authorities", "show", "wiltshire", "--toml", "--json")
    assert result.exit_code == 2
    assert "--toml or --json" in result.stderr


LATER_YEAR = """
format_version = 1

[authority]
id = "testshire"
name = "Testshire Council"
rules_year = "2022-23"

[[indicators]]
id = "children_in_care"
name = "Children in care"
kind = "snapshot"
polarity = "neutral"

[constitution]
panel = "Testshire Corporate Parenting Panel"
max_members = 12
frequency_counts = ["formal", "informal"]

[[years]]
year = "2023-24"

[years.constitution]
panel = "Testshire Corporate Parenting Panel"
max_members = 15
six_month_warning = false
not_stated = ["quorum"]
"""


def test_a_later_year_that_changes_the_terms_shows_them_under_its_year(
        tmp_path: Path) -> None:
    path = tmp_path / "testshire.toml"
    path.write_text(LATER_YEAR, encoding="utf-8")
    text = shown(str(path))
    first, later = text.split("Rules: rule set 2023-24")
    assert "Size: no more than 12 members" in first
    assert "Meetings counted: formal and informal meetings alike" in first
    assert "Six-month rule:" in first
    assert "Size: no more than 15 members" in later
    assert "six_month_warning: switched off (not applied)" in later
    assert "Six-month rule:" not in later
    assert "do not state the panel's quorum" in later
