"""The SSDA903 measures on hand-worked returns: a few invented children per edge case,
each expected figure worked from the definition the measure quotes, not from the code.

The collection year is 2023-24 (1 April 2023 to 31 March 2024) unless said otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from corpparent.errors import DataError, PeriodError, UnknownNameError
from corpparent.periods import FinancialYear
from corpparent.ssda903 import (
    MEASURES,
    SUPERSEDED,
    Care,
    Return,
    Returns,
    Table,
    age_at,
    collection_year,
    compute,
    measures,
)

D = dt.date


def ep(child: str, decom: D, rne: str, ls: str, place: str, dec: D | None = None,
       rec: str | None = None, provider: str = "PR1") -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": rne, "LS": ls, "PLACE": place,
            "PLACE_PROVIDER": provider, "DEC": dec, "REC": rec}


def one_year(episodes: Sequence[dict[str, Any]], year: str = "2023-24",
             **tables: Sequence[dict[str, Any]]) -> Return:
    made = {"Episodes": Table.from_rows("Episodes", episodes)}
    made |= {name: Table.from_rows(name, rows) for name, rows in tables.items()}
    return Return(year, made)


def figure(returns: Returns | Return, measure: str,
           year: str = "2023-24") -> tuple[int, int | None, float | None]:
    if isinstance(returns, Return):
        returns = Returns([returns])
    [value] = compute(returns, year, [measure])
    return value.numerator, value.denominator, value.value


def test_a_collection_year_is_written_as_the_dfe_writes_it() -> None:
    assert collection_year("2023-24") == FinancialYear(2023)
    for text in ("2023/24", "2023-25", "23-24", "2013-14"):
        with pytest.raises(PeriodError):
            collection_year(text)


def test_children_at_31_march_leave_out_short_breaks_and_those_who_ceased_that_day() -> None:
    found = one_year([
        ep("A", D(2020, 6, 10), "S", "C2", "U1"),                       # open: counted
        ep("B", D(2023, 6, 1), "S", "V3", "U3", D(2023, 6, 3), "E3"),   # short breaks only
        ep("B", D(2024, 3, 1), "S", "V4", "U3"),                        # open, but V4
        ep("C", D(2022, 4, 4), "S", "C2", "U4", D(2024, 3, 31), "E4A"),  # ceased 31 March
        ep("D", D(2024, 3, 31), "S", "V2", "U1"),                       # began 31 March
    ])
    # A and D are looked after at 31 March: 2.
    assert figure(found, "cla_31_march") == (2, None, 2.0)


def test_a_child_who_left_and_returned_within_the_year_is_counted_once_each_way() -> None:
    found = one_year([
        ep("A", D(2022, 2, 1), "S", "C2", "U1", D(2023, 8, 1), "E8"),
        ep("A", D(2023, 11, 1), "S", "V2", "U1"),
        ep("B", D(2023, 5, 1), "S", "V2", "U1", D(2023, 6, 1), "E8"),   # started twice,
        ep("B", D(2023, 9, 1), "S", "V2", "U3", D(2023, 10, 1), "E3"),  # ceased twice
        ep("C", D(2023, 6, 1), "S", "V3", "U3", D(2023, 6, 3), "E3"),   # short breaks
    ])
    # Started in the year: A (1 November) and B (May and September): 2 children.
    assert figure(found, "starts") == (2, None, 2.0)
    # Ceased in the year: A (1 August) and B (June and October): 2 children.
    assert figure(found, "ceased") == (2, None, 2.0)
    # Looked after at 31 March: A only.
    assert figure(found, "cla_31_march") == (1, None, 1.0)


def test_a_move_from_short_breaks_into_care_starts_a_period() -> None:
    found = one_year([
        ep("A", D(2023, 5, 1), "S", "V3", "U3", D(2023, 7, 1), "X1"),
        ep("A", D(2023, 7, 1), "L", "C2", "U3"),
    ])
    # Short breaks are set apart, so A started to be looked after on 1 July 2023.
    assert figure(found, "starts") == (1, None, 1.0)


def test_a_legal_status_only_change_is_no_new_placement() -> None:
    found = one_year([
        # A: U1 (1 May), a change of legal status only (1 July), U3 (1 September),
        # K2 (1 December): three placements, looked after at 31 March.
        ep("A", D(2023, 5, 1), "S", "V2", "U1", D(2023, 7, 1), "X1"),
        ep("A", D(2023, 7, 1), "L", "C1", "U1", D(2023, 9, 1), "X1"),
        ep("A", D(2023, 9, 1), "P", "C1", "U3", D(2023, 12, 1), "X1"),
        ep("A", D(2023, 12, 1), "P", "C1", "K2"),
        # B: U1, then three changes of legal status only: one placement.
        ep("B", D(2023, 5, 1), "S", "V2", "U1", D(2023, 6, 1), "X1"),
        ep("B", D(2023, 6, 1), "L", "C1", "U1", D(2023, 7, 1), "X1"),
        ep("B", D(2023, 7, 1), "L", "C2", "U1", D(2023, 8, 1), "X1"),
        ep("B", D(2023, 8, 1), "L", "E1", "U1"),
    ])
    # Of the 2 children looked after at 31 March, A had three placements: 50%.
    assert figure(found, "placements_3plus") == (1, 2, 50.0)


def test_a_temporary_placement_is_no_placement_and_a_return_from_it_no_new_one() -> None:
    found = one_year([
        # A: U1, a week in hospital (T1), back to the same U1, then U3 and U4: U1, U3, U4.
        ep("A", D(2022, 3, 2), "S", "C2", "U1", D(2023, 7, 1), "X1"),
        ep("A", D(2023, 7, 1), "P", "C2", "T1", D(2023, 7, 8), "X1"),
        ep("A", D(2023, 7, 8), "P", "C2", "U1", D(2023, 10, 1), "X1"),
        ep("A", D(2023, 10, 1), "P", "C2", "U3", D(2024, 1, 1), "X1"),
        ep("A", D(2024, 1, 1), "P", "C2", "U4"),
        # B: U1, a temporary placement (T0), then another carer's U1: U1, U1 = 2.
        ep("B", D(2022, 3, 2), "S", "C2", "U1", D(2023, 7, 1), "X1"),
        ep("B", D(2023, 7, 1), "P", "C2", "T0", D(2023, 7, 8), "X1"),
        ep("B", D(2023, 7, 8), "P", "C2", "U1", provider="PR4"),
        # C: U1, T1, back to U1, T1, back to U1: one placement.
        ep("C", D(2022, 3, 2), "S", "C2", "U1", D(2023, 7, 1), "X1"),
        ep("C", D(2023, 7, 1), "P", "C2", "T1", D(2023, 7, 8), "X1"),
        ep("C", D(2023, 7, 8), "P", "C2", "U1", D(2023, 9, 1), "X1"),
        ep("C", D(2023, 9, 1), "P", "C2", "T1", D(2023, 9, 2), "X1"),
        ep("C", D(2023, 9, 2), "P", "C2", "U1"),
    ])
    assert figure(found, "placements_3plus") == (1, 3, pytest.approx(100 / 3))
    care = Care.of(Returns([found]), FinancialYear(2023))
    counts = care.placements_during(np.datetime64("2023-04-01"), np.datetime64("2024-03-31"))
    assert dict(zip(care.children.tolist(), counts.tolist(), strict=True)) == {
        "A": 3, "B": 2, "C": 1}


def test_a_placement_for_adoption_with_the_foster_carers_is_no_new_placement() -> None:
    found = one_year([
        # A: fostered since 2020 (U1), then a placement order (legal status only), then
        # placed for adoption with those foster carers (A5), then back in foster care
        # with others (U4): U1 and U4 in the year.
        ep("A", D(2020, 1, 10), "S", "C2", "U1", D(2023, 5, 1), "X1"),
        ep("A", D(2023, 5, 1), "L", "E1", "U1", D(2023, 10, 1), "X1"),
        ep("A", D(2023, 10, 1), "T", "E1", "A5", D(2024, 1, 1), "X1"),
        ep("A", D(2024, 1, 1), "P", "E1", "U4"),
        # B: the same, but placed for adoption with new carers (A6): U1, A6, U4 = 3.
        ep("B", D(2020, 1, 10), "S", "C2", "U1", D(2023, 5, 1), "X1"),
        ep("B", D(2023, 5, 1), "L", "E1", "U1", D(2023, 10, 1), "X1"),
        ep("B", D(2023, 10, 1), "B", "E1", "A6", D(2024, 1, 1), "X1"),
        ep("B", D(2024, 1, 1), "P", "E1", "U4"),
    ])
    assert figure(found, "placements_3plus") == (1, 2, 50.0)


def test_placements_open_on_1_april_and_31_march_are_counted() -> None:
    found = one_year([
        # U1 ended on 1 April 2023 (open that day), U3 through the year, U4 from 31 March.
        ep("A", D(2021, 1, 1), "S", "C2", "U1", D(2023, 4, 1), "X1"),
        ep("A", D(2023, 4, 1), "P", "C2", "U3", D(2024, 3, 31), "X1"),
        ep("A", D(2024, 3, 31), "P", "C2", "U4"),
        # U1 ended on 31 March 2023, before the year: U3 and U4 only.
        ep("B", D(2021, 1, 1), "S", "C2", "U1", D(2023, 3, 31), "X1"),
        ep("B", D(2023, 3, 31), "P", "C2", "U3", D(2024, 3, 31), "X1"),
        ep("B", D(2024, 3, 31), "P", "C2", "U4"),
    ])
    assert figure(found, "placements_3plus") == (1, 2, 50.0)


def test_an_episode_straddling_31_march_is_read_from_the_later_return() -> None:
    earlier = one_year([ep("A", D(2022, 6, 1), "S", "C2", "U1")], "2022-23")
    later = one_year([ep("A", D(2022, 6, 1), "S", "C2", "U1", D(2023, 6, 1), "E8")])
    both = Returns([earlier, later])
    # Looked after at 31 March 2023, as both returns say; ceased in 2023-24, as the
    # later return says of the episode the earlier one held open.
    assert figure(both, "cla_31_march", "2022-23") == (1, None, 1.0)
    assert figure(both, "cla_31_march") == (0, None, 0.0)
    assert figure(both, "ceased") == (1, None, 1.0)


def _oc2(child: str, health: str | None, immunised: str | None,
         teeth: str | None) -> dict[str, Any]:
    return {"CHILD": child, "HEALTH_ASSESSMENT": health, "IMMUNISATIONS": immunised,
            "TEETH_CHECK": teeth}


def test_oc2_checks_count_the_12_month_cohort_unknown_checks_included() -> None:
    found = one_year([
        ep("A", D(2020, 6, 10), "S", "C2", "U1"),               # the cohort
        ep("B", D(2023, 4, 1), "S", "C2", "U1"),                # since 1 April: cohort
        ep("C", D(2023, 4, 2), "S", "C2", "U1"),                # since 2 April: not
        ep("D", D(2019, 1, 1), "S", "C2", "U1"),                # cohort, no OC2 row
        ep("E", D(2019, 1, 1), "S", "V4", "U1"),                # short breaks: not
        ep("F", D(2021, 1, 1), "S", "C2", "U1", D(2023, 9, 1), "E8"),  # left: not
    ], OC2=[_oc2("A", "1", "1", "0"), _oc2("B", None, None, None),
            _oc2("C", "1", "1", "1"), _oc2("E", "1", "1", "1"), _oc2("F", "1", "1", "1")])
    # The cohort is A, B and D (3). Health: A; immunisations: A; teeth: none.
    assert figure(found, "oc2_health_check") == (1, 3, pytest.approx(100 / 3))
    assert figure(found, "oc2_immunisations") == (1, 3, pytest.approx(100 / 3))
    assert figure(found, "oc2_teeth_check") == (0, 3, 0.0)


def _missing(child: str, code: str, start: D, end: D | None) -> dict[str, Any]:
    return {"CHILD": child, "MISSING": code, "MIS_START": start, "MIS_END": end}


def test_missing_incidents_straddling_the_year_end_count_in_both_years() -> None:
    episodes = [ep("A", D(2020, 1, 1), "S", "C2", "U1"),
                ep("B", D(2020, 1, 1), "S", "C2", "U1"),
                ep("C", D(2023, 6, 1), "S", "V3", "U3", D(2023, 6, 3), "E3")]
    incidents = [_missing("A", "M", D(2024, 3, 25), D(2024, 4, 5)),  # straddles
                 _missing("A", "M", D(2023, 3, 20), D(2023, 4, 2)),  # open on 1 April
                 _missing("B", "A", D(2023, 8, 1), D(2023, 8, 1)),   # away, not missing
                 _missing("C", "M", D(2023, 6, 2), D(2023, 6, 2))]   # short breaks
    found = one_year(episodes, Missing=incidents)
    # Looked after during the year: A and B (C's short breaks are set apart). A had two
    # missing incidents in the year.
    assert figure(found, "missing_children") == (1, 2, 50.0)
    assert figure(found, "missing_incidents") == (2, 1, 2.0)
    following = one_year([*episodes[:2]], "2024-25",
                         Missing=[_missing("A", "M", D(2024, 3, 25), D(2024, 4, 5))])
    assert figure(Returns([found, following]), "missing_incidents", "2024-25") == (1, 1, 1.0)


def test_a_measure_needing_a_table_the_return_lacks_is_left_out() -> None:
    found = one_year([ep("A", D(2020, 1, 1), "S", "C2", "U1")])
    ids = [v.measure for v in compute(Returns([found]), "2023-24")]
    assert ids == ["cla_31_march", "starts", "ceased", "placements_3plus"]


def test_placement_stability_is_defined_from_2015_16() -> None:
    found = one_year([ep("A", D(2014, 1, 1), "S", "C2", "U1")], "2014-15")
    assert "placements_3plus" not in [v.measure for v in compute(Returns([found]),
                                                                 "2014-15")]
    assert not MEASURES["placements_3plus"].applies_to(FinancialYear(2014))


def test_the_tidy_table_has_the_columns_and_a_row_per_measure() -> None:
    found = one_year([ep("A", D(2020, 1, 1), "S", "C2", "U1")],
                     Header=[{"CHILD": "A", "SEX": "1", "DOB": D(2015, 5, 1)}],
                     OC2=[_oc2("A", "1", "0", "1")], OC3=[], Missing=[])
    table = measures(Returns([found]), "2023-24")
    assert table.column_names == ["measure", "year", "as_at", "numerator", "denominator",
                                  "value", "short_history"]
    assert table.column("measure").to_pylist() == list(MEASURES)
    assert set(table.column("year").to_pylist()) == {"2023-24"}
    assert set(table.column("as_at").to_pylist()) == {"2024-03-31"}


def test_an_unknown_measure_or_year_is_refused_naming_what_there_is() -> None:
    found = Returns([one_year([ep("A", D(2020, 1, 1), "S", "C2", "U1")])])
    with pytest.raises(UnknownNameError, match="placements_3plus"):
        compute(found, "2023-24", ["placements"])
    with pytest.raises(UnknownNameError, match="the returns read are for 2023-24"):
        compute(found, "2022-23")


def test_two_episodes_of_a_child_beginning_on_one_day_are_refused() -> None:
    found = one_year([ep("A", D(2020, 1, 1), "S", "C2", "U1", D(2021, 1, 1), "X1"),
                      ep("A", D(2020, 1, 1), "S", "C2", "U3")])
    with pytest.raises(DataError, match="a second episode of one child"):
        compute(Returns([found]), "2023-24")


def test_every_measure_quotes_its_passage_and_names_its_source() -> None:
    for measure in (*MEASURES.values(), *SUPERSEDED):
        assert measure.passage.startswith('"'), measure.id
        assert "explore-education-statistics" in measure.source, measure.id


@pytest.mark.parametrize(("born", "on", "age"), [
    (D(2007, 6, 15), D(2023, 6, 14), 15),   # the day before the 16th birthday
    (D(2007, 6, 15), D(2023, 6, 15), 16),   # turning 16
    (D(2008, 2, 29), D(2023, 2, 28), 14),   # a leap-day birthday in another year:
    (D(2008, 2, 29), D(2023, 3, 1), 15),    # the year is added on 1 March
    (D(2008, 2, 29), D(2024, 2, 29), 16),
    (D(2010, 12, 31), D(2024, 3, 31), 13),
])
def test_ages_at_a_date_count_whole_years_from_the_birthday(born: D, on: D, age: int) -> None:
    assert age_at(np.array([born], dtype="datetime64[D]"),
                  np.datetime64(on, "D")).tolist() == [age]


def test_the_health_measure_counts_the_health_assessment_not_the_under_fives_check() -> None:
    # OC2 has two health fields: HEALTH_ASSESSMENT, the annual health assessment the
    # DfE's measure counts, and HEALTH_CHECK, the under-fives' health promotion check
    # (the DfE's validator, rules 545 and 546). Only the first decides the measure.
    found = one_year([ep("A", D(2019, 1, 1), "S", "C2", "U1"),
                      ep("B", D(2019, 1, 1), "S", "C2", "U1")],
                     OC2=[{"CHILD": "A", "HEALTH_CHECK": "1", "HEALTH_ASSESSMENT": "0",
                           "IMMUNISATIONS": "1", "TEETH_CHECK": "1"},
                          {"CHILD": "B", "HEALTH_CHECK": "0", "HEALTH_ASSESSMENT": "1",
                           "IMMUNISATIONS": "1", "TEETH_CHECK": "1"}])
    assert figure(found, "oc2_health_check") == (1, 2, 50.0)
