"""The codec of ``[constitution.frequency]``: how often the panel must meet, a table of
the fields of [`MeetingFrequency`][corpparent.governance.frequency.MeetingFrequency]."""

from __future__ import annotations

from corpparent.files.plugin.rules._codec import FieldsCodec, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.frequency import MeetingFrequency

CODEC = register(FieldsCodec(rule_type_for(MeetingFrequency)))
