"""Reading comparator values from long-format files, the same shape as readings.

One row per value: ``comparator, indicator, period, value``, with an optional ``unit``
(the unit the value is in) and an optional ``kind`` (England, region, statistical
neighbours, Outstanding authorities, authority, other)::

    comparator,indicator,period,value,unit
    England,placement-moves,2020-21,9,%
    South West,placement-moves,2020-21,11,%
    Statistical neighbours,attainment8,2021-22,c,

A value is a number or an official symbol (``c``, ``x``, ``z``, ``low`` ...). Every
problem in the file is collected, each naming the file, the row (the CSV line, the
header being line 1; or the 0-based index of a JSON record), the field and what was
expected, and raised together as one :class:`~corpparent.errors.DataError`.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpparent import units
from corpparent.comparators.series import (
    Comparator,
    ComparatorKind,
    ComparatorValue,
    Key,
)
from corpparent.errors import DataError, Problem, UnitError
from corpparent.indicators.definitions import Indicator
from corpparent.periods import Period, parse_period
from corpparent.symbols import OFFICIAL_SYMBOLS, is_symbol

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
    period: Period
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
        expected = f"expected a number or an official symbol ({_SYMBOLS})"
        if isinstance(value, str) and is_symbol(value):
            return value.strip().lower()
        if isinstance(value, str) and not value.strip():
            raise ValueError(f"{expected}; the cell is empty")
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(f"{expected}, got {value!r}")
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{expected}, got {value!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"expected a finite number, got {value!r}")
        return number

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


def _problems(source: str, row: int, error: ValidationError) -> list[Problem]:
    found = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else None
        message = str(item["msg"]).removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "required field is missing"
        elif item["type"] == "string_too_short":
            message = f"expected the {field} named; the cell is empty"
        elif item["type"] == "extra_forbidden":
            message = (
                f"unknown field; expected {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}"
            )
        found.append(Problem(source=source, message=message, row=row, field=field))
    return found


def _default_kind(name: str) -> ComparatorKind:
    return ComparatorKind.ENGLAND if name.strip().lower() == "england" else ComparatorKind.OTHER


def comparators_from_records(
    records: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    source: str,
    indicators: Iterable[Indicator] | Mapping[str, Indicator] | None = None,
    kinds: Mapping[str, ComparatorKind] | None = None,
) -> tuple[Comparator, ...]:
    """Comparators from ``(row number, record)`` pairs, in first-seen order.

    With ``indicators``, each indicator must be known and values are converted to its
    unit; without, values keep the unit the file gives. A comparator's kind comes from
    the ``kind`` column, else ``kinds``, else "England" is England and any other name
    is "other".
    """
    known: dict[str, Indicator] | None = None
    if indicators is not None:
        pool = indicators.values() if isinstance(indicators, Mapping) else indicators
        known = {indicator.id: indicator for indicator in pool}
    problems: list[Problem] = []
    values: dict[str, dict[Key, ComparatorValue]] = {}
    where: dict[tuple[str, Key], int] = {}
    unit_of: dict[tuple[str, str], tuple[str | None, int]] = {}
    kind_of: dict[str, tuple[ComparatorKind, int]] = {}
    for row, record in records:
        try:
            parsed = ComparatorRow.model_validate(dict(record))
        except ValidationError as exc:
            problems.extend(_problems(source, row, exc))
            continue
        name = parsed.comparator
        key = (parsed.indicator, parsed.period)
        first = where.get((name, key))
        if first is not None:
            problems.append(Problem(
                source, f"a second value for {name!r}, {parsed.indicator!r}, {parsed.period}; "
                f"the first is at row {first}", row=row, field="period",
            ))
            continue
        where[(name, key)] = row
        kind = parsed.kind or (kinds or {}).get(name) or _default_kind(name)
        earlier_kind = kind_of.setdefault(name, (kind, row))
        if parsed.kind is not None and earlier_kind[0] is not kind:
            problems.append(Problem(
                source, f"{name!r} is of kind {earlier_kind[0]} at row {earlier_kind[1]}, "
                f"not {kind}", row=row, field="kind",
            ))
        earlier_unit = unit_of.setdefault((name, parsed.indicator), (parsed.unit, row))
        if earlier_unit[0] != parsed.unit:
            problems.append(Problem(
                source, f"{name!r} gives {parsed.indicator!r} in "
                f"{_label(earlier_unit[0])} at row {earlier_unit[1]}; every row of one "
                f"comparator and indicator must use one unit, got {_label(parsed.unit)}",
                row=row, field="unit",
            ))
            continue
        value = parsed.value
        if known is not None:
            indicator = known.get(parsed.indicator)
            if indicator is None:
                problems.append(Problem(
                    source, f"unknown indicator {parsed.indicator!r}; expected one of "
                    f"{', '.join(sorted(known)) or 'none'}", row=row, field="indicator",
                ))
                continue
            if isinstance(value, float):
                try:
                    value = indicator.magnitude(value, parsed.unit)
                except UnitError as exc:
                    problems.append(Problem(source, str(exc), row=row, field="unit"))
                    continue
        values.setdefault(name, {})[key] = value
    if problems:
        raise DataError(problems)
    result = []
    for name, series in values.items():
        series_units = {}
        if known is None:
            series_units = {
                ind: unit for (comp, ind), (unit, _) in unit_of.items()
                if comp == name and unit is not None
            }
        result.append(Comparator(name, kind_of[name][0], series, source=source,
                                 units=series_units))
    return tuple(result)


def _label(unit: str | None) -> str:
    return "the indicator's own unit" if unit is None else units.unit_label(unit)


def _csv_records(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    source = str(path)
    problems: list[Problem] = []
    records: list[tuple[int, dict[str, Any]]] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return [], [Problem(source, "the file is empty; expected a header row "
                                f"{','.join(REQUIRED_COLUMNS)}", row=1)]
        names = [column.strip().lower() for column in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in names]
        unknown = [c for c in names if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
        if missing:
            problems.append(Problem(source, f"missing column(s) {', '.join(missing)}; "
                                    f"the header is {','.join(names)}", row=1))
        for column in unknown:
            problems.append(Problem(source, "unknown column; expected "
                                    f"{', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}",
                                    row=1, field=column or "(blank)"))
        if problems:
            return [], problems
        line = reader.line_num
        for cells in reader:
            row = line + 1
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                problems.append(Problem(source, f"expected {len(names)} fields as in the "
                                        f"header, found {len(cells)}", row=row))
                continue
            records.append((row, dict(zip(names, cells, strict=True))))
    return records, problems


def _json_records(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    source = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [], [Problem(source, f"not valid JSON: {exc.msg} at line {exc.lineno}")]
    if not isinstance(data, list):
        return [], [Problem(source, "expected a JSON list of records")]
    records: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        if isinstance(item, dict):
            records.append((index, item))
        else:
            problems.append(Problem(source, f"expected an object, got {item!r}", row=index))
    return records, problems


def read_comparators(
    path: str | Path,
    *,
    indicators: Iterable[Indicator] | Mapping[str, Indicator] | None = None,
    kinds: Mapping[str, ComparatorKind] | None = None,
) -> tuple[Comparator, ...]:
    """Read comparators from a ``.csv`` or ``.json`` long-format file.

    Raises :class:`~corpparent.errors.DataError` with every problem found.
    """
    file = Path(path)
    try:
        if file.suffix.lower() == ".json":
            records, problems = _json_records(file)
        else:
            records, problems = _csv_records(file)
    except OSError as exc:
        raise DataError.single(str(file), f"cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataError.single(str(file), f"not UTF-8 text: {exc.reason}") from exc
    try:
        found = comparators_from_records(
            records, source=str(file), indicators=indicators, kinds=kinds
        )
    except DataError as exc:
        problems.extend(exc.problems)
        found = ()
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0)))
    return found
