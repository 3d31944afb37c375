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

if TYPE_CHECKING:  # NumPy loads only when a benchmark runs
    from corpparent.dfe.lait import LaitDictionary
    from corpparent.dfe.national_results import GroupValues

__all__ = ["add_themes", "spreads"]

#: Fewer authorities' figures than this give no spread.
_FEWEST = 4


def spreads(every: GroupValues | None, wanted: Collection[tuple[str, str]],
            ) -> dict[tuple[str, str], float]:
    """The interquartile range of every authority's figure (``every``, the national
    results' [`every_value`][corpparent.dfe.national_results.NationalResults.every_value])
    for each ``(measure, period)`` of ``wanted`` that has at least four figures: read
    from the figures the engine ranked, not gathered again from the results' rows."""
    import numpy as np

    if not wanted or every is None:
        return {}
    chosen = set(wanted)
    at = {key: row for row, key in enumerate(every.keys)
          if key[1] is not None and key in chosen}
    if not at:
        return {}
    ordered = np.sort(every.values[list(at.values())], axis=1)  # NaN last
    counts = np.count_nonzero(~np.isnan(ordered), axis=1)
    enough = counts >= _FEWEST
    ordered, counts = ordered[enough], counts[enough]
    spread = _quantile(ordered, counts, 0.75) - _quantile(ordered, counts, 0.25)
    keys = [key for key, many in zip(at, enough.tolist(), strict=True) if many]
    return {(str(m), str(p)): s for (m, p), s in zip(keys, spread.tolist(), strict=True)}


def _quantile(ordered: Any, counts: Any, share: float) -> Any:
    """Each row's ``share`` quantile by linear interpolation (NumPy's default), the
    rows of ``ordered`` sorted, ``counts`` numbers in each."""
    import numpy as np

    at = share * (counts - 1)
    below = np.floor(at).astype("int64")
    above = np.minimum(below + 1, counts - 1)
    rows = np.arange(len(ordered))
    low, high = ordered[rows, below], ordered[rows, above]
    return low + (at - below) * (high - low)


def add_themes(rows: Collection[MutableMapping[str, Any]], dictionary: LaitDictionary,
               spread: Mapping[tuple[str, str], float]) -> None:
    """Write each row's theme (its measure's first topic) and spread into it."""
    for row in rows:
        measure = dictionary.get(str(row["measure"]))
        row["theme"] = measure.topics[0] if measure is not None and measure.topics else None
        row["spread"] = spread.get((str(row["measure"]), str(row["period"])))
