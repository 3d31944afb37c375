"""Whose disclosure record a paper goes to, and when it is added: one record per
authority (its plug-in's identifier, whatever ``--name`` shows), records kept under a
name by earlier builds still read, and a paper written only once the record holds it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.cli.record_owner import Owner, owner_of
from corpparent.files.panel.disclosure_record import (
    default_record_path,
    read_record,
    record_published,
)
from corpparent.plugins import load_authority
from corpparent.report.disclosure import check

# A year of missing episodes, placed in and out of county: the fourth quarter's 3 out of
# county is withheld in the quarter's paper, and would come back from the year's totals
# (in county 159, out of county 41, less the first three quarters' published parts).
QUARTERS = {"2024-25 Q1": (56, 44, 12), "2024-25 Q2": (59, 43, 16),
            "2024-25 Q3": (43, 33, 10), "2024-25 Q4": (42, 39, 3)}
PANEL = "Wiltshire Council Corporate Parenting Panel"


def _readings(folder: Path) -> Path:
    lines = ["indicator,period,value"]
    for period, (total, inside, outside) in QUARTERS.items():
        lines += [f"missing_episode,{period},{total}",
                  f"missing_episode_in_county,{period},{inside}",
                  f"missing_episode_out_of_county,{period},{outside}"]
    path = folder / "readings.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _paper(folder: Path, period: str, *options: str, name: str | None = None) -> Any:
    output = folder / f"{period.replace(' ', '-')}.json"
    result = CliRunner().invoke(cli, [
        "scorecard", str(_readings(folder)), "-a", "wiltshire", "-p", period, "-f", "json",
        "--profile", "public", "-o", str(output), *options,
        *(() if name is None else ("--name", name))])
    return result, output


def test_a_paper_under_another_name_goes_to_the_authoritys_one_record(tmp_path: Path) -> None:
    """The quarter's paper under the plug-in's name and the year's under the panel's
    name are about the same children: the year's paper is protected against the
    quarter's, and a reader of both works out no withheld figure."""
    quarter, first = _paper(tmp_path, "2024-25 Q4")
    year, second = _paper(tmp_path, "2024-25", name=PANEL)
    assert quarter.exit_code == 0, quarter.output
    assert year.exit_code == 0, year.output
    assert json.loads(second.read_text(encoding="utf-8"))["authority"] == PANEL
    assert sorted(p.name for p in default_record_path("x").parent.glob("*.json")) == [
        "wiltshire.json"]
    record = read_record(default_record_path("wiltshire"), "wiltshire")
    assert record.papers == (first.name, second.name)
    found = check([first, second])
    assert found.safe, "\n".join(found.lines())
    assert ("value", "missing_episode_out_of_county", "2024-25 Q4") in record.withheld


def test_the_owner_is_the_plug_ins_identifier_whatever_the_name() -> None:
    wiltshire = load_authority("wiltshire")
    assert owner_of(wiltshire, None) == Owner("wiltshire", ("Wiltshire Council",))
    assert owner_of(wiltshire, PANEL) == Owner("wiltshire", (PANEL, "Wiltshire Council"))
    assert owner_of(None, PANEL) == Owner(PANEL)  # --indicators: no plug-in, no identifier
    assert owner_of(None, None) is None
    owner = Owner("wiltshire", (PANEL,))
    assert Owner.from_data(owner.to_data()) == owner


