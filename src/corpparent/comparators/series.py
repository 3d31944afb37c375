"""Comparators: named series of published values to judge an authority against.

Wiltshire's panel reports "against a range of comparators including Wiltshire's
statistical neighbours, the regional and national averages, and those authorities who
have received an 'Outstanding' Ofsted assessment" (Wiltshire CPP annual report 2022-23,
§16). Each of those is a [`Comparator`][corpparent.comparators.series.Comparator]: a name, a
[`ComparatorKind`][corpparent.comparators.series.ComparatorKind], its source, and values by
indicator and period.

A published table writes a symbol where it has no number ("c" confidential, "x" not
available, "z" not applicable, "low" too small to show). A comparator keeps the symbol
in place of the value, so a comparison with it says that it could not be made and
why; a symbol is never read as a number.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, final

from attrs import field, frozen

from corpparent import units
from corpparent.errors import DefinitionError
from corpparent.periods import Period, parse_period
from corpparent.symbols import OFFICIAL_SYMBOLS, is_symbol, symbol_meaning

__all__ = [
    "Authority",
    "Comparator",
    "ComparatorKind",
    "ComparatorValue",
    "Key",
    "withheld_reason",
]

#: A value as published: a number, or an official symbol standing where a number would.
ComparatorValue = float | str
#: The key of a comparator's values: an indicator id and a period.
Key = tuple[str, Period]


class ComparatorKind(Enum):
    """What a comparator stands for (002 §22: "10 comparator (statistical neighbours)
    Local Authorities and also ... the England and regional averages and other
    Outstanding local authorities")."""

    ENGLAND = "England"
    REGION = "region"
    STATISTICAL_NEIGHBOURS = "statistical neighbours"
    OUTSTANDING = "Outstanding authorities"
    AUTHORITY = "authority"
    """One local authority's own published series (a neighbour, or any authority)."""
    OTHER = "other"

    @classmethod
    def parse(cls, text: str) -> ComparatorKind:
        """A kind from its value or name, in any case: ``"region"``, ``"OUTSTANDING"``."""
        key = text.strip().lower().replace("_", " ")
        for kind in cls:
            if key in (kind.value.lower(), kind.name.lower().replace("_", " ")):
                return kind
        accepted = ", ".join(repr(kind.value) for kind in cls)
        raise DefinitionError(f"expected a comparator kind ({accepted}), got {text!r}")

    def __str__(self) -> str:
        return self.value


@final
@frozen
class Authority:
    """A local authority with children's services: its name, and where known its
    three-digit DfE code (``865`` for Wiltshire) and its region."""

    name: str = field()
    code: str | None = None
    region: str | None = None

    @name.validator
    def _check_name(self, _attribute: object, value: str) -> None:
        if not value.strip():
            raise DefinitionError("an authority needs a name")

    def __str__(self) -> str:
        return self.name if self.code is None else f"{self.name} ({self.code})"


def withheld_reason(symbol: str) -> str:
    """Why a value is withheld, in words: ``"withheld (c: confidential: ...)"``."""
    return f"withheld ({symbol}: {symbol_meaning(symbol)})"


def _clean_value(indicator: str, period: Period, value: object) -> ComparatorValue:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number):
            return number
        raise DefinitionError(
            f"value for {indicator!r} in {period}: expected a finite number, got {value!r}"
        )
    if isinstance(value, str) and is_symbol(value):
        return value.strip().lower()
    where = f"value for {indicator!r} in {period}"  # built only when the value is refused
    symbols = ", ".join(repr(s) for s in OFFICIAL_SYMBOLS)
    raise DefinitionError(
        f"{where}: expected a number or an official symbol ({symbols}), got {value!r}"
    )


