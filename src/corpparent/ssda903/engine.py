"""The episode engine: periods of care, placements and ages, on whole columns.

The return records a child's time in care as episodes: each begins (DECOM) when the
child starts to be looked after or when their placement or legal status changes, and
ends (DEC) when the next begins or the child ceases to be looked after ("When a change
in legal status or placement (or both) occurs, a new episode of care is started and the
date and reason for the change are recorded", the DfE's methodology for "Children
looked after: a focus on placement location"). [`Care`][corpparent.ssda903.engine.Care] holds every
episode of the returns up to a year, merged, and derives from them:

- **short breaks set apart**: episodes under legal status V3 or V4 (an agreed series of
  short-term breaks) are left out before anything is counted, as the DfE's figures
  "exclude children looked after under an agreed series of short term placements";
- **periods of care**: an episode continues the one before it when it begins the day
  that one ended and its reason (RNE) is not S (started to be looked after); otherwise
  it begins a new period. A gap, or short breaks between two episodes, ends a period;
- **placements**: each period's first episode begins a placement; a later episode
  begins one unless it changes the legal status only (RNE L), is a temporary placement
  (PLACE T0 to T4), is a placement for adoption with the current foster carers (PLACE
  A3 or A5: "Where a child is subsequently placed for adoption with their existing
  foster carers, then this is not counted as a placement change", LAIT data
  dictionary), or resumes, after a temporary placement, the placement the child left
  (the same PLACE, PLACE_PROVIDER, PL_POST and URN);
- **ages**: a child's age in whole years on a day, a birthday counted on the day.

A day's figures follow one convention: a child is looked after *at* a day when an
episode began on or before it and had not ceased by it (no DEC, or a DEC after it); an
episode or placement falls *during* a span when it began by the span's last day and had
not ceased before its first (one ceasing on 1 April was open on 1 April).
Episodes are sorted by child and start, so the order of a file's rows changes nothing.
"""

from __future__ import annotations

from typing import Any, final

import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from corpparent.errors import DataError, Problem
from corpparent.periods import FinancialYear
from corpparent.ssda903.history import (
    PLACEMENT,
    History,
    cares_of,
    first_of_runs,
    history_of,
)
from corpparent.ssda903.returns import Return, Returns

__all__ = ["Care", "age_at"]

Days = npt.NDArray[np.datetime64]
Flags = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]
Texts = npt.NDArray[np.str_]


