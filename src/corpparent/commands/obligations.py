"""``corpparent obligations``: judge a submissions log, and list what falls due next."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, final

import click
from attrs import frozen

from corpparent.commands.common import (
    DateType,
    Output,
    PeriodType,
    output_options,
    report_findings,
    write_output,
)
from corpparent.files.panel.icalendar import to_icalendar
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.obligations import load_obligations
from corpparent.files.panel.submissions import read_submissions
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import MeetingKind
from corpparent.obligations.compliance import ObligationCheck, ReportingRecord
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.submissions import Submission
from corpparent.obligations.upcoming import falls_due
from corpparent.periods import Period
from corpparent.plugins import load_authority
from corpparent.plugins.references import plugin_file
from corpparent.profile import AuthorityProfile
from corpparent.rulesets import BeforeFirstYearError, YearRules
from corpparent.wording import counted

__all__ = ["Sources", "obligations"]


def _obligations(reference: str) -> ObligationSet:
    if Path(reference).suffix.lower() in (".toml", ".json"):
        return load_obligations(reference)
    raise click.BadParameter(
        f"{reference!r} is not a .toml or .json obligations file (an authority's built-in "
        "obligations come with its plug-in: use --authority)", param_hint="'--obligations'")


def _events(pairs: Sequence[str]) -> dict[str, list[date]]:
    events: dict[str, list[date]] = {}
    for pair in pairs:
        name, _, when = pair.rpartition("=")
        try:
            day = date.fromisoformat(when.strip())
        except ValueError:
            day = None
        if not name.strip() or day is None:
            raise click.BadParameter(f"expected NAME=YYYY-MM-DD, got {pair!r}",
                                     param_hint="'--event'")
        events.setdefault(name.strip(), []).append(day)
    return events


def _meeting_dates(meeting_file: Path | None, planned: Sequence[date]) -> list[date] | None:
    """Formal meeting dates from the records file and those given; ``None`` if neither
    (so obligations after each meeting are reported as lacking dates, not as none due)."""
    if meeting_file is None and not planned:
        return None
    held = () if meeting_file is None else read_meetings(meeting_file).of_kind(
        MeetingKind.FORMAL).dates
    return sorted({*held, *planned})


def _inputs(*files: Path | None) -> list[Path]:
    return [f for f in files if f is not None]


_SOURCES = [
    click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
                 help="An installed plug-in's id, or a plug-in file not installed "
                 "(.toml, or .py or module:NAME): its obligations, and its meetings "
                 "where no meeting dates are given."),
    click.option("--obligations", "-O", "obligation_ref", metavar="FILE",
                 help="Obligations from a .toml or .json obligations file instead."),
    click.option("--meetings", "-M", "meeting_file",
                 type=click.Path(dir_okay=False, path_type=Path),
                 help="A meeting records file: its formal meetings' dates."),
    click.option("--meeting", "planned", type=DateType(), multiple=True,
                 help="A meeting date (repeat); planned meetings for 'due'."),
    click.option("--event", "event_pairs", multiple=True, metavar="NAME=DATE",
                 help="The date of a named event, e.g. 'Ofsted inspection=2023-03-01'."),
    click.option("--name", "authority_name",
                 help="The authority's name, shown in the report (default: the plug-in's)."),
]


@final
@frozen
class Sources:
    """The obligations a command judges and the dates they hang on, as one value.

    ``profile`` is the plug-in named by ``--authority``, loaded once when the command
    starts (each run of a command loads it afresh, so an installed or changed plug-in is
    always seen).
    """

    authority_id: str | None
    reference: str | None
    meeting_file: Path | None
    planned: tuple[date, ...]
    event_pairs: tuple[str, ...]
    name: str | None
    profile: AuthorityProfile | None

    @property
    def authority(self) -> str | None:
        """The authority's name for the report."""
        if self.name is not None:
            return self.name
        return None if self.profile is None else self.profile.name

    def rules(self, period: Period | None) -> YearRules | None:
        """The plug-in's rule set in force for ``period``, if it has year rule sets."""
        if period is None or self.profile is None or self.profile.rule_sets is None:
            return None
        try:
            return self.profile.rule_sets.in_force(period)
        except BeforeFirstYearError as exc:
            raise click.UsageError(str(exc)) from None

    def constitution(self, period: Period | None = None) -> Constitution | None:
        """The plug-in's constitution (of the rule set in force for ``period``), whose
        reporting lines are judged beside the obligations."""
        rules = self.rules(period)
        if rules is not None and rules.constitution is not None:
            return rules.constitution
        return None if self.profile is None else self.profile.constitution

    def obligations(self, period: Period | None = None) -> ObligationSet:
        """The obligations of ``--obligations``, else of the plug-in (those of the rule
        set in force for ``period``, where it has year rule sets). None at all is an
        error unless the constitution has reporting lines to judge."""
        if self.reference is not None:
            return _obligations(self.reference)
        rules = self.rules(period)
        found = (rules.obligations if rules is not None else
                 ObligationSet(()) if self.profile is None else self.profile.obligations)
        constitution = self.constitution(period) if period is not None else None
        if not found and (constitution is None or not constitution.reporting_lines):
            raise click.UsageError("give --authority (a plug-in with obligations) or "
                                   "--obligations")
        return found

    def meetings(self, within: tuple[date, date] | None = None) -> list[date] | None:
        """The meeting dates given, else the plug-in's formal meetings (those ``within``
        a window, when one is given), else ``None``: no dates known."""
        given = _meeting_dates(self.meeting_file, self.planned)
        if given is not None:
            return given
        if self.profile is None or not self.profile.meetings:
            return None
        dates = list(self.profile.meetings.of_kind(MeetingKind.FORMAL).dates)
        if within is not None and not any(within[0] <= d <= within[1] for d in dates):
            return None  # a record of past meetings says nothing of those to come
        return dates

    def events(self) -> dict[str, list[date]] | None:
        """The dates of named events, or ``None`` when none were given."""
        return _events(self.event_pairs) or None


