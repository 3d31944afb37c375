"""The Department for Education's published statistics as readings and benchmarks.

The data model of the national files (areas, published figures, EES tables, the Local
Authority Interactive Tool's dictionary and dataset, the statistical-neighbour model,
Ofsted's inspection outcomes) and benchmark figures for any authority against England,
its region, its neighbours and the authorities judged Outstanding. The files are read
by :mod:`corpparent.files` (``read_benchmarking``, ``read_ees``, ``read_lait``, ...).
Every indicator read is one the built-in ``national`` plug-in defines; the mappings say
only where its figures are.
"""

from corpparent.dfe.areas import ENGLAND, Area, Areas, Level, UnknownAreaError, known_areas
from corpparent.dfe.benchmark import Benchmarking, NationalBenchmark, national_benchmark
from corpparent.dfe.ees import EesRow, EesTable, ees_period
from corpparent.dfe.figures import Figure, parse_figure
from corpparent.dfe.lait import (
    LaitData,
    LaitDictionary,
    LaitMeasure,
    lait_period,
)
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.dfe.neighbours import (
    Closeness,
    Neighbour,
    StatisticalNeighbours,
)
from corpparent.dfe.ofsted import Inspection, InspectionOutcomes, Judgement

__all__ = [
    "ENGLAND",
    "Area",
    "AreaValues",
    "Areas",
    "Benchmarking",
    "Closeness",
    "EesRow",
    "EesTable",
    "Figure",
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
    "ees_period",
    "known_areas",
    "lait_period",
    "national_benchmark",
    "parse_figure",
]
