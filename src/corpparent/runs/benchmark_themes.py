"""What a benchmark's summary rests on, beside each row: its measure's theme and the
spread of every authority's figures.

A measure's theme is the first topic the LAIT data dictionary lists it under
("Children Looked After", "Key Stage 4"), so each measure sits under one theme; a
measure the dictionary does not give a topic has none, and the report puts it under
"Other". The spread of a measure in a period is the interquartile range of every
authority's published figure (NumPy's linear quantiles, the 75th less the 25th
percentile): the yardstick the summary measures a change since the period before
against (`corpparent.report.benchmark_summary`), so a change of 2 points on a measure
whose authorities lie within 3 of each other counts for more than the same 2 on one
where they lie 30 apart.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # NumPy and pyarrow load only when a benchmark runs
    import pyarrow as pa

    from corpparent.dfe.lait import LaitDictionary

__all__ = ["add_themes", "spreads"]

#: Fewer authorities' figures than this give no spread.
_FEWEST = 4


def spreads(table: pa.Table, wanted: Collection[tuple[str, str]]) -> dict[tuple[str, str],
                                                                           float]:
    """The interquartile range of every authority's figure in ``table`` (the national
    results, a row per authority, measure and period) for each ``(measure, period)``
    of ``wanted`` that has at least four figures."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if not wanted:
        return {}
    keys = pc.binary_join_element_wise(pc.cast(table["measure"], pa.string()),
                                       pc.cast(table["period"], pa.string()), "\x1f")
    chosen = pc.and_(pc.is_in(keys, value_set=pa.array(
        sorted(f"{m}\x1f{p}" for m, p in wanted), pa.string())),
        pc.is_valid(table["value"]))
    found = pc.filter(keys, chosen).to_numpy(zero_copy_only=False)
    values = pc.filter(table["value"], chosen).to_numpy()
    groups, index = np.unique(found, return_inverse=True)
    out: dict[tuple[str, str], float] = {}
    for number, key in enumerate(groups):
        figures = values[index == number]
        if len(figures) >= _FEWEST:
            low, high = np.percentile(figures, [25, 75])
            measure, period = str(key).split("\x1f")
            out[(measure, period)] = float(high - low)
    return out


def add_themes(rows: Collection[MutableMapping[str, Any]], dictionary: LaitDictionary,
               spread: Mapping[tuple[str, str], float]) -> None:
    """Write each row's theme (its measure's first topic) and spread into it."""
    for row in rows:
        measure = dictionary.get(str(row["measure"]))
        row["theme"] = measure.topics[0] if measure is not None and measure.topics else None
        row["spread"] = spread.get((str(row["measure"]), str(row["period"])))