def _sources(function: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that name the obligations and their dates, passed as ``sources``."""

    @functools.wraps(function)
    def command(*args: Any, authority_id: str | None, obligation_ref: str | None,
                meeting_file: Path | None, planned: tuple[date, ...],
                event_pairs: tuple[str, ...], authority_name: str | None,
                **kwargs: Any) -> Any:
        profile = None if authority_id is None else load_authority(authority_id)
        sources = Sources(authority_id, obligation_ref, meeting_file, planned, event_pairs,
                          authority_name, profile)
        return function(*args, sources=sources, **kwargs)

    decorated: Callable[..., Any] = command
    for option in reversed(_SOURCES):
        decorated = option(decorated)
    return decorated


@click.group(short_help="Judge a submissions log; list what falls due.")
def obligations() -> None:
    """Reporting obligations: what must go to whom, and when.

    \b
    Examples:
      corpparent obligations check examples/data/wiltshire_submissions_2022-23.csv \\
          -a wiltshire -p 2022-23 --as-of 2023-09-01
      corpparent obligations due -a wiltshire --from 2023-09-01 --until 2024-03-31 \\
          --meeting 2023-09-26 --meeting 2023-11-14 --ics deadlines.ics
    """


@obligations.command(short_help="Judge a submissions log against the obligations.")
@click.argument("log_file", metavar="LOG", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", "-p", type=PeriodType(), required=True,
              help="The period whose obligations are judged, e.g. 2022-23.")
@click.option("--as-of", type=DateType(), required=True,
              help="The day the log is judged on, e.g. 2023-09-01.")
@_sources
@output_options
def check(
    log_file: Path,
    period: Period,
    as_of: date,
    sources: Sources,
    out: Output,
) -> None:
    """One finding per occurrence of each obligation arising in the period (met, late,
    missing, incomplete, out of order, not yet due), one per reporting line of the
    plug-in's terms of reference (what went along it; never due), then a warning for
    each log entry that counts towards none.

    LOG is a submissions log (CSV or JSON: document, recipient, date, and optionally
    covering, relates_to, note).

    \b
    Examples:
      corpparent obligations check examples/data/wiltshire_submissions_2022-23.csv \\
          -a wiltshire -p 2022-23 --as-of 2023-09-01
      corpparent obligations check examples/data/wiltshire_submissions_2022-23.csv \\
          -a wiltshire -M examples/data/wiltshire_2022-23_meetings.csv \\
          -p 2022-23 --as-of 2023-09-01
      corpparent obligations check log.csv -O our-obligations.toml -p 2023-24 \\
          --as-of 2024-05-01 --meeting 2023-06-12 --fail-on-breach -f json
    """
    chosen = sources.obligations(period)
    record = ReportingRecord(read_submissions(log_file), sources.meetings(), sources.events())
    constitution = sources.constitution(period) if sources.reference is None else None
    lines = () if constitution is None else constitution.reporting_lines
    findings = ObligationCheck(chosen, period, as_of, carried_by=lines).findings(record)
    if constitution is not None and lines:
        findings += constitution.reporting_findings(record.submissions, period, as_of)
    report_findings(
        findings, out, title=f"Reporting obligations, {period}, as at {as_of.isoformat()}",
        authority=sources.authority, period=period,
        inputs=_inputs(log_file, sources.meeting_file, plugin_file(sources.authority_id)),
        options={"authority": sources.authority_id, "obligations": sources.reference,
                 "as_of": as_of.isoformat()},
    )


@obligations.command(short_help="List what falls due in a window.")
@click.option("--from", "start", type=DateType(), required=True,
              help="The first day of the window (also the day the log is read on).")
@click.option("--until", type=DateType(), required=True, help="The last day of the window.")
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A submissions log: occurrences it already meets are left out.")
@click.option("--ics", "ics_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the deadlines to this iCalendar (.ics) file.")
@_sources
@output_options
def due(
    start: date,
    until: date,
    log_file: Path | None,
    ics_file: Path | None,
    sources: Sources,
    out: Output,
) -> None:
    """What falls due from --from to --until, earliest first, leaving out what the log
    already meets; obligations after each meeting need the meeting dates.

    \b
    Examples:
      corpparent obligations due -a wiltshire --from 2023-09-01 --until 2024-03-31 \\
          --meeting 2023-09-26 --meeting 2023-11-14 --meeting 2024-01-16
      corpparent obligations due -a staffordshire --from 2023-05-01 --until 2024-04-30 \\
          --log submissions.csv --ics deadlines.ics
    """
    if until < start:
        raise click.BadParameter(f"--until {until} is before --from {start}",
                                 param_hint="'--until'")
    chosen = sources.obligations()
    log: tuple[Submission, ...] = () if log_file is None else read_submissions(log_file)
    upcoming = falls_due(chosen, start=start, until=until,
                         meetings=sources.meetings(within=(start, until)),
                         events=sources.events(),
                         submissions=log)
    if upcoming.unscheduled:
        click.echo(f"note: {counted(len(upcoming.unscheduled), 'obligation')} could not be "
                   "scheduled "
                   "without meeting or event dates: give --meetings, --meeting or --event",
                   err=True)
    if ics_file is not None:
        text = to_icalendar(upcoming.due, stamp=datetime.now(UTC).replace(microsecond=0),
                            name=f"{sources.authority or 'Panel'} reporting deadlines",
                            obligations=chosen)
        write_output(text, ics_file, what="the calendar")
    report_findings(
        upcoming.findings(), out,
        title=f"Reporting obligations falling due, {start.isoformat()} to {until.isoformat()}",
        authority=sources.authority, period=None,
        inputs=_inputs(log_file, sources.meeting_file, plugin_file(sources.authority_id)),
        options={"authority": sources.authority_id, "obligations": sources.reference,
                 "from": start.isoformat(),
                 "until": until.isoformat()},
    )
