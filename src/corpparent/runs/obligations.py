"""The obligations jobs: a submissions log judged, and what falls due in a window.

[`check_obligations`][corpparent.runs.obligations.check_obligations] is what ``corpparent
obligations check`` runs and [`obligations_due`][corpparent.runs.obligations.obligations_due] what
``corpparent obligations due`` runs. The obligations and the terms' reporting lines are those of the
rule set in force for the period (chosen by the profile, carried forward past the last year
declared), unless obligations are given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.findings import Finding
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import MeetingKind
from corpparent.obligations.compliance import ObligationCheck, ReportingRecord
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.submissions import Submission
from corpparent.obligations.upcoming import Upcoming, falls_due
from corpparent.periods import Period
from corpparent.profile import AuthorityProfile
from corpparent.rulesets import YearRules
from corpparent.runs.governance import constitution_in_force
from corpparent.runs.notes import RunWarning
from corpparent.wording import counted

__all__ = ["DueRun", "ObligationsRun", "check_obligations", "obligations_due",
           "obligations_in_force"]


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


@final
@frozen
class ObligationsRun:
    """A submissions log judged for ``period`` on ``as_of``."""

    period: Period
    as_of: date
    findings: tuple[Finding, ...] = field(converter=_findings)

    @property
    def title(self) -> str:
        return f"Reporting obligations, {self.period}, as at {self.as_of.isoformat()}"


@final
@frozen
class DueRun:
    """What falls due from ``start`` to ``until``, with the obligations it was drawn
    from (for a calendar) and the warnings (obligations that could not be scheduled)."""

    start: date
    until: date
    obligations: ObligationSet
    upcoming: Upcoming
    warnings: tuple[RunWarning, ...] = ()

    @property
    def title(self) -> str:
        return (f"Reporting obligations falling due, {self.start.isoformat()} to "
                f"{self.until.isoformat()}")


def obligations_in_force(profile: AuthorityProfile | None, period: Period | date | None,
                         given: ObligationSet | None = None,
                         ) -> tuple[ObligationSet, Constitution | None]:
    """The obligations (``given``, or the profile's rule set in force for ``period``, or
    the profile's own) and the constitution whose reporting lines are judged beside them
    (none when obligations are given). None at all is a
    [`DefinitionError`][corpparent.errors.DefinitionError], unless there are reporting lines."""
    if given is not None:
        return given, None
    constitution, rule_set = constitution_in_force(profile, period)
    found = (rule_set.obligations if rule_set is not None else
             ObligationSet(()) if profile is None else profile.obligations)
    if not found and (constitution is None or not constitution.reporting_lines):
        raise DefinitionError(_none_declared(profile, rule_set))
    return found, constitution


def _meetings(profile: AuthorityProfile | None, given: Sequence[date] | None,
              within: tuple[date, date] | None = None) -> list[date] | None:
    """The meeting dates given, else the profile's formal meetings (for a window, only if
    one falls within it: a record of past meetings says nothing of those to come), else
    ``None``: no dates known, so obligations after each meeting cannot be scheduled."""
    if given is not None:
        return list(given)
    if profile is None or not profile.meetings:
        return None
    dates = list(profile.meetings.of_kind(MeetingKind.FORMAL).dates)
    if within is not None and not any(within[0] <= d <= within[1] for d in dates):
        return None
    return dates


def _none_declared(profile: AuthorityProfile | None, rule_set: YearRules | None) -> str:
    where = ("no authority profile was given" if profile is None else
             f"{profile.name}'s {rule_set.label} declares none" if rule_set is not None else
             f"{profile.name}'s profile declares none")
    return (f"no reporting obligations ({where}): give a profile with obligations, or the "
            "obligations themselves (--obligations FILE)")


def check_obligations(
    submissions: Iterable[Submission],
    period: Period,
    as_of: date,
    *,
    profile: AuthorityProfile | None = None,
    obligations: ObligationSet | None = None,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> ObligationsRun:
    """One finding per occurrence of each obligation arising in ``period`` (met, late,
    missing, incomplete, out of order, not yet due), one per reporting line of the
    terms in force, then one for each log entry that counts towards none. ``meetings``
    are the formal meeting dates (default: the profile's meetings on record)."""
    chosen, constitution = obligations_in_force(profile, period, obligations)
    record = ReportingRecord(tuple(submissions), _meetings(profile, meetings), events)
    lines = () if constitution is None else constitution.reporting_lines
    findings = ObligationCheck(chosen, period, as_of, carried_by=lines).findings(record)
    if constitution is not None and lines:
        findings += constitution.reporting_findings(record.submissions, period, as_of,
                                                    record.meetings)
    return ObligationsRun(period, as_of, findings)


def obligations_due(
    start: date,
    until: date,
    *,
    profile: AuthorityProfile | None = None,
    obligations: ObligationSet | None = None,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
    submissions: Iterable[Submission] = (),
    as_of: date | None = None,
) -> DueRun:
    """What falls due from ``start`` to ``until``, earliest first, leaving out what the
    log already meets (as it stands on ``as_of``, default ``start``), and, given
    ``as_of``, what is overdue and not delivered, as the check judges it (see
    [`falls_due`][corpparent.obligations.upcoming.falls_due]); obligations after each
    meeting need the meeting dates. The
    obligations are those of the rule set in force on ``start`` (carried forward past
    the last year declared), unless given."""
    if until < start:
        raise DefinitionError(f"the window ends ({until}) before it starts ({start})")
    chosen, _ = obligations_in_force(profile, start, obligations)
    if not chosen:  # reporting lines are never due: a window needs obligations
        raise DefinitionError(_none_declared(profile, None))
    upcoming = falls_due(chosen, start=start, until=until,
                         meetings=_meetings(profile, meetings, (start, until)), events=events,
                         submissions=submissions, as_of=as_of)
    notes = () if not upcoming.unscheduled else (RunWarning(
        f"{counted(len(upcoming.unscheduled), 'obligation')} could not be scheduled "
        "without meeting or event dates", hint="give --meetings, --meeting or --event"),)
    return DueRun(start, until, chosen, upcoming, notes)
