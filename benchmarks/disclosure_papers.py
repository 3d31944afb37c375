"""Measure how fast a year of one authority's public papers is protected and checked.

Not a test: it prints timings for the machine it runs on. Run with ``make bench``.

The authority publishes, for 2023-24, twelve monthly papers, four quarterly papers and
an annual one, each under the public profile and protected, as the command line
protects it, against what its disclosure record says the papers before it published.
Its scorecard has six count indicators over two years of monthly readings: children
with a missing episode, declared the total of those placed in county and out of county
(the latter small), placement moves, and two more, each with an expected range, and a
process chart of each. The checker (``corpparent disclosure check``) is then timed over
all seventeen papers: the target is under 5 s.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from scorecard import timed  # the timing helper of benchmarks/scorecard.py, beside this script

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
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
from corpparent.cli.recording import Recording
from corpparent.periods import Period
from corpparent.report import ScorecardReport, finish, make_provenance, scorecard_report
from corpparent.report.disclosure import check

MONTHS = [Month(year, month) for year in (2022, 2023)
          for month in range(4, 13)] + [Month(year, month) for year in (2023, 2024)
                                       for month in range(1, 4)]
MONTHS.sort(key=lambda month: (month.year, month.month))
#: The papers of 2023-24 in the order they are published.
PAPERS: list[Period] = []
for _month in MONTHS[12:]:
    PAPERS.append(_month)
    if _month.month in (6, 9, 12, 3):
        PAPERS.append(FinancialQuarter(2023, (MONTHS.index(_month) - 12) // 3 + 1))
PAPERS.append(FinancialYear(2023))


def build(seed: int = 23) -> tuple[Scorecard, Readings]:
    """The scorecard and two years of monthly readings, small counts among them."""
    draw = random.Random(seed)
    ids = ("in_county", "out_of_county", "moves", "returned_home", "adopted")
    indicators = [Indicator("missing", "Missing episodes", Kind.COUNT,
                            Polarity.LOWER_IS_BETTER, parts=("in_county", "out_of_county"))]
    indicators += [Indicator(i, i, Kind.COUNT, Polarity.LOWER_IS_BETTER) for i in ids]
    ranges = [ExpectedRange(i.id, 2, 9 if i.id != "missing" else 90, FinancialYear(year))
              for i in indicators for year in (2022, 2023)]
    readings = []
    for month in MONTHS:
        inside, outside = draw.randint(40, 80), draw.randint(0, 9)
        readings += [Reading("missing", month, inside + outside),
                     Reading("in_county", month, inside),
                     Reading("out_of_county", month, outside)]
        readings += [Reading(i, month, draw.randint(0, 12)) for i in ids[2:]]
    return Scorecard(IndicatorSet(indicators, ranges=ranges)), Readings(readings)


def papers(card: Scorecard, readings: Readings, record: Path) -> list[ScorecardReport]:
    """The year's public papers, each protected against the record of those before it."""
    recording = Recording(record)
    made = []
    for period in PAPERS:
        report = scorecard_report(card.assess(readings, period),
                                  make_provenance(period=period), authority="Benchmark")
        published, withheld = recording.earlier(True, report.authority)
        paper = finish(report, "json", profile="public", published=published,
                       withheld_before=withheld)
        recording.finished(paper)
        recording.written(paper, None)
        made.append(paper)
    return made


def main() -> None:
    card, readings = build()
    folder = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    year = papers(card, readings, folder / "record.json")
    took = time.perf_counter() - start
    print(f"{len(year)} public papers of 2023-24 made and protected in {took:.1f} s "
          f"({took / len(year) * 1000:.0f} ms a paper)")
    result = check(year)
    print(f"  {sum(item.shown for item in result.figures)} figures withheld; "
          f"{len(result.narrowed)} narrowed by the checker")
    timed("check() over a year of one authority's papers", lambda: check(year))


if __name__ == "__main__":
    main()
