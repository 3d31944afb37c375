"""The iCalendar export: RFC 5545 line endings, folding, escaping, stable UIDs."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from authority_data import built_in_obligations
from corpparent.errors import DefinitionError
from corpparent.files.panel.icalendar import (
    escape_text,
    fold_line,
    to_icalendar,
    write_icalendar,
)
from corpparent.obligations.instances import Instance
from corpparent.obligations.upcoming import falls_due
from corpparent.safe_text import BIDI_CONTROLS

STAMP = datetime(2023, 7, 1, 9, 30, tzinfo=UTC)
PLANNED = [date(2023, 9, 26), date(2023, 11, 14)]


def upcoming() -> tuple[Instance, ...]:
    return falls_due(built_in_obligations("wiltshire"), start=date(2023, 7, 1),
                     until=date(2024, 7, 31), meetings=PLANNED).due


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def properties(text: str) -> list[dict[str, str]]:
    """Each VEVENT's properties, name (with parameters) to value."""
    events: list[dict[str, str]] = []
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and not line.startswith(("BEGIN:", "END:")):
            name, value = line.split(":", 1)
            events[-1].setdefault(name, value)
    return events


def test_every_line_ends_in_crlf_and_fits_in_75_octets() -> None:
    text = to_icalendar(upcoming(), stamp=STAMP)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_one_all_day_event_per_deadline_on_its_due_date() -> None:
    items = upcoming()
    events = properties(to_icalendar(items, stamp=STAMP,
                                      obligations=built_in_obligations("wiltshire")))
    assert len(events) == len(items)
    councils = [e for e in events if "Annual report to Full Council" in e["SUMMARY"]]
    # "scheduled for the July meetings of Council" (002, Executive Summary): the reports
    # on 2022-23 and 2023-24 are due by the end of July 2023 and July 2024.
    assert [e["DTSTART;VALUE=DATE"] for e in councils] == ["20230731", "20240731"]
    council = councils[0]
    assert council["DTEND;VALUE=DATE"] == "20230801"
    assert council["SUMMARY"] == "Due: Annual report to Full Council (2022-23)"
    assert council["DTSTAMP"] == "20230701T093000Z"
    assert ("Only after the annual report has gone to Children's Select Committee."
            in unescape(council["DESCRIPTION"]))
    bare = properties(to_icalendar(items, stamp=STAMP))
    assert "Only after annual-report-select." in unescape(bare[events.index(council)]
                                                           ["DESCRIPTION"])
    six = next(e for e in events if e["SUMMARY"].startswith("Due: Six-monthly"))
    assert "Must cover: corporate parenting role\\; permanency" in six["DESCRIPTION"]


def test_uids_are_stable_and_distinct() -> None:
    first = properties(to_icalendar(upcoming(), stamp=STAMP))
    again = properties(to_icalendar(upcoming(), stamp=STAMP + timedelta(days=3)))
    assert [e["UID"] for e in first] == [e["UID"] for e in again]
    assert len({e["UID"] for e in first}) == len(first)
    other = properties(to_icalendar(upcoming(), stamp=STAMP, namespace="staffordshire"))
    assert not {e["UID"] for e in first} & {e["UID"] for e in other}


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    path = write_icalendar(tmp_path / "due.ics", upcoming(), stamp=STAMP)
    assert path.read_bytes() == to_icalendar(upcoming(), stamp=STAMP).encode("utf-8")
    assert b"\r\n" in path.read_bytes()


def test_a_reminder_is_added_unless_turned_off() -> None:
    assert "TRIGGER:-P7D" in to_icalendar(upcoming(), stamp=STAMP)
    assert "VALARM" not in to_icalendar(upcoming(), stamp=STAMP, remind_days=None)
    with pytest.raises(DefinitionError, match="remind_days"):
        to_icalendar(upcoming(), stamp=STAMP, remind_days=-1)


def test_the_stamp_must_be_timezone_aware() -> None:
    with pytest.raises(DefinitionError, match="timezone-aware"):
        to_icalendar(upcoming(), stamp=datetime(2023, 7, 1))
    east = timezone(timedelta(hours=1))
    assert "DTSTAMP:20230701T083000Z" in to_icalendar(
        upcoming(), stamp=datetime(2023, 7, 1, 9, 30, tzinfo=east))


def test_an_empty_calendar_is_still_a_calendar() -> None:
    text = to_icalendar((), stamp=STAMP, name="Nothing due")
    assert unfold(text) == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//corpparent//Reporting obligations//EN",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "NAME:Nothing due",
        "X-WR-CALNAME:Nothing due", "END:VCALENDAR"]


def test_text_escaping_follows_rfc_5545() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("line\r\nbreak\rhere") == "line\\nbreak\\nhere"
    assert escape_text("bell\x07") == "bell "


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_folding_keeps_lines_short_and_unfolds_to_the_original(line: str) -> None:
    line = line.replace("\r", "").replace("\n", "")
    folded = fold_line(line)
    for physical in folded.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200))
def test_escaped_text_unescapes_to_the_original(text: str) -> None:
    escaped = escape_text(text)
    assert not re.search(r"(?<!\\)(?:\\\\)*[,;]", escaped.replace("\\,", "").replace("\\;", ""))
    assert unescape(escaped) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_no_control_or_bidirectional_character_reaches_the_calendar(text: str) -> None:
    """Controls but tab (which RFC 5545 allows) are spaced and the bidirectional
    controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) removed, so a calendar shows
    the text as the data has it."""
    escaped = escape_text(text)
    assert not [c for c in escaped if c in BIDI_CONTROLS or c in "\u2028\u2029"
                or (unicodedata.category(c) == "Cc" and c != "\t")]
    assert escape_text("Due: \u202eLAC\u202c review\u200f") == "Due: LAC review"
