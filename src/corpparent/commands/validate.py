"""``corpparent validate``: check input files and report every problem in each.

Where the other commands stop at bad input with one line, ``validate`` lists every
problem of every file, one a line, each naming the file, row and field, so a whole file
can be put right in one pass. The kind of file is told from its columns (CSV) or keys
(JSON), or given with ``--kind``.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import click
from pydantic import ValidationError

from corpparent.commands.common import EXIT_BAD_INPUT, load_indicator_set
from corpparent.errors import CorpparentError, DataError, Problem
from corpparent.files import load_plugin_file, validate_plugin_file
from corpparent.files.comparators import read_comparators
from corpparent.files.meetings import read_meetings
from corpparent.files.membership import read_membership
from corpparent.files.obligations import load_obligations
from corpparent.files.readings import (
    OPTIONAL_READING_COLUMNS,
    READING_COLUMNS,
    ReadingRecord,
    read_readings,
)
from corpparent.files.records import read_records, validate_records
from corpparent.files.submissions import read_submissions
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import parse_period
from corpparent.plugins import load_profile
from corpparent.report.model import report_adapter

__all__ = ["CHECKS", "detect_kind", "validate"]

Check = Callable[[Path, IndicatorSet | None], str]


def _readings(path: Path, indicators: IndicatorSet | None) -> str:
    if indicators is not None:
        readings = read_readings(path, indicators)
        return f"{len(readings)} readings of {len(readings.indicators)} indicators"
    records = read_records(path, required=READING_COLUMNS, optional=OPTIONAL_READING_COLUMNS,
                           json_key="readings")
    valid, problems = validate_records(ReadingRecord, records)
    for raw, record in valid:
        try:
            parse_period(record.period)
        except CorpparentError as exc:
            problems.append(Problem(raw.source, str(exc), row=raw.row, field="period"))
    if problems:
        raise DataError(sorted(problems, key=lambda p: p.row or 0))
    return (f"{len(records)} readings (indicator names not checked: give --authority or "
            "--indicators)")


def _comparators(path: Path, indicators: IndicatorSet | None) -> str:
    comparators = read_comparators(path, indicators=indicators)
    values = sum(len(c.values) for c in comparators)
    return f"{len(comparators)} comparators, {values} values"


def _report(path: Path, _indicators: IndicatorSet | None) -> str:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError.single(source, f"cannot read file: {exc.strerror}") from exc
    try:
        report = report_adapter().validate_json(text)
    except ValidationError as exc:
        raise DataError(
            Problem(source, str(error["msg"]),
                    field=".".join(str(part) for part in error["loc"]) or None)
            for error in exc.errors()
        ) from None
    return f"a {report.kind} report, {len(report.findings)} findings"


def _meetings(path: Path, _indicators: IndicatorSet | None) -> str:
    meetings = read_meetings(path)
    return f"{len(meetings)} meetings"


def _membership(path: Path, _indicators: IndicatorSet | None) -> str:
    membership = read_membership(path)
    return f"{len(membership.members)} members"


def _submissions(path: Path, _indicators: IndicatorSet | None) -> str:
    return f"{len(read_submissions(path))} log entries"


def _obligations(path: Path, _indicators: IndicatorSet | None) -> str:
    return f"{len(load_obligations(path))} obligations"


def _plugin(path: Path, _indicators: IndicatorSet | None) -> str:
    problems = validate_plugin_file(path)
    if problems:
        raise DataError(problems)
    profile = load_plugin_file(path)
    return (f"authority plug-in {profile.id!r} ({profile.name}), "
            f"{len(profile.indicators)} indicators")


#: What ``validate`` can check, by kind of file.
CHECKS: dict[str, Check] = {
    "plugin": _plugin,
    "readings": _readings,
    "comparators": _comparators,
    "meetings": _meetings,
    "membership": _membership,
    "submissions": _submissions,
    "obligations": _obligations,
    "report": _report,
}


def detect_kind(path: Path) -> str:
    """The kind of file ``path`` is, from its CSV header or its JSON keys."""
    source = str(path)
    if not path.is_file():
        raise DataError.single(source, "file not found")
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            keys = set(tomllib.loads(path.read_text(encoding="utf-8-sig")))
        elif suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            keys = set(data) if isinstance(data, dict) else (
                set(data[0]) if isinstance(data, list) and data and isinstance(data[0], dict)
                else set())
        else:
            first = path.read_text(encoding="utf-8-sig").splitlines()[:1]
            keys = {name.strip() for name in first[0].split(",")} if first else set()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError.single(source, f"cannot read file: {exc}") from exc
    if {"schema_version", "kind"} <= keys:
        return "report"
    if "format_version" in keys:
        return "plugin"
    if suffix == ".toml" or "obligations" in keys:
        return "obligations"
    if "members" in keys:
        return "membership"
    if {"document", "recipient", "date"} <= keys or "submissions" in keys:
        return "submissions"
    if {"date", "member"} <= keys or "meetings" in keys:
        return "meetings"
    if "comparator" in keys or "comparators" in keys:
        return "comparators"
    if set(READING_COLUMNS) <= keys or "readings" in keys:
        return "readings"
    raise DataError.single(source, "cannot tell what kind of file this is; give --kind "
                           f"({', '.join(CHECKS)})")


@click.command(short_help="Check input files, listing every problem.")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", "-k", type=click.Choice(sorted(CHECKS)),
              help="What the files are. Default: told from each file's columns or keys.")
@click.option("--authority", "-a", "authority_id", metavar="ID",
              help="An installed authority plug-in whose indicators readings and "
              "comparators must use.")
@click.option("--indicators", "-i", "indicator_ref", metavar="FILE.py[:NAME]",
              help="An indicator set from Python that readings and comparators must use.")
def validate(files: tuple[Path, ...], kind: str | None, authority_id: str | None,
             indicator_ref: str | None) -> None:
    """Check each FILE and list every problem in it, one a line, on standard error.

    Prints one line per good file on standard output; exits with 2 if any file has a
    problem.

    \b
    Examples:
      corpparent validate -a wiltshire examples/data/wiltshire_readings_2022-23.csv
      corpparent validate examples/data/staffordshire_2019-20_meetings.csv \\
          examples/data/staffordshire_2019-20_membership.json
      corpparent validate comparators.csv submissions.csv obligations.toml report.json
      corpparent validate src/corpparent/authorities/wiltshire.toml
      corpparent validate --kind readings readings.json
    """
    indicators = None
    if indicator_ref is not None:
        indicators = load_indicator_set(indicator_ref)
    elif authority_id is not None:
        indicators = load_profile(authority_id).indicators
    failed = False
    for path in files:
        try:
            chosen = kind or detect_kind(path)
            summary = CHECKS[chosen](path, indicators)
        except DataError as exc:
            failed = True
            for problem in exc.problems:
                click.echo(f"{problem}", err=True)
            continue
        except CorpparentError as exc:
            failed = True
            click.echo(f"{path}: {exc}", err=True)
            continue
        click.echo(f"ok: {path}: {summary}")
    if failed:
        sys.exit(EXIT_BAD_INPUT)
