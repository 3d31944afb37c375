"""Which authorities are statistically above or below England? Funnel plots of the DfE's
EES figures.

Reads the Department for Education's EES files that give a count and a denominator
(placement stability, care leavers' accommodation and activity, children looked after
per 10,000 children) and prints, for each measure's latest year, where one authority
lies against England and the funnel's limits at its own size, and the authorities
beyond the 99.8% limits; then the same funnel with over-dispersion taken as additive
random effects rather than a multiplicative factor.

Usage: python examples/funnels.py [FOLDER] [AUTHORITY]
FOLDER defaults to the project's copy of the DfE files (../shared/data/dfe).
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpparent.benchmarking.funnel import Dispersion, Flag, Kind
from corpparent.files.dfe.funnels import read_funnel_measures

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    authority = argv[1] if len(argv) > 1 else "Wiltshire"
    measures = read_funnel_measures(folder)
    latest = {}
    for measure in measures:  # each measure's latest year
        if measure.measure not in latest or measure.period > latest[measure.measure].period:
            latest[measure.measure] = measure
    print(f"{authority} against England, {len(latest)} measures with a denominator")
    for code, measure in sorted(latest.items()):
        found = measure.funnel()
        point = found.point(authority)
        unit = "%" if measure.kind is Kind.PROPORTION else " per 10,000"
        if point is None or point.limits is None:
            why = point.reason if point is not None else "no row"
            print(f"  {code} {measure.period}: not judged ({why})")
            continue
        outside = [p.authority for p in found.points
                   if p.flag_998 in (Flag.ABOVE, Flag.BELOW)]
        print(f"  {code} {measure.period}: {point.value:.1f}{unit} of "
              f"{point.denominator:,.0f}, England {found.target:.1f}{unit}; "
              f"99.8% limits {point.limits.lower_998:.1f} to {point.limits.upper_998:.1f}: "
              f"{point.flag_998.value} (95%: {point.flag_95.value}); phi {found.phi:.2f}; "
              f"{len(outside)} authorities outside, {found.left_out} not judged")
    stability = latest["LAC_LongStable%"]
    additive = stability.funnel(Dispersion.ADDITIVE)
    beyond = sorted(p.authority for p in additive.points if p.flag_998 is Flag.BELOW)
    print(f"Long-term stability, additive over-dispersion (tau^2 {additive.tau2:.5f}): "
          f"below the 99.8% limits: {', '.join(beyond) or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1:])
