"""The care history of a set of returns, gathered once and shared by every year's measures.

A year's measures need every episode of that year's return and of the years before it
(long-term stability looks back two and a half years), and a child's date of birth from
the Header tables up to it. Gathered again for each year, ten years' measures would sort
the first year's episodes ten times. [`History`][corpparent.ssda903.history.History]
gathers the episodes of every year once instead:

- each child's identifier becomes an integer code, its place among all the identifiers
  of the Episodes tables in text order, found once (so the engine sorts and compares
  integers): the identifiers of every table of every year hashed together in one pass
  (pyarrow's dictionary encoding, on the text as the reader read it), and only the
  distinct ones sorted;
- the episodes of all the years are sorted once, by child, start and the later return
  first; the episodes of the returns up to a year are then the rows of a year no later,
  taken in that order, and the engine's work for the year
  ([`Care.of`][corpparent.ssda903.engine.Care.of]) is a pass over them, with no sort;
- each child's date of birth as the Header tables up to each year give it, each year's
  built on the year before's.

[`history_of`][corpparent.ssda903.history.history_of] builds one per
[`Returns`][corpparent.ssda903.returns.Returns] object, the first time it is asked for,
and keeps it on that object: it is never shared by two, and a new ``Returns`` (made
from the same years or others) builds its own. The returns' tables are read, never
changed, so what the history holds stays true for as long as the object lives.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, final

import numpy as np
import numpy.typing as npt

from corpparent.periods import FinancialYear
from corpparent.ssda903.codes import (
    ADOPTION_WITH_CURRENT_CARERS,
    PLACED_FOR_ADOPTION,
    SAME_CARER,
    SHORT_BREAKS,
    STARTED,
    STATUS_ONLY,
    TEMPORARY_PLACEMENTS,
)
from corpparent.ssda903.returns import Return, Returns, Table

__all__ = ["FLAGS", "PLACEMENT", "History", "cares_of", "first_of_runs", "history_of"]

Days = npt.NDArray[np.datetime64]
Flags = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]

#: The columns that together name a placement: a return from a temporary placement to
#: one holding all four the same resumes it.
PLACEMENT = ("PLACE", "PLACE_PROVIDER", "PL_POST", "URN")
#: The columns of dates, joined and sorted for every episode.
_COLUMNS = ("DECOM", "DEC")
#: The coded columns, each tested as the flags `FLAGS` name, on pyarrow's text as the
#: reader read it; their text is looked at only where asked for (`History.column`).
_TEXTS = ("RNE", "LS", *PLACEMENT)
#: A collection year after every other, for an episode no later return holds.
_NO_YEAR: Final = np.iinfo(np.int64).max
#: The tables whose children's codes are found with the episodes', in the one hash of
#: their identifiers: those the measures count by child. Another table's are looked up
#: when asked for (`History.children_of`).
_COUNTED: Final = frozenset({"Episodes", "Header", "OC2", "Missing"})
#: Each flag of an episode: the column it tests, and the codes that raise it.
FLAGS: Final[Mapping[str, tuple[str, frozenset[str]]]] = MappingProxyType({
    "short_break": ("LS", SHORT_BREAKS),
    "started": ("RNE", frozenset({STARTED})),
    "status_only": ("RNE", frozenset({STATUS_ONLY})),
    "temporary": ("PLACE", TEMPORARY_PLACEMENTS),
    "adoption_with_carers": ("PLACE", ADOPTION_WITH_CURRENT_CARERS),
    "same_carer": ("RNE", SAME_CARER),
    "placed_for_adoption": ("PLACE", PLACED_FOR_ADOPTION),
})


def first_of_runs(keys: list[npt.NDArray[Any]]) -> Flags:
    """Whether each row (sorted by ``keys``) is the first of its run of equal keys."""
    size = len(keys[0])
    first = np.ones(size, dtype=bool)
    if size:
        same = np.ones(size - 1, dtype=bool)
        for key in keys:
            same &= key[1:] == key[:-1]
        first[1:] = ~same
    return first


@final
class History:
    """Every episode of a set of returns, sorted once by child, start and the later
    return first, with each identifier as an integer code.

    ``names`` holds each identifier of the Episodes tables once, in text order, and
    ``code`` each episode's place in it; ``year`` is the collection year (its first
    calendar year) of the return each episode was read from, ``repeated`` marks an
    episode beginning on the same day as the one before it for the same child in the
    same return, ``superseded`` the year of the later return holding the same child's
    episode of the same start, where one does (the one sorted before it), and
    ``episodes`` holds the dates (DECOM, DEC) and the flags the engine and the measures
    test (`FLAGS`), each in the sorted order; `column` gives the coded columns. Make
    one with [`history_of`][corpparent.ssda903.history.history_of].
    """

    __slots__ = ("_born", "_children", "_counted", "_order", "_placed", "_tables", "code",
                 "episodes", "lines", "names", "repeated", "sources", "superseded", "year")

    def __init__(self, returns: Returns) -> None:
        self._tables: dict[tuple[int, str], Table] = {
            (found.year.year, name): table
            for found in returns.values() for name, table in found.tables.items()}
        held = [(found.year.year, table) for found in returns.values()
                if (table := found.table("Episodes")) is not None]
        tables = [table for _, table in held] or [Table.of("Episodes", {})]
        joined = {name: np.concatenate([t.column(name) for t in tables]) for name in _COLUMNS}
        year = np.concatenate([np.full(len(t), y, dtype=np.int64) for y, t in held]) \
            if held else np.zeros(0, dtype=np.int64)
        lines = np.concatenate([t.lines for t in tables])
        self.sources = {y: t.source for y, t in held}
        self.names: npt.NDArray[np.str_]
        self.names, self._children = _identifiers(self._tables)
        code = np.concatenate([self._children[(y, "Episodes")] for y, _ in held]) \
            if held else np.zeros(0, dtype=np.int64)
        order = _sorted_order(code, joined["DECOM"], year)
        self._order: Ints = order
        self._placed: dict[str, Any] = {name: [t.column for t in tables] for name in _TEXTS}
        self.code: Ints = code[order]
        self.year: Ints = year[order]
        self.lines: Ints = lines[order]
        episodes = {name: values[order] for name, values in joined.items()}
        self.repeated: Flags = ~first_of_runs([self.code, episodes["DECOM"], self.year])
        # The year of the return holding the same child's episode of the same start just
        # before each (a later return's: these come first), or a year after every other.
        self.superseded: Ints = np.full(len(order), _NO_YEAR, dtype=np.int64)
        again = ~first_of_runs([self.code, episodes["DECOM"]])
        self.superseded[again] = self.year[np.flatnonzero(again) - 1]
        flags = _flagged(tables, order)
        self.episodes: dict[str, npt.NDArray[Any]] = {**episodes, **flags}
        self._born: dict[int, Days] = {}
        # The year of each episode's return, but a year after every other for a short break.
        self._counted: Ints = np.where(self.episodes["short_break"], _NO_YEAR, self.year)

    def column(self, name: str, rows: Ints) -> npt.NDArray[Any]:
        """The coded column ``name`` (RNE, LS or one of `PLACEMENT`) of the episodes
        at the sorted positions ``rows``: the years' columns made and joined the first
        time it is asked for, each value then taken where it lies."""
        held = self._placed[name]
        if isinstance(held, list):
            held = self._placed[name] = np.concatenate([column(name) for column in held])
        result: npt.NDArray[Any] = held[self._order[rows]]
        return result

    def up_to(self, year: FinancialYear) -> Ints:
        """The sorted positions of the episodes read from the returns of ``year`` and
        the years before it, in sorted order."""
        return np.flatnonzero(self.year <= year.year)

    def kept(self, year: FinancialYear) -> Ints:
        """The sorted positions, in sorted order, of the episodes of the returns up to
        ``year``, a later return's kept where two hold an episode of one child beginning
        on one day, short breaks left out: an episode read from a return no later than
        ``year`` that no later return up to it holds too, in one pass over the episodes
        rather than a sort of the year's."""
        return np.flatnonzero((self._counted <= year.year) & (self.superseded > year.year))

    def codes(self, identifiers: npt.NDArray[Any]) -> Ints:
        """The code of each identifier in ``names``, or -1 for one no episode holds."""
        if not len(self.names):
            return np.full(len(identifiers), -1, dtype=np.int64)
        at = np.clip(np.searchsorted(self.names, identifiers), 0, len(self.names) - 1)
        found = self.names[at] == identifiers
        return np.where(found, at, -1).astype(np.int64)

    def children_of(self, found: Return, name: str) -> Ints:
        """The code of the child of each row of the table ``name`` of the return
        ``found`` (-1 for a child no episode holds), found with the history's own."""
        table = found.table(name)
        if table is None:
            return np.zeros(0, dtype=np.int64)
        key = (found.year.year, name)
        if self._tables.get(key) is not table or key not in self._children:
            # not one of these returns' tables, or one whose children are found here
            return self.codes(table.column("CHILD"))
        return self._children[key]

    def born(self, year: FinancialYear) -> Days:
        """Each child's date of birth (by code) from the Header tables of the returns
        up to ``year``, a later return's row kept; ``NaT`` where none holds one."""
        years = sorted({y for y, name in self._tables if name == "Header"
                        and y <= year.year})
        if not years:
            return np.full(len(self.names), np.datetime64("NaT"), dtype="datetime64[D]")
        last = years[-1]
        if last not in self._born:
            before = self.born(FinancialYear(last - 1)).copy()
            header = self._tables[(last, "Header")]
            codes = self._children[(last, "Header")]
            days = header.column("DOB")
            known = (codes >= 0) & ~np.isnat(days)
            before[codes[known]] = days[known]
            self._born[last] = before
        return self._born[last]


