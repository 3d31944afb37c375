"""The reconciliation of a year's 903 measures with the DfE's published figures, as a run.

[`ssda903_reconciliation`][corpparent.runs.ssda903_reconcile.ssda903_reconciliation]
computes the year's measures from the return (as `corpparent ssda903 measures` does),
compares them with the authority's published figures
([`reconcile`][corpparent.ssda903.reconciling.reconcile]) and, where asked, lists the
children behind each difference ([`drill_down`][corpparent.ssda903.counted.drill_down]).
It reads no file: the command reads the return and the published folder and renders what
it gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from attrs import asdict, frozen

from corpparent.runs.notes import RunWarning
from corpparent.runs.ssda903 import ssda903_measures
from corpparent.ssda903.counted import DrillDown, drill_down
from corpparent.ssda903.reconciling import (
    PublishedFigures,
    Reconciliation,
    Status,
    reconcile,
)

if TYPE_CHECKING:
    from corpparent.periods import FinancialYear
    from corpparent.ssda903.returns import Returns

__all__ = ["ReconciliationRun", "ssda903_reconciliation"]


@final
@frozen
class ReconciliationRun:
    """Each measure against its published figure, the children behind each difference
    where they were asked for, and what the reader should be told."""

    results: tuple[Reconciliation, ...]
    drills: tuple[DrillDown, ...]
    warnings: tuple[RunWarning, ...]


def ssda903_reconciliation(returns: Returns, year: FinancialYear | str,
                           published: PublishedFigures, *,
                           drill: bool = False) -> ReconciliationRun:
    """The measures of ``year`` computed from ``returns`` against the ``published``
    figures of the authority, with, given ``drill``, the children each differing measure
    counts. A warning says when the published files hold no row for the authority, as
    nothing is then compared."""
    run = ssda903_measures(returns, year)
    warnings = list(run.warnings)
    if published.name is None:
        warnings.append(RunWarning(f"no published file read has a local-authority row "
                                   f"for {published.authority!r}: nothing is compared",
                                   incomplete=True))
    results = reconcile([asdict(value) for value in run.values], published)
    drills = tuple(drill_down(returns, year, result.measure) for result in results
                   if drill and result.status is Status.DIFFER)
    return ReconciliationRun(results, drills, tuple(warnings))
