"""Time the funnel flags against the engine's rank-and-band pass over the same rows.

Not a test: it prints timings for the machine it runs on, and the target beside them
(reported, never asserted). From the DfE's EES files that give counts and denominators,
it takes every measure and year (every authority's count over its denominator) and
times, each the median of its repeats after one run not counted,

(a) every authority's funnel flags at 95% and 99.8% on every measure and year
    (:func:`corpparent.benchmarking.funnel.funnel`, exact limits, over-dispersion
    estimated and allowed for, the curve for drawing included), and
(b) the engine's rank-and-band pass over the same figures
    (:func:`corpparent.benchmarking.columnar.ranks` and ``bands``: every measure-year a
    row, every authority a column), the pass LAIT's positions come from;

the target is (a) within 2x of (b). It also times (a) with the normal approximation to
the limits, and says how many authorities each flag holds.
Run with ``.venv/bin/python benchmarks/funnels.py [FOLDER] [REPEATS]`` (FOLDER defaults
to ../shared/data/dfe, REPEATS to 7).
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
from corpparent.benchmarking.funnel import Dispersion, Flag, FunnelMeasure, Method
from corpparent.files.dfe.funnels import read_funnel_measures

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
TARGET = 2.0


def matrix(measures: Sequence[FunnelMeasure]) -> np.ndarray:
    """Every measure-year a row, every authority a column: its figure, NaN where it has
    no count or no denominator above 0."""
    codes = sorted({row.code for m in measures for row in m.rows})
    column = {code: i for i, code in enumerate(codes)}
    values = np.full((len(measures), len(codes)), np.nan)
    for i, measure in enumerate(measures):
        for row in measure.rows:
            if row.numerator is not None and row.denominator:
                values[i, column[row.code]] = row.numerator / row.denominator * measure.per
    return values


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else DEFAULT
    repeats = int(argv[1]) if len(argv) > 1 else 7
    start = time.perf_counter()
    measures = read_funnel_measures(folder)
    print(f"read {len(measures)} measure-years from {folder} in "
          f"{time.perf_counter() - start:.2f} s (not counted below)")
    values = matrix(measures)
    better_lower = np.zeros(len(values), dtype=bool)
    banded = np.ones(len(values), dtype=bool)

    def rank_and_band() -> object:
        rank, ordered, count = ranks(values, better_lower)
        return rank, bands(values, ordered, count, better_lower, banded)

    def flags() -> object:
        return [m.funnel() for m in measures]

    def normal_flags() -> object:
        return [m.funnel(Dispersion.MULTIPLICATIVE, Method.NORMAL) for m in measures]

    engine = median_time(rank_and_band, repeats)
    funnels = median_time(flags, repeats)
    normal = median_time(normal_flags, repeats)
    points = sum(len(m.rows) for m in measures)
    print(f"rank and band, {values.shape[0]} rows x {values.shape[1]} authorities: "
          f"{engine * 1e3:.2f} ms")
    print(f"funnel flags, {points} authority-years: {funnels * 1e3:.2f} ms "
          f"({funnels / engine:.1f}x the rank-and-band pass; target at most {TARGET:g}x)")
    print(f"funnel flags, normal limits: {normal * 1e3:.2f} ms ({normal / engine:.1f}x)")
    counts = Counter(p.flag_998 for f in (m.funnel() for m in measures) for p in f.points)
    print("at 99.8%: " + ", ".join(f"{flag.value} {counts[flag]}" for flag in Flag))


if __name__ == "__main__":
    main(sys.argv[1:])
