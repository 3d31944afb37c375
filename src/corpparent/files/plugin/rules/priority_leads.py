"""The codec of ``priority_leads_from``: the class of member who must each lead a
priority (or a table of the fields of
[`EachMemberLeads`][corpparent.governance.composition.EachMemberLeads])."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.composition import EachMemberLeads
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(EachMemberLeads)))
