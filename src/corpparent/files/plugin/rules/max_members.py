"""The codec of ``max_members``: the most members the panel may have, a number (or a
table of the fields of [`MaximumSize`][corpparent.governance.composition.MaximumSize])."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.composition import MaximumSize
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(MaximumSize)))
