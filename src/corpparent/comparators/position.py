"""Position within a set of authorities: better than k of n, rank, quartile band.

Reports place an authority among others: "Wiltshire Attainment 8 rates were higher
than 4 out of 5 of these comparators" (002 §57), and national benchmarking ranks every
authority and bands it into quartiles. The quartile cuts, bands and ranks are LAIT's,
defined once in `corpparent.benchmarking.lait` and worked here by the scalar
backend (`corpparent.benchmarking.scalar`):

* **Missing values**: a withheld value (``c``, ``x``, ``z``, ``low`` ...) or an authority
  with no value is left out of the cuts, gets no rank and no band, and does not count in
  ``n``; it is listed as missing with its reason.
* **Neutral indicators** (LAIT polarity "-") have no rank and no band; "k of n" is then
  given as higher or lower than, not better than. A measure the DfE shows without
  quartile bands (``No_Quartile = N``) is ranked but not banded (``banded=False``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal, final

from attrs import field, frozen

from corpparent.benchmarking.lait import MIN_VALUES_FOR_BANDS, Band, Quartiles
from corpparent.benchmarking.scalar import (
    group_mean,
    group_median,
    quartile_band,
    quartiles,
    rank_in,
    rank_values,
)
from corpparent.comparators.series import (
    Comparator,
    ComparatorKind,
    ComparatorValue,
    _clean_value,
    withheld_reason,
)
from corpparent.errors import DefinitionError
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.periods import Period

__all__ = [
    "MIN_VALUES_FOR_BANDS",
    "Band",
    "Benchmark",
    "GroupPosition",
    "Quartiles",
    "Statistic",
    "quartile_band",
    "quartiles",
    "rank_values",
]

Statistic = Literal["mean", "median"]


def _freeze_reasons(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@final
@frozen
class GroupPosition:
    """Where a value stands in a group: how many it is higher than, lower than and
    equal to, out of the ``n`` members with a number. Members without a number are in
    ``missing`` with the reason."""

    polarity: Polarity
    higher_than: int
    lower_than: int
    equal_to: int
    missing: Mapping[str, str] = field(factory=dict, converter=_freeze_reasons)

    @property
    def n(self) -> int:
        """The members compared (those with a number)."""
        return self.higher_than + self.lower_than + self.equal_to

    @property
    def better_than(self) -> int | None:
        """k in "better than k of n"; ``None`` for a neutral indicator."""
        if self.polarity is Polarity.HIGHER_IS_BETTER:
            return self.higher_than
        if self.polarity is Polarity.LOWER_IS_BETTER:
            return self.lower_than
        return None

    @property
    def worse_than(self) -> int | None:
        """How many members are better; ``None`` for a neutral indicator."""
        if self.polarity is Polarity.HIGHER_IS_BETTER:
            return self.lower_than
        if self.polarity is Polarity.LOWER_IS_BETTER:
            return self.higher_than
        return None

    def describe(self, group: str = "") -> str:
        """"better than 4 of 5 Outstanding authorities", or "higher than 3 and lower than
        2 of 5 ..." for a neutral indicator, with ties and missing values noted."""
        of = f"{self.n} {group}".rstrip()
        if self.better_than is not None:
            text = f"better than {self.better_than} of {of}"
        else:
            text = f"higher than {self.higher_than} and lower than {self.lower_than} of {of}"
        notes = []
        if self.equal_to:
            notes.append(f"equal to {self.equal_to}")
        if self.missing:
            notes.append(f"{len(self.missing)} more without a value")
        return text + (f" ({'; '.join(notes)})" if notes else "")


def _reason(value: ComparatorValue | None) -> str:
    return "no value published" if not isinstance(value, str) else withheld_reason(value)


def _numeric(values: Mapping[str, ComparatorValue | None]) -> dict[str, float]:
    return {name: value for name, value in values.items() if isinstance(value, float)}


def _freeze(values: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(values))


