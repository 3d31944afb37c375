"""The codec of ``office_holders``: the classes of member who may hold an office, each
a table of the fields of [`OfficeHolders`][corpparent.governance.offices.OfficeHolders]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.offices import OfficeHolders

CODEC = register(FieldsCodec(rule_type_for(OfficeHolders)))
