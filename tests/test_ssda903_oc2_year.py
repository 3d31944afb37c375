"""The OC2 measures are the year's: the OC2 table records, once a year, the children
looked after continuously for at least 12 months at 31 March ("Children looked after
at 31 March for at least 12 months, by OC2 indicators", the DfE's data guidance). So
they are not taken at another day, and not from an OC2 table holding no row of any
child of the cohort (an extract's, still empty), which would give every check as not
known: 0%, judged as a breach.

The 2025-26 return, made by hand: A looked after since 1 January 2023 and B since 1
June 2024 (the cohort at 31 March 2026: looked after every day from 1 April 2025); C
from 10 May 2025 (not in it). OC2: A's health assessment and immunisations up to date,
teeth not checked; B's health assessment and teeth, not immunisations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corpparent.indicators.definitions import Indicator, Kind
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import ssda903_measures, ssda903_readings
from corpparent.ssda903 import Return, Returns, Table, compute

D = dt.date
YEAR = FinancialYear(2025)
TODAY = D(2026, 12, 1)
OC2 = ["oc2_health_check", "oc2_immunisations", "oc2_teeth_check"]
COLUMNS = ("CHILD", "HEALTH_ASSESSMENT", "IMMUNISATIONS", "TEETH_CHECK")


def ep(child: str, decom: D) -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": "S", "LS": "C2", "PLACE": "U1"}


def oc2(*rows: tuple[str, str, str, str]) -> Table:
    """The OC2 table of ``rows`` (child, health assessment, immunisations, teeth):
    its header alone where none is given, as an extract's CSV file holds it."""
    return Table.of("OC2", {c: [row[i] for row in rows] for i, c in enumerate(COLUMNS)})


FILLED = oc2(("A", "1", "1", "0"), ("B", "1", "0", "1"))


def returns(table: Table) -> Returns:
    episodes = Table.from_rows("Episodes", [ep("A", D(2023, 1, 1)), ep("B", D(2024, 6, 1)),
                                            ep("C", D(2025, 5, 10))])
    reviews = Table.from_rows("Reviews", [{"CHILD": "A", "REVIEW": D(2026, 3, 20)}])
    return Returns([Return(YEAR, {"Episodes": episodes, "Reviews": reviews, "OC2": table})])


def test_the_year_s_figures_from_a_filled_table() -> None:
    found = {v.measure: (v.numerator, v.denominator)
             for v in compute(returns(FILLED), YEAR, OC2)}
    assert found == {"oc2_health_check": (2, 2), "oc2_immunisations": (1, 2),
                     "oc2_teeth_check": (1, 2)}
    # A's row alone: B, of the cohort with no row, counts in the denominator only.
    [health] = compute(returns(oc2(("A", "1", "1", "0"))), YEAR, ["oc2_health_check"])
    assert (health.numerator, health.denominator) == (1, 2)


@pytest.mark.parametrize("table", [oc2(), oc2(("C", "1", "1", "1"))],
                         ids=["header only", "other children only"])
def test_a_table_with_no_row_of_the_cohort_gives_no_figure(table: Table) -> None:
    assert compute(returns(table), YEAR, OC2) == ()
    run = ssda903_measures(returns(table), YEAR, OC2, today=TODAY)
    assert run.values == ()
    assert [str(w) for w in run.warnings] == [
        f"{measure} at 2026-03-31: the 2025-26 OC2 table holds no row of any of the 2 "
        "children looked after continuously for the 12 months to 31 March (it is empty, "
        "or holds other children's only), so their checks are not known, not 0%: not "
        "computed" for measure in OC2]
    assert all(w.incomplete for w in run.warnings)


def test_no_figure_is_taken_at_another_day() -> None:
    day = D(2025, 9, 30)
    assert compute(returns(FILLED), YEAR, OC2, as_at=day) == ()
    run = ssda903_measures(returns(FILLED), YEAR, ["oc2_health_check", "cla_31_march"],
                           [day, YEAR.end], today=TODAY)
    # At 31 March the measure is the year's; at 30 September it is not taken.
    assert [(v.measure, v.as_at) for v in run.values] == [
        ("cla_31_march", "2025-09-30"), ("oc2_health_check", "2026-03-31"),
        ("cla_31_march", "2026-03-31")]
    [warning] = [w for w in run.warnings if "oc2" in str(w)]
    assert str(warning).startswith(
        "oc2_health_check at 2025-09-30: the OC2 table records, once a year, the children "
        "looked after continuously for at least 12 months at 31 March")
    assert str(warning).endswith("not filled in until the year's end: not computed")
    assert warning.incomplete
    # Nor is a reading made for the quarter it ends, for the scorecard to judge.
    health = Indicator("health", "Health assessments", Kind.PERCENTAGE, "higher is better",
                       ssda903="oc2_health_check")
    read = ssda903_readings(returns(FILLED), [health], (), [day], today=TODAY)
    assert len(read.readings) == 0
    assert warning in read.warnings