def _clean_key(key: object) -> Key:
    if not (isinstance(key, tuple) and len(key) == 2):
        raise DefinitionError(
            f"a comparator's values are keyed by (indicator, period), got {key!r}"
        )
    indicator, period = key
    if not isinstance(indicator, str) or not indicator:
        raise DefinitionError(f"expected an indicator id in key {key!r}")
    if isinstance(period, str):
        period = parse_period(period)
    if not isinstance(period, Period):
        raise DefinitionError(f"expected a period or its written form in key {key!r}")
    return indicator, period


def _freeze_values(values: Mapping[Any, Any]) -> Mapping[Key, ComparatorValue]:
    cleaned: dict[Key, ComparatorValue] = {}
    for raw_key, raw_value in values.items():
        key = _clean_key(raw_key)
        if key in cleaned:
            raise DefinitionError(f"two values for {key[0]!r} in {key[1]}")
        cleaned[key] = _clean_value(key[0], key[1], raw_value)
    return MappingProxyType(cleaned)


def _kind(value: ComparatorKind | str) -> ComparatorKind:
    return value if isinstance(value, ComparatorKind) else ComparatorKind.parse(value)


def _freeze_units(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({ind: str(units.parse_unit(unit)) for ind, unit in value.items()})


@final
@frozen(hash=False)
class Comparator:
    """A named series of values by indicator and period.

    ``values`` maps ``(indicator id, period)`` to a number or an official symbol;
    periods may be given as written (``"2020-21"``). ``units`` gives, per indicator, the
    unit the values are in; an indicator not listed is in its own unit. ``source`` says
    where the figures were published.

    >>> england = Comparator("England", ComparatorKind.ENGLAND,
    ...                      {("placement-moves", "2020-21"): 9, ("attainment8", "2021-22"): "x"})
    >>> england.value("placement-moves", parse_period("2020-21"))
    9.0
    """

    name: str = field()
    kind: ComparatorKind = field(converter=_kind)
    values: Mapping[Key, ComparatorValue] = field(factory=dict, converter=_freeze_values)
    source: str = ""
    units: Mapping[str, str] = field(factory=dict, converter=_freeze_units)
    code: str | None = None

    @name.validator
    def _check_name(self, _attribute: object, value: str) -> None:
        if not value.strip():
            raise DefinitionError("a comparator needs a name")

    def entry(self, indicator: str, period: Period) -> ComparatorValue | None:
        """The published number or symbol, or ``None`` when nothing is published."""
        return self.values.get((indicator, period))

    def value(self, indicator: str, period: Period) -> float | None:
        """The number for ``indicator`` in ``period`` (in
        [`unit`][corpparent.comparators.series.Comparator.unit]), or ``None``."""
        entry = self.entry(indicator, period)
        return entry if isinstance(entry, float) else None

    def symbol(self, indicator: str, period: Period) -> str | None:
        """The symbol published in place of a number, if any."""
        entry = self.entry(indicator, period)
        return entry if isinstance(entry, str) else None

    def unit(self, indicator: str) -> str | None:
        """The unit of this comparator's values of ``indicator``; ``None`` means the
        indicator's own unit."""
        return self.units.get(indicator)

    def periods(self, indicator: str) -> tuple[Period, ...]:
        """The periods with a value or a symbol for ``indicator``, in order."""
        return tuple(sorted(period for ind, period in self.values if ind == indicator))

    def latest(self, indicator: str, up_to: Period | None = None) -> Period | None:
        """The latest period of ``indicator`` ending on or before ``up_to`` ends.

        Published comparators lag local data ("COMPARATORS 2020-21" beside 2022-23
        quarters, 002 §32), so a comparison takes the latest comparator period that
        had ended by the end of the period judged.
        """
        candidates = [
            period
            for period in self.periods(indicator)
            if up_to is None or period.end <= up_to.end
        ]
        return candidates[-1] if candidates else None

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators with at least one value or symbol, sorted."""
        return tuple(sorted({ind for ind, _ in self.values}))

    def __iter__(self) -> Iterator[Key]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __str__(self) -> str:
        return self.name
