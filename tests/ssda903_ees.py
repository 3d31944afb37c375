"""Invented "published" EES files for reconciliation tests, with the real files' columns
and filter values (as in ../shared/data/dfe), written by hand here rather than from
corpparent's mappings, so the reader is tested against the files' own shape."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

GEOGRAPHY = ("time_period", "time_identifier", "geographic_level", "country_code",
             "country_name", "region_code", "region_name", "old_la_code", "la_name",
             "new_la_code")
#: The authority the invented files publish, and one other.
BARNET = ("E13000002", "Outer London", "302", "Barnet", "E09000003")
CAMDEN = ("E13000001", "Inner London", "202", "Camden", "E09000007")

_STABILITY = ("la_cla_placement_stability.csv", ("cla_group", "placement_stability",
                                                 "children_count", "children_percent"))
_NUMBERS = ("cla_number_and_rate_per_10k_children.csv",
            ("population_type", "population_estimate", "children_count", "rate_per_10000"))
_ACCOMMODATION = ("la_care_leavers_accommodation_suitability.csv",
                  ("care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"))
_ACTIVITY = ("la_care_leavers_activity.csv",
             ("care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"))

_LONG_TERM = ("Children looked after continuously for at least 2.5 years on 31 March aged "
              "under 16 years")
#: For each measure: its file, and the filter cells of its numerator and denominator
#: rows (a count has no denominator row).
ROWS: Mapping[str, tuple[tuple[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...] | None]] = {
    "cla_31_march": (_NUMBERS, ("Children looked after on 31 March each year",), None),
    "starts": (_NUMBERS, ("Children starting to be looked after each year",), None),
    "ceased": (_NUMBERS, ("Children ceasing to be looked after each year",), None),
    "placements_3plus": (_STABILITY, ("CLA on 31 March",
                                      "With 3 or more placements during the year"),
                         ("CLA on 31 March", "Total children")),
    "long_term_stability": (_STABILITY, (_LONG_TERM, "Living with the same carer for at "
                                         "least 2 years"), (_LONG_TERM, "Total children")),
    "care_leavers_suitable_accommodation": (
        _ACCOMMODATION, ("19 to 21 years", "Accommodation considered suitable"),
        ("19 to 21 years", "Suitability total")),
    "care_leavers_eet": (_ACTIVITY, ("19 to 21 years", "Total in education, employment or "
                                     "training"), ("19 to 21 years", "Total")),
    "care_leavers_17_18_suitable_accommodation": (
        _ACCOMMODATION, ("17 to 18 years", "Accommodation considered suitable"),
        ("17 to 18 years", "Suitability total")),
    "care_leavers_17_18_eet": (_ACTIVITY, ("17 to 18 years", "Total in education, "
                                           "employment or training"),
                               ("17 to 18 years", "Total")),
}

#: A measure's published cells: numerator, denominator (None for a count) and value.
Cells = tuple[str, str | None, str]


def write_published(folder: Path, figures: Mapping[str, Cells], *,
                    time_period: str = "2024", authority: tuple[str, ...] = BARNET,
                    others: bool = True) -> Path:
    """Write the EES files of the measures in ``figures`` for ``authority`` in
    ``time_period`` (``2024`` is the year ending 31 March 2024, 2023-24), with an
    England row and another authority's rows beside them when ``others``."""
    folder.mkdir(parents=True, exist_ok=True)
    rows: dict[tuple[str, tuple[str, ...]], list[list[str]]] = {}
    for measure, (numerator, denominator, value) in figures.items():
        (file, columns), top, total = ROWS[measure]
        written = rows.setdefault((file, columns), [])
        places = [("Local authority", "E92000001", "England", *authority)]
        if others:
            places += [("National", "E92000001", "England", "", "", "", "", ""),
                       ("Local authority", "E92000001", "England", *CAMDEN)]
        for level, *where in places:
            geography = [time_period, "Reporting year", level, *where]
            if file == _NUMBERS[0]:
                written.append([*geography, *top, "92958", value, "35"])
                continue
            written.append([*geography, *top, numerator, value])
            if total is not None:
                written.append([*geography, *total, denominator or "", "100"])
    for (file, columns), lines in rows.items():
        with (folder / file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([*GEOGRAPHY, *columns])
            writer.writerows(lines)
    return folder
