"""The governance tables of a plug-in file: the panel's constitution, membership and meetings.

``[constitution]`` holds what the terms of reference require, as a
:class:`~corpparent.governance.Constitution`: seats by class, offices, the role the chair
must hold, priorities and who must lead them, requirements such as training, the
quorum, the meeting frequency and an attendance threshold. ``[membership]`` and
``[[meetings]]`` use the governance file formats (see
:func:`~corpparent.governance.membership_from_data` and
:func:`~corpparent.governance.meetings_from_data`), so a membership or meetings JSON file
and a plug-in file hold the same keys.

A quorum is ``all`` (or ``any``) of its ``parts``, each a fraction of a class of members
(``{member_class = "core councillor", fraction = "75%", seats = 8}``) or a minimum
number present (``{minimum = 3}``). Deeper combinations need a plug-in written in Python.

Constitution priorities and membership leads may name a priority by its ``[[priorities]]``
identifier; it is read as that priority's title.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from corpparent.errors import DataError, DefinitionError
from corpparent.files.meetings import meetings_from_data
from corpparent.files.membership import membership_from_data
from corpparent.findings import AllOf, AnyOf, Rule, Status
from corpparent.governance._fractions import fraction_text
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
    "constitution_table",
    "meetings_tables",
    "membership_table",
]

Locate = Callable[[Sequence[str | int], str], None]


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


class MinimumPresentModel(_Model):
    """At least ``minimum`` members present (of the classes named, or of all)."""

    minimum: int = Field(ge=1)
    member_classes: list[MemberClass] = Field(default_factory=list)
    source: str = ""


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


class ConstitutionModel(_Model):
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
        return MinimumPresent(model.minimum, tuple(model.member_classes), source=model.source)
    return ClassQuorum(model.member_class, model.fraction, model.seats, model.basis,
                       model.floor, model.stated, source=model.source)


def _quorum(model: QuorumModel, where: Sequence[str | int], add: Locate) -> Quorum | None:
    parts: list[Rule[Sitting]] = []
    for index, part in enumerate(model.parts):
        try:
            parts.append(_part(part))
        except DefinitionError as exc:
            add((*where, "parts", index), str(exc))
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


_T = TypeVar("_T")


class _Attempts:
    """Builds objects, sending each definition error to its place in the file."""

    def __init__(self, add: Locate) -> None:
        self.add = add
        self.failed = 0

    def __call__(self, path: Sequence[str | int], build: Callable[[], _T]) -> _T | None:
        try:
            return build()
        except DefinitionError as exc:
            self.failed += 1
            self.add(path, str(exc))
            return None


def build_constitution(model: ConstitutionModel, titles: Mapping[str, str],
                       add: Locate) -> Constitution | None:
    """The constitution ``model`` declares; problems go to ``add(path, message)``."""
    where: tuple[str, ...] = ("constitution",)
    attempt = _Attempts(add)
    seats = [attempt((*where, "seats", i), partial(Seats, s.member_class, s.count,
                                                   tuple(s.roles), s.exact))
             for i, s in enumerate(model.seats)]
    requirements = [
        attempt((*where, "requirements", i), partial(
            Requirement, r.name, tuple(r.member_classes), r.renew_every_months,
            source=r.source))
        for i, r in enumerate(model.requirements)
    ]
    quorum = None if model.quorum is None else _quorum(model.quorum, (*where, "quorum"), add)
    frequency = attendance = six_month = None
    if model.frequency is not None:
        f = model.frequency
        frequency = attempt((*where, "frequency"), partial(
            MeetingFrequency, f.every_months, f.tolerance_days, f.minimum_per_year, f.year,
            source=f.source))
    if model.attendance is not None:
        a = model.attendance
        attendance = attempt((*where, "attendance"), partial(
            AttendanceThreshold, a.minimum, tuple(a.member_classes), Status(a.below),
            source=a.source))
    if model.six_month_warning is not False:
        six = model.six_month_warning
        six_month = attempt((*where, "six_month_warning"), partial(
            SixMonthRule, tuple(six.member_classes), six.notice_days, source=six.source))
    if attempt.failed or (model.quorum is not None and quorum is None):
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
    ))


def _located(error: DataError, prefix: Sequence[str | int], add: Locate,
             rows_under: str | None = None) -> None:
    """The problems of a governance reader, placed under ``prefix`` in the file."""
    for problem in error.problems:
        parts: list[str | int] = [int(p) if p.isdigit() else p
                                  for p in (problem.field or "").split(".") if p]
        if problem.row is not None:
            index = problem.row - 1  # the readers number records from 1
            if parts and parts[0] == "leads":
                parts = ["leads", index, *parts[1:]]
            else:
                parts = [*([rows_under] if rows_under else []), index, *parts]
        add((*prefix, *parts), problem.message)


def build_membership(raw: Mapping[str, Any], titles: Mapping[str, str], source: str,
                     add: Locate) -> Membership | None:
    """The membership of the ``[membership]`` table, read by the governance reader."""
    data = dict(raw)
    data["leads"] = [{**lead, "priority": titles.get(lead.get("priority"), lead.get("priority"))}
                     for lead in raw.get("leads", [])]
    try:
        return membership_from_data(data, source=source)
    except DataError as exc:
        _located(exc, ("membership",), add, rows_under="members")
        return None


def build_meetings(raw: Sequence[Mapping[str, Any]], source: str, add: Locate
                   ) -> Meetings | None:
    """The meetings of the ``[[meetings]]`` tables, read by the governance reader."""
    try:
        return meetings_from_data(list(raw), source=source)
    except DataError as exc:
        _located(exc, ("meetings",), add)
        return None


# --- writing --------------------------------------------------------------------------


def _without_none(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v is not None}


def _classes(values: Sequence[MemberClass]) -> list[str] | None:
    return [c.value for c in values] or None


def _part_table(rule: Rule[Sitting]) -> dict[str, Any]:
    if isinstance(rule, ClassQuorum):
        return _without_none({
            "member_class": rule.member_class.value, "fraction": fraction_text(rule.fraction),
            "seats": rule.seats, "basis": None if rule.basis is Basis.SEATS else rule.basis.value,
            "floor": rule.floor or None, "stated": rule.stated, "source": rule.source or None,
        })
    if isinstance(rule, MinimumPresent):
        return _without_none({"minimum": rule.minimum,
                              "member_classes": _classes(rule.member_classes),
                              "source": rule.source or None})
    raise DefinitionError(f"a quorum part {type(rule).__name__} cannot be written in a plug-in "
                          "file; write the plug-in in Python")


def _quorum_table(quorum: Quorum) -> dict[str, Any]:
    requirement = quorum.requirement
    if isinstance(requirement, (AllOf, AnyOf)):
        combine = "all" if isinstance(requirement, AllOf) else "any"
        parts, label = requirement.rules, requirement.label
    else:
        combine, parts, label = "all", (requirement,), None
    return _without_none({
        "combine": combine, "parts": [_part_table(p) for p in parts], "label": label,
        "consequence": quorum.consequence, "source": quorum.source or None,
    })


def constitution_table(constitution: Constitution, ids: Mapping[str, str]) -> dict[str, Any]:
    """The ``[constitution]`` table for ``constitution``; ``ids`` maps priority titles to
    identifiers."""
    c = constitution
    six = c.six_month_warning
    default_six = SixMonthRule()
    six_value: Any = False
    if six is not None:
        six_value = _without_none({
            "member_classes": [m.value for m in six.member_classes],
            "notice_days": six.notice_days, "source": six.source,
        })
        if six == default_six and six.source == default_six.source:
            six_value = None
    frequency = attendance = None
    if c.frequency is not None:
        f = c.frequency
        frequency = _without_none({
            "every_months": f.every_months, "tolerance_days": f.tolerance_days,
            "minimum_per_year": f.minimum_per_year, "year": f.year.value,
            "source": f.source or None})
    if c.attendance is not None:
        a = c.attendance
        attendance = _without_none({
            "minimum": fraction_text(a.minimum), "member_classes": _classes(a.member_classes),
            "below": a.below.value, "source": a.source or None})
    return _without_none({
        "panel": c.panel,
        "seats": [_without_none({"member_class": s.member_class.value, "count": s.count,
                                 "roles": list(s.roles) or None, "exact": s.exact or None})
                  for s in c.seats] or None,
        "max_members": c.max_members,
        "offices": [o.value for o in c.offices] or None,
        "chair_role": c.chair_role,
        "priorities": [ids.get(p, p) for p in c.priorities] or None,
        "priority_leads_from": c.priority_leads_from.value if c.priority_leads_from else None,
        "substitutes_for": c.substitutes_for.value if c.substitutes_for else None,
        "requirements": [_without_none({
            "name": r.name, "member_classes": _classes(r.member_classes),
            "renew_every_months": r.renew_every_months, "source": r.source or None,
        }) for r in c.requirements] or None,
        "quorum": None if c.quorum is None else _quorum_table(c.quorum),
        "frequency": frequency,
        "frequency_counts": (None if c.frequency_counts == (MeetingKind.FORMAL,)
                             else [k.value for k in c.frequency_counts]),
        "attendance": attendance,
        "six_month_warning": six_value,
        "source": c.source or None,
    })


def membership_table(membership: Membership, ids: Mapping[str, str]) -> dict[str, Any]:
    """The ``[membership]`` table in the membership file's keys."""
    members = []
    for m in membership.members:
        credentials = None if m.credentials is None else [
            _without_none({"name": c.name, "completed": c.completed, "expires": c.expires})
            for c in m.credentials]
        members.append(_without_none({
            "name": m.name, "class": m.member_class.value, "role": m.role, "group": m.group,
            "joined": m.joined, "left": m.left,
            "office": m.office.value if m.office else None, "credentials": credentials,
        }))
    leads = [_without_none({"priority": ids.get(lead.priority, lead.priority),
                            "member": lead.member, "officer": lead.officer})
             for lead in membership.leads]
    return _without_none({"members": members, "leads": leads or None})


def meetings_tables(meetings: Meetings) -> list[dict[str, Any]]:
    """One ``[[meetings]]`` table per meeting, in the meetings file's keys."""
    return [_without_none({
        "date": m.held_on,
        "kind": None if m.kind is MeetingKind.FORMAL else m.kind.value,
        "title": m.title,
        "present": None if m.present is None else list(m.present),
        "apologies": list(m.apologies) or None,
        "substitutes": [{"name": s.substitute, "for": s.replaces}
                        for s in m.substitutions] or None,
    }) for m in meetings]
