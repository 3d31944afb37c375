"""``corpparent obligations``: judge a submissions log, and list what falls due next."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, final

import attrs
import click
from attrs import frozen

from corpparent.cli.common import (
    DateType,
    Output,
    PeriodType,
    findings_document,
    output_options,
    warn,
    write_output,
)
from corpparent.cli.isolation import Outcome, UserCode, deliver, outcome, user_code
from corpparent.cli.record_owner import Owner, owner_of
from corpparent.files.panel.icalendar import to_icalendar
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.obligations import load_obligations
from corpparent.files.panel.submissions import read_submissions
from corpparent.governance.meetings import MeetingKind
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import Period
from corpparent.plugins import load_authority
from corpparent.plugins.references import plugin_file
from corpparent.profile import AuthorityProfile
from corpparent.rulesets import BeforeFirstYearError
from corpparent.runs.obligations import check_obligations, obligations_due

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

    The plug-in named by ``--authority`` is loaded by
    [`load_profile`][corpparent.plugins.loading.load_profile], afresh in each run of a command (so
    an installed or changed plug-in is always seen), where the command's work is done: in a child
    process when it is Python.
    """

    authority_id: str | None
    reference: str | None
    meeting_file: Path | None
    planned: tuple[date, ...]
    event_pairs: tuple[str, ...]
    name: str | None

    def load_profile(self) -> AuthorityProfile | None:
        """The plug-in named by ``--authority``, loaded; ``None`` when none was named."""
        return None if self.authority_id is None else load_authority(self.authority_id)

    def owner(self, profile: AuthorityProfile | None) -> Owner | None:
        """Whose disclosure record the report goes to: the plug-in's, else ``--name``'s."""
        return owner_of(profile, self.name)

    def authority(self, profile: AuthorityProfile | None) -> str | None:
        """The authority's name for the report: ``--name``, else the plug-in's."""
        if self.name is not None:
            return self.name
        return None if profile is None else profile.name

    @property
    def code(self) -> tuple[UserCode, ...]:
        """The user's Python the obligations come from, if they do."""
        return user_code(authority=self.authority_id)

    def given_obligations(self) -> ObligationSet | None:
        """The obligations file given with ``--obligations``, read; else ``None``."""
        return None if self.reference is None else _obligations(self.reference)

    def meetings(self) -> list[date] | None:
        """The meeting dates given (read from ``--meetings`` and ``--meeting``), else
        ``None``: the run then takes the plug-in's formal meetings."""
        return _meeting_dates(self.meeting_file, self.planned)

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
        if authority_id is None and obligation_ref is None:
            raise click.UsageError("give --authority (a plug-in with obligations) or "
                                   "--obligations (a .toml or .json obligations file)")
        sources = Sources(authority_id, obligation_ref, meeting_file, planned, event_pairs,
                          authority_name)
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
    checked = functools.partial(_checked, log_file, period, as_of, sources, out)
    deliver(outcome(checked, sources.code), out, "obligations check")


def _checked(log_file: Path, period: Period, as_of: date, sources: Sources,
             out: Output) -> Outcome:
    """The judged log as a report document: the part of ``check`` that runs a Python
    plug-in's code (in a child process when there is one)."""
    profile = sources.load_profile()
    try:
        run = check_obligations(read_submissions(log_file), period, as_of,
                                profile=profile,
                                obligations=sources.given_obligations(),
                                meetings=sources.meetings(), events=sources.events())
    except BeforeFirstYearError as exc:
        raise click.UsageError(str(exc)) from None
    report = findings_document(
        run.findings, out, title=run.title,
        authority=sources.authority(profile), period=period,
        inputs=_inputs(log_file, sources.meeting_file, plugin_file(sources.authority_id)),
        options={"authority": sources.authority_id, "obligations": sources.reference,
                 "as_of": as_of.isoformat()},
        owner=sources.owner(profile),
    )
    return Outcome((report,), owner=sources.owner(profile))


@obligations.command(short_help="List what falls due in a window.")
@click.option("--from", "start", type=DateType(), default=None,
              help="The first day of the window. Default: today.")
@click.option("--until", type=DateType(), required=True, help="The last day of the window.")
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A submissions log, read as it stands today: occurrences it already "
                   "meets are left out, and those due in the year before the window that "
                   "it does not show delivered are listed as overdue.")
@click.option("--ics", "ics_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the deadlines to this iCalendar (.ics) file.")
@_sources
@output_options
def due(
    start: date | None,
    until: date,
    log_file: Path | None,
    ics_file: Path | None,
    sources: Sources,
    out: Output,
) -> None:
    """What falls due from --from (default: today) to --until, earliest first, leaving
    out what the log already meets; with --log, also what fell due in the year before
    the window and the log (as it stands today) does not show delivered, judged as
    'check' judges it. Obligations after each meeting need the meeting dates.

    \b
    Examples:
      corpparent obligations due -a wiltshire --from 2023-09-01 --until 2024-03-31 \\
          --meeting 2023-09-26 --meeting 2023-11-14 --meeting 2024-01-16
      corpparent obligations due -a staffordshire --from 2023-05-01 --until 2024-04-30 \\
          --log submissions.csv --ics deadlines.ics
    """
    if start is None:
        start = date.today()
    if until < start:
        raise click.BadParameter(f"--until {until} is before --from {start}",
                                 param_hint="'--until'")
    due_ = functools.partial(_due, start, until, log_file, ics_file is not None, sources, out,
                             date.today())
    done = outcome(due_, sources.code)
    warn(done.warnings, "obligations due")
    if ics_file is not None and done.calendar is not None:
        write_output(done.calendar, ics_file, what="the calendar")
    deliver(attrs.evolve(done, warnings=()), out, "obligations due")


def _due(start: date, until: date, log_file: Path | None, calendar: bool, sources: Sources,
         out: Output, today: date) -> Outcome:
    """What falls due, as a report document and (when asked for) a calendar: the part of
    ``due`` that runs a Python plug-in's code (in a child process when there is one)."""
    profile = sources.load_profile()
    run = obligations_due(start, until, profile=profile,
                          obligations=sources.given_obligations(),
                          meetings=sources.meetings(),
                          events=sources.events(),
                          submissions=() if log_file is None else read_submissions(log_file),
                          as_of=None if log_file is None else today)
    text = None
    if calendar:
        text = to_icalendar(run.upcoming.due, stamp=datetime.now(UTC).replace(microsecond=0),
                            name=f"{sources.authority(profile) or 'Panel'} reporting deadlines",
                            obligations=run.obligations)
    report = findings_document(
        run.upcoming.findings(), out, title=run.title,
        authority=sources.authority(profile), period=None,
        inputs=_inputs(log_file, sources.meeting_file, plugin_file(sources.authority_id)),
        options={"authority": sources.authority_id, "obligations": sources.reference,
                 "from": start.isoformat(),
                 "until": until.isoformat(),
                 "log_read_on": None if log_file is None else today.isoformat()},
        owner=sources.owner(profile),
    )
    return Outcome((report,), run.warnings, calendar=text, owner=sources.owner(profile))
