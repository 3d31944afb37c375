"""Statistical disclosure control for small counts of children.

A count from 1 to 5 is published as ``c``; what a reader can still work out about it
from everything else published (totals, other periods, a chart's mean, a status word,
a percentage) decides what else must be withheld. [`ranges`][corpparent.disclosure.ranges] works out
what a reader can make of each figure they do not see; [`secure`][corpparent.disclosure.secure]
withholds figures and withdraws statements until no withheld count can be narrowed;
[`protect`][corpparent.disclosure.protect] is the table-and-totals special case. SciPy, whose HiGHS
solver does the working out, is imported only when a range is asked for; each name
here is imported on first use, so a command that only needs the default threshold
loads none of the working out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.disclosure.linear import (
        Range as Range,
        Relation as Relation,
        Unknown as Unknown,
    )
    from corpparent.disclosure.solver import Ranges as Ranges, ranges as ranges
    from corpparent.disclosure.tables import (
        DEFAULT_THRESHOLD as DEFAULT_THRESHOLD,
        Derived as Derived,
        Protected as Protected,
        Reason as Reason,
        Total as Total,
        Withheld as Withheld,
    )
    from corpparent.disclosure.totals import protect as protect
    from corpparent.disclosure.withholding import Secured as Secured, secure as secure

__all__ = [
    "DEFAULT_THRESHOLD",
    "Derived",
    "Protected",
    "Range",
    "Ranges",
    "Reason",
    "Relation",
    "Secured",
    "Total",
    "Unknown",
    "Withheld",
    "protect",
    "ranges",
    "secure",
]

__getattr__, __dir__ = front_door(__name__, globals())
