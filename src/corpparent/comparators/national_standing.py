"""An authority's national rank and quartile band on a DfE measure, for a scorecard.

The DfE's benchmarking tool (LAIT) ranks every English authority on each measure, 1 the
best, ties sharing the smallest rank, and bands them in quarters, A the best (see
`corpparent.dfe.national_table`). A scorecard indicator that names its LAIT measure
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
    ``period``; ``rank`` and ``band`` are ``None`` where LAIT shows none.

    ``group`` names the comparator group with its date ("Outstanding authorities as at
    31 March 2025"), ``better_than`` how many of the ``among`` members with a value the
    authority does better than (None where it is not judged), and ``unknown`` how many
    authorities could not be placed in or out of the group on that date.
    """

    measure: str
    period: Period
    value: float | None
    rank: int | None
    ranked: int
    band: str | None
    group: str = ""
    better_than: int | None = None
    among: int = 0
    unknown: int = 0

    def describe(self, shown: str | None = None) -> str:
        """"56 of 150 (2024-25), quartile band B; better than 17 of 29 Outstanding
        authorities as at 31 March 2025; 9 more judged later, not counted", led by the
        DfE's own figure when ``shown`` gives it in the indicator's unit ("DfE figure
        70%: 56 of 150 ..."): the rank is of that figure, which may differ from the
        panel's own reading."""
        lead = f"DfE figure {shown}: " if shown and self.value is not None else ""
        if self.rank is None:
            return f"{lead}not ranked ({self.period})"
        band = f", quartile band {self.band}" if self.band else ""
        return (f"{lead}{self.rank} of {self.ranked} ({self.period}){band}"
                f"{self.describe_group()}")

    def describe_group(self) -> str:
        """The position in the group, after a semicolon, or nothing where there is none."""
        if self.better_than is None or not self.among:
            return ""
        unknown = f"; {self.unknown} more judged later, not counted" if self.unknown else ""
        return f"; better than {self.better_than} of {self.among} {self.group}{unknown}"


def latest_standing(standings: Iterable[NationalStanding], period: Period
                    ) -> NationalStanding | None:
    """The standing for the latest period ending by the end of ``period``, if any."""
    earlier = [s for s in standings if s.period.end <= period.end]
    return max(earlier, key=lambda s: s.period.end, default=None)
