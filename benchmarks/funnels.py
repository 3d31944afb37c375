"""Time the funnel flags against the engine's rank-and-band pass over the same rows.

Not a test: it prints timings for the machine it runs on, and the target beside them
(reported, never asserted). From the DfE's EES files that give counts and denominators,
it takes every measure and year (every authority's count over its denominator), checks
that the whole-matrix flags equal those of each funnel drawn one by one, and times, each
the median of its repeats after one run not counted,

(a) every authority's funnel flags at 95% and 99.8% on every measure and year at once
    (:func:`corpparent.benchmarking.funnel_flags.funnel_flags`: every measure-year a
    row, every authority a column; exact limits, over-dispersion estimated and allowed
    for; no limit worked out and no curve drawn), and
(b) the engine's rank-and-band pass over the same figures
    (:func:`corpparent.benchmarking.columnar.ranks` and ``bands``), the pass LAIT's
    positions come from;

the target is (a) within 2x of (b). It also times (a) with the normal approximation,
and every funnel drawn one by one (:func:`corpparent.benchmarking.funnel.funnel`: the
limits at each authority's denominator and the curve), and says how many authorities
each flag holds. Run with ``.venv/bin/python benchmarks/funnels.py [FOLDER] [REPEATS]``
(FOLDER defaults to ../shared/data/dfe, REPEATS to 7).

One run, 7 December 2026, 15 repeats, on the 2-core build machine while other jobs kept
it busy (load average about 5); the ratios are from the same run:

```text
read 65 measure-years from /work/shared/data/dfe in 2.45 s (not counted below)
the whole-matrix flags equal the drawn funnels' on all 10,075 authority-years, at 95% and 99.8%
rank and band, 65 rows x 155 authorities: 0.63 ms
funnel flags, 10,075 authority-years, exact limits: 1.11 ms
  1.77x the rank-and-band pass; target at most 2x
funnel flags, normal limits: 0.28 ms (0.44x)
every funnel drawn (limits at each authority, curve), one by one: 331.46 ms (527.0x)
at 99.8%: above 121, below 113, within 9044, not judged 797
```

The ratio moves with the load: 1.4x to 2.1x over eight interleaved runs that afternoon
(median about 1.75x). About a third of the flag time is the distribution function for
the 775 authority-years within a count or two of a limit (of 9,278 judged); the rest is
NumPy passes over the whole matrix. Before the whole-matrix pass, the flags came from
drawing every funnel (the limits inverted authority by authority, and the curve):
105.68 ms, 172x the rank-and-band pass (0.61 ms), the normal limits 34.65 ms (56x), on a
quieter machine; under the load above, drawing every funnel took 385 ms with that code
and 261 ms now.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from national import median_time  # the timing helper of benchmarks/national.py, beside this script

from corpparent.benchmarking.columnar import bands, ranks
from corpparent.benchmarking.funnel import FunnelMeasure
from corpparent.benchmarking.funnel_flags import FLAGS, Flag, Method, funnel_flags
from corpparent.files.dfe.funnels import read_funnel_measures

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
TARGET = 2.0


def matrices(measures: Sequence[FunnelMeasure],
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every measure-year a row, every authority a column: the counts and the
    denominators (NaN where not published), the figures (NaN where there is no count or
    no denominator above 0), and each row's target per unit (England's figure)."""
    codes = sorted({row.code for m in measures for row in m.rows})
    column = {code: i for i, code in enumerate(codes)}
    counts, denominators, values = (np.full((len(measures), len(codes)), np.nan)
                                    for _ in range(3))
    for i, measure in enumerate(measures):
        for row in measure.rows:
            j = column[row.code]
            if row.numerator is not None:
                counts[i, j] = row.numerator
            if row.denominator is not None:
                denominators[i, j] = row.denominator
            if row.numerator is not None and row.denominator:
                values[i, j] = row.numerator / row.denominator * measure.per
    targets = np.array([np.nan if m.target is None else m.target / m.per for m in measures])
    return counts, denominators, values, targets


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else DEFAULT
    repeats = int(argv[1]) if len(argv) > 1 else 7
    start = time.perf_counter()
    measures = read_funnel_measures(folder)
    print(f"read {len(measures)} measure-years from {folder} in "
          f"{time.perf_counter() - start:.2f} s (not counted below)")
    counts, denominators, values, targets = matrices(measures)
    kinds = [m.kind for m in measures]
    better_lower = np.zeros(len(values), dtype=bool)
    banded = np.ones(len(values), dtype=bool)

    def rank_and_band() -> object:
        rank, ordered, count = ranks(values, better_lower)
        return rank, bands(values, ordered, count, better_lower, banded)

    def flags(method: Method = Method.EXACT) -> object:
        return funnel_flags(counts, denominators, kinds, targets=targets, method=method)

    def drawn() -> object:
        return [m.funnel() for m in measures]

    # the flags of the whole-matrix pass are those of each funnel drawn, one by one
    found = funnel_flags(counts, denominators, kinds, targets=targets)
    codes = sorted({row.code for m in measures for row in m.rows})
    column = {code: i for i, code in enumerate(codes)}
    for i, funnel in enumerate(m.funnel() for m in measures):
        for point in funnel.points:
            j = column[point.code]
            assert (FLAGS[found.flag_95[i, j]], FLAGS[found.flag_998[i, j]]) == (
                point.flag_95, point.flag_998), (measures[i].measure, point)
    points = sum(len(m.rows) for m in measures)
    print(f"the whole-matrix flags equal the drawn funnels' on all {points:,} "
          "authority-years, at 95% and 99.8%")
    engine = median_time(rank_and_band, repeats)
    exact = median_time(flags, repeats)
    normal = median_time(lambda: flags(Method.NORMAL), repeats)
    every = median_time(drawn, repeats)
    print(f"rank and band, {values.shape[0]} rows x {values.shape[1]} authorities: "
          f"{engine * 1e3:.2f} ms")
    print(f"funnel flags, {points:,} authority-years, exact limits: {exact * 1e3:.2f} ms")
    print(f"  {exact / engine:.2f}x the rank-and-band pass; target at most {TARGET:g}x")
    print(f"funnel flags, normal limits: {normal * 1e3:.2f} ms ({normal / engine:.2f}x)")
    print(f"every funnel drawn (limits at each authority, curve), one by one: "
          f"{every * 1e3:.2f} ms ({every / engine:.1f}x)")
    counted = Counter(FLAGS[c] for c in found.flag_998.ravel().tolist())
    print("at 99.8%: " + ", ".join(f"{flag.value} {counted[flag]}" for flag in Flag))


if __name__ == "__main__":
    main(sys.argv[1:])
