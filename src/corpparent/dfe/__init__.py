"""The Department for Education's published statistics as readings and benchmarks.

Readers for Explore Education Statistics tidy CSV files (through declared mappings),
the Local Authority Interactive Tool's dictionary and dataset, the 2025
statistical-neighbour model and Ofsted's inspection outcomes; and benchmark figures
for any authority against England, its region, its neighbours and the authorities
judged Outstanding. Every indicator read is one the built-in ``national`` plug-in
defines; the mappings say only where its figures are.
"""

from corpparent.dfe.areas import ENGLAND, Area, Areas, Level, UnknownAreaError, known_areas
from corpparent.dfe.benchmark import Benchmarking, NationalBenchmark, national_benchmark
from corpparent.dfe.ees import EesRow, EesTable, ees_period, read_ees
from corpparent.dfe.figures import Figure, parse_figure
from corpparent.dfe.lait import (
    LaitData,
    LaitDictionary,
    LaitMeasure,
    lait_period,
    read_lait,
    read_lait_dictionary,
)
from corpparent.dfe.mapping import (
    NATIONAL_PLUGIN,
    FileMapping,
    IndicatorMapping,
    apply_mapping,
    load_mapping,
    national_definitions,
    national_indicators,
    read_folder,
    read_mapped,
    shipped_mappings,
)
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.dfe.neighbours import (
    Closeness,
    Neighbour,
    StatisticalNeighbours,
    read_neighbours,
)
from corpparent.dfe.ofsted import Inspection, InspectionOutcomes, Judgement, read_ofsted

__all__ = [
    "ENGLAND",
    "NATIONAL_PLUGIN",
    "Area",
    "AreaValues",
    "Areas",
    "Benchmarking",
    "Closeness",
    "EesRow",
    "EesTable",
    "Figure",
    "FileMapping",
    "IndicatorMapping",
    "Inspection",
    "InspectionOutcomes",
    "Judgement",
    "LaitData",
    "LaitDictionary",
    "LaitMeasure",
    "Level",
    "NationalBenchmark",
    "NationalData",
    "Neighbour",
    "StatisticalNeighbours",
    "UnknownAreaError",
    "apply_mapping",
    "ees_period",
    "known_areas",
    "lait_period",
    "load_mapping",
    "national_benchmark",
    "national_definitions",
    "national_indicators",
    "parse_figure",
    "read_ees",
    "read_folder",
    "read_lait",
    "read_lait_dictionary",
    "read_mapped",
    "read_neighbours",
    "read_ofsted",
    "shipped_mappings",
]
