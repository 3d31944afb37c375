"""Reading comparator values from long-format files, the same shape as readings.

One row per value: ``comparator, indicator, period, value``, with an optional ``unit``
(the unit the value is in) and an optional ``kind`` (England, region, statistical
neighbours, Outstanding authorities, authority, other):

    comparator,indicator,period,value,unit
    England,placement-moves,2020-21,9,%
    South West,placement-moves,2020-21,11,%
    Statistical neighbours,attainment8,2021-22,c,

A value is a number or an official symbol (``c``, ``x``, ``z``, ``low`` ...). Every
problem in the file is collected, each naming the file, the line (the CSV line, the
header being line 1; in JSON, the line where the record or its key is written), the
field and what was expected, and raised together as one
[`DataError`][corpparent.errors.DataError].
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

from corpparent import units
from corpparent.comparators.series import (
    Comparator,
    ComparatorKind,
    ComparatorValue,
    Key,
)
from corpparent.errors import DataError, UnitError
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import Records, validate_records
from corpparent.files._tabular.tables import TableSource, records_of
from corpparent.files.panel.readings import out_of_range
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period, parse_period
from corpparent.symbols import OFFICIAL_SYMBOLS, number_or_symbol

__all__ = ["ComparatorRow", "comparators_from_records", "read_comparators"]

REQUIRED_COLUMNS = ("comparator", "indicator", "period", "value")
OPTIONAL_COLUMNS = ("unit", "kind")
_SYMBOLS = ", ".join(repr(s) for s in OFFICIAL_SYMBOLS)


class ComparatorRow(BaseModel):
    """One row of a comparator file, validated."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, arbitrary_types_allowed=True
    )

    comparator: str = Field(min_length=1)
    indicator: str = Field(min_length=1)
    period: Annotated[Period, WithJsonSchema({
        "type": "string", "description": "a period, such as '2022-23' or '2022-23 Q4'"})]
    value: ComparatorValue
    unit: str | None = None
    kind: ComparatorKind | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, value: object) -> Period:
        if isinstance(value, Period):
            return value
        if not isinstance(value, str):
            raise ValueError(f"expected a period such as '2022-23' or '2022-23 Q4', got {value!r}")
        return parse_period(value)

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: object) -> ComparatorValue:
        found = number_or_symbol(value)
        if found is None:
            raise ValueError(f"expected a number or an official symbol ({_SYMBOLS}); "
                             "the cell is empty")
        return found

    @field_validator("unit", mode="before")
    @classmethod
    def _unit(cls, value: object) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise ValueError(f"expected a unit name such as '%', got {value!r}")
        return str(units.parse_unit(value))

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> ComparatorKind | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, ComparatorKind):
            return value
        return ComparatorKind.parse(str(value))


def _default_kind(name: str) -> ComparatorKind:
    return ComparatorKind.ENGLAND if name.strip().lower() == "england" else ComparatorKind.OTHER


