"""The codec of ``reporting_lines``: recipients the panel reports to, each a table of the
fields of [`ReportingLine`][corpparent.governance.terms.ReportingLine]; a deadline by the next
meeting of another body is a table of that body and its meeting dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from corpparent.files.plugin.rules._codec import Context, FieldsCodec, FileModel, register
from corpparent.governance.declared import rule_type_for
from corpparent.governance.next_meeting import NextMeetingOf
from corpparent.governance.terms import ReportingLine


class NextMeetingModel(FileModel):
    """Due by the next meeting of ``body`` after the line's obligation arises."""

    body: str = Field(min_length=1, description="The body whose next meeting is the deadline.")
    meetings: list[date] = Field(default_factory=list,
                                 description="The body's meeting dates on record.")


def _read(value: Any, context: Context) -> NextMeetingOf | None:
    return None if value is None else NextMeetingOf(value.body, value.meetings)


def _write(value: Any, context: Context) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"body": value.body, "meetings": list(value.meetings)}


CODEC = register(FieldsCodec(rule_type_for(ReportingLine),
                             types={"by_next_meeting_of": NextMeetingModel | None},
                             reading={"by_next_meeting_of": _read},
                             writing={"by_next_meeting_of": _write}))
