"""Whether a year's return reaches the day its figures are taken at.

A council extracts its return from its case management system at any day: after the
year's end for the return it sends, and during the year for the figures a panel sees
between returns. The SSDA903 return has no field for that day (its tables are
``Header``, ``Episodes``, ``Reviews``, ``Missing`` and the rest, none of them saying
when it was taken), and a folder named ``2025-26`` may hold an extract taken in
September 2025 as well as the return sent after 31 March 2026. Read as the year's, such
an extract gives figures that are not the year's: its episodes still open on the
extract's day are open at 31 March, and nothing after that day has happened.

So the day is read from the data: the latest date the year's return records of its
year ([`recorded_to`][corpparent.runs.ssda903_extract.recorded_to]: an episode's start
or end, a review, a missing incident's start or end, an adoption's or a social worker's
dates, those between 1 April and 31 March). Figures taken at a day four weeks or more
after it ([`RECORDED_WITHIN`][corpparent.runs.ssda903_extract.RECORDED_WITHIN]) are
given with a warning saying so ([`cut_short`][corpparent.runs.ssda903_extract.cut_short]),
incomplete, so ``--strict`` fails: the one rule of ``corpparent ssda903 measures``,
``readings`` and ``scorecard --ssda903``, for a year's figures (at its 31 March) and a
day's (``--as-at``) alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import numpy as np

from corpparent.dates import day_text
from corpparent.periods import FinancialYear
from corpparent.runs.notes import RunWarning
from corpparent.ssda903.codes import DATE_COLUMNS, PERSONAL_COLUMNS
from corpparent.ssda903.returns import Return, Returns
from corpparent.wording import day_relation

__all__ = ["RECORDED_WITHIN", "cut_short", "recorded_to"]

#: How many days the day figures are taken at may lie after the latest date the year's
#: return records before a warning says the return may be an extract taken then: four
#: weeks. Every child looked after has a review at least every six months, besides the
#: starts, ends and moves of placement, so a council with a few dozen children looked
#: after records well over one dated event a week, and its full return's latest date
#: falls in the last days of March; four weeks without one is unlikely but for the
#: very smallest councils, which the warning does not block (it is a warning, not a
#: refusal: the figures are given). Four weeks is the shortest month, so the figures
#: taken at a month end from an extract taken at the end of the month before, or at 31
#: March from one taken at the end of February or earlier, are always warned of.
RECORDED_WITHIN: Final = 28

#: The dates of the return's events in its year: every date column but a child's date
#: of birth and their child's (DOB, MC_DOB), personal fields never named in a message,
#: and the day UASC status ceased (DUC), on or before the child's 18th birthday and so
#: often reckoned from their date of birth.
_EVENT_DATES: Final = DATE_COLUMNS - PERSONAL_COLUMNS - {"DUC"}


def recorded_to(found: Return) -> dt.date | None:
    """The latest date of its collection year the return ``found`` records in any of
    its tables' event dates (see the module's description), or ``None`` where it
    records none."""
    first = np.datetime64(found.year.start, "D")
    last = np.datetime64(found.year.end, "D")
    latest: np.datetime64 | None = None
    for table in found.tables.values():
        for name in _EVENT_DATES & set(table.columns):
            days = table.columns[name]
            held = days[(days >= first) & (days <= last)]  # NaT compares false
            if len(held) and (latest is None or held.max() > latest):
                latest = held.max()
    if latest is None:
        return None
    day: dt.date = latest.astype(dt.date)
    return day


def cut_short(returns: Returns, year: FinancialYear,
              day: dt.date | None = None) -> RunWarning | None:
    """Why the figures of ``year`` at ``day`` (default: its 31 March) may not be what
    they say, or ``None``: the latest date its return records lies
    [`RECORDED_WITHIN`][corpparent.runs.ssda903_extract.RECORDED_WITHIN] days or more
    before ``day`` (or it records no date of its year at all), so it may be an extract
    taken then, which holds nothing that happened after it and every child looked
    after on it as still looked after. ``None`` for a year with no Episodes table, of
    which no figure is computed."""
    found = returns[year]
    if found.table("Episodes") is None:
        return None
    taken = year.end if day is None else day
    latest = recorded_to(found)
    if latest is not None and (taken - latest).days < RECORDED_WITHIN:
        return None
    if taken == year.end:
        meaning, named = "the year's figures are not the year's", "the year's end"
    else:
        meaning = ("what happened after it is not counted, and every child looked after "
                   "on it counts as still looked after")
        named = "the day the figures are taken at"
    if latest is None:
        said = (f"the {year} return records no date of its year (from "
                f"{day_text(year.start)}): if it is an extract taken at its start, "
                f"{meaning}")
    else:
        said = (f"the {year} return's latest date is {day_text(latest)}, "
                f"{day_relation(latest, taken, named)}: if it is an extract taken then, "
                f"{meaning}")
    return RunWarning(said, incomplete=True,
                      hint="take the figures at a day the extract covers, or read the "
                           "year's full return")
