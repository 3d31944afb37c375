"""Benchmark figures: an authority against England, its region, its neighbours, Outstanding.

Panels compare each indicator "against a range of comparators including Wiltshire's
statistical neighbours, the regional and national averages, and those authorities who
have received an 'Outstanding' Ofsted assessment" (Wiltshire CPP annual report 2022-23,
§16). Every figure here comes from the same published
[`AreaValues`][corpparent.dfe.national.AreaValues], and the arithmetic is that of
[`corpparent.comparators`][corpparent.comparators]:

* England and the region are the published rows, never re-averaged from authorities;
  the region is the one the authority is published in (Inner or Outer London for a
  London borough).
* The statistical-neighbour figure is the mean of the ten neighbours, missing values
  dropped (LAIT), with the median beside it (the DfE's CSC outcomes and enablers
  dashboard).
* The Outstanding figure is the mean of the other authorities judged Outstanding, and
  how many of them the authority does better than ("higher than 4 out of 5 of these
  comparators", 002 §57).
* National rank and quartile band are cut from every authority's value for the year,
  by LAIT's conventions (band A the best quarter, rank 1 the best, "min" ties), as
  `corpparent.benchmarking.lait` defines them; an indicator in ``unbanded`` (a
  measure LAIT's dictionary marks ``No_Quartile = N``) is ranked but never banded.

[`Benchmarking.comparator_set`][corpparent.dfe.benchmark.Benchmarking.comparator_set] gives the same
comparators as a [`ComparatorSet`][corpparent.comparators.ComparatorSet] for the rules and reports
built on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.comparators.position import Band, Benchmark, GroupPosition, Statistic
from corpparent.comparators.series import (
    Authority,
    Comparator,
    ComparatorKind,
    ComparatorValue,
    Key,
)
from corpparent.comparators.sets import ComparatorSet, group_average
from corpparent.comparators.standing import group_finding, standing_finding
from corpparent.dfe.areas import ENGLAND, Area
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.dfe.neighbours import StatisticalNeighbours
from corpparent.errors import UnknownIndicatorError
from corpparent.findings import Finding
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import Period

__all__ = ["NEIGHBOUR_FIGURES", "Benchmarking", "NationalBenchmark", "national_benchmark"]

#: The neighbours' figures shown as comparators: their mean (LAIT) and median.
NEIGHBOUR_FIGURES: tuple[tuple[str, Statistic], ...] = (
    ("Statistical neighbours", "mean"),
    ("Statistical neighbours (median)", "median"),
)


@final
@frozen
class NationalBenchmark:
    """One indicator for one period: the authority's reading and what it is judged by.

    ``national`` holds every authority's value (for rank and quartile band),
    ``neighbours`` the ten statistical neighbours' and ``outstanding`` those of the
    other authorities judged Outstanding, each keyed by authority name.
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
        """Better than k of n Outstanding authorities; None without a value."""
        return None if self.value is None else self.outstanding.position(self.value)

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
        outstanding = f"Outstanding authorities {show(self.outstanding_average())}"
        position = self.outstanding_position
        if position is not None and indicator.polarity is not Polarity.NEUTRAL:
            outstanding += f", {position.describe()}"
        parts.append(outstanding)
        return f"{indicator.name}, {self.period}: {own}; " + "; ".join(parts)


def _value(values: AreaValues, code: str | None) -> float | None:
    reading = None if code is None else values.readings.get(code)
    return None if reading is None else reading.value


def national_benchmark(values: AreaValues, indicator: Indicator, authority: str,
                       neighbours: StatisticalNeighbours, outstanding: Iterable[str],
                       national: Benchmark | None = None) -> NationalBenchmark:
    """Benchmark one authority (name or code) on one indicator and period.

    ``outstanding`` holds the old LA codes of the authorities judged Outstanding; the
    authority itself is left out of that group. ``national`` is
    ``values.to_benchmark(indicator)``, passed in when benchmarking many authorities.
    """
    area = values.areas[authority]
    region = values.region_of(area.code)
    if national is None:
        national = values.to_benchmark(indicator)
    # An authority the model lacks (Cumbria, Northamptonshire in 2025) has no neighbours.
    codes = neighbours.codes(area.code) if neighbours.covers(area.code) else ()
    names = [values.areas[code].name for code in codes if code in values.areas]
    others = sorted(values.areas[code].name for code in outstanding
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
    )


def _codes(codes: Iterable[str]) -> frozenset[str]:
    return frozenset(codes)


