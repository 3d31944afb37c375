"""The care leaver measures on a hand-worked OC3 table, each expected figure worked
from the passage the measure quotes, not from the code.

The passages count "former relevant young people whose 19th, 20th or 21st birthday
falls between 1 April and 31 March", "exclude young people who ... have died and those
who have returned home", "include young people with whom the local authority are not
in touch, young people who refused contact and young people who no longer require
services", and for accommodation "also exclude young people who have gone abroad or
been deported, or their residence is not known". The year is 2023-24. The 17 and 18
band's passages are quoted before its tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import assume, given, strategies as st

from corpparent.periods import FinancialYear
from corpparent.ssda903 import Return, Returns, Table, compute
from corpparent.testing.ssda903 import care_leavers

D = dt.date


def oc3(child: str, born: D, touch: str, activity: str, accommodation: str) -> dict[str, Any]:
    return {"CHILD": child, "DOB": born, "IN_TOUCH": touch, "ACTIV": activity,
            "ACCOM": accommodation}


LEAVERS = [
    oc3("L01", D(2004, 4, 1), "YES", "F2", "D1"),   # 19 on 1 April 2023: EET, suitable
    oc3("L02", D(2003, 3, 31), "YES", "G5", "U2"),  # 21 on 31 March 2024: NEET, unsuitable
    oc3("L03", D(2004, 2, 29), "NO", "0", "0"),     # 20 on 29 February 2024, not in touch
    oc3("L04", D(2002, 10, 1), "REFU", "0", "0"),   # 21, refuses contact
    oc3("L05", D(2003, 7, 1), "NREQ", "0", "0"),    # 20, no longer requires services
    oc3("L06", D(2004, 9, 1), "DIED", "0", "0"),    # 19, has died: left out
    oc3("L07", D(2003, 9, 1), "RHOM", "0", "0"),    # 20, returned home: left out
    oc3("L08", D(2004, 5, 1), "YES", "F5", "G1"),   # 19, working, gone abroad
    oc3("L09", D(2003, 5, 1), "YES", "P4", "R2"),   # 20, apprentice, residence not known
    oc3("L10", D(2002, 6, 1), "NO", "F1", "B1"),    # 21, not in touch but known (a third
                                                    # party told the council)
    oc3("L11", D(2002, 3, 31), "YES", "F1", "B1"),  # 22 on 31 March 2024: outside
    oc3("L12", D(2005, 4, 1), "YES", "F1", "B1"),   # 19 only on 1 April 2024: outside
    oc3("L13", D(2006, 1, 1), "YES", "F2", "C1"),   # 18: the 17 and 18 band, outside
]


def figure(measure: str, rows: list[dict[str, Any]] = LEAVERS,
           year: str = "2023-24") -> tuple[int, int | None, float | None]:
    found = Return(year, {"Episodes": Table.from_rows("Episodes", []),
                          "OC3": Table.from_rows("OC3", rows)})
    [value] = compute(Returns([found]), year, [measure])
    return value.numerator, value.denominator, value.value


def test_education_employment_or_training_counts_those_not_in_touch() -> None:
    # Counted: L01, L02, L03, L04, L05, L08, L09, L10 (8): not L06 (died), L07 (home),
    # L11 to L13 (other birthdays). In education, employment or training: L01, L08, L09,
    # L10 (4).
    assert figure("care_leavers_eet") == (4, 8, 50.0)


def test_suitable_accommodation_leaves_out_suitability_not_known() -> None:
    # Of the 8, L08 (gone abroad) and L09 (residence not known) are left out: 6. In
    # suitable accommodation: L01 and L10 (2 of 6).
    assert figure("care_leavers_suitable_accommodation") == (2, 6, pytest.approx(100 / 3))


def test_the_birthday_must_fall_in_the_year() -> None:
    edges = [LEAVERS[0], LEAVERS[1], LEAVERS[10], LEAVERS[11]]
    # L01 (19 on 1 April 2023) and L02 (21 on 31 March 2024) are in; L11 (22 on 31
    # March 2024) and L12 (19 on 1 April 2024) are not.
    assert figure("care_leavers_eet", edges) == (1, 2, 50.0)
    # The same young people a year later: L12 is 19 in 2024-25, L01 20; L02 is 22.
    assert figure("care_leavers_eet", edges, "2024-25")[1] == 2


def test_nobody_to_count_gives_no_value_not_a_zero() -> None:
    assert figure("care_leavers_eet", [LEAVERS[5], LEAVERS[6]]) == (0, 0, None)


def test_a_rolling_year_reads_each_birthday_from_its_own_years_return() -> None:
    """Twelve months to 30 September 2023: birthdays from 1 October 2022 to 31 March
    2023 are in the 2022-23 return's OC3 table, later ones in the 2023-24 extract's."""
    earlier = [oc3("M01", D(2003, 11, 1), "YES", "F2", "D1"),   # 20 on 1 November 2022
               oc3("M02", D(2003, 6, 1), "YES", "F2", "D1")]    # 20 on 1 June 2022: before
    later = [oc3("M03", D(2004, 8, 1), "YES", "G4", "D1"),      # 19 on 1 August 2023
             oc3("M04", D(2002, 12, 1), "YES", "F5", "D2")]     # 21 on 1 December 2023: after
    returns = Returns([
        Return(FinancialYear(2022), {"Episodes": Table.from_rows("Episodes", []),
                                     "OC3": Table.from_rows("OC3", earlier)}),
        Return(FinancialYear(2023), {"Episodes": Table.from_rows("Episodes", []),
                                     "OC3": Table.from_rows("OC3", later)})])
    [eet] = compute(returns, "2023-24", ["care_leavers_eet"], as_at=D(2023, 9, 30))
    # M01 and M03 are counted; M01 is in education: 1 of 2.
    assert (eet.numerator, eet.denominator) == (1, 2)
    [year] = compute(returns, "2023-24", ["care_leavers_eet"])
    # The year itself: M03 and M04, M04 in work: 1 of 2.
    assert (year.numerator, year.denominator, year.as_at) == (1, 2, "2024-03-31")


# The 17 and 18 band. The passages: the return holds "all young people who are eligible
# for care leaver support and whose 17th, 18th, 19th, 20th or 21st birthday falls within
# the collection period"; "Care leaver information is not required for 17- or 18-year
# olds who are still looked after" (so a blank IN_TOUCH is no care leaver); the band
# leaves out, as the 19-21 band does, those who "have died and those who have returned
# home", counts those not in touch, refusing contact or no longer requiring services,
# and leaves those gone abroad, deported or of residence not known out of accommodation.
YOUNGER = [
    oc3("Y01", D(2006, 4, 1), "YES", "F2", "C1"),   # 17 on 1 April 2023: EET, suitable
    oc3("Y02", D(2006, 3, 31), "YES", "G5", "C2"),  # 18 on 31 March 2024: NEET, unsuitable
    oc3("Y03", D(2005, 9, 1), "NO", "0", "0"),      # 18, not in touch
    oc3("Y04", D(2006, 10, 1), "REFU", "0", "0"),   # 17, refuses contact
    oc3("Y05", D(2005, 7, 1), "DIED", "0", "0"),    # 18, has died: left out
    oc3("Y06", D(2006, 5, 1), "RHOM", "0", "0"),    # 17, returned home: left out
    oc3("Y07", D(2006, 8, 1), "", "", ""),          # 17, still looked after: no care leaver
    oc3("Y08", D(2005, 11, 1), "YES", "P4", "H2"),  # 18, apprentice, deported
    oc3("Y09", D(2006, 6, 1), "NO", "F5", "Z1"),    # 17, known from a third party
    oc3("Y10", D(2007, 4, 1), "YES", "F2", "C1"),   # 17 only on 1 April 2024: outside
    oc3("Y11", D(2005, 3, 31), "YES", "F2", "C1"),  # 19 on 31 March 2024: the older band
    oc3("Y12", D(2007, 3, 31), "NREQ", "0", "0"),   # 17 on 31 March 2024, no longer
                                                    # requires services
]


def test_17_18_education_employment_or_training() -> None:
    # Counted: Y01, Y02, Y03, Y04, Y08, Y09, Y12 (7): not Y05 (died), Y06 (home), Y07
    # (still looked after), Y10 and Y11 (other birthdays). In education, employment or
    # training: Y01 (F2), Y08 (P4), Y09 (F5): 3 of 7.
    assert figure("care_leavers_17_18_eet", YOUNGER) == (3, 7, pytest.approx(300 / 7))


def test_17_18_suitable_accommodation_leaves_out_suitability_not_known() -> None:
    # Of the 7, Y08 (deported) is left out: 6. Suitable: Y01 (C1) and Y09 (Z1): 2 of 6.
    assert figure("care_leavers_17_18_suitable_accommodation", YOUNGER) == \
        (2, 6, pytest.approx(100 / 3))


def test_the_two_bands_count_no_young_person_twice() -> None:
    # Of these rows only Y11 (19 on 31 March 2024, in education) is of the 19-21 band.
    assert figure("care_leavers_eet", YOUNGER) == (1, 1, 100.0)
    # And of the first table's, L12 (18 on 1 April 2023, 19 only a year later) and L13
    # (18 on 1 January 2024) are of the 17-18 band, both in education: 2 of 2.
    assert figure("care_leavers_17_18_eet") == (2, 2, 100.0)


def test_the_17_18_birthday_must_fall_in_the_year() -> None:
    edges = [YOUNGER[0], YOUNGER[1], YOUNGER[9], YOUNGER[11]]
    # 2024-25: Y10 turns 17 and Y01 18 on 1 April 2024, Y12 18 on 31 March 2025; Y02 is
    # 19 on 31 March 2025, of the older band. In education: Y10, Y01 (F2); Y12 not
    # known: 2 of 3.
    assert figure("care_leavers_17_18_eet", edges, "2024-25") == \
        (2, 3, pytest.approx(200 / 3))


def test_the_17_18_band_is_defined_from_2020_21() -> None:
    rows = [oc3("Z01", D(2002, 6, 1), "YES", "F2", "C1")]  # 17 on 1 June 2019
    found = Return("2019-20", {"Episodes": Table.from_rows("Episodes", []),
                               "OC3": Table.from_rows("OC3", rows)})
    assert compute(Returns([found]), "2019-20", ["care_leavers_17_18_eet"]) == ()
    rows = [oc3("Z01", D(2003, 6, 1), "YES", "F2", "C1")]  # 17 on 1 June 2020
    assert figure("care_leavers_17_18_eet", rows, "2020-21") == (1, 1, 100.0)


def test_a_rolling_year_of_the_17_18_band_reads_each_birthday_from_its_own_return() -> None:
    """Twelve months to 30 September 2023, as the 19-21 band is read."""
    earlier = [oc3("N01", D(2005, 11, 1), "YES", "F2", "C1"),   # 17 on 1 November 2022
               oc3("N02", D(2004, 6, 1), "YES", "F2", "C1")]    # 18 on 1 June 2022: before
    later = [oc3("N03", D(2005, 8, 1), "YES", "G4", "C1"),      # 18 on 1 August 2023
             oc3("N04", D(2006, 12, 1), "YES", "F5", "C1"),     # 17 on 1 December 2023: after
             oc3("N05", D(2006, 7, 1), "", "", "")]             # 17 on 1 July 2023, still
                                                                # looked after
    returns = Returns([
        Return(FinancialYear(2022), {"Episodes": Table.from_rows("Episodes", []),
                                     "OC3": Table.from_rows("OC3", earlier)}),
        Return(FinancialYear(2023), {"Episodes": Table.from_rows("Episodes", []),
                                     "OC3": Table.from_rows("OC3", later)})])
    [eet] = compute(returns, "2023-24", ["care_leavers_17_18_eet"], as_at=D(2023, 9, 30))
    # N01 and N03 are counted; N01 is in education: 1 of 2.
    assert (eet.numerator, eet.denominator) == (1, 2)
    # The year itself: N03 and N04 (not N05), N04 in work: 1 of 2; both suitably housed.
    [eet, accommodation] = compute(returns, "2023-24", ["care_leavers_17_18_eet",
                                                        "care_leavers_17_18_suitable_accommodation"])
    assert (eet.numerator, eet.denominator) == (1, 2)
    assert (accommodation.numerator, accommodation.denominator) == (2, 2)


@given(care_leavers(), st.data())
def test_a_17_or_18_year_old_without_care_leaver_information_is_never_counted(
        rows: list[dict[str, Any]], data: st.DataObject) -> None:
    """Blanking one row's care leaver information (as for a young person still looked
    after on their birthday) takes that row, counted alone, out of the band's figures,
    and changes nothing else."""
    assume(rows)
    at = data.draw(st.integers(0, len(rows) - 1))
    blank = [*rows[:at], {**rows[at], "IN_TOUCH": "", "ACTIV": "", "ACCOM": ""},
             *rows[at + 1:]]
    for measure in ("care_leavers_17_18_eet", "care_leavers_17_18_suitable_accommodation"):
        numerator, denominator, _ = figure(measure, rows)
        alone_numerator, alone_denominator, _ = figure(measure, [rows[at]])
        assert figure(measure, blank)[:2] == (numerator - alone_numerator,
                                              (denominator or 0) - (alone_denominator or 0))
