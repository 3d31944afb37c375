"""Counts, lists, the order of two dates and the codes spelt like one asked for, worded
the one way every explanation uses.

A councillor reads "1 associate member against up to 1 seat" and "1 councillor
present", never "1 associate members against up to 1 seats"; and when two documents
went on the same day an explanation says so ("on 26 June 2023, the same day as
Children's Select Committee") rather than calling one "before" the other. Every part
of the library that writes a count or compares two dates for a reader uses this module,
so the wording cannot drift apart between rules.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from datetime import date

from corpparent.dates import day_text

__all__ = ["closest_codes", "counted", "day_relation", "listed", "noun"]

_IRREGULAR = {"child": "children", "person": "people", "day's": "days'",
              "month's": "months'"}


def noun(count: int, singular: str, plural: str | None = None) -> str:
    """``singular`` when ``count`` is one (or minus one), else its plural.

    The plural is ``plural`` if given, else a short table of irregular forms, else the
    last word with "y" after a consonant made "ies" ("authority", "authorities"), else
    with "s" added.
    """
    if abs(count) == 1:
        return singular
    if plural is not None:
        return plural
    head, _, last = singular.rpartition(" ")
    formed = _IRREGULAR.get(last) or (
        f"{last[:-1]}ies" if len(last) > 1 and last[-1] == "y" and last[-2] not in "aeiou"
        else f"{last}s")
    return f"{head} {formed}" if head else formed


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun agreeing with it: "1 seat", "0 seats", "2 councillors"."""
    return f"{count} {noun(count, singular, plural)}"


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """Items joined as prose: "a", "a and b", "a, b and c"; "none" when empty."""
    if not items:
        return "none"
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def closest_codes(codes: Iterable[str], asked: str, n: int = 3) -> list[str]:
    """Up to ``n`` codes among ``codes`` spelt most like ``asked`` (any case), the
    closest first: the "did you mean" of a code that names nothing."""
    known = {code.casefold(): code for code in codes}
    return [known[c] for c in difflib.get_close_matches(asked.casefold(), list(known), n=n,
                                                        cutoff=0.6)]


def day_relation(first: date, second: date, second_name: str) -> str:
    """Where ``first`` falls against ``second``, the day ``second_name`` happened.

    "the same day as Children's Select Committee", "3 days before Children's Select
    Committee (on 29 June 2023)" or "1 day after ...": a same-day pair is never called
    "before" or "after".
    """
    gap = (second - first).days
    if gap == 0:
        return f"the same day as {second_name}"
    side = "before" if gap > 0 else "after"
    return f"{counted(abs(gap), 'day')} {side} {second_name} (on {day_text(second)})"
