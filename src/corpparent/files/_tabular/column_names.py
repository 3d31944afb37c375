"""What a table's headings name: the field each column holds.

A heading is read normalised (``'Substitute For'`` is ``substitute_for``). A sheet kept
by hand names its columns in its own words ("Measure", "Quarter", "Actual"), so a reader
may map them to its fields: by the headings the table itself uses, given by the person
reading it (``columns={"Figure": "value"}``; ``--columns "Figure=value"``), and by the
common synonyms of its fields, which are recognised without being given, where the
table has no column of the field's own name. Repeated headings are numbered as
spreadsheets read them (``SNP``, ``SNP.1``).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Final

from corpparent.errors import DataError
from corpparent.files._tabular.csv_rows import normalise_column

__all__ = ["READING_SYNONYMS", "column_map", "columns_given", "missing_headings", "numbered",
           "parse_columns", "renamed", "using_columns"]

#: The words sheets use for a readings table's columns, each the field it is read as.
READING_SYNONYMS: Final = {
    "measure": "indicator", "kpi": "indicator", "indicator_id": "indicator",
    "indicator_code": "indicator", "measure_id": "indicator", "kpi_id": "indicator",
    "quarter": "period", "month": "period", "date": "period",
    "period_ending": "period", "period_end": "period", "reporting_period": "period",
    "actual": "value", "figure": "value", "result": "value", "score": "value",
    "performance": "value", "outturn": "value",
    "units": "unit", "unit_of_measure": "unit",
}

_CHOSEN: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "columns", default=None)


@contextmanager
def using_columns(columns: Mapping[str, str] | str | None) -> Iterator[None]:
    """Read tables with their headings mapped to fields by ``columns`` (a mapping, or
    text as `parse_columns` reads it) while inside the block."""
    token = _CHOSEN.set(parse_columns(columns) if isinstance(columns, str) else columns)
    try:
        yield
    finally:
        _CHOSEN.reset(token)


def columns_given(columns: Mapping[str, str] | str | None = None) -> Mapping[str, str]:
    """The columns given, or else those chosen by `using_columns` (or none)."""
    if isinstance(columns, str):
        return parse_columns(columns)
    return columns if columns is not None else (_CHOSEN.get() or {})


def parse_columns(text: str) -> dict[str, str]:
    """``"Indicator=indicator,Quarter=period"`` as ``{"Indicator": "indicator", ...}``:
    each heading as the table writes it, then the field it holds."""
    found: dict[str, str] = {}
    for part in text.split(","):
        heading, equals, name = part.partition("=")
        if not equals or not heading.strip() or not name.strip():
            raise DataError.single("--columns", "a column mapping is HEADING=FIELD",
                                   expected="HEADING=FIELD pairs separated by commas, "
                                   "such as 'Quarter=period,Figure=value'",
                                   found=repr(part.strip()))
        found[heading.strip()] = normalise_column(name)
    return found


def column_map(given: Mapping[str, str], synonyms: Mapping[str, str]) -> dict[str, str]:
    """Each normalised heading and the field it is read as: the headings ``given`` and
    then the ``synonyms``."""
    return {**synonyms, **{normalise_column(heading): name for heading, name in given.items()}}


def renamed(names: Sequence[str], given: Mapping[str, str], synonyms: Mapping[str, str]
            ) -> tuple[str, ...]:
    """The fields the normalised headings ``names`` hold: each heading ``given`` as the
    field it names; then each synonym as its field, where no column already holds that
    field (the first such column only)."""
    explicit = {normalise_column(heading): name for heading, name in given.items()}
    result = [explicit.get(name, name) for name in names]
    taken = set(result)
    for index, name in enumerate(result):
        field = synonyms.get(name)
        if names[index] not in explicit and field is not None and field not in taken:
            result[index] = field
            taken.add(field)
    return tuple(result)


def missing_headings(names: Iterable[str], given: Mapping[str, str]) -> list[str]:
    """The headings ``given`` that no column has (``names`` normalised)."""
    present = set(names)
    return [heading for heading in given if normalise_column(heading) not in present]


def numbered(names: Iterable[str]) -> tuple[str, ...]:
    """Headings with repeats numbered as spreadsheets read them: SNP, SNP.1, SNP.2 ...

    A number already taken by a published heading is skipped, so no two columns share a
    name and none is lost.
    """
    taken: set[str] = set()
    repeats: dict[str, int] = {}
    result = []
    for name in names:
        numbered_name = name
        while numbered_name in taken:
            repeats[name] = repeats.get(name, 0) + 1
            numbered_name = f"{name}.{repeats[name]}"
        taken.add(numbered_name)
        result.append(numbered_name)
    return tuple(result)
