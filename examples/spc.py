"""A process chart of a monthly series, and what it tells a panel.

The series is ``examples/data/wiltshire_health_assessments_monthly_illustrative.csv``:
illustrative months for the ``wiltshire`` profile's health assessments indicator, ending
at the published 82% of March 2023 (Wiltshire Corporate Parenting Panel annual report
2022-23, §88; see ``examples/data/README.md``). The chart sets its expected range from
the figures, marks the signals of real change, and says whether the 94% target will be
met.

Run: ``python examples/spc.py``
"""

from __future__ import annotations

from pathlib import Path

from corpparent import Month, read_readings
from corpparent.plugins import load_profile
from corpparent.spc import chart_findings, indicator_chart, process_range

DATA = Path(__file__).resolve().parent / "data"
MONTHLY = DATA / "wiltshire_health_assessments_monthly_illustrative.csv"


def main() -> None:
    indicators = load_profile("wiltshire").indicators
    health = indicators["health_assessments"]
    readings = read_readings(MONTHLY, indicators)
    march = Month(2023, 3)
    chart = indicator_chart(health, readings, march)
    assert chart is not None
    expected = process_range(chart, health.id, march)
    assert expected is not None
    print(f"{health.name}: {len(chart.values)} months to {march}")
    print(f"expected range from the data: {health.format_range(expected.lower, expected.upper)}")
    targets = tuple(indicators.targets_for(health.id, march))
    for finding in chart_findings(chart, indicator=health, targets=targets):
        print(f"[{finding.family}] {finding.explanation}")


if __name__ == "__main__":
    main()
