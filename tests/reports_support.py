"""Shared builders for the report and command-line tests: Wiltshire's 2022-23 scorecard
from the example (figures from the annual report 2022-23, seed 002)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    read_readings,
)
from corpparent.comparators import Comparator
from corpparent.plugins import load_profile
from corpparent.report import ScorecardReport, make_provenance, scorecard_report
from corpparent.trends import DEFAULT_HISTORY

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
COMPARATORS = ROOT / "examples" / "data" / "wiltshire_comparators_2020-21.csv"
INDICATORS_PY = ROOT / "tests" / "data" / "reports" / "wiltshire_indicators.py"
Q4 = FinancialQuarter(2022, 4)
FY22 = FinancialYear(2022)


def wiltshire_set() -> IndicatorSet:
    """The built-in Wiltshire plug-in's indicators, ranges and targets (002 §23-106)."""
    return load_profile("wiltshire").indicators


def wiltshire_report(comparators: Sequence[Comparator] = (),
                     history: int = DEFAULT_HISTORY) -> ScorecardReport:
    indicators = wiltshire_set()
    readings = read_readings(READINGS, indicators)
    result = Scorecard(indicators, comparators=comparators, history=history).assess(readings, Q4)
    provenance = make_provenance(inputs=[READINGS], period=Q4)
    return scorecard_report(result, provenance, authority="Wiltshire")


def count_report(values: dict[str, float | None], *, name: str = "Children missing",
                 domain: str = "Safety") -> ScorecardReport:
    """A one-indicator report of a count, with values by quarter of 2022-23 ('Q1'..'Q4')."""
    indicator = Indicator("missing", name, Kind.COUNT, Polarity.LOWER_IS_BETTER, domain=domain)
    indicators = IndicatorSet([indicator], ranges=[ExpectedRange("missing", 3, 9, FY22)])
    readings = Readings(
        Reading("missing", FinancialQuarter(2022, int(q[1])), v, symbol=None if v is not None
                else "c")
        for q, v in values.items()
    )
    result = Scorecard(indicators).assess(readings, Q4)
    return scorecard_report(result, make_provenance(), authority="Test")
