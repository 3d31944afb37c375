"""The codec of ``standing_invitees``: the names or posts invited to all meetings, not
members, a list (or a table of the fields of
`StandingInvitees`)."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.invitees import StandingInvitees

CODEC = register(FieldsCodec(rule_type_for(StandingInvitees)))