def _sorted_order(code: Ints, began: Days, year: Ints) -> Ints:
    """The order of the episodes by child (``code``), start (``began``, ``NaT`` last)
    and the later return first, equal episodes in the order given: as
    ``np.lexsort((-year, began, code))`` orders them, by one sort of one whole number
    for each, in which the child counts most, then the start's place among the starts,
    then how many years the return is before the last."""
    if not len(code):
        return np.zeros(0, dtype=np.int64)
    days = began.view(np.int64)
    dated = ~np.isnat(began)
    first = int(days[dated].min()) if dated.any() else 0
    starts = int(days[dated].max()) - first + 2 if dated.any() else 1  # NaT the last
    years = int(year.max() - year.min()) + 1
    if (int(code.max()) + 1) * starts * years >= 1 << 62 or int(code.min()) < 0:
        result: Ints = np.lexsort((-year, began, code))
        return result
    start = np.where(dated, days - first, starts - 1)
    key = (code * starts + start) * years + (int(year.max()) - year)
    ordered: Ints = np.argsort(key, kind="stable")
    return ordered


def _flagged(tables: list[Table], order: Ints) -> dict[str, Flags]:
    """Each flag of `FLAGS` of every episode, the tables' episodes one after another
    taken in ``order``: each coded column's cells looked up once among all the codes its
    flags name (so three passes over the episodes, not one for each flag and table),
    and each flag then read from where its codes lie."""
    import pyarrow as pa
    import pyarrow.compute as pc

    by_column: dict[str, dict[str, frozenset[str]]] = {}
    for flag, (name, codes) in FLAGS.items():
        by_column.setdefault(name, {})[flag] = codes
    found: dict[str, Flags] = {}
    for name, flags in by_column.items():
        known = sorted(frozenset().union(*flags.values()))
        texts = pa.chunked_array([table.texts(name) for table in tables], type=pa.string())
        at = pc.index_in(texts, value_set=pa.array(known, pa.string())).fill_null(len(known))
        placed = np.asarray(at.to_numpy(), dtype=np.intp)[order]  # len(known): none
        for flag, codes in flags.items():
            raised = np.array([code in codes for code in known] + [False], dtype=bool)
            found[flag] = raised[placed]
    return {flag: found[flag] for flag in FLAGS}


