"""Measure definitions, and the tidy table of a year's measures.

A [`Measure`][corpparent.ssda903.measuring.Measure] is one of the DfE's published local-authority
measures, computed from the return: its identifier, what it counts, the passage of the DfE's
methodology it follows with its source, the reading taken where that passage leaves a choice, the
collection years it applies to, and the tables it needs. The definitions themselves
are in `corpparent.ssda903.definitions`; [`measures`][corpparent.ssda903.measuring.measures]
computes them for a year into a tidy table (``measure``, ``year``, ``numerator``, ``denominator``,
``value``), one row per measure that applies to the year and whose tables the year's
return holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, final

from attrs import frozen

from corpparent.errors import UnknownNameError
from corpparent.periods import FinancialYear
from corpparent.ssda903.engine import Care
from corpparent.ssda903.returns import Return, Returns, collection_year

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["Count", "Measure", "MeasureValue", "Unit", "compute", "left_out", "measures"]

#: What a measure's counting gives: its numerator and its denominator (``None`` for a
#: count that has none).
Count = tuple[int, int | None]


class Unit(Enum):
    """How a measure's value is made from its numerator and denominator."""

    COUNT = "count"
    """The numerator itself: a number of children."""
    PERCENT = "percent"
    """The numerator as a percentage of the denominator."""
    PER_CHILD = "per child"
    """The numerator divided by the denominator: incidents per child."""


@final
@frozen
class Measure:
    """One published measure, defined on the return.

    ``passage`` quotes the DfE's text the definition follows and ``source`` names where
    it is published; ``reading`` says what was decided where the passage leaves a
    choice. ``first_year`` and ``last_year`` (the collection years' first calendar
    years, ``None`` for "still in force") bound the years it applies to; ``needs``
    names the tables it counts from beside the Episodes table.
    """

    id: str
    title: str
    unit: Unit
    passage: str
    source: str
    reading: str
    count: Callable[[Care, Return, FinancialYear], Count]
    first_year: int
    last_year: int | None = None
    needs: tuple[str, ...] = ()

    def applies_to(self, year: FinancialYear) -> bool:
        """Whether the measure is defined for the collection year ``year``."""
        return self.first_year <= year.year and (self.last_year is None
                                                 or year.year <= self.last_year)

    def value(self, numerator: int, denominator: int | None) -> float | None:
        """The measure's value from its counts (``None`` where the denominator is 0)."""
        if self.unit is Unit.COUNT:
            return float(numerator)
        if not denominator:
            return None
        share = numerator / denominator
        return 100 * share if self.unit is Unit.PERCENT else share


@final
@frozen
class MeasureValue:
    """One measure for one collection year: its counts and its value."""

    measure: str
    year: str
    numerator: int
    denominator: int | None
    value: float | None


def _chosen(ids: Iterable[str] | None) -> tuple[Measure, ...]:
    from corpparent.ssda903.definitions import MEASURES

    if ids is None:
        return tuple(MEASURES.values())
    asked = list(ids)
    unknown = [i for i in asked if i not in MEASURES]
    if unknown:
        raise UnknownNameError(f"no SSDA903 measure {', '.join(map(repr, unknown))}; the "
                               f"measures are {', '.join(MEASURES)}")
    return tuple(MEASURES[i] for i in dict.fromkeys(asked))


def compute(returns: Returns, year: FinancialYear | str,
            ids: Sequence[str] | None = None) -> tuple[MeasureValue, ...]:
    """Each measure of ``ids`` (default: every one) for the collection year ``year``,
    in definition order, computed from the returns up to that year; a measure that does
    not apply to the year, or that needs a table the year's return lacks, is left
    out ([`left_out`][corpparent.ssda903.measuring.left_out] says which and why)."""
    chosen_year = collection_year(year)
    current = returns[chosen_year]
    care = Care.of(returns, chosen_year)
    values = []
    for measure in _chosen(ids):
        if left_out(measure, current) is not None:
            continue
        numerator, denominator = measure.count(care, current, chosen_year)
        values.append(MeasureValue(measure.id, str(chosen_year), numerator, denominator,
                                   measure.value(numerator, denominator)))
    return tuple(values)


def left_out(measure: Measure, found: Return) -> str | None:
    """Why ``measure`` is not computed for the return ``found``, or ``None`` if it is."""
    if not measure.applies_to(found.year):
        return f"{measure.id} is not defined for {found.year}"
    if found.table("Episodes") is None:
        return f"the {found.year} return has no Episodes table"
    lacking = [name for name in measure.needs if found.table(name) is None]
    if lacking:
        return f"{measure.id} needs the {' and '.join(lacking)} table, which the " \
               f"{found.year} return lacks"
    return None


def measures(returns: Returns, year: FinancialYear | str,
             ids: Sequence[str] | None = None) -> pa.Table:
    """The measures of ``year`` as a tidy pyarrow table: ``measure``, ``year``,
    ``numerator``, ``denominator`` (null for a count) and ``value`` (null where the
    denominator is 0), one row per measure computed (see
    [`compute`][corpparent.ssda903.measuring.compute])."""
    import pyarrow as pa

    rows: list[dict[str, Any]] = [
        {"measure": v.measure, "year": v.year, "numerator": v.numerator,
         "denominator": v.denominator, "value": v.value}
        for v in compute(returns, year, ids)]
    schema = pa.schema([("measure", pa.string()), ("year", pa.string()),
                        ("numerator", pa.int64()), ("denominator", pa.int64()),
                        ("value", pa.float64())])
    return pa.Table.from_pylist(rows, schema=schema)
