"""Reading the DfE's published local-authority figures of the SSDA903 measures, from a
folder of EES data files, for reconciliation with the measures computed from the return.

The folder holds the EES data files as downloaded from Explore Education Statistics
(``la_cla_placement_stability.csv``, ``cla_number_and_rate_per_10k_children.csv``,
``la_care_leavers_accommodation_suitability.csv``, ``la_care_leavers_activity.csv``);
any other file in it is not read. Each measure's file is named by
[`PUBLISHED_IN`][corpparent.ssda903.reconciling.PUBLISHED_IN], and its rows and columns
by the shipped mapping of that file (``corpparent/dfe/mappings/``), the same
declarations national benchmarking reads the files by.

Each figure is kept as published: a number, or the official symbol in its place
(``c``, ``z``, ``x``, ``low``, ``k``), with the decimal places its column shows in the
file (the most any of the column's numbers shows), the rounding it is compared at.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from corpparent.dfe.areas import Area, Level
from corpparent.dfe.ees import EesRow, EesTable
from corpparent.dfe.figures import Figure
from corpparent.errors import DataError
from corpparent.files.dfe.ees import read_ees
from corpparent.files.dfe.mapping import IndicatorMapping, shipped_mappings
from corpparent.periods import FinancialYear
from corpparent.ssda903.reconciling import PUBLISHED_IN, PublishedFigure, PublishedFigures

__all__ = ["read_published"]

#: The most decimal places a published figure is looked at with.
_MOST_DECIMALS = 6


def _decimals(value: float) -> int:
    """The decimal places ``value`` is written with (``67`` 0, ``66.7`` 1)."""
    for places in range(_MOST_DECIMALS + 1):
        if round(value, places) == value:
            return places
    return _MOST_DECIMALS


def _column_decimals(table: EesTable, column: str) -> int:
    """The most decimal places any number of ``column`` shows in the file."""
    values = (row.figures[column].value for row in table.rows)
    return max((_decimals(value) for value in values if value is not None), default=0)


def _mapping_of(file: str, indicator: str) -> IndicatorMapping:
    for mapping in shipped_mappings():
        if mapping.file == file:
            for item in mapping.indicators:
                if item.id == indicator:
                    return item
    raise DataError.single(file, f"no shipped mapping of {file} names {indicator!r}")


def _figure(figure: Figure, decimals: int, source: str, row: EesRow) -> PublishedFigure:
    return PublishedFigure(figure.value, figure.symbol, decimals, f"{source}, row {row.line}")


def _area_rows(table: EesTable, area: Area, filters: Mapping[str, str]) -> dict[str, EesRow]:
    """The rows of ``area`` matching ``filters``, by collection year."""
    return {str(row.period): row for row in table.select(filters)
            if isinstance(row.period, FinancialYear) and row.area.code == area.code}


def _found(tables: Mapping[str, EesTable], authority: str) -> Area | None:
    for table in tables.values():
        area = table.areas.get(authority)
        if area is not None and area.level is Level.LOCAL_AUTHORITY:
            return area
    return None


def read_published(folder: str | Path, authority: str) -> PublishedFigures:
    """The published figures of ``authority`` (its three-digit code, ``302``, its ONS
    code, ``E09000003``, or its name) from the EES files in ``folder``.

    A file the folder lacks is left out (the measures it publishes are then not
    comparable, said so by [`reconcile`][corpparent.ssda903.reconciling.reconcile]), as
    is an authority a file has no row of; a folder holding none of the files is a
    [`DataError`][corpparent.errors.DataError], as is a file that cannot be read, each
    problem with its file, line and field.
    """
    where = Path(folder)
    files = sorted({p.file for p in PUBLISHED_IN.values()})
    present = [file for file in files if (where / file).is_file()]
    if not where.is_dir() or not present:
        raise DataError.single(str(where), "none of the DfE's published files is here",
                               expected="a folder holding one or more of " + ", ".join(files))
    tables: dict[str, EesTable] = {}
    for file in present:
        items = [_mapping_of(file, p.indicator) for p in PUBLISHED_IN.values() if p.file == file]
        columns = dict.fromkeys(c for item in items for c in item.columns)
        tables[file] = read_ees(where / file, tuple(columns))
    area = _found(tables, authority)
    figures: dict[tuple[str, str, str], PublishedFigure] = {}
    for measure, publication in PUBLISHED_IN.items():
        table = tables.get(publication.file)
        if table is None or area is None:
            continue
        item = _mapping_of(publication.file, publication.indicator)
        decimals = {c: _column_decimals(table, c) for c in item.columns}
        named = {"value": item.column, "numerator": item.numerator}
        for year, row in _area_rows(table, area, item.filters).items():
            for figure, column in named.items():
                if column is not None:
                    figures[(measure, year, figure)] = _figure(
                        row.figures[column], decimals[column], table.source, row)
        if item.denominator is not None:
            spec = item.denominator
            for year, row in _area_rows(table, area, {**item.filters, **spec.filters}).items():
                figures[(measure, year, "denominator")] = _figure(
                    row.figures[spec.column], decimals[spec.column], table.source, row)
    years = {file: tuple(str(p) for p in table.periods if isinstance(p, FinancialYear))
             for file, table in tables.items()}
    return PublishedFigures(authority, None if area is None else area.name, figures, years)
