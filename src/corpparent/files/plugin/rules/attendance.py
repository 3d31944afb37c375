"""The codec of ``[constitution.attendance]``: the share of meetings each member should
attend, a table of the fields of
[`AttendanceThreshold`][corpparent.governance.attendance.AttendanceThreshold], its minimum written
as "75%", "3/4" or 0.75 and falling below it a warning or a breach."""

from __future__ import annotations

from typing import Literal

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.attendance import AttendanceThreshold
from corpparent.governance.declared import rule_type_for

CODEC = register(FieldsCodec(rule_type_for(AttendanceThreshold), types={
    "minimum": str | float, "below": Literal["warning", "breached"]}))
