"""Check a quarter's public papers together, as a reader who has all of them would.

A panel publishes a paper each month and one for the quarter. Each paper withholds its
small counts, but a reader has all three: the quarter's total less the months published
would give a withheld month back. `check` tries every such route (totals, quarters and
their months, percentages, process charts, the words that bound a figure) and says which
withheld figures the papers narrow beyond what their `c` says.

Run: python examples/disclosure_check.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from corpparent import (
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
    Scorecard,
)
from corpparent.report import finish, make_provenance, render, scorecard_report
from corpparent.report.disclosure import check

MOVES = Indicator("placement_moves", "Placement moves", Kind.COUNT, Polarity.LOWER_IS_BETTER)
MISSING = Indicator("missing_episode", "Children with a missing episode", Kind.COUNT,
                    Polarity.LOWER_IS_BETTER)
#: April, May and June 2024: June's three missing episodes and May's one move are small.
COUNTS = {"placement_moves": (8, 1, 9), "missing_episode": (14, 12, 3)}


def main() -> None:
    months = [Month(2024, 4), Month(2024, 5), Month(2024, 6)]
    readings = Readings([Reading(indicator, month, value)
                         for indicator, values in COUNTS.items()
                         for month, value in zip(months, values, strict=True)])
    scorecard = Scorecard(IndicatorSet([MOVES, MISSING]), process=None)
    with tempfile.TemporaryDirectory() as folder:
        papers = []
        for period in (months[1], months[2], FinancialQuarter(2024, 1)):
            report = scorecard_report(scorecard.assess(readings, period),
                                      make_provenance(period=period), authority="Anyshire")
            paper = Path(folder) / f"{str(period).replace(' ', '-')}.json"
            paper.write_text(render(finish(report, "json", profile="public"), "json"),
                             encoding="utf-8")
            papers.append(paper)
        result = check(papers)
    for line in result.lines():
        print(line)
    print("Every withheld figure, and what a reader can still make of it:")
    for item in result.figures:
        print(f"- {item.describe()}")


if __name__ == "__main__":
    main()
