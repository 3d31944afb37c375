"""The DfE's EES files as funnel-plot inputs: each measure's counts and denominators.

A measure has a funnel where its mapping (`corpparent.files.dfe.mapping`) names
where its count and its denominator are: a ``denominator`` on a sibling row makes it a
proportion, shown as a percentage (care leavers in suitable accommodation of all care
leavers of that age); a ``population`` on the same row makes it a rate, shown per
10,000 (children looked after per 10,000 children). Each is keyed by its code in the
DfE's Local Authority Interactive Tool where it has one (``CareLeaverAcc``), else by
its indicator id, so a benchmark finds the funnel of the measure it shows.

The files are read from a folder the user gives (``corpparent benchmark --ees
FOLDER``): they are 1-3 MB each, too large to ship in the package.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from corpparent.benchmarking.funnel import FunnelMeasure, FunnelRow, Kind
from corpparent.dfe.areas import ENGLAND, Level
from corpparent.dfe.national import AreaValues
from corpparent.files.dfe.mapping import (
    FileMapping,
    IndicatorMapping,
    read_folder,
    shipped_mappings,
)
from corpparent.indicators.readings import Reading

__all__ = ["funnel_measures", "read_funnel_measures"]


def _kind(item: IndicatorMapping) -> tuple[Kind, float] | None:
    if item.denominator is not None and item.numerator:
        return Kind.PROPORTION, 100.0
    if item.population and item.numerator:
        return Kind.RATE, 10_000.0
    return None


def _row(name: str, code: str, reading: Reading, kind: Kind) -> FunnelRow:
    denominator = reading.denominator if kind is Kind.PROPORTION else reading.population
    return FunnelRow(name, reading.numerator, denominator, reading.symbol, code)


def funnel_measures(values: Iterable[AreaValues],
                    mappings: Iterable[FileMapping]) -> tuple[FunnelMeasure, ...]:
    """The funnel inputs of every indicator of ``values`` whose mapping gives a count
    and a denominator or population, one per indicator and period, in the order given."""
    kinds = {item.id: (item.lait or item.id, found) for mapping in mappings
             for item in mapping.indicators if (found := _kind(item)) is not None}
    measures = []
    for item in values:
        if item.indicator not in kinds:
            continue
        code, (kind, per) = kinds[item.indicator]
        rows = []
        for area_code, reading in item.readings.items():
            area = item.areas.get(area_code)
            if area is not None and area.level is Level.LOCAL_AUTHORITY:
                rows.append(_row(area.name, area.code, reading, kind))
        england = item.readings.get(ENGLAND.code)
        measures.append(FunnelMeasure(
            code, item.period, kind, per,
            None if england is None else _row(ENGLAND.name, ENGLAND.code, england, kind),
            tuple(rows)))
    return tuple(measures)


def read_funnel_measures(folder: str | Path,
                         mappings: Iterable[FileMapping] | None = None,
                         ) -> tuple[FunnelMeasure, ...]:
    """Every funnel the EES files in ``folder`` give (by default through the shipped
    mappings); raises [`DataError`][corpparent.errors.DataError] when none of the mapped files
    is there, naming them."""
    chosen = shipped_mappings() if mappings is None else tuple(mappings)
    data = read_folder(folder, chosen)
    return funnel_measures(data, chosen)
