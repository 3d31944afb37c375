"""Reading the DfE's Local Authority Interactive Tool (LAIT): its dictionary and dataset.

The data model is :mod:`corpparent.dfe.lait`. Reading the parquet dataset needs pyarrow:
``pip install 'corpparent[dfe]'``.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpparent.dfe.areas import ENGLAND, REGION_CODES, Area, Areas, Level, known_areas
from corpparent.dfe.figures import Figure, parse_figure
from corpparent.dfe.lait import ENGLAND_NUMBER, POLARITIES, LaitData, LaitDictionary, LaitMeasure
from corpparent.errors import CorpparentError, DataError, Problem
from corpparent.files.limits import checked_file
from corpparent.files.problems import in_file_order, problems_from_validation
from corpparent.files.records import read_records, validate_records

__all__ = ["read_lait", "read_lait_dictionary"]

_MISSING: Final = "-"


class _DictionaryRow(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    code: str = Field(alias="Measure_short", min_length=1)
    name: str = Field(alias="Measure")
    topic: str = Field(alias="Topic")
    polarity: Literal["High", "Low", "-", "NA"] = Field(alias="Polarity")
    dps: int | None = Field(alias="dps", ge=0)
    no_quartile: Literal["N", "NA", ""] = Field(alias="No_Quartile")
    year_type: str = Field(alias="Year_Type")
    table: str = Field(alias="Table_status")

    @field_validator("dps", mode="before")
    @classmethod
    def _na(cls, value: object) -> object:
        return None if value in ("NA", "") else value


_DICTIONARY_COLUMNS: Final = tuple(
    str(info.alias) for info in _DictionaryRow.model_fields.values())


def read_lait_dictionary(path: str | Path) -> LaitDictionary:
    """Read the LAIT data dictionary.

    A measure listed under several topics becomes one measure with all its topics; if
    the listings disagree on polarity, that is a problem naming both rows.
    """
    records = read_records(path, required=_DICTIONARY_COLUMNS, unknown_columns="keep",
                           normalise_header=False)
    valid, problems = validate_records(_DictionaryRow, records)
    measures: dict[str, LaitMeasure] = {}
    first_line: dict[str, int] = {}
    for raw, row in valid:
        line = raw.row
        measure = LaitMeasure(code=row.code, name=row.name, topics=(row.topic,),
                              polarity=POLARITIES[row.polarity], dps=row.dps,
                              quartiles=row.no_quartile != "N", year_type=row.year_type,
                              table=row.table)
        earlier = measures.get(row.code)
        if earlier is None:
            measures[row.code] = measure
            first_line[row.code] = line
            continue
        if row.topic in earlier.topics:  # the same listing twice: reported, not merged
            problems.append(Problem(
                records.source, f"measure {row.code!r} is listed under {row.topic!r} again; "
                f"first on line {first_line[row.code]}", line=line, field="Measure_short"))
            continue
        if earlier.polarity != measure.polarity:
            problems.append(Problem(
                records.source, f"measure {row.code!r} has polarity {row.polarity!r} here but "
                f"another on line {first_line[row.code]}", line=line, field="Polarity"))
            continue
        measures[row.code] = LaitMeasure(
            code=row.code, name=earlier.name, topics=(*earlier.topics, row.topic),
            polarity=earlier.polarity,
            dps=earlier.dps if earlier.dps is not None else measure.dps,
            quartiles=earlier.quartiles and measure.quartiles,
            year_type=earlier.year_type, table=earlier.table)
    if problems:
        raise DataError(in_file_order(problems))
    return LaitDictionary(records.source, measures)


# The dataset repeats a few tens of thousands of distinct cells over 641,070 rows.
_parse_cached = lru_cache(maxsize=65536)(parse_figure)


class _ValueRow(BaseModel):

    measure: str = Field(alias="Short Desc", min_length=1)
    years: str = Field(alias="Years", min_length=1)
    area_name: str = Field(alias="LA and Regions", min_length=1)
    value: Figure = Field(alias="Values")
    number: int = Field(alias="LA Number", ge=1)
    region: str | None = Field(alias="Region")

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True,
                              arbitrary_types_allowed=True)

    @field_validator("value", mode="before")
    @classmethod
    def _figure(cls, value: Any) -> Figure:
        if value is None or (isinstance(value, str) and value.strip() == _MISSING):
            return Figure(value=None)
        if not isinstance(value, str):
            raise ValueError("expected text")
        return _parse_cached(value)

    @field_validator("number", mode="before")
    @classmethod
    def _whole(cls, value: Any) -> Any:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    @field_validator("region", mode="before")
    @classmethod
    def _na(cls, value: Any) -> Any:
        return None if value in (None, "NA", "") else value


def _lait_area(row: _ValueRow, known: Areas) -> Area:
    if row.number == ENGLAND_NUMBER:
        return ENGLAND
    if row.region is None:
        code = REGION_CODES.get(row.area_name)
        if code is None:
            raise ValueError(f"unknown region {row.area_name!r}; expected one of "
                             + ", ".join(sorted(REGION_CODES)))
        return known[code]
    if row.region not in REGION_CODES:
        raise ValueError(f"unknown region {row.region!r}")
    code = str(row.number)
    listed = known.get(code)
    return Area(code, row.area_name, Level.LOCAL_AUTHORITY,
                ons_code=listed.ons_code if listed else None, region=REGION_CODES[row.region])


_COLUMNS: Final = ("Short Desc", "Years", "LA and Regions", "Values", "LA Number", "Region")


def read_lait(path: str | Path, measures: Collection[str] | None = None) -> LaitData:
    """Read the LAIT long dataset (parquet), all of it or only ``measures``.

    Problems name the file, the row of the parquet table (counting from 1, as a parquet
    file has no header line) and the column.
    """
    try:
        import pyarrow.compute as pc
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpparentError(
            "reading the LAIT dataset needs pyarrow: pip install 'corpparent[dfe]'") from None
    source = str(path)
    checked_file(path)  # no directory, pipe or device, nothing over the size bound
    try:
        table = pq.read_table(path)
        table.validate(full=True)  # text columns of valid UTF-8, offsets in range
    except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
        raise DataError.single(source, f"cannot read the parquet file: {exc}") from None
    missing = [c for c in _COLUMNS if c not in table.column_names]
    if missing:
        raise DataError(Problem(source, f"missing column {c!r}", field=c) for c in missing)
    if measures is None:
        indices = list(range(table.num_rows))
    else:
        mask = pc.is_in(table["Short Desc"], value_set=pc.cast(list(measures), "string"))
        indices = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()
    rows = table.select(list(_COLUMNS)).take(indices).to_pylist()
    known = known_areas()
    values: dict[tuple[str, str], dict[str, Figure]] = {}
    areas: dict[str, Area] = {}
    problems: list[Problem] = []
    seen: dict[tuple[int, str, str | None], Area] = {}
    for index, cells in zip(indices, rows, strict=True):
        try:
            row = _ValueRow.model_validate(cells)
            where = (row.number, row.area_name, row.region)
            area = seen.get(where) or seen.setdefault(where, _lait_area(row, known))
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, source, index + 1,
                                                     columns=_ALIASES))
            continue
        except ValueError as exc:
            problems.append(Problem(source, str(exc), line=index + 1, field="LA and Regions"))
            continue
        areas[area.code] = area
        cell = values.setdefault((row.measure, row.years), {})
        if area.code in cell:
            problems.append(Problem(source, f"a second value for {area} in {row.measure} "
                                    f"{row.years}", line=index + 1, field="Values"))
            continue
        cell[area.code] = row.value
    if problems:
        raise DataError(problems)
    return LaitData(source, values, Areas(areas.values()))


_ALIASES: Final = {
    name: str(info.alias) for name, info in _ValueRow.model_fields.items() if info.alias
}
