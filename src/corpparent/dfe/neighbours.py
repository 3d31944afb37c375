"""The statistical-neighbour model: each authority's ten most similar authorities.

The DfE's children's services statistical-neighbour model gives each of the 153
authorities ten neighbours, nearest first, each with a closeness label (Extremely
close, Very close, Close, Somewhat close, Not close). The 2025 model is published as
``sn_model_2025_wide.csv``: ``old_la_code, la_name, region_ind, region_name``, then
``SN_1 .. SN_10`` (neighbours' old LA codes) and ``SN_1P .. SN_10P`` (closeness).
Benchmarking tools take the mean of the neighbours' values, dropping those with none
(LAIT), or their median (the DfE's CSC outcomes and enablers dashboard).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Final, final

from attrs import frozen

from corpparent.dfe.areas import Area, Areas

__all__ = ["NEIGHBOURS", "Closeness", "Neighbour", "StatisticalNeighbours"]

NEIGHBOURS: Final = 10


class Closeness(Enum):
    """How close a neighbour is, in the model's own words."""

    EXTREMELY_CLOSE = "Extremely close"
    VERY_CLOSE = "Very close"
    CLOSE = "Close"
    SOMEWHAT_CLOSE = "Somewhat close"
    NOT_CLOSE = "Not close"

    def __str__(self) -> str:
        return self.value


@final
@frozen
class Neighbour:
    """One statistical neighbour: ``rank`` 1 is the nearest."""

    rank: int
    area: Area
    closeness: Closeness

    @property
    def code(self) -> str:
        """The neighbour's old LA code."""
        return self.area.code

    @property
    def name(self) -> str:
        """The neighbour's name."""
        return self.area.name


@final
class StatisticalNeighbours:
    """The neighbours of every authority in one model."""

    __slots__ = ("_areas", "_neighbours", "source")

    def __init__(self, source: str, neighbours: dict[str, tuple[Neighbour, ...]],
                 areas: Areas) -> None:
        self.source = source
        self._neighbours = neighbours
        self._areas = areas

    @property
    def areas(self) -> Areas:
        """The authorities of the model."""
        return self._areas

    def of(self, authority: str) -> tuple[Neighbour, ...]:
        """The ten neighbours of an authority given by old LA code or name, nearest first."""
        return self._neighbours[self._areas[authority].code]

    def covers(self, authority: str) -> bool:
        """Whether the model gives the authority (old LA code or name) its neighbours;
        the 2025 model lacks Cumbria and Northamptonshire, replaced in 2023 and 2021."""
        area = self._areas.get(authority)
        return area is not None and area.code in self._neighbours

    def codes(self, authority: str) -> tuple[str, ...]:
        """The old LA codes of the authority's neighbours, nearest first."""
        return tuple(n.code for n in self.of(authority))

    def __iter__(self) -> Iterator[Area]:
        return iter(self._areas)

    def __len__(self) -> int:
        return len(self._neighbours)

    def __repr__(self) -> str:
        return f"StatisticalNeighbours({len(self)} authorities from {self.source})"
