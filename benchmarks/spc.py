"""Measure how fast corpparent draws process (XmR) charts.

Not a test: it prints timings for the machine it runs on. Run with ``make bench``.

Panels' series are tens of points long, so the charts are plain Python; this checks that
stays quick: one long series, many short ones (150 indicators of 60 months, as a large
scorecard), and a monthly scorecard that charts every indicator.
"""

from __future__ import annotations

import math

from scorecard import timed  # the timing helper of benchmarks/scorecard.py, beside this script

from corpparent import (
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
    Scorecard,
)
from corpparent.spc import xmr

INDICATORS = 150
MONTHS = [month for year in range(2019, 2024) for month in FinancialYear(year).months()]


def series(length: int, seed: int) -> list[float]:
    """A wavy series with a step half way, so the rules have signals to find."""
    return [50 + 5 * math.sin(i * 0.7 + seed) + (8 if i > length // 2 else 0)
            for i in range(length)]


def main() -> None:
    long = series(10_000, 1)
    timed("xmr over 10,000 points", lambda: xmr(long))
    short = [series(len(MONTHS), n) for n in range(INDICATORS)]
    timed(f"xmr over {INDICATORS} series of {len(MONTHS)} points",
          lambda: [xmr(s) for s in short])
    indicators = IndicatorSet([
        Indicator(f"i{n:03d}", f"Indicator {n}", Kind.PERCENTAGE, list(Polarity)[n % 3])
        for n in range(INDICATORS)])
    readings = Readings(Reading(f"i{n:03d}", month, value)
                        for n, values in enumerate(short)
                        for month, value in zip(MONTHS, values, strict=True))
    last = MONTHS[-1]
    assert isinstance(last, Month)
    card = Scorecard(indicators)
    timed(f"scorecard of {INDICATORS} indicators for {last}, charts drawn",
          lambda: card.assess(readings, last))
    plain = Scorecard(indicators, process=None)
    timed("the same without charts", lambda: plain.assess(readings, last))


if __name__ == "__main__":
    main()
