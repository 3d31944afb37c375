"""Indicator definitions: kind, unit, polarity and domain.

The Wiltshire Corporate Parenting Panel's annual report 2022-23 (§18–21) names the
kinds a scorecard mixes: "Snapshot indicators look at performance at a point in time",
a rate "calculates based on population", and for a number indicator "the totals for
each month are added up to give an overall figure for the quarter". Percentages and
scores (Attainment 8, Progress 8, which can be negative) complete the set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import final

from attrs import evolve, field, frozen

from corpparent import units
from corpparent.errors import CorpparentError, DefinitionError, UnitError

__all__ = ["Indicator", "Kind", "Polarity", "number_text", "places_apart", "ssda903_misfit",
           "unit_misfit"]


class Kind(Enum):
    """How an indicator is measured, and so how it aggregates over time."""

    SNAPSHOT = "snapshot"
    """The value at the end of the period (children in care at 31 March)."""
    COUNT = "count"
    """Events summed over the period (children starting to be looked after)."""
    RATE = "rate"
    """Per population, per 10,000 (or 100,000) children aged 0-17."""
    PERCENTAGE = "percentage"
    """A numerator over a denominator."""
    SCORE = "score"
    """A points score such as Attainment 8; may be negative."""

    def __str__(self) -> str:
        return self.value


class Polarity(Enum):
    """Which direction is better."""

    HIGHER_IS_BETTER = "higher is better"
    LOWER_IS_BETTER = "lower is better"
    NEUTRAL = "neutral"

    def flipped(self) -> Polarity:
        """The opposite polarity (neutral stays neutral)."""
        if self is Polarity.HIGHER_IS_BETTER:
            return Polarity.LOWER_IS_BETTER
        if self is Polarity.LOWER_IS_BETTER:
            return Polarity.HIGHER_IS_BETTER
        return self

    def better(self, a: float, b: float) -> bool:
        """Whether ``a`` is strictly better than ``b`` under this polarity."""
        if self is Polarity.HIGHER_IS_BETTER:
            return a > b
        if self is Polarity.LOWER_IS_BETTER:
            return a < b
        return False

    def __str__(self) -> str:
        return self.value


_DEFAULT_UNITS = {
    Kind.SNAPSHOT: "child",
    Kind.COUNT: "child",
    Kind.RATE: "per_10k_children",
    Kind.PERCENTAGE: "percent",
    Kind.SCORE: "point",
}
# The units each kind's values may be in: each a unit whose dimension is allowed,
# less those named as refused, with why. A count is of children; a snapshot, the value
# at a point in time, is a number of children, days or points, never a proportion (a
# share is a percentage indicator's, so numerators and denominators are summed and a
# public paper treats it as one); a rate is per population, never in per cent.
_KIND_UNITS: dict[Kind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Kind.COUNT: (("child",), ()),
    Kind.SNAPSHOT: (("child", "day", "point"), ()),
    Kind.RATE: (("dimensionless",), ("percent",)),
    Kind.PERCENTAGE: (("dimensionless",), ()),
    Kind.SCORE: (("point",), ()),
}
_IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_.\-]*")


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _canonical_unit(value: str) -> str:
    return str(units.parse_unit(value))


def number_text(value: float, places: int = 1) -> str:
    """``value`` as a councillor reads it: ``1,234.5``, ``7``, ``-0.5``, with ``places``
    decimal places at most and no trailing zeros. The one way every format writes a
    figure, so a value and the bounds beside it are rounded alike."""
    text = f"{value:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _shown(value: float, places: int) -> Decimal:
    return Decimal(f"{value:.{places}f}")


def places_apart(value: float, *, lower: Iterable[float] = (),
                 upper: Iterable[float] = ()) -> int:
    """The decimal places to show ``value`` and the bounds it was judged against to, so
    that the figures shown say what the judgement said: one at least, as
    [`number_text`][corpparent.indicators.definitions.number_text] shows by default.

    ``lower`` are bounds a value must reach (an expected range's lower end, a target of
    "at least"), ``upper`` bounds it must not pass (the range's upper end, a target of
    "at most"); both are inclusive, so a value shown equal to its bound reads as within
    it. A value beyond a bound must be shown beyond it: 37.05% above a range of
    34%–37% is "37.05%", never "37%", which would read as within. Rounding never moves a
    value past a bound it is within (rounding keeps the order of two figures, or makes
    them equal), so only the bounds a value is beyond ask for more places: a value
    within is shown as it would be anyway. Places are added until the rounded value
    differs from each bound it is beyond, which it does at the latest when both are
    written out in full.
    """
    beyond = [b for b in lower if value < b] + [b for b in upper if value > b]
    places = 1
    while not all(_apart(value, bound, places) for bound in beyond):
        places += 1
    return places


def _apart(value: float, bound: float, places: int) -> bool:
    """Whether ``value``, shown to ``places``, is on its own side of ``bound`` shown so."""
    shown, limit = _shown(value, places), _shown(bound, places)
    return shown < limit if value < bound else shown > limit


@final
@frozen
class Indicator:
    """One measure on a scorecard.

    ``id`` is a short stable identifier (``ltstab``) used in data files; ``unit``
    defaults from the kind (children, %, per 10,000 children, points) and is stored by
    its registry name; ``priorities`` link the indicator to strategic priorities.
    """

    id: str = field()
    name: str
    kind: Kind = field(converter=Kind)
    polarity: Polarity = field(converter=Polarity)
    domain: str = ""
    unit: str = field(converter=_canonical_unit)
    priorities: tuple[str, ...] = field(default=(), converter=_strings)
    description: str = ""
    source: str = ""
    national_measure: str | None = None
    """The DfE benchmarking tool's (LAIT's) code for the same measure (``LAC_LongStable%``),
    where there is one: the scorecard then shows the authority's national rank and
    quartile band beside the indicator."""
    parts: tuple[str, ...] = field(default=(), converter=_strings)
    """The ids of the count indicators that add up to this one in every period (Wiltshire's
    children with a missing episode are those placed in county and those placed out of
    county, 002 §46). Disclosure control uses it: a small part must not be published
    where the total and the other parts would give it away."""
    questions: tuple[str, ...] = field(default=(), converter=_strings)
    """The questions the panel may ask when the indicator is an exception, where the
    authority writes its own; they replace the defaults of
    [`corpparent.questions`][corpparent.questions]. Plain text, shown as written."""
    ssda903: str | None = None
    """The SSDA903 measure the indicator is (``placements_3plus``; see
    [`MEASURES`][corpparent.ssda903.MEASURES]), where it is one: its figures can then be
    computed from the council's own return (``corpparent scorecard --ssda903``). The
    measure must be known and its unit fit the indicator's (see
    [`ssda903_misfit`][corpparent.indicators.definitions.ssda903_misfit])."""

    @unit.default
    def _default_unit(self) -> str:
        return _DEFAULT_UNITS[self.kind]

    @id.validator
    def _check_id(self, _attribute: object, value: str) -> None:
        if not _IDENTIFIER.fullmatch(value):
            raise DefinitionError(
                f"indicator id {value!r} must be lower-case letters, digits, '_', '.' or '-', "
                "starting with a letter or digit"
            )

    def __attrs_post_init__(self) -> None:
        wrong = unit_misfit(self.kind, self.unit)
        if wrong is not None:
            raise UnitError(f"indicator {self.id!r}: {wrong}")
        if self.ssda903 is not None:
            wrong = ssda903_misfit(self.ssda903, self.kind, self.unit)
            if wrong is not None:
                raise DefinitionError(f"indicator {self.id!r}, field 'ssda903': {wrong}")

    @property
    def unit_label(self) -> str:
        """The unit as a reader would write it."""
        return units.unit_label(self.unit)

    @property
    def is_proportion(self) -> bool:
        """Whether values are proportions (percentages and rates)."""
        return units.same_dimension(self.unit, "dimensionless")

    def magnitude(self, value: float, unit: str | None = None) -> float:
        """``value`` (in ``unit``, default the indicator's own) in the indicator's unit.

        Raises [`UnitError`][corpparent.errors.UnitError] when the units measure different
        things.
        """
        if unit is None:
            return float(value)
        return units.convert(value, unit, self.unit)

    def format(self, value: float, places: int = 1) -> str:
        """``value`` with its unit, as a councillor reads it: ``7%``, ``461 children``;
        ``places`` decimal places at most (see
        [`places_apart`][corpparent.indicators.definitions.places_apart] for a value shown
        beside a bound)."""
        text = number_text(value, places)
        if self.unit == "percent":
            return f"{text}%"
        return f"{text} {self.unit_label}"

    def format_range(self, lower: float, upper: float, places: int = 1) -> str:
        """A range as a councillor reads it: ``75%–82%``, ``90–120 children``."""
        if self.unit == "percent":
            return f"{self.format(lower, places)}–{self.format(upper, places)}"
        return f"{number_text(lower, places)}–{self.format(upper, places)}"

    def with_polarity(self, polarity: Polarity) -> Indicator:
        """A copy with another polarity."""
        return evolve(self, polarity=polarity)


def unit_misfit(kind: Kind | str, unit: str) -> str | None:
    """Why an indicator of ``kind`` cannot be measured in ``unit``, or ``None`` when it
    can: a count in children, a snapshot in children, days or points, a rate per
    population (per 10,000 or 100,000 children, or per child), a percentage in per cent
    or as a fraction, a score in points. "A count measured in percent" is refused
    (docs/plugins.md), and so is a snapshot in per cent: a number of children written so
    would be shown as "4%" and, not being a count, never withheld in a public paper.
    An unknown ``unit`` raises [`UnitError`][corpparent.errors.UnitError]."""
    kind = Kind(kind)
    unit = _canonical_unit(unit)
    dimensions, refused = _KIND_UNITS[kind]
    if unit not in refused and any(units.same_dimension(unit, d) for d in dimensions):
        return None
    expected = units.unit_label(_DEFAULT_UNITS[kind])
    return (f"a {kind} indicator cannot be measured in {units.unit_label(unit)}; "
            f"use a unit like {expected}")


def ssda903_misfit(measure_id: str, kind: Kind | str, unit: str | None = None) -> str | None:
    """Why the SSDA903 measure ``measure_id`` cannot give the figures of an indicator of
    ``kind`` measured in ``unit`` (default the kind's), or ``None`` when it can: the
    measure must be known, a percentage measure be a percentage indicator's, a count
    of children a count's or a snapshot's (in children), and incidents per child a
    rate's. The measures are read only when an indicator names one (they load NumPy)."""
    from corpparent.ssda903.definitions import MEASURES
    from corpparent.ssda903.measuring import Unit

    measure = MEASURES.get(measure_id)
    if measure is None:
        return (f"no SSDA903 measure {measure_id!r}; expected one of "
                f"{', '.join(MEASURES)}")
    kind = Kind(kind)
    try:
        unit = _DEFAULT_UNITS[kind] if unit is None else _canonical_unit(unit)
    except CorpparentError:
        return None  # an unknown unit is the unit's own problem, told where it is checked
    fits = {Unit.PERCENT: (Kind.PERCENTAGE,), Unit.COUNT: (Kind.COUNT, Kind.SNAPSHOT),
            Unit.PER_CHILD: (Kind.RATE,)}[measure.unit]
    if kind in fits and (measure.unit is not Unit.COUNT
                         or units.same_dimension(unit, "child")):
        return None
    wanted = {Unit.PERCENT: "a percentage indicator", Unit.PER_CHILD: "a rate indicator",
              Unit.COUNT: "a count or snapshot indicator measured in children"}
    return (f"the SSDA903 measure {measure_id!r} is {_MEASURE_UNITS[measure.unit.value]}, "
            f"so it gives the figures of {wanted[measure.unit]}, not of a {kind} "
            f"indicator measured in {units.unit_label(unit)}")


_MEASURE_UNITS = {"percent": "a percentage", "count": "a count of children",
                  "per child": "a number per child"}
