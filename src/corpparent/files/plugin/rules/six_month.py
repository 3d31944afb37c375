"""The codec of ``[constitution.six_month_warning]``: the LGA 1972 s.85 warning, in force
unless ``false``; a table of the fields of
[`SixMonthRule`][corpparent.governance.attendance.SixMonthRule]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.attendance import SixMonthRule
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(SixMonthRule)))
