"""An OC3 row with no care leaver information: IN_TOUCH, ACTIV and ACCOM all blank.

The DfE's rules: "All data items relating to a child's activity or accommodation after
leaving care must be coded or left blank" (153), and "Care leaver information is not
required for 17- or 18-year olds who are still looked after [on their 17th or 18th
birthday.]" (1007). So such a row is read, not refused; one blank beside one given is
refused, naming the file, line and field; the 17 and 18 band leaves the row out (the
young person is not yet a care leaver), and the 19 to 21 band, whose every care leaver
the return gives codes for, is not computed from a row without them, saying why.

The year is 2023-24: a young person born 1 June 2006 is 17 on 1 June 2023, one born 1
June 2004 is 19 that day.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.errors import DataError
from corpparent.files import read_returns
from corpparent.runs.ssda903 import ssda903_measures

HEADER = "CHILD,SEX,DOB\nK1,1,01/01/2012\n"
EPISODES = ("CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n"
            "K1,01/01/2020,S,C2,U1,,\n")
REVIEWS = "CHILD,REVIEW\nK1,25/03/2024\n"  # a full year's return: no extract warning


def folder(root: Path, *rows: str) -> Path:
    year = root / "2023-24"
    year.mkdir(parents=True)
    for name, text in (("Header", HEADER), ("Episodes", EPISODES), ("Reviews", REVIEWS),
                       ("OC3", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n" + "".join(rows))):
        (year / f"{name}.csv").write_text(text, encoding="utf-8")
    return root


def test_a_17_year_old_still_looked_after_is_read_and_left_out_of_the_band(
        tmp_path: Path) -> None:
    returns = read_returns(folder(tmp_path, "Y1,01/06/2006,,,\n",
                                  "Y2,01/07/2006,YES,F2,D1\n",
                                  "Y3,01/08/2005,YES,G5,U2\n"))
    # Y1 has no care leaver information: not counted. Y2 (17, in education, suitable)
    # and Y3 (18, not in education, unsuitable) are: 1 of 2 each.
    run = ssda903_measures(returns, "2023-24", ["care_leavers_17_18_eet",
                                                "care_leavers_17_18_suitable_accommodation"])
    assert [(v.numerator, v.denominator) for v in run.values] == [(1, 2), (1, 2)]
    assert run.warnings == ()


@pytest.mark.parametrize(("row", "blank"), [
    ("Y1,01/06/2006,,F2,D1\n", ["IN_TOUCH"]),
    ("Y1,01/06/2006,YES,,\n", ["ACTIV", "ACCOM"]),
    ("Y1,01/06/2006,,,D1\n", ["IN_TOUCH", "ACTIV"])])
def test_a_blank_beside_a_field_given_is_refused(tmp_path: Path, row: str,
                                                 blank: list[str]) -> None:
    with pytest.raises(DataError) as caught:
        read_returns(folder(tmp_path, row))
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / '2023-24' / 'OC3.csv'}, line 2, field '{field}': expected a value, as "
        "the row's other care leaver fields are given (IN_TOUCH, ACTIV and ACCOM are "
        "given together, or all left blank: the DfE's rule 153), found nothing"
        for field in blank]


def test_the_19_to_21_band_is_not_computed_from_a_row_without_codes(tmp_path: Path) -> None:
    returns = read_returns(folder(tmp_path, "Y1,01/06/2004,,,\n",
                                  "Y2,01/07/2003,YES,F2,D1\n"))
    run = ssda903_measures(returns, "2023-24", ["care_leavers_eet"])
    assert run.values == ()
    [warning] = run.warnings
    assert str(warning) == (
        "care_leavers_eet at 2024-03-31: 1 care leaver aged 19 to 21 in the OC3 table has "
        "no care leaver information (IN_TOUCH, ACTIV and ACCOM blank), which the return "
        "leaves blank only for a 17- or 18-year-old still looked after on their birthday "
        "(the DfE's rule 1007), so the band's activity and accommodation are not known: "
        "not computed")
    assert warning.incomplete
