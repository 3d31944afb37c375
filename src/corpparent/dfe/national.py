"""National data: one indicator's published values for every area, and readings from them.

A DfE file publishes each figure for England, every region and every authority.
[`AreaValues`][corpparent.dfe.national.AreaValues] holds one indicator for one period across all
those areas, keyed by area code, so benchmark figures (England, region, statistical neighbours, the
Outstanding authorities) are computed from the same published numbers. A
[`NationalData`][corpparent.dfe.national.NationalData] holds many of them and gives any authority
its own [`Readings`][corpparent.indicators.readings.Readings].
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, final

from attrs import field, frozen

from corpparent.dfe.areas import ENGLAND, Area, Areas, Level
from corpparent.errors import DataError, Problem, UnknownIndicatorError
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Reading, Readings
from corpparent.periods import Period, period_given

if TYPE_CHECKING:  # the comparators load with a scorecard's benchmark, not with the data
    from corpparent.comparators.position import Benchmark
    from corpparent.comparators.series import ComparatorValue

__all__ = ["AreaValues", "NationalData"]


def _frozen_mapping(value: Mapping[str, Reading]) -> Mapping[str, Reading]:
    return MappingProxyType(dict(value))


@final
@frozen
class AreaValues:
    """The readings of ``indicator`` for ``period`` in every area, keyed by area code."""

    indicator: str
    period: Period
    readings: Mapping[str, Reading] = field(converter=_frozen_mapping)
    areas: Areas

    def reading(self, area: str) -> Reading | None:
        """The reading for an area given by code or name, if published."""
        found = self.areas.get(area)
        return None if found is None else self.readings.get(found.code)

    def value(self, area: str) -> float | None:
        """The area's value, or None when unpublished or withheld."""
        reading = self.reading(area)
        return None if reading is None else reading.value

    @property
    def england(self) -> Reading | None:
        """England's published reading."""
        return self.readings.get(ENGLAND.code)

    def region_of(self, authority: str) -> Area | None:
        """The region (or London sub-region) the authority is published in."""
        area = self.areas[authority]
        return None if area.region is None else self.areas.get(area.region)

    def authority_values(self) -> dict[str, float]:
        """Every local authority with a number, code -> value."""
        return {
            code: reading.value
            for code, reading in self.readings.items()
            if reading.value is not None
            and (area := self.areas.get(code)) is not None
            and area.level is Level.LOCAL_AUTHORITY
        }

    def to_benchmark(self, indicator: Indicator, *, banded: bool = True) -> Benchmark:
        """Every local authority's number or symbol, by name: the set that national rank
        and quartile bands are cut from ("all authorities for the year", LAIT).
        ``banded`` false is a measure shown without bands (``No_Quartile = N``)."""
        from corpparent.comparators.position import Benchmark

        if indicator.id != self.indicator:
            raise UnknownIndicatorError(
                f"these values are of {self.indicator!r}, not {indicator.id!r}")
        values: dict[str, ComparatorValue | None] = {}
        for code, reading in self.readings.items():
            area = self.areas.get(code)
            if area is not None and area.level is Level.LOCAL_AUTHORITY:
                values[area.name] = reading.value if reading.value is not None else reading.symbol
        return Benchmark(indicator, self.period, values, banded=banded)

    def __len__(self) -> int:
        return len(self.readings)


@final
class NationalData:
    """Published values of many indicators and periods; at most one set per pair.

    Two sources giving the same indicator and period raise
    [`DataError`][corpparent.errors.DataError] naming both.
    """

    __slots__ = ("_areas", "_values")

    def __init__(self, values: Iterable[AreaValues] = ()) -> None:
        self._values: dict[tuple[str, Period], AreaValues] = {}
        problems: list[Problem] = []
        areas: list[Area] = []
        for item in values:
            key = (item.indicator, item.period)
            earlier = self._values.get(key)
            if earlier is not None:
                problems.append(Problem(
                    _source_of(item),
                    f"{item.indicator!r} for {item.period} is also given by {_source_of(earlier)}",
                ))
                continue
            self._values[key] = item
            areas.extend(item.areas)
        if problems:
            raise DataError(problems)
        self._areas = Areas(areas)

    @property
    def areas(self) -> Areas:
        """Every area with a value."""
        return self._areas

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators present, sorted."""
        return tuple(sorted({indicator for indicator, _ in self._values}))

    def periods(self, indicator: str | None = None) -> tuple[Period, ...]:
        """The periods present (for one indicator, or for any), in order."""
        return tuple(sorted({p for i, p in self._values if indicator in (None, i)}))

    def values(self, indicator: str, period: Period | str) -> AreaValues:
        """Every area's reading of ``indicator`` for ``period`` (a period or its written
        form, ``'2024-25'``)."""
        period = period_given(period)
        try:
            return self._values[(indicator, period)]
        except KeyError:
            have = ", ".join(str(p) for p in self.periods(indicator)) or "no periods"
            raise UnknownIndicatorError(
                f"no published values of {indicator!r} for {period}; it has {have}"
            ) from None

    def readings(self, authority: str) -> Readings:
        """Every reading of one area (by name or code), for every indicator and period."""
        code = self._areas[authority].code
        return Readings(
            reading for item in self for reading in (item.readings.get(code),)
            if reading is not None
        )

    def merged(self, other: NationalData) -> NationalData:
        """Both sets together; an indicator and period in both is a DataError."""
        return NationalData([*self, *other])

    def __iter__(self) -> Iterator[AreaValues]:
        return iter(sorted(self._values.values(), key=lambda v: (v.indicator, v.period)))

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return (f"NationalData({len(self.indicators)} indicators, {len(self.periods())} periods, "
                f"{len(self._areas)} areas)")


def _source_of(values: AreaValues) -> str:
    for reading in values.readings.values():
        if reading.source:
            return reading.source.split(", row")[0]
    return "an earlier source"
