"""The codec of ``offices``: the offices that must be held, a list (or a table of the
fields of [`OfficesFilled`][corpparent.governance.composition.OfficesFilled])."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.composition import OfficesFilled
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(OfficesFilled)))
