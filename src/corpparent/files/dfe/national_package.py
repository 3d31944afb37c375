"""The DfE's and Ofsted's files shipped with corpparent, or a folder of newer ones.

``corpparent benchmark`` runs out of the box on the files in the package
(``corpparent/data/dfe``, Open Government Licence v3.0; see its ``ATTRIBUTION.md``),
and reads a newer download of the same files from a folder when given one. Every
output shows where its figures come from and when they were published: the
`SHIPPED_NOTES` for the shipped files, each file's date for a folder. The files
are only read here (`read_national_inputs`); benchmarking them is
`corpparent.dfe.national_inputs`'s.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from corpparent.dated_groups import DatedGroup
from corpparent.dfe.lait_table import LaitTable
from corpparent.dfe.national_inputs import (
    DATED_NOTE as DATED_NOTE,  # 0.2 exported it from here
    NationalInputs,
    benchmark_national,
    standings_of,
)
from corpparent.dfe.national_results import NationalResults
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

if TYPE_CHECKING:  # the comparators load with a scorecard's standings, not a benchmark
    from corpparent.comparators.national_standing import NationalStanding

__all__ = ["MODELS", "SHIPPED_NOTES", "national_results", "national_standings",
           "read_national_inputs", "shipped_folder"]

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


def read_national_inputs(folder: str | Path | None = None, *,
                         model: NeighbourModel = "2025",
                         table: LaitTable | None = None) -> NationalInputs:
    """Read what national benchmarking needs, from the shipped files or those in
    ``folder``: LAIT's dataset (or ``table``, the dataset already read) and dictionary,
    the 2025 neighbour model or the 2021 groupings, and Ofsted's outcomes, with notes
    saying where they come from."""
    base = shipped_folder() if folder is None else Path(folder)
    if model not in MODELS:
        raise DataError.single(str(base), f"no neighbour model {model!r}; there are "
                               + ", ".join(MODELS))
    missing = [n for n in (LAIT_FILE, LAIT_DICTIONARY_FILE, MODELS[model], OFSTED_FILE)
               if not (base / n).is_file()]
    if missing:
        raise DataError.single(str(base), "the folder lacks " + ", ".join(missing))
    return NationalInputs(
        table=read_lait_table(base / LAIT_FILE) if table is None else table,
        dictionary=read_lait_dictionary(base / LAIT_DICTIONARY_FILE),
        neighbours=read_neighbours(base / MODELS[model]),
        outcomes=read_ofsted(base / OFSTED_FILE),
        notes=SHIPPED_NOTES if folder is None else _folder_notes(base, model))


def national_results(folder: str | Path | None = None, *, model: NeighbourModel = "2025",
                     measures: list[str] | None = None,
                     table: LaitTable | None = None,
                     outstanding_as_at: date | None = None,
                     outstanding: DatedGroup | None = None) -> NationalResults:
    """Every authority benchmarked on every measure and year of LAIT (or ``measures``):
    the inputs read (`read_national_inputs`) and benchmarked
    (`benchmark_national`, which says how each
    period's Outstanding group is taken)."""
    return benchmark_national(read_national_inputs(folder, model=model, table=table),
                              measures=measures, outstanding_as_at=outstanding_as_at,
                              outstanding=outstanding)


def national_standings(authority: str, measures: Collection[str],
                       folder: str | Path | None = None, *,
                       outstanding: DatedGroup | None = None,
                       ) -> dict[str, tuple[NationalStanding, ...]]:
    """The authority's (by name or code) national rank and band on each of ``measures``
    in every period published, and its position among the Outstanding authorities as at
    each period's end (or in ``outstanding``), from the shipped files or those in
    ``folder`` (`standings_of`); a measure LAIT
    does not have is absent."""
    wanted = sorted(set(measures))
    results = national_results(folder, measures=wanted, outstanding=outstanding)
    return standings_of(results, authority, wanted)
