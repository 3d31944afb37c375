"""The governance tables of a plug-in file, written: the panel's constitution, membership
and meetings as the tables :mod:`~corpparent.files.plugin.governance` reads, so a profile
written out loads back to an equal one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from corpparent.errors import DefinitionError
from corpparent.files.plugin.terms import terms_table
from corpparent.findings import AllOf, AnyOf, Rule
from corpparent.governance._fractions import fraction_text
from corpparent.governance.attendance import SixMonthRule
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import MeetingKind, Meetings, Sitting
from corpparent.governance.membership import MemberClass, Membership
from corpparent.governance.quorum import Basis, ClassQuorum, MinimumPresent, Quorum

__all__ = ["constitution_table", "meetings_tables", "membership_table"]


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
            "voting_only": rule.voting_only or None,
        })
    if isinstance(rule, MinimumPresent):
        return _without_none({"minimum": rule.minimum,
                              "member_classes": _classes(rule.member_classes),
                              "source": rule.source or None,
                              "voting_only": rule.voting_only or None})
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
            "source": f.source or None, "expectation": f.expectation or None})
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
        **terms_table(c),
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
            "voting": None if m.voting else False, "reserve_for": m.reserve_for,
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
        "substitutes": [_without_none({"name": s.substitute, "for": s.replaces,
                                       "noted_at_start": s.noted_at_start,
                                       "from_item": s.from_item})
                        for s in m.substitutions] or None,
        "invited": list(m.invited) or None,
    }) for m in meetings]
