"""The SSDA903 return's tables, columns and the codes the measures turn on.

Sources: the DfE's "Children looked after by local authorities in England: guide to the
SSDA903 collection" (one a year; the 1 April 2016 to 31 March 2017 edition is the one
quoted here) and its "technical specification" for each later collection year, which
list the CSV tables, their columns and their code sets. The codes below are the ones a
measure turns on; every other coded field is read and kept as written, its code sets
being the DfE's validator's to check.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "ACCOM_CODES",
    "ACCOM_UNKNOWN_SUITABILITY",
    "ACTIV_CODES",
    "ADOPTION_WITH_CURRENT_CARERS",
    "CONTINUING",
    "DATE_COLUMNS",
    "EET",
    "FIRST_YEAR",
    "IN_TOUCH_CODES",
    "LEFT_OUT_OF_LEAVERS",
    "LEGAL_STATUSES",
    "MISSING",
    "NEW_EPISODE_REASONS",
    "PERSONAL_COLUMNS",
    "PLACED_FOR_ADOPTION",
    "SAME_CARER",
    "SHORT_BREAKS",
    "STARTED",
    "STATUS_ONLY",
    "TABLE_COLUMNS",
    "TEMPORARY_PLACEMENTS",
]

#: The first collection year read: 2014-15, the first in which the return held the
#: Missing table ("For the first time, newly collected information is included about
#: children looked after who were missing or away from placement without
#: authorisation", SFR 34/2015, 1 October 2015).
FIRST_YEAR: Final = 2014

#: Each table of the return as the CSV files hold it, with its columns; a table a year
#: does not collect is absent from that year's folder (SWEpisodes from 2023-24, DoLo
#: from 2026-27).
TABLE_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
                 "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "UASC": ("CHILD", "SEX", "DOB", "DUC"),
    "OC2": ("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
            "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
            "SEX_ADOPTR", "LS_ADOPTR"),
    "PlacedAdoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
                       "REASON_PLACED_CEASED"),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "SWEpisodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    "DoLo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
})

#: The columns that hold a date, written dd/mm/yyyy in the CSV tables.
DATE_COLUMNS: Final = frozenset({
    "DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH",
    "DATE_PLACED", "DATE_PLACED_CEASED", "DATE_PERM", "MIS_START", "MIS_END", "SW_DECOM",
    "SW_DEC", "DOLO_START", "DOLO_END",
})

#: The child's identifiers and personal fields: read, used, and never written in an
#: error message or a public output (a problem names their file, line and field only).
PERSONAL_COLUMNS: Final = frozenset({
    "CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST", "SW_ID",
})

#: Legal statuses (LS), as the guide's code set lists them.
LEGAL_STATUSES: Final = frozenset({
    "C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3",
})

#: The legal statuses of a child accommodated under an agreed series of short-term
#: breaks (V3: individual episodes recorded; V4: the agreement recorded). The DfE's
#: figures "exclude children looked after under an agreed series of short term
#: placements" (the data guidance of "Children looked after in England including
#: adoptions", footnotes to its tables), so episodes under these statuses are set apart
#: before any measure is counted.
SHORT_BREAKS: Final = frozenset({"V3", "V4"})

#: Reasons for a new episode (RNE), as the DfE's validator accepts them (rule 143).
NEW_EPISODE_REASONS: Final = frozenset({"S", "P", "L", "T", "U", "B"})
#: The reason for the first episode of a period of care: started to be looked after.
STARTED: Final = "S"
#: The reason for an episode that changes the legal status only: no new placement.
STATUS_ONLY: Final = "L"

#: The reason an episode ceased (REC) when the child stays looked after: a new episode
#: (a change of placement or legal status) begins the same day.
CONTINUING: Final = "X1"

#: Temporary placements (PLACE T0 to T4): a temporary move, after which the child
#: returns to the placement they left or moves on. Not counted as placements: a reading
#: taken, as no passage found says how the DfE counts them.
TEMPORARY_PLACEMENTS: Final = frozenset({"T0", "T1", "T2", "T3", "T4"})

#: Placed for adoption with the child's current foster carer(s) (PLACE A3: with
#: parental or guardian consent; A5: under a placement order). "Where a child is
#: subsequently placed for adoption with their existing foster carers, then this is not
#: counted as a placement change" (the DfE's LAIT data dictionary, LACStable_2016on).
ADOPTION_WITH_CURRENT_CARERS: Final = frozenset({"A3", "A5"})

#: A missing incident in the Missing table's MISSING column ('A' is away from placement
#: without authorisation, which the missing measures do not count).
MISSING: Final = "M"

#: Placed for adoption (PLACE A3 to A6: with the current foster carers or not, with
#: consent or under a placement order), for the long-term stability measure's "placed
#: for adoption" clause.
PLACED_FOR_ADOPTION: Final = frozenset({"A3", "A4", "A5", "A6"})

#: Reasons for a new episode that change the placement type only, the child staying
#: with the same carer(s) (T: placement type only; U: legal status and placement type
#: at the same time), as the guide's code set for RNE describes them. The 2024
#: long-term stability measure ("living with the same carer") does not end a stay at
#: them; P and B (a change of placement and carer) do.
SAME_CARER: Final = frozenset({"T", "U"})

#: Whether the council is in touch with a care leaver (OC3 IN_TOUCH), as the DfE's
#: validator accepts it (rule 131): YES, NO, DIED (the young person has died), REFU
#: (refuses contact), NREQ (no longer requires services), RHOM (returned home to
#: parents or someone with parental responsibility for at least 6 months).
IN_TOUCH_CODES: Final = frozenset({"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"})
#: Care leavers the care leaver measures leave out: "All figures exclude young people
#: who ... have died and those who have returned home to live with parents or someone
#: with parental responsibility for a continuous period of at least 6 months" (LAIT,
#: CareLeaverAcc and CareLeaverEET).
LEFT_OUT_OF_LEAVERS: Final = frozenset({"DIED", "RHOM"})

#: Main activity of a care leaver (OC3 ACTIV), as the DfE's validator accepts it (rule
#: 132), with F3 and P3 of earlier years (training or employment, before the
#: apprenticeship codes F4 and P4 and F5 and P5 split it): F and P are full and part
#: time; 1 higher education, 2 other education, 4 an apprenticeship, 5 (earlier 3)
#: training or employment; G4, G5 and G6 not in education, employment or training
#: (illness or disability; other reasons; pregnancy or parenting); 0 not known.
ACTIV_CODES: Final = frozenset({"F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5",
                                "G4", "G5", "G6", "0"})
#: The activities that are education, employment or training: the DfE's "Total in
#: education, employment or training" is higher education, other education, an
#: apprenticeship, and training or employment (la_care_leavers_activity.csv).
EET: Final = frozenset({"F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5"})

#: Accommodation of a care leaver (OC3 ACCOM), as the DfE's validator accepts it (rule
#: 133): a letter for the kind of accommodation and 1 where it is suitable, 2 where it
#: is not; 0 not known.
ACCOM_CODES: Final = frozenset({
    "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2",
    "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2",
    "Z1", "Z2", "0"})
#: Accommodation whose suitability is not known: gone abroad (G), deported (H),
#: residence not known (R). "Figures in this indicator also exclude young people who
#: have gone abroad or been deported, or their residence is not known, as the
#: suitability will not usually be known in these cases" (LAIT, CareLeaverAcc).
ACCOM_UNKNOWN_SUITABILITY: Final = frozenset({"G1", "G2", "H1", "H2", "R1", "R2"})
