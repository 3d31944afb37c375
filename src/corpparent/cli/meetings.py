"""``corpparent meetings``: quorum, frequency, attendance and composition from records."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from pathlib import Path

import click

from corpparent.cli.common import (
    DateType,
    Output,
    PeriodType,
    findings_document,
    output_options,
)
from corpparent.cli.isolation import Outcome, deliver, outcome, user_code
from corpparent.cli.record_owner import owner_of
from corpparent.errors import CorpparentError
from corpparent.files._tabular.column_names import parse_columns
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from corpparent.files.panel.submissions import read_submissions
from corpparent.governance.constitution import Constitution
from corpparent.periods import Period
from corpparent.plugins import load_authority
from corpparent.plugins.python_objects import load_object
from corpparent.plugins.references import plugin_file
from corpparent.rulesets import BeforeFirstYearError
from corpparent.runs.governance import review_governance

__all__ = ["meetings"]

_log = logging.getLogger(__name__)


@click.command(short_help="Check quorum, meeting frequency and attendance.")
@click.argument("meeting_file", metavar="[MEETINGS]", required=False,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
              help="An installed plug-in's id, or a plug-in file not installed "
              "(.toml, or .py or module:NAME): its constitution, and its membership and "
              "meetings where the files are not given.")
@click.option("--constitution", "-C", "constitution_ref", metavar="FILE[:NAME]",
              help="The panel's Constitution instead: a plug-in file (.toml) declaring one, "
              "or a Python file or module and the Constitution (or function returning one) "
              "it defines.")
@click.option("--membership", "-m", "membership_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="The membership file: who sat on the panel, and when. JSON, or a "
              "committee system's membership list (.csv, .xlsx, .xls, .ods), told by its "
              "suffix. Needed for quorum, attendance and composition.")
@click.option("--columns", "meeting_columns", metavar="HEADING=FIELD,...",
              callback=lambda _c, p, v: _columns(p, v),
              help="The columns the MEETINGS file's own headings hold, e.g. "
              "'Councillor=member,Outcome=attendance'. A committee system's common "
              "headings (Meeting date, Attendee, Attendance ...) are known without it.")
@click.option("--membership-columns", metavar="HEADING=FIELD,...",
              callback=lambda _c, p, v: _columns(p, v),
              help="The same for a membership list, e.g. 'Seat=class'.")
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A submissions log: what went to the recipients of the constitution's "
              "reporting lines.")
@click.option("--period", "-p", type=PeriodType(), required=True,
              help="The span to judge, e.g. 'MY 2019-20' or '2022-23'.")
@click.option("--as-of", type=DateType(),
              help="The day the records are read on. Default: the period's last day.")
@click.option("--name", "authority_name",
              help="The authority's name, shown in the report (default: the plug-in's).")
@output_options
def meetings(
    meeting_file: Path | None,
    authority_id: str | None,
    constitution_ref: str | None,
    membership_file: Path | None,
    meeting_columns: dict[str, str] | None,
    membership_columns: dict[str, str] | None,
    log_file: Path | None,
    period: Period,
    as_of: date | None,
    authority_name: str | None,
    out: Output,
) -> None:
    """Judge a panel's meetings against its constitution: quorum at each formal meeting,
    meeting frequency and gaps, attendance over each member's tenure, and composition.

    MEETINGS is a meeting records file (CSV or a workbook: date, member, attendance, or
    a committee system's attendance export; or JSON); without it, the plug-in's
    meetings are used.

    \b
    Examples:
      corpparent meetings examples/data/staffordshire_2019-20_meetings.csv \\
          -a staffordshire -p "MY 2019-20"
      corpparent meetings -a wiltshire -p 2022-23 -f markdown
      corpparent meetings meetings.csv -C constitution.py:PANEL -m members.json \\
          -p 2022-23 --fail-on-breach -f json -o governance.json
    """
    if as_of is None:
        _log.info("reading the records as of %s, the last day of %s (--as-of not given)",
                  period.end.isoformat(), period)
    done = outcome(
        partial(_reviewed, meeting_file, authority_id, constitution_ref,
                (membership_file, meeting_columns, membership_columns),
                log_file, period, as_of, authority_name, out),
        user_code(authority=authority_id, constitution=constitution_ref))
    deliver(done, out, "meetings")


def _columns(param: click.Parameter, value: str | None) -> dict[str, str] | None:
    try:
        return None if value is None else parse_columns(value)
    except CorpparentError as exc:
        raise click.BadParameter(str(exc), param=param) from None


def _reviewed(meeting_file: Path | None, authority_id: str | None,
              constitution_ref: str | None,
              files: tuple[Path | None, dict[str, str] | None, dict[str, str] | None],
              log_file: Path | None, period: Period, as_of: date | None,
              authority_name: str | None, out: Output) -> Outcome:
    """The review of the meetings as a report document, with the run's warnings: the
    part of the command that runs a Python plug-in's or constitution's code (in a child
    process when there is one)."""
    membership_file, meeting_columns, membership_columns = files
    profile = None if authority_id is None else load_authority(authority_id)
    constitution = None if constitution_ref is None else load_object(
        constitution_ref, Constitution, "constitution")
    if constitution is None and (profile is None or (
            profile.constitution is None and profile.rule_sets is None)):
        raise click.UsageError("give --authority (a plug-in with a constitution) or "
                               "--constitution")
    if meeting_file is None and (profile is None or not profile.meetings):
        raise click.UsageError("give a MEETINGS file (the plug-in has no meetings on record)")
    try:
        run = review_governance(
            period, profile=profile, constitution=constitution,
            meetings=None if meeting_file is None else read_meetings(
                meeting_file, columns=meeting_columns),
            membership=None if membership_file is None else read_membership(
                membership_file, columns=membership_columns),
            submissions=None if log_file is None else read_submissions(log_file),
            as_of=as_of)
    except BeforeFirstYearError as exc:
        raise click.UsageError(str(exc)) from None
    report = findings_document(
        run.findings, out, title=run.title,
        authority=authority_name or (None if profile is None else profile.name),
        period=period,
        inputs=[f for f in (meeting_file, membership_file, log_file,
                            plugin_file(authority_id)) if f is not None],
        options={"authority": authority_id, "constitution": constitution_ref,
                 "as_of": run.as_of.isoformat()},
        owner=(owner := owner_of(profile, authority_name)),
        register=run.register, notes=run.notes,
    )
    return Outcome((report,), run.warnings, owner=owner)
