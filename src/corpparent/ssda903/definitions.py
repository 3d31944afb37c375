"""The DfE's measures, each defined on the return with the passage it follows.

Each [`Measure`][corpparent.ssda903.measuring.Measure] quotes the DfE's own words: the LAIT
data dictionary (``lait_data_dictionary.csv``, the DfE's one-line description and
method of each measure it publishes for every local authority) and the data guidance
and methodology of "Children looked after in England including adoptions" on
explore-education-statistics. Where a passage leaves a choice, the measure's
``reading`` says which was taken, and why. Every measure leaves out episodes under an
agreed series of short-term breaks (see `corpparent.ssda903.engine`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from corpparent.ssda903.codes import FIRST_YEAR, MISSING
from corpparent.ssda903.engine import Care
from corpparent.ssda903.leavers import LEAVERS
from corpparent.ssda903.measuring import LAIT, RELEASE, Count, Measure, Unit, Window
from corpparent.ssda903.returns import Returns
from corpparent.ssda903.stability import LONG_TERM_STABILITY, LONG_TERM_STABILITY_TO_2023

__all__ = ["MEASURES", "SUPERSEDED"]



def _at_31_march(care: Care, _: Returns, window: Window) -> Count:
    """Children looked after at 31 March: an episode begun by 31 March and not ceased by
    it, short breaks left out."""
    return len(care.children_at(window.last)), None


def _starts(care: Care, _: Returns, window: Window) -> Count:
    """Children a period of care of whom began in the year, each counted once."""
    return len(care.starts_during(window.first, window.last)), None


def _ceased(care: Care, _: Returns, window: Window) -> Count:
    """Children a period of care of whom ended in the year, each counted once (the last
    time they ceased in the year)."""
    return len(care.ends_during(window.first, window.last)), None


def _three_placements(care: Care, _: Returns, window: Window) -> Count:
    """Of the children looked after at 31 March, those with three or more placements
    open on some day of the year."""
    at = care.children_at(window.last)
    placements = care.placements_during(window.first, window.last)
    return int((placements[at] >= 3).sum()), len(at)


def _oc2(column: str) -> Callable[[Care, Returns, Window], Count]:
    def count(care: Care, returns: Returns, window: Window) -> Count:
        """Of the children looked after at 31 March continuously since 1 April, those
        whose OC2 row says ``column`` is up to date (code 1)."""
        cohort = care.continuously_since(window.first, window.last)
        found = returns[window.year]
        table = found.table("OC2")
        assert table is not None  # the measure needs it
        codes = care.children_of(found, "OC2")
        done = codes[(table.column(column) == "1") & (codes >= 0)]
        return int(np.isin(cohort, done).sum()), len(cohort)

    count.__name__ = f"_oc2_{column.lower()}"
    return count


def _missing_rows(care: Care, returns: Returns, window: Window
                  ) -> dict[str, npt.NDArray[Any]]:
    """The Missing rows of the returns whose years the window touches: the year's own
    for a year's figures, the year before's too for twelve months to a day before 31
    March, each with ``CODE``, its child's index in ``care.children`` (-1 for none). An
    incident a later return holds too (open at the earlier one's 31 March) is taken
    from the later, which writes its end; two incidents of one child begun on one day
    in one return are two incidents."""
    first_year = window.first.astype(dt.date)
    held = [found for found in returns.up_to(window.year)
            if found.year.end >= first_year and found.table("Missing") is not None]
    names = ("MISSING", "MIS_START", "MIS_END")
    kept: dict[str, list[npt.NDArray[Any]]] = {name: [] for name in (*names, "CODE")}
    later = np.array([], dtype=str)
    for found in reversed(held):
        table = found.table("Missing")
        assert table is not None
        keys = np.char.add(np.char.add(table.column("CHILD").astype(str), "|"),
                           np.char.add(table.column("MIS_START").astype(str), "|"))
        keys = np.char.add(keys, table.column("MISSING").astype(str))
        new = ~np.isin(keys, later)
        for name in names:
            kept[name].append(table.column(name)[new])
        kept["CODE"].append(care.children_of(found, "Missing")[new])
        later = np.concatenate([later, keys])
    return {name: np.concatenate(values) for name, values in kept.items()}


def _incidents(care: Care, returns: Returns, window: Window) -> tuple[
        npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The children looked after during the year, and the child of each missing
    incident of theirs open on some day of the year."""
    first, last = window.first, window.last
    during = care.children_during(first, last)
    rows = _missing_rows(care, returns, window)
    start, end = rows["MIS_START"], rows["MIS_END"]
    open_ = (rows["MISSING"] == MISSING) & (start <= last) & (np.isnat(end) | (end >= first))
    codes = rows["CODE"][open_]
    return during, codes[np.isin(codes, during)]


def _missing_children(care: Care, returns: Returns, window: Window) -> Count:
    during, of = _incidents(care, returns, window)
    return len(np.unique(of)), len(during)


def _missing_incidents(care: Care, returns: Returns, window: Window) -> Count:
    _, of = _incidents(care, returns, window)
    return len(of), len(np.unique(of))


def _oc2_not_taken(care: Care, returns: Returns, window: Window) -> str | None:
    """Why an OC2 measure is not taken at ``window``: at a day other than the year's 31
    March, or where the year's OC2 table holds no row of any child of the cohort."""
    if window.day != window.year.end:
        return ("the OC2 table records, once a year, the children looked after "
                "continuously for at least 12 months at 31 March (\"Children looked after "
                "at 31 March for at least 12 months, by OC2 indicators\", the DfE's data "
                "guidance), so a figure at another day is not the measure; an extract's "
                "OC2 table is not filled in until the year's end")
    cohort = care.continuously_since(window.first, window.last)
    if not len(cohort) or np.isin(care.children_of(returns[window.year], "OC2"),
                                  cohort).any():
        return None
    return (f"the {window.year} OC2 table holds no row of any of the {len(cohort)} "
            f"{'child' if len(cohort) == 1 else 'children'} looked after continuously for "
            "the 12 months to 31 March (it is empty, or holds other children's only), so "
            "their checks are not known, not 0%")


_SHORT_BREAKS: Final = ("Children looked after under an agreed series of short-term breaks "
                        "(legal status V3 or V4) are left out, as the DfE's figures are.")
_OC2_PASSAGE: Final = (
    "\"The number and percentage of children looked after at 31 March who had been looked "
    "after continuously for at least 12 months, and who had their teeth checked by a "
    "dentist, Health Assessment or immunisations were up to date.\" And: \"Figures include "
    "children who have been continuously looked after for at least 12 months as at 31 "
    "March and exclude children who were looked after under an agreed series of short "
    "term placements.\"")
_OC2_SOURCE: Final = (LAIT.format("{}") + "; and the 2020 data guidance of the release, "
                      "table of OC2 indicators, footnote 1")
_OC2_READING: Final = (
    "The cohort is counted from the episodes, not from the OC2 table: a child looked "
    "after on every day from 1 April to 31 March, in one period of care begun by 1 April. "
    "A child of the cohort with no OC2 row, or whose field is blank (not known), counts "
    "in the denominator and not in the numerator; an OC2 row of a child outside the "
    "cohort is not counted (the DfE's validator reports it). The measure is taken at 31 "
    "March only: the OC2 table is the year's, of the children looked after for 12 months "
    "at its 31 March, and an extract taken before then holds it empty. Where the OC2 "
    "table holds no row of any child of the cohort, the measure is not computed: every "
    "check would count as not known, a 0% that says nothing of the children.")


def _oc2_measure(measure_id: str, name: str, column: str, lait: str) -> Measure:
    """One of the three OC2 measures: the children of the OC2 table whose ``column`` is
    code 1, as LAIT's ``lait`` measure publishes them."""
    return Measure(measure_id, name, Unit.PERCENT, passage=_OC2_PASSAGE,
                   source=_OC2_SOURCE.format(lait),
                   reading=f"The OC2 table's {column} field (code 1). " + _OC2_READING,
                   count=_oc2(column), first_year=FIRST_YEAR, needs=("OC2",),
                   not_taken=_oc2_not_taken)

MEASURES: Final[Mapping[str, Measure]] = MappingProxyType({m.id: m for m in (
    Measure(
        "cla_31_march", "Children looked after at 31 March", Unit.COUNT,
        passage="\"It includes annual data for children looked after from 2015 - 2024 at "
                "31 March. Numbers and percentage exclude children looked after under an "
                "agreed series of short term placements.\"",
        source="the data guidance of \"Children looked after: a focus on placement "
               "location\" (2024), https://explore-education-statistics.service.gov.uk/"
               "find-statistics/children-looked-after-a-focus-on-placement-location",
        reading="A child is looked after at 31 March when an episode began on or before "
                "it and had not ceased by it (no DEC, or a DEC after 31 March). "
                + _SHORT_BREAKS,
        count=_at_31_march, first_year=FIRST_YEAR),
    Measure(
        "starts", "Children who started to be looked after in the year", Unit.COUNT,
        passage="\"Number of children that started to be looked after in year.\"",
        source=LAIT.format("LACnum_Start"),
        reading="A period of care begins with an episode whose reason is S, or with an "
                "episode that does not follow on from the one before (a gap, or short "
                "breaks between). A child who started twice in the year is counted once. "
                + _SHORT_BREAKS,
        count=_starts, first_year=FIRST_YEAR),
    Measure(
        "ceased", "Children who ceased to be looked after in the year", Unit.COUNT,
        passage="\"Counts of the number of children ceasing to be looked after during the "
                "year (CLA ceasing) relate to the last time the child ceased to be looked "
                "after during the year in each LA.\"",
        source=LAIT.format("LACceased"),
        reading="A period of care ends with its last episode's DEC when no episode "
                "follows on that day; a child who ceased twice in the year is counted "
                "once. " + _SHORT_BREAKS,
        count=_ceased, first_year=FIRST_YEAR),
    Measure(
        "placements_3plus", "Children looked after at 31 March with three or more "
        "placements during the year", Unit.PERCENT,
        passage="\"All placements of 24 hours or more of children that were looked after "
                "on 31 March during the previous year are counted. Figures exclude "
                "children looked after under a series of short-term placements.\" And: "
                "\"Any placements that were already open on 1 April at the beginning of the "
                "year and any which were open on 31 March at the end of the year are "
                "included.  Where a child is subsequently placed for adoption with their "
                "existing foster carers, then this is not counted as a placement change in "
                "this indicator.\"",
        source=LAIT.format("LACStable_2016on"),
        reading="A placement begins with a period's first episode and with every later "
                "episode except a change of legal status only (RNE L), a temporary "
                "placement (T0 to T4), a placement for adoption with the current foster "
                "carers (A3, A5), and a return from a temporary placement to the "
                "placement left. Every placement open on a day of the year counts, in "
                "any period of care. Episodes are taken as recorded: one of less than 24 "
                "hours is not told apart, as the return records days, not hours.",
        count=_three_placements, first_year=2015),
    LONG_TERM_STABILITY,
    _oc2_measure("oc2_health_check", "Children looked after for 12 months whose annual "
                 "health assessment is up to date", "HEALTH_ASSESSMENT",
                 "LACHealth%"),
    _oc2_measure("oc2_immunisations", "Children looked after for 12 months whose "
                 "immunisations are up to date", "IMMUNISATIONS", "LACVaccinations%"),
    _oc2_measure("oc2_teeth_check", "Children looked after for 12 months who had their "
                 "teeth checked by a dentist", "TEETH_CHECK", "LACDental%"),
    *LEAVERS,
    Measure(
        "missing_children", "Children looked after who had a missing incident during the "
        "year", Unit.PERCENT,
        passage="\"Missing is defined as a looked after child who is not at their "
                "placement or a place they are expected to be (e.g. school) and their "
                "whereabouts is not known.\" And: \"Includes children who were missing or "
                "away from placement without authorisation at 1 April (in the relevant "
                "year), therefore carried over from previous years.\"",
        source=LAIT.format("Children_missing"),
        reading="Of the children looked after on some day of the year, those with a "
                "Missing row coded M (not A, away without authorisation) open on some day "
                "of the year: begun by 31 March and not ended before 1 April. The Missing "
                "table of the year's own return is read (for twelve months to a day before "
                "31 March, the year before's too). " + _SHORT_BREAKS,
        count=_missing_children, first_year=FIRST_YEAR, needs=("Missing",)),
    Measure(
        "missing_incidents", "Missing incidents per child who went missing", Unit.PER_CHILD,
        passage="\"Missing incidents were reported for 12,150 of CLA (11%) in 2022. There "
                "were 76,890 missing incidents.\"",
        source="the DfE's answer to a written parliamentary question on children in care "
               "missing (question 187193), citing the table \"Official Statistics - CLA "
               "who were missing from placement\" of " + RELEASE,
        reading="The numerator is the number of missing incidents (coded M) open on some "
                "day of the year of children looked after in it, an incident straddling 1 "
                "April counted in both years it touches; the denominator is the number of "
                "children with one, so the value is incidents per child who went missing. "
                "No passage found defines the per-child figure: it is the ratio of the two "
                "published counts.",
        count=_missing_incidents, first_year=FIRST_YEAR, needs=("Missing",)),
)})

#: Earlier definitions of a measure, each for its own years, under the identifier of
#: the definition in [`MEASURES`][corpparent.ssda903.definitions.MEASURES] that replaced it
#: ([`definition`][corpparent.ssda903.measuring.definition] picks the one for a year).
SUPERSEDED: Final[tuple[Measure, ...]] = (LONG_TERM_STABILITY_TO_2023,)
