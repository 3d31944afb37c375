"""How a status is shown to a reader: a word and a symbol, never colour alone.

Every renderer writes both, so a report printed in black and white, read by a screen
reader, or read by someone who does not tell red from green says the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import MappingProxyType
from typing import Final

from corpparent.families import RuleFamily
from corpparent.findings import Status
from corpparent.ranges import Travel
from corpparent.report.parts import FindingOut

__all__ = [
    "ATTENTION",
    "FINDING_SECTIONS",
    "NOT_JUDGED",
    "NOT_JUDGED_LABEL",
    "QUESTIONS_LABEL",
    "REGISTER_SYMBOLS",
    "STATUS_ORDER",
    "STATUS_SYMBOLS",
    "STATUS_WORDS",
    "SUMMARY_ORDER",
    "TRAVEL_SYMBOLS",
    "finding_label",
    "finding_sections",
    "meeting_heading",
    "register_key",
    "status_key",
    "status_label",
    "travel_cell",
    "travel_label",
    "travel_of",
]

#: The heading of an exception's questions ([`corpparent.questions`][corpparent.questions]), in
#: every format.
QUESTIONS_LABEL: Final = "Questions the panel may ask"

#: One symbol per status, each a distinct shape.
STATUS_SYMBOLS: Final = MappingProxyType(
    {
        Status.BREACHED: "✗",
        Status.WARNING: "!",
        Status.INSUFFICIENT_DATA: "?",
        Status.NOT_YET_DUE: "…",
        Status.MET: "✓",
        Status.EXCEEDED: "★",
    }
)

#: The words a councillor reads for each status.
STATUS_WORDS: Final = MappingProxyType(
    {
        Status.BREACHED: "Breached",
        Status.WARNING: "Warning",
        Status.INSUFFICIENT_DATA: "Insufficient data",
        Status.NOT_YET_DUE: "Not yet due",
        Status.MET: "Met",
        Status.EXCEEDED: "Better than expected",
    }
)

#: Most severe first, as [`corpparent.findings.worst`][corpparent.findings.worst] ranks them: the
#: order of summaries and legends.
STATUS_ORDER: Final = (
    Status.BREACHED,
    Status.INSUFFICIENT_DATA,
    Status.WARNING,
    Status.NOT_YET_DUE,
    Status.MET,
    Status.EXCEEDED,
)


#: An indicator with nothing to be judged against (no expected range, no target, no
#: earlier value) has no headline status; it is shown so, never as a failure.
NOT_JUDGED: Final = "not judged"
NOT_JUDGED_LABEL: Final = "– Not judged"
#: The order of a summary's entries: the statuses, then indicators not judged.
SUMMARY_ORDER: Final = (*STATUS_ORDER, None)


def status_key(status: Status | None) -> str:
    """The key of a status in a summary: its value, or ``'not judged'``."""
    return NOT_JUDGED if status is None else status.value


def status_label(status: Status | None) -> str:
    """Symbol and word together: ``'✗ Breached'``; ``'– Not judged'`` for none."""
    if status is None:
        return NOT_JUDGED_LABEL
    return f"{STATUS_SYMBOLS[status]} {STATUS_WORDS[status]}"


#: Direction of travel: an arrow for each [`Travel`][corpparent.ranges.Travel].
TRAVEL_SYMBOLS: Final = MappingProxyType(
    {
        Travel.IMPROVED: "▲",
        Travel.WORSENED: "▼",
        Travel.NO_CHANGE: "=",
        Travel.ROSE: "↑",
        Travel.FELL: "↓",
    }
)


def travel_of(finding: FindingOut) -> Travel | None:
    """The direction of travel of a travel finding that could be judged, else ``None``.

    A report carries outcomes as text; this is the one place a renderer reads one back
    as a [`Travel`][corpparent.ranges.Travel], and only for a finding of a travel family.
    """
    if not finding.family.is_travel or finding.status is Status.INSUFFICIENT_DATA:
        return None
    return None if finding.outcome is None else Travel(finding.outcome)


def travel_label(finding: FindingOut) -> str:
    """``'▲ improved'`` for a travel finding that could be judged; otherwise its outcome
    in words (``'insufficient data'``), or ``'–'`` when it has none."""
    travel = travel_of(finding)
    if travel is None:
        return finding.outcome or "–"
    return f"{TRAVEL_SYMBOLS[travel]} {travel.value}"


def travel_cell(findings: Sequence[FindingOut], family: RuleFamily) -> str:
    """The direction of travel of the first finding of ``family`` (``'▲ improved'``),
    or ``'–'`` when there is none."""
    found = next((f for f in findings if f.family is family), None)
    return "–" if found is None else travel_label(found)


def finding_label(finding: FindingOut) -> str:
    """How a finding is headed: its direction of travel for a travel finding that
    could be judged, otherwise its status."""
    travel = travel_of(finding)
    if travel is None:
        return status_label(finding.status)
    return f"{TRAVEL_SYMBOLS[travel]} {travel.value.capitalize()}"


#: Statuses that need the reader's attention: listed first in a findings report.
ATTENTION: Final = frozenset({Status.BREACHED, Status.WARNING, Status.INSUFFICIENT_DATA})
#: The two sections of a findings report, in order.
FINDING_SECTIONS: Final = ("Needing attention", "Met or not yet due")


def finding_sections(findings: Sequence[FindingOut]) -> list[tuple[str, list[FindingOut]]]:
    """A findings report's sections: what needs attention (breached, warning,
    insufficient data), then the rest, each in the order found."""
    attention = [f for f in findings if f.status in ATTENTION]
    rest = [f for f in findings if f.status not in ATTENTION]
    return list(zip(FINDING_SECTIONS, (attention, rest), strict=True))


#: The attendance register's marks: a symbol for each, the word beside it in the key
#: (and for screen readers), never the symbol alone.
REGISTER_SYMBOLS: Final = MappingProxyType({
    "present": "✓",
    "attended as substitute": "✓S",
    "substitute attended": "S",
    "substitute not counted": "S✗",
    "substitute, conditions not recorded": "S?",
    "apologies": "A",
    "absent": "✗",
    "not recorded": "?",
    "not a member": "–",
})


def register_key() -> str:
    """The key printed above a register: each symbol and what it means."""
    return " · ".join(f"{symbol} {word}" for word, symbol in REGISTER_SYMBOLS.items())


def meeting_heading(iso_day: str) -> str:
    """A register column's heading: "15 Jul 2019"."""
    day = date.fromisoformat(iso_day)
    return f"{day.day} {day:%b %Y}"
