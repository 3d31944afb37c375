"""The codec of ``[[constitution.seats]]``: seats by class, each a table of the fields
of [`Seats`][corpparent.governance.seats.Seats]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.seats import Seats

CODEC = register(FieldsCodec(rule_type_for(Seats)))
