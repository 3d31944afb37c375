"""The governance tables of a plug-in file, written: the panel's constitution, membership
and meetings as the tables `governance` reads, so a profile
written out loads back to an equal one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from corpparent.files.plugin.rules import Context, codec_for, codecs
from corpparent.governance.constitution import Constitution
from corpparent.governance.declared import rule_type_of
from corpparent.governance.meetings import MeetingKind, Meetings
from corpparent.governance.membership import Membership

__all__ = ["constitution_table", "meetings_tables", "membership_table"]


def _without_none(table: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v is not None}


def constitution_table(constitution: Constitution, ids: Mapping[str, str]) -> dict[str, Any]:
    """The ``[constitution]`` table for ``constitution``, each rule written by its rule
    type's codec; ``ids`` maps priority titles to identifiers."""
    c = constitution
    context = Context(ids=ids)
    for rule in c.rules:
        codec_for(rule)  # a rule of a type with no codec cannot be written
    table: dict[str, Any] = {"panel": c.panel}
    for codec in codecs():
        kind = codec.rule_type
        if kind.key in c.switched_off:
            table[kind.key] = False
            continue
        table[kind.key] = codec.write(tuple(r for r in c.rules if rule_type_of(r) is kind),
                                      context)
    table.update({
        "frequency_counts": (None if c.frequency_counts == (MeetingKind.FORMAL,)
                             else [k.value for k in c.frequency_counts]),
        "not_stated": [clause.value for clause in c.not_stated] or None,
        "source": c.source or None,
    })
    return _without_none(table)


def _reserve_for(names: tuple[str, ...]) -> str | list[str] | None:
    """A reserve's members as a membership file writes them: a name alone, or a list."""
    if not names:
        return None
    return names[0] if len(names) == 1 else list(names)


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
            "voting": None if m.voting else False, "reserve_for": _reserve_for(m.reserve_for),
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
        "in_public": m.in_public,
        "private_items": [_without_none({"item": i.item,
                                         "exempt_paragraph": i.exempt_paragraph})
                          for i in m.private_items] or None,
    }) for m in meetings]
