"""The panel's figures from an SSDA903 return: read a year's CSV tables and compute the
DfE's children looked after measures, each with the passage it follows.

The return in ``data/ssda903/2023-24/`` is invented: eight synthetic children, one for
each case the measures must get right (see docs/ssda903.md, which works each figure by
hand).
"""

from __future__ import annotations

from pathlib import Path

from corpparent.files import read_returns
from corpparent.ssda903 import MEASURES, compute

FOLDER = Path(__file__).resolve().parent / "data" / "ssda903"


def main() -> None:
    returns = read_returns(FOLDER)
    for value in compute(returns, "2023-24"):
        measure = MEASURES[value.measure]
        shown = "-" if value.value is None else f"{value.value:.4g}"
        counts = f"{value.numerator}" if value.denominator is None \
            else f"{value.numerator} of {value.denominator}"
        print(f"{measure.title}: {shown} ({counts})")
    print()
    print("Three or more placements follows:", MEASURES["placements_3plus"].passage)


if __name__ == "__main__":
    main()