def comparators_from_records(
    records: Records,
    *,
    indicators: Iterable[Indicator] | Mapping[str, Indicator] | None = None,
    kinds: Mapping[str, ComparatorKind] | None = None,
) -> tuple[Comparator, ...]:
    """Comparators from a file's records (see `corpparent.files._tabular.records`), in
    first-seen order.

    With ``indicators``, each indicator must be known and values are converted to its
    unit; without, values keep the unit the file gives. A comparator's kind comes from
    the ``kind`` column, else ``kinds``, else "England" is England and any other name
    is "other".
    """
    known: dict[str, Indicator] | None = None
    if indicators is not None:
        pool = indicators.values() if isinstance(indicators, Mapping) else indicators
        known = {indicator.id: indicator for indicator in pool}
    valid, problems = validate_records(ComparatorRow, records)
    values: dict[str, dict[Key, ComparatorValue]] = {}
    where: dict[tuple[str, Key], int] = {}
    unit_of: dict[tuple[str, str], tuple[str | None, int]] = {}
    kind_of: dict[str, tuple[ComparatorKind, int]] = {}
    sources: dict[str, str] = {}
    for raw, parsed in valid:
        source, row = raw.source, raw.row
        name = parsed.comparator
        sources.setdefault(name, source)
        key = (parsed.indicator, parsed.period)
        first = where.get((name, key))
        if first is not None:
            problems.append(raw.problem_at(
                "period", f"a second value for {name!r}, {parsed.indicator!r}, {parsed.period}; "
                f"the first is at line {first}"))
            continue
        where[(name, key)] = row
        kind = parsed.kind or (kinds or {}).get(name) or _default_kind(name)
        earlier_kind = kind_of.setdefault(name, (kind, row))
        if parsed.kind is not None and earlier_kind[0] is not kind:
            problems.append(raw.problem_at(
                "kind", f"{name!r} is of kind {earlier_kind[0]} at line {earlier_kind[1]}, "
                f"not {kind}"))
        earlier_unit = unit_of.setdefault((name, parsed.indicator), (parsed.unit, row))
        if earlier_unit[0] != parsed.unit:
            problems.append(raw.problem_at("unit", f"{name!r} gives {parsed.indicator!r} in "
                f"{_label(earlier_unit[0])} at line {earlier_unit[1]}; every row of one "
                f"comparator and indicator must use one unit, got {_label(parsed.unit)}"))
            continue
        value = parsed.value
        if known is not None:
            indicator = known.get(parsed.indicator)
            if indicator is None:
                problems.append(raw.problem_at(
                    "indicator", f"unknown indicator {parsed.indicator!r}; expected one of "
                    f"{', '.join(sorted(known)) or 'none'}"))
                continue
            if isinstance(value, float):
                try:
                    value = indicator.magnitude(value, parsed.unit)
                except UnitError as exc:
                    problems.append(raw.problem_at("unit", str(exc)))
                    continue
                wrong = out_of_range(indicator, value)
                if wrong is not None:
                    problems.append(raw.problem_at("value", wrong))
                    continue
        elif isinstance(value, float):
            wrong = _out_of_unit_range(value, parsed.unit)
            if wrong is not None:
                problems.append(raw.problem_at("value", wrong))
                continue
        values.setdefault(name, {})[key] = value
    if problems:
        raise DataError(in_file_order(problems))
    result = []
    for name, series in values.items():
        series_units = {}
        if known is None:
            series_units = {
                ind: unit for (comp, ind), (unit, _) in unit_of.items()
                if comp == name and unit is not None
            }
        result.append(Comparator(name, kind_of[name][0], series, source=sources[name],
                                 units=series_units))
    return tuple(result)


def _out_of_unit_range(value: float, unit: str | None) -> str | None:
    """Why ``value`` cannot be in ``unit`` when no indicator is known to say more: a
    negative count, rate or percentage, or a proportion over the whole."""
    if unit is None:
        return None
    if value < 0 and unit != "point":
        return f"a value in {units.unit_label(unit)} cannot be negative, got {value:g}"
    if unit in ("percent", "dimensionless") and units.convert(value, unit, "dimensionless") > 1:
        return (f"a percentage cannot exceed 100%, got "
                f"{units.convert(value, unit, 'percent'):g}%")
    return None


def _label(unit: str | None) -> str:
    return "the indicator's own unit" if unit is None else units.unit_label(unit)


def read_comparators(
    path: TableSource,
    *,
    indicators: Iterable[Indicator] | Mapping[str, Indicator] | None = None,
    kinds: Mapping[str, ComparatorKind] | None = None,
) -> tuple[Comparator, ...]:
    """Read comparators from a long-format CSV, JSON, Excel or OpenDocument file, a list
    of dicts, or a table speaking Arrow.

    Raises [`DataError`][corpparent.errors.DataError] with every problem found.
    """
    records = records_of(
        path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS, json_key="comparators"
    )
    return comparators_from_records(records, indicators=indicators, kinds=kinds)
