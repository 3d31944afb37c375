"""`corpparent authorities list` and `show`: the installed plug-ins and what they declare."""

from __future__ import annotations

import tomllib

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
