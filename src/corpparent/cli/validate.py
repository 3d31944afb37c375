"""``corpparent validate``: check input files and report every problem in each.

Where the other commands stop at bad input with one line, ``validate`` lists every
problem of every file, each naming the file, line and field, so a whole file can be put
right in one pass. Problems of one kind (one field, one note, one expectation) are told
once, naming the lines they cover, the values found and the fix
([`corpparent.errors.problem_lines`][corpparent.errors.problem_lines]), at most
[`SHOWN_GROUPS`][corpparent.errors.SHOWN_GROUPS] kinds a file and then a count of the rest;
``--all-problems`` lists each problem on its own line instead. The kind of file is told
from its suffix and its columns or keys, or given with ``--kind``; the kinds are those of
the registry (`corpparent.kinds.KINDS`). An SSDA903 return is checked too: a folder of
year folders, one year's folder, its XML file, or its CSV tables (a CSV file of no other
kind, named by a table of the return), read as ``corpparent ssda903`` reads it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click

from corpparent.cli.common import EXIT_BAD_INPUT, load_indicator_set
from corpparent.cli.isolation import UserCode, isolated, user_code
from corpparent.cli.reading_options import reading_options
from corpparent.errors import CorpparentError, DataError, Problem, problem_lines
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.sheets import using_sheet
from corpparent.files.dfe.mapping import load_mapping
from corpparent.files.kinds import Against, FileKind
from corpparent.indicator_rules import grows_with_length, length_in_months
from corpparent.kinds import KINDS, detect, kind_named
from corpparent.plugins import load_authority
from corpparent.plugins.discovery import installed
from corpparent.ranges import ExpectedRange, Target
from corpparent.safe_text import printable

__all__ = ["validate"]

T = TypeVar("T")


@click.command(short_help="Check input files, listing every problem.")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path))
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
@click.option("--all-problems", "every", is_flag=True,
              help="List each problem on a line of its own, rather than each kind of "
              "problem once with the lines it covers.")
@reading_options
def validate(files: tuple[Path, ...], kind: str | None, authority_id: str | None,
             indicator_ref: str | None, mapping_files: tuple[Path, ...],
             sheet: str | None, every: bool) -> None:
    """Check each FILE and list every problem in it on standard error: each kind of
    problem once, with the lines it covers and the fix (--all-problems: one a line).

    Prints one line per good file on standard output; exits with 2 if any file, or any
    --mapping file, has a problem. A FILE may also be a Python plug-in, FILE.py[:NAME] or
    module:NAME, which is loaded and checked; a plug-in whose identifier is that of an
    installed plug-in is warned of. Every kind 'corpparent schema' lists can be checked,
    and the DfE's and Ofsted's published files besides, and an SSDA903 return: a folder
    of year folders, a year's folder, its XML file or its CSV tables.

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
      corpparent validate returns/ returns/2024-25/Episodes.csv
      corpparent validate --sheet Inspections_as_at_31_March \
          LA_Inspection_Outcomes_as_at_31_March_2025.ods
    """
    checked = partial(_validated, files, kind, authority_id, indicator_ref, mapping_files,
                      sheet, every)
    answer = isolated(checked, user_code(authority=authority_id, indicators=indicator_ref))
    for to_stderr, line in answer["lines"]:
        click.echo(line, err=to_stderr)
    if answer["failed"]:
        sys.exit(EXIT_BAD_INPUT)


def _validated(files: tuple[Path, ...], kind: str | None, authority_id: str | None,
               indicator_ref: str | None, mapping_files: tuple[Path, ...],
               sheet: str | None, every: bool = False) -> dict[str, Any]:
    """Every file checked: the lines to print (each with whether it goes to standard
    error) and whether any file failed. This is the part of the command that runs the
    code of a Python plug-in or indicator set given as an option (in a child process
    when there is one); a Python plug-in given as a FILE is checked in a child of its
    own."""
    lines: list[tuple[bool, str]] = []
    indicators = None
    if indicator_ref is not None:
        indicators = load_indicator_set(indicator_ref)
    elif authority_id is not None:
        indicators = load_authority(authority_id).indicators
    mappings = [_listed(path, partial(load_mapping, path), lines, every)
                for path in mapping_files]
    against = Against(indicators, tuple(m for m in mappings if m is not None))
    failed = None in mappings
    chosen = kind_named(kind) if kind else None
    for path in files:
        if _names_python(path):
            checked = _listed(path, partial(_check_python_plugin, str(path)), lines, every)
        else:
            with using_sheet(sheet):
                checked = _listed(path, partial(_check, path, chosen, against), lines, every)
        if checked is None:
            failed = True
            continue
        name, summary, identifier = checked
        lines.append((False, printable(f"ok: {path}: {summary}")))
        if name == "authority-plugin":
            lines.extend((True, line) for line in _clashes(path, identifier))
            lines.extend((True, line) for line in _lengths_unsaid(path))
    return {"lines": lines, "failed": failed}


def _names_python(path: Path) -> bool:
    """Whether FILE names a Python plug-in (``file.py[:NAME]``, ``module:NAME``)."""
    text = str(path)
    return text.endswith(".py") or (":" in text and not path.exists())


def _python_plugin(reference: str) -> list[str]:
    """The identifier, name and number of indicators of the Python plug-in ``reference``
    names, loaded (in the child process `_check_python_plugin` runs it in)."""
    profile = load_authority(reference, warn_of_clashes=False)
    return [profile.id, profile.name, str(len(profile.indicators))]


def _check_python_plugin(reference: str) -> tuple[str, str, str | None]:
    """The kind and summary of the Python plug-in ``reference`` names, once loaded in a
    child process of its own, and its identifier."""
    code = user_code(authority=reference) or (UserCode(f"the plug-in {reference}"),)
    identifier, name, count = isolated(partial(_python_plugin, reference), code)
    return "authority-plugin", (f"an authority plug-in in Python, {identifier!r} "
                                f"({name}), {count} indicators"), identifier


def _clashes(path: Path, identifier: str | None) -> list[str]:
    """A warning when the plug-in at ``path`` has an installed one's identifier."""
    if identifier is None:
        try:
            identifier = load_authority(str(path), warn_of_clashes=False).id
        except CorpparentError:
            return []
    return [f"warning: {path}: the identifier {identifier!r} is also that of the "
            f"installed plug-in from {spec.distribution} {spec.version}; installed "
            "together, neither is used until one is blocked (CORPPARENT_PLUGINS_BLOCK)"
            for spec in installed(identifier)]


