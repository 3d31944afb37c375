"""The SSDA903 measures job: a year's measures from the council's own return.

`ssda903_measures` is what ``corpparent ssda903 measures`` runs, on returns
already read ([`corpparent.files.read_returns`][corpparent.files.read_returns]): each measure asked
for (default: every one) for the collection year asked for, computed from the returns up to that
year, at its 31 March or at the days asked for. A measure not defined for the year, or
needing a table the year's return lacks, is left out and said so in a warning, never
shown as a zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import final

from attrs import frozen

from corpparent.periods import FinancialYear
from corpparent.runs.notes import RunWarning
from corpparent.ssda903.definitions import MEASURES
from corpparent.ssda903.measuring import (
    MeasureValue,
    Window,
    compute,
    definition,
    left_out,
)
from corpparent.ssda903.returns import Returns, collection_year

__all__ = ["Ssda903Run", "ssda903_measures"]


@final
@frozen
class Ssda903Run:
    """A year's measures, in definition order (at each day asked for, in that order),
    with what was left out and why."""

    year: FinancialYear
    values: tuple[MeasureValue, ...]
    warnings: tuple[RunWarning, ...]


def ssda903_measures(returns: Returns, year: FinancialYear | str,
                     measures: Sequence[str] = (),
                     as_at: Sequence[dt.date] = ()) -> Ssda903Run:
    """The measures ``measures`` (default: every one) of the collection year ``year``,
    at its 31 March or at each day of ``as_at`` (from a return extract taken
    mid-year)."""
    chosen = collection_year(year)
    ids = list(measures) or list(MEASURES)
    days: Sequence[dt.date | None] = list(as_at) or [None]
    values = tuple(value for day in days for value in compute(returns, chosen, ids,
                                                              as_at=day))
    found = returns[chosen]
    warnings = [*_earlier_year(returns, chosen, ids, days)]
    for measure_id in ids:
        reason = left_out(definition(measure_id, chosen), found)
        if reason is not None:
            warnings.append(RunWarning(f"{reason}: not computed", incomplete=True))
    return Ssda903Run(chosen, values, tuple(warnings))


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
                f"{before}, whose return is not read: what it alone holds is not counted",
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
