"""A panel's terms of reference in words: every clause a constitution declares, one line
each, and every clause it leaves unstated or undeclared, as ``corpparent authorities
show`` prints them for a committee officer.

Each rule is described in the words its own findings use (a quorum part's name says
whether it counts voting members only; a role seat's name says whether it is ex officio),
with what the rule's name leaves out: seat counts, the posts named, the arithmetic of a
quorum, the cadence and its tolerance, the year meetings are counted in and its months.
A rule of a type corpparent does not know (a council's own) is described by its own
``describe()`` or name, so nothing a plug-in declares is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from corpparent.findings import AllOf, AnyOf, Rule
from corpparent.governance.attendance import AttendanceThreshold, SixMonthRule
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.composition import (
    ChairHoldsRole,
    EachMemberLeads,
    MaximumSize,
    OfficesFilled,
    PrioritiesHaveLeads,
    SubstitutesAppointed,
)
from corpparent.governance.constitution import Constitution
from corpparent.governance.declared import rule_type_of, rule_types
from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.invitees import StandingInvitees
from corpparent.governance.meetings import MeetingKind
from corpparent.governance.membership import MemberClass
from corpparent.governance.offices import OfficeHolders, RoleSeat
from corpparent.governance.public import OpenToPublic
from corpparent.governance.quorum import Basis, ClassQuorum, Quorum
from corpparent.governance.requirements import Requirement
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.seats import Seats
from corpparent.governance.subgroups import ParentPanel
from corpparent.governance.terms import Clause, ReportingLine, not_stated_finding
from corpparent.governance.years import YearKind
from corpparent.wording import counted, listed

__all__ = ["terms_lines"]

_MONTHS = {YearKind.FINANCIAL: "April to March", YearKind.MUNICIPAL: "May to April",
           YearKind.CALENDAR: "January to December"}


def _classes(classes: tuple[MemberClass, ...], conjunction: str = "and") -> str:
    return listed([c.plural for c in classes], conjunction)


def _seats(rule: Seats) -> str:
    filled = (f"{rule.member_class.counted(rule.count)}, every seat to be filled"
              if rule.exact else f"up to {rule.member_class.counted(rule.count)}")
    posts = f", in the posts: {'; '.join(rule.roles)}" if rule.roles else ""
    return filled + posts


def _max_members(rule: MaximumSize) -> str:
    among = f" among the {_classes(rule.member_classes)}" if rule.member_classes else ""
    return f"{rule.name}{among}"


def _offices(rule: OfficesFilled) -> str:
    return f"{listed([str(o) for o in rule.offices])} to be held by serving members"


def _chair_role(rule: ChairHoldsRole) -> str:
    return f"the {rule.role}"


def _priorities(rule: PrioritiesHaveLeads) -> str:
    return (f"each of {counted(len(rule.priorities), 'strategic priority', 'strategic priorities')}"
            f" to have a serving lead member: {'; '.join(rule.priorities)}")


def _priority_leads(rule: EachMemberLeads) -> str:
    return rule.name


def _substitutes(rule: SubstitutesAppointed) -> str:
    return (f"each political group with {rule.member_class.plural} to have a substitute "
            "appointed")


def _requirement(rule: Requirement) -> str:
    who = f"every one of the {_classes(rule.member_classes)}" if rule.member_classes \
        else "every member"
    renew = (f", renewed every {counted(rule.renew_every_months, 'month')}"
             if rule.renew_every_months else "")
    return f"{who} to hold: {rule.name}{renew}"


def _role_seat(rule: RoleSeat) -> str:
    among = (f", filled only by one of the {_classes(rule.member_classes, 'or')} holding "
             "the role" if rule.member_classes else "")
    return f"{rule.name}{among}"


def _office_holders(rule: OfficeHolders) -> str:
    return rule.name


def _part(rule: Rule[Any]) -> str:
    """One part of a quorum: its name's words (which members it counts), then what its
    name leaves out: the seats it is taken of and the number that gives."""
    text = rule.name.replace("quorum: ", "")
    if isinstance(rule, ClassQuorum):
        if rule.basis is Basis.SEATS and rule.seats is not None:
            text += (f", of {counted(rule.seats, 'seat')}: at least "
                     f"{rule.required(rule.seats)} present")
            if rule.stated is not None:
                text += f" (the terms state {rule.stated})"
        else:
            text += ", of the seats filled on the day"
        if rule.floor:
            text += f", and never fewer than {rule.floor}"
    return text


def _quorum(rule: Quorum) -> str:
    requirement = rule.requirement
    if isinstance(requirement, AllOf | AnyOf):
        joined = "all of" if isinstance(requirement, AllOf) else "any of"
        label = f"{requirement.label}: " if requirement.label else ""
        text = f"{label}{joined}: {'; '.join(_part(p) for p in requirement.rules)}"
    else:
        text = _part(requirement)
    return text + (f"; otherwise {rule.consequence}" if rule.consequence else "")


def _frequency(rule: MeetingFrequency) -> str:
    tolerance = (f"; a gap between meetings may run {counted(rule.tolerance_days, 'day')} "
                 "over the cadence" if rule.every_months is not None and rule.tolerance_days
                 else "")
    return (f"{rule.describe()}{tolerance}; the {rule.year} year runs "
            f"{_MONTHS[rule.year]}")


def _attendance(rule: AttendanceThreshold) -> str:
    who = f"each of the {_classes(rule.member_classes)}" if rule.member_classes \
        else "each member"
    return (f"{who} to attend at least {rule.name.removeprefix('attendance at least ')} of "
            f"the meetings they could; below it is a {rule.below}")


def _six_month(rule: SixMonthRule) -> str:
    notice = (f", and a notice {counted(rule.notice_days, 'day')} before the six months "
              "run out" if rule.notice_days else "")
    return (f"{rule.name}: a warning for any of the {_classes(rule.member_classes)} who "
            f"attend no meeting for six months{notice}")


def _substitution_terms(rule: SubstitutionTerms) -> str:
    return rule.describe()


def _balance(rule: PoliticalBalance) -> str:
    return rule.describe().removeprefix("political balance ")


def _reporting(rule: ReportingLine) -> str:
    return rule.describe()


def _invitees(rule: StandingInvitees) -> str:
    return rule.describe()


def _public(rule: OpenToPublic) -> str:
    return rule.describe()


def _parent(rule: ParentPanel) -> str:
    return rule.describe()


#: Each rule class corpparent knows: the heading of its line and its words.
_WORDS: dict[type, tuple[str, Callable[[Any], str]]] = {
    Seats: ("Seats", _seats),
    MaximumSize: ("Size", _max_members),
    OfficesFilled: ("Offices", _offices),
    ChairHoldsRole: ("Chair", _chair_role),
    PrioritiesHaveLeads: ("Priorities", _priorities),
    EachMemberLeads: ("Priority leads", _priority_leads),
    SubstitutesAppointed: ("Substitutes", _substitutes),
    Requirement: ("Requirement", _requirement),
    RoleSeat: ("Role seat", _role_seat),
    OfficeHolders: ("Office holders", _office_holders),
    PoliticalBalance: ("Political balance", _balance),
    Quorum: ("Quorum", _quorum),
    SubstitutionTerms: ("Substitution terms", _substitution_terms),
    MeetingFrequency: ("Meeting frequency", _frequency),
    AttendanceThreshold: ("Attendance", _attendance),
    StandingInvitees: ("Standing invitees", _invitees),
    OpenToPublic: ("Public access", _public),
    ParentPanel: ("Sub-group of", _parent),
    SixMonthRule: ("Six-month rule", _six_month),
    ReportingLine: ("Reporting line", _reporting),
}


def rule_line(rule: object) -> str:
    """One declared rule in words, headed by what it governs: "Seats: up to 8
    councillors". A rule of a council's own type is described by its ``describe()``, or
    else its name, under its key."""
    known = _WORDS.get(type(rule))
    if known is not None:
        heading, words = known
        return f"{heading}: {words(rule)}"
    describe = getattr(rule, "describe", None)
    text = describe() if callable(describe) else getattr(rule, "name", repr(rule))
    return f"{rule_type_of(rule).key}: {text}"


def _counting(constitution: Constitution) -> str:
    kinds = constitution.frequency_counts
    if kinds == (MeetingKind.FORMAL,):
        return "Meetings counted: formal meetings only; informal meetings do not count"
    if MeetingKind.FORMAL not in kinds:
        return f"Meetings counted: {listed([str(k) for k in kinds])} meetings only"
    return f"Meetings counted: {listed([str(k) for k in kinds])} meetings alike"


def terms_lines(constitution: Constitution) -> list[str]:
    """Every line ``show`` prints for ``constitution``: its one-line description (the
    panel, its quorum and its meeting frequency) and the source of its terms, then each
    rule it declares in review order, which meetings count, each rule in
    force by default that it switches off, each clause it says the terms do not state
    (with what is therefore not judged), and the clauses it neither declares nor says
    are unstated."""
    lines = [f"Terms of reference: {constitution.describe()}"]
    if constitution.source:
        lines.append(f"  Source: {constitution.source}")
    lines.extend(f"  {rule_line(rule)}" for rule in constitution.rules)
    lines.append(f"  {_counting(constitution)}")
    lines.extend(f"  {rule_type.key}: switched off (not applied)"
                 for rule_type in rule_types() if rule_type.key in constitution.switched_off)
    for clause in constitution.not_stated:
        text = not_stated_finding(constitution.panel, clause).explanation
        lines.append(f"  Not stated: {text}")
    declared = {rule_type_of(r).clause for r in constitution.rules}
    silent = [str(c) for c in Clause if c not in declared and c not in constitution.not_stated
              and not c.through_seats]
    if silent:
        lines.append(f"  Not declared, so not judged: {listed(silent)}")
    return lines