@pytest.mark.parametrize("name", [None, PANEL])
def test_an_older_record_kept_under_a_name_is_read_and_copied(tmp_path: Path,
                                                             name: str | None) -> None:
    """Earlier builds kept the record under the name the paper showed: the quarter's
    paper recorded there still protects the year's, and its figures are copied into the
    record under the plug-in's identifier; the old file is left as it was."""
    quarter, first = _paper(tmp_path, "2024-25 Q4", "--disclosure-record",
                            str(tmp_path / "scratch.json"))
    assert quarter.exit_code == 0, quarter.output
    scratch = read_record(tmp_path / "scratch.json", None)
    shown = name or "Wiltshire Council"
    old = default_record_path(shown)
    record_published(old, shown, first.name, scratch.known, scratch.withheld)
    before = old.read_bytes()
    year, second = _paper(tmp_path, "2024-25", name=name)
    assert year.exit_code == 0, year.output
    found = check([first, second])
    assert found.safe, "\n".join(found.lines())
    record = read_record(default_record_path("wiltshire"), "wiltshire")
    assert record.papers == (first.name, second.name)
    assert scratch.withheld <= record.withheld
    assert old.read_bytes() == before


def test_a_shared_record_named_after_the_authority_is_still_its_own(tmp_path: Path) -> None:
    shared = tmp_path / "shared.json"
    record_published(shared, "Wiltshire Council", "an older paper",
                     {("value", "missing_episode", "2024-25 Q1"): 56.0})
    result, _ = _paper(tmp_path, "2024-25 Q4", "--disclosure-record", str(shared))
    assert result.exit_code == 0, result.output
    record = read_record(shared, "wiltshire")
    assert record.papers == ("an older paper", "2024-25-Q4.json")
    renamed, _ = _paper(tmp_path, "2024-25 Q3", "--disclosure-record", str(shared),
                        name="Fenmoor Council")
    assert renamed.exit_code == 0, renamed.output  # --name shows another, same plug-in
    record_published(other := tmp_path / "other.json", "staffordshire", "theirs", {})
    wrong, _ = _paper(tmp_path, "2024-25 Q2", "--disclosure-record", str(other))
    assert wrong.exit_code == 2
    assert "is the disclosure record of 'staffordshire', not of 'wiltshire'" in wrong.output


def test_a_paper_whose_recording_fails_is_not_written(tmp_path: Path) -> None:
    lock = default_record_path("wiltshire").with_suffix(".json.lock")
    lock.mkdir(parents=True)  # the record cannot be locked, so it cannot be written
    result, output = _paper(tmp_path, "2024-25 Q4")
    assert result.exit_code == 2
    assert "cannot write the disclosure record" in result.output
    assert not output.exists()


def test_the_record_holds_a_paper_before_it_is_written(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped between the two steps, the command leaves a record of a paper never
    written (later papers are only more cautious), never a paper the record lacks."""
    seen: list[tuple[bool, tuple[str, ...]]] = []

    def stopped(report: object, fmt: str, output: Path | None, *args: object) -> None:
        record = read_record(default_record_path("wiltshire"), "wiltshire")
        seen.append((output is not None and output.exists(), record.papers))
        raise KeyboardInterrupt

    monkeypatch.setattr("corpparent.cli.scorecard.emit", stopped)
    result, output = _paper(tmp_path, "2024-25 Q4")
    assert result.exit_code != 0
    assert seen == [(False, (output.name,))]
    assert not output.exists()


def test_a_python_plug_ins_record_is_kept_under_its_own_identifier(tmp_path: Path) -> None:
    """A Python plug-in is loaded in a child process: its identifier comes back with the
    papers, and names the record."""
    plugin = tmp_path / "copy.py"
    plugin.write_text(
        "import attrs\nfrom corpparent.plugins import load_authority\n\n"
        "PLUGIN = attrs.evolve(load_authority('wiltshire'), id='wiltcopy', "
        "name='Wiltcopy Council')\n", encoding="utf-8")
    output = tmp_path / "paper.json"
    result = CliRunner().invoke(cli, [
        "scorecard", str(_readings(tmp_path)), "-a", f"{plugin}:PLUGIN", "-p", "2024-25 Q4",
        "-f", "json", "--profile", "public", "-o", str(output), "--name", PANEL])
    assert result.exit_code == 0, result.output
    assert read_record(default_record_path("wiltcopy"), "wiltcopy").papers == (output.name,)
    assert not default_record_path(PANEL).exists()
