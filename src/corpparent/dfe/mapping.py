"""Declarative mappings from an EES file's filters and columns to corpparent indicators.

A new EES file needs a mapping, not code. A mapping file (TOML) names the data file
and, for each indicator, the filter values that pick its rows and the column that holds
its value, with optional columns for the numerator and population on the same row and a
denominator on a sibling row::

    file = "la_cla_placement_stability.csv"
    title = "Children looked after: placement stability"

    [[indicators]]
    id = "cla_3plus_placements"
    name = "Children looked after with 3 or more placements during the year"
    kind = "percentage"
    polarity = "lower is better"
    lait = "LACStable_2016on"
    column = "children_percent"
    numerator = "children_count"
    filters = { cla_group = "CLA on 31 March",
                placement_stability = "With 3 or more placements during the year" }
    denominator = { column = "children_count",
                    filters = { placement_stability = "Total children" } }

The mappings shipped with corpparent are in ``corpparent/dfe/mappings/``. A mapping
that matches no rows of its file is an error naming the mapping file, the indicator and
the filter value the data file lacks; a mapping that matches two rows for one area and
period is an error naming both rows.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Self

from attrs import evolve
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from corpparent import units
from corpparent.dfe.ees import EesRow, EesTable, read_ees
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.errors import DataError, DefinitionError, Problem
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.records import problems_from_validation

__all__ = [
    "DenominatorSpec",
    "FileMapping",
    "IndicatorMapping",
    "apply_mapping",
    "load_mapping",
    "national_indicators",
    "read_folder",
    "read_mapped",
    "shipped_mappings",
]


class DenominatorSpec(BaseModel):
    """Where the denominator is: ``column`` on the row whose filters are overridden so."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    column: str = Field(min_length=1)
    filters: dict[str, str] = Field(default_factory=dict)


class IndicatorMapping(BaseModel):
    """One corpparent indicator taken from one file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str = Field(min_length=1)
    kind: Kind
    polarity: Polarity
    unit: str | None = None
    column: str = Field(min_length=1)
    filters: dict[str, str] = Field(default_factory=dict)
    numerator: str | None = None
    population: str | None = None
    denominator: DenominatorSpec | None = None
    lait: str | None = None
    description: str = ""

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, value: str | None) -> str | None:
        if value is not None:
            units.parse_unit(value)
        return value

    @model_validator(mode="after")
    def _valid_indicator(self) -> Self:
        self.indicator()
        return self

    def indicator(self, source: str = "") -> Indicator:
        """The corpparent indicator definition this mapping produces."""
        try:
            indicator = Indicator(id=self.id, name=self.name, kind=self.kind,
                                  polarity=self.polarity, description=self.description,
                                  source=source)
            return indicator if self.unit is None else evolve(indicator, unit=self.unit)
        except DefinitionError as exc:
            raise ValueError(str(exc)) from None

    @property
    def columns(self) -> tuple[str, ...]:
        """The indicator columns this mapping reads."""
        named = (self.column, self.numerator, self.population,
                 self.denominator.column if self.denominator else None)
        return tuple(dict.fromkeys(c for c in named if c))


class FileMapping(BaseModel):
    """Every indicator taken from one EES file, as declared in one mapping file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str = Field(min_length=1)
    title: str = Field(min_length=1)
    source: str = ""
    path: str = Field(default="", exclude=True)
    indicators: tuple[IndicatorMapping, ...]

    @field_validator("indicators")
    @classmethod
    def _unique_ids(cls, value: tuple[IndicatorMapping, ...]) -> tuple[IndicatorMapping, ...]:
        if not value:
            raise ValueError("a mapping file needs at least one [[indicators]] table")
        seen: set[str] = set()
        for item in value:
            if item.id in seen:
                raise ValueError(f"indicator id {item.id!r} is mapped twice")
            seen.add(item.id)
        return value

    @property
    def columns(self) -> tuple[str, ...]:
        """Every indicator column of the data file that the mapping reads."""
        return tuple(dict.fromkeys(c for item in self.indicators for c in item.columns))

    def definitions(self) -> tuple[Indicator, ...]:
        """The corpparent indicator definitions of every mapping."""
        return tuple(item.indicator(self.title) for item in self.indicators)


def load_mapping(path: str | Path) -> FileMapping:
    """Read and check a mapping file (TOML)."""
    source = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError.single(source, f"not valid TOML: {exc}") from None
    try:
        return FileMapping.model_validate({**data, "path": source})
    except ValidationError as exc:
        raise DataError(problems_from_validation(exc, source, indexes="brackets")) from None


def shipped_mappings() -> tuple[FileMapping, ...]:
    """The mappings that come with corpparent, one per supported EES file."""
    folder = resources.files("corpparent.dfe") / "mappings"
    return tuple(
        load_mapping(Path(str(entry)))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    )


