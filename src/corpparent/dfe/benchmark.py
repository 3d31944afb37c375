"""Benchmark figures: an authority against England, its region, its neighbours, Outstanding.

Panels compare each indicator "against a range of comparators including Wiltshire's
statistical neighbours, the regional and national averages, and those authorities who
have received an 'Outstanding' Ofsted assessment" (Wiltshire CPP annual report 2022-23,
§16). Every figure here comes from one published :class:`AreaValues`:

* England and the region are the published rows, never re-averaged from authorities;
  the region is the one the authority is published in (Inner or Outer London for a
  London borough).
* The statistical-neighbour figure is "simple averages for the selected LA's 10
  statistical neighbours ... Where data does not exist for one or more ... the
  information is excluded from the mean" (LAIT user guide); the median is given too,
  as the DfE's CSC outcomes and enablers dashboard uses it.
* The Outstanding figure is the mean and median of the other authorities judged
  Outstanding, and how many of them the authority does better than ("higher than 4
  out of 5 of these comparators", 002 §57).
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import final

from attrs import field, frozen

from corpparent.dfe.areas import Area
from corpparent.dfe.mapping import FileMapping, read_folder, shipped_mappings
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.dfe.neighbours import StatisticalNeighbours, read_neighbours
from corpparent.dfe.ofsted import read_ofsted
from corpparent.errors import UnknownIndicatorError
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import Period

__all__ = ["Benchmark", "Benchmarking", "SpreadFigure", "benchmark"]

NEIGHBOURS_FILE = "sn_model_2025_wide.csv"
OFSTED_FILE = "ofsted_ilacs_outcomes_2025-03-31.csv"


def _floats(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(values)


def _codes(codes: Iterable[str]) -> frozenset[str]:
    return frozenset(codes)


def _indicators(indicators: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(indicators)


@final
@frozen
class SpreadFigure:
    """The mean and median of a group's values, missing values dropped."""

    values: tuple[float, ...] = field(converter=_floats)
    size: int
    """How many authorities the group has, with or without a value."""

    @property
    def mean(self) -> float | None:
        """The mean of the values given, or None when none are."""
        return statistics.fmean(self.values) if self.values else None

    @property
    def median(self) -> float | None:
        """The median of the values given, or None when none are."""
        return statistics.median(self.values) if self.values else None

    def beaten_by(self, value: float, polarity: Polarity) -> int:
        """How many of the group's values ``value`` is strictly better than."""
        return sum(polarity.better(value, other) for other in self.values)


@final
@frozen
class Benchmark:
    """One indicator for one period: the authority's reading and its comparators."""

    indicator: str
    period: Period
    authority: Area
    reading: Reading | None
    england: float | None
    region: Area | None
    region_value: float | None
    neighbours: SpreadFigure
    outstanding: SpreadFigure

    @property
    def value(self) -> float | None:
        """The authority's own value, if published."""
        return None if self.reading is None else self.reading.value

    def describe(self, indicator: Indicator) -> str:
        """One line a councillor can read, in the indicator's unit and polarity."""

        def show(value: float | None) -> str:
            return "not published" if value is None else indicator.format(value)

        own = (show(self.value) if self.reading is None or self.reading.is_available
               else self.reading.unavailable_reason)
        parts = [f"England {show(self.england)}"]
        if self.region is not None:
            parts.append(f"{self.region.name} {show(self.region_value)}")
        parts.append(f"statistical neighbours {show(self.neighbours.mean)} (mean of "
                     f"{len(self.neighbours.values)}), median {show(self.neighbours.median)}")
        outstanding = f"Outstanding authorities {show(self.outstanding.mean)}"
        if self.value is not None and indicator.polarity is not Polarity.NEUTRAL:
            beaten = self.outstanding.beaten_by(self.value, indicator.polarity)
            outstanding += f" (better than {beaten} of {len(self.outstanding.values)})"
        parts.append(outstanding)
        return f"{indicator.name}, {self.period}: {own}; " + "; ".join(parts)


def _value(values: AreaValues, code: str | None) -> float | None:
    reading = None if code is None else values.readings.get(code)
    return None if reading is None else reading.value


def _spread(values: AreaValues, codes: Iterable[str]) -> SpreadFigure:
    wanted = tuple(codes)
    found = (_value(values, code) for code in wanted)
    return SpreadFigure(values=(v for v in found if v is not None), size=len(wanted))


def benchmark(values: AreaValues, authority: str, neighbours: StatisticalNeighbours,
              outstanding: Collection[str]) -> Benchmark:
    """Benchmark one authority (name or code) on one indicator and period.

    ``outstanding`` holds the old LA codes of the authorities judged Outstanding; the
    authority itself is left out of that group.
    """
    area = values.areas[authority]
    region = values.region_of(area.code)
    return Benchmark(
        indicator=values.indicator,
        period=values.period,
        authority=area,
        reading=values.readings.get(area.code),
        england=_value(values, "E92000001"),
        region=region,
        region_value=_value(values, None if region is None else region.code),
        neighbours=_spread(values, neighbours.codes(area.code)),
        outstanding=_spread(values, sorted(c for c in outstanding if c != area.code)),
    )


@final
@frozen
class Benchmarking:
    """National data with the neighbour model and the Outstanding authorities."""

    data: NationalData
    neighbours: StatisticalNeighbours
    outstanding: frozenset[str] = field(converter=_codes)
    indicators: tuple[Indicator, ...] = field(default=(), converter=_indicators)

    @classmethod
    def from_folder(cls, folder: str | Path,
                    mappings: Iterable[FileMapping] | None = None) -> Benchmarking:
        """Read a folder of DfE files: every mapped EES file present, the 2025 neighbour
        model (``sn_model_2025_wide.csv``) and Ofsted's outcomes
        (``ofsted_ilacs_outcomes_2025-03-31.csv``)."""
        chosen = shipped_mappings() if mappings is None else tuple(mappings)
        base = Path(folder)
        data = read_folder(base, chosen)
        present = {values.indicator for values in data}
        return cls(
            data=data,
            neighbours=read_neighbours(base / NEIGHBOURS_FILE),
            outstanding=read_ofsted(base / OFSTED_FILE).codes(),
            indicators=(d for m in chosen for d in m.definitions() if d.id in present),
        )

    def benchmark(self, authority: str, indicator: str, period: Period) -> Benchmark:
        """One authority's benchmark for one indicator and period."""
        return benchmark(self.data.values(indicator, period), authority, self.neighbours,
                         self.outstanding)

    def indicator(self, indicator_id: str) -> Indicator:
        """The definition of a mapped indicator."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise UnknownIndicatorError(
            f"no indicator {indicator_id!r}; the data has {', '.join(self.data.indicators)}")

    def latest(self, authority: str) -> tuple[Benchmark, ...]:
        """Each indicator's latest period, benchmarked for one authority."""
        return tuple(self.benchmark(authority, indicator, self.data.periods(indicator)[-1])
                     for indicator in self.data.indicators)

    def for_authority(self, authority: str) -> tuple[Benchmark, ...]:
        """Every indicator and period the data covers, benchmarked for one authority."""
        return tuple(benchmark(values, authority, self.neighbours, self.outstanding)
                     for values in self.data)
