"""The codec of ``substitutes_for``: the class of member who must have substitutes
appointed (or a table of the fields of
[`SubstitutesAppointed`][corpparent.governance.composition.SubstitutesAppointed])."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.composition import SubstitutesAppointed
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(SubstitutesAppointed)))
