"""One authority's benchmark on one indicator and period: its reading, England, its
region, its statistical neighbours and the other authorities judged Outstanding.

[`national_benchmark`][corpparent.dfe.benchmark_figures.national_benchmark] works it out from every
area's published values ([`AreaValues`][corpparent.dfe.national.AreaValues]);
[`Benchmarking`][corpparent.dfe.benchmark.Benchmarking] calls it for each indicator and period it
is asked for. The Outstanding group is the period's: from Ofsted's release, the authorities judged
Outstanding as at the period's end, by the one rule the command's engine follows too
([`outstanding_in`][corpparent.dfe.ofsted.outstanding_in]), and the description names its date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import final

from attrs import field, frozen

from corpparent.comparators.position import Band, Benchmark, GroupPosition, Statistic
from corpparent.comparators.standing import standing_finding
from corpparent.dated_groups import OUTSTANDING, DatedGroup, unformed
from corpparent.dfe.areas import ENGLAND, Area, Areas, known_areas
from corpparent.dfe.national import AreaValues
from corpparent.dfe.neighbours import StatisticalNeighbours
from corpparent.dfe.ofsted import OutstandingGroups, outstanding_groups, outstanding_in
from corpparent.findings import Finding
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import Period

__all__ = ["NationalBenchmark", "national_benchmark"]


@final
@frozen
class NationalBenchmark:
    """One indicator for one period: the authority's reading and what it is judged by.

    ``national`` holds every authority's value (for rank and quartile band),
    ``neighbours`` the ten statistical neighbours' and ``outstanding`` those of the
    other authorities judged Outstanding, each keyed by authority name.
    ``outstanding_group`` is that group by name, with the date it is taken as at and
    the authorities the release cannot place in or out of it (None: an undated group).
    """

    indicator: Indicator
    period: Period
    authority: Area
    reading: Reading | None
    england: float | None
    region: Area | None
    region_value: float | None
    national: Benchmark = field(repr=False)
    neighbours: Benchmark = field(repr=False)
    outstanding: Benchmark = field(repr=False)
    outstanding_group: DatedGroup | None = field(default=None, repr=False)

    @property
    def value(self) -> float | None:
        """The authority's own value, if published."""
        return None if self.reading is None else self.reading.value

    def neighbour_average(self, statistic: Statistic = "mean") -> float | None:
        """The neighbours' mean (LAIT) or median (CSC dashboard), missing values dropped."""
        return self.neighbours.average(statistic)

    def outstanding_average(self, statistic: Statistic = "mean") -> float | None:
        """The other Outstanding authorities' mean or median, missing values dropped."""
        return self.outstanding.average(statistic)

    @property
    def outstanding_position(self) -> GroupPosition | None:
        """Better than k of n Outstanding authorities; None without a value, or where no
        other member of the group has one (no "better than 0 of 0")."""
        if self.value is None or not self.outstanding.numeric:
            return None
        return self.outstanding.position(self.value)

    @property
    def band(self) -> Band | None:
        """The national quartile band (A best); None when neutral or unpublished."""
        return self.national.band_of(self.authority.name)

    @property
    def rank(self) -> int | None:
        """The national rank (1 best); None when neutral or unpublished."""
        return self.national.rank_of(self.authority.name)

    @property
    def ranked(self) -> int:
        """How many authorities have a value to rank."""
        return len(self.national.numeric)

    def standing(self) -> Finding:
        """The national rank and quartile band as a finding."""
        return standing_finding(self.national, self.authority.name)

    def describe(self) -> str:
        """One line a councillor can read, in the indicator's unit and polarity."""
        indicator = self.indicator

        def show(value: float | None) -> str:
            return "not published" if value is None else indicator.format(value)

        if self.reading is not None and not self.reading.is_available:
            own = self.reading.unavailable_reason
        else:
            own = show(self.value)
        if self.rank is not None:
            own += f" (rank {self.rank} of {self.ranked}, quartile band {self.band})"
        parts = [f"England {show(self.england)}"]
        if self.region is not None:
            parts.append(f"{self.region.name} {show(self.region_value)}")
        parts.append(f"statistical neighbours {show(self.neighbour_average())} (mean of "
                     f"{len(self.neighbours.numeric)}), median "
                     f"{show(self.neighbour_average('median'))}")
        parts.append(self._describe_outstanding(show))
        return f"{indicator.name}, {self.period}: {own}; " + "; ".join(parts)

    def _describe_outstanding(self, show: Callable[[float | None], str]) -> str:
        """The Outstanding group's part of the description, named with its date; a group
        with no member known and some authorities judged later cannot be formed."""
        group = self.outstanding_group
        label = OUTSTANDING if group is None else group.label
        later = 0 if group is None else len(group.unknown)
        if group is not None and later and not self.outstanding.values:
            return unformed([group])
        outstanding = f"{label} {show(self.outstanding_average())}"
        position = self.outstanding_position
        if position is not None and self.indicator.polarity is not Polarity.NEUTRAL:
            outstanding += f", {position.describe()}"
        if later:
            outstanding += f", {later} more judged later, not counted"
        return outstanding


def _value(values: AreaValues, code: str | None) -> float | None:
    reading = None if code is None else values.readings.get(code)
    return None if reading is None else reading.value


def national_benchmark(values: AreaValues, indicator: Indicator, authority: str,
                       neighbours: StatisticalNeighbours, outstanding: OutstandingGroups,
                       national: Benchmark | None = None) -> NationalBenchmark:
    """Benchmark one authority (name or code) on one indicator and period.

    ``outstanding`` is the authorities judged Outstanding: their old LA codes, a
    [`DatedGroup`][corpparent.dated_groups.DatedGroup] of codes, or Ofsted's
    [`InspectionOutcomes`][corpparent.dfe.ofsted.InspectionOutcomes], from which the group
    as at the period's end is taken
    ([`outstanding_in`][corpparent.dfe.ofsted.outstanding_in]); the authority itself is left
    out of that group. ``national`` is ``values.to_benchmark(indicator)``, passed in when
    benchmarking many authorities.
    """
    area = values.areas[authority]
    region = values.region_of(area.code)
    if national is None:
        national = values.to_benchmark(indicator)
    # An authority the model lacks (Cumbria, Northamptonshire in 2025) has no neighbours.
    codes = neighbours.codes(area.code) if neighbours.covers(area.code) else ()
    names = [values.areas[code].name for code in codes if code in values.areas]
    given = outstanding_groups(outstanding)
    # Where the inspected authorities are looked up: needed only to take a release's group.
    group = outstanding_in(given, values.period, None if isinstance(given, DatedGroup)
                           else directory(values.areas))
    others = sorted(values.areas[code].name for code in group.members
                    if code != area.code and code in values.areas)
    return NationalBenchmark(
        indicator=indicator,
        period=values.period,
        authority=area,
        reading=values.readings.get(area.code),
        england=_value(values, ENGLAND.code),
        region=region,
        region_value=_value(values, None if region is None else region.code),
        national=national,
        neighbours=national.among(names),
        outstanding=national.among(others),
        outstanding_group=DatedGroup(
            group.name, _names(values.areas, group.members), group.as_at,
            _names(values.areas, group.unknown), source=group.source),
    )


def directory(areas: Areas) -> Areas:
    """Every known area, with the data's own: where an inspected authority is found."""
    return known_areas().merged(areas)


def _names(areas: Areas, codes: Iterable[str]) -> list[str]:
    """The names of the authorities of ``codes`` that ``areas`` holds."""
    return [areas[code].name for code in codes if code in areas]

