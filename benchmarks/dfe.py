"""Measure how fast corpparent reads the DfE's published files and benchmarks authorities.

Not a test: it prints timings for the machine it runs on. Run with
``.venv/bin/python benchmarks/dfe.py [FOLDER]`` (FOLDER defaults to ../shared/data/dfe).
"""

from __future__ import annotations

import sys
from pathlib import Path

from scorecard import timed  # the timing helper of benchmarks/scorecard.py, beside this script

from corpparent.files.dfe.lait import read_lait, read_lait_dictionary
from corpparent.files.dfe.mapping import (
    national_definitions,
    read_folder,
    read_mapped,
    shipped_mappings,
)
from corpparent.files.dfe.national import read_benchmarking

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"


def _fresh_definitions() -> object:
    national_definitions.cache_clear()
    return national_definitions()


def _fresh_mappings() -> object:
    national_definitions.cache_clear()  # read the national plug-in's definitions again
    return shipped_mappings()


def main(folder: Path) -> None:
    timed("read the national plug-in's indicator definitions", _fresh_definitions)
    timed("read the shipped mappings, resolved against the plug-in", _fresh_mappings)
    for mapping in shipped_mappings():
        path = folder / mapping.file
        rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
        timed(f"read and map {mapping.file} ({rows:,} rows)",
              lambda path=path, mapping=mapping: read_mapped(path, mapping))
    timed("read every mapped EES file", lambda: read_folder(folder))
    benchmarking = read_benchmarking(folder)
    timed("read EES files, neighbour model and Ofsted outcomes",
          lambda: read_benchmarking(folder))
    authorities = [a.code for a in benchmarking.neighbours]
    timed(f"benchmark all {len(authorities)} authorities, every indicator and year",
          lambda: [benchmarking.for_authority(code) for code in authorities])
    timed("read the LAIT dictionary", lambda: read_lait_dictionary(
        folder / "lait_data_dictionary.csv"))
    timed("read 3 LAIT measures", lambda: read_lait(
        folder / "lait_bds_long.parquet", ["LACStable_2016on", "LAC_LongStable%", "LAC"]))
    timed("read the whole LAIT dataset (641,070 values)",
          lambda: read_lait(folder / "lait_bds_long.parquet"), repeat=1)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
