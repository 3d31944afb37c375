"""Benchmark Wiltshire against its comparators, as its Corporate Parenting Panel does.

Part 1 uses the comparator tables of Wiltshire's CPP annual report 2022-23 (§32, §34,
§59). Part 2, when the DfE's published files are beside the project (../shared/data),
ranks and bands Wiltshire's 2024-25 placement stability among every English authority,
its ten statistical neighbours and the authorities Ofsted judged Outstanding.

Run: python examples/comparators.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from corpparent.comparators import (
    Authority,
    Benchmark,
    Comparator,
    ComparatorKind,
    ComparatorSet,
    group_finding,
    standing_finding,
)
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import CalendarYear, FinancialYear
from corpparent.symbols import is_symbol

WILTSHIRE = Authority("Wiltshire", "865", "South West")
MOVES = Indicator("placement-moves", "3+ placement moves in the year", Kind.PERCENTAGE,
                  Polarity.LOWER_IS_BETTER)
STABILITY = Indicator("long-term-stability", "Long-term placement stability",
                      Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
SUSPENSIONS = Indicator("suspensions", "At least one suspension", Kind.PERCENTAGE,
                        Polarity.LOWER_IS_BETTER)


def from_the_annual_report() -> None:
    y2020, y2022 = "2020-21", "CY 2022"
    table = {  # comparator -> {(indicator, period): value}, from 002 §32, §34 and §59
        ("England", ComparatorKind.ENGLAND): {
            ("placement-moves", y2020): 9, ("long-term-stability", y2020): 70,
            ("suspensions", y2022): 9.8},
        ("South West", ComparatorKind.REGION): {
            ("placement-moves", y2020): 11, ("long-term-stability", y2020): 71,
            ("suspensions", y2022): 12.5},
        ("Statistical neighbours", ComparatorKind.STATISTICAL_NEIGHBOURS): {
            ("placement-moves", y2020): 11, ("long-term-stability", y2020): 70,
            ("suspensions", y2022): 11.1},
        ("Outstanding LAs", ComparatorKind.OUTSTANDING): {
            ("placement-moves", y2020): 9, ("long-term-stability", y2020): 63,
            ("suspensions", y2022): "x"},  # the report gives no average here
    }
    cset = ComparatorSet(WILTSHIRE, [
        Comparator(name, kind, values, source="Wiltshire CPP annual report 2022-23")
        for (name, kind), values in table.items()
    ])
    print("Wiltshire against its comparators (CPP annual report 2022-23)")
    for indicator, value, period in ((MOVES, 6, FinancialYear(2020)),
                                     (STABILITY, 77, FinancialYear(2020)),
                                     (SUSPENSIONS, 11, CalendarYear(2022))):
        print(f"\n{indicator.name}, {period} ({indicator.polarity}):")
        for comparison in cset.compare(indicator, value, period, tolerance=0.5):
            finding = comparison.finding()
            print(f"  [{finding.status}] {finding.explanation}")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def from_published_data(data: Path) -> None:
    year = FinancialYear(2024)  # the DfE's "2025" reporting year ends on 31 March 2025
    rows = [r for r in _rows(data / "la_cla_placement_stability.csv")
            if r["time_period"] == "2025" and r["cla_group"] == "CLA on 31 March"
            and r["placement_stability"] == "With 3 or more placements during the year"]
    by_level = {r["geographic_level"]: r for r in rows
                if r["geographic_level"] != "Local authority"}
    authorities = [r for r in rows if r["geographic_level"] == "Local authority"]
    names = {r["old_la_code"]: r["la_name"] for r in authorities}
    # A published cell is a number or an official symbol; symbols stay symbols.
    benchmark = Benchmark(MOVES, year, {
        r["la_name"]: value if is_symbol(value) else float(value)
        for r in authorities for value in [r["children_percent"]]
    })
    england = Comparator("England", "England",
                         {(MOVES.id, year): float(by_level["National"]["children_percent"])})
    sn_row = next(r for r in _rows(data / "sn_model_2025_wide.csv")
                  if r["old_la_code"] == "865")
    neighbours = [Authority(names[sn_row[f"SN_{i}"]], sn_row[f"SN_{i}"]) for i in range(1, 11)]
    ofsted = _rows(data / "ofsted_ilacs_outcomes_2025-03-31.csv")
    outstanding_codes = {r["Local authority area code"] for r in ofsted
                         if r["Overall effectiveness"] == "Outstanding"}
    outstanding = [Authority(r["la_name"], r["old_la_code"]) for r in authorities
                   if r["new_la_code"] in outstanding_codes]
    cset = ComparatorSet(WILTSHIRE, [england], neighbours, outstanding)
    neighbour_values = benchmark.among(a.name for a in neighbours)
    wiltshire = benchmark.numeric["Wiltshire"]

    print(f"\nWiltshire among every English authority, {year} (DfE, placement stability)")
    print(f"  {standing_finding(benchmark, 'Wiltshire').explanation}")
    print(f"  {cset.compare(MOVES, wiltshire, year)[0].finding().explanation}")
    print(f"  Statistical neighbours (2025 model): mean {neighbour_values.average('mean'):.1f}%,"
          f" median {neighbour_values.average('median'):.1f}%")
    for group, members in (("statistical neighbours", neighbours),
                           ("Outstanding authorities", cset.outstanding)):
        finding = group_finding(benchmark, group, [a.name for a in members], wiltshire,
                                authority="Wiltshire")
        print(f"  [{finding.status}] {finding.explanation}")


if __name__ == "__main__":
    from_the_annual_report()
    data = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
    if (data / "la_cla_placement_stability.csv").exists():
        from_published_data(data)
    else:
        print(f"\n(The DfE files are not at {data}; part 2 is skipped.)")
