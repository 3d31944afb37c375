"""Wiltshire's 2022-23 Corporate Parenting Panel scorecard and its exception report.

The indicators, expected ranges and quarterly figures are those of Wiltshire Council's
Corporate Parenting Panel annual report 2022-23 (§23-51); the readings are in
``examples/data/wiltshire_readings_2022-23.csv``.

Run: ``python examples/scorecard.py``
"""

from __future__ import annotations

from pathlib import Path

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Scorecard,
    Target,
    TargetDirection,
    read_readings,
)

DATA = Path(__file__).resolve().parent / "data" / "wiltshire_readings_2022-23.csv"
HIGHER, LOWER, NEUTRAL = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, Polarity.NEUTRAL


def wiltshire_indicators() -> IndicatorSet:
    """The scorecard indicators with the ranges the report gives (previous and current)."""
    indicators = [
        Indicator("children_in_care", "Number of children in care", Kind.SNAPSHOT, NEUTRAL,
                  domain="Stability & Permanence"),
        Indicator("placement_moves_3plus", "Children in care with 3+ placement moves in 12 months",
                  Kind.PERCENTAGE, LOWER, domain="Stability & Permanence"),
        Indicator("long_term_stability", "Long-term placement stability", Kind.PERCENTAGE,
                  HIGHER, domain="Stability & Permanence"),
        Indicator("not_long_term_18m", "In care 18 months+ and not in long-term arrangements",
                  Kind.PERCENTAGE, LOWER, domain="Stability & Permanence"),
        Indicator("placed_over_20_miles", "Placed more than 20 miles from home (excl. UASC)",
                  Kind.PERCENTAGE, LOWER, domain="Stability & Permanence"),
        Indicator("missing_episode", "Children in care with a missing episode", Kind.COUNT,
                  LOWER, domain="Safety & Security"),
        Indicator("in_house_fostering", "In LA foster care (excl. connected carers)",
                  Kind.PERCENTAGE, HIGHER, domain="Fostering"),
        Indicator("connected_carers", "Fostered by relatives or friends", Kind.PERCENTAGE,
                  HIGHER, domain="Fostering"),
    ]
    bounds = {  # (lower, upper) from the report's tables; the same in both years
        "placement_moves_3plus": (7, 10),
        "long_term_stability": (75, 82),
        "not_long_term_18m": (30, 35),
        "placed_over_20_miles": (34, 37),
        "missing_episode": (90, 120),
        "in_house_fostering": (42, 48),
        "connected_carers": (17, 23),
    }
    ranges = [
        ExpectedRange(name, lower, upper, FinancialYear(year))
        for name, (lower, upper) in bounds.items()
        for year in (2021, 2022)
    ]
    ranges.append(ExpectedRange("children_in_care", 407, 469, FinancialYear(2022)))
    ambition = Target("in_house_fostering", 65, TargetDirection.AT_LEAST, FinancialYear(2022),
                      ambition=True)
    return IndicatorSet(indicators, ranges=ranges, targets=[ambition])


def main() -> None:
    indicators = wiltshire_indicators()
    readings = read_readings(DATA, indicators)
    result = Scorecard(indicators).assess(readings, FinancialQuarter(2022, 4))
    print(result.exception_report())


if __name__ == "__main__":
    main()
