"""Wiltshire's 2022-23 Corporate Parenting Panel scorecard and its exception report.

The indicators, expected ranges and targets come from the built-in ``wiltshire``
authority plug-in, which takes them from Wiltshire Council's Corporate Parenting Panel
annual report 2022-23 (§23-106); the readings are in
``examples/data/wiltshire_readings_2022-23.csv``.

Run: ``python examples/scorecard.py``
"""

from __future__ import annotations

from pathlib import Path

from corpparent import FinancialQuarter, Scorecard, read_readings
from corpparent.plugins import load_profile

DATA = Path(__file__).resolve().parent / "data" / "wiltshire_readings_2022-23.csv"


def main() -> None:
    wiltshire = load_profile("wiltshire")
    indicators = wiltshire.indicators
    readings = read_readings(DATA, indicators)
    result = Scorecard(indicators).assess(readings, FinancialQuarter(2022, 4))
    print(f"{wiltshire.name} ({wiltshire.gss_code}), {len(indicators)} indicators")
    print(result.exception_report())


if __name__ == "__main__":
    main()