@final
@frozen(hash=False)
class Benchmark:
    """One indicator's values for one period across a set of authorities.

    ``values`` maps an authority's name to its number or official symbol, in ``unit``
    (default the indicator's own); numbers are converted to the indicator's unit once,
    here, so afterwards ``unit`` is ``None``. Use every English authority for quartile
    bands and national rank, or [`among`][corpparent.comparators.position.Benchmark.among] for a
    group such as the Outstanding authorities. ``banded`` false is a measure shown without quartile
    bands (LAIT's ``No_Quartile = N``): ranked, never banded.
    """

    indicator: Indicator
    period: Period
    values: Mapping[str, ComparatorValue | None] = field(converter=_freeze)
    unit: str | None = None
    banded: bool = True
    # Worked out once, here: the numbers, sorted, and the quartile cuts.
    _numbers: Mapping[str, float] = field(init=False, eq=False, repr=False)
    _ordered: list[float] = field(init=False, eq=False, repr=False)
    _cuts: Quartiles | None = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        cleaned: dict[str, ComparatorValue | None] = {}
        for name, raw in self.values.items():
            if raw is None:
                cleaned[name] = None
                continue
            value = _clean_value(self.indicator.id, self.period, raw)
            if isinstance(value, float):
                value = self.indicator.magnitude(value, self.unit)
            cleaned[name] = value
        object.__setattr__(self, "values", MappingProxyType(cleaned))
        object.__setattr__(self, "unit", None)
        numbers = _numeric(cleaned)
        ordered = sorted(numbers.values())
        object.__setattr__(self, "_numbers", MappingProxyType(numbers))
        object.__setattr__(self, "_ordered", ordered)
        object.__setattr__(
            self, "_cuts", quartiles(ordered) if len(ordered) >= MIN_VALUES_FOR_BANDS else None
        )

    @classmethod
    def from_comparators(
        cls, indicator: Indicator, period: Period, comparators: Iterable[Comparator]
    ) -> Benchmark:
        """The values of every
        [`ComparatorKind.AUTHORITY`][corpparent.comparators.series.ComparatorKind.AUTHORITY]
        comparator that has one (a number or a symbol) for ``indicator`` in ``period``."""
        values: dict[str, ComparatorValue] = {}
        for comparator in comparators:
            if comparator.kind is not ComparatorKind.AUTHORITY:
                continue
            entry = comparator.entry(indicator.id, period)
            if entry is None:
                continue
            if isinstance(entry, float):
                entry = indicator.magnitude(entry, comparator.unit(indicator.id))
            values[comparator.name] = entry
        return cls(indicator, period, values)

    @property
    def numeric(self) -> Mapping[str, float]:
        """The authorities with a number, and their numbers."""
        return self._numbers

    @property
    def missing(self) -> Mapping[str, str]:
        """The authorities without a number, and why."""
        return {name: _reason(value) for name, value in self.values.items()
                if not isinstance(value, float)}

    def among(self, names: Iterable[str]) -> Benchmark:
        """The same benchmark restricted to ``names``; a name with no value at all is
        kept, without a value, so it is reported rather than dropped."""
        return Benchmark(self.indicator, self.period,
                         {name: self.values.get(name) for name in names}, banded=self.banded)

    def quartiles(self) -> Quartiles | None:
        """The quartile cuts, or ``None`` with fewer than
        [`MIN_VALUES_FOR_BANDS`][corpparent.comparators.position.MIN_VALUES_FOR_BANDS]."""
        return self._cuts

    def band(self, value: float) -> Band | None:
        """The band of a value (in the indicator's unit) against these cuts; ``None``
        for a measure without bands."""
        if self._cuts is None:
            return None
        return quartile_band(value, self._cuts, self.indicator.polarity,
                             banded=self.banded)

    def band_of(self, name: str) -> Band | None:
        """The band of an authority in the set; ``None`` when it has no number."""
        value = self.numeric.get(name)
        return None if value is None else self.band(value)

    def ranks(self) -> dict[str, int]:
        """Every authority with a number, ranked (1 is best, "min" ties)."""
        return rank_values(self.numeric, self.indicator.polarity)

    def rank(self, value: float) -> int | None:
        """The rank ``value`` would have: one more than the authorities better than it.
        ``None`` for a neutral indicator."""
        return rank_in(self._ordered, value, self.indicator.polarity)

    def rank_of(self, name: str) -> int | None:
        """An authority's rank; ``None`` when it has no number or no polarity."""
        value = self._numbers.get(name)
        return None if value is None else self.rank(value)

    def position(self, value: float, *, excluding: str | None = None) -> GroupPosition:
        """How ``value`` stands against every authority (but ``excluding``)."""
        others = {n: v for n, v in self.values.items() if n != excluding}
        numbers = _numeric(others)
        return GroupPosition(
            polarity=self.indicator.polarity,
            higher_than=sum(value > other for other in numbers.values()),
            lower_than=sum(value < other for other in numbers.values()),
            equal_to=sum(value == other for other in numbers.values()),
            missing={n: _reason(v) for n, v in others.items() if not isinstance(v, float)},
        )

    def average(self, statistic: Statistic = "mean") -> float | None:
        """The mean (LAIT's statistical-neighbour figure) or median of the numbers,
        missing values dropped; ``None`` when none has a number."""
        if statistic == "mean":
            return group_mean(self.numeric.values())
        if statistic == "median":
            return group_median(self.numeric.values())
        raise DefinitionError(f"statistic must be 'mean' or 'median', got {statistic!r}")

    def __len__(self) -> int:
        return len(self.values)
