"""Measure how reading and assessing readings grow with their number, beside polars.

Not a test: it prints timings for the machine it runs on. Run with
``.venv/bin/python benchmarks/readings.py [SIZES ...] [--repeat N] [--profile SIZE]``
(sizes default to 10000 100000 1000000; polars is in the ``dev`` extra).

The workload is a tidy long CSV as a regional analyst keeps one: an indicator, a period
and a value a row, ``SIZE / 100`` indicators (counts, snapshots and percentages, each
with an expected range and a target for each financial year) over 100 months, one value
in 37 withheld (``c``) and one in 53 blank. Timed for each size, median of the repeats:

* ``corpparent csv``: `read_readings` of the CSV, then `Scorecard.assess` of one
  quarter (every indicator: aggregation, ranges, targets, trend, process chart);
* ``corpparent arrow``: the same from a pyarrow Table of the same rows (the value
  column text, as a CSV reader gives a column mixing numbers and ``c``);
* ``polars``: ``polars.read_csv`` of the same CSV, the values cast to numbers (each
  cell a number, an official symbol or blank), the indicators checked known
  (``is_in``) and each distinct period parsed with corpparent's own parser.

The targets: 1,000,000 readings read from CSV and assessed within 10x of polars; from
an Arrow table no slower than from the CSV; the cost linear from 10,000 to 1,000,000
(10x the readings in at most 11x the time). Tables of fewer than 1,000 rows are checked
row by row (`corpparent.files._tabular.text_columns.COLUMNS_FROM_ROWS`).

Measured on 7 December 2026 on the project's machine, 2 cores shared with other work
(load average 2 to 6, so figures vary by tens of per cent from run to run; the ratios
are taken within one run), Python 3.11, polars 2.1, pyarrow 26, median of 3.

Before the column path (one pydantic record and one checked `Reading` a row, every range
and target scanned for each lookup, the set's ranges compared pairwise for overlaps):

    readings   corpparent csv   arrow     polars   ratio   ms per 1000 (csv)
    10,000         0.524 s      0.533 s   0.010 s    52x     52
    100,000        6.523 s      7.185 s   0.025 s   256x     65
    1,000,000      not run: building the set of 90,000 ranges alone grows with their
                   square (1.5 s for 9,000 of them), and reading grew faster than the rows

After (plain rows checked a column at a time, the rest by the row checks; ranges and
targets by indicator; each distinct period ordered once):

    readings   corpparent csv   arrow     polars   ratio   ms per 1000 (csv)
    10,000         0.114 s      0.071 s   0.004 s    31x     11
    100,000        1.031 s      0.611 s   0.043 s    24x     10
    1,000,000      8.666 s      7.302 s   0.105 s    83x      8.7

and again after the last changes, at a load average of 3 to 4:

    10,000         0.049 s      0.048 s   0.003 s    14x      4.9
    100,000        0.615 s      0.914 s   0.016 s    40x      6.2
    1,000,000      9.400 s      8.548 s   0.119 s    79x      9.4

Against the targets then: an Arrow table was no slower than the CSV file; 1,000,000
readings took about 80x polars' time, not 10x. Of the 8 to 11 s, about half was reading
(making a million checked `Reading` objects and the set's indexes in Python) and half
assessing 10,000 indicators (each indicator's aggregation, trend, ranges and targets in
Python). The profile of one run at 1,000,000 (cProfile, 24.5 s in all under it): reading
8.2 s, of which 3.1 s making the readings and 3.7 s the set's indexes; assessing 16.2 s,
of which 7.4 s the trends (110,000 aggregations, each finding and tiling its months
again: 5.6 s), 2.4 s writing the same unit's label 50,881 times with pint, 1.7 s
finding targets (each target's period worked out again for each lookup).

Readings held as columns (7 December 2026): a checked table's readings are kept as the
columns they were checked in, ordered once by indicator and period with one NumPy sort,
a `Reading` made only when one is asked for; the months that make up a quarter are found
for every indicator at once (`corpparent.indicators.tilings`) and aggregated from their
figures read from the columns, none made a reading; an indicator's observed values are
taken from its trend; each unit's label, each period's days and months are worked out
once. Before and after, one run after the other at a load average of 2 (before) and
1.3 to 2 (after):

    readings   before (csv)   after (csv)   after (arrow)   polars   ratio   ms per 1000
    10,000         0.077 s       0.024 s       0.020 s      0.004 s     6x      2.4
    100,000        0.549 s       0.188 s       0.232 s      0.017 s    11x      1.9
    1,000,000      6.605 s       2.231 s       2.176 s      0.125 s    18x      2.2

(before, polars took 0.005, 0.019 and 0.122 s: 17x, 29x and 54x). At a load average of
6 to 8, 1,000,000 readings took 16 to 22 s before and 4.7 to 12 s after, polars 0.26
to 0.45 s. By CPU time at 1,000,000: reading 2.6 to 2.8 s before, 0.7 to 1.0 s after;
assessing 3.5 to 3.7 s before, 1.9 to 2.7 s after.

Against the targets: an Arrow table is as quick as the CSV file; 1,000,000 readings
take 18x polars' time, not 10x (from 54x to 80x); from 10,000 to 1,000,000, 100x the
readings take 93x the time, and from 100,000 to 1,000,000, 10x take 11.9x (the cost per
1,000 readings flat within the run-to-run noise; a second run gave 20x, 6x and 14x).
Of the 2.2 s, reading takes 0.4 to 0.7 s (the column checks, the one sort, and the
figures made Python floats for the readings asked for) and assessing the rest. What
remains is a scorecard's own work for each indicator: its findings, trend and chart are
Python objects with their words (40,000 findings and 80,000 trend values for 10,000
indicators), made one indicator at a time; it grows in step with the indicators.
Reaching 10x would need those made only when read, or the findings judged over arrays
for every indicator at once.

Each period's sums for every indicator at once (7 December 2026, later): the pieces
that make up a quarter are added over whole columns once per period for every
indicator, left to right as one indicator's are added (a property holds the two equal
to the last bit, fractions included); the cycle collector is paused while a scorecard
judges, as while readings are made (with a plug-in's 180,000 ranges and targets alive,
its full runs took about a quarter of the judging); a checked table's figures stay NumPy
arrays until a reading is made; a quarter's last day, a period's hash, a trend's
periods and the text of a missing piece are worked out once. Before and after, one run
after the other, twice, at a load average of 5 to 6 (three other jobs on the 2 cores):

    readings   before (csv)      after (csv)      after (arrow)    polars
    10,000     0.036, 0.039 s    0.036, 0.048 s   0.019, 0.028 s   0.003 to 0.016 s
    100,000    0.478, 0.347 s    0.334, 0.221 s   0.231, 0.146 s   0.013 to 0.041 s
    1,000,000  4.900, 5.035 s    3.150, 2.454 s   2.226, 1.606 s   0.117 to 0.250 s

At 1,000,000, 25x and 43x polars' time before, 23x and 10x after: the ratio swings
with polars' own time on a busy machine (it uses both cores), so the figure to trust is
corpparent's own, 1.6 to 2 times quicker. On a quieter machine (load average 1) a run
gave 1.679 s against polars' 0.103 s, 16x. Against the targets: an Arrow table is
quicker than the CSV; from 100,000 to 1,000,000 readings, 10x the readings take 10.1x
the time (1.67 and 1.68 ms per 1,000 in the quiet run), so the cost is linear; 10x
polars' time is met only when polars is slow, not as a rule. Of the 1.7 s, reading
takes about 0.45 s and judging 1.2 s, of which the trends take 0.5 s (80,000 values,
each a Python object with its range) and the findings 0.3 s (40,000, each with its
words): what remains is the scorecard's own objects, one indicator at a time.

``--profile SIZE`` prints cProfile's top functions for reading and assessing SIZE
readings from the CSV.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Scorecard,
    Target,
    read_readings,
)
from corpparent.periods import Month, parse_period
from corpparent.ranges import TargetDirection
from corpparent.symbols import OFFICIAL_SYMBOLS

PERIODS = 100  # months from April 2016: "2016-04" ... "2024-07"
ASSESSED = FinancialQuarter(2023, 2)
KINDS = (Kind.COUNT, Kind.SNAPSHOT, Kind.PERCENTAGE)


def _months() -> list[str]:
    return [str(Month(2016 + (3 + index) // 12, (3 + index) % 12 + 1))
            for index in range(PERIODS)]


def indicator_set(size: int) -> IndicatorSet:
    """``size / 100`` indicators, each with a range and a target for each year."""
    count = max(1, size // PERIODS)
    indicators = [Indicator(f"ind_{number:05d}", f"Indicator {number}",
                            KINDS[number % 3], Polarity.HIGHER_IS_BETTER)
                  for number in range(count)]
    years = [FinancialYear(year) for year in range(2016, 2025)]
    ranges = [ExpectedRange(i.id, 10, 60, year) for i in indicators for year in years]
    targets = [Target(i.id, 40, TargetDirection.AT_LEAST, year)
               for i in indicators for year in years]
    return IndicatorSet(indicators, ranges=ranges, targets=targets)


def write_csv(path: Path, size: int) -> None:
    """The readings file of ``size`` rows (indicators by months)."""
    months = _months()
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(["indicator", "period", "value"])
        for row in range(size):
            number, index = divmod(row, PERIODS)
            value: object = (number * 7 + index * 3) % 90
            if row % 37 == 5:
                value = "c"
            elif row % 53 == 7:
                value = ""
            out.writerow([f"ind_{number:05d}", months[index], value])


def _median(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def corpparent_run(source: object, indicators: IndicatorSet) -> None:
    readings = read_readings(source, indicators)  # type: ignore[arg-type]
    Scorecard(indicators).assess(readings, ASSESSED)


def polars_run(path: Path, ids: list[str]) -> None:
    import polars as pl

    frame = pl.read_csv(path, schema={"indicator": pl.String, "period": pl.String,
                                      "value": pl.String})
    text = frame["value"].str.strip_chars()
    values = text.cast(pl.Float64, strict=False)
    wrong = values.is_null() & text.is_not_null() & (text != "") & ~text.str.to_lowercase(
        ).is_in(list(OFFICIAL_SYMBOLS))
    assert not wrong.any()
    assert frame["indicator"].is_in(ids).all()
    periods = {text: parse_period(text) for text in frame["period"].unique().to_list()}
    assert len(periods) == PERIODS


def _timings(path: Path, table: object, indicators: IndicatorSet,
             options: argparse.Namespace) -> tuple[float, float, float]:
    ids = list(indicators.ids)
    ours = _median(lambda: corpparent_run(path, indicators), options.repeat)
    arrow = float("nan") if options.no_arrow else _median(
        lambda: corpparent_run(table, indicators), options.repeat)
    theirs = _median(lambda: polars_run(path, ids), options.repeat)
    return ours, arrow, theirs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=None)
    parser.add_argument("--no-arrow", action="store_true")
    options = parser.parse_args()
    import polars  # noqa: F401 - imported before any timing, as corpparent is
    import pyarrow.csv

    with tempfile.TemporaryDirectory() as scratch:
        if options.profile:
            path = Path(scratch) / "profile.csv"
            write_csv(path, options.profile)
            indicators = indicator_set(options.profile)
            profile = cProfile.Profile()
            profile.runcall(corpparent_run, path, indicators)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
            pstats.Stats(profile).sort_stats("tottime").print_stats(30)
            return
        print(f"{'readings':>10} {'corpparent csv':>15} {'arrow':>9} {'polars':>9} "
              f"{'ratio':>7} {'ms/1000':>8}")
        for size in options.sizes:
            path = Path(scratch) / f"readings-{size}.csv"
            write_csv(path, size)
            start = time.perf_counter()
            indicators = indicator_set(size)
            built = time.perf_counter() - start
            table = pyarrow.csv.read_csv(path, convert_options=pyarrow.csv.ConvertOptions(
                column_types={"value": pyarrow.string()}, strings_can_be_null=False))
            ours, arrow, theirs = _timings(path, table, indicators, options)
            print(f"{size:>10,} {ours:>13.3f} s {arrow:>7.3f} s {theirs:>7.3f} s "
                  f"{ours / theirs:>6.0f}x {ours / size * 1e6:>8.2f}"
                  f"   (the indicator set built in {built:.2f} s)", flush=True)


if __name__ == "__main__":
    main()
