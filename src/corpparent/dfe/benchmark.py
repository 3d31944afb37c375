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
  comparators", 002 §57). Given Ofsted's release of inspection outcomes, each period
  is compared with the group as at its end, by the rule the command's engine follows
  ([`outstanding_in`][corpparent.dfe.ofsted.outstanding_in]); the description names the
  date, and says so where the release cannot form the group on it.
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
from datetime import date
from typing import final

from attrs import evolve, field, frozen

from corpparent.comparators.comparison import compare
from corpparent.comparators.position import Benchmark, Statistic
from corpparent.comparators.series import (
    Authority,
    Comparator,
    ComparatorKind,
    ComparatorValue,
    Key,
)
from corpparent.comparators.sets import ComparatorSet, group_average
from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.dfe.areas import ENGLAND, Area
from corpparent.dfe.benchmark_figures import NationalBenchmark, directory, national_benchmark
from corpparent.dfe.national import NationalData
from corpparent.dfe.neighbours import StatisticalNeighbours
from corpparent.dfe.ofsted import InspectionOutcomes, outstanding_groups, outstanding_in
from corpparent.errors import UnknownIndicatorError
from corpparent.findings import Finding
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period, period_given

__all__ = ["NEIGHBOUR_FIGURES", "Benchmarking", "NationalBenchmark", "national_benchmark"]

