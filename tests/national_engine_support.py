"""Building small LAIT datasets in memory for the engine's tests (not a test module)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from corpparent.dfe.areas import ENGLAND, REGION_CODES, Area, Areas, Level
from corpparent.dfe.lait import LaitDictionary, LaitMeasure
from corpparent.dfe.lait_table import LaitTable
from corpparent.dfe.neighbours import Closeness, Neighbour, StatisticalNeighbours
from corpparent.indicators.definitions import Polarity

SOUTH_WEST = REGION_CODES["South West"]
REGION = Area(SOUTH_WEST, "South West", Level.REGIONAL, ons_code=SOUTH_WEST)

Cell = float | str | None  # a number, an official symbol, or LAIT's "-" (None)


def authority(number: int) -> Area:
    return Area(str(100 + number), f"Authority {number}", Level.LOCAL_AUTHORITY,
                region=SOUTH_WEST)


def dictionary(polarity: Polarity | None, *, quartiles: bool = True,
               year_type: str = "Financial Year", code: str = "M") -> LaitDictionary:
    return LaitDictionary("dictionary", {code: LaitMeasure(
        code=code, name=f"Measure {code}", topics=("Topic",), polarity=polarity, dps=1,
        quartiles=quartiles, year_type=year_type, table="t")})


def table(years: Mapping[str, Sequence[Cell]], *, england: float | None = None,
          region: float | None = None, measure: str = "M") -> LaitTable:
    """One measure: for each Years label, every authority's cell (authority i at index i);
    England and the region get the same value every year."""
    count = max(len(cells) for cells in years.values())
    areas = (ENGLAND, REGION, *(authority(i) for i in range(count)))
    labels = tuple(years)
    symbols: list[str | None] = [None]
    m, y, a, v, s = [], [], [], [], []
    for label_index, cells in enumerate(years.values()):
        extra = [(0, england), (1, region)]
        for area_index, cell in [*extra, *((i + 2, c) for i, c in enumerate(cells))]:
            if area_index < 2 and cell is None:
                continue
            m.append(0)
            y.append(label_index)
            a.append(area_index)
            if isinstance(cell, str):
                if cell not in symbols:
                    symbols.append(cell)
                v.append(math.nan)
                s.append(symbols.index(cell))
            else:
                v.append(math.nan if cell is None else float(cell))
                s.append(0)
    return LaitTable(
        "memory", measures=(measure,), labels=labels, areas=areas, symbols=tuple(symbols),
        measure=np.array(m, dtype=np.int32), label=np.array(y, dtype=np.int32),
        area=np.array(a, dtype=np.int32), value=np.array(v, dtype=np.float64),
        symbol=np.array(s, dtype=np.int8), row=np.arange(1, len(v) + 1, dtype=np.int64))


def neighbours(groups: Mapping[int, Sequence[int]], count: int) -> StatisticalNeighbours:
    """A model where authority i's neighbours are ``groups[i]`` (authorities not in
    ``groups`` are outside the model)."""
    areas = Areas(authority(i) for i in range(count) if i in groups or any(
        i in g for g in groups.values()))
    model = {
        authority(i).code: tuple(Neighbour(rank, authority(n), Closeness.CLOSE)
                                 for rank, n in enumerate(members, start=1))
        for i, members in groups.items()
    }
    return StatisticalNeighbours("model", model, areas)
