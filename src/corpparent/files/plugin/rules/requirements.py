"""The codec of ``[[constitution.requirements]]``: what every member must hold, each a
table of the fields of [`Requirement`][corpparent.governance.requirements.Requirement]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.requirements import Requirement

CODEC = register(FieldsCodec(rule_type_for(Requirement)))