def _indicators(indicators: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(indicators)


@final
@frozen
class Benchmarking:
    """National data with the neighbour model, the Outstanding authorities and the
    definitions of the indicators in the data.

    [`corpparent.files.read_benchmarking`][corpparent.files.read_benchmarking] reads one from a
    folder of DfE files,
    [`corpparent.files.read_lait_benchmarking`][corpparent.files.read_lait_benchmarking] from the
    LAIT dataset.

    The one mutable part is a private cache: every authority's values of an indicator
    in a period are ranked and cut into quartile bands once, on first use, and kept, as
    the same cut serves every authority and a report asks for it many times. Cutting
    them all when the object is built would cost every indicator and period of the
    data, most never asked for. The cache holds only what follows from the frozen data,
    so it changes no result, and it takes no part in equality or ``repr``.
    """

    data: NationalData
    neighbours: StatisticalNeighbours
    outstanding: frozenset[str] = field(converter=_codes)
    indicators: tuple[Indicator, ...] = field(converter=_indicators)
    #: The indicators shown without quartile bands (LAIT's ``No_Quartile = N``).
    unbanded: frozenset[str] = field(factory=frozenset, converter=_codes)
    # Every authority's values of one indicator and period, cut into bands once.
    _national: dict[tuple[str, Period], Benchmark] = field(
        init=False, factory=dict, eq=False, repr=False)

    def indicator(self, indicator_id: str) -> Indicator:
        """The definition of an indicator in the data."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise UnknownIndicatorError(
            f"no definition of indicator {indicator_id!r}; there are definitions of "
            + ", ".join(i.id for i in self.indicators))

    def benchmark(self, authority: str, indicator: str, period: Period) -> NationalBenchmark:
        """One authority's benchmark for one indicator and period."""
        values = self.data.values(indicator, period)
        national = self._national.get((indicator, period))
        if national is None:
            national = values.to_benchmark(self.indicator(indicator),
                                           banded=indicator not in self.unbanded)
            self._national[(indicator, period)] = national
        return national_benchmark(values, national.indicator, authority, self.neighbours,
                                  self.outstanding, national)

    def latest(self, authority: str) -> tuple[NationalBenchmark, ...]:
        """Each indicator's latest period, benchmarked for one authority."""
        return tuple(self.benchmark(authority, indicator, self.data.periods(indicator)[-1])
                     for indicator in self.data.indicators)

    def for_authority(self, authority: str) -> tuple[NationalBenchmark, ...]:
        """Every indicator and period the data covers, benchmarked for one authority."""
        return tuple(self.benchmark(authority, values.indicator, values.period)
                     for values in self.data)

    def findings(self, authority: str, period: Period | None = None) -> tuple[Finding, ...]:
        """The authority judged against every comparator, as findings: for each
        indicator (in ``period``, else its latest), the national rank and quartile band,
        a comparison with each comparator of
        [`comparator_set`][corpparent.dfe.benchmark.Benchmarking.comparator_set], and its position
        among the other Outstanding authorities. A withheld or missing value gives findings of
        insufficient data, never an exception.

        Only proportions (percentages and rates) are judged: a count of children is
        not comparable between an authority and England or between authorities of
        different sizes."""
        comparators = self.comparator_set(authority)
        result: list[Finding] = []
        for indicator in self.data.indicators:
            if not self.indicator(indicator).is_proportion:
                continue
            periods = self.data.periods(indicator)
            when = period if period is not None else periods[-1]
            if when not in periods:
                continue
            item = self.benchmark(authority, indicator, when)
            name = item.authority.name
            result.append(item.standing())
            result.extend(c.finding() for c in
                          comparators.compare(item.indicator, item.value, when))
            result.append(group_finding(item.national, "Outstanding authorities",
                                        [a.name for a in comparators.outstanding], item.value,
                                        authority=name))
        return tuple(result)

    # -- as comparators -------------------------------------------------------------

    def series(self, area: str, kind: ComparatorKind = ComparatorKind.AUTHORITY,
               name: str | None = None) -> Comparator:
        """One area's published values of every indicator and period, as a comparator."""
        found = self.data.areas[area]
        values: dict[Key, ComparatorValue] = {}
        for item in self.data:
            reading = item.readings.get(found.code)
            if reading is None:
                continue
            entry = reading.value if reading.value is not None else reading.symbol
            if entry is not None:
                values[(item.indicator, item.period)] = entry
        return Comparator(name or found.name, kind, values, source=self._source(),
                          code=found.code)

    def comparator_set(self, authority: str) -> ComparatorSet:
        """The authority's comparators: England, its region, its statistical neighbours'
        mean and median, and the other Outstanding authorities' mean."""
        area = self.data.areas[authority]
        codes = self.neighbours.codes(area.code) if self.neighbours.covers(area.code) else ()
        neighbours = [self.data.areas[c] for c in codes if c in self.data.areas]
        outstanding = sorted((self.data.areas[c] for c in self.outstanding
                              if c != area.code and c in self.data.areas),
                             key=lambda a: a.name)
        members = {a.code: self.series(a.code) for a in (*neighbours, *outstanding)}
        region = None if area.region is None else self.data.areas.get(area.region)
        comparators = [self.series(ENGLAND.code, ComparatorKind.ENGLAND)]
        if region is not None:
            comparators.append(self.series(region.code, ComparatorKind.REGION))
        comparators += [
            group_average(label, ComparatorKind.STATISTICAL_NEIGHBOURS,
                          [_authority(a) for a in neighbours],
                          [members[a.code] for a in neighbours], statistic=statistic,
                          indicators=self.indicators,
                          source=f"{statistic} of {area.name}'s 2025 statistical neighbours")
            for label, statistic in NEIGHBOUR_FIGURES
        ]
        comparators.append(group_average(
            "Outstanding authorities", ComparatorKind.OUTSTANDING,
            [_authority(a) for a in outstanding], [members[a.code] for a in outstanding],
            indicators=self.indicators,
            source="mean of the authorities Ofsted judged Outstanding at 31 March 2025"))
        return ComparatorSet(
            authority=_authority(area, region),
            comparators=comparators,
            statistical_neighbours=[_authority(a) for a in neighbours],
            outstanding=[_authority(a) for a in outstanding],
            source=self._source(),
        )

    def _source(self) -> str:
        return "Department for Education, published statistics"


def _authority(area: Area, region: Area | None = None) -> Authority:
    return Authority(area.name, area.code, None if region is None else region.name)
