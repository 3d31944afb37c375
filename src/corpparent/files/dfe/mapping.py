"""Declarative mappings from an EES file's filters and columns to corpparent indicators.

A new EES file needs a mapping, not code. A mapping file (TOML) names the data file
and, for each indicator, the filter values that pick its rows and the column that holds
its value, with optional columns for the numerator and population on the same row, a
denominator on a sibling row, and the measure's code in the DfE's Local Authority
Interactive Tool (LAIT):

    file = "la_cla_placement_stability.csv"
    title = "Children looked after: placement stability"

    [[indicators]]
    id = "placements_3plus"
    lait = "LACStable_2016on"
    column = "children_percent"
    numerator = "children_count"
    filters = { cla_group = "CLA on 31 March",
                placement_stability = "With 3 or more placements during the year" }
    denominator = { column = "children_count",
                    filters = { placement_stability = "Total children" } }

A mapping says only where an indicator's figures are. What the indicator is (its name,
kind, polarity and unit) is defined once, in the built-in ``national`` authority plug-in
(``corpparent/authorities/national.toml``), and every mapped ``id`` must be one of its
indicators; an ``id`` it lacks is an error naming the mapping file and the key. Pass
another indicator set to [`load_mapping`][corpparent.files.dfe.mapping.load_mapping] to map a file
to indicators of your own.

The mappings shipped with corpparent are in ``corpparent/dfe/mappings/``. A mapping
that matches no rows of its file is an error naming the mapping file, the indicator and
the filter value the data file lacks; a mapping that matches two rows for one area and
period is an error naming both rows.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from corpparent.dfe.ees import EesRow, EesTable
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.errors import DataError, Problem
from corpparent.files._tabular.documents import read_document
from corpparent.files._tabular.problems import problems_from_validation
from corpparent.files.dfe.ees import read_ees
from corpparent.files.plugin.reader import profile_from_toml
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Reading
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period

__all__ = [
    "NATIONAL_PLUGIN",
    "DenominatorSpec",
    "FileMapping",
    "IndicatorMapping",
    "apply_mapping",
    "load_mapping",
    "national_definitions",
    "national_indicators",
    "read_folder",
    "read_mapped",
    "shipped_mappings",
]

NATIONAL_PLUGIN = "corpparent.authorities:national.toml"
"""The built-in plug-in file that defines every indicator the shipped mappings name."""

# What an indicator is belongs to its definition, not to a mapping.
_DEFINITION_KEYS = ("name", "kind", "polarity", "unit", "description")


@cache
def national_definitions() -> IndicatorSet:
    """Every indicator the built-in ``national`` plug-in defines.

    Read from the file shipped with corpparent rather than through plug-in discovery,
    so that neither an allow or block list of plug-ins nor another distribution that
    registers a ``national`` plug-in changes what the DfE's files mean. It is the same
    set as ``corpparent.plugins.load_profile("national").indicators``.
    """
    package, name = NATIONAL_PLUGIN.split(":")
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return profile_from_toml(text, NATIONAL_PLUGIN).indicators


def _defined(context: object) -> tuple[IndicatorSet, str]:
    """The indicator set mappings are checked against, and how to name it."""
    if isinstance(context, Mapping) and isinstance(context.get("indicators"), IndicatorSet):
        return context["indicators"], "the indicator set given"
    return national_definitions(), f"the national plug-in ({NATIONAL_PLUGIN})"


def _nearest(wanted: str, ids: Iterable[str]) -> list[str]:
    """The two identifiers most like ``wanted``: most words in common, then most alike."""
    words = set(wanted.split("_"))

    def likeness(candidate: str) -> tuple[int, float]:
        common = len(words & set(candidate.split("_")))
        return common, difflib.SequenceMatcher(None, wanted, candidate).ratio()

    ranked = sorted(((likeness(c), c) for c in ids), reverse=True)
    return [c for (common, ratio), c in ranked[:2] if common or ratio >= 0.6]


class DenominatorSpec(BaseModel):
    """Where the denominator is: ``column`` on the row whose filters are overridden so."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    column: str = Field(min_length=1)
    filters: dict[str, str] = Field(default_factory=dict)


