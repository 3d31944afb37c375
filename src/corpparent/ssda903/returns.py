"""The SSDA903 return as columns: one [`Table`][corpparent.ssda903.returns.Table] per CSV table, one
[`Return`][corpparent.ssda903.returns.Return] per collection year, and
[`Returns`][corpparent.ssda903.returns.Returns] for several years.

A collection year runs from 1 April to 31 March and is written as the DfE writes it,
``2023-24`` ([`collection_year`][corpparent.ssda903.returns.collection_year]); it is a
[`FinancialYear`][corpparent.periods.FinancialYear]. Each table holds its columns as NumPy
arrays: a date column as ``datetime64[D]`` (a blank cell is ``NaT``), every other
column as text (a blank cell is ``""``), so the episode engine works on whole columns.
Each row keeps the line it was read from, so anything said about a row can name its
file and line rather than the child.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, final

import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from corpparent.errors import PeriodError, UnknownNameError
from corpparent.periods import FinancialYear
from corpparent.ssda903.codes import DATE_COLUMNS, FIRST_YEAR

__all__ = ["Columns", "Return", "Returns", "Table", "collection_year"]

_YEAR = re.compile(r"(\d{4})-(\d{2})")


def collection_year(text: str | FinancialYear) -> FinancialYear:
    """The collection year written ``2023-24`` (1 April 2023 to 31 March 2024); a
    [`PeriodError`][corpparent.errors.PeriodError] for anything else, or a year before
    2014-15, the first this package reads."""
    if isinstance(text, FinancialYear):
        year = text
    else:
        found = _YEAR.fullmatch(str(text).strip())
        if found is None or int(found[2]) != (int(found[1]) + 1) % 100:
            raise PeriodError(f"expected a collection year such as 2023-24, found {text!r}")
        year = FinancialYear(int(found[1]))
    if year.year < FIRST_YEAR:
        raise PeriodError(f"the collection year {year} is before 2014-15, the first read")
    return year


def _dates(values: Sequence[object]) -> npt.NDArray[np.datetime64]:
    """Dates (``datetime.date`` or ``None``) as a ``datetime64[D]`` column."""
    return np.array(list(values), dtype="datetime64[D]")  # None is NaT


def _column(name: str, values: Sequence[object]) -> npt.NDArray[Any]:
    if name in DATE_COLUMNS:
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            return values.astype("datetime64[D]")
        return _dates(values)
    return np.array(["" if value is None else str(value) for value in values], dtype=str) \
        if len(values) else np.array([], dtype=str)


@final
class Columns(Mapping[str, npt.NDArray[Any]]):
    """A table's columns, each given made or as how to make it, and made the first time
    it is asked for: a reader hands over a column of text still as it read it, and a
    column no measure reads (a table's free text, a table no measure counts) is never
    made into NumPy's text. What a column holds is settled when it is given; making it
    changes its form only, so asking in any order, or never, gives the same columns.

    ``texts`` gives, for a column of text, how to make it as pyarrow's text (the same
    cells), which the engine hashes identifiers in without NumPy's text
    ([`Table.texts`][corpparent.ssda903.returns.Table.texts])."""

    __slots__ = ("_given", "_texts")

    def __init__(self, given: Mapping[str, npt.NDArray[Any] | Callable[[], npt.NDArray[Any]]],
                 texts: Mapping[str, Callable[[], Any]] | None = None) -> None:
        self._given = dict(given)
        self._texts: dict[str, Any] = dict(texts or {})

    def texts(self, name: str) -> Any | None:
        """The column ``name`` as pyarrow's text, or ``None`` where not given so."""
        found = self._texts.get(name)
        if callable(found):
            found = self._texts[name] = found()
        return found

    def __getitem__(self, name: str) -> npt.NDArray[Any]:
        found = self._given[name]
        if callable(found):
            found = self._given[name] = found()
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._given)

    def __len__(self) -> int:
        return len(self._given)


def _frozen_columns(columns: Mapping[str, npt.NDArray[Any]]) -> Mapping[str, npt.NDArray[Any]]:
    if isinstance(columns, Columns):
        return columns
    return MappingProxyType(dict(columns))


def _frozen_tables(tables: Mapping[str, Table]) -> Mapping[str, Table]:
    return MappingProxyType(dict(tables))


