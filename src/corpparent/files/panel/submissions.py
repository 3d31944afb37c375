"""The submissions log: what was sent or presented, to whom, when, covering what.

Committee officers keep this log by hand today. Each entry names the ``document``
("minutes", "six-monthly report"), the ``recipient`` ("Chairman of Children's Select
Committee"), the ``date`` it was sent or presented (``2023-01-12`` or ``12/01/2023``,
as meeting records are written), the topics it is ``covering`` (the strategic priorities
it reported on, separated by ``;`` in a CSV cell) and, where more than one meeting or
cycle could be meant, what it ``relates_to``: the date of the meeting or event, or a
period such as ``2022-23`` or ``2022-23 Q3``.

[`read_submissions`][corpparent.files.panel.submissions.read_submissions] reads a CSV or JSON log
through the shared record reader (`corpparent.files._tabular.records`) and pydantic. Every problem
in the file is collected and raised together as one [`DataError`][corpparent.errors.DataError], each
naming the file, the line (the CSV line, the header being line 1; the line a JSON key is written
on), the field, and what was expected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from corpparent.errors import DataError, PeriodError
from corpparent.files._tabular.dates import DATE_FORMS, blank_to_none, parse_date, required_date
from corpparent.files._tabular.problems import Locator, shown
from corpparent.files._tabular.records import Records, json_records, validate_records
from corpparent.files._tabular.tables import TableSource, records_of
from corpparent.obligations.submissions import Submission
from corpparent.periods import Period, parse_period

__all__ = [
    "SUBMISSION_FIELDS",
    "read_submissions",
    "submissions_from_data",
    "submissions_from_records",
]

#: The columns (CSV) or keys (JSON) of a submissions log; the first three are required.
SUBMISSION_FIELDS = ("document", "recipient", "date", "covering", "relates_to", "note")
_REQUIRED = SUBMISSION_FIELDS[:3]
_OPTIONAL = SUBMISSION_FIELDS[3:]
_DATE_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}")


class _Row(BaseModel):
    """One log entry as written in a file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    document: str
    recipient: str
    date: dt.date
    covering: tuple[str, ...] = ()
    relates_to: dt.date | str | None = None
    note: str | None = None

    @field_validator("document", "recipient", mode="before")
    @classmethod
    def _named(cls, value: object) -> object:
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {value!r}")
        if not value.strip():
            raise ValueError("is empty; a name is required")
        return value

    _date = field_validator("date", mode="before")(required_date)
    _note = field_validator("note", mode="before")(blank_to_none)

    @field_validator("covering", mode="before")
    @classmethod
    def _covering(cls, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            parts = value.split(";")
        elif isinstance(value, list | tuple):
            parts = list(value)
        else:
            raise ValueError(f"expected topics separated by ';' or a list, got {value!r}")
        topics: list[str] = []
        for part in parts:
            if not isinstance(part, str):
                raise ValueError(f"expected each topic as text, got {part!r}")
            if part.strip():
                topics.append(part.strip())
        return tuple(topics)

    @field_validator("relates_to", mode="before")
    @classmethod
    def _relates_to(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str) and _DATE_SHAPE.fullmatch(value.strip()):
            return parse_date(value)
        if not isinstance(value, str):
            raise ValueError(f"expected {DATE_FORMS} or a period, got {shown(value)}")
        try:
            parse_period(value)
        except PeriodError as exc:
            raise ValueError(
                f"expected the date of a meeting or event ({DATE_FORMS}) or a period; {exc}"
            ) from None
        return value

    def to_submission(self, source: str) -> Submission:
        relates: dt.date | Period | None
        relates = parse_period(self.relates_to) if isinstance(self.relates_to, str) else (
            self.relates_to
        )
        return Submission(
            document=self.document,
            recipient=self.recipient,
            date=self.date,
            covering=self.covering,
            relates_to=relates,
            note=self.note,
            source=source,
        )


def submissions_from_records(records: Records) -> tuple[Submission, ...]:
    """Validate a file's records (from `read_records` or
    `json_records`) into log entries; raise one
    DataError listing every problem, the header's included."""
    valid, problems = validate_records(_Row, records)
    if problems:
        raise DataError(problems)
    return tuple(row.to_submission(f"{raw.source}, line {raw.row}") for raw, row in valid)


def submissions_from_data(
    entries: Iterable[Mapping[str, object]], source: str = "submissions"
) -> tuple[Submission, ...]:
    """Log entries from decoded JSON-like data (a list of objects), each named by its
    key path (``[2].date``) in problems."""
    return submissions_from_records(json_records(list(entries), Locator(source)))


def read_submissions(path: TableSource) -> tuple[Submission, ...]:
    """Read a submissions log from a ``.csv`` file, a ``.json`` file holding a list of
    entries or ``{"submissions": [...]}`` (UTF-8, with or without a byte-order mark), an
    Excel or OpenDocument workbook, a list of dicts or a table speaking Arrow."""
    records = records_of(path, required=_REQUIRED, optional=_OPTIONAL,
                         json_key="submissions")
    return submissions_from_records(records)


def submissions_json_schema() -> dict[str, Any]:
    """The JSON Schema of one entry of a submissions log, for tools that write one."""
    return _Row.model_json_schema()
