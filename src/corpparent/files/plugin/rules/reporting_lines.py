"""The codec of ``reporting_lines``: recipients the panel reports to with no deadline,
each a table of the fields of [`ReportingLine`][corpparent.governance.terms.ReportingLine]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.terms import ReportingLine

CODEC = register(FieldsCodec(rule_type_for(ReportingLine)))
