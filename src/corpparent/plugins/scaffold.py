"""A new authority plug-in to start from: a plug-in data file, or a distribution around it.

`plugin_file_text` is a working ``.toml`` plug-in for one authority, with one
indicator, an expected range and a target to copy, and comments saying where to go next;
it validates and loads as it is (``corpparent validate NAME.toml``, ``--authority
NAME.toml``). `write_distribution` writes a small installable distribution around
that file — ``pyproject.toml`` declaring the ``corpparent.authorities`` entry point, the
Python module the entry point names, and a test — so ``pip install`` makes the plug-in
found by every corpparent command with no change to corpparent itself.
``corpparent authorities new`` writes either.
"""

from __future__ import annotations

from pathlib import Path

from corpparent.errors import DataError
from corpparent.files.writing import write_whole
from corpparent.profile import ENTRY_POINT_GROUP, check_identifier

__all__ = ["distribution_name", "plugin_file_text", "write_distribution", "write_plugin_file"]


def distribution_name(authority: str) -> str:
    """The distribution a plug-in for ``authority`` is published as: ``corpparent-ID``."""
    return f"corpparent-{authority.replace('_', '-')}"


def _module(authority: str) -> str:
    return f"corpparent_{authority.replace('-', '_')}"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plugin_file_text(authority: str, name: str) -> str:
    """A plug-in data file for ``authority`` called ``name``, ready to edit."""
    check_identifier(authority, "authority identifier")
    return f"""\
# The {authority} authority plug-in for corpparent, as a data file: no Python needed.
# Check it with       corpparent validate {authority}.toml
# Use it with         corpparent scorecard READINGS.csv --authority {authority}.toml -p "2024-25 Q4"
# Its format:         corpparent schema authority-plugin
# Replace the example indicator, range and target below with the panel's own, each
# citing the document it comes from (the [[documents]] entries).

format_version = 1

[authority]
id = {_toml_string(authority)}
name = {_toml_string(name)}
# gss_code = "E06000000"    # the ONS area code: 'E' and 8 digits
# dfe_code = "000"          # the DfE local-authority number: 3 digits
domains = ["Stability"]

[[documents]]
id = "scorecard"
title = "Corporate Parenting Panel scorecard (replace with the real document's title)"

[[indicators]]
id = "placements_3plus"
name = "Children looked after with three or more placements in the year"
kind = "percentage"
polarity = "lower is better"
domain = "Stability"
source = "scorecard"

[[ranges]]
indicator = "placements_3plus"
period = "2024-25"
lower = 6
upper = 9
source = "scorecard"

[[targets]]
indicator = "placements_3plus"
period = "2024-25"
value = 9
direction = "at most"
source = "scorecard"

# What the panel's terms of reference require: 'corpparent meetings' judges its meetings
# against this (with --authority {authority}.toml, or -C {authority}.toml for this part alone).
[constitution]
panel = {_toml_string(f"{name} Corporate Parenting Panel")}
source = "terms of reference"

[constitution.frequency]
every_months = 2
year = "municipal"
source = "terms of reference: the panel meets every two months"
"""


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise DataError.single(str(path), "already exists; give --force to overwrite it")


def write_plugin_file(authority: str, name: str, directory: Path, *, force: bool = False
                      ) -> Path:
    """Write ``AUTHORITY.toml`` into ``directory``; returns its path."""
    path = directory / f"{authority}.toml"
    text = plugin_file_text(authority, name)
    _refuse_existing(path, force)
    return write_whole(path, text, what="the plug-in file")


def _pyproject(authority: str, name: str) -> str:
    module = _module(authority)
    return f"""\
# The {authority} authority plug-in for corpparent. Install it with
#     pip install .
# and every corpparent command finds it: corpparent authorities list.

[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = {_toml_string(distribution_name(authority))}
version = "0.1.0"
description = {_toml_string(f"The {name} authority plug-in for corpparent.")}
requires-python = ">=3.11"
dependencies = ["corpparent"]

[project.optional-dependencies]
test = ["pytest>=8"]

# The entry point's name is the authority identifier; its value, the function that
# returns the authority's profile.
[project.entry-points.{_toml_string(ENTRY_POINT_GROUP)}]
{authority} = "{module}.plugin:profile"

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]
"""


def _plugin_module(authority: str, name: str) -> str:
    return f'''\
"""The {name} authority plug-in for corpparent.

The profile is read from ``{authority}.toml`` beside this module, a plug-in data file;
build any part of it in Python here instead when a file cannot say it.
"""

from __future__ import annotations

from pathlib import Path

from corpparent import AuthorityProfile, load_plugin_file

DATA = Path(__file__).with_name("{authority}.toml")


def profile() -> AuthorityProfile:
    """{name}'s profile, as the entry point ``{authority}`` gives it to corpparent."""
    return load_plugin_file(DATA)
'''


def _test_module(authority: str) -> str:
    return f'''\
"""The plug-in is installed, found through its entry point, and loads."""

from corpparent.plugins import discover, load_profile


def test_the_plugin_is_found_and_loads() -> None:
    spec = discover()["{authority}"]
    assert spec.distribution == "{distribution_name(authority)}"
    profile = load_profile("{authority}")
    assert profile.id == "{authority}"
    assert profile.indicators.ids
'''


def write_distribution(authority: str, name: str, directory: Path, *, force: bool = False
                       ) -> tuple[Path, ...]:
    """Write the distribution ``corpparent-AUTHORITY`` into ``directory`` (its project
    folder); returns the files written."""
    module = _module(authority)
    files = {
        directory / "pyproject.toml": _pyproject(authority, name),
        directory / "README.md": (f"# {distribution_name(authority)}\n\nThe {name} "
                                  "authority plug-in for corpparent.\n\n    pip install .\n"
                                  "    corpparent authorities show " + authority + "\n"),
        directory / "src" / module / "__init__.py": f'"""The {name} plug-in."""\n',
        directory / "src" / module / "plugin.py": _plugin_module(authority, name),
        directory / "src" / module / f"{authority}.toml": plugin_file_text(authority, name),
        directory / "tests" / "test_plugin.py": _test_module(authority),
    }
    for path in files:
        _refuse_existing(path, force)
    return tuple(write_whole(path, text, what="the distribution's file")
                 for path, text in files.items())
