"""The codec of ``chair_role``: the role the chair must hold, a text (or a table of the
fields of [`ChairHoldsRole`][corpparent.governance.composition.ChairHoldsRole])."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.composition import ChairHoldsRole
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(ChairHoldsRole)))
