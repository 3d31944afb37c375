"""Primary and secondary suppression over a table whose figures add up to totals: the
0.2 interface, now a special case of [`corpparent.disclosure.secure`][corpparent.disclosure.secure].

A total of 71 children with 68 placed in county publishes the 3 placed out of county,
whatever that cell shows. [`protect`][corpparent.disclosure.totals.protect] withholds every count
from 1 to ``threshold - 1``, what is derived from it, and, while a reader could still narrow a
withheld count through the declared totals, one more figure of a total that gives it
away. "Narrow" is stronger than "work out": a count of 3 confined to 2..4 is narrowed
too, as is a figure withheld to protect another that the totals pin down.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from corpparent.disclosure.linear import Relation
from corpparent.disclosure.tables import DEFAULT_THRESHOLD, Derived, Protected, Reason, Total
from corpparent.disclosure.withholding import secure

__all__ = ["protect"]

K = TypeVar("K", bound=Hashable)

#: The order [`protect`][corpparent.disclosure.totals.protect] logs its reasons in: primary, then
#: secondary, then derived.
_LOG_ORDER = {Reason.SMALL_COUNT: 0, Reason.DIFFERENCING: 1, Reason.DERIVED: 2}


def protect(
    values: Mapping[K, float | None],
    *,
    totals: Iterable[Total[K]] = (),
    derived: Iterable[Derived[K]] = (),
    threshold: int = DEFAULT_THRESHOLD,
) -> Protected[K]:
    """Withhold the small counts among ``values``, what is derived from them, and enough
    other figures that none of them can be narrowed through ``totals``.

    ``values`` maps each count to its value, ``None`` where it is not available (an
    unavailable figure is as unknown to a reader as a withheld one). Every figure named by
    a total or a derived figure must be a key of ``values``. Derived figures (percentages,
    rates) are keys of ``values`` too, and are never themselves judged as counts.
    """
    relations = [Relation.total(item.total, item.parts) for item in totals]
    result = secure(values, relations, derived=derived, threshold=threshold)
    log = sorted(result.withheld, key=lambda item: _LOG_ORDER.get(item.reason, 3))
    return Protected(values=dict(values), withheld=tuple(log), threshold=threshold)
