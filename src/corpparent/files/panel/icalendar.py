"""What falls due, as an iCalendar file officers can load into their calendars.

Written by hand to RFC 5545, with no dependency: lines end in CRLF and are folded at 75
octets (never inside a UTF-8 character); text is escaped (backslash, semicolon, comma,
newline); each deadline is an all-day event on its due date, marked transparent so it
does not block time, with an optional reminder. The ``UID`` of an event is derived from
the obligation and the occurrence, so exporting again updates the same events in a
calendar instead of adding copies. ``DTSTAMP`` comes from the ``stamp`` passed in, never
from the clock, so the same input gives byte-for-byte the same file.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.files.writing import write_whole
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.instances import Instance
from corpparent.safe_text import BIDI_CONTROLS

__all__ = ["escape_text", "fold_line", "to_icalendar", "write_icalendar"]

_CRLF = "\r\n"
_LIMIT = 75
_UID_NAMESPACE = uuid.UUID("6f1b8f52-3a55-5d8e-9d61-0c6a0d3f4e21")
# Control characters are spaced, the Unicode line separators are line breaks, and the
# bidirectional controls (which reorder what a calendar shows) are removed: what a
# calendar shows is what the data says: no format corpparent writes passes them on raw.
_CONTROL: dict[int, str | None] = {
    **{code: " " for code in [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
       if code not in (0x0A, 0x0D)},
    0x2028: "\n", 0x2029: "\n",
    **dict.fromkeys(map(ord, BIDI_CONTROLS)),
}


def escape_text(text: str) -> str:
    """``text`` as an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon
    and comma escaped, line breaks written ``\\n``, other control characters spaced and
    bidirectional controls removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold_line(line: str) -> str:
    """One content line folded so that no physical line exceeds 75 octets of UTF-8
    (RFC 5545 §3.1): each continuation starts with a space, and no character is split."""
    pieces: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LIMIT:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return _CRLF.join(pieces)


def _stamp(stamp: datetime) -> str:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise DefinitionError("the stamp must be a timezone-aware datetime, e.g. with tzinfo=UTC")
    return stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _uid(namespace: str, instance: Instance) -> str:
    name = f"{namespace}\x1f{instance.obligation.id}\x1f{instance.key}"
    return str(uuid.uuid5(_UID_NAMESPACE, name))


def _description(instance: Instance, obligations: ObligationSet | None) -> str:
    obligation = instance.obligation
    lines = [
        f"{obligation.title}, for {instance.label}.",
        f"Recipient: {obligation.recipient}.",
        f"Arises {obligation.trigger.describe()} ({day_text(instance.trigger)}); due "
        f"{obligation.deadline.describe()}: {day_text(instance.due)}.",
    ]
    if obligation.responsible:
        lines.append(f"Responsible: {obligation.responsible}.")
    if obligation.covers:
        lines.append("Must cover: " + "; ".join(obligation.covers) + ".")
    if obligation.after:
        firsts = [
            f"the {obligations[p.obligation].document} has gone to "
            f"{obligations[p.obligation].recipient}"
            if obligations is not None and p.obligation in obligations else p.obligation
            for p in obligation.after
        ]
        lines.append("Only after " + " and ".join(firsts) + ".")
    if obligation.source:
        lines.append(f"Source: {obligation.source}")
    if obligation.note:
        lines.append(f"Note: {obligation.note}")
    return "\n".join(lines)


def to_icalendar(
    items: Iterable[Instance],
    *,
    stamp: datetime,
    name: str = "Reporting obligations",
    namespace: str = "corpparent",
    remind_days: int | None = 7,
    obligations: ObligationSet | None = None,
) -> str:
    """An iCalendar (``.ics``) text with one all-day event per occurrence, on its due date.

    ``stamp`` (timezone-aware) is written as every event's ``DTSTAMP``; ``namespace``
    (say, the authority's identifier) keeps UIDs apart between authorities;
    ``remind_days`` adds a reminder that many days before (``None`` for none); with
    ``obligations``, an event names what must happen first in words, not identifiers.
    """
    if remind_days is not None and remind_days < 0:
        raise DefinitionError(f"remind_days must be >= 0, got {remind_days}")
    dtstamp = _stamp(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//corpparent//Reporting obligations//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for instance in items:
        obligation = instance.obligation
        summary = f"Due: {obligation.title} ({instance.label})"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(namespace, instance)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{instance.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{instance.due + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(_description(instance, obligations))}",
            "TRANSP:TRANSPARENT",
        ]
        if remind_days is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(summary)}",
                f"TRIGGER:-P{remind_days}D",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + _CRLF for line in lines)


def write_icalendar(
    path: str | os.PathLike[str],
    items: Iterable[Instance],
    *,
    stamp: datetime,
    name: str = "Reporting obligations",
    namespace: str = "corpparent",
    remind_days: int | None = 7,
    obligations: ObligationSet | None = None,
) -> Path:
    """Write [`to_icalendar`][corpparent.files.panel.icalendar.to_icalendar] to ``path`` as UTF-8
    bytes (CRLF kept on every platform), whole or not at all (`write_whole`), and
    return the path."""
    text = to_icalendar(items, stamp=stamp, name=name, namespace=namespace,
                        remind_days=remind_days, obligations=obligations)
    return write_whole(path, text, what="the calendar")