@final
@frozen
class Table:
    """One table of a return, as columns of equal length.

    ``lines`` gives the line each row was read from (the header is line 1; 0 for rows
    made in Python), ``source`` the file. Make one with [`of`][corpparent.ssda903.returns.Table.of].
    """

    name: str
    columns: Mapping[str, npt.NDArray[Any]] = field(converter=_frozen_columns)
    lines: npt.NDArray[np.int64]
    source: str = ""

    @classmethod
    def of(cls, name: str, columns: Mapping[str, Sequence[object]], *,
           lines: Sequence[int] | None = None, source: str = "") -> Table:
        """A table from its columns: a date column given as ``datetime.date`` or
        ``None`` values, every other as text (``None`` read as blank)."""
        made = {column: _column(column, values) for column, values in columns.items()}
        sizes = {len(values) for values in made.values()}
        if len(sizes) > 1:
            raise ValueError(f"the columns of the {name} table differ in length")
        rows = sizes.pop() if sizes else 0
        numbered = np.zeros(rows, dtype=np.int64) if lines is None \
            else np.asarray(lines, dtype=np.int64)
        return cls(name, made, numbered, source)

    @classmethod
    def from_rows(cls, name: str, rows: Iterable[Mapping[str, object]]) -> Table:
        """A table from rows (dicts by column), for tests and examples: a missing key
        is a blank cell."""
        listed = list(rows)
        names = dict.fromkeys(key for row in listed for key in row)
        return cls.of(name, {column: [row.get(column) for row in listed]
                             for column in names})

    def __len__(self) -> int:
        return len(self.lines)

    def column(self, name: str) -> npt.NDArray[Any]:
        """The column ``name``, or a blank one where the table has none."""
        found = self.columns.get(name)
        if found is not None:
            return found
        if name in DATE_COLUMNS:
            return np.full(len(self), np.datetime64("NaT"), dtype="datetime64[D]")
        return np.full(len(self), "", dtype=str)

    def texts(self, name: str) -> Any:
        """The column ``name`` of text as a pyarrow text array, each cell as
        [`column`][corpparent.ssda903.returns.Table.column] holds it (a blank one
        ``""``): as the reader read it where it can, else made from the column."""
        import pyarrow as pa
        import pyarrow.compute as pc

        found = self.columns.texts(name) if isinstance(self.columns, Columns) else None
        if found is None:
            return pa.array(self.column(name), pa.string())
        if len(found) and pc.any(pc.ends_with(found, "\x00")).as_py():
            return pc.utf8_rtrim(found, characters="\x00")  # as NumPy's text ends
        return found

    def take(self, rows: npt.NDArray[Any]) -> Table:
        """The table of ``rows`` (indices or a mask), in that order."""
        return Table(self.name, {name: values[rows] for name, values in self.columns.items()},
                     self.lines[rows], self.source)


@final
@frozen
class Return:
    """One collection year's return: its tables by name (``Header``, ``Episodes``,
    ``OC2``, ``Missing`` and any other it holds)."""

    year: FinancialYear = field(converter=collection_year)
    tables: Mapping[str, Table] = field(converter=_frozen_tables)

    def table(self, name: str) -> Table | None:
        """The table ``name``, or ``None`` where this return has none."""
        return self.tables.get(name)


def _by_year(returns: Iterable[Return] | Mapping[Any, Return]) -> Mapping[FinancialYear, Return]:
    items = returns.values() if isinstance(returns, Mapping) else returns
    ordered: dict[FinancialYear, Return] = {}
    for item in sorted(items, key=lambda r: r.year.year):
        if item.year in ordered:
            raise ValueError(f"two returns for {item.year}")
        ordered[item.year] = item
    return MappingProxyType(ordered)


@final
@frozen
class Returns(Mapping[FinancialYear, Return]):
    """The returns of one or several collection years, oldest first.

    Its care history, gathered once for every year's measures, is kept with it (see
    `corpparent.ssda903.history`): built the first time a measure is asked for, never
    compared, and never shared with another ``Returns``."""

    by_year: Mapping[FinancialYear, Return] = field(converter=_by_year)
    _history: Any = field(default=None, init=False, eq=False, repr=False)

    def __getitem__(self, year: FinancialYear | str) -> Return:
        chosen = collection_year(year)
        try:
            return self.by_year[chosen]
        except KeyError:
            held = ", ".join(str(y) for y in self.by_year) or "none"
            raise UnknownNameError(f"no return for {chosen}; the returns read are for "
                                   f"{held}") from None

    def __contains__(self, year: object) -> bool:
        return year in self.by_year

    def __iter__(self) -> Iterator[FinancialYear]:
        return iter(self.by_year)

    def __len__(self) -> int:
        return len(self.by_year)

    def unbroken_to(self, year: FinancialYear) -> Returns:
        """These returns less those of the years before a year not read, counting back
        from ``year``: itself where no year up to ``year`` is missing.

        A year's return holds the episodes open on some day of its year, and a child's
        episode open at its end is closed, if at all, in the next year's return. Read
        across a year not read, such an episode would stay open, and every child who
        left care in the missing year would be counted as looked after years later."""
        first = year.year
        while FinancialYear(first - 1) in self.by_year:
            first -= 1
        if all(y.year >= first for y in self.by_year):
            return self
        return Returns([r for y, r in self.by_year.items() if y.year >= first])

    def up_to(self, year: FinancialYear) -> tuple[Return, ...]:
        """The returns of ``year`` and every year before it, oldest first."""
        return tuple(r for y, r in self.by_year.items() if y.year <= year.year)
