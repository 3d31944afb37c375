"""Care leavers aged 19 to 21, and aged 17 and 18: in suitable accommodation, and in
education, employment or training, from the return's OC3 table.

The OC3 table holds a row for each care leaver ("former relevant young person") whose
17th to 21st birthday falls in the collection year, with whether the council is in
touch (IN_TOUCH), their main activity (ACTIV) and their accommodation (ACCOM), as known
around their birthday. The DfE's measures count those whose 19th, 20th or 21st
birthday falls in the year:

- **who is counted**: every such row, the council in touch or not ("Figures include
  young people with whom the local authority are not in touch, young people who refused
  contact and young people who no longer require services"), except those who have
  died or returned home for six months (IN_TOUCH DIED, RHOM). A young person the
  council is not in touch with counts in the denominator and, their activity and
  accommodation not known (coded 0), not in the numerator; where a third party told
  the council, the codes given count as for anyone else;
- **suitable accommodation** leaves out, beside them, those gone abroad, deported or
  whose residence is not known, whose accommodation's suitability is not known.

The DfE publishes the same two measures for the young people whose 17th or 18th
birthday falls in the year (``care_leaver_age`` "17 to 18 years" in its files), counted
alike, except that an OC3 row with no care leaver information (IN_TOUCH blank: the young
person was still looked after on their birthday, and so not yet a care leaver) is not
counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final

import numpy as np
import numpy.typing as npt

from corpparent.ssda903.codes import (
    ACCOM_UNKNOWN_SUITABILITY,
    EET,
    FIRST_YEAR,
    LEFT_OUT_OF_LEAVERS,
)
from corpparent.ssda903.engine import Care, age_at
from corpparent.ssda903.measuring import LAIT, RELEASE, Count, Measure, Unit, Window
from corpparent.ssda903.returns import Returns
from corpparent.wording import counted, noun

__all__ = ["AGES", "AGES_17_18", "LEAVERS", "cohort"]

#: The birthdays whose care leavers the measures count.
AGES: Final = (19, 20, 21)
#: The birthdays of the younger band, whose care leaver information is given only for
#: those no longer looked after on the birthday.
AGES_17_18: Final = (17, 18)
#: IN_TOUCH of a row with no care leaver information (a blank cell).
_NO_INFORMATION: Final = ""
_DAY: Final = np.timedelta64(1, "D")


def cohort(returns: Returns, window: Window,
           ages: tuple[int, ...] = AGES) -> dict[str, npt.NDArray[np.str_]]:
    """The IN_TOUCH, ACTIV and ACCOM codes of each care leaver counted: an OC3 row
    whose birthday of one of ``ages`` (19, 20 or 21 by default) falls in the twelve
    months of the window (for a year's figures, from 1 April to 31 March), read from
    the return of the year the birthday falls in, and who has not died or returned
    home. Of the 17 and 18 band, a row with no care leaver information (IN_TOUCH
    blank) is not counted."""
    left_out = list(LEFT_OUT_OF_LEAVERS)
    if set(ages) <= set(AGES_17_18):
        left_out.append(_NO_INFORMATION)
    found: dict[str, list[npt.NDArray[np.str_]]] = {"IN_TOUCH": [], "ACTIV": [], "ACCOM": []}
    first_day = window.first.astype(dt.date)
    for held in returns.up_to(window.year):
        table = held.table("OC3")
        if table is None or held.year.end < first_day:
            continue
        first = max(window.first, np.datetime64(held.year.start, "D"))
        last = min(window.last, np.datetime64(held.year.end, "D"))
        dob = table.column("DOB")
        known = np.flatnonzero(~np.isnat(dob))
        reached = age_at(dob[known], last)
        birthday = (reached != age_at(dob[known], first - _DAY)) & np.isin(reached, ages)
        rows = known[birthday]
        rows = rows[~np.isin(table.column("IN_TOUCH")[rows], left_out)]
        for name, values in found.items():
            values.append(table.column(name)[rows])
    return {name: np.concatenate(values) if values else np.array([], dtype=str)
            for name, values in found.items()}


def _no_information(_: Care, returns: Returns, window: Window) -> str | None:
    """Why a measure of the 19 to 21 band is not taken: a row of its cohort with no care
    leaver information (IN_TOUCH blank), which the return gives for every care leaver
    of those ages, so that their activity and accommodation are not known."""
    blank = int((cohort(returns, window)["IN_TOUCH"] == _NO_INFORMATION).sum())
    if not blank:
        return None
    return (f"{counted(blank, 'care leaver')} aged 19 to 21 in the OC3 table "
            f"{noun(blank, 'has', 'have')} no care leaver information (IN_TOUCH, ACTIV and "
            "ACCOM blank), which the return leaves blank only for a 17- or 18-year-old "
            "still looked after on their birthday (the DfE's rule 1007), so the band's "
            "activity and accommodation are not known")


def _accommodation(ages: tuple[int, ...]) -> Callable[[Care, Returns, Window], Count]:
    def count(_: Care, returns: Returns, window: Window) -> Count:
        """Of the band's care leavers whose accommodation's suitability can be known,
        those in suitable accommodation (an ACCOM code ending in 1)."""
        accom = cohort(returns, window, ages)["ACCOM"]
        known = accom[~np.isin(accom, list(ACCOM_UNKNOWN_SUITABILITY))]
        suitable = np.char.endswith(known, "1") if len(known) else np.zeros(0, dtype=bool)
        return int(suitable.sum()), len(known)

    return count


def _activity(ages: tuple[int, ...]) -> Callable[[Care, Returns, Window], Count]:
    def count(_: Care, returns: Returns, window: Window) -> Count:
        """Of the band's care leavers, those in education, employment or training."""
        activ = cohort(returns, window, ages)["ACTIV"]
        return int(np.isin(activ, list(EET)).sum()), len(activ)

    return count


_COUNTED: Final = (
    "\"All the former relevant young people whose 19th, 20th or 21st birthday falls "
    "between 1 April and 31 March (in the relevant year) who were previously looked "
    "after for at least 13 weeks after their 14th birthday, including some time after "
    "their 16th birthday, are considered\". And: \"All figures exclude young people who "
    "were looked after under an agreed series of short term placements, have died and "
    "those who have returned home to live with parents or someone with parental "
    "responsibility for a continuous period of at least 6 months.\"")
_READING: Final = (
    "The cohort is the OC3 table's rows whose 19th, 20th or 21st birthday (from the "
    "row's DOB, a birthday counted on the day) falls in the year, read from the return "
    "of the year it falls in, less those coded DIED or RHOM (returned home) in IN_TOUCH. The OC3 "
    "table holds the former relevant young people, whom the DfE's validator checks; "
    "who qualifies (13 weeks looked after from their 14th birthday) is not worked out "
    "again from the episodes, as the returns of the years before their 16th birthday "
    "may not be held, and a child looked after under short breaks only does not "
    "qualify. A young person whose care was transferred to another council is not "
    "told apart in the return. Those the council is not in touch with (NO), who refuse "
    "contact (REFU) or no longer require services (NREQ) are counted in the "
    "denominator, and in the numerator only where the codes given say so. A row of the "
    "cohort with no care leaver information (IN_TOUCH, ACTIV and ACCOM blank, which the "
    "DfE's rule 1007 allows of a 17- or 18-year-old still looked after only) leaves the "
    "measure not computed, saying why: the young person's codes are not known.")

_COUNTED_17_18: Final = (
    "\"all young people who are eligible for care leaver support and whose 17th, 18th, "
    "19th, 20th or 21st birthday falls within the collection period\" (what the return "
    "holds, the DfE's \"Children looked after return: guide to submitting data\"), the "
    "care leavers being \"children who have been looked after for at least 13 "
    "weeks, which began after they reached the age of 14 and ended after they reached "
    "the age of 16, who are now aged 17, 18, 19, 20 and 21\" (the release's "
    "methodology, \"Data collection\"). The DfE's local-authority files publish them "
    "in two bands, care_leaver_age \"17 to 18 years\" and \"19 to 21 years\". And "
    "the DfE's validation rule 1007: \"Care leaver information is not required for 17- "
    "or 18-year olds who are still looked after\" on their birthday.")
_SOURCE_17_18: Final = (
    "the DfE's local-authority file {} of " + RELEASE + ", its care_leaver_age and "
    "breakdown columns; the release's methodology, https://explore-education-statistics."
    "service.gov.uk/methodology/children-looked-after-in-england-including-adoptions-"
    "methodology; the guide, https://www.gov.uk/guidance/children-looked-after-return")
#: The first collection year of the 17 and 18 band: 2020-21, the earliest year the
#: DfE's local-authority files read here publish it (time_period 2021).
_FIRST_17_18: Final = 2020
_READING_17_18: Final = (
    "The LAIT data dictionary has no 17 and 18 measure, so no passage says who the band "
    "leaves out; the reading taken is the 19 to 21 band's (\"All figures exclude young "
    "people who ... have died and those who have returned home\"). The cohort is the "
    "OC3 table's rows whose 17th or 18th birthday (from the row's DOB, a birthday "
    "counted on the day) falls in the year, read from the return of the year it falls "
    "in, less those coded DIED or RHOM in IN_TOUCH and those whose IN_TOUCH is blank: "
    "no care leaver information, the young person being still looked after on their "
    "birthday. Those the council is not in touch with (NO), who refuse contact (REFU) "
    "or no longer require services (NREQ) are counted in the denominator, and in the "
    "numerator only where the codes given say so. The band is defined from 2020-21, "
    "the first year the DfE's file read here publishes it.")

#: The care leaver measures, in the order they are published.
LEAVERS: Final[tuple[Measure, ...]] = (
    Measure(
        "care_leavers_suitable_accommodation", "Care leavers aged 19 to 21 in suitable "
        "accommodation", Unit.PERCENT,
        passage=_COUNTED + " And: \"Figures in this indicator also exclude young people "
                "who have gone abroad or been deported, or their residence is not known, "
                "as the suitability will not usually be known in these cases. Figures "
                "include young people whose accommodation is not known because either "
                "the local authority is not in touch, or the young person has refused "
                "contact or no longer requires services.\"",
        source=LAIT.format("CareLeaverAcc"),
        reading="Suitable is an ACCOM code ending in 1; the denominator leaves out gone "
                "abroad (G1, G2), deported (H1, H2) and residence not known (R1, R2), and "
                "keeps accommodation not known (0). " + _READING,
        count=_accommodation(AGES), first_year=FIRST_YEAR, needs=("OC3",),
        not_taken=_no_information),
    Measure(
        "care_leavers_eet", "Care leavers aged 19 to 21 in education, employment or "
        "training", Unit.PERCENT,
        passage=_COUNTED + " And: \"Figures include young people with whom the local "
                "authority are not in touch, young people who refused contact and young "
                "people who no longer require services.\"",
        source=LAIT.format("CareLeaverEET"),
        reading="In education, employment or training is an ACTIV code of higher "
                "education (F1, P1), other education (F2, P2), an apprenticeship (F4, "
                "P4) or training or employment (F5, P5; F3, P3 in earlier years), as the "
                "DfE's \"Total in education, employment or training\" adds them; not in "
                "education, employment or training (G4, G5, G6) and not known (0) count "
                "in the denominator only. " + _READING,
        count=_activity(AGES), first_year=FIRST_YEAR, needs=("OC3",),
        not_taken=_no_information),
    Measure(
        "care_leavers_17_18_suitable_accommodation", "Care leavers aged 17 and 18 in "
        "suitable accommodation", Unit.PERCENT,
        passage=_COUNTED_17_18 + " And the file's breakdowns: \"Accommodation considered "
                "suitable\" of the \"Suitability total\".",
        source=_SOURCE_17_18.format("la_care_leavers_accommodation_suitability.csv"),
        reading="Suitable is an ACCOM code ending in 1; the denominator leaves out gone "
                "abroad (G1, G2), deported (H1, H2) and residence not known (R1, R2), and "
                "keeps accommodation not known (0), as for the 19 to 21 band; the DfE's "
                "national figures for 2024 bear the leaving out: a suitability total "
                "(14,200) below the activity total (14,270). " + _READING_17_18,
        count=_accommodation(AGES_17_18), first_year=_FIRST_17_18, needs=("OC3",)),
    Measure(
        "care_leavers_17_18_eet", "Care leavers aged 17 and 18 in education, employment "
        "or training", Unit.PERCENT,
        passage=_COUNTED_17_18 + " And the file's breakdowns: \"Total in education, "
                "employment or training\" of the \"Total\".",
        source=_SOURCE_17_18.format("la_care_leavers_activity.csv"),
        reading="In education, employment or training is an ACTIV code as for the 19 to "
                "21 band (F1, P1, F2, P2, F4, P4, F5, P5, and F3, P3 in earlier years); "
                "not in education, employment or training (G4, G5, G6) and not known (0) "
                "count in the denominator only. " + _READING_17_18,
        count=_activity(AGES_17_18), first_year=_FIRST_17_18, needs=("OC3",)),
)

