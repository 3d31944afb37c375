"""The package's habits: its licence, its logger, and a command line that explains itself."""

from __future__ import annotations

import logging
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from corpparent.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_the_licence_file_is_the_one_the_metadata_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 The corpparent developers" in text
    assert "The corpparent developers" in {a["name"] for a in project["authors"]}


def test_the_package_logger_has_a_null_handler() -> None:
    code = ("import logging, corpparent; "
            "print([type(h).__name__ for h in logging.getLogger('corpparent').handlers])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "['NullHandler']"


GROUPS = sorted(name for name in cli.list_commands(click.Context(cli))
                if isinstance(cli.get_command(click.Context(cli), name), click.Group))


def test_there_are_command_groups() -> None:
    assert {"authorities", "obligations"} <= set(GROUPS)


@pytest.mark.parametrize("group", GROUPS)
def test_a_bare_command_group_prints_its_help(group: str) -> None:
    result = CliRunner().invoke(cli, [group], prog_name="corpparent")
    assert result.exit_code == 0, result.output
    assert result.stdout == CliRunner().invoke(cli, [group, "--help"],
                                               prog_name="corpparent").stdout
    assert "Commands:" in result.stdout


def test_verbose_says_what_was_read_and_loaded(tmp_path: Path) -> None:
    quiet = CliRunner().invoke(cli, ["authorities", "show", "staffordshire"])
    assert quiet.exit_code == 0
    assert "corpparent: info" not in quiet.stderr
    loud = CliRunner().invoke(cli, ["-v", "authorities", "show", "staffordshire"])
    assert loud.exit_code == 0, loud.output
    assert ("corpparent: info: loading authority plug-in 'staffordshire' from corpparent "
            f"{metadata.version('corpparent')}") in loud.stderr
    logging.getLogger("corpparent").setLevel(logging.NOTSET)


def test_the_library_logs_what_it_skipped(caplog: pytest.LogCaptureFixture) -> None:
    from corpparent.plugins import load_profiles

    with caplog.at_level(logging.INFO, logger="corpparent"):
        load_profiles(block=["national"], environ={})
    assert any("skipped authority plug-in 'national'" in r.getMessage() for r in caplog.records)
