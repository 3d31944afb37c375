"""Readings files: long-format CSV or JSON, one reading per row.

Columns (CSV) or keys (JSON): ``indicator``, ``period`` and ``value`` are required;
``unit``, ``numerator``, ``denominator`` and ``population`` are optional. A value may be
an official-statistics symbol (``c``, ``x``, ``z``, ``low`` ...), kept as such. A value
in another unit of the same dimension (``0.07`` with unit ``fraction`` for a percentage;
``per 100,000`` for a rate per 10,000) is converted once, on reading.

A value written with a per cent sign (``11.9%``: a workbook cell formatted as a
percentage, which the sheet reader gives as the sheet shows it, or a CSV file Excel
saved from one) is a value in per cent. It is a reading of a percentage indicator (in
that indicator's unit) and of nothing else: on a count, a rate or a score it is a
problem naming the cell, never rescaled.

A row whose value is blank, with no numerator, denominator or population either, is no
reading: in a panel's sheet an empty cell means "no figure this period". It is not
refused; the indicator simply has no reading for that period, which the scorecard's
warning about indicators without a reading counts and names.

Every other row is either accepted or reported: an unknown indicator, a malformed
period, a wrong unit, a duplicate, a number that is not finite, a negative count, a
percentage over 100 are each a [`Problem`][corpparent.errors.Problem] naming the file, row
and field, and all of a file's problems are raised together as one
[`DataError`][corpparent.errors.DataError], whose message tells the rows wrong the same way
once (a column of dates where periods belong is one line, with the fix).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Annotated

from attrs import evolve
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from corpparent import units
from corpparent.errors import CorpparentError, DataError, PeriodError, Problem
from corpparent.files._tabular.column_names import READING_SYNONYMS, columns_given
from corpparent.files._tabular.date_periods import (
    DateRule,
    column_periods,
    date_rule,
    read_period,
)
from corpparent.files._tabular.period_problems import period_problem
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import RawRecord, Records, validate_records
from corpparent.files._tabular.tables import ArrowStream, TableSource, records_of
from corpparent.files._tabular.text_columns import (
    TextColumns,
    from_records,
    system_memory,
    text_columns,
)
from corpparent.files._tabular.text_encoding import encoding_name
from corpparent.files._tabular.wide import Layout, wide_layout, wide_records
from corpparent.files.panel.reading_columns import RowsChecked, column_readings
from corpparent.indicators.definitions import Indicator, Kind
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.symbols import has_stray_comma, number_or_symbol, optional_number

__all__ = [
    "READING_COLUMNS",
    "ReadingRecord",
    "check_rows",
    "is_blank",
    "out_of_range",
    "periods_of",
    "read_period",
    "read_readings",
    "readings_from_records",
    "readings_records",
    "readings_row_by_row",
]

READING_COLUMNS = ("indicator", "period", "value")
OPTIONAL_READING_COLUMNS = ("unit", "numerator", "denominator", "population")

OptionalNumber = Annotated[float | None, BeforeValidator(optional_number)]


class ReadingRecord(BaseModel):
    """One row of a readings file, as the file gives it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    indicator: str = Field(min_length=1, description="the indicator's identifier")
    period: str = Field(min_length=1, description="e.g. '2022-23 Q4', '2023-03', '2022-23'")
    value: Annotated[float | str | None, BeforeValidator(number_or_symbol)] = Field(
        default=None, description="a number, or an official symbol such as 'c'"
    )
    unit: str | None = Field(default=None, description="the value's unit, if not the indicator's")
    numerator: OptionalNumber = None
    denominator: OptionalNumber = None
    population: OptionalNumber = None


