"""The SSDA903 jobs: a year's measures, and the scorecard's readings, from the council's
own return.

`ssda903_measures` is what ``corpparent ssda903 measures`` runs, on returns
already read ([`corpparent.files.read_returns`][corpparent.files.read_returns]): each measure asked
for (default: every one) for the collection year asked for, computed from the returns up to that
year, at its 31 March or at the days asked for. A measure not defined for the year, or
needing a table the year's return lacks, is left out and said so in a warning, never
shown as a zero.

`ssda903_readings` is what ``corpparent ssda903 readings`` and ``corpparent scorecard
--ssda903`` run: the readings of every indicator that names its measure
(``Indicator.ssda903``), with numerators and denominators, so the scorecard judges them
as it judges readings typed into a file; `with_return` puts them beside a readings file's,
refusing a figure given by both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final, final

from attrs import frozen

from corpparent import units
from corpparent.errors import DataError, DefinitionError, PeriodError, Problem
from corpparent.indicators.definitions import Indicator, Kind
from corpparent.indicators.readings import Reading, Readings
from corpparent.periods import FinancialQuarter, FinancialYear, Month, Period, year_ending
from corpparent.runs.notes import RunWarning
from corpparent.runs.ssda903_extract import cut_short
from corpparent.runs.ssda903_open import left_open
from corpparent.ssda903.definitions import MEASURES
from corpparent.ssda903.measuring import (
    MeasureValue,
    Window,
    computed,
    definition,
)
from corpparent.ssda903.returns import Returns, collection_year
from corpparent.wording import listed, noun

__all__ = ["ReadingsRun", "Ssda903Run", "in_progress", "reading_period", "scorecard_readings",
           "ssda903_measures", "ssda903_readings", "still_to_come", "with_return"]


@final
@frozen
class Ssda903Run:
    """A year's measures, in definition order (at each day asked for, in that order),
    with what was left out and why, and why any figure given cannot be trusted (a
    value's ``short_history``, said again among the warnings)."""

    year: FinancialYear
    values: tuple[MeasureValue, ...]
    warnings: tuple[RunWarning, ...]


def in_progress(year: FinancialYear, today: dt.date | None = None) -> RunWarning | None:
    """Why the year's own figures (at its 31 March) are not computed when that day is
    after ``today`` (default: the day it runs), or ``None``: its return is an extract
    taken before the year's end, and counted at a 31 March still to come, every child
    looked after on the extract's day would count as still in care. The one rule of
    ``corpparent ssda903 measures``, ``readings`` and ``scorecard --ssda903``."""
    today = dt.date.today() if today is None else today
    if year.end <= today:
        return None
    return RunWarning(
        f"the {year} return ends on {year.end.isoformat()}, after today "
        f"({today.isoformat()}): it is an extract taken before the year's end, so no "
        f"figure for the year {year} is computed from it", incomplete=True,
        hint="take its month ends with --as-at")


def still_to_come(day: dt.date, today: dt.date | None = None) -> RunWarning | None:
    """Why no figure is taken at ``day`` (an ``--as-at`` day) when it is after ``today``
    (default: the day it runs), or ``None``: the return holds only what happened up to
    its extract's day, so counted at a day still to come every child looked after then
    would count as still in care, and nothing after it as happened."""
    today = dt.date.today() if today is None else today
    if day <= today:
        return None
    return RunWarning(
        f"the day {day.isoformat()} is after today ({today.isoformat()}): no figure is "
        "taken at a day still to come", incomplete=True,
        hint="take the figures at a day the return's extract covers")


def ssda903_measures(returns: Returns, year: FinancialYear | str,
                     measures: Sequence[str] = (),
                     as_at: Sequence[dt.date] = (), *,
                     today: dt.date | None = None) -> Ssda903Run:
    """The measures ``measures`` (default: every one) of the collection year ``year``,
    at its 31 March or at each day of ``as_at`` (from a return extract taken
    mid-year). A year whose 31 March is after ``today`` (default: the day it runs)
    gives no figures at its 31 March, a warning saying why
    ([`in_progress`][corpparent.runs.ssda903.in_progress]); a figure whose measure needs
    more history than the returns read hold is given with a warning saying so (its
    ``short_history``)."""
    chosen = collection_year(year)
    returns[chosen]  # a year with no return is refused, naming those read, in progress or not
    unfinished = in_progress(chosen, today) if not as_at else None
    if unfinished is not None:
        return Ssda903Run(chosen, (), (unfinished,))
    judged = [(day, still_to_come(day, today)) for day in as_at]
    to_come = [warning for _, warning in judged if warning is not None]
    days = [day for day, warning in judged if warning is None]
    if as_at and not days:
        return Ssda903Run(chosen, (), tuple(to_come))
    values, warnings = _measured(returns, chosen, list(measures) or list(MEASURES), days)
    warnings[:0] = to_come
    warnings.extend(RunWarning(f"{value.short_history}: the figure is not to be trusted",
                               incomplete=True, hint=_EARLIER_RETURNS)
                    for value in values if value.short_history is not None)
    return Ssda903Run(chosen, values, tuple(warnings))


def _measured(returns: Returns, year: FinancialYear, ids: Sequence[str],
              as_at: Sequence[dt.date]) -> tuple[tuple[MeasureValue, ...], list[RunWarning]]:
    """The measures ``ids`` of ``year`` at each day of ``as_at`` (or its 31 March), and
    what was left out of them and why."""
    days: Sequence[dt.date | None] = list(as_at) or [None]
    values: list[MeasureValue] = []
    reasons: dict[str, None] = {}  # a year's reason said once, not once a day
    for day in days:
        found, why = computed(returns, year, ids, as_at=day)
        values.extend(found)
        reasons.update(dict.fromkeys(why))
    warnings = [warning for day in days
                for warning in [cut_short(returns, year, day)] if warning is not None]
    warnings += [*_not_across_a_gap(returns, year), *left_open(returns, year),
                 *_earlier_year(returns, year, ids, days)]
    warnings += [RunWarning(f"{reason}: not computed", incomplete=True) for reason in reasons]
    return tuple(values), warnings


def _not_across_a_gap(returns: Returns, year: FinancialYear) -> list[RunWarning]:
    """The returns read before a year not read, which ``year``'s figures leave out
    ([`unbroken_to`][corpparent.ssda903.returns.Returns.unbroken_to]), and why."""
    kept = returns.unbroken_to(year)
    left = [y for y in returns if y not in kept and y.year < year.year]
    if not left:
        return []
    missing = FinancialYear(min(y.year for y in kept) - 1)
    return [RunWarning(
        f"the {listed([str(y) for y in left])} {noun(len(left), 'return is', 'returns are')} "
        f"not used for {year}'s figures: {missing}'s is not read, and a child's episode "
        f"open at {missing.start.strftime('%-d %B %Y')} is closed, if at all, in it, so "
        f"read across it every child who left care in {missing} would count as still "
        "looked after", hint=f"read the {missing} return too")]


_EARLIER_RETURNS: Final = ("read the earlier years' returns too: give the folder holding "
                           "every year's folder")


def _earlier_year(returns: Returns, year: FinancialYear, ids: Sequence[str],
                  days: Sequence[dt.date | None]) -> list[RunWarning]:
    """The twelve months to a day before 31 March begin in the year before: what the
    figures lack where that year's return, or a table a measure needs of it, is not
    read."""
    warnings = []
    before = FinancialYear(year.year - 1)
    for day in days:
        if day is None or day == year.end:
            continue
        window = Window.of(year, day)
        start = window.first.astype(dt.date)
        if before not in returns:
            warnings.append(RunWarning(
                f"the twelve months to {day.isoformat()} begin on {start.isoformat()}, in "
                f"{before}, whose return is not read: what it alone holds is not counted, "
                f"and a child already in care then whose first episode the {year} return "
                "holds is a move or a change of legal status counts as starting in them",
                incomplete=True))
            continue
        for measure_id in ids:
            lacking = [name for name in definition(measure_id, year).needs
                       if returns[before].table(name) is None]
            if lacking:
                warnings.append(RunWarning(
                    f"{measure_id} to {day.isoformat()}: the {before} return has no "
                    f"{' or '.join(lacking)} table, so only what the {year} return holds "
                    f"from {year.start.isoformat()} is counted", incomplete=True))
    return warnings


@final
@frozen
class ReadingsRun:
    """The readings computed from the return, with what was left out and why."""

    readings: Readings
    warnings: tuple[RunWarning, ...]


def ssda903_readings(returns: Returns, indicators: Iterable[Indicator],
                     years: Sequence[FinancialYear | str] = (),
                     as_at: Sequence[dt.date] = (), *,
                     today: dt.date | None = None) -> ReadingsRun:
    """The readings of each of ``indicators`` that names its SSDA903 measure, computed
    from ``returns``: each of ``years`` at its 31 March, and each day of ``as_at`` in the
    collection year holding it (given neither, every year read, at its 31 March). A year
    whose 31 March is after ``today`` (default: the day it runs) is read from an extract
    taken before its end, so its year's figures are not computed (a warning says so, and
    that its month ends can be taken with ``as_at``): counted at a 31 March still to
    come, every child looked after on the extract's day would count as still in care. See
    [`reading_period`][corpparent.runs.ssda903.reading_period] for the periods they are
    written for; a figure that two of them give for one period (a count to 31 March is
    the year's) is given once. A [`DefinitionError`][corpparent.errors.DefinitionError]
    when no indicator names a measure."""
    named = [i for i in indicators if i.ssda903 is not None]
    if not named:
        raise DefinitionError("no indicator names an SSDA903 measure: give an [[indicators]] "
                              "entry of the plug-in ssda903 = \"placements_3plus\" (say) to "
                              "compute its figures from the return")
    ids = list(dict.fromkeys(i.ssda903 for i in named if i.ssda903 is not None))
    wanted = [collection_year(year) for year in years or ([] if as_at else returns)]
    taken: list[tuple[FinancialYear, dt.date | None]] = [
        *((year, None) for year in wanted),
        *((FinancialYear.containing(day), day) for day in as_at)]
    found: dict[tuple[str, Period], Reading] = {}
    warnings: dict[str, RunWarning] = {}
    for year, day in taken:
        if day is None:
            returns[year]  # a year with no return is refused, naming those read
        unfinished = in_progress(year, today) if day is None else still_to_come(day, today)
        if unfinished is not None:
            warnings[str(unfinished)] = unfinished
            continue
        values, said = _measured(returns, year, ids, [] if day is None else [day])
        warnings.update((str(w), w) for w in said)
        for value in values:
            if value.short_history is not None:
                untrusted = RunWarning(f"{value.short_history}: no reading is computed "
                                       "from it, so it is not judged", incomplete=True,
                                       hint=_EARLIER_RETURNS)
                warnings[str(untrusted)] = untrusted
                continue
            for indicator in named:
                if indicator.ssda903 == value.measure:
                    reading = _reading(indicator, value, reading_period(indicator, year, day))
                    found.setdefault((reading.indicator, reading.period), reading)
    return ReadingsRun(Readings(found.values()), tuple(warnings.values()))


def reading_period(indicator: Indicator, year: FinancialYear,
                   day: dt.date | None = None) -> Period:
    """The period a figure of ``indicator`` taken at ``day`` (default: the 31 March of
    ``year``) is a reading for: the collection year for a year's figures; for a day's,
    the twelve months to it for a count (it counts events over those months, so a
    quarter's or month's count it is not), else the financial quarter it ends, or the
    month. A [`PeriodError`][corpparent.errors.PeriodError] for a day that ends no month."""
    if day is None:
        return year
    if (day + dt.timedelta(days=1)).day != 1:
        raise PeriodError(f"the day {day.isoformat()} ends no month: a reading is for a "
                          "month, a quarter or a year, so take the figures at a month's end")
    if indicator.kind is Kind.COUNT:
        return year_ending(day.year, day.month)
    if day.month % 3 == 0:
        return FinancialQuarter.containing(day)
    return Month.containing(day)


def _reading(indicator: Indicator, value: MeasureValue, period: Period) -> Reading:
    """The reading of ``indicator`` that ``value`` gives: a count as its value; a
    percentage or a number per child as its numerator over its denominator, in the
    indicator's unit, with both counts (withheld as ``z``, not applicable, where no child
    is in the denominator)."""
    source = f"the SSDA903 measure {value.measure} of {value.year} at {value.as_at}"
    if value.denominator is None:
        return Reading(indicator.id, period, float(value.numerator), source=source)
    numerator, denominator = float(value.numerator), float(value.denominator)
    if value.value is None:
        return Reading(indicator.id, period, None, numerator, denominator, symbol="z",
                       source=source)
    # The value as a readings file's row of the two counts gives it (docs/readings.md).
    shown = units.convert(numerator / denominator, "dimensionless", indicator.unit)
    return Reading(indicator.id, period, shown, numerator, denominator, source=source)


def scorecard_readings(readings: Readings, returns: Returns, indicators: Iterable[Indicator],
                       periods: Iterable[Period]) -> ReadingsRun:
    """The readings a scorecard of ``periods`` judges: those of a file (``readings``) and
    those computed from ``returns`` for every indicator that names its measure, every
    year read at its 31 March and each quarter or month assessed at its end where its
    year's return is read (see [`with_return`][corpparent.runs.ssda903.with_return]
    for a figure both give)."""
    days = [p.end for p in periods if isinstance(p, FinancialQuarter | Month)
            and FinancialYear.containing(p.end) in returns]
    computed = ssda903_readings(returns, indicators, list(returns), days)
    return ReadingsRun(with_return(readings, computed.readings), computed.warnings)


def with_return(readings: Readings, computed: Readings) -> Readings:
    """The readings of a file and those computed from the return together: a
    [`DataError`][corpparent.errors.DataError] naming the file's line, the indicator and
    the period of every figure both give, as the scorecard never picks one of two."""
    problems = [
        Problem(reading.source or "the readings", f"indicator {reading.indicator!r} has a "
                f"reading for {reading.period} here and one computed from "
                f"{other.source}; remove one of them (or the indicator's ssda903 measure)",
                field="indicator")
        for reading in readings
        for other in [computed.get(reading.indicator, reading.period)] if other is not None]
    if problems:
        raise DataError(problems)
    return readings.merged(computed)
