"""Reading the DfE's Local Authority Interactive Tool (LAIT): its dictionary and dataset.

The data model is `corpparent.dfe.lait`.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpparent.dfe.areas import Areas
from corpparent.dfe.figures import Figure
from corpparent.dfe.lait import POLARITIES, LaitData, LaitDictionary, LaitMeasure
from corpparent.errors import DataError, Problem
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import validate_records
from corpparent.files._tabular.tables import TableSource, records_of
from corpparent.files.dfe.lait_columns import read_lait_table

__all__ = ["read_lait", "read_lait_dictionary"]

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
    axis: str = Field(default="", alias="y_axis_name")

    @field_validator("dps", mode="before")
    @classmethod
    def _na(cls, value: object) -> object:
        return None if value in ("NA", "") else value


_DICTIONARY_COLUMNS: Final = tuple(
    str(info.alias) for info in _DictionaryRow.model_fields.values() if info.is_required())


def read_lait_dictionary(path: TableSource) -> LaitDictionary:
    """Read the LAIT data dictionary: a file, a workbook, a list of dicts or a table
    speaking Arrow (a pandas or polars DataFrame).

    A measure listed under several topics becomes one measure with all its topics; if
    the listings disagree on polarity, that is a problem naming both rows.
    """
    records = records_of(path, required=_DICTIONARY_COLUMNS, unknown_columns="keep",
                         normalise_header=False)
    valid, problems = validate_records(_DictionaryRow, records)
    measures: dict[str, LaitMeasure] = {}
    first_line: dict[str, int] = {}
    for raw, row in valid:
        line = raw.row
        measure = LaitMeasure(code=row.code, name=row.name, topics=(row.topic,),
                              polarity=POLARITIES[row.polarity], dps=row.dps,
                              quartiles=row.no_quartile != "N", year_type=row.year_type,
                              table=row.table, axis=row.axis)
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
            year_type=earlier.year_type, table=earlier.table, axis=earlier.axis)
    if problems:
        raise DataError(in_file_order(problems))
    return LaitDictionary(records.source, measures)


def read_lait(path: str | Path, measures: Collection[str] | None = None) -> LaitData:
    """Read the LAIT long dataset (parquet), all of it or only ``measures``.

    The file is read and checked column by column
    (`read_lait_table`); problems name the file, the
    row of the parquet table (counting from 1, as a parquet file has no header line) and
    the column. Each value then becomes a [`Figure`][corpparent.dfe.figures.Figure], keyed
    by measure, ``Years`` label and area code.
    """
    import numpy as np

    table = read_lait_table(path)
    if measures is None:
        rows = np.arange(len(table))
    else:
        wanted = [i for i, m in enumerate(table.measures) if m in set(measures)]
        rows = np.flatnonzero(np.isin(table.measure, wanted))
    figures: dict[tuple[float | None, str | None], Figure] = {}
    values: dict[tuple[str, str], dict[str, Figure]] = {}
    used: set[int] = set()
    for m, y, a, number, s in zip(table.measure[rows].tolist(), table.label[rows].tolist(),
                                  table.area[rows].tolist(), table.value[rows].tolist(),
                                  table.symbol[rows].tolist(), strict=True):
        key = (None if number != number else number, table.symbols[s])  # NaN: no number
        figure = figures.get(key)
        if figure is None:
            figure = figures[key] = Figure(value=key[0], symbol=key[1])
        values.setdefault((table.measures[m], table.labels[y]), {})[table.areas[a].code] = figure
        used.add(a)
    return LaitData(table.source, values, Areas(table.areas[a] for a in sorted(used)))