def read_readings(source: TableSource, indicators: IndicatorSet, *,
                  sheet: str | None = None, periods: DateRule | str | None = None,
                  layout: Layout | str | None = None,
                  columns: Mapping[str, str] | str | None = None) -> Readings:
    """Read and validate readings against ``indicators``: from a CSV, JSON, Excel or
    OpenDocument file (a workbook's ``sheet``, or the sheet holding the readings), a
    list of dicts, or a DataFrame or other table speaking Arrow. Periods written as
    dates are read by the column's own dates, or as quarter ends or month ends where
    ``periods`` says so (``"quarter-end"``, ``"month-end"``). A file's table is read
    long (a reading a row) or wide (an indicator a row, a period a column) as its header
    shows, or as ``layout`` says (``"long"``, ``"wide"``). A table's own headings are
    read as the fields ``columns`` maps them to (``{"Figure": "value"}``, or
    ``"Figure=value"``), and the common synonyms of the fields ("Measure", "Quarter",
    "Actual", ...) as those fields.

    A long CSV file or Arrow table is checked a column at a time where it is plain
    (`reading_columns`), with the same readings and problems."""
    given = columns_given(columns)
    if wide_layout(layout) is not Layout.WIDE and sheet is None:
        table = text_columns(source, required=READING_COLUMNS,
                             optional=OPTIONAL_READING_COLUMNS, columns=given,
                             synonyms=READING_SYNONYMS)
        if table is not None:
            return _from_columns(table, indicators, periods, given)
    records = readings_records(source, sheet=sheet, layout=layout, columns=columns)
    return readings_from_records(records, indicators, periods=periods)


def _from_columns(table: TextColumns, indicators: IndicatorSet,
                  periods: DateRule | str | None, columns: Mapping[str, str]) -> Readings:
    def records(rows: Sequence[int]) -> Records:
        return table.records(rows, required=READING_COLUMNS,
                             optional=OPTIONAL_READING_COLUMNS, columns=columns,
                             synonyms=READING_SYNONYMS)

    with system_memory():
        return column_readings(table, indicators, date_rule(periods), check_rows, records)


def readings_records(source: TableSource, *, sheet: str | None = None,
                     layout: Layout | str | None = None,
                     columns: Mapping[str, str] | str | None = None) -> Records:
    """The records of a readings file (or list of dicts, or table), each a reading's
    row: a wide table's made one for each of its value cells
    (`wide`)."""
    chosen = wide_layout(layout)
    given = columns_given(columns)
    file = Path(source) if isinstance(source, str | os.PathLike) else None
    if file is not None and chosen is Layout.WIDE:
        wide = wide_records(file, sheet=sheet, columns=given)
        assert wide is not None  # required: refused where the table is not wide
        return wide
    try:
        return records_of(source, required=READING_COLUMNS,
                          optional=OPTIONAL_READING_COLUMNS, json_key="readings", sheet=sheet,
                          columns=given, synonyms=READING_SYNONYMS)
    except DataError:
        if file is None or chosen is Layout.LONG or file.suffix.lower() == ".json":
            raise
        try:
            wide = wide_records(file, sheet=sheet, required=False, columns=given)
        except DataError:
            wide = None  # no wide table either: the long table's problems say why
        if wide is None:
            raise
        return wide


def readings_from_records(records: Records | TableSource, indicators: IndicatorSet, *,
                          periods: DateRule | str | None = None) -> Readings:
    """Validate records into readings; raise one DataError listing every problem, the
    header's included. ``records`` are a file's (`read_records`), or a list of
    dicts or a table speaking Arrow, read as
    [`read_readings`][corpparent.files.panel.readings.read_readings] reads them."""
    if not isinstance(records, Records):
        if isinstance(records, ArrowStream):
            table = text_columns(records, required=READING_COLUMNS,
                                 optional=OPTIONAL_READING_COLUMNS)
            if table is not None:
                return _from_columns(table, indicators, periods, {})
        records = records_of(records, required=READING_COLUMNS,
                             optional=OPTIONAL_READING_COLUMNS, json_key="readings")
    table = from_records(records, READING_COLUMNS)
    if table is not None:
        return _from_columns(table, indicators, periods, {})
    return readings_row_by_row(records, indicators, periods=periods)


