"""The measures taken at a day of the year, from a return extract taken mid-year: "at
31 March" read as "at that day", "during the year" as "during the twelve months to that
day". Each expected figure is worked from the definitions, not from the code.

The returns: 2022-23 as sent, and a 2023-24 extract taken on 31 December 2023.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corpparent.errors import PeriodError, UnknownNameError
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import ssda903_measures
from corpparent.ssda903 import (
    Return,
    Returns,
    Table,
    Window,
    as_at_dates,
    compute,
    measures,
)
from corpparent.ssda903.measuring import months_before

D = dt.date
DECEMBER = D(2023, 12, 31)


def ep(child: str, decom: D, rne: str, dec: D | None = None, rec: str | None = None,
       place: str = "U1") -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": rne, "LS": "C2", "PLACE": place,
            "PLACE_PROVIDER": "PR1", "DEC": dec, "REC": rec}


def missing(child: str, start: D, end: D | None) -> dict[str, Any]:
    return {"CHILD": child, "MISSING": "M", "MIS_START": start, "MIS_END": end}


#: 2022-23 as sent: A since June 2022; B from 15 February 2023, still looked after at
#: 31 March 2023; C from 1 to 20 December 2022; D from 5 January to 1 March 2023. A
#: went missing on 10 January 2023 and from 20 March 2023, back on 5 April.
EARLIER = Return(FinancialYear(2022), {
    "Episodes": Table.from_rows("Episodes", [
        ep("A", D(2022, 6, 1), "S"),
        ep("B", D(2023, 2, 15), "S"),
        ep("C", D(2022, 12, 1), "S", D(2022, 12, 20), "E8"),
        ep("D", D(2023, 1, 5), "S", D(2023, 3, 1), "E8")]),
    "Missing": Table.from_rows("Missing", [missing("A", D(2023, 1, 10), D(2023, 1, 11)),
                                           missing("A", D(2023, 3, 20), None)])})
#: The 2023-24 extract of 31 December 2023: A still looked after; B ceased on 10
#: November; E started on 30 December. A's incident from 20 March ended on 5 April.
EXTRACT = Return(FinancialYear(2023), {
    "Episodes": Table.from_rows("Episodes", [
        ep("A", D(2022, 6, 1), "S"),
        ep("B", D(2023, 2, 15), "S", D(2023, 11, 10), "E8"),
        ep("E", D(2023, 12, 30), "S")]),
    "Missing": Table.from_rows("Missing", [missing("A", D(2023, 3, 20), D(2023, 4, 5))])})
RETURNS = Returns([EARLIER, EXTRACT])


def figures(as_at: D | None) -> dict[str, tuple[int, int | None]]:
    return {v.measure: (v.numerator, v.denominator)
            for v in compute(RETURNS, "2023-24", as_at=as_at)}


def test_the_twelve_months_to_a_day_of_the_year() -> None:
    at = figures(DECEMBER)
    # Looked after on 31 December 2023: A and E.
    assert at["cla_31_march"] == (2, None)
    # Started from 1 January to 31 December 2023: B, D and E. Ceased: B and D.
    assert at["starts"] == (3, None)
    assert at["ceased"] == (2, None)
    # Looked after in those twelve months: A, B, D, E. A went missing twice (10
    # January; 20 March to 5 April, held by both returns and counted once).
    assert at["missing_children"] == (1, 4)
    assert at["missing_incidents"] == (2, 1)


def test_the_year_itself_is_the_day_31_march() -> None:
    year = figures(None)
    assert year == figures(D(2024, 3, 31))
    # Looked after at 31 March 2024 (as the extract says): A and E. Started in the
    # year: E; ceased: B. Looked after during it: A, B, E; A's incident from 20 March
    # was open on 1 April 2023.
    assert year["cla_31_march"] == (2, None)
    assert year["starts"] == (1, None)
    assert year["ceased"] == (1, None)
    assert year["missing_children"] == (1, 3)
    assert year["missing_incidents"] == (1, 1)


def test_each_row_says_the_day_it_is_taken_at() -> None:
    table = measures(RETURNS, "2023-24", ["cla_31_march"], as_at=DECEMBER)
    assert table.to_pylist() == [{"measure": "cla_31_march", "year": "2023-24",
                                  "as_at": "2023-12-31", "numerator": 2,
                                  "denominator": None, "value": 2.0,
                                  "short_history": None}]


def test_a_day_outside_the_year_is_refused() -> None:
    with pytest.raises(PeriodError, match="not in the collection year 2023-24"):
        compute(RETURNS, "2023-24", as_at=D(2024, 4, 1))
    with pytest.raises(PeriodError, match="not in the collection year"):
        Window.of(FinancialYear(2023), D(2023, 3, 31))


def test_month_and_quarter_ends() -> None:
    months = as_at_dates("2023-24")
    assert months[0] == D(2023, 4, 30)
    assert months[10] == D(2024, 2, 29)
    assert months[-1] == D(2024, 3, 31)
    assert len(months) == 12
    assert as_at_dates("2023-24", "quarter") == (D(2023, 6, 30), D(2023, 9, 30),
                                                 D(2023, 12, 31), D(2024, 3, 31))


@pytest.mark.parametrize(("day", "months", "before"), [
    (D(2024, 3, 31), 30, D(2021, 9, 30)),   # 2.5 years before 31 March
    (D(2024, 3, 31), 24, D(2022, 3, 31)),
    (D(2024, 2, 29), 12, D(2023, 2, 28)),   # no 29 February in 2023
    (D(2023, 5, 31), 3, D(2023, 2, 28)),
    (D(2024, 1, 15), 1, D(2023, 12, 15)),
])
def test_months_before_keeps_the_day_or_takes_the_months_last(day: D, months: int,
                                                              before: D) -> None:
    assert months_before(day, months) == before


def test_the_twelve_months_to_29_february_begin_on_1_march() -> None:
    window = Window.of(FinancialYear(2023), D(2024, 2, 29))
    assert str(window.first) == "2023-03-01"


def test_the_run_takes_each_day_asked_for_in_turn() -> None:
    run = ssda903_measures(RETURNS, "2023-24", ["cla_31_march"],
                           as_at=[D(2023, 11, 30), DECEMBER])
    assert [(v.as_at, v.numerator) for v in run.values] == [("2023-11-30", 1),
                                                             ("2023-12-31", 2)]


def test_the_run_says_when_the_year_before_is_not_read() -> None:
    alone = ssda903_measures(Returns([EXTRACT]), "2023-24", ["starts"], as_at=[DECEMBER])
    assert [str(w) for w in alone.warnings] == [
        "the twelve months to 2023-12-31 begin on 2023-01-01, in 2022-23, whose return "
        "is not read: what it alone holds is not counted, and a child already in care "
        "then whose first episode the 2023-24 return holds is a move or a change of legal "
        "status counts as starting in them"]
    # Started from 1 January to 31 December 2023, as the extract alone holds: B (begun
    # 15 February, still looked after at 1 April) and E; D's stay is only in 2022-23.
    assert [v.numerator for v in alone.values] == [2]
    both = ssda903_measures(RETURNS, "2023-24", ["missing_children"], as_at=[DECEMBER])
    assert both.warnings == ()
    without = Returns([Return(FinancialYear(2022), {"Episodes": EARLIER.tables["Episodes"]}),
                       EXTRACT])
    run = ssda903_measures(without, "2023-24", ["missing_children"], as_at=[DECEMBER])
    assert [str(w) for w in run.warnings] == [
        "missing_children to 2023-12-31: the 2022-23 return has no Missing table, so only "
        "what the 2023-24 return holds from 2023-04-01 is counted"]


def test_two_incidents_begun_on_one_day_in_one_return_are_two() -> None:
    """A child can go missing twice in a day: two rows of one return are two incidents,
    though an incident two returns hold is one."""
    twice = Return(FinancialYear(2023), {
        "Episodes": EXTRACT.tables["Episodes"],
        "Missing": Table.from_rows("Missing", [missing("A", D(2023, 6, 1), D(2023, 6, 1)),
                                               missing("A", D(2023, 6, 1), D(2023, 6, 1)),
                                               missing("A", D(2023, 3, 20), D(2023, 4, 5))])})
    [value] = compute(Returns([EARLIER, twice]), "2023-24", ["missing_incidents"],
                      as_at=DECEMBER)
    # 10 January, 20 March to 5 April (in both returns), and twice on 1 June: 4.
    assert (value.numerator, value.denominator) == (4, 1)


@pytest.mark.parametrize("year", ["2019-20", "2030-31"])
def test_a_year_with_no_return_is_refused_whether_past_or_still_to_come(year: str) -> None:
    """A year no return was read for is refused naming those read, as much a year still
    to come as a past one: it is not an extract taken before the year's end."""
    with pytest.raises(UnknownNameError, match=f"no return for {year}; the returns read "
                                               "are for 2022-23, 2023-24"):
        ssda903_measures(RETURNS, year, ["cla_31_march"], today=dt.date(2024, 1, 15))
