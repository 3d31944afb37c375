"""Measure definitions, and the tidy table of a year's measures.

A [`Measure`][corpparent.ssda903.measuring.Measure] is one of the DfE's published local-authority
measures, computed from the return: its identifier, what it counts, the passage of the DfE's
methodology it follows with its source, the reading taken where that passage leaves a choice, the
collection years it applies to, and the tables it needs. The definitions themselves
are in `corpparent.ssda903.definitions`; [`measures`][corpparent.ssda903.measuring.measures]
computes them for a year into a tidy table (``measure``, ``year``, ``as_at``, ``numerator``,
``denominator``, ``value``), one row per measure that applies to the year and whose
tables the year's return holds.

A year's figures are the measures at its 31 March, over the twelve months to it. The
same measures can be taken at any day of the year ([`Window`][corpparent.ssda903.measuring.Window]):
a month or quarter end, from a return extract taken mid-year, each "at 31 March" read as "at that
day" and each "during the year" as "during the twelve months to that day", so a panel sees
rolling figures between returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Literal, final

import numpy as np
from attrs import frozen

from corpparent.errors import PeriodError, UnknownNameError
from corpparent.periods import FinancialYear
from corpparent.ssda903.engine import Care
from corpparent.ssda903.returns import Return, Returns, collection_year

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["LAIT", "RELEASE", "Count", "Measure", "MeasureValue", "Unit", "Window",
           "as_at_dates", "compute", "computed", "definition", "left_out", "measures",
           "months_before", "short_history"]

#: The DfE's release the measures are published in, and its LAIT data dictionary
#: (``lait_data_dictionary.csv``), whose one-line method of each measure they quote.
RELEASE: Final = ("\"Children looked after in England including adoptions\", "
                  "https://explore-education-statistics.service.gov.uk/find-statistics/"
                  "children-looked-after-in-england-including-adoptions")
LAIT: Final = "the DfE's LAIT data dictionary (lait_data_dictionary.csv), measure {}; " \
    + RELEASE

#: What a measure's counting gives: its numerator and its denominator (``None`` for a
#: count that has none).
Count = tuple[int, int | None]


def months_before(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months before ``day``, the day of the month kept
    where that month has it and otherwise its last day (30 September is 2 years and 6
    months before 31 March; 28 February 2023 is 12 months before 29 February 2024)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    following = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (following - dt.timedelta(days=1)).day))


@final
@frozen
class Window:
    """The day a measure is taken at and the twelve months up to it, within the
    collection year whose return is read.

    ``last`` is the day ("at 31 March" is "at ``last``") and ``first`` the first day of
    the twelve months ending on it ("during the year" is "from ``first`` to
    ``last``"); for a year's own figures they are 31 March and 1 April.
    """

    year: FinancialYear
    first: np.datetime64
    last: np.datetime64

    @classmethod
    def of(cls, year: FinancialYear, as_at: dt.date | None = None) -> Window:
        """The window of ``year`` at ``as_at`` (default its 31 March): a
        [`PeriodError`][corpparent.errors.PeriodError] for a day outside the year."""
        day = year.end if as_at is None else as_at
        if not year.start <= day <= year.end:
            raise PeriodError(f"the day {day.isoformat()} is not in the collection year "
                              f"{year} (1 April {year.start.year} to 31 March "
                              f"{year.end.year}), whose return is read")
        first = months_before(day, 12) + dt.timedelta(days=1)
        return cls(year, np.datetime64(first, "D"), np.datetime64(day, "D"))

    @property
    def day(self) -> dt.date:
        """The day the measures are taken at."""
        result: dt.date = self.last.astype(dt.date)
        return result

    def before(self, months: int) -> np.datetime64:
        """The day ``months`` calendar months before
        [`last`][corpparent.ssda903.measuring.Window.last]."""
        return np.datetime64(months_before(self.day, months), "D")


def as_at_dates(year: FinancialYear | str,
                every: Literal["month", "quarter"] = "month") -> tuple[dt.date, ...]:
    """The month ends (or quarter ends: 30 June, 30 September, 31 December, 31 March)
    of the collection year ``year``, the days a panel most often takes figures at."""
    chosen = collection_year(year)
    step = 1 if every == "month" else 3
    days = []
    for months in range(step, 13, step):
        day = months_before(chosen.end, 12 - months)
        days.append(day)
    return tuple(days)


class Unit(Enum):
    """How a measure's value is made from its numerator and denominator."""

    COUNT = "count"
    """The numerator itself: a number of children."""
    PERCENT = "percent"
    """The numerator as a percentage of the denominator."""
    PER_CHILD = "per child"
    """The numerator divided by the denominator: incidents per child."""


@final
@frozen
class Measure:
    """One published measure, defined on the return.

    ``passage`` quotes the DfE's text the definition follows and ``source`` names where
    it is published; ``reading`` says what was decided where the passage leaves a
    choice. ``first_year`` and ``last_year`` (the collection years' first calendar
    years, ``None`` for "still in force") bound the years it applies to; ``needs``
    names the tables it counts from beside the Episodes table. ``looks_back`` is, for a
    measure that needs each child's care history from before the twelve months it is
    taken over, how many months before the day it needs it from (long-term stability:
    30); ``None`` for one the twelve months' returns hold. ``not_taken`` says, for a
    measure that cannot be taken at every day from every return holding its tables,
    why it is not taken at a window from the returns (the OC2 measures: at a day
    other than 31 March, or from an OC2 table holding no child of the cohort), or
    ``None`` where it is.
    """

    id: str
    title: str
    unit: Unit
    passage: str
    source: str
    reading: str
    count: Callable[[Care, Returns, Window], Count]
    first_year: int
    last_year: int | None = None
    needs: tuple[str, ...] = ()
    looks_back: int | None = None
    not_taken: Callable[[Care, Returns, Window], str | None] | None = None

    def applies_to(self, year: FinancialYear) -> bool:
        """Whether the measure is defined for the collection year ``year``."""
        return self.first_year <= year.year and (self.last_year is None
                                                 or year.year <= self.last_year)

    def value(self, numerator: int, denominator: int | None) -> float | None:
        """The measure's value from its counts (``None`` where the denominator is 0)."""
        if self.unit is Unit.COUNT:
            return float(numerator)
        if not denominator:
            return None
        share = numerator / denominator
        return 100 * share if self.unit is Unit.PERCENT else share


@final
@frozen
class MeasureValue:
    """One measure for one collection year at one day (``as_at``, ISO ``2024-03-31``):
    its counts and its value. ``short_history`` says why the figure cannot be trusted
    where the returns read begin after the history it needs (see
    [`short_history`][corpparent.ssda903.measuring.short_history]); ``None`` when they
    hold it."""

    measure: str
    year: str
    as_at: str
    numerator: int
    denominator: int | None
    value: float | None
    short_history: str | None = None


def _chosen(ids: Iterable[str] | None) -> tuple[str, ...]:
    from corpparent.ssda903.definitions import MEASURES

    if ids is None:
        return tuple(MEASURES)
    asked = list(ids)
    unknown = [i for i in asked if i not in MEASURES]
    if unknown:
        raise UnknownNameError(f"no SSDA903 measure {', '.join(map(repr, unknown))}; the "
                               f"measures are {', '.join(MEASURES)}")
    return tuple(dict.fromkeys(asked))


def definition(measure_id: str, year: FinancialYear | str) -> Measure:
    """The definition of the measure ``measure_id`` in force for the collection year
    ``year``: where the DfE changed a measure's definition, each applies to its own
    years ([`SUPERSEDED`][corpparent.ssda903.definitions.SUPERSEDED] holds the earlier ones);
    for a year no definition covers, the one in force now."""
    from corpparent.ssda903.definitions import MEASURES, SUPERSEDED

    chosen = collection_year(year)
    [current] = [MEASURES[i] for i in _chosen([measure_id])]
    for measure in (current, *SUPERSEDED):
        if measure.id == measure_id and measure.applies_to(chosen):
            return measure
    return current


def compute(returns: Returns, year: FinancialYear | str,
            ids: Sequence[str] | None = None, *,
            as_at: dt.date | None = None) -> tuple[MeasureValue, ...]:
    """Each measure of ``ids`` (default: every one) for the collection year ``year``,
    in definition order, each by the definition in force for the year, computed from
    the returns up to that year, back to the first year not read
    ([`unbroken_to`][corpparent.ssda903.returns.Returns.unbroken_to]); a measure that
    does not apply to the year, that needs a table the year's return lacks, or that
    cannot be taken at the day from the returns (its ``not_taken``) is left out
    ([`computed`][corpparent.ssda903.measuring.computed] says which and why).

    ``as_at`` takes the measures at a day of the year other than its 31 March (see
    [`Window`][corpparent.ssda903.measuring.Window]), from the returns read, the year's own return
    being an extract taken on or after that day.

    A measure that needs more history than the returns read hold is computed, its
    ``short_history`` saying why its figure cannot be trusted
    ([`short_history`][corpparent.ssda903.measuring.short_history])."""
    return computed(returns, year, ids, as_at=as_at)[0]


def computed(returns: Returns, year: FinancialYear | str,
             ids: Sequence[str] | None = None, *, as_at: dt.date | None = None
             ) -> tuple[tuple[MeasureValue, ...], tuple[str, ...]]:
    """The values [`compute`][corpparent.ssda903.measuring.compute] gives, and why each
    measure of ``ids`` left out was left out: the year's return lacks what it needs
    ([`left_out`][corpparent.ssda903.measuring.left_out]), or it is not taken at the
    day from these returns (its ``not_taken``)."""
    chosen_year = collection_year(year)
    window = Window.of(chosen_year, as_at)
    current = returns[chosen_year]
    returns = returns.unbroken_to(chosen_year)  # none read across a year not read
    care = Care.of(returns, chosen_year)
    values, reasons = [], []
    for measure_id in _chosen(ids):
        measure = definition(measure_id, chosen_year)
        reason = left_out(measure, current)
        if reason is None and measure.not_taken is not None:
            why = measure.not_taken(care, returns, window)
            reason = None if why is None else \
                f"{measure.id} at {window.day.isoformat()}: {why}"
        if reason is not None:
            reasons.append(reason)
            continue
        numerator, denominator = measure.count(care, returns, window)
        values.append(MeasureValue(measure.id, str(chosen_year), window.day.isoformat(),
                                   numerator, denominator,
                                   measure.value(numerator, denominator),
                                   short_history(measure, returns, window)))
    return tuple(values), tuple(reasons)


def left_out(measure: Measure, found: Return) -> str | None:
    """Why ``measure`` is not computed for the return ``found``, or ``None`` if it is."""
    if not measure.applies_to(found.year):
        return f"{measure.id} is not defined for {found.year}"
    if found.table("Episodes") is None:
        return f"the {found.year} return has no Episodes table"
    lacking = [name for name in measure.needs if found.table(name) is None]
    if lacking:
        return f"{measure.id} needs the {' and '.join(lacking)} table, which the " \
               f"{found.year} return lacks"
    return None


def short_history(measure: Measure, returns: Returns, window: Window) -> str | None:
    """Why ``measure`` taken at ``window`` cannot be trusted from ``returns``, or ``None``
    when it can.

    A measure that looks back ``looks_back`` months needs each child's care since that
    day, and a year's return holds only the episodes open on some day of its year. So
    where the unbroken run of returns read up to the year begins after the year holding
    that day, a child looked after at the day in a period of care whose first episode
    read began before the run and after that day, and not by starting to be looked after
    (RNE S), may have been looked after before it: the returns read cannot say, and
    counting the period from the episode read would bias the figure. Such children are
    counted, and the figure is flagged when there is one (none, the returns read
    settle every child's history)."""
    if measure.looks_back is None:
        return None
    needed = months_before(window.day, measure.looks_back)
    earliest = window.year
    while earliest.year > FinancialYear.containing(needed).year:
        before = FinancialYear(earliest.year - 1)
        if before not in returns or returns[before].table("Episodes") is None:
            break
        earliest = before
    if earliest.start <= needed:
        return None
    care = Care.of(returns, window.year)
    _, began, ended = care.period_bounds()
    first = np.flatnonzero(np.append(True, care.period[1:] != care.period[:-1])) \
        if len(care.period) else np.zeros(0, dtype=np.int64)
    unsure = ((began <= window.last) & (np.isnat(ended) | (ended > window.last))
              & (began > np.datetime64(needed, "D"))
              & (began < np.datetime64(earliest.start, "D")) & (care.rne[first] != "S"))
    if not unsure.any():
        return None
    unread = " and ".join(str(FinancialYear(y)) for y in range(
        FinancialYear.containing(needed).year, earliest.year))
    # How many children is left unsaid: the words go into public papers as they are,
    # and a count of a few children is what disclosure control withholds.
    return (f"the {measure.id} figure at {window.day.isoformat()} needs each child's care since "
            f"{needed.isoformat()} ({measure.looks_back} months before): children looked "
            f"after that day were in care on {earliest.start.isoformat()}, when the returns "
            f"read begin, since a day they do not show (the {unread} "
            f"return{'s' if ' and ' in unread else ''} would)")


def measures(returns: Returns, year: FinancialYear | str,
             ids: Sequence[str] | None = None, *, as_at: dt.date | None = None) -> pa.Table:
    """The measures of ``year`` as a tidy pyarrow table: ``measure``, ``year``,
    ``as_at`` (the day they are taken at, ISO), ``numerator``, ``denominator`` (null
    for a count), ``value`` (null where the denominator is 0) and ``short_history``
    (null, or why the figure cannot be trusted), one row per measure computed (see
    [`compute`][corpparent.ssda903.measuring.compute], and ``as_at`` there)."""
    import pyarrow as pa

    rows: list[dict[str, Any]] = [
        {"measure": v.measure, "year": v.year, "as_at": v.as_at, "numerator": v.numerator,
         "denominator": v.denominator, "value": v.value, "short_history": v.short_history}
        for v in compute(returns, year, ids, as_at=as_at)]
    schema = pa.schema([("measure", pa.string()), ("year", pa.string()),
                        ("as_at", pa.string()), ("numerator", pa.int64()),
                        ("denominator", pa.int64()), ("value", pa.float64()),
                        ("short_history", pa.string())])
    return pa.Table.from_pylist(rows, schema=schema)