#: The neighbours' figures shown as comparators: their mean (LAIT) and median.
NEIGHBOUR_FIGURES: tuple[tuple[str, Statistic], ...] = (
    ("Statistical neighbours", "mean"),
    ("Statistical neighbours (median)", "median"),
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

    ``outstanding`` is Ofsted's release of inspection outcomes, from which each period
    is compared with the authorities judged Outstanding as at its end, as ``corpparent
    benchmark`` compares it
    ([`outstanding_at`][corpparent.dfe.benchmark.Benchmarking.outstanding_at]); or one
    group for every period, as old LA codes or a
    [`DatedGroup`][corpparent.dated_groups.DatedGroup] of codes, compared with as given.

    [`corpparent.files.read_benchmarking`][corpparent.files.read_benchmarking] reads one from a
    folder of DfE files,
    [`corpparent.files.read_lait_benchmarking`][corpparent.files.read_lait_benchmarking] from the
    LAIT dataset.

    The one mutable part is a private cache: every authority's values of an indicator
    in a period are ranked and cut into quartile bands once, on first use, and kept, as
    the same cut serves every authority and a report asks for it many times. Cutting
    them all when the object is built would cost every indicator and period of the
    data, most never asked for. Each period end's Outstanding group is kept the same
    way. The caches hold only what follows from the frozen data, so they change no
    result, and they take no part in equality or ``repr``.
    """

    data: NationalData
    neighbours: StatisticalNeighbours
    _outstanding: DatedGroup | InspectionOutcomes = field(converter=outstanding_groups)
    indicators: tuple[Indicator, ...] = field(converter=_indicators)
    #: The indicators shown without quartile bands (LAIT's ``No_Quartile = N``).
    unbanded: frozenset[str] = field(factory=frozenset, converter=_codes)
    # Every authority's values of one indicator and period, cut into bands once.
    _national: dict[tuple[str, Period], Benchmark] = field(
        init=False, factory=dict, eq=False, repr=False)
    # Each period end's Outstanding group, taken from the release once.
    _groups: dict[date, DatedGroup] = field(init=False, factory=dict, eq=False, repr=False)

    @property
    def outstanding(self) -> frozenset[str]:
        """The old LA codes of the Outstanding authorities given: the one group for
        every period, or the release's own group, as at its last report. Each period is
        compared with [`outstanding_at`][corpparent.dfe.benchmark.Benchmarking.outstanding_at]
        its end, which for the release is a different group in each year."""
        if isinstance(self._outstanding, DatedGroup):
            return frozenset(self._outstanding.members)
        return self._outstanding.codes(areas=directory(self.data.areas))

    @property
    def outcomes(self) -> InspectionOutcomes | None:
        """Ofsted's release the groups are taken from; None for one group given."""
        return self._outstanding if isinstance(self._outstanding, InspectionOutcomes) else None

    def outstanding_at(self, period: Period) -> DatedGroup:
        """The Outstanding group ``period`` is compared with, by old LA code: from the
        release, the authorities whose latest inspection, made by the period's end, so
        judged them, with those inspected later ``unknown`` (for a period before every
        inspection the release gives, no member and every authority unknown: the group
        cannot be formed); else the one group given."""
        found = self._groups.get(period.end)
        if found is None:
            found = outstanding_in(self._outstanding, period, directory(self.data.areas))
            self._groups[period.end] = found
        return found

    def indicator(self, indicator_id: str) -> Indicator:
        """The definition of an indicator in the data."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise UnknownIndicatorError(
            f"no definition of indicator {indicator_id!r}; there are definitions of "
            + ", ".join(i.id for i in self.indicators))

    def benchmark(self, authority: str, indicator: str,
                  period: Period | str) -> NationalBenchmark:
        """One authority's benchmark for one indicator and period (a period or its
        written form, ``'2024-25'``)."""
        period = period_given(period)
        values = self.data.values(indicator, period)
        national = self._national.get((indicator, period))
        if national is None:
            national = values.to_benchmark(self.indicator(indicator),
                                           banded=indicator not in self.unbanded)
            self._national[(indicator, period)] = national
        return national_benchmark(values, national.indicator, authority, self.neighbours,
                                  self.outstanding_at(period), national)

    def latest(self, authority: str) -> tuple[NationalBenchmark, ...]:
        """Each indicator's latest period, benchmarked for one authority."""
        return tuple(self.benchmark(authority, indicator, self.data.periods(indicator)[-1])
                     for indicator in self.data.indicators)

    def for_authority(self, authority: str) -> tuple[NationalBenchmark, ...]:
        """Every indicator and period the data covers, benchmarked for one authority."""
        return tuple(self.benchmark(authority, values.indicator, values.period)
                     for values in self.data)

    def findings(self, authority: str,
                 period: Period | str | None = None) -> tuple[Finding, ...]:
        """The authority judged against every comparator, as findings: for each
        indicator (in ``period``, else its latest), the national rank and quartile band,
        a comparison with each comparator of
        [`comparator_set`][corpparent.dfe.benchmark.Benchmarking.comparator_set], and its position
        among the other Outstanding authorities. The Outstanding group is the period's
        ([`outstanding_at`][corpparent.dfe.benchmark.Benchmarking.outstanding_at]), named with
        its date in the rules ("position among Outstanding authorities as at 31 March 2023"),
        as the command's findings name it. A withheld or missing value gives findings of
        insufficient data, never an exception.

        Only proportions (percentages and rates) are judged: a count of children is
        not comparable between an authority and England or between authorities of
        different sizes."""
        period = None if period is None else period_given(period)
        comparators = self.comparator_set(authority)
        # The set's Outstanding mean is each period's group's; each period's findings
        # name it with the group's date.
        whole = comparators.get(OUTSTANDING)
        named: dict[str, Comparator] = {}
        result: list[Finding] = []
        for indicator in self.data.indicators:
            if not self.indicator(indicator).is_proportion:
                continue
            periods = self.data.periods(indicator)
            when = period if period is not None else periods[-1]
            if when not in periods:
                continue
            item = self.benchmark(authority, indicator, when)
            group = item.outstanding_group or DatedGroup(OUTSTANDING, ())
            result.append(item.standing())
            result.extend(c.finding() for c in
                          comparators.compare(item.indicator, item.value, when)
                          if c.comparator != OUTSTANDING)
            if group.label not in named:
                named[group.label] = evolve(whole, name=group.label)
            result.append(compare(item.indicator, item.value, named[group.label],
                                  when).finding())
            result.append(group.finding(item.national, item.value,
                                        authority=item.authority.name))
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
        mean and median, and the other Outstanding authorities' mean, in each period the
        mean of that period's group
        ([`outstanding_at`][corpparent.dfe.benchmark.Benchmarking.outstanding_at]). The set's
        ``outstanding`` names the authorities of
        [`outstanding`][corpparent.dfe.benchmark.Benchmarking.outstanding]."""
        area = self.data.areas[authority]
        codes = self.neighbours.codes(area.code) if self.neighbours.covers(area.code) else ()
        neighbours = [self.data.areas[c] for c in codes if c in self.data.areas]
        outstanding = self._others(area, self.outstanding)
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
        comparators.append(self._outstanding_mean(
            area, OUTSTANDING, sorted({p for i in self.data.indicators
                                       for p in self.data.periods(i)}), members))
        return ComparatorSet(
            authority=_authority(area, region),
            comparators=comparators,
            statistical_neighbours=[_authority(a) for a in neighbours],
            outstanding=[_authority(a) for a in outstanding],
            source=self._source(),
        )

    def _others(self, area: Area, codes: Iterable[str]) -> list[Area]:
        """The authorities of ``codes`` in the data but ``area``, by name."""
        return sorted((self.data.areas[c] for c in codes
                       if c != area.code and c in self.data.areas), key=lambda a: a.name)

    def _outstanding_mean(self, area: Area, name: str, periods: Iterable[Period],
                          series: dict[str, Comparator]) -> Comparator:
        """The mean of the other authorities of each period's Outstanding group, in each
        of ``periods``; ``series`` keeps the members' series, made on first use."""
        by_group: dict[DatedGroup, set[Period]] = {}
        for period in periods:
            by_group.setdefault(self.outstanding_at(period), set()).add(period)
        values: dict[Key, ComparatorValue] = {}
        for group, within in by_group.items():
            others = self._others(area, group.members)
            for other in others:
                if other.code not in series:
                    series[other.code] = self.series(other.code)
            mean = group_average(name, ComparatorKind.OUTSTANDING,
                                 [_authority(a) for a in others],
                                 [series[a.code] for a in others], indicators=self.indicators)
            values.update((key, mean.values[key]) for key in mean if key[1] in within)
        dated = {g.label for g in by_group if g.as_at is not None}
        return Comparator(name, ComparatorKind.OUTSTANDING, values, source=(
            "mean of the authorities Ofsted judged Outstanding as at "
            + ("the end of each period" if len(dated) > 1 else "the period's end")
            if dated else "mean of the Outstanding authorities given"))

    def _source(self) -> str:
        return "Department for Education, published statistics"


def _authority(area: Area, region: Area | None = None) -> Authority:
    return Authority(area.name, area.code, None if region is None else region.name)
