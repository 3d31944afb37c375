"""The codec of ``role_seats``: seats held ex officio or by one of several office
holders, each a table of the fields of [`RoleSeat`][corpparent.governance.offices.RoleSeat]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.offices import RoleSeat

CODEC = register(FieldsCodec(rule_type_for(RoleSeat)))
