"""Measure how fast corpparent judges a large scorecard and reads a large readings file.

Not a test: it prints timings for the machine it runs on. Run with ``make bench``.

The workload is synthetic but shaped like a real one: 150 indicators (the size of a
large authority's full scorecard, or every LAIT measure an analyst keeps), monthly
readings for five financial years, judged quarter by quarter.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpparent import (
    ExpectedRange,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    read_readings,
)

INDICATORS = 150
YEARS = range(2019, 2024)


def build() -> tuple[IndicatorSet, Readings]:
    kinds = [Kind.COUNT, Kind.SNAPSHOT, Kind.PERCENTAGE]
    indicators = [
        Indicator(f"i{n:03d}", f"Indicator {n}", kinds[n % 3], list(Polarity)[n % 3])
        for n in range(INDICATORS)
    ]
    ranges = [
        ExpectedRange(ind.id, 20, 60, FinancialYear(year)) for ind in indicators for year in YEARS
    ]
    readings = []
    for ind in indicators:
        for year in YEARS:
            for offset, month in enumerate(FinancialYear(year).months()):
                value = float((year * 7 + offset * 3 + int(ind.id[1:])) % 80)
                readings.append(
                    Reading(ind.id, month, value, numerator=value, denominator=100.0)
                )
    return IndicatorSet(indicators, ranges=ranges), Readings(readings)


def timed(label: str, action: Callable[[], object], repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<58} {best * 1000:9.1f} ms")


def main() -> None:
    indicators, readings = build()
    card = Scorecard(indicators)
    quarters = [q for year in YEARS for q in FinancialYear(year).quarters()][4:]
    print(f"{INDICATORS} indicators, {len(readings):,} monthly readings")
    timed("build the readings set", lambda: build())
    timed("assess one quarter (all indicators)", lambda: card.assess(readings, quarters[-1]))
    timed(
        f"assess {len(quarters)} quarters",
        lambda: [card.assess(readings, q) for q in quarters],
        repeat=1,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readings.csv"
        rows = ["indicator,period,value,numerator,denominator"]
        rows += [
            f"{r.indicator},{r.period},{r.value},{r.numerator},{r.denominator}" for r in readings
        ]
        path.write_text("\n".join(rows) + "\n")
        timed(f"read and validate a {len(rows) - 1:,}-row CSV file",
              lambda: read_readings(path, indicators))


if __name__ == "__main__":
    main()
