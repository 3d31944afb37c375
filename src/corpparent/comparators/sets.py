"""An authority's comparator set: its comparators, statistical neighbours and groups.

"We have 10 comparator (statistical neighbours) Local Authorities and also compare
ourselves against the England and regional averages and other Outstanding local
authorities" (002 §22). A [`ComparatorSet`][corpparent.comparators.sets.ComparatorSet] holds, for
one authority, the comparator series it reports against and the authorities in its groups, so that a
group's figure can be worked out from the members' own published values: the
statistical-neighbour figure is "simple averages for the selected LA's 10 statistical
neighbours ... Where data does not exist for one or more ... the information is
excluded from the mean" (LAIT user guide); the median, which another DfE dashboard
uses, is offered too.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, final

from attrs import field, frozen

from corpparent.comparators.comparison import CompareWith, Comparison, compare
from corpparent.comparators.position import Benchmark, GroupPosition, Statistic
from corpparent.comparators.series import (
    Authority,
    Comparator,
    ComparatorKind,
    ComparatorValue,
    Key,
)
from corpparent.errors import DefinitionError, UnknownNameError
from corpparent.findings import Status
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period

if TYPE_CHECKING:
    from pint import Quantity

__all__ = ["ComparatorSet", "group_average"]


def _unique(kind: str, names: Iterable[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise DefinitionError(f"{kind} {name!r} is given twice")
        seen.add(name)


def group_average(
    name: str,
    kind: ComparatorKind,
    members: Sequence[Authority],
    series: Iterable[Comparator],
    *,
    statistic: Statistic = "mean",
    indicators: Iterable[Indicator] = (),
    source: str = "",
) -> Comparator:
    """A comparator whose value, for each indicator and period, is the mean (or median)
    of the ``members``' own values found in ``series`` (comparators named by member).

    Members with a withheld value or none are left out of the average; when no member
    has a number the group's value is ``x`` (not available). Values are converted to
    the indicator's unit where ``indicators`` define it.
    """
    if statistic not in ("mean", "median"):
        raise DefinitionError(f"statistic must be 'mean' or 'median', got {statistic!r}")
    by_name = {comparator.name: comparator for comparator in series}
    known = {indicator.id: indicator for indicator in indicators}
    wanted = [by_name[m.name] for m in members if m.name in by_name]
    keys = sorted({key for comparator in wanted for key in comparator})
    values: dict[Key, ComparatorValue] = {}
    units: dict[str, str] = {}
    for indicator_id, period in keys:
        indicator = known.get(indicator_id)
        numbers: list[float] = []
        for comparator in wanted:
            entry = comparator.value(indicator_id, period)
            if entry is None:
                continue
            unit = comparator.unit(indicator_id)
            if indicator is not None:
                entry = indicator.magnitude(entry, unit)
            elif unit is not None and units.setdefault(indicator_id, unit) != unit:
                raise DefinitionError(
                    f"members of {name!r} give {indicator_id!r} in different units "
                    f"({units[indicator_id]}, {unit}); pass the indicators to convert them"
                )
            numbers.append(entry)
        if not numbers:
            values[(indicator_id, period)] = "x"
        elif statistic == "mean":
            values[(indicator_id, period)] = statistics.fmean(numbers)
        else:
            values[(indicator_id, period)] = float(statistics.median(numbers))
    return Comparator(
        name, kind, values, source=source or f"{statistic} of {len(members)} authorities",
        units=units,
    )


def _comparators(value: Iterable[Comparator]) -> tuple[Comparator, ...]:
    return tuple(value)


def _authorities(value: Iterable[Authority]) -> tuple[Authority, ...]:
    return tuple(value)


@final
@frozen
class ComparatorSet:
    """The comparators one authority reports against.

    ``comparators`` are the published series (England, the region, the
    statistical-neighbour figure, the Outstanding authorities' figure); the neighbours
    and the ``outstanding`` authorities are named so that positions within those groups
    ("higher than 4 out of 5 of these comparators", 002 §57) can be found.
    """

    authority: Authority
    comparators: tuple[Comparator, ...] = field(default=(), converter=_comparators)
    statistical_neighbours: tuple[Authority, ...] = field(default=(), converter=_authorities)
    outstanding: tuple[Authority, ...] = field(default=(), converter=_authorities)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        _unique("comparator", (c.name for c in self.comparators))
        _unique("statistical neighbour", (a.name for a in self.statistical_neighbours))
        _unique("statistical neighbour code",
                (a.code for a in self.statistical_neighbours if a.code is not None))
        _unique("Outstanding authority", (a.name for a in self.outstanding))
        if any(a.name == self.authority.name for a in self.statistical_neighbours):
            raise DefinitionError(
                f"{self.authority.name} cannot be its own statistical neighbour"
            )

    def get(self, name: str) -> Comparator:
        """The comparator called ``name``; an
        [`UnknownNameError`][corpparent.errors.UnknownNameError] (a ``LookupError``) naming those
        there are."""
        for comparator in self.comparators:
            if comparator.name == name:
                return comparator
        known = ", ".join(repr(c.name) for c in self.comparators) or "none"
        raise UnknownNameError(
            f"no comparator {name!r} for {self.authority.name}; there are {known}"
        )

    def of_kind(self, kind: ComparatorKind) -> tuple[Comparator, ...]:
        """The comparators of ``kind``, in the order given."""
        return tuple(c for c in self.comparators if c.kind is kind)

    def with_comparators(self, *added: Comparator) -> ComparatorSet:
        """A copy with ``added`` comparators after those already there."""
        return ComparatorSet(
            self.authority, (*self.comparators, *added), self.statistical_neighbours,
            self.outstanding, self.source,
        )

    def compare(
        self,
        indicator: Indicator,
        value: float | None,
        period: Period,
        *,
        tolerance: float | Quantity[Any] = 0.0,
    ) -> tuple[Comparison, ...]:
        """``value`` compared with every comparator, in order."""
        return tuple(
            compare(indicator, value, comparator, period, tolerance=tolerance)
            for comparator in self.comparators
            if comparator.kind is not ComparatorKind.AUTHORITY
        )

    def rules(
        self,
        indicator: Indicator,
        *,
        tolerance: float | Quantity[Any] = 0.0,
        worse: Status = Status.WARNING,
    ) -> tuple[CompareWith, ...]:
        """One [`CompareWith`][corpparent.comparators.comparison.CompareWith] rule per comparator,
        for a ``RuleSet`` over readings."""
        return tuple(
            CompareWith(indicator, comparator, tolerance, worse=worse)
            for comparator in self.comparators
            if comparator.kind is not ComparatorKind.AUTHORITY
        )

    def neighbour_average(
        self,
        series: Iterable[Comparator],
        *,
        statistic: Statistic = "mean",
        indicators: Iterable[Indicator] = (),
        name: str = "Statistical neighbours",
    ) -> Comparator:
        """The statistical-neighbour comparator from the neighbours' own series."""
        if not self.statistical_neighbours:
            raise DefinitionError(f"{self.authority.name} has no statistical neighbours listed")
        return group_average(
            name, ComparatorKind.STATISTICAL_NEIGHBOURS, self.statistical_neighbours, series,
            statistic=statistic, indicators=indicators,
            source=f"{statistic} of {self.authority.name}'s statistical neighbours",
        )

    def position_among_neighbours(self, benchmark: Benchmark, value: float) -> GroupPosition:
        """Where ``value`` stands among the statistical neighbours in ``benchmark``."""
        return benchmark.among(a.name for a in self.statistical_neighbours).position(value)

    def position_among_outstanding(self, benchmark: Benchmark, value: float) -> GroupPosition:
        """Where ``value`` stands among the Outstanding authorities (itself excluded)."""
        names = [a.name for a in self.outstanding if a.name != self.authority.name]
        return benchmark.among(names).position(value)
