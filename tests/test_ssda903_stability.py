"""Long-term stability on hand-worked returns, both of the DfE's definitions, each
expected figure worked from the passage the definition quotes, not from the code.

The passages: until the year ending 31 March 2023, "Children looked after at 31 March
aged under 16 who had been looked after continuously for at least 2.5 years who were
living in the same placement for at least 2 years, or were placed for adoption and
their adoptive placement together with their previous placement, last for at least 2
years" (LAIT); from the year ending 31 March 2024, of the same children, those "Living
with the same carer for at least 2 years" (the DfE's file).

For 2023-24 (31 March 2024): looked after continuously for 2.5 years is a period of
care begun by 30 September 2021; under 16 is born after 31 March 2008; 2 years in the
same placement (or with the same carer) is since 31 March 2022 or before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from corpparent.periods import FinancialYear
from corpparent.ssda903 import Care, Return, Returns, Table, Window, compute, definition
from corpparent.ssda903.stability import LONG_TERM_STABILITY, LONG_TERM_STABILITY_TO_2023
from corpparent.testing.ssda903 import split_history

D = dt.date
YEAR = FinancialYear(2023)


def ep(child: str, decom: D, rne: str, place: str, dec: D | None = None,
       rec: str | None = None, ls: str = "C2", provider: str = "PR1") -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": rne, "LS": ls, "PLACE": place,
            "PLACE_PROVIDER": provider, "DEC": dec, "REC": rec}


def header(children: Sequence[str], born: dict[str, D]) -> list[dict[str, Any]]:
    return [{"CHILD": child, "SEX": "1", "DOB": born.get(child, D(2012, 6, 1))}
            for child in children]


def a_return(episodes: list[dict[str, Any]], year: str = "2023-24",
             born: dict[str, D] | None = None) -> Return:
    children = sorted({row["CHILD"] for row in episodes})
    return Return(year, {"Episodes": Table.from_rows("Episodes", episodes),
                         "Header": Table.from_rows("Header", header(children, born or {}))})


#: One child per case, 31 March 2024. X1 ends an episode a new one follows the same day.
CHILDREN = {
    # A: one foster placement since 2020: looked after 2.5 years, stayed 2.
    "A": [ep("A", D(2020, 1, 1), "S", "U1")],
    # B: began on 30 September 2021 exactly: 2.5 years on 31 March 2024.
    "B": [ep("B", D(2021, 9, 30), "S", "U1")],
    # C: began on 1 October 2021: 2.5 years only on 1 April 2024. Not in the cohort.
    "C": [ep("C", D(2021, 10, 1), "S", "U1")],
    # D: born 31 March 2008, 16 on 31 March 2024 itself: not under 16.
    "D": [ep("D", D(2019, 1, 1), "S", "U1")],
    # E: born 1 April 2008, still 15 on 31 March 2024: in the cohort, stable.
    "E": [ep("E", D(2019, 1, 1), "S", "U1")],
    # F: moved to another carer on 1 April 2022: 2 years only on 1 April 2024.
    "F": [ep("F", D(2019, 1, 1), "S", "U1", D(2022, 4, 1), "X1"),
          ep("F", D(2022, 4, 1), "P", "U4", provider="PR4")],
    # G: moved on 31 March 2022: 2 years on 31 March 2024. Stable.
    "G": [ep("G", D(2019, 1, 1), "S", "U1", D(2022, 3, 31), "X1"),
          ep("G", D(2022, 3, 31), "P", "U3")],
    # H: a change of legal status only in 2023: the same placement and carer.
    "H": [ep("H", D(2019, 1, 1), "S", "U1", D(2023, 6, 1), "X1", ls="V2"),
          ep("H", D(2023, 6, 1), "L", "U1")],
    # I: placed for adoption with the foster carers (A5, a change of placement type
    # only) in October 2023: the same placement, and the same carer.
    "I": [ep("I", D(2019, 1, 1), "S", "U1", D(2023, 10, 1), "X1"),
          ep("I", D(2023, 10, 1), "T", "A5", ls="E1")],
    # J: placed for adoption with new adopters (A6, a change of placement and carer)
    # in October 2023, fostered since 2019 before: the adoptive placement with the
    # placement before it last 2 years; the carer is new.
    "J": [ep("J", D(2019, 1, 1), "S", "U1", D(2023, 10, 1), "X1"),
          ep("J", D(2023, 10, 1), "B", "A6", ls="E1", provider="PR4")],
    # K: a change of placement type only (RNE T, U1 to U4) in November 2023: a new
    # placement, but the same carer.
    "K": [ep("K", D(2019, 1, 1), "S", "U1", D(2023, 11, 1), "X1"),
          ep("K", D(2023, 11, 1), "T", "U4")],
    # L: left care in August 2022 and came back in September: not continuously.
    "L": [ep("L", D(2019, 1, 1), "S", "U1", D(2022, 8, 1), "E8"),
          ep("L", D(2022, 9, 1), "S", "U1")],
    # M: short breaks only, since 2019: never counted.
    "M": [ep("M", D(2019, 1, 1), "S", "U1", ls="V3")],
    # N: a week in hospital (T1) and back to the same foster carer: one placement.
    "N": [ep("N", D(2019, 1, 1), "S", "U1", D(2023, 7, 1), "X1"),
          ep("N", D(2023, 7, 1), "P", "T1", D(2023, 7, 8), "X1"),
          ep("N", D(2023, 7, 8), "P", "U1")],
}
BORN = {"D": D(2008, 3, 31), "E": D(2008, 4, 1)}


def figure(children: str, measure: Any = None) -> tuple[int, int]:
    rows = [row for child in children for row in CHILDREN[child]]
    returns = Returns([a_return(rows, born=BORN)])
    if measure is None:
        [value] = compute(returns, "2023-24", ["long_term_stability"])
        assert value.denominator is not None
        return value.numerator, value.denominator
    numerator, denominator = measure.count(Care.of(returns, YEAR), returns, Window.of(YEAR))
    assert denominator is not None
    return numerator, denominator


def test_the_cohort_is_under_16_and_looked_after_for_two_and_a_half_years() -> None:
    # In the cohort: A, B, E, F, G, H, I, J, K, N (10). Not: C (2.5 years on 1 April),
    # D (16 on 31 March), L (not continuously), M (short breaks).
    assert figure("ABCDEFGHIJKLMN")[1] == 10
    assert figure("CDLM") == (0, 0)


def test_from_2024_the_same_carer_for_two_years() -> None:
    # Stayed with the same carer: A, B, E, G, H, I, K, N (8 of 10). F moved on 1 April
    # 2022; J's adopters are new carers.
    assert figure("ABCDEFGHIJKLMN") == (8, 10)
    assert figure("J") == (0, 1)
    assert figure("K") == (1, 1)
    [value] = compute(Returns([a_return(CHILDREN["A"] + CHILDREN["F"])]), "2023-24",
                      ["long_term_stability"])
    assert value.value == 50.0


def test_until_2023_the_same_placement_or_placed_for_adoption() -> None:
    # In the same placement for 2 years: A, B, E, G, H, I (adoption with the foster
    # carers is no new placement), N (back from hospital); J is placed for adoption
    # and the foster placement before it with the adoptive placement last 2 years. K's
    # change of placement type is a new placement; F moved on 1 April 2022. 8 of 10.
    old = LONG_TERM_STABILITY_TO_2023
    assert figure("ABCDEFGHIJKLMN", old) == (8, 10)
    assert figure("J", old) == (1, 1)
    assert figure("K", old) == (0, 1)


def test_each_definition_belongs_to_its_years() -> None:
    assert definition("long_term_stability", "2022-23") is LONG_TERM_STABILITY_TO_2023
    assert definition("long_term_stability", "2023-24") is LONG_TERM_STABILITY
    assert definition("long_term_stability", "2014-15") is LONG_TERM_STABILITY_TO_2023
    # J a year earlier: placed with new adopters in October 2022, fostered since 2018.
    # 2022-23 counts by the earlier definition (stable), 2023-24 by the later (a new
    # carer since October 2022, not 2 years by 31 March 2024).
    earlier = [ep("J", D(2018, 1, 1), "S", "U1", D(2022, 10, 1), "X1"),
               ep("J", D(2022, 10, 1), "B", "A6", ls="E1", provider="PR4")]
    years = split_history(Table.from_rows("Episodes", earlier),
                          [FinancialYear(2022), YEAR])
    header_rows = Table.from_rows("Header", header(["J"], {}))
    both = Returns([Return(FinancialYear(2022), {"Episodes": years[0], "Header": header_rows}),
                    Return(YEAR, {"Episodes": years[1], "Header": header_rows})])
    [then] = compute(both, "2022-23", ["long_term_stability"])
    [now] = compute(both, "2023-24", ["long_term_stability"])
    assert (then.numerator, then.denominator) == (1, 1)
    assert (now.numerator, now.denominator) == (0, 1)


#: P and Q: histories that only several years' returns hold in full.
HISTORY = [
    # P: looked after since June 2021, moved in January 2023: in the cohort, not stable.
    ep("P", D(2021, 6, 1), "S", "U1", D(2023, 1, 1), "X1"),
    ep("P", D(2023, 1, 1), "P", "U3"),
    # Q: looked after since February 2021, moved on 1 March 2022: stable.
    ep("Q", D(2021, 2, 1), "S", "U1", D(2022, 3, 1), "X1"),
    ep("Q", D(2022, 3, 1), "P", "U4"),
]


def _years(tables: list[Table], first: int) -> Returns:
    rows = Table.from_rows("Header", header(["P", "Q"], {}))
    return Returns([Return(FinancialYear(first + i), {"Episodes": t, "Header": rows})
                    for i, t in enumerate(tables)])


def test_history_is_carried_across_the_years_read() -> None:
    whole = Table.from_rows("Episodes", HISTORY)
    years = [FinancialYear(2021), FinancialYear(2022), YEAR]
    split = split_history(whole, years)
    # The 2023-24 return alone holds only P's and Q's current placements: their periods
    # seem to begin in January 2023 and March 2022, too late for the cohort.
    assert len(split[2]) == 2
    [alone] = compute(_years(split[2:], 2023), "2023-24", ["long_term_stability"])
    assert (alone.numerator, alone.denominator, alone.value) == (0, 0, None)
    # Read with the two years before, both are in the cohort and Q is stable: 1 of 2.
    [read] = compute(_years(split, 2021), "2023-24", ["long_term_stability"])
    assert (read.numerator, read.denominator, read.value) == (1, 2, 50.0)
    [whole_figure] = compute(_years([whole], 2023), "2023-24", ["long_term_stability"])
    assert whole_figure == read


def test_a_child_without_a_header_row_cannot_be_aged_and_is_not_counted() -> None:
    found = Return("2023-24", {"Episodes": Table.from_rows("Episodes", CHILDREN["A"]),
                               "Header": Table.from_rows("Header", header(["B"], {}))})
    [value] = compute(Returns([found]), "2023-24", ["long_term_stability"])
    assert (value.numerator, value.denominator) == (0, 0)


@pytest.mark.parametrize(("day", "expected"), [
    # 30 September 2023: looked after since 30 March 2021 or before, and stayed since
    # 30 September 2021 or before. B and C began later: not in the cohort, which is A,
    # F, G, H, I, J, K, N (8). F and G moved in spring 2022; the others have stayed
    # (I and J are still fostered that day, N is back from hospital): 6 of 8.
    (D(2023, 9, 30), (6, 8)),
    # 31 March 2024, the year's own figure: the cohort is A, B, F, G, H, I, J, K, N;
    # F moved on 1 April 2022 and J has new carers: 7 of 9.
    (D(2024, 3, 31), (7, 9)),
])
def test_taken_at_a_day_of_the_year(day: D, expected: tuple[int, int]) -> None:
    """A return extract taken on the day holds the episodes begun by it, one still
    open that day written without its end."""
    rows = [row | {"DEC": None, "REC": None} if row["DEC"] is not None and row["DEC"] > day
            else row
            for child in "ABCFGHIJKN" for row in CHILDREN[child] if row["DECOM"] <= day]
    returns = Returns([a_return(rows, born=BORN)])
    [value] = compute(returns, "2023-24", ["long_term_stability"], as_at=day)
    assert (value.numerator, value.denominator) == expected
