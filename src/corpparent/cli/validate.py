"""``corpparent validate``: check input files and report every problem in each.

Where the other commands stop at bad input with one line, ``validate`` lists every
problem of every file, one a line, each naming the file, line and field, so a whole
file can be put right in one pass. The kind of file is told from its suffix and its
columns or keys, or given with ``--kind``; the kinds are those of the registry
(:data:`corpparent.kinds.KINDS`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import click

from corpparent.cli.common import EXIT_BAD_INPUT, load_indicator_set
from corpparent.errors import CorpparentError, DataError
from corpparent.files._tabular.sheets import using_sheet
from corpparent.files.dfe.mapping import load_mapping
from corpparent.files.kinds import Against, FileKind
from corpparent.kinds import KINDS, detect, kind_named
from corpparent.plugins import clashes, load_authority
from corpparent.safe_text import printable

__all__ = ["validate"]

T = TypeVar("T")


@click.command(short_help="Check input files, listing every problem.")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", "-k", type=click.Choice([kind.name for kind in KINDS]),
              help="What the files are. Default: told from each file's columns or keys.")
@click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
              help="An installed plug-in's id, or a plug-in file not installed "
              "(.toml, or .py or module:NAME) whose indicators readings and "
              "comparators must use.")
@click.option("--indicators", "-i", "indicator_ref", metavar="FILE.py[:NAME]",
              help="An indicator set from Python that readings and comparators must use.")
@click.option("--mapping", "-m", "mapping_files", multiple=True, metavar="FILE.toml",
              type=click.Path(dir_okay=False, path_type=Path),
              help="A DfE mapping to read the EES file it names through (repeatable). "
              "Default: the mapping shipped for the file's name.")
@click.option("--sheet", metavar="NAME", help="The sheet to read of each .xlsx or .ods file. "
              "Default: the first sheet holding the kind's columns.")
def validate(files: tuple[Path, ...], kind: str | None, authority_id: str | None,
             indicator_ref: str | None, mapping_files: tuple[Path, ...],
             sheet: str | None) -> None:
    """Check each FILE and list every problem in it, one a line, on standard error.

    Prints one line per good file on standard output; exits with 2 if any file, or any
    --mapping file, has a problem. A FILE may also be a Python plug-in, FILE.py[:NAME] or
    module:NAME, which is loaded and checked; a plug-in whose identifier is that of an
    installed plug-in is warned of. Every kind 'corpparent schema' lists can be checked,
    and the DfE's and Ofsted's published files besides.

    \b
    Examples:
      corpparent validate -a wiltshire examples/data/wiltshire_readings_2022-23.csv
      corpparent validate examples/data/staffordshire_2019-20_meetings.csv \\
          examples/data/staffordshire_2019-20_membership.json
      corpparent validate comparators.csv submissions.csv obligations.toml report.json
      corpparent validate src/corpparent/authorities/wiltshire.toml
      corpparent validate la_cla_placement_stability.csv sn_model_2025_wide.csv
      corpparent validate -m my_mapping.toml my_ees_file.csv
      corpparent validate --kind readings readings.json
      corpparent validate my_plugin.py:PROFILE my_package.plugin:profile
      corpparent validate --sheet Inspections_as_at_31_March \
          LA_Inspection_Outcomes_as_at_31_March_2025.ods
    """
    indicators = None
    if indicator_ref is not None:
        indicators = load_indicator_set(indicator_ref)
    elif authority_id is not None:
        indicators = load_authority(authority_id).indicators
    mappings = [_listed(path, partial(load_mapping, path)) for path in mapping_files]
    against = Against(indicators, tuple(m for m in mappings if m is not None))
    failed = None in mappings
    chosen = kind_named(kind) if kind else None
    for path in files:
        if _names_python(path):
            checked = _listed(path, partial(_check_python_plugin, str(path)))
        else:
            with using_sheet(sheet):
                checked = _listed(path, partial(_check, path, chosen, against))
        if checked is None:
            failed = True
        else:
            name, summary = checked
            click.echo(printable(f"ok: {path}: {summary}"))
            if name == "authority-plugin":
                _warn_of_clashes(path)
    if failed:
        sys.exit(EXIT_BAD_INPUT)


def _names_python(path: Path) -> bool:
    """Whether FILE names a Python plug-in (``file.py[:NAME]``, ``module:NAME``)."""
    text = str(path)
    return text.endswith(".py") or (":" in text and not path.exists())


def _check_python_plugin(reference: str) -> tuple[str, str]:
    """The kind and summary of the Python plug-in ``reference`` names, once loaded."""
    profile = load_authority(reference, warn_of_clashes=False)
    return "authority-plugin", (f"an authority plug-in in Python, {profile.id!r} "
                                f"({profile.name}), {len(profile.indicators)} indicators")


def _warn_of_clashes(path: Path) -> None:
    """Warn on standard error when the plug-in at ``path`` has an installed one's id."""
    try:
        profile = load_authority(str(path), warn_of_clashes=False)
    except CorpparentError:
        return
    for spec in clashes(profile):
        click.echo(f"warning: {path}: the identifier {profile.id!r} is also that of the "
                   f"installed plug-in from {spec.distribution} {spec.version}; installed "
                   "together, neither is used until one is blocked "
                   "(CORPPARENT_PLUGINS_BLOCK)", err=True)


def _check(path: Path, kind: FileKind | None, against: Against) -> tuple[str, str]:
    """The kind and summary of the file at ``path``, checked as ``kind`` or the kind
    it is."""
    chosen = kind or detect(path)
    return chosen.name, chosen.check(path, against)


def _listed(path: Path, read: Callable[[], T]) -> T | None:
    """What ``read`` returns; or ``None``, with every problem it found in the file at
    ``path`` listed on standard error, one a line."""
    try:
        return read()
    except DataError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
    except CorpparentError as exc:
        click.echo(printable(f"{path}: {exc}", lines=True), err=True)
    return None
