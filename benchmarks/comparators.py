"""How long benchmarking takes at national scale.

A national benchmarking table has about 450 measures for 153 authorities. This script
times, for that size: building a Benchmark per measure (unit checks and conversion
once), ranking and banding every authority, and comparing one value with a comparator.

Run: python benchmarks/comparators.py
"""

from __future__ import annotations

import random
import time

from corpparent.comparators import Benchmark, Comparator, ComparatorKind, compare
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import FinancialYear

MEASURES, AUTHORITIES, COMPARISONS = 450, 153, 100_000


def main() -> None:
    rng = random.Random(2025)
    year = FinancialYear(2024)
    indicators = [
        Indicator(f"m{i}", f"Measure {i}", Kind.PERCENTAGE,
                  rng.choice([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER]))
        for i in range(MEASURES)
    ]
    tables = [
        {f"LA{j}": (round(rng.uniform(0, 100), 1) if rng.random() > 0.03 else "c")
         for j in range(AUTHORITIES)}
        for _ in indicators
    ]
    start = time.perf_counter()
    benchmarks = [Benchmark(ind, year, table) for ind, table in zip(indicators, tables,
                                                                    strict=True)]
    built = time.perf_counter() - start

    start = time.perf_counter()
    for benchmark in benchmarks:
        benchmark.ranks()
        cuts = benchmark.quartiles()
        assert cuts is not None
        for name in benchmark.numeric:
            benchmark.band(benchmark.numeric[name])
    ranked = time.perf_counter() - start

    england = Comparator("England", ComparatorKind.ENGLAND, {("m0", year): 50.0})
    start = time.perf_counter()
    for k in range(COMPARISONS):
        compare(indicators[0], float(k % 100), england, year, tolerance=0.5)
    compared = time.perf_counter() - start

    print(f"build {MEASURES} benchmarks of {AUTHORITIES} authorities: {built * 1e3:.0f} ms")
    print(f"rank and band every authority on every measure: {ranked * 1e3:.0f} ms")
    print(f"{COMPARISONS:,} comparisons with a comparator: {compared * 1e3:.0f} ms "
          f"({compared / COMPARISONS * 1e6:.1f} µs each)")


if __name__ == "__main__":
    main()