def readings_row_by_row(records: Records, indicators: IndicatorSet, *,
                        periods: DateRule | str | None = None) -> Readings:
    """Validate records into readings one record at a time: for records that are not a
    table's rows of text (a JSON file's objects), and the reference the column checks
    are held to, giving the same readings and problems."""
    checked, _periods = check_rows(records, indicators, date_rule(periods))
    problems = checked.problems
    readings: list[Reading] = []
    first_seen: dict[tuple[str, Period], RawRecord] = {}
    for raw, reading, _place in checked.readings:
        key = (reading.indicator, reading.period)
        earlier = first_seen.get(key)
        if earlier is not None:
            problems.append(raw.problem_at("period", f"duplicate reading for "
                                           f"{reading.indicator!r} in {reading.period}; first "
                                           f"given at line {earlier.row}"))
            continue
        first_seen[key] = raw
        readings.append(reading)
    if problems:
        raise DataError(in_file_order(problems))
    return Readings(readings)


def check_rows(records: Records, indicators: IndicatorSet, rule: DateRule | None,
               texts: Collection[str] = (),
               periods: dict[str, Period | PeriodError] | None = None,
               ) -> tuple[RowsChecked, dict[str, Period | PeriodError]]:
    """Each record checked as a reading of ``indicators``: the readings made, in file
    order with their records and their places among ``records``, and every problem,
    the header's first (no duplicate is looked for). The period texts are read by
    ``rule`` among those of the records and ``texts`` (the period column's other
    rows), unless ``periods`` already holds them."""
    records, marked = _percent_marked(records)
    place = {id(raw): index for index, raw in enumerate(records)}
    valid, problems = validate_records(ReadingRecord, records)
    if periods is None:
        periods = column_periods({record.period for _raw, record in valid} | set(texts), rule)
    read_as = "" if records.encoding is None else f", read as {encoding_name(records.encoding)}"
    readings: list[tuple[RawRecord, Reading, int]] = []
    for raw, record in valid:
        reading = _reading(raw, record, indicators, problems, periods, id(raw) in marked,
                           read_as)
        if reading is not None:
            readings.append((raw, reading, place[id(raw)]))
    return RowsChecked(readings, problems), periods


def _percent_marked(records: Records) -> tuple[Records, set[int]]:
    """The records with each value written with a per cent sign (``11.9%``) as its
    number alone, and which records (by identity) were so written. A value with a
    decimal comma (``1,5%``) keeps its sign, so its problem shows it as written."""
    marked: set[int] = set()
    recast: list[RawRecord] = []
    for raw in records:
        value = raw.fields.get("value")
        if (isinstance(value, str) and value.rstrip().endswith("%")
                and not has_stray_comma(value)):
            raw = evolve(raw, fields={**raw.fields, "value": value.rstrip()[:-1].rstrip()})
            marked.add(id(raw))
        recast.append(raw)
    return (records.with_records(recast), marked) if marked else (records, marked)


def is_blank(record: ReadingRecord) -> bool:
    """Whether a row gives no figure at all: no value, numerator, denominator or
    population (a blank cell, "no figure this period"), so it is no reading."""
    return (record.value is None and record.numerator is None
            and record.denominator is None and record.population is None)


def periods_of(valid: Sequence[tuple[RawRecord, ReadingRecord]],
               rule: DateRule | str | None = None) -> dict[str, Period | PeriodError]:
    """The periods of a file's rows as `read_period` starts from them: each date
    (or month shown as ``Jan-25``) in the period column already read by the column's
    rule (`date_periods`, or ``rule`` where given)."""
    return column_periods({record.period for _raw, record in valid}, date_rule(rule))


