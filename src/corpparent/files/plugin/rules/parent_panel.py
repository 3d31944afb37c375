"""The codec of ``parent_panel``: the panel a sub-group belongs to and that panel's
members, in the membership file's keys (a table of the fields of
`ParentPanel`)."""

from __future__ import annotations

from typing import Any

from corpparent.files.panel.membership import MemberRecord, membership_from_data
from corpparent.files.plugin.rules._codec import Context, FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.membership import Membership
from corpparent.governance.subgroups import ParentPanel


def _read(value: Any, context: Context) -> Membership:
    members = [m.model_dump(by_alias=True, exclude_none=True) for m in value]
    return membership_from_data({"members": members}, source="the parent panel's members")


def _write(value: Any, context: Context) -> list[dict[str, Any]]:
    # The membership table's writer imports the codecs, so it is imported when used.
    from corpparent.files.plugin.governance_tables import membership_table

    written: list[dict[str, Any]] = membership_table(value, {})["members"]
    return written


CODEC = register(FieldsCodec(rule_type_for(ParentPanel),
                             types={"members": list[MemberRecord]},
                             reading={"members": _read}, writing={"members": _write}))
