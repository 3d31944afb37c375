"""`corpparent authorities list` and `show`: the installed plug-ins and what they declare."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.plugins import discover, load_profile


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent", env=env)


def test_list_names_every_installed_plug_in_with_its_version() -> None:
    result = run("authorities", "list")
    assert result.exit_code == 0, result.output
    specs = discover().specs
    assert {"wiltshire", "staffordshire", "national"} <= {spec.id for spec in specs}
    for spec in specs:
        line = next(line for line in result.stdout.splitlines() if f" {spec.id} " in line)
        assert spec.version in line
        assert "✓ yes" in line


def test_list_shows_plug_ins_excluded_by_the_block_list() -> None:
    result = run("authorities", "list", env={"CORPPARENT_PLUGINS_BLOCK": "national"})
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if " national " in line)
    assert "excluded" in line


def test_show_lists_indicators_with_ranges_and_targets() -> None:
    """002 §33: long-term stability's expected range 75%-82%; 002 §88: a 94% target for
    health assessments."""
    result = run("authorities", "show", "wiltshire")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Wiltshire Council (wiltshire)" in text
    assert "75%–82%" in text
    assert "94%" in text
    profile = load_profile("wiltshire")
    assert f"Indicators ({len(profile.indicators)})" in text
    assert all(f"Obligation: {o.describe()}"[:60] in " ".join(text.split())
               for o in profile.obligations or ())


def test_show_as_toml_is_a_plug_in_file() -> None:
    result = run("authorities", "show", "staffordshire", "--toml")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.stdout)
    assert data["authority"]["id"] == "staffordshire"


def test_the_docs_show_wiltshire_as_the_command_does() -> None:
    """docs/cli-authorities.md quotes `show wiltshire` whole, at 100 columns."""
    page = Path(__file__).resolve().parent.parent / "docs" / "cli-authorities.md"
    quoted = re.search(r"```text\n\$ corpparent authorities show wiltshire\n(.*?)```",
                       page.read_text(encoding="utf-8"), re.DOTALL)
    assert quoted is not None
    result = run("authorities", "show", "wiltshire", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    printed = "".join(f"{line.rstrip()}\n" for line in result.stdout.splitlines())
    assert quoted.group(1) == printed


def test_show_says_what_the_terms_of_reference_require() -> None:
    """001 §4: "75% (6) Councillors, 70% (7) Associate Members"; 001 §5: "bi-monthly
    with a minimum of 5 meetings a year"."""
    text = " ".join(run("authorities", "show", "wiltshire").stdout.split())
    assert "Quorum: all of: 75% of voting councillors, of 8 seats: at least 6 present" in text
    assert "70% of associate members, voting or not, of 10 seats: at least 7 present" in text
    assert "meets every two months, at least 5 meetings a financial year" in text
    # The one-line description heads the clauses.
    assert ("Terms of reference: Wiltshire Corporate Parenting Panel; quorum: 75% of voting "
            "councillors and 70% of associate members, voting or not") in text


def test_unknown_authority_exits_2_with_one_line() -> None:
    result = run("authorities", "show", "nowhere")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "'nowhere'" in result.stderr


def test_help_shows_examples() -> None:
    for command in (["authorities"], ["authorities", "list"], ["authorities", "show"]):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout
