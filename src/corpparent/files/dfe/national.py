"""Reading a folder of the DfE's published files into national benchmarking data.

The folder holds the files as published (see the data folder's README): the EES files
the shipped mappings read, or the LAIT dataset with its dictionary; the statistical
neighbour model; and Ofsted's inspection outcomes, whose Outstanding authorities are a
comparator group, taken as at the end of each period benchmarked, as ``corpparent
benchmark`` takes it. Wherever LAIT's dictionary is in the folder, an indicator whose LAIT
measure it marks ``No_Quartile = N`` is ranked but not banded, by either route.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from corpparent.files.dfe.lait import read_lait, read_lait_dictionary
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted

if TYPE_CHECKING:  # the mappings and the scalar benchmark load when a folder is read
    from corpparent.dfe.benchmark import Benchmarking
    from corpparent.dfe.lait import LaitDictionary
    from corpparent.files.dfe.mapping import FileMapping, IndicatorMapping

__all__ = [
    "LAIT_DICTIONARY_FILE",
    "LAIT_FILE",
    "NEIGHBOURS_FILE",
    "OFSTED_FILE",
    "read_benchmarking",
    "read_lait_benchmarking",
]

NEIGHBOURS_FILE: Final = "sn_model_2025_wide.csv"
OFSTED_FILE: Final = "ofsted_ilacs_outcomes_2025-03-31.csv"
LAIT_FILE: Final = "lait_bds_long.parquet"
LAIT_DICTIONARY_FILE: Final = "lait_data_dictionary.csv"


def read_benchmarking(folder: str | Path, mappings: Iterable[FileMapping] | None = None,
                      *, neighbours: str = NEIGHBOURS_FILE) -> Benchmarking:
    """Read a folder of DfE files: every mapped EES file present, the 2025 neighbour
    model (``sn_model_2025_wide.csv``, or the file named by ``neighbours``, such as
    the April 2021 groupings) and Ofsted's outcomes
    (``ofsted_ilacs_outcomes_2025-03-31.csv``), from which each period is compared with
    the authorities judged Outstanding as at its end
    ([`Benchmarking.outstanding_at`][corpparent.dfe.benchmark.Benchmarking.outstanding_at])."""
    from corpparent.dfe.benchmark import Benchmarking
    from corpparent.files.dfe.mapping import read_folder, shipped_mappings

    chosen = shipped_mappings() if mappings is None else tuple(mappings)
    base = Path(folder)
    data = read_folder(base, chosen)
    present = set(data.indicators)
    dictionary = base / LAIT_DICTIONARY_FILE
    return Benchmarking(
        data=data,
        neighbours=read_neighbours(base / neighbours),
        outstanding=read_ofsted(base / OFSTED_FILE),
        indicators=(d for m in chosen for d in m.definitions() if d.id in present),
        unbanded=() if not dictionary.is_file() else _unbanded(
            (item for m in chosen for item in m.indicators if item.id in present),
            read_lait_dictionary(dictionary)),
    )


def read_lait_benchmarking(folder: str | Path,
                           mappings: Iterable[FileMapping] | None = None) -> Benchmarking:
    """The same from the LAIT dataset (``lait_bds_long.parquet`` and its dictionary)
    instead of the EES files: every mapped indicator that names a ``lait`` measure.
    Needs pyarrow (``pip install 'corpparent[dfe]'``)."""
    from corpparent.dfe.benchmark import Benchmarking
    from corpparent.files.dfe.mapping import shipped_mappings

    chosen = shipped_mappings() if mappings is None else tuple(mappings)
    base = Path(folder)
    items = [(item, mapping) for mapping in chosen for item in mapping.indicators
             if item.lait]
    measures = {item.lait: item.id for item, _ in items if item.lait}
    dictionary = read_lait_dictionary(base / LAIT_DICTIONARY_FILE)
    data = read_lait(base / LAIT_FILE, measures).national_data(measures, dictionary)
    return Benchmarking(
        data=data,
        neighbours=read_neighbours(base / NEIGHBOURS_FILE),
        outstanding=read_ofsted(base / OFSTED_FILE),
        indicators=(item.indicator for item, _ in items),
        unbanded=_unbanded((item for item, _ in items), dictionary),
    )


def _unbanded(items: Iterable[IndicatorMapping], dictionary: LaitDictionary) -> set[str]:
    """The indicators whose LAIT measure the dictionary marks ``No_Quartile = N``."""
    return {item.id for item in items if item.lait
            and (measure := dictionary.get(item.lait)) is not None and not measure.quartiles}
