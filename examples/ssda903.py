"""The panel's figures from an SSDA903 return: read the year folders' CSV tables and
compute the DfE's children looked after measures, each with the passage it follows, for
the year and at each quarter end of it.

The returns in ``data/ssda903/`` are invented: synthetic children, one for each case
the measures must get right, over two collection years so that long-term stability
sees each child's history (see docs/ssda903.md, which works each figure by hand).
"""

from __future__ import annotations

from pathlib import Path

from corpparent.files import read_returns
from corpparent.ssda903 import MEASURES, as_at_dates, compute, definition

FOLDER = Path(__file__).resolve().parent / "data" / "ssda903"
YEAR = "2023-24"


def main() -> None:
    returns = read_returns(FOLDER)
    print(f"Returns read: {', '.join(str(year) for year in returns)}")
    for value in compute(returns, YEAR):
        measure = MEASURES[value.measure]
        shown = "-" if value.value is None else f"{value.value:.4g}"
        counts = f"{value.numerator}" if value.denominator is None \
            else f"{value.numerator} of {value.denominator}"
        print(f"{measure.title}: {shown} ({counts})")
    print()
    print(f"At each quarter end of {YEAR}, over the twelve months to it:")
    for day in as_at_dates(YEAR, "quarter"):
        row = {v.measure: v for v in compute(returns, YEAR, as_at=day)}
        stability = row["long_term_stability"]
        print(f"  {day.isoformat()}: {row['cla_31_march'].numerator} looked after, "
              f"long-term stability {stability.numerator} of {stability.denominator}")
    print()
    print("Long-term stability in 2023-24 follows:",
          definition("long_term_stability", YEAR).passage)
    print("and in 2022-23:", definition("long_term_stability", "2022-23").passage)


if __name__ == "__main__":
    main()
