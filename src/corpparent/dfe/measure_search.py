"""Finding LAIT measures by words or by theme, and by their codes in any case.

LAIT's 434 measures have short codes that are hard to guess (``LAC_LongStable%``,
``CLA_Placement3+``). The data dictionary also gives each a name ("Long Term Placement
Stability (%)"), one or more themes ("Children Looked After") and the title of its
chart's axis ("% Children Looked After"); `search_measures` finds the measures
whose code, name, themes or axis hold every word asked for, and `measure_code`
takes a code in any case to the dictionary's own spelling.
"""

from __future__ import annotations

from collections.abc import Iterable

from corpparent.dfe.authority_names import name_key
from corpparent.dfe.lait import LaitMeasure

__all__ = ["measure_code", "search_measures"]


def _text(measure: LaitMeasure) -> str:
    return " ".join((measure.code.casefold(), name_key(measure.code), name_key(measure.name),
                     *(name_key(topic) for topic in measure.topics), name_key(measure.axis)))


def search_measures(measures: Iterable[LaitMeasure], words: str) -> tuple[LaitMeasure, ...]:
    """The measures whose code, name, themes or axis title hold every one of ``words``
    (any case and punctuation; a word may be the start or part of a longer one, so
    "stab" finds "stability"), by theme and then code. No words find nothing."""
    wanted = name_key(words).split() or [words.casefold().strip()]
    if not wanted[0]:
        return ()
    found = [m for m in measures if all(word in _text(m) for word in wanted)]
    return tuple(sorted(found, key=lambda m: (m.topics[0].casefold() if m.topics else "",
                                              m.code.casefold())))


def measure_code(codes: Iterable[str], asked: str) -> str | None:
    """The code among ``codes`` that ``asked`` is, in any case; None if none is."""
    return next((code for code in codes if code.casefold() == asked.strip().casefold()),
                None)
