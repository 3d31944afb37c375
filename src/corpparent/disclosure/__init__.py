"""Statistical disclosure control for small counts of children.

A count from 1 to 5 is published as ``c``; what a reader can still work out about it
from everything else published (totals, other periods, a chart's mean, a status word,
a percentage) decides what else must be withheld. [`ranges`][corpparent.disclosure.ranges] works out
what a reader can make of each figure they do not see; [`secure`][corpparent.disclosure.secure]
withholds figures and withdraws statements until no withheld count can be narrowed;
[`protect`][corpparent.disclosure.protect] is the table-and-totals special case. SciPy, whose HiGHS
solver does the working out, is imported only when a range is asked for.
"""

from corpparent.disclosure.linear import Range, Relation, Unknown
from corpparent.disclosure.solver import Ranges, ranges
from corpparent.disclosure.tables import (
    DEFAULT_THRESHOLD,
    Derived,
    Protected,
    Reason,
    Total,
    Withheld,
)
from corpparent.disclosure.totals import protect
from corpparent.disclosure.withholding import Secured, secure

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
