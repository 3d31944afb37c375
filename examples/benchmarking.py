"""Benchmark Wiltshire and Staffordshire against England, region, neighbours and Outstanding.

Reads the Department for Education's published files (children looked after and care
leavers from Explore Education Statistics, the 2025 statistical-neighbour model and
Ofsted's inspection outcomes at 31 March 2025) and prints, for each authority, its
latest figure for every indicator of the ``national`` plug-in that the files publish,
beside the comparators a Corporate Parenting Panel reports.

Usage: python examples/benchmarking.py [FOLDER] [AUTHORITY ...]
FOLDER defaults to the project's copy of the DfE files (../shared/data/dfe).
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpparent.files import read_benchmarking
from corpparent.findings import Status

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    authorities = argv[1:] or ["Wiltshire", "Staffordshire"]
    benchmarking = read_benchmarking(folder)
    for authority in authorities:
        area = benchmarking.data.areas[authority]
        neighbours = ", ".join(n.name for n in benchmarking.neighbours.of(area.code))
        print(f"{area.name} ({area.code})")
        print(f"  statistical neighbours (2025 model): {neighbours}")
        judged = "yes" if area.code in benchmarking.outstanding else "no"
        print(f"  judged Outstanding by Ofsted at 31 March 2025: {judged}")
        for result in benchmarking.latest(area.code):
            print("  - " + result.describe())
        findings = benchmarking.findings(area.code)
        worse = [f for f in findings if f.status is Status.WARNING]
        print(f"  {len(findings)} findings; worse than a comparator or in band D "
              f"({len(worse)}):")
        for finding in worse:
            print(f"  ! {finding.display_subject}: {finding.explanation}")
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