def _identifiers(tables: dict[tuple[int, str], Table]
                 ) -> tuple[npt.NDArray[np.str_], dict[tuple[int, str], Ints]]:
    """Each identifier the Episodes tables hold, once, in text order, and for each
    table (by year and name) of `_COUNTED` the code of each row's child: its
    identifier's place among those, -1 for one no episode holds."""
    import pyarrow as pa
    import pyarrow.compute as pc

    keys = [key for key in tables if key[1] in _COUNTED]
    texts = [tables[key].texts("CHILD") for key in keys]
    bounds = np.cumsum([0, *(len(text) for text in texts)])
    encoded = pc.dictionary_encode(pa.chunked_array(texts, type=pa.string()).combine_chunks())
    indices = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    held = np.zeros(len(encoded.dictionary), dtype=bool)
    for at, (_, name) in enumerate(keys):
        if name == "Episodes":
            held[indices[bounds[at]:bounds[at + 1]]] = True
    entries = np.flatnonzero(held)
    distinct = np.array(encoded.dictionary.take(pa.array(entries)).to_pylist(), dtype=str)
    order = np.argsort(distinct, kind="stable")
    rank = np.full(len(held), -1, dtype=np.int64)
    rank[entries[order]] = np.arange(len(entries), dtype=np.int64)
    codes = rank[indices]
    return distinct[order], {key: codes[bounds[at]:bounds[at + 1]]
                             for at, key in enumerate(keys)}


@final
class _Kept:
    """What is kept on a ``Returns`` object: its history, and the engine's
    [`Care`][corpparent.ssda903.engine.Care] of each year asked for, by the year's first
    calendar year (apart from the history, which a ``Care`` refers to, so that nothing
    refers back and the whole is freed with the returns)."""

    __slots__ = ("cares", "history")

    def __init__(self, returns: Returns) -> None:
        self.history = History(returns)
        self.cares: dict[int, Any] = {}


def _kept(returns: Returns) -> _Kept:
    """The history of ``returns`` and the years' ``Care`` built from it, built the first
    time asked for and kept on that object: in its one private slot, set here and
    nowhere else (``Returns`` is frozen, and what is kept is derived from its tables,
    which it never changes)."""
    kept: _Kept | None = returns._history
    if kept is None:
        kept = _Kept(returns)
        object.__setattr__(returns, "_history", kept)
    return kept


def history_of(returns: Returns) -> History:
    """The [`History`][corpparent.ssda903.history.History] of ``returns``, gathered the
    first time it is asked for and kept with them."""
    return _kept(returns).history


def cares_of(returns: Returns) -> dict[int, Any]:
    """The engine's ``Care`` of each year of ``returns`` asked for so far, by the
    year's first calendar year, for the engine to keep and find them."""
    return _kept(returns).cares