def national_indicators(mappings: Iterable[FileMapping] | None = None) -> IndicatorSet:
    """The indicators the mappings (by default the shipped ones) take from DfE files,
    as an indicator set for a scorecard or the national plug-in."""
    chosen = shipped_mappings() if mappings is None else tuple(mappings)
    definitions = [d for m in chosen for d in m.definitions()]
    # IndicatorSet converts with the bare ``tuple``, which mypy cannot type-check against.
    return IndicatorSet(definitions)


def _no_rows(table: EesTable, mapping: FileMapping, index: int, item: IndicatorMapping,
             filters: Mapping[str, str]) -> Problem:
    for column, value in filters.items():
        present = table.filter_values(column)
        if value not in present:
            return Problem(
                mapping.path or mapping.file,
                f"mapping {item.id!r} matches no rows of {table.source}: no row has "
                f"{column} = {value!r}; the file has {', '.join(map(repr, present))}",
                field=f"indicators[{index}].filters.{column}",
            )
    return Problem(
        mapping.path or mapping.file,
        f"mapping {item.id!r} matches no rows of {table.source}: no row has all of "
        + ", ".join(f"{c} = {v!r}" for c, v in filters.items()),
        field=f"indicators[{index}].filters",
    )


def apply_mapping(table: EesTable, mapping: FileMapping) -> NationalData:
    """The national data that ``mapping`` takes from ``table``.

    Collects every problem: a filter column the file lacks, a mapping that matches no
    rows, two rows for one area and period.
    """
    problems: list[Problem] = []
    values: list[AreaValues] = []
    where = mapping.path or mapping.file
    for index, item in enumerate(mapping.indicators):
        wanted = [*item.filters, *(item.denominator.filters if item.denominator else {})]
        unknown = [c for c in dict.fromkeys(wanted) if c not in table.filter_columns]
        for column in unknown:
            problems.append(Problem(
                where, f"mapping {item.id!r} filters on {column!r}, which is not a filter "
                f"column of {table.source} ({', '.join(table.filter_columns) or 'none'})",
                field=f"indicators[{index}].filters.{column}"))
        if unknown:
            continue
        rows = table.select(item.filters)
        if not rows:
            problems.append(_no_rows(table, mapping, index, item, item.filters))
            continue
        denominators: dict[tuple[Period, str], EesRow] = {}
        if item.denominator is not None:
            wanted_filters = {**item.filters, **item.denominator.filters}
            for row in table.select(wanted_filters):
                denominators.setdefault((row.period, row.area.code), row)
        by_key: dict[tuple[Period, str], EesRow] = {}
        for row in rows:
            key = (row.period, row.area.code)
            earlier = by_key.get(key)
            if earlier is not None:
                differ = [c for c in table.filter_columns
                          if earlier.filters.get(c) != row.filters.get(c)]
                problems.append(Problem(
                    where, f"mapping {item.id!r} matches rows {earlier.line} and {row.line} of "
                    f"{table.source} for {row.area} in {row.period}; add a filter on "
                    f"{', '.join(differ) or 'the column that tells them apart'}",
                    field=f"indicators[{index}].filters"))
                continue
            by_key[key] = row
        values.extend(_area_values(table, item, by_key, denominators))
    if problems:
        raise DataError(problems)
    return NationalData(values)


def _area_values(table: EesTable, item: IndicatorMapping,
                 rows: Mapping[tuple[Period, str], EesRow],
                 denominators: Mapping[tuple[Period, str], EesRow]) -> Iterable[AreaValues]:
    by_period: dict[Period, dict[str, Reading]] = {}
    for (period, code), row in rows.items():
        figure = row.figures[item.column]
        denominator_row = denominators.get((period, code))
        by_period.setdefault(period, {})[code] = Reading(
            indicator=item.id,
            period=period,
            value=figure.value,
            symbol=figure.symbol,
            numerator=row.figures[item.numerator].value if item.numerator else None,
            population=row.figures[item.population].value if item.population else None,
            denominator=(denominator_row.figures[item.denominator.column].value
                         if item.denominator and denominator_row else None),
            source=f"{table.source}, row {row.line}",
        )
    for period, readings in by_period.items():
        yield AreaValues(indicator=item.id, period=period, readings=readings, areas=table.areas)


def read_mapped(path: str | Path, mapping: FileMapping) -> NationalData:
    """Read the EES file at ``path`` and take from it what ``mapping`` declares."""
    return apply_mapping(read_ees(path, mapping.columns), mapping)


def read_folder(folder: str | Path,
                mappings: Iterable[FileMapping] | None = None) -> NationalData:
    """Every mapped file present in ``folder`` (by default, the shipped mappings)."""
    chosen = shipped_mappings() if mappings is None else tuple(mappings)
    present = [m for m in chosen if (Path(folder) / m.file).is_file()]
    if not present:
        raise DataError.single(
            str(folder), "none of the mapped files is here; expected one of "
            + ", ".join(m.file for m in chosen))
    result = NationalData()
    for mapping in present:
        result = result.merged(read_mapped(Path(folder) / mapping.file, mapping))
    return result
