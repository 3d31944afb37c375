"""LAIT's whole dataset as columns: one entry per published value, held in arrays.

[`LaitData`][corpparent.dfe.lait.LaitData] holds a [`Figure`][corpparent.dfe.figures.Figure]
object per value, which suits one measure at a time. Benchmarking every authority on
every measure and year (641,070 values) needs the values side by side instead: a
[`LaitTable`][corpparent.dfe.lait_table.LaitTable] keeps, for each value, the index of its measure,
its ``Years`` label and its area, the number (NaN where none) and the index of its official symbol,
as NumPy arrays, with the distinct measures, labels, areas and symbols listed once.
`corpparent.files.read_lait_table` reads one from the parquet file, validating
each column as a whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from corpparent.dfe.areas import Area, Areas, Level

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["LaitTable"]


@final
class LaitTable:
    """LAIT values as parallel arrays.

    ``measure``, ``label`` and ``area`` index
    [`measures`][corpparent.dfe.lait_table.LaitTable.measures],
    [`labels`][corpparent.dfe.lait_table.LaitTable.labels] and
    [`areas`][corpparent.dfe.lait_table.LaitTable.areas]; ``value`` is the number or NaN; ``symbol``
    indexes [`symbols`][corpparent.dfe.lait_table.LaitTable.symbols], whose entry 0 is ``None`` (a
    number, or LAIT's ``-``: no figure, no reason given). ``row`` is each value's row in the source
    file, counting from 1, for problems (by default its position).
    """

    __slots__ = ("_row", "area", "areas", "label", "labels", "measure", "measures",
                 "source", "symbol", "symbols", "value")

    def __init__(self, source: str, *, measures: tuple[str, ...], labels: tuple[str, ...],
                 areas: tuple[Area, ...], symbols: tuple[str | None, ...],
                 measure: NDArray[np.int32], label: NDArray[np.int32],
                 area: NDArray[np.int32], value: NDArray[np.float64],
                 symbol: NDArray[np.int8], row: NDArray[np.int64] | None = None) -> None:
        self.source = source
        self.measures = measures
        self.labels = labels
        self.areas = areas
        self.symbols = symbols
        self.measure = measure
        self.label = label
        self.area = area
        self.value = value
        self.symbol = symbol
        self._row = row

    @property
    def row(self) -> NDArray[np.int64]:
        """Each value's row in the source file, counting from 1 (by default its
        position)."""
        if self._row is None:
            import numpy as np

            self._row = np.arange(1, len(self.value) + 1, dtype=np.int64)
        return self._row

    @property
    def directory(self) -> Areas:
        """The areas as a directory, looked up by code or name."""
        return Areas(self.areas)

    @property
    def authorities(self) -> tuple[Area, ...]:
        """The local authorities of the data, by name."""
        return tuple(sorted((a for a in self.areas if a.level is Level.LOCAL_AUTHORITY),
                            key=lambda a: a.name))

    def __len__(self) -> int:
        return len(self.value)

    def __repr__(self) -> str:
        return f"LaitTable({len(self)} values of {len(self.measures)} measures from {self.source})"
