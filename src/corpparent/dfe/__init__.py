"""The Department for Education's published statistics as readings and benchmarks.

The data model of the national files (areas, published figures, EES tables, the Local
Authority Interactive Tool's dictionary and dataset, the statistical-neighbour model,
Ofsted's inspection outcomes) and benchmark figures for any authority against England,
its region, its neighbours and the authorities judged Outstanding. The files are read
by [`corpparent.files`][corpparent.files] (``read_benchmarking``, ``read_ees``, ``read_lait``, ...).
Every indicator read is one the built-in ``national`` plug-in defines; the mappings say
only where its figures are.

Benchmarking every authority on every LAIT measure at once
([`benchmark_all`][corpparent.dfe.benchmark_all], on NumPy arrays, giving
[`NationalResults`][corpparent.dfe.NationalResults]), like every name here, is imported on
first use, so importing this package loads neither NumPy nor pyarrow, and a program that
needs only the areas does not load the comparators of the scalar benchmark.
"""

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.dfe.areas import (
        ENGLAND as ENGLAND,
        Area as Area,
        Areas as Areas,
        Level as Level,
        UnknownAreaError as UnknownAreaError,
        known_areas as known_areas,
    )
    from corpparent.dfe.benchmark import Benchmarking as Benchmarking
    from corpparent.dfe.benchmark_figures import (
        NationalBenchmark as NationalBenchmark,
        national_benchmark as national_benchmark,
    )
    from corpparent.dfe.ees import EesRow as EesRow, EesTable as EesTable, ees_period as ees_period
    from corpparent.dfe.figures import Figure as Figure, parse_figure as parse_figure
    from corpparent.dfe.lait import (
        LaitData as LaitData,
        LaitDictionary as LaitDictionary,
        LaitMeasure as LaitMeasure,
        lait_period as lait_period,
    )
    from corpparent.dfe.lait_table import LaitTable as LaitTable
    from corpparent.dfe.national import AreaValues as AreaValues, NationalData as NationalData
    from corpparent.dfe.national_results import NationalResults as NationalResults
    from corpparent.dfe.national_table import benchmark_all as benchmark_all
    from corpparent.dfe.neighbours import (
        Closeness as Closeness,
        Neighbour as Neighbour,
        StatisticalNeighbours as StatisticalNeighbours,
    )
    from corpparent.dfe.ofsted import (
        Inspection as Inspection,
        InspectionOutcomes as InspectionOutcomes,
        Judgement as Judgement,
    )

__getattr__, __dir__ = front_door(__name__, globals())

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
    "LaitTable",
    "Level",
    "NationalBenchmark",
    "NationalData",
    "NationalResults",
    "Neighbour",
    "StatisticalNeighbours",
    "UnknownAreaError",
    "benchmark_all",
    "ees_period",
    "known_areas",
    "lait_period",
    "national_benchmark",
    "parse_figure",
]
