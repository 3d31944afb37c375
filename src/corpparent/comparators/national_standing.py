"""An authority's national rank and quartile band on a DfE measure, for a scorecard.

The DfE's benchmarking tool (LAIT) ranks every English authority on each measure, 1 the
best, ties sharing the smallest rank, and bands them in quarters, A the best (see
:mod:`corpparent.dfe.national_table`). A scorecard indicator that names its LAIT measure
(``Indicator.national_measure``) is shown beside its standing: the latest one published
for a period ending by the end of the period assessed, as comparators are (national
figures lag local ones).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import frozen

from corpparent.periods import Period

__all__ = ["NationalStanding", "latest_standing"]


@final
@frozen
class NationalStanding:
    """The authority's value, rank "k of n" and quartile band on ``measure`` in
    ``period``; ``rank`` and ``band`` are ``None`` where LAIT shows none."""

    measure: str
    period: Period
    value: float | None
    rank: int | None
    ranked: int
    band: str | None

    def describe(self) -> str:
        """"56 of 150 (2024-25), quartile band B"."""
        if self.rank is None:
            return f"not ranked ({self.period})"
        band = f", quartile band {self.band}" if self.band else ""
        return f"{self.rank} of {self.ranked} ({self.period}){band}"


def latest_standing(standings: Iterable[NationalStanding], period: Period
                    ) -> NationalStanding | None:
    """The standing for the latest period ending by the end of ``period``, if any."""
    earlier = [s for s in standings if s.period.end <= period.end]
    return max(earlier, key=lambda s: s.period.end, default=None)
