"""Hypothesis strategies for SSDA903 returns: children's episodes of care, and whole
returns of one collection year (episodes, header, OC2, OC3 and missing incidents), and
[`split_history`][corpparent.testing.ssda903.split_history], one continuous history written as
several years' returns.

Every return drawn is one the episode engine can read: each child's episodes form
periods of care, each a chain of episodes where one begins the day the one before
ended, the first begun by "S" (started to be looked after); a later episode changes
the placement ("P", "T", "U", "B"), keeping or changing the legal status, or the legal
status only ("L"), keeping the placement. Periods are separated by a gap; only the
last may still be open at 31 March. A child is drawn either looked after under
ordinary legal statuses or under an agreed series of short-term breaks only (V3, V4).
Every date falls on or before 31 March of the year drawn for, as in the return. Care
leavers (OC3) are young people of their own, whose 17th to 22nd birthday falls in the
year, in touch or not, with the activity and accommodation codes the return uses.

Importing this module needs hypothesis; ``import corpparent`` never imports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
from hypothesis import strategies as st

from corpparent.periods import FinancialYear
from corpparent.ssda903.returns import Return, Returns, Table

__all__ = ["care_leavers", "child_episodes", "returns", "split_history"]

Row = dict[str, Any]

#: Legal statuses of ordinary care, and of short breaks.
ORDINARY = ("C1", "C2", "E1", "V2", "J1", "L1")
BREAKS = ("V3", "V4")
#: Placements drawn: foster, children's homes, temporary, placed for adoption (with
#: the current carers and not).
PLACES = ("U1", "U3", "U4", "K2", "R1", "T0", "T1", "A3", "A4", "A5", "A6")
PROVIDERS = ("PR1", "PR4")
#: The collection year drawn for unless another is given: 2023-24.
YEAR = FinancialYear(2023)


@st.composite
def child_episodes(draw: st.DrawFn, child: str, year: FinancialYear = YEAR,
                   short_breaks: bool | None = None, history: int = 700) -> list[Row]:
    """The episodes of one child, as rows of the Episodes table, begun up to
    ``history`` days before 1 April of ``year`` and ending by its 31 March; under short
    breaks only when ``short_breaks`` (drawn when ``None``)."""
    breaks = draw(st.booleans()) if short_breaks is None else short_breaks
    statuses = BREAKS if breaks else ORDINARY
    last = year.end
    day = year.start - dt.timedelta(days=draw(st.integers(0, history)))
    rows: list[Row] = []
    for _period in range(draw(st.integers(1, 3))):
        if day > last:
            break
        status, place = draw(st.sampled_from(statuses)), draw(st.sampled_from(PLACES))
        provider = draw(st.sampled_from(PROVIDERS))
        reason = "S"
        for _ in range(draw(st.integers(1, 5))):
            end = day + dt.timedelta(days=draw(st.integers(1, 250)))
            closed = end <= last and draw(st.booleans())
            rows.append({"CHILD": child, "DECOM": day, "RNE": reason, "LS": status,
                         "PLACE": place, "PLACE_PROVIDER": provider,
                         "DEC": end if closed else None, "REC": "X1" if closed else None})
            if not closed:
                return rows
            day = end
            reason = draw(st.sampled_from(("P", "L", "T", "U", "B")))
            if reason == "L":
                status = draw(st.sampled_from(statuses))
            else:
                place = draw(st.sampled_from(PLACES))
                provider = draw(st.sampled_from(PROVIDERS))
                if reason in ("T", "U", "B"):
                    status = draw(st.sampled_from(statuses))
        rows[-1]["REC"] = draw(st.sampled_from(("E11", "E13", "E3", "E4A", "E8")))
        day = rows[-1]["DEC"] + dt.timedelta(days=draw(st.integers(1, 120)))
    return rows


def _table(name: str, rows: list[Row], columns: tuple[str, ...]) -> Table:
    return Table.of(name, {column: [row.get(column) for row in rows] for column in columns})


#: What a care leaver's OC3 row says, as the return codes it: in touch and known, or
#: not in touch (activity and accommodation not known), or left out of the measures.
_IN_TOUCH = ("YES", "YES", "NO", "REFU", "NREQ", "DIED", "RHOM")
_ACTIVITIES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6")
_ACCOMMODATION = ("B1", "B2", "C1", "D1", "E1", "G1", "H2", "K1", "R2", "S2", "U1", "U2",
                  "X2", "Z1")


@st.composite
def care_leavers(draw: st.DrawFn, year: FinancialYear = YEAR, count: int = 6) -> list[Row]:
    """Up to ``count`` rows of the OC3 table of ``year``: young people whose 17th to
    22nd birthday falls in the year (the 22nd outside the measures' cohort)."""
    rows: list[Row] = []
    earliest = dt.date(year.start.year - 22, 4, 1)
    for number in range(draw(st.integers(0, count))):
        born = earliest + dt.timedelta(days=draw(st.integers(0, 6 * 365)))
        touch = draw(st.sampled_from(_IN_TOUCH))
        known = touch == "YES" or draw(st.booleans())
        rows.append({"CHILD": f"L{number:03d}", "DOB": born, "IN_TOUCH": touch,
                     "ACTIV": draw(st.sampled_from(_ACTIVITIES)) if known else "0",
                     "ACCOM": draw(st.sampled_from(_ACCOMMODATION)) if known else "0"})
    return rows


def split_history(episodes: Table, years: list[FinancialYear]) -> list[Table]:
    """One continuous history written as the Episodes tables of ``years`` (oldest
    first), as councils hold them: each year's holds the episodes open on some day of
    it (the first year's, every episode begun by its 31 March), an episode still open
    at its 31 March written without its end."""
    start, end = episodes.column("DECOM"), episodes.column("DEC")
    tables = []
    for number, year in enumerate(years):
        first = np.datetime64(year.start, "D")
        last = np.datetime64(year.end, "D")
        held = (start <= last) & (np.isnat(end) | (end >= first) | (number == 0))
        rows = np.flatnonzero(held)
        later = ~np.isnat(end[rows]) & (end[rows] > last)
        columns = {}
        for name, values in episodes.columns.items():
            kept = values[rows].copy()
            if name in ("DEC", "REC"):
                kept[later] = np.datetime64("NaT") if name == "DEC" else ""
            columns[name] = kept
        tables.append(Table("Episodes", columns, episodes.lines[rows], episodes.source))
    return tables


@st.composite
def returns(draw: st.DrawFn, year: FinancialYear = YEAR,
            children: int = 8) -> Returns:
    """A return of ``year`` for up to ``children`` children, with a header row and, for
    some, an OC2 row (checks up to date, not, or not known) and missing incidents."""
    count = draw(st.integers(1, children))
    episodes: list[Row] = []
    header: list[Row] = []
    oc2: list[Row] = []
    missing: list[Row] = []
    codes = st.sampled_from(("0", "1", None))
    for number in range(count):
        child = f"C{number:03d}"
        episodes += draw(child_episodes(child, year))
        born = dt.date(2004, 1, 1) + dt.timedelta(days=draw(st.integers(0, 6000)))
        header.append({"CHILD": child, "SEX": draw(st.sampled_from(("1", "2"))),
                       "DOB": born})
        if draw(st.booleans()):
            oc2.append({"CHILD": child, "HEALTH_ASSESSMENT": draw(codes),
                        "IMMUNISATIONS": draw(codes), "TEETH_CHECK": draw(codes)})
        for _ in range(draw(st.integers(0, 3))):
            began = year.start + dt.timedelta(days=draw(st.integers(-30, 364)))
            ended = began + dt.timedelta(days=draw(st.integers(0, 40)))
            missing.append({"CHILD": child, "MISSING": draw(st.sampled_from(("M", "A"))),
                            "MIS_START": began,
                            "MIS_END": ended if ended <= year.end else None})
    tables: Mapping[str, Table] = {
        "Header": _table("Header", header, ("CHILD", "SEX", "DOB")),
        "Episodes": _table("Episodes", episodes, ("CHILD", "DECOM", "RNE", "LS", "PLACE",
                                                  "PLACE_PROVIDER", "DEC", "REC")),
        "OC2": _table("OC2", oc2, ("CHILD", "HEALTH_ASSESSMENT", "IMMUNISATIONS",
                                     "TEETH_CHECK")),
        "Missing": _table("Missing", missing, ("CHILD", "MISSING", "MIS_START", "MIS_END")),
        "OC3": _table("OC3", draw(care_leavers(year)), ("CHILD", "DOB", "IN_TOUCH", "ACTIV",
                                                          "ACCOM")),
    }
    return Returns([Return(year, tables)])
