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
    of ``wanted`` that has at least four figures. Worked on the columns' dictionary
    codes, so it costs a few milliseconds for every measure."""
    import numpy as np

    from corpparent.benchmarking.buffers import to_numpy

    if not wanted or not table.num_rows:
        return {}
    measures, measure_codes = _codes(table, "measure")
    periods, period_codes = _codes(table, "period")
    width = len(periods) + 1
    by_name = {(m, p): measures[m] * width + periods[p] for m, p in wanted
               if m in measures and p in periods}
    keys = measure_codes * width + period_codes
    values = to_numpy(table["value"])
    chosen = np.isin(keys, list(by_name.values())) & ~np.isnan(values)
    keys, values = keys[chosen], values[chosen]
    order = np.lexsort((values, keys))  # by key, then by figure within each
    keys, values = keys[order], values[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    counts = np.diff(np.r_[starts, len(keys)])
    enough = counts >= _FEWEST
    starts, counts = starts[enough], counts[enough]
    spread = _quantile(values, starts, counts, 0.75) - _quantile(values, starts, counts, 0.25)
    found = dict(zip(keys[starts].tolist(), spread.tolist(), strict=True))
    return {pair: found[key] for pair, key in by_name.items() if key in found}


def _quantile(ordered: Any, starts: Any, counts: Any, share: float) -> Any:
    """Each group's ``share`` quantile by linear interpolation (NumPy's default), the
    groups lying in ``ordered`` from ``starts``, ``counts`` long, each in order."""
    import numpy as np

    at = share * (counts - 1)
    below = np.floor(at).astype("int64")
    above = np.minimum(below + 1, counts - 1)
    low, high = ordered[starts + below], ordered[starts + above]
    return low + (at - below) * (high - low)


def _codes(table: pa.Table, name: str) -> tuple[dict[str, int], Any]:
    """A text column's values by their code, and each row's code (-1 where empty). A
    value the column's dictionary holds twice has one code."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from corpparent.benchmarking.buffers import to_numpy

    column = table[name]
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    chunks = (column.chunk(0) if column.num_chunks == 1 else
              column.unify_dictionaries().combine_chunks())
    written = [str(v) for v in chunks.dictionary.to_pylist()]
    names: dict[str, int] = {}
    for text in written:
        names.setdefault(text, len(names))
    same = np.array([names[text] for text in written] + [-1], dtype="int64")
    return names, same[to_numpy(chunks.indices, null=len(written))]


def add_themes(rows: Collection[MutableMapping[str, Any]], dictionary: LaitDictionary,
               spread: Mapping[tuple[str, str], float]) -> None:
    """Write each row's theme (its measure's first topic) and spread into it."""
    for row in rows:
        measure = dictionary.get(str(row["measure"]))
        row["theme"] = measure.topics[0] if measure is not None and measure.topics else None
        row["spread"] = spread.get((str(row["measure"]), str(row["period"])))
