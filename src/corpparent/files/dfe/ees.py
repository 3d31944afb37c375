"""Reading Explore Education Statistics (EES) tidy CSV files.

The table's shape (time, geography, filter and indicator columns) and its periods are
described in `corpparent.dfe.ees`. Which columns are indicators is not written in
the data file itself (EES keeps it in a separate metadata file), so the caller names
them; every other non-geography column is a filter.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, create_model

from corpparent.dfe.areas import ENGLAND, Area, Areas, Level
from corpparent.dfe.ees import GEOGRAPHY_COLUMNS, EesRow, EesTable, ees_period
from corpparent.dfe.figures import Figure, parse_figure
from corpparent.errors import DataError, Problem
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import validate_records
from corpparent.files._tabular.tables import TableSource, records_of

__all__ = ["read_ees"]

_REQUIRED: Final = GEOGRAPHY_COLUMNS[:5]


def _figure(value: Any) -> Figure:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return parse_figure(value)


FigureCell = Annotated[Figure, PlainValidator(_figure)]


class _Geography(BaseModel):
    """The time and geography cells that every EES record has."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    time_period: str = Field(pattern=r"^\d{4}(\d{2})?$")
    time_identifier: str = Field(min_length=1)
    geographic_level: Level
    country_code: str
    country_name: str
    region_code: str = ""
    region_name: str = ""
    old_la_code: str = ""
    la_name: str = ""
    new_la_code: str = ""


def _area(record: _Geography, source: str, line: int, problems: list[Problem]) -> Area | None:
    level = record.geographic_level
    if level is Level.NATIONAL:
        return ENGLAND if record.country_code == ENGLAND.code else Area(
            record.country_code, record.country_name, level, ons_code=record.country_code)
    needed = ["region_code", "region_name"]
    if level is Level.LOCAL_AUTHORITY:
        needed += ["old_la_code", "la_name"]
    empty = [column for column in needed if not getattr(record, column)]
    for column in empty:
        problems.append(Problem(source, f"a {level} row needs a {column}", line=line,
                                field=column))
    if empty:
        return None
    if level is Level.REGIONAL:
        return Area(record.region_code, record.region_name, level, ons_code=record.region_code)
    return Area(record.old_la_code, record.la_name, level,
                ons_code=record.new_la_code or None, region=record.region_code)


def read_ees(path: TableSource, indicators: Collection[str]) -> EesTable:
    """Read the EES tidy CSV at ``path`` (or a workbook, a list of dicts or a table
    speaking Arrow, such as a pandas or polars DataFrame), with ``indicators`` its
    indicator columns.

    Every problem in the file is collected into one
    [`DataError`][corpparent.errors.DataError]: a missing column, a cell that is neither a
    number nor an official symbol, an unreadable period or level, a local-authority row
    without its codes.
    """
    indicator_columns = tuple(dict.fromkeys(indicators))
    records = records_of(path, required=(*_REQUIRED, *indicator_columns),
                         unknown_columns="keep", normalise_header=False)
    source = records.source
    filter_columns = tuple(
        column for column in records.header
        if column not in GEOGRAPHY_COLUMNS and column not in indicator_columns
    )
    names = {f"f{i}": column for i, column in enumerate(filter_columns)}
    names |= {f"v{i}": column for i, column in enumerate(indicator_columns)}
    fields: dict[str, Any] = {
        field: (str if field.startswith("f") else FigureCell, Field(alias=column))
        for field, column in names.items()
    }
    model = create_model("EesRecord", __base__=_Geography, **fields)
    valid, problems = validate_records(model, records, columns=names)
    rows: list[EesRow] = []
    for raw, record in valid:
        line = raw.row
        try:
            period = ees_period(record.time_period, record.time_identifier)
        except ValueError as exc:
            problems.append(Problem(source, str(exc), line=line, field="time_period"))
            continue
        area = _area(record, source, line, problems)
        if area is None:
            continue
        values = record.model_dump()
        rows.append(EesRow(
            line=line,
            period=period,
            area=area,
            filters={names[f]: values[f] for f in names if f.startswith("f")},
            figures={names[f]: values[f] for f in names if f.startswith("v")},
        ))
    if problems:
        raise DataError(in_file_order(problems))
    return EesTable(
        source=source,
        filter_columns=filter_columns,
        indicator_columns=indicator_columns,
        rows=tuple(rows),
        areas=Areas(row.area for row in rows),
    )
