"""Measure how fast corpparent works out what a year of one authority's papers reveals.

Not a test: it prints timings for the machine it runs on. Run with ``make bench``.

The system is shaped like a year of monthly, quarterly and annual papers of one panel:
fourteen count indicators over twelve months, with their quarters and year; three of
them declared totals of two others; a process chart's mean of each monthly series and a
status word on one month of each. That is about 200 published figures, 40 withheld and
130 relations. ``ranges`` is timed on it (the checker's work), and ``secure`` on the figures
before anything is withheld (the report's work).
"""

from __future__ import annotations

import random

from scorecard import timed  # the timing helper of benchmarks/scorecard.py, beside this script

from corpparent.disclosure import Relation, Unknown, ranges, secure

INDICATORS = 14
MONTHS = 12
QUARTERS = {f"Q{q + 1}": [3 * q + m for m in range(3)] for q in range(4)}
#: Indicators 0 to 2 are the totals of 3+4, 5+6 and 7+8; the others stand alone.
TOTALS = {0: (3, 4), 1: (5, 6), 2: (7, 8)}


def build(seed: int = 23) -> tuple[dict[str, float | None], list[Relation[str]]]:
    """Every figure of the year's papers and every relation between them."""
    draw = random.Random(seed)
    values: dict[str, float | None] = {}
    for i in range(3, INDICATORS):
        small = i in (4, 6, 8)  # the out-of-county style parts run small
        for m in range(MONTHS):
            values[f"i{i}m{m}"] = draw.randint(0, 9) if small else draw.randint(20, 80)
    for total, parts in TOTALS.items():
        for m in range(MONTHS):
            values[f"i{total}m{m}"] = sum(values[f"i{p}m{m}"] or 0 for p in parts)
    relations: list[Relation[str]] = []
    for total, parts in TOTALS.items():
        relations += [Relation.total(f"i{total}m{m}", [f"i{p}m{m}" for p in parts])
                      for m in range(MONTHS)]
    for i in range(INDICATORS):
        months = [f"i{i}m{m}" for m in range(MONTHS)]
        for quarter, members in QUARTERS.items():
            values[f"i{i}{quarter}"] = sum(values[months[m]] or 0 for m in members)
            relations.append(Relation.total(f"i{i}{quarter}", [months[m] for m in members]))
        values[f"i{i}y"] = sum(values[f"i{i}{q}"] or 0 for q in QUARTERS)
        relations.append(Relation.total(f"i{i}y", [f"i{i}{q}" for q in QUARTERS]))
        mean = sum(values[m] or 0 for m in months) / MONTHS
        relations.append(Relation.equation([(m, 1 / MONTHS) for m in months], round(mean, 1),
                                           tolerance=0.05, statement=f"i{i} mean"))
        word = months[draw.randrange(MONTHS)]
        relations.append(Relation(((word, 1.0),), upper=(values[word] or 0) + 2,
                                  statement=f"{word} status"))
    return values, relations


def main() -> None:
    values, relations = build()
    small = [key for key, value in values.items() if value is not None and 0 < value < 6]
    draw = random.Random(5)
    others = sorted(set(values) - set(small))
    withheld = set(small) | set(draw.sample(others, max(0, 40 - len(small))))
    known = {key: float(value) for key, value in values.items()
             if value is not None and key not in withheld}
    unknowns = [Unknown(key) for key in values if key in withheld]
    print(f"{len(known)} published figures, {len(unknowns)} withheld, "
          f"{len(relations)} relations")
    timed("ranges() over a year of one authority's papers", lambda: ranges(
        known, unknowns, relations))
    found = ranges(known, unknowns, relations)
    narrowed = sum(found[key].narrows(6) for key in small)
    print(f"  ({narrowed} of {len(small)} small counts narrowed before secondary suppression)")
    timed("secure() on the same figures", lambda: secure(values, relations), repeat=1)


if __name__ == "__main__":
    main()