def _lengths_unsaid(path: Path) -> list[str]:
    """A warning for each range or target of the plug-in at ``path`` set for a year or
    more, of an indicator whose figure grows with its period's length, that does not
    say the length of period it is for: the officers' copy judges it on an assumed
    length, and a public paper says it is not judged."""
    try:
        profile = load_authority(str(path), warn_of_clashes=False)
    except CorpparentError:
        return []
    sets = [profile.indicators] if profile.rule_sets is None else [
        rules.indicators for rules in profile.rule_sets]
    said: dict[str, None] = {}
    for rules in sets:
        every: tuple[ExpectedRange | Target, ...] = (*rules.ranges, *rules.targets)
        for bounds in every:
            indicator = rules[bounds.indicator]
            if (bounds.per_months is None and grows_with_length(indicator.kind)
                    and length_in_months(bounds.period) >= 12):
                what = "expected range" if isinstance(bounds, ExpectedRange) else (
                    "ambition" if bounds.ambition else "target")
                said[printable(
                    f"warning: {path}: the {what} of {indicator.id!r} set for "
                    f"{bounds.period} does not say the length of period it is for, so a "
                    "public paper says it is not judged; say it with per = \"quarter\" "
                    "(or \"month\"), or \"year\" for a year's total")] = None
    return list(said)


def _check(path: Path, kind: FileKind | None, against: Against
           ) -> tuple[str, str, str | None]:
    """The kind and summary of the file at ``path``, checked as ``kind`` or the kind
    it is (and no identifier: a plug-in file's is read again when it is needed); a
    folder, an XML file, or a CSV file named by a table of it and of no other kind, is
    checked as an SSDA903 return."""
    if kind is None and (path.is_dir() or path.suffix.casefold() == ".xml"):
        return "ssda903", _check_return(path), None
    try:
        chosen = kind or detect(path)
    except DataError:
        from corpparent.files.ssda903.reader import _table_of

        if path.suffix.casefold() != ".csv" or _table_of(path) is None:
            raise
        return "ssda903", _check_return_table(path), None
    return chosen.name, chosen.check(path, against), None


def _check_return(path: Path) -> str:
    """What the SSDA903 return at ``path`` holds (a folder of year folders, one year's
    folder or its XML file), every problem of every table raised together."""
    from corpparent.files.ssda903.reader import read_returns

    returns = read_returns(path)
    tables = [table for year in returns for table in returns[year].tables.values()]
    years = [str(year) for year in returns]
    return (f"an SSDA903 return of {years[0]}" if len(years) == 1 else
            f"an SSDA903 return of {len(years)} years, {years[0]} to {years[-1]}") + \
        f": {len(tables)} tables, {sum(len(t) for t in tables)} rows"


def _check_return_table(path: Path) -> str:
    """What the table of an SSDA903 return in the CSV file ``path`` holds, every
    problem of it raised together."""
    from corpparent.files.ssda903.cells import read_table
    from corpparent.files.ssda903.reader import _table_of

    name = _table_of(path)
    assert name is not None  # the file is named by a table
    problems: list[Problem] = []
    table = read_table(name, path, problems)
    if problems or table is None:
        raise DataError(in_file_order(problems))
    return f"the {name} table of an SSDA903 return, {len(table)} rows"


def _listed(path: Path, read: Callable[[], T], lines: list[tuple[bool, str]],
            every: bool = False) -> T | None:
    """What ``read`` returns; or ``None``, with the problems it found in the file at
    ``path`` added to ``lines`` for standard error: each kind once, or with ``every``
    each problem on a line of its own."""
    try:
        return read()
    except DataError as exc:
        found = ([str(problem) for problem in exc.problems] if every
                 else problem_lines(exc.problems))
        lines.extend((True, line) for line in found)
    except CorpparentError as exc:
        lines.append((True, printable(f"{path}: {exc}", lines=True)))
    return None
