"""Protect a table of placements by type and location before it goes in a public paper.

The table has both margins and a grand total, so a small count could be worked out
along its row or its column; `protect` withholds enough other figures that it cannot,
and logs each one with the reason for the private copy.

Run: python examples/disclosure.py
"""

from __future__ import annotations

from corpparent.disclosure import Total, protect

TYPES = ("foster", "residential", "other")
PLACES = ("in_county", "out_of_county")
COUNTS = {
    ("foster", "in_county"): 212, ("foster", "out_of_county"): 31,
    ("residential", "in_county"): 9, ("residential", "out_of_county"): 4,
    ("other", "in_county"): 27, ("other", "out_of_county"): 12,
}


def main() -> None:
    values: dict[tuple[str, str], float | None] = dict(COUNTS)
    totals = []
    for kind in TYPES:
        parts = tuple((kind, place) for place in PLACES)
        values[(kind, "all")] = sum(COUNTS[part] for part in parts)
        totals.append(Total((kind, "all"), parts))
    for place in PLACES:
        parts = tuple((kind, place) for kind in TYPES)
        values[("all", place)] = sum(COUNTS[part] for part in parts)
        totals.append(Total(("all", place), parts))
    values[("all", "all")] = sum(COUNTS.values())
    totals.append(Total(("all", "all"), tuple(("all", place) for place in PLACES)))

    result = protect(values, totals=totals)
    published = result.published()
    print(f"{'':12}" + "".join(f"{place:>15}" for place in (*PLACES, "all")))
    for kind in (*TYPES, "all"):
        cells = [published[(kind, place)] for place in (*PLACES, "all")]
        print(f"{kind:12}" + "".join(f"{'c' if v is None else int(v):>15}" for v in cells))
    print()
    print("Withheld (private copy only):")
    for line in result.log():
        print(f"- {line}")


if __name__ == "__main__":
    main()
