"""The governance tables of a plug-in file: the panel's constitution, membership and meetings.

``[constitution]`` holds what the terms of reference require, as a
:class:`~corpparent.governance.Constitution`: seats by class, offices, the role the chair
must hold, priorities and who must lead them, requirements such as training, the
quorum, the meeting frequency and an attendance threshold. ``[membership]`` and
``[[meetings]]`` use the governance file formats (see
:func:`~corpparent.files.panel.membership.membership_from_data` and
:func:`~corpparent.files.panel.meetings.meetings_from_data`), so a membership or meetings JSON file
and a plug-in file hold the same keys.

A quorum is ``all`` (or ``any``) of its ``parts``, each a fraction of a class of members
(``{member_class = "core councillor", fraction = "75%", seats = 8}``) or a minimum
number present (``{minimum = 3}``). Deeper combinations need a plug-in written in Python.

Constitution priorities and membership leads may name a priority by its ``[[priorities]]``
identifier; it is read as that priority's title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from corpparent.files._tabular.problems import Attempts
from corpparent.files.panel.meetings import meetings_from_data
from corpparent.files.panel.membership import membership_from_data
from corpparent.files.plugin.terms import TermsFields, build_terms
from corpparent.findings import AllOf, AnyOf, Rule, Status
from corpparent.governance.attendance import AttendanceThreshold, SixMonthRule
from corpparent.governance.constitution import Constitution, Seats
from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.meetings import MeetingKind, Meetings, Sitting
from corpparent.governance.membership import MemberClass, Membership, Office
from corpparent.governance.quorum import Basis, ClassQuorum, MinimumPresent, Quorum
from corpparent.governance.requirements import Requirement
from corpparent.governance.years import YearKind

__all__ = [
    "ConstitutionModel",
    "build_constitution",
    "build_meetings",
    "build_membership",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeatsModel(_Model):
    """Seats for one class of member (001 §3: "up to 8 Core Members")."""

    member_class: MemberClass
    count: int = Field(ge=1)
    roles: list[str] = Field(default_factory=list, description="Posts that fill the seats.")
    exact: bool = Field(False, description="All seats should be filled, not 'up to'.")


class RequirementModel(_Model):
    """A requirement every member (of the classes named) must meet."""

    name: str = Field(min_length=1)
    member_classes: list[MemberClass] = Field(default_factory=list)
    renew_every_months: int | None = Field(None, ge=1)
    source: str = ""


class ClassQuorumModel(_Model):
    """At least ``fraction`` of a class of members present, rounded up."""

    member_class: MemberClass
    fraction: str | float = Field(description="e.g. '75%', '3/4' or 0.75")
    seats: int | None = Field(None, ge=1)
    basis: Basis = Basis.SEATS
    floor: int = Field(0, ge=0)
    stated: int | None = Field(None, ge=1, description="The number the text states, checked.")
    source: str = ""
    voting_only: bool = Field(False, description="Count voting members only.")


class MinimumPresentModel(_Model):
    """At least ``minimum`` members present (of the classes named, or of all)."""

    minimum: int = Field(ge=1)
    member_classes: list[MemberClass] = Field(default_factory=list)
    source: str = ""
    voting_only: bool = Field(False, description="Count voting members only.")


class QuorumModel(_Model):
    """``all`` (or ``any``) of the parts must be met for the meeting to be quorate."""

    combine: Literal["all", "any"] = "all"
    parts: list[ClassQuorumModel | MinimumPresentModel] = Field(min_length=1)
    label: str | None = None
    consequence: str | None = Field(None, description="What the constitution says follows.")
    source: str = ""


class FrequencyModel(_Model):
    """How often the panel must meet."""

    every_months: int | None = Field(None, ge=1)
    tolerance_days: int = Field(0, ge=0)
    minimum_per_year: int | None = Field(None, ge=1)
    year: YearKind = YearKind.FINANCIAL
    source: str = ""
    expectation: bool = Field(
        False, description="The terms say what is usual ('usually meets six times a year'), "
        "not a minimum: falling short warns.")


class AttendanceModel(_Model):
    """A minimum share of possible meetings each member should attend."""

    minimum: str | float
    member_classes: list[MemberClass] = Field(default_factory=list)
    below: Literal["warning", "breached"] = "warning"
    source: str = ""


class SixMonthModel(_Model):
    """The LGA 1972 s.85 six-month warning (on by default)."""

    member_classes: list[MemberClass] = Field(
        default_factory=lambda: [MemberClass.CORE_COUNCILLOR, MemberClass.SUBSTITUTE])
    notice_days: int = Field(0, ge=0)
    source: str = "Local Government Act 1972 s.85(1)"


class ConstitutionModel(TermsFields):
    """The ``[constitution]`` table: what the panel's terms of reference require."""

    panel: str = Field(min_length=1)
    seats: list[SeatsModel] = Field(default_factory=list)
    max_members: int | None = Field(None, ge=1)
    offices: list[Office] = Field(default_factory=list)
    chair_role: str | None = None
    priorities: list[str] = Field(
        default_factory=list, description="Priority identifiers or titles every lead covers.")
    priority_leads_from: MemberClass | None = None
    substitutes_for: MemberClass | None = None
    requirements: list[RequirementModel] = Field(default_factory=list)
    quorum: QuorumModel | None = None
    frequency: FrequencyModel | None = None
    frequency_counts: list[MeetingKind] = Field(default_factory=lambda: [MeetingKind.FORMAL])
    attendance: AttendanceModel | None = None
    six_month_warning: SixMonthModel | Literal[False] = Field(
        default_factory=SixMonthModel, description="false turns the s.85 warning off.")
    source: str = ""


