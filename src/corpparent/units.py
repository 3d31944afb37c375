"""The one pint registry corpparent uses, and conversions between its units.

The registry is small (children, percentages, rates per 10,000 and per 100,000
children, points for scores, days) and built on first use, so ``import corpparent``
costs nothing and a host application that already uses pint can hand in its own
registry with `use_registry`.

Percentages and rates are proportions, so they share pint's dimensionless dimension:
7 % is 0.07 is 700 per 10,000 children. Counts of children have the dimension
``[child]`` and scores ``[score]``, so a count given for a percentage indicator is a
[`UnitError`][corpparent.errors.UnitError], not a silent conversion.
"""

from __future__ import annotations

import functools
import math
import sys
from typing import TYPE_CHECKING, Any, TypeGuard

from corpparent.errors import UnitError

if TYPE_CHECKING:  # pint is imported on first use, keeping `import corpparent` light
    import pint
    from pint import Quantity

__all__ = [
    "KNOWN_UNITS",
    "MAX_UNIT_LENGTH",
    "Quantity",
    "convert",
    "is_quantity",
    "parse_unit",
    "quantity",
    "registry",
    "same_dimension",
    "unit_label",
    "unit_name",
    "use_registry",
]

_DEFINITIONS = (
    "child = [child] = children",
    "point = [score] = points",
    "day = [time] = days",
    "week = 7 * day = weeks",
    "percent = 0.01 = %",
    "per_10k_children = 1e-4",
    "per_100k_children = 1e-5",
)

# Spellings found in published tables and local scorecards, mapped to registry names.
_ALIASES: dict[str, str] = {
    "": "dimensionless",
    "1": "dimensionless",
    "fraction": "dimensionless",
    "proportion": "dimensionless",
    "ratio": "dimensionless",
    "%": "percent",
    "pc": "percent",
    "percentage": "percent",
    "per 10,000": "per_10k_children",
    "per 10000": "per_10k_children",
    "per 10k": "per_10k_children",
    "per 10,000 children": "per_10k_children",
    "per 10000 children": "per_10k_children",
    "rate per 10,000": "per_10k_children",
    "per 100,000": "per_100k_children",
    "per 100000": "per_100k_children",
    "per 100k": "per_100k_children",
    "per 100,000 children": "per_100k_children",
    "per 100000 children": "per_100k_children",
    "count": "child",
    "number": "child",
    "children": "child",
    "young people": "child",
    "score": "point",
    "points": "point",
    "days": "day",
}

_registry: pint.UnitRegistry[Any] | None = None


def _define_all(target: pint.UnitRegistry[Any]) -> None:
    for definition in _DEFINITIONS:
        name = definition.split("=", 1)[0].strip()
        if name not in target:
            target.define(definition)


def registry() -> pint.UnitRegistry[Any]:
    """Return corpparent's unit registry, building it on first use."""
    global _registry
    if _registry is None:
        import pint

        built: pint.UnitRegistry[Any] = pint.UnitRegistry(
            None, autoconvert_offset_to_baseunit=False
        )
        _define_all(built)
        _registry = built
    return _registry


def use_registry(host: pint.UnitRegistry[Any]) -> None:
    """Make corpparent use ``host``, adding its units where the host lacks them.

    Quantities from two pint registries cannot be mixed, so an application that already
    has a registry should call this once, before building indicators.
    """
    global _registry
    import pint

    try:
        _define_all(host)
    except (pint.errors.PintError, ValueError) as exc:
        raise UnitError(f"cannot add corpparent's units to the given registry: {exc}") from exc
    _registry = host
    _unit.cache_clear()
    _factor.cache_clear()
    _label.cache_clear()


#: The units corpparent knows, by their registry names: the closed vocabulary every
#: unit written in a file or given in Python must come from.
KNOWN_UNITS: frozenset[str] = frozenset({
    "dimensionless", "percent", "per_10k_children", "per_100k_children", "child", "point",
    "day", "week",
})
#: The longest unit text read: the longest accepted spelling is well under this, so a
#: longer cell is refused before any lookup.
MAX_UNIT_LENGTH = 64


def _spellings() -> dict[str, str]:
    """Every accepted spelling (lower case, single spaces) and the registry name it
    stands for: the aliases, the registry names, and their plurals."""
    spelt = dict(_ALIASES)
    for name in KNOWN_UNITS:
        spelt.setdefault(name, name)
        spelt.setdefault(name.replace("_", " "), name)
    spelt.update({"weeks": "week", "percents": "percent", "per cent": "percent"})
    return spelt


