"""National benchmarking: one meaning of LAIT's positions, two ways to work it out.

`corpparent.benchmarking.lait` holds the Department for Education's conventions
(R's type-7 quartile cuts, bands by polarity with ``No_Quartile`` honoured, "min"
ranks, group means and medians, direction of travel), written once.
`corpparent.benchmarking.scalar` applies them to one set of numbers in plain
Python (one authority's standing); `corpparent.benchmarking.columnar` applies the
same functions to NumPy arrays holding every authority on every measure and year at
once, and is imported only when used. `corpparent.benchmarking.periods` chooses
the periods a benchmark shows, on typed data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.benchmarking.lait import (
        BANDS as BANDS,
        DIRECTIONS as DIRECTIONS,
        QUARTILE_POINTS as QUARTILE_POINTS,
        is_banded as is_banded,
        type7_cut as type7_cut,
    )
    from corpparent.benchmarking.periods import (
        Published as Published,
        chosen_periods as chosen_periods,
        latest_periods as latest_periods,
    )
    from corpparent.benchmarking.scalar import (
        bands_of as bands_of,
        direction as direction,
        group_mean as group_mean,
        group_median as group_median,
        rank_in as rank_in,
    )

__getattr__, __dir__ = front_door(__name__, globals())