# --- reading --------------------------------------------------------------------------


def _part(model: ClassQuorumModel | MinimumPresentModel) -> Rule[Sitting]:
    if isinstance(model, MinimumPresentModel):
        return MinimumPresent(model.minimum, tuple(model.member_classes), source=model.source,
                              voting_only=model.voting_only)
    return ClassQuorum(model.member_class, model.fraction, model.seats, model.basis,
                       model.floor, model.stated, source=model.source,
                       voting_only=model.voting_only)


def _quorum(model: QuorumModel, where: Sequence[str | int], attempt: Attempts
            ) -> Quorum | None:
    built = [attempt((*where, "parts", index), partial(_part, part))
             for index, part in enumerate(model.parts)]
    parts = [part for part in built if part is not None]
    if len(parts) != len(model.parts):
        return None
    requirement: Rule[Sitting]
    if len(parts) == 1 and model.label is None:
        requirement = parts[0]
    elif model.combine == "all":
        requirement = AllOf(tuple(parts), model.label)
    else:
        requirement = AnyOf(tuple(parts), model.label)
    return Quorum(requirement, model.consequence, source=model.source)


def build_constitution(model: ConstitutionModel, titles: Mapping[str, str],
                       attempt: Attempts,
                       where: tuple[str | int, ...] = ("constitution",)) -> Constitution | None:
    """The constitution ``model`` declares at key path ``where``; each problem is placed
    by ``attempt``."""
    failed = attempt.failed
    seats = [attempt((*where, "seats", i), partial(Seats, s.member_class, s.count,
                                                   tuple(s.roles), s.exact))
             for i, s in enumerate(model.seats)]
    requirements = [
        attempt((*where, "requirements", i), partial(
            Requirement, r.name, tuple(r.member_classes), r.renew_every_months,
            source=r.source))
        for i, r in enumerate(model.requirements)
    ]
    quorum = None if model.quorum is None else _quorum(model.quorum, (*where, "quorum"),
                                                       attempt)
    frequency = attendance = six_month = None
    if model.frequency is not None:
        f = model.frequency
        frequency = attempt((*where, "frequency"), partial(
            MeetingFrequency, f.every_months, f.tolerance_days, f.minimum_per_year, f.year,
            source=f.source, expectation=f.expectation))
    if model.attendance is not None:
        a = model.attendance
        attendance = attempt((*where, "attendance"), partial(
            AttendanceThreshold, a.minimum, tuple(a.member_classes), Status(a.below),
            source=a.source))
    if model.six_month_warning is not False:
        six = model.six_month_warning
        six_month = attempt((*where, "six_month_warning"), partial(
            SixMonthRule, tuple(six.member_classes), six.notice_days, source=six.source))
    terms = build_terms(model, attempt, where)
    if (attempt.failed > failed or terms is None
            or (model.quorum is not None and quorum is None)):
        return None
    return attempt(where, partial(
        Constitution,
        panel=model.panel,
        seats=tuple(s for s in seats if s is not None),
        max_members=model.max_members,
        offices=tuple(model.offices),
        chair_role=model.chair_role,
        priorities=tuple(titles.get(p, p) for p in model.priorities),
        priority_leads_from=model.priority_leads_from,
        substitutes_for=model.substitutes_for,
        requirements=tuple(r for r in requirements if r is not None),
        quorum=quorum,
        frequency=frequency,
        frequency_counts=tuple(model.frequency_counts),
        attendance=attendance,
        six_month_warning=six_month,
        source=model.source,
        **terms,
    ))


def build_membership(raw: Mapping[str, Any], titles: Mapping[str, str],
                     attempt: Attempts) -> Membership | None:
    """The membership of the ``[membership]`` table, read by the membership reader; its
    problems are placed by ``attempt`` (on the plug-in file's lines)."""
    data = dict(raw)
    data["leads"] = [{**lead, "priority": titles.get(lead.get("priority"), lead.get("priority"))}
                     for lead in raw.get("leads", [])]
    where = attempt.where
    return attempt(("membership",), partial(
        membership_from_data, data, source=where.source, where=where.under("membership")))


def build_meetings(raw: Sequence[Mapping[str, Any]], attempt: Attempts) -> Meetings | None:
    """The meetings of the ``[[meetings]]`` tables, read by the meetings reader; its
    problems are placed by ``attempt`` (on the plug-in file's lines)."""
    where = attempt.where
    return attempt(("meetings",), partial(
        meetings_from_data, list(raw), source=where.source, where=where.under("meetings")))
