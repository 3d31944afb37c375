"""Which readings make up a period, found for every indicator at once.

A scorecard asks, for each of thousands of indicators, which of its readings make up
the period assessed, the one before, the same one last year and each period of its
trend: the same few periods for every indicator.
[`every_tiling`][corpparent.indicators.tilings.every_tiling] answers for all of them
together, over the columns of a
[`ReadingStore`][corpparent.indicators.reading_store.ReadingStore], for each indicator
whose readings inside the period are of one kind of period (months, say), which is
nearly every one: those readings make up the period where the first starts on its
first day, each of the next starts the day after the one before ends, and the last ends
on its last day. That is the store's own test
([`ReadingStore.tiling`][corpparent.indicators.reading_store.ReadingStore.tiling]), made
over arrays; an indicator with readings of two kinds inside the period is left to it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

__all__ = ["TILINGS_FROM", "RowArrays", "every_tiling"]

#: From this many readings a store finds tilings for every indicator at once; below it,
#: one indicator at a time is quicker.
TILINGS_FROM: Final = 10_000


class RowArrays:
    """A store's readings as NumPy arrays, in the store's order: each one's indicator
    (its place among the store's), period (a code), kind of period (a code), and first
    and last day (ordinals)."""

    __slots__ = ("count", "end", "indicator", "kind", "period", "start")

    def __init__(self, bounds: list[int], period: list[int], kinds: list[int],
                 firsts: list[int], lasts: list[int]) -> None:
        import numpy as np

        self.count = len(bounds) - 1
        sizes = [after - before for before, after in pairwise(bounds)]
        self.indicator = np.repeat(np.arange(self.count, dtype=np.int64),
                                   np.asarray(sizes, dtype=np.int64))
        self.period = np.asarray(period, dtype=np.int64)
        self.kind = np.asarray(kinds, dtype=np.int64)[self.period]
        self.start = np.asarray(firsts, dtype=np.int64)[self.period]
        self.end = np.asarray(lasts, dtype=np.int64)[self.period]


def every_tiling(rows: RowArrays, start: int, end: int, own: int
                 ) -> dict[int, list[int] | None]:
    """For each indicator (by its place) whose readings inside the days ``start`` to
    ``end`` (other than those of the period itself, code ``own``) are of one kind of
    period: where they are in the store, if they make up the period, else ``None``. An
    indicator with no reading inside is ``None``; one with two kinds is not given."""
    import numpy as np

    inside = (rows.end >= start) & (rows.end <= end) & (rows.start >= start)
    if own >= 0:
        inside &= rows.period != own
    at = np.flatnonzero(inside)
    found: dict[int, list[int] | None] = dict.fromkeys(range(rows.count), None)
    if not len(at):
        return found
    indicator = rows.indicator[at]
    opens = np.flatnonzero(np.concatenate([[True], indicator[1:] != indicator[:-1]]))
    closes = np.concatenate([opens[1:], [len(at)]])
    follows = np.concatenate([[False], indicator[1:] == indicator[:-1]])
    kind = rows.kind[at]
    mixed = np.logical_or.reduceat(follows & np.concatenate(
        [[False], kind[1:] != kind[:-1]]), opens)
    joined = np.logical_and.reduceat(~follows | np.concatenate(
        [[True], rows.end[at[:-1]] + 1 == rows.start[at[1:]]]), opens)
    tiles = (joined & (rows.start[at[opens]] == start)
             & (rows.end[at[closes - 1]] == end))
    places = at.tolist()
    for code, first, last, whole, two in zip(indicator[opens].tolist(), opens.tolist(),
                                             closes.tolist(), tiles.tolist(), mixed.tolist(),
                                             strict=True):
        if two:
            del found[code]
        elif whole:
            found[code] = places[first:last]
    return found

