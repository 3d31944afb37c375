"""The DfE's and Ofsted's files shipped with corpparent, or a folder of newer ones.

``corpparent benchmark`` runs out of the box on the files in the package
(``corpparent/data/dfe``, Open Government Licence v3.0; see its ``ATTRIBUTION.md``),
and reads a newer download of the same files from a folder when given one. Every
output shows where its figures come from and when they were published: the
:data:`SHIPPED_NOTES` for the shipped files, each file's date for a folder.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Final, Literal

from corpparent.comparators.national_standing import NationalStanding
from corpparent.dated_groups import DatedGroup
from corpparent.dates import day_text
from corpparent.dfe.areas import known_areas
from corpparent.dfe.lait_table import LaitTable
from corpparent.dfe.national_results import NationalResults
from corpparent.dfe.national_table import benchmark_all
from corpparent.dfe.ofsted import InspectionOutcomes
from corpparent.errors import DataError
from corpparent.files.dfe.lait import read_lait_dictionary
from corpparent.files.dfe.lait_columns import read_lait_table
from corpparent.files.dfe.national import (
    LAIT_DICTIONARY_FILE,
    LAIT_FILE,
    NEIGHBOURS_FILE,
    OFSTED_FILE,
)
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted
from corpparent.periods import parse_period

__all__ = ["DATED_NOTE", "MODELS", "SHIPPED_NOTES", "national_results", "national_standings",
           "shipped_folder"]

NeighbourModel = Literal["2025", "2021"]
#: The statistical-neighbour models, by the year of their publication.
MODELS: Final[dict[str, str]] = {
    "2025": NEIGHBOURS_FILE,
    "2021": "New_Statistical_Neighbour_Groupings_April_2021.csv",
}
#: Where the shipped files come from and when they were published (ATTRIBUTION.md).
SHIPPED_NOTES: Final = (
    "Contains public sector information licensed under the Open Government Licence v3.0.",
    "LAIT benchmarking dataset and dictionary: Department for Education, Local Authority "
    "Interactive Tool (published 8 April 2026; measures updated up to 1 April 2026).",
    "Statistical neighbours: Department for Education children's services model "
    "(2025 model published May 2025; 2021 groupings April 2021).",
    "Outstanding authorities: Ofsted, local authority inspection outcomes as at "
    "31 March 2025 (published 25 September 2025).",
)


#: How each period's Outstanding group is taken, said in every output that uses it.
DATED_NOTE: Final = (
    "Each period is compared with the authorities judged Outstanding as at its end: "
    "those whose latest inspection, published by then, was so judged. Ofsted's release "
    "gives each authority's latest inspection only, so an authority whose latest "
    "inspection was published after a period ended cannot be placed in or out of that "
    "period's group: it is not counted (\"judged later\"). The release as at 31 March "
    "lists inspections made by that date, some of them published in the weeks after.")


def shipped_folder() -> Path:
    """The folder of the shipped files."""
    return Path(str(resources.files("corpparent") / "data" / "dfe"))


def _folder_notes(folder: Path, model: str) -> tuple[str, ...]:
    def dated(name: str) -> str:
        path = folder / name
        when = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()
        return f"{name} (file dated {when.isoformat()})"

    return (f"Read from {folder}: " + ", ".join(
        dated(n) for n in (LAIT_FILE, LAIT_DICTIONARY_FILE, MODELS[model], OFSTED_FILE)) + ".",)


def national_results(folder: str | Path | None = None, *, model: NeighbourModel = "2025",
                     measures: list[str] | None = None,
                     table: LaitTable | None = None,
                     outstanding_as_at: date | None = None,
                     outstanding: DatedGroup | None = None) -> NationalResults:
    """Every authority benchmarked on every measure and year of LAIT (or ``measures``),
    from the shipped files or those in ``folder``, with the 2025 neighbour model or the
    2021 groupings. ``table`` is the dataset already read, to benchmark it again.

    Each period is compared with the authorities judged Outstanding as at its end
    (:meth:`~corpparent.dfe.ofsted.InspectionOutcomes.as_at`), with Ofsted's group as at
    ``outstanding_as_at`` for every period, or with ``outstanding``, a group of
    authorities by name or code as a panel declared it (a plug-in's ``[[groups]]``)."""
    base = shipped_folder() if folder is None else Path(folder)
    if model not in MODELS:
        raise DataError.single(str(base), f"no neighbour model {model!r}; there are "
                               + ", ".join(MODELS))
    missing = [n for n in (LAIT_FILE, LAIT_DICTIONARY_FILE, MODELS[model], OFSTED_FILE)
               if not (base / n).is_file()]
    if missing:
        raise DataError.single(str(base), "the folder lacks " + ", ".join(missing))
    notes = SHIPPED_NOTES if folder is None else _folder_notes(base, model)
    outcomes = read_ofsted(base / OFSTED_FILE)
    group: InspectionOutcomes | DatedGroup = outcomes
    if outstanding is not None:
        group = _by_code(outstanding)
        notes = (*notes, f"Every period is compared with the {group.label}, as declared.")
    elif outstanding_as_at is not None:
        group = outcomes.as_at(outstanding_as_at)
        notes = (*notes, f"Every period is compared with the {group.label}"
                 + _placed(group, outstanding_as_at, len(outcomes)) + ".")
    else:
        latest = outcomes.latest
        notes = (*notes, DATED_NOTE + ("" if latest is None else
                 f" A period ending after {day_text(latest)}, the release's last report, "
                 "is compared with the group as at that day."))
    return benchmark_all(
        read_lait_table(base / LAIT_FILE) if table is None else table,
        read_lait_dictionary(base / LAIT_DICTIONARY_FILE),
        read_neighbours(base / MODELS[model]), group,
        measures=measures, notes=notes)


def national_standings(authority: str, measures: Collection[str],
                       folder: str | Path | None = None, *,
                       outstanding: DatedGroup | None = None,
                       ) -> dict[str, tuple[NationalStanding, ...]]:
    """The authority's (by name or code) national rank and band on each of ``measures``
    in every period published, and its position among the Outstanding authorities as at
    each period's end (or in ``outstanding``, a group of authorities by name or code as
    at a date), from the shipped files or those in ``folder``; a measure LAIT does not
    have is absent."""
    import pyarrow as pa
    import pyarrow.compute as pc

    wanted = sorted(set(measures))
    results = national_results(folder, measures=wanted, outstanding=outstanding)
    table = results.authority(authority)
    rows = table.filter(pc.is_in(table["measure"], pa.array(wanted))).select(
        ["measure", "period", "value", "rank", "ranked", "band", "outstanding_better_than",
         "outstanding_with_value", "outstanding_as_at", "outstanding_unknown"]).to_pylist()
    found: dict[str, list[NationalStanding]] = {}
    for row in rows:
        found.setdefault(row["measure"], []).append(NationalStanding(
            measure=row["measure"], period=parse_period(row["period"]), value=row["value"],
            rank=row["rank"], ranked=row["ranked"] or 0, band=row["band"],
            group=results.outstanding[row["period"]].label,
            better_than=row["outstanding_better_than"],
            among=row["outstanding_with_value"] or 0,
            unknown=row["outstanding_unknown"] or 0))
    return {measure: tuple(items) for measure, items in found.items()}


def _placed(group: DatedGroup, asked: date, inspected: int) -> str:
    """What a note adds about a group taken as at a day the release cannot fully speak
    for: a later day than its last report, or one before most reports."""
    said = ""
    if group.as_at is not None and group.as_at < asked:
        said += (f" (asked for {day_text(asked)}; the release reports nothing later than "
                 f"{day_text(group.as_at)})")
    if group.unknown:
        said += (f"; {len(group.unknown)} of the {inspected} authorities inspected cannot be "
                 "placed in or out of it, their latest inspection published later")
    return said


def _by_code(group: DatedGroup) -> DatedGroup:
    """``group`` with its authorities, given by name or code, as old LA codes."""
    areas = known_areas()
    missing = [a for a in (*group.members, *group.unknown) if a not in areas]
    if missing:
        raise DataError.single(group.label, "expected English local authorities' names or "
                               "codes, found " + ", ".join(repr(m) for m in missing))
    return DatedGroup(group.name, [areas[a].code for a in group.members], group.as_at,
                      [areas[a].code for a in group.unknown], source=group.source)
