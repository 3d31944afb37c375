"""Care leavers aged 19 to 21: in suitable accommodation, and in education, employment
or training, from the return's OC3 table.

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
"""

from __future__ import annotations

import datetime as dt
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
from corpparent.ssda903.measuring import LAIT, Count, Measure, Unit, Window
from corpparent.ssda903.returns import Returns

__all__ = ["AGES", "LEAVERS", "cohort"]

#: The birthdays whose care leavers the measures count.
AGES: Final = (19, 20, 21)
_DAY: Final = np.timedelta64(1, "D")


def cohort(returns: Returns, window: Window) -> dict[str, npt.NDArray[np.str_]]:
    """The IN_TOUCH, ACTIV and ACCOM codes of each care leaver counted: an OC3 row
    whose 19th, 20th or 21st birthday falls in the twelve months of the window (for a
    year's figures, from 1 April to 31 March), read from the return of the year the
    birthday falls in, and who has not died or returned home."""
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
        birthday = (reached != age_at(dob[known], first - _DAY)) & np.isin(reached, AGES)
        rows = known[birthday]
        rows = rows[~np.isin(table.column("IN_TOUCH")[rows], list(LEFT_OUT_OF_LEAVERS))]
        for name, values in found.items():
            values.append(table.column(name)[rows])
    return {name: np.concatenate(values) if values else np.array([], dtype=str)
            for name, values in found.items()}


def _accommodation(_: Care, returns: Returns, window: Window) -> Count:
    accom = cohort(returns, window)["ACCOM"]
    known = accom[~np.isin(accom, list(ACCOM_UNKNOWN_SUITABILITY))]
    suitable = np.char.endswith(known, "1") if len(known) else np.zeros(0, dtype=bool)
    return int(suitable.sum()), len(known)


def _activity(_: Care, returns: Returns, window: Window) -> Count:
    activ = cohort(returns, window)["ACTIV"]
    return int(np.isin(activ, list(EET)).sum()), len(activ)


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
    "denominator, and in the numerator only where the codes given say so.")

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
        count=_accommodation, first_year=FIRST_YEAR, needs=("OC3",)),
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
        count=_activity, first_year=FIRST_YEAR, needs=("OC3",)),
)