def _reading(
    raw: RawRecord, record: ReadingRecord, indicators: IndicatorSet, problems: list[Problem],
    periods: dict[str, Period | PeriodError], percent: bool = False, read_as: str = "",
) -> Reading | None:
    def problem(field: str, message: str) -> None:
        problems.append(raw.problem_at(field, message))

    before = len(problems)
    indicator: Indicator | None = None
    try:
        indicator = indicators[record.indicator]
    except CorpparentError as exc:
        problem("indicator", str(exc))
    period = read_period(record.period, periods)
    if isinstance(period, PeriodError):
        problems.append(period_problem(raw, record.period, period))
        return None
    if indicator is None or is_blank(record):
        return None
    scale = 1.0
    if percent and isinstance(record.value, float):
        wrong = _percent_misplaced(indicator, record)
        if wrong is not None:
            problem(*wrong)
            return None
        record = record.model_copy(update={"unit": "percent"})
    if record.unit:
        try:
            scale = indicator.magnitude(1.0, record.unit)
        except CorpparentError as exc:
            problem("unit", f"{exc}; indicator {indicator.id!r} is measured in "
                    f"{indicator.unit_label}")
            return None
    symbol = record.value if isinstance(record.value, str) else None
    value = record.value * scale if isinstance(record.value, float) else None
    given = value
    if value is None and symbol is None:
        value = _derived(indicator, record)
        if value is None:
            problem("value", "a value is required: a number, an official symbol, or a "
                    "numerator and denominator")
    # A value derived from numerator and denominator is checked through them.
    _check_numbers(indicator, given, record, problem)
    if len(problems) > before:
        return None
    try:
        return Reading(
            indicator=indicator.id,
            period=period,
            value=value,
            numerator=record.numerator,
            denominator=record.denominator,
            population=record.population,
            symbol=symbol,
            source=f"{raw.source} line {raw.row}{read_as}",
        )
    except DataError as exc:  # a value out of range once converted to the indicator's unit
        for found in exc.problems:
            problem(found.field or "value", found.message)
        return None


def _percent_misplaced(indicator: Indicator, record: ReadingRecord) -> tuple[str, str] | None:
    """Why a value written as a percentage cannot be a reading of ``indicator`` (the
    field at fault and what is wrong), or ``None``: it can be one of a percentage
    indicator, whose row names no other unit."""
    shown = (f"a percentage ({record.value:g}%, written with a per cent sign or in a cell "
             "formatted as a percentage)")
    if indicator.kind is not Kind.PERCENTAGE:
        return ("value", f"{shown} cannot be a reading of indicator {indicator.id!r}, a "
                f"{indicator.kind} measured in {indicator.unit_label}; expected a number "
                f"in {indicator.unit_label}, in a cell not formatted as a percentage")
    try:
        same = not record.unit or units.unit_label(record.unit) == units.unit_label("percent")
    except CorpparentError:
        same = False
    if not same:
        return ("unit", f"{shown} is given with the unit {record.unit!r}; expected no unit, "
                "or 'percent'")
    return None


def _derived(indicator: Indicator, record: ReadingRecord) -> float | None:
    if record.numerator is None:
        return None
    base = record.denominator
    if base is None and indicator.kind is Kind.RATE:
        base = record.population
    if base is None or base <= 0:
        return None
    ratio = record.numerator / base
    if indicator.kind is Kind.SCORE:
        return ratio
    if indicator.is_proportion:
        return units.convert(ratio, "dimensionless", indicator.unit)
    return None


def out_of_range(indicator: Indicator, value: float) -> str | None:
    """Why ``value`` (in the indicator's unit) cannot be a figure of ``indicator``: a
    negative count, rate or percentage, or a percentage over 100; ``None`` if it can.
    Readings and comparator values are held to the same range."""
    if value < 0 and indicator.kind is not Kind.SCORE:
        return f"a {indicator.kind} cannot be negative, got {value:g}"
    if indicator.kind is Kind.PERCENTAGE:
        as_fraction = units.convert(value, indicator.unit, "dimensionless")
        if as_fraction > 1:
            return (f"a percentage cannot exceed 100%, got "
                    f"{units.convert(value, indicator.unit, 'percent'):g}%")
    return None


def _check_numbers(indicator: Indicator, value: float | None, record: ReadingRecord,
                   problem: Callable[[str, str], None]) -> None:
    wrong = None if value is None else out_of_range(indicator, value)
    if wrong is not None:
        problem("value", wrong)
    for name in ("numerator", "denominator", "population"):
        number = getattr(record, name)
        if number is not None and number < 0:
            problem(name, f"{name} cannot be negative, got {number:g}")
    if (
        indicator.kind is Kind.PERCENTAGE
        and record.numerator is not None
        and record.denominator is not None
        and record.numerator > record.denominator
    ):
        problem("numerator", f"numerator {record.numerator:g} exceeds denominator "
                f"{record.denominator:g} for a percentage")