class IndicatorMapping(BaseModel):
    """Where one indicator's figures are in one file; ``indicator`` is its definition."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    column: str = Field(min_length=1)
    filters: dict[str, str] = Field(default_factory=dict)
    numerator: str | None = None
    population: str | None = None
    denominator: DenominatorSpec | None = None
    lait: str | None = None
    _indicator: Indicator = PrivateAttr()

    @model_validator(mode="before")
    @classmethod
    def _no_definition(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, Mapping):
            given = [key for key in _DEFINITION_KEYS if key in data]
            if given:
                _, where = _defined(info.context)
                raise ValueError(
                    f"{', '.join(given)} belong to the indicator's definition in {where}, "
                    "not to a mapping; a mapping says only which filters and columns "
                    "give the indicator")
        return data

    @field_validator("id")
    @classmethod
    def _known_id(cls, value: str, info: ValidationInfo) -> str:
        indicators, where = _defined(info.context)
        if value not in indicators:
            near = _nearest(value, indicators.ids)
            hint = f"; did you mean {' or '.join(map(repr, near))}?" if near else ""
            raise ValueError(f"{value!r} is not an indicator of {where}; define it there "
                             f"or map one of its indicators{hint}")
        return value

    @model_validator(mode="after")
    def _resolve(self, info: ValidationInfo) -> Self:
        self._indicator = _defined(info.context)[0][self.id]
        return self

    @property
    def indicator(self) -> Indicator:
        """The definition of the indicator this mapping gives figures for."""
        return self._indicator

    @property
    def columns(self) -> tuple[str, ...]:
        """The indicator columns this mapping reads."""
        named = (self.column, self.numerator, self.population,
                 self.denominator.column if self.denominator else None)
        return tuple(dict.fromkeys(c for c in named if c))


class FileMapping(BaseModel):
    """Every indicator taken from one EES file, as declared in one mapping file.

    Validate one with ``context={"indicators": indicator_set}`` to check its ids
    against an indicator set of your own; without it they are checked against the
    ``national`` plug-in's.
    """

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
        """The definitions of the indicators mapped, in the mapping's order."""
        return tuple(item.indicator for item in self.indicators)


def load_mapping(path: str | Path, indicators: IndicatorSet | None = None) -> FileMapping:
    """Read and check a mapping file (TOML).

    Every mapped ``id`` must be an indicator of ``indicators``, by default the
    ``national`` plug-in's
    ([`national_definitions`][corpparent.files.dfe.mapping.national_definitions]).
    """
    source = str(path)
    data, where = read_document(path, (".toml",))
    context = None if indicators is None else {"indicators": indicators}
    try:
        return FileMapping.model_validate({**data, "path": source}, context=context)
    except ValidationError as exc:
        raise DataError(problems_from_validation(exc, where, model=FileMapping)) from None


@cache
def shipped_mappings() -> tuple[FileMapping, ...]:
    """The mappings that come with corpparent, one per supported EES file: package data,
    read once."""
    folder = resources.files("corpparent.dfe") / "mappings"
    return tuple(
        load_mapping(Path(str(entry)))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".toml")
    )


def national_indicators(mappings: Iterable[FileMapping] | None = None) -> IndicatorSet:
    """The indicators the mappings (by default the shipped ones) take from DfE files:
    the ``national`` plug-in's definitions of them, for a scorecard of national data."""
    chosen = shipped_mappings() if mappings is None else tuple(mappings)
    definitions = {d.id: d for m in chosen for d in m.definitions()}
    return IndicatorSet(definitions.values())


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
                key = (row.period, row.area.code)
                first = denominators.setdefault(key, row)
                if first is not row:  # two candidates: taking either would be a guess
                    problems.append(_two_rows(table, where, index, item, first, row,
                                              "denominator"))
        by_key: dict[tuple[Period, str], EesRow] = {}
        for row in rows:
            key = (row.period, row.area.code)
            earlier = by_key.get(key)
            if earlier is not None:
                problems.append(_two_rows(table, where, index, item, earlier, row, "value"))
                continue
            by_key[key] = row
        values.extend(_area_values(table, item, by_key, denominators))
    if problems:
        raise DataError(problems)
    return NationalData(values)


def _two_rows(table: EesTable, where: str, index: int, item: IndicatorMapping,
              earlier: EesRow, row: EesRow, what: str) -> Problem:
    """The problem of a mapping whose filters match two rows for one area and period,
    naming both rows and the filter columns that tell them apart."""
    differ = [c for c in table.filter_columns if earlier.filters.get(c) != row.filters.get(c)]
    field = "filters" if what == "value" else "denominator.filters"
    return Problem(
        where, f"mapping {item.id!r} matches rows {earlier.line} and {row.line} of "
        f"{table.source} for its {what} of {row.area} in {row.period}; add a filter on "
        f"{', '.join(differ) or 'the column that tells them apart'}",
        field=f"indicators[{index}].{field}")


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