_SPELLINGS: dict[str, str] = _spellings()


def unit_name(text: str) -> str:
    """The registry name of a unit written ``text``, from the closed vocabulary of
    accepted spellings (any case, spaces collapsed): ``'%'`` -> ``'percent'``.

    Nothing is parsed or evaluated: a text that is not an accepted spelling (``'%%'``,
    ``'percent**0.5'``, ``'1/0'``) is a [`UnitError`][corpparent.errors.UnitError] naming the
    accepted ones, and so is a text longer than `MAX_UNIT_LENGTH` characters.
    """
    if len(text) > MAX_UNIT_LENGTH:
        raise UnitError(f"unknown unit: a text of {len(text):,} characters; expected one "
                        f"of {_accepted()}")
    key = " ".join(text.strip().lower().split())
    name = _SPELLINGS.get(key)
    if name is None:
        raise UnitError(f"unknown unit {text!r}; expected one of {_accepted()}")
    return name


def _accepted() -> str:
    return ", ".join(sorted(repr(a) for a in _ALIASES if a))


def parse_unit(text: str | pint.Unit) -> pint.Unit:
    """The registry's unit for a name such as ``'%'``, ``'per 10,000'`` or ``'children'``,
    or for a unit of any pint registry that is one of `KNOWN_UNITS`.

    Raises [`UnitError`][corpparent.errors.UnitError] naming the accepted spellings when the text is
    unknown. The text is looked up in a closed vocabulary, never handed to pint's parser, so pint is
    asked once per unit corpparent knows, not once per value.
    """
    return _unit(unit_name(text if isinstance(text, str) else str(text)))


@functools.lru_cache(maxsize=32)
def _unit(name: str) -> pint.Unit:
    return registry().Unit(name)


def is_quantity(value: object) -> TypeGuard[Quantity[Any]]:
    """Whether ``value`` is a pint quantity (from any registry), without importing pint."""
    module = sys.modules.get("pint")
    return module is not None and isinstance(value, module.Quantity)


def quantity(value: float, unit: str | pint.Unit) -> pint.Quantity[Any]:
    """Build a quantity in corpparent's registry."""
    return registry().Quantity(value, parse_unit(unit))


def same_dimension(a: str | pint.Unit, b: str | pint.Unit) -> bool:
    """Whether two units measure the same thing (so one converts to the other)."""
    return bool(parse_unit(a).dimensionality == parse_unit(b).dimensionality)


def convert(value: float, from_unit: str | pint.Unit, to_unit: str | pint.Unit) -> float:
    """Convert a plain number between units of the same dimension.

    Raises [`UnitError`][corpparent.errors.UnitError] when the dimensions differ, e.g. a count of
    children to a percentage.
    """
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if source == target:
        return float(value)
    if source.dimensionality != target.dimensionality:
        raise UnitError(
            f"cannot convert {unit_label(source)} to {unit_label(target)}: "
            f"{_dimension(source)} is not {_dimension(target)}"
        )
    factor = _factor(source, target)
    result = float(value) * factor
    return float(round(result, 12)) if math.isfinite(result) else result


@functools.lru_cache(maxsize=256)
def _factor(source: pint.Unit, target: pint.Unit) -> float:
    magnitude: Any = registry().Quantity(1.0, source).to(target).magnitude
    return float(magnitude)


def _dimension(unit: pint.Unit) -> str:
    dims = str(unit.dimensionality)
    return "a proportion" if dims == "dimensionless" else dims


_LABELS = {
    "dimensionless": "fraction",
    "percent": "%",
    "per_10k_children": "per 10,000 children",
    "per_100k_children": "per 100,000 children",
    "child": "children",
    "point": "points",
    "day": "days",
    "week": "weeks",
}


def unit_label(unit: str | pint.Unit) -> str:
    """A short label a reader understands: ``'%'``, ``'per 10,000 children'``."""
    return _label(unit)


@functools.lru_cache(maxsize=64)
def _label(unit: str | pint.Unit) -> str:
    # Written once for each unit: pint's formatting is slow beside the words it makes.
    name = str(parse_unit(unit))
    return _LABELS.get(name, name)
