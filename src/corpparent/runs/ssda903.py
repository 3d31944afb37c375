"""The SSDA903 measures job: a year's measures from the council's own return.

`ssda903_measures` is what ``corpparent ssda903 measures`` runs, on returns
already read ([`corpparent.files.read_returns`][corpparent.files.read_returns]): each measure asked
for (default: every one) for the collection year asked for, computed from the returns up to that
year. A measure not defined for the year, or needing a table the year's return lacks,
is left out and said so in a warning, never shown as a zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import final

from attrs import frozen

from corpparent.periods import FinancialYear
from corpparent.runs.notes import RunWarning
from corpparent.ssda903.definitions import MEASURES
from corpparent.ssda903.measuring import MeasureValue, compute, left_out
from corpparent.ssda903.returns import Returns, collection_year

__all__ = ["Ssda903Run", "ssda903_measures"]


@final
@frozen
class Ssda903Run:
    """A year's measures, in definition order, with what was left out and why."""

    year: FinancialYear
    values: tuple[MeasureValue, ...]
    warnings: tuple[RunWarning, ...]


def ssda903_measures(returns: Returns, year: FinancialYear | str,
                     measures: Sequence[str] = ()) -> Ssda903Run:
    """The measures ``measures`` (default: every one) of the collection year ``year``."""
    chosen = collection_year(year)
    ids = list(measures) or list(MEASURES)
    values = compute(returns, chosen, ids)
    found = returns[chosen]
    warnings = []
    for measure_id in ids:
        reason = left_out(MEASURES[measure_id], found)
        if reason is not None:
            warnings.append(RunWarning(f"{reason}: not computed", incomplete=True))
    return Ssda903Run(chosen, values, tuple(warnings))
