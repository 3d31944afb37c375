"""The children behind a measure: which children a year's numerator and denominator count.

Where a computed measure differs from the DfE's published figure, the council needs
to see which children it counted, to set them beside its own records and the DfE's
child-level feedback. [`drill_down`][corpparent.ssda903.counted.drill_down] gives,
for one measure and year, each child counted and what they add to the numerator and to
the denominator.

Every measure counts each child from that child's own rows (episodes, header, OC2,
OC3 and missing incidents), so a child's part is the measure computed on the returns
holding that child's rows alone, by the same definition as the whole figure: no rule is
written twice. The parts are checked to add up to the whole figure
([`DrillDown.adds_up`][corpparent.ssda903.counted.DrillDown.adds_up]).

Child identifiers are the return's own data. A drill-down belongs in the officers'
internal working copy only: the report layer refuses it in any other profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, final

import numpy as np
import numpy.typing as npt
from attrs import frozen

from corpparent.periods import FinancialYear
from corpparent.ssda903.measuring import compute
from corpparent.ssda903.returns import Return, Returns, Table, collection_year

__all__ = ["CountedChild", "DrillDown", "drill_down"]


@final
@frozen
class CountedChild:
    """One child counted by a measure: what they add to its numerator and denominator
    (``None`` for a count, which has none)."""

    child: str
    numerator: int
    denominator: int | None


@final
@frozen
class DrillDown:
    """The children a measure counts in a year, in child order, with the whole figure's
    counts; ``adds_up`` says whether the children's parts add up to them."""

    measure: str
    year: str
    numerator: int
    denominator: int | None
    children: tuple[CountedChild, ...]

    @property
    def adds_up(self) -> bool:
        """Whether the children's parts add up to the whole numerator and denominator."""
        numerator = sum(c.numerator for c in self.children)
        if self.denominator is None:
            return numerator == self.numerator
        return numerator == self.numerator and sum(
            c.denominator or 0 for c in self.children) == self.denominator


def _rows_by_child(returns: Returns, year: FinancialYear) -> tuple[
        npt.NDArray[np.str_], dict[tuple[FinancialYear, str], list[npt.NDArray[np.int64]]]]:
    """Every child of the returns up to ``year`` (sorted), and for each table the rows of
    each child (by the child's index), found with one sort per table."""
    held = returns.up_to(year)
    children = np.unique(np.concatenate(
        [t.column("CHILD").astype(str) for r in held for t in r.tables.values()]
        or [np.array([], dtype=str)]))
    rows: dict[tuple[FinancialYear, str], list[npt.NDArray[np.int64]]] = {}
    for found in held:
        for name, table in found.tables.items():
            ids = table.column("CHILD").astype(str)
            order = np.argsort(ids, kind="stable")
            bounds = np.searchsorted(ids[order], children, side="left")
            ends = np.searchsorted(ids[order], children, side="right")
            rows[(found.year, name)] = [order[b:e] for b, e in zip(bounds, ends, strict=True)]
    return children, rows


def _child_returns(returns: Returns, year: FinancialYear, index: int,
                   rows: Mapping[tuple[FinancialYear, str], list[npt.NDArray[Any]]]
                   ) -> Returns:
    """The returns up to ``year`` holding only the rows of the child ``index``, every
    table kept (empty where the child has no row), so what a measure needs is there."""
    kept = []
    for found in returns.up_to(year):
        tables: dict[str, Table] = {name: table.take(rows[(found.year, name)][index])
                                    for name, table in found.tables.items()}
        kept.append(Return(found.year, tables))
    return Returns(kept)


def drill_down(returns: Returns, year: FinancialYear | str, measure: str) -> DrillDown:
    """The children the measure ``measure`` counts in the collection year ``year`` (at
    its 31 March), each with what they add to its numerator and denominator; children
    it does not count are left out. A measure not computed for the year (see
    [`left_out`][corpparent.ssda903.measuring.left_out]) counts no child."""
    chosen = collection_year(year)
    whole = compute(returns, chosen, [measure])
    if not whole:
        return DrillDown(measure, str(chosen), 0, None, ())
    children, rows = _rows_by_child(returns, chosen)
    counted = []
    for index, child in enumerate(children):
        [part] = compute(_child_returns(returns, chosen, index, rows), chosen, [measure])
        if part.numerator or part.denominator:
            counted.append(CountedChild(str(child), part.numerator, part.denominator))
    return DrillDown(measure, str(chosen), whole[0].numerator, whole[0].denominator,
                     tuple(counted))