def _parts(days: Days) -> tuple[Ints, Ints, Ints]:
    """The year, month and day of month of each date, by whole numbers (NumPy's own
    conversions to years and months cost several times more): the days counted from
    1 March of the year 0 of the proleptic Gregorian calendar, in 400-year cycles of
    146,097 days, each year of a cycle beginning on 1 March so that a leap day falls
    at its end, and each month of such a year 153 days to five months."""
    since = days.astype(np.int64) + 719_468  # 1 March of the year 0 to 1 January 1970
    cycle = since // 146_097
    of_cycle = since - cycle * 146_097
    year = (of_cycle - of_cycle // 1_460 + of_cycle // 36_524 - of_cycle // 146_096) // 365
    of_year = of_cycle - (365 * year + year // 4 - year // 100)
    march_month = (5 * of_year + 2) // 153  # 0 for March ... 11 for February
    day = of_year - (153 * march_month + 2) // 5 + 1
    month = np.where(march_month < 10, march_month + 3, march_month - 9)
    return year + cycle * 400 + (month <= 2), month, day


def age_at(born: Days, day: np.datetime64) -> Ints:
    """Each age, in whole years, on ``day`` of a child born on ``born``: a year is added
    on the birthday itself (one born on 29 February adds it on 1 March in other
    years)."""
    by, bm, bd = _parts(np.asarray(born, dtype="datetime64[D]"))
    oy, om, od = (int(part[0]) for part in _parts(np.array([day], dtype="datetime64[D]")))
    before = (bm > om) | ((bm == om) & (bd > od))
    result: Ints = oy - by - before.astype(np.int64)
    return result


@final
@frozen
class Care:
    """Every episode of care in the returns up to a year, short breaks left out, in
    child and start order, with its period of care and placement.

    ``children`` holds each child's identifier once (sorted), and ``child`` the index
    of each episode's child in it; identifiers stay inside the engine and never reach a
    measure's figures. ``held`` gives each child's code in the returns'
    `History` (``history``, see `corpparent.ssda903.history`), the integer the
    engine looks children up by, ``rows`` each episode's place among the history's
    (whose columns ``rne``, ``ls`` and ``place`` and flags, `flagged`, are taken from
    it when asked for), and ``bounds`` each period's child, first and last day
    ([`period_bounds`][corpparent.ssda903.engine.Care.period_bounds]).
    """

    children: Texts
    child: Ints
    start: Days
    end: Days
    rows: Ints
    period: Ints
    new_placement: Flags
    held: Ints
    bounds: tuple[Ints, Days, Days]
    history: History = field(eq=False, repr=False)
    #: What several measures of a year ask for alike, made once and kept read-only: the
    #: children of a table, by year and name (with the table), and the children looked
    #: after at a day, during a span, or continuously since a day.
    _known: dict[tuple[Any, ...], Any] = field(factory=dict, init=False, eq=False,
                                               repr=False)

    @classmethod
    def of(cls, returns: Returns, year: FinancialYear) -> Care:
        """The episodes of ``returns`` up to ``year``: where two years' returns hold an
        episode of one child beginning on one day, the later return's is kept.

        Taken from the returns' `History` (`corpparent.ssda903.history`), whose
        episodes are sorted once for every year; a year's ``Care`` is made once and
        kept with the returns."""
        cares = cares_of(returns)
        made: Care | None = cares.get(year.year)
        if made is None:
            made = cares[year.year] = cls._made(history_of(returns), year)
        return made

    @classmethod
    def _made(cls, history: History, year: FinancialYear) -> Care:
        _refuse_repeats(history, year)
        episodes = history.episodes
        kept = history.kept(year)
        codes = history.code[kept]
        # Each child's and each period's episodes are a run: found by where each run
        # begins, each row's run numbered by repeating, the rows taken by position.
        child_firsts = np.flatnonzero(first_of_runs([codes]))
        held = codes[child_firsts]
        child = _numbered(child_firsts, len(kept))
        start, end = episodes["DECOM"][kept], episodes["DEC"][kept]
        continues = np.ones(len(kept), dtype=bool)
        continues[child_firsts] = False
        continues[1:] &= (start[1:] == end[:-1]) & ~episodes["started"][kept][1:]
        firsts = np.flatnonzero(~continues)
        period = _numbered(firsts, len(kept))
        new = _new_placements(continues, firsts[period],
                              {name: episodes[name][kept] for name in
                               ("status_only", "temporary", "adoption_with_carers")},
                              history, kept)
        lasts = np.append(firsts[1:] - 1, len(kept) - 1) if len(firsts) else firsts
        return cls(history.names[held], child, start, end, kept, period, new, held,
                   (child[firsts], start[firsts], end[lasts]), history)

    @property
    def rne(self) -> Texts:
        """Each episode's reason for new episode (RNE)."""
        return self.history.column("RNE", self.rows)

    @property
    def ls(self) -> Texts:
        """Each episode's legal status (LS)."""
        return self.history.column("LS", self.rows)

    @property
    def place(self) -> Texts:
        """Each episode's placement type (PLACE)."""
        return self.history.column("PLACE", self.rows)

    def flagged(self, name: str) -> Flags:
        """Each episode's flag ``name`` of the history (``same_carer``,
        ``placed_for_adoption``, ...: see `corpparent.ssda903.history.History`)."""
        return self.history.episodes[name][self.rows]

    def index_of(self, codes: Ints) -> Ints:
        """The index in [`children`][corpparent.ssda903.engine.Care.children] of the child
        of each code (its place in the returns' `History`), or -1 for a
        child with no episode here."""
        at = np.clip(np.searchsorted(self.held, codes), 0, max(len(self.held) - 1, 0))
        found = self.held[at] == codes if len(self.held) \
            else np.zeros(len(codes), dtype=bool)
        return np.where(found & (codes >= 0), at, -1).astype(np.int64)

    def codes_of(self, identifiers: npt.NDArray[Any]) -> Ints:
        """The index in [`children`][corpparent.ssda903.engine.Care.children] of each identifier, or
        -1 for a child with no episode here."""
        return self.index_of(self.history.codes(identifiers))

    def children_of(self, found: Return, name: str) -> Ints:
        """The index in [`children`][corpparent.ssda903.engine.Care.children] of the child
        of each row of the table ``name`` of the return ``found``, or -1 for a child
        with no episode here (each table's identifiers looked up once)."""
        table = found.table(name)
        key = ("children_of", found.year.year, name)
        known = self._known.get(key)
        if known is None or known[0] is not table:  # or another return's table
            known = self._known[key] = (
                table, _read_only(self.index_of(self.history.children_of(found, name))))
        result: Ints = known[1]
        return result

    def children_at(self, day: np.datetime64) -> Ints:
        """The children looked after at ``day`` (by index), each once.

        Rows are picked here and below with ``np.compress``, which gives what indexing
        by a mask gives, several times faster where the mask is irregular."""
        key = ("children_at", day)
        if key not in self._known:
            open_ = (self.start <= day) & (np.isnat(self.end) | (self.end > day))
            self._known[key] = _read_only(_distinct(np.compress(open_, self.child)))
        result: Ints = self._known[key]
        return result

    def children_during(self, first: np.datetime64, last: np.datetime64) -> Ints:
        """The children looked after on any day from ``first`` to ``last``."""
        key = ("children_during", first, last)
        if key not in self._known:
            self._known[key] = _read_only(_distinct(np.compress(
                self._during(self.start, self.end, first, last), self.child)))
        result: Ints = self._known[key]
        return result

    def period_bounds(self) -> tuple[Ints, Days, Days]:
        """Each period's child, first day and last day (``NaT`` while open)."""
        return self.bounds

    def starts_during(self, first: np.datetime64, last: np.datetime64) -> Ints:
        """The children a period of care of whom began from ``first`` to ``last``."""
        child, began, _ = self.period_bounds()
        return _distinct(np.compress((began >= first) & (began <= last), child))

    def ends_during(self, first: np.datetime64, last: np.datetime64) -> Ints:
        """The children a period of care of whom ended from ``first`` to ``last``."""
        child, _, ended = self.period_bounds()
        return _distinct(np.compress(~np.isnat(ended) & (ended >= first) & (ended <= last),
                                     child))

    def continuously_since(self, since: np.datetime64, day: np.datetime64) -> Ints:
        """The children looked after at ``day`` in a period of care that had begun by
        ``since``: looked after every day from ``since`` to ``day``."""
        key = ("continuously_since", since, day)
        if key not in self._known:
            child, began, ended = self.period_bounds()
            open_ = (began <= since) & (np.isnat(ended) | (ended > day))
            self._known[key] = _read_only(_distinct(np.compress(open_, child)))
        result: Ints = self._known[key]
        return result

    def placements_during(self, first: np.datetime64, last: np.datetime64) -> Ints:
        """How many placements each child (by index) had on any day from ``first`` to
        ``last``: every placement open in that span, those open at its start and end
        included."""
        firsts = self.new_placement
        if not len(firsts):
            return np.zeros(len(self.children), dtype=np.int64)
        at = np.flatnonzero(firsts)  # each placement's first episode, and its last
        began, ended = self.start[at], self.end[np.append(at[1:] - 1, len(firsts) - 1)]
        during = self._during(began, ended, first, last)
        return np.bincount(np.compress(during, self.child[at]),
                           minlength=len(self.children)).astype(np.int64)

    @staticmethod
    def _during(began: Days, ended: Days, first: np.datetime64,
                last: np.datetime64) -> Flags:
        result: Flags = (began <= last) & (np.isnat(ended) | (ended >= first))
        return result


def _read_only(values: Ints) -> Ints:
    """``values``, made read-only, to be handed to every measure that asks."""
    values.flags.writeable = False
    return values


def _distinct(children: Ints) -> Ints:
    """Each child of ``children`` (in ascending order, as episodes are) once."""
    result: Ints = np.compress(first_of_runs([children]), children)
    return result


def _numbered(firsts: Ints, size: int) -> Ints:
    """The number of the run each of ``size`` rows is in, the runs beginning at the
    rows ``firsts`` (the first at row 0), counted from 0."""
    lengths = np.diff(np.append(firsts, size))
    numbered: Ints = np.repeat(np.arange(len(firsts), dtype=np.int64), lengths)
    return numbered


def _new_placements(continues: Flags, period_first: Ints, flags: dict[str, Flags],
                    history: History, kept: Ints) -> Flags:
    """Whether each episode begins a placement (see the module's description): the
    episodes are the rows ``kept`` of the ``history``, ``period_first`` the first row of
    each one's period of care."""
    temporary = flags["temporary"]
    new = ~continues | (~flags["status_only"] & ~temporary & ~flags["adoption_with_carers"])
    # A return from a temporary placement to the placement left: the last episode
    # before it that was not temporary, in the same period, holds the same placement.
    resumes = np.zeros(len(temporary), dtype=bool)
    after = np.flatnonzero(continues[1:] & temporary[:-1]) + 1  # continuing a temporary one
    settled = np.flatnonzero(~temporary)
    if len(after) and len(settled):
        found = np.searchsorted(settled, after) - 1  # the last settled one before, if any
        before = np.where(found >= 0, settled[np.maximum(found, 0)], -1)
        within = before >= period_first[after]
        if within.any():
            at, left = after[within], before[within]
            same = np.ones(len(at), dtype=bool)
            for name in PLACEMENT:
                same &= history.column(name, kept[at]) == history.column(name, kept[left])
            resumes[at] = same
    result: Flags = new & ~resumes
    return result


def _refuse_repeats(history: History, year: FinancialYear) -> None:
    """Two episodes of one child beginning on one day in one return cannot be ordered:
    refused, naming the second's file and line, where that return is one of ``year``
    or a year before it."""
    if not history.repeated.any():
        return
    at = history.up_to(year)
    at = at[history.repeated[at]]
    if len(at):
        raise DataError(Problem(history.sources[int(history.year[i])] or "Episodes",
                                "a second episode of one child beginning on the same day",
                                line=int(history.lines[i]) or None, field="DECOM")
                        for i in at)
