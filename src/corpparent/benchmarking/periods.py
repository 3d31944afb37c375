"""Choosing the periods a benchmark shows: each measure's latest, those asked for, or all.

National figures are published for many years; a benchmark shows, by default, each
measure's latest period, as LAIT's tables do ("all LAs' latest-year values"). A reader
may ask instead for periods by the label the source gives them ("2024", "2023/24") or
as corpparent writes them ("2023-24", "AY 2023/24"), or for every period. The choice is
made here, on typed periods, never on the text of a rendered table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import final

from attrs import frozen

from corpparent.errors import CorpparentError
from corpparent.periods import Period, parse_period

__all__ = ["Published", "chosen_periods", "latest_periods"]


@final
@frozen
class Published:
    """One measure published for one period: the measure's code, the label the source
    gives the period, and the period it stands for."""

    measure: str
    label: str
    period: Period


def latest_periods(published: Iterable[Published]) -> dict[str, Published]:
    """Each measure's latest period (by the periods' own order, never their labels')."""
    latest: dict[str, Published] = {}
    for item in published:
        held = latest.get(item.measure)
        if held is None or held.period < item.period:
            latest[item.measure] = item
    return latest


def _asked(text: str) -> str | None:
    """A period asked for as corpparent writes it, if the text is one."""
    try:
        return str(parse_period(text))
    except CorpparentError:
        return None


def chosen_periods(published: Iterable[Published], asked: Sequence[str] = (), *,
                   every: bool = False) -> list[Published]:
    """The items of the periods ``asked`` for (each a source's label or a period as
    written), else every item with ``every``, else each measure's latest; in the order
    given."""
    items = list(published)
    if asked:
        labels = set(asked)
        written = {found for text in asked if (found := _asked(text)) is not None}
        return [item for item in items
                if item.label in labels or str(item.period) in written]
    if every:
        return items
    latest = latest_periods(items)
    return [item for item in items if latest[item.measure] == item]
