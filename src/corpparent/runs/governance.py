"""The governance job: a panel's meetings judged against the constitution in force.

[`review_governance`][corpparent.runs.governance.review_governance] is what ``corpparent meetings``
runs: the constitution of the rule set in force for the period (chosen by the profile, carried
forward past the last year declared), or one given; the meetings and membership given, or the
profile's; every finding of quorum, frequency, attendance and composition, the reporting lines
judged from a submissions log, and the attendance register where the membership is known (its
substitutions marked by the constitution's conditions on substitutes, as quorum counts
them, and its standing invitees in rows of their own).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.findings import Finding
from corpparent.governance.constitution import Constitution
from corpparent.governance.invitees import StandingInvitees
from corpparent.governance.meetings import MeetingKind, Meetings
from corpparent.governance.membership import Membership
from corpparent.governance.panel import PanelRecord
from corpparent.governance.register import AttendanceRegister, attendance_register
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import SentItem
from corpparent.periods import Period
from corpparent.profile import AuthorityProfile
from corpparent.rulesets import YearRules
from corpparent.runs.notes import RunWarning, notes_of

__all__ = ["GovernanceRun", "review_governance"]

#: The warning of a review without the panel's membership.
_NO_MEMBERSHIP = "quorum, attendance and composition need the panel's membership"


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


@final
@frozen
class GovernanceRun:
    """A panel's governance over ``period`` as known on ``as_of``."""

    constitution: Constitution
    period: Period
    as_of: date
    findings: tuple[Finding, ...] = field(converter=_findings)
    register: AttendanceRegister | None = None
    rule_set: YearRules | None = None
    warnings: tuple[RunWarning, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.constitution.panel}: governance, {self.period}"

    @property
    def notes(self) -> tuple[str, ...]:
        """What the report says beside its findings: the rule set carried forward, and
        the warnings, each a sentence."""
        return notes_of(self.rule_set, self.warnings)


def constitution_in_force(profile: AuthorityProfile | None, period: Period | date | None,
                          ) -> tuple[Constitution | None, YearRules | None]:
    """The constitution of the profile's rule set in force for ``period`` (with that
    set), or the profile's own when it declares no years or no period is given."""
    if profile is None:
        return None, None
    rule_set = None if period is None else profile.rule_set_for(period)
    if rule_set is not None:
        return rule_set.constitution, rule_set
    return profile.constitution, None


def review_governance(
    period: Period,
    *,
    profile: AuthorityProfile | None = None,
    constitution: Constitution | None = None,
    meetings: Meetings | None = None,
    membership: Membership | None = None,
    submissions: Iterable[SentItem] | None = None,
    as_of: date | None = None,
) -> GovernanceRun:
    """Judge the panel's meetings over ``period`` as known on ``as_of`` (default: the
    period's last day). ``constitution``, ``meetings`` and ``membership`` default to the
    profile's (the constitution of the rule set in force); ``submissions`` is the log of
    what went along the constitution's reporting lines (``None``: no log)."""
    chosen, rule_set = (constitution, None) if constitution is not None else (
        constitution_in_force(profile, period))
    if chosen is None:
        raise DefinitionError("a governance review needs a constitution: an authority "
                              "profile with one, or one given")
    if meetings is None:
        if profile is None or not profile.meetings:
            raise DefinitionError("a governance review needs the panel's meetings (the "
                                  "profile has none on record)")
        meetings = profile.meetings
    if membership is None and profile is not None:
        membership = profile.membership
    day = as_of or period.end
    findings = chosen.review_period(meetings, membership, period, day)
    if chosen.reporting_lines:
        sent = None if submissions is None else tuple(submissions)
        formal = meetings.of_kind(MeetingKind.FORMAL).dates
        findings += chosen.reporting_findings(sent, period, day, formal)
    if rule_set is not None:
        findings = rule_set.named_in(findings)
    register = None if membership is None else attendance_register(PanelRecord(
        chosen.panel, membership, meetings, period.start, period.end, day),
        chosen.rule(SubstitutionTerms), chosen.rule(StandingInvitees))
    notes = () if membership is not None else (
        RunWarning(_NO_MEMBERSHIP, hint="give --membership FILE"),)
    return GovernanceRun(chosen, period, day, findings, register, rule_set, notes)
