"""The command group: every subcommand listed with its own short help, and none of their
modules imported for ``corpparent --help``."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from corpparent.cli import COMMANDS, cli


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_group_lists_each_command_with_its_own_short_help(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    assert command.name == name
    assert command.get_short_help_str(limit=500) == COMMANDS[name][1]


def test_help_imports_no_command_module() -> None:
    code = ("import sys\n"
            "from corpparent.cli import cli\n"
            "try:\n"
            "    cli.main(['--help'], prog_name='corpparent', standalone_mode=False)\n"
            "except SystemExit:\n"
            "    pass\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('corpparent.cli.')"
            " and m != 'corpparent.cli.exits')\n"
            "print(loaded)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "scorecard" in done.stdout
