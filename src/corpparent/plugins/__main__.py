"""Command line for authority plug-ins: ``python -m corpparent.plugins``.

``list`` shows the installed plug-ins from their metadata and whether each loads;
``validate FILE...`` checks plug-in files before they are shipped (exit status 1 when
any has a problem); ``schema`` prints the JSON Schema of the file format; ``export ID``
prints an installed profile as a plug-in file, a starting point for a new authority.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from corpparent.errors import PluginError
from corpparent.plugins.declarative import validate_plugin_file
from corpparent.plugins.discovery import discover, load_profile, load_profiles
from corpparent.plugins.errors import PluginFileError
from corpparent.plugins.export import profile_to_toml
from corpparent.plugins.file_format import plugin_schema

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m corpparent.plugins",
                                     description="Authority plug-ins for corpparent.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list installed plug-ins and load each")
    check = commands.add_parser("validate", help="check plug-in files")
    check.add_argument("files", nargs="+")
    commands.add_parser("schema", help="print the plug-in file JSON Schema")
    export = commands.add_parser("export", help="print an installed profile as a plug-in file")
    export.add_argument("authority")
    args = parser.parse_args(argv)

    if args.command == "list":
        found = discover()
        for spec in found.specs:
            print(f"{spec.id:<16} {spec.distribution} {spec.version}  ({spec.value})")
        for spec in found.excluded:
            print(f"{spec.id:<16} {spec.distribution} {spec.version}  excluded by allow/block")
        loaded = load_profiles()
        for error in loaded.errors:
            print(f"error: {error}")
        return 1 if loaded.errors else 0
    if args.command == "validate":
        status = 0
        for file in args.files:
            problems = validate_plugin_file(file)
            if problems:
                status = 1
                print(PluginFileError(problems))
            else:
                print(f"{file}: valid")
        return status
    if args.command == "schema":
        print(json.dumps(plugin_schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        print(profile_to_toml(load_profile(args.authority)), end="")
    except PluginError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
