"""The codec of ``substitution_terms``: the conditions on which a substitute counts, a
table of the fields of [`SubstitutionTerms`][corpparent.governance.reserves.SubstitutionTerms]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.reserves import SubstitutionTerms

CODEC = register(FieldsCodec(rule_type_for(SubstitutionTerms)))
