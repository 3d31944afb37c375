"""Comparator sets and benchmarking: England, region, statistical neighbours and
Outstanding authorities; comparisons by polarity; rank, "k of n" and quartile bands."""

from corpparent.comparators.comparison import (
    CompareWith,
    Comparison,
    Verdict,
    compare,
    compare_all,
    gap_text,
    tolerance_in_unit,
)
from corpparent.comparators.position import (
    MIN_VALUES_FOR_BANDS,
    Band,
    Benchmark,
    GroupPosition,
    Quartiles,
    Statistic,
    quartile_band,
    quartiles,
    rank_values,
)
from corpparent.comparators.series import (
    Authority,
    Comparator,
    ComparatorKind,
    ComparatorValue,
    withheld_reason,
)
from corpparent.comparators.sets import ComparatorSet, group_average
from corpparent.comparators.standing import Standing, group_finding, standing_finding

__all__ = [
    "MIN_VALUES_FOR_BANDS",
    "Authority",
    "Band",
    "Benchmark",
    "Comparator",
    "ComparatorKind",
    "ComparatorSet",
    "ComparatorValue",
    "CompareWith",
    "Comparison",
    "GroupPosition",
    "Quartiles",
    "Standing",
    "Statistic",
    "Verdict",
    "compare",
    "compare_all",
    "gap_text",
    "group_average",
    "group_finding",
    "quartile_band",
    "quartiles",
    "rank_values",
    "standing_finding",
    "tolerance_in_unit",
    "withheld_reason",
]
