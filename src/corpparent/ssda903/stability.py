"""Long-term stability: children under 16 looked after for two and a half years, and
whether they have stayed put for the last two.

The DfE changed the measure's definition with its 2024 release ("Stability measures
for children looked after in England"): until the year ending 31 March 2023 it counted
children "living in the same placement for at least 2 years, or ... placed for adoption
and their adoptive placement together with their previous placement, last for at least
2 years" (the LAIT data dictionary, ``LAC_LongStable%``); from the year ending 31 March
2024 it counts children "Living with the same carer for at least 2 years" (the DfE's
own local-authority file, ``la_cla_placement_stability.csv``). Each is a
[`Measure`][corpparent.ssda903.measuring.Measure] of its own years, under one identifier,
``long_term_stability``.

Both need history: two and a half years of a child's care, which one year's return
holds only in part (an episode that ended before 1 April is in an earlier year's
return). The episode engine merges the returns of every year read up to the year
asked for ([`Care`][corpparent.ssda903.engine.Care]), so the figure from several year
folders is the figure of the one continuous history they hold. Where they begin too
late to hold it, the figure says so (``looks_back``, and
[`short_history`][corpparent.ssda903.measuring.short_history]).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

from corpparent.ssda903.codes import FIRST_YEAR
from corpparent.ssda903.engine import Care, age_at
from corpparent.ssda903.history import history_of
from corpparent.ssda903.measuring import LAIT, Count, Measure, Unit, Window
from corpparent.ssda903.returns import Returns

__all__ = ["LONG_TERM_STABILITY", "LONG_TERM_STABILITY_TO_2023", "born", "stable_since"]

Days = npt.NDArray[np.datetime64]
Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

#: The age the cohort is under, at 31 March.
UNDER: Final = 16
#: Looked after continuously for at least this many months at 31 March (2.5 years).
LOOKED_AFTER_MONTHS: Final = 30
#: Stayed put for at least this many months at 31 March (2 years).
STAYED_MONTHS: Final = 24


def born(care: Care, returns: Returns, window: Window) -> Days:
    """Each child's date of birth (by index in ``care.children``), from the Header
    tables of the returns up to the window's year, a later return's row kept; ``NaT``
    for a child no Header table holds."""
    history = history_of(returns)
    if care.history is history:
        return history.born(window.year)[care.held]
    codes = history.codes(care.children)  # a Care of other returns: by identifier
    dob: Days = np.where(codes >= 0, history.born(window.year)[codes],
                         np.datetime64("NaT", "D"))
    return dob


def _first_days(care: Care, begins: Flags) -> Days:
    """For each episode, the first day of the stay it belongs to, a stay beginning at
    each episode flagged in ``begins`` (every period's first episode is)."""
    number = np.cumsum(begins) - 1
    starts: Days = care.start[begins][number]
    return starts


def _open_at(care: Care, day: np.datetime64) -> tuple[Ints, Ints]:
    """The children looked after at ``day`` and, for each, the episode open that day
    (the latest to begin, should two be)."""
    open_ = np.flatnonzero((care.start <= day) & (np.isnat(care.end) | (care.end > day)))
    child = care.child[open_]  # ascending, as episodes are
    last = np.append(child[1:] != child[:-1], True) if len(child) else np.zeros(0, bool)
    return child[last].astype(np.int64), open_[last].astype(np.int64)


def _continues(care: Care) -> Flags:
    """Whether each episode continues the period of care of the one before it."""
    result = np.zeros(len(care.period), dtype=bool)
    result[1:] = care.period[1:] == care.period[:-1]
    return result


def stable_since(care: Care, episodes: Ints, *, same_carer: bool) -> Days:
    """The day since which the child of each of ``episodes`` (each open at the day the
    measure is taken) has stayed put, as each definition reads it.

    With ``same_carer`` (2024 on), the stay is the child's time with the same carer: it
    begins with a placement (as [`Care`][corpparent.ssda903.engine.Care] counts them)
    and carries on through changes of placement type only (RNE T and U). Without it
    (before 2024), the stay is the child's placement, and for a child placed for
    adoption (PLACE A3 to A6) the adoptive placement together with the placement
    before it.
    """
    continues = _continues(care)
    if same_carer:
        begins = care.new_placement & ~(continues & care.flagged("same_carer"))
        carer_since: Days = _first_days(care, begins)[episodes]
        return carer_since
    placement = _first_days(care, care.new_placement)
    adopted = care.flagged("placed_for_adoption")
    run_begins = ~(adopted & continues & np.append(False, adopted[:-1]))
    index = np.arange(len(adopted))
    run_first = np.maximum.accumulate(np.where(run_begins, index, 0)) if len(index) \
        else index
    first = run_first[episodes]
    before = np.where(continues[first], first - 1, first)
    with_previous = np.where(adopted[episodes], placement[before], placement[episodes])
    since: Days = np.minimum(placement[episodes], with_previous)
    return since


def _count(care: Care, returns: Returns, window: Window, *, same_carer: bool) -> Count:
    """Of the children under 16 looked after at the day, continuously for two and a
    half years, those who have stayed put for the last two."""
    children, episodes = _open_at(care, window.last)
    long_enough = np.isin(children, care.continuously_since(
        window.before(LOOKED_AFTER_MONTHS), window.last))
    dob = born(care, returns, window)[children]
    young = ~np.isnat(dob)
    young[young] = age_at(dob[young], window.last) < UNDER
    cohort = long_enough & young
    since = stable_since(care, episodes[cohort], same_carer=same_carer)
    stayed = since <= window.before(STAYED_MONTHS)
    return int(stayed.sum()), int(cohort.sum())


def _same_placement(care: Care, returns: Returns, window: Window) -> Count:
    return _count(care, returns, window, same_carer=False)


def _same_carer(care: Care, returns: Returns, window: Window) -> Count:
    return _count(care, returns, window, same_carer=True)


_COHORT: Final = (
    "The cohort: children looked after at 31 March, under 16 that day (their age from "
    "the Header table's DOB, a birthday counted on the day; a child no Header table "
    "holds cannot be aged and is not counted), in a period of care begun on or before "
    "the day two years and six months earlier (30 September), so looked after on every "
    "day since. \"For at least 2 years\" is a stay begun on or before 31 March two years "
    "earlier. Episodes are merged across the returns of every year read up to the year, "
    "so a stay begun in an earlier return's year counts from its start.")

#: Long-term stability as the DfE defined it until the year ending 31 March 2023.
LONG_TERM_STABILITY_TO_2023: Final = Measure(
    "long_term_stability", "Children under 16 looked after for 2.5 years who have lived in "
    "the same placement for 2 years, or placed for adoption", Unit.PERCENT,
    passage="\"Children looked after at 31 March aged under 16 who had been looked after "
            "continuously for at least 2.5 years who were living in the same placement "
            "for at least 2 years, or were placed for adoption and their adoptive "
            "placement together with their previous placement, last for at least 2 "
            "years\"",
    source=LAIT.format("LAC_LongStable%") + "; the National Indicator Set's NI 063",
    reading="A placement is as the three-or-more-placements measure counts them (a "
            "change of legal status only, a temporary placement and a return from it, and "
            "a placement for adoption with the current foster carers begin none). A child "
            "placed for adoption at 31 March (PLACE A3 to A6) counts when the placement "
            "they were in just before the adoptive placement began, and the adoptive "
            "placement after it, last 2 years together. " + _COHORT,
    count=_same_placement, first_year=FIRST_YEAR, last_year=2022, needs=("Header",),
    looks_back=LOOKED_AFTER_MONTHS)

#: Long-term stability as the DfE defines it from the year ending 31 March 2024.
LONG_TERM_STABILITY: Final = Measure(
    "long_term_stability", "Children under 16 looked after for 2.5 years who have lived "
    "with the same carer for 2 years", Unit.PERCENT,
    passage="\"Children looked after continuously for at least 2.5 years on 31 March aged "
            "under 16 years\": \"Living with the same carer for at least 2 years\".",
    source="the DfE's local-authority file of \"Stability measures for children looked "
           "after in England\" (2024 on), la_cla_placement_stability.csv, its cla_group "
           "and placement_stability columns, "
           "https://explore-education-statistics.service.gov.uk/find-statistics/"
           "stability-measures-for-children-looked-after-in-england",
    reading="The release's methodology wording of \"the same carer\" is not among the "
            "sources quoted here, only the measure's labels in the DfE's file; the reading "
            "taken is the return's own: a stay with one carer begins with a placement (as "
            "the three-or-more-placements measure counts them) and carries on through a "
            "change of placement type only, the carer staying the same (RNE T or U, so a "
            "foster placement that becomes a placement for adoption with the same carers "
            "is one stay); a change of placement and carer (RNE P or B) begins a new one. "
            "The earlier definition's clause for children placed for adoption is not "
            "carried over, as the labels do not state it. " + _COHORT,
    count=_same_carer, first_year=2023, needs=("Header",), looks_back=LOOKED_AFTER_MONTHS)
