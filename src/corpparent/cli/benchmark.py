"""``corpparent benchmark``: one authority against every other, on every LAIT measure.

Several authorities at once (``--la`` repeated, ``--region NAME``, ``--neighbours-of LA``)
give each measure and period a row per authority, in one table.

Runs on the DfE's and Ofsted's files shipped with corpparent, or on a newer download
in ``--data DIR``. Its CSV is one header row and the rows, nothing else: written to a
file, the provenance goes beside it (``NAME-provenance.csv``); written to standard
output, the sources go to standard error. NumPy and pyarrow are imported only when the
command runs, so ``corpparent --help`` stays quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corpparent.cli.common import DateType, OutputPath, emit, options_used
from corpparent.report.benchmark import BenchmarkPage, benchmark_report, provenance_items
from corpparent.report.benchmark_chart import FULL_CHARTS_PRINTED
from corpparent.report.benchmark_chart_parts import Average
from corpparent.report.formats import backend, format_names
from corpparent.report.model import Profile
from corpparent.report.output import finish
from corpparent.report.profiles import PROFILES

if TYPE_CHECKING:
    from corpparent.benchmarking.funnel import FunnelMeasure
    from corpparent.runs.benchmark import BenchmarkRun

__all__ = ["benchmark"]


@click.command(short_help="Rank and band an authority against England, its region, its "
               "neighbours and Outstanding authorities.")
@click.option("--la", "-a", "authorities", multiple=True, metavar="NAME|CODE",
              help="Any English local authority, by name, current or former, in any case "
                   "('Wiltshire', 'Leeds City Council', 'Hull', 'Bournemouth'), old LA "
                   "code ('865') or ONS code ('E06000054'). Not a plug-in: every authority "
                   "in the DfE's data can be benchmarked. Repeat for several. Required "
                   "unless listing or given --region or --neighbours-of.")
@click.option("--region", metavar="NAME",
              help="Every current authority of a region ('South West', 'London'), in one "
                   "table.")
@click.option("--neighbours-of", "neighbours_of", metavar="NAME|CODE",
              help="An authority and its ten statistical neighbours (in the --neighbours "
                   "model), in one table.")
@click.option("--measure", "-m", "measures", multiple=True, metavar="CODE",
              help="A LAIT measure code, in any case ('LAC_LongStable%'); repeat for "
                   "several. Default: every measure.")
@click.option("--list-authorities", is_flag=True,
              help="List every authority --la finds, with its codes, region, other names "
                   "and what replaced it, and stop.")
@click.option("--search-measures", "search", metavar="WORDS",
              help="List the measures whose code, name or theme holds every one of WORDS, "
                   "in any case ('placement stability', 'children looked after'), and stop.")
@click.option("--period", "-p", "periods", multiple=True, metavar="PERIOD",
              help="A period as LAIT labels it ('2024', '2023/24') or as written "
                   "('2023-24', 'AY 2023/24'); repeat for several. Default: each "
                   "measure's latest.")
@click.option("--all-periods", is_flag=True, help="Every period of every measure.")
@click.option("--neighbours", "model", type=click.Choice(["2025", "2021"]), default="2025",
              show_default=True, help="The statistical-neighbour model: the 2025 model or "
                                      "the April 2021 groupings.")
@click.option("--neighbours-average", "average", type=click.Choice(["mean", "median"]),
              default="mean", show_default=True,
              help="The neighbours' figure the charts over time draw: their mean (as "
                   "LAIT) or their median. The tables show both.")
@click.option("--outstanding-as-at", "as_at", type=DateType(), metavar="YYYY-MM-DD",
              help="Compare every period with the authorities judged Outstanding as at "
                   "this date. Default: each period with those as at its own end.")
@click.option("--data", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="A folder with a newer download of the files (lait_bds_long.parquet, "
                   "lait_data_dictionary.csv, the neighbour model, the Ofsted outcomes). "
                   "Default: the files shipped with corpparent.")
@click.option("--ees", "ees", type=click.Path(file_okay=False, exists=True, path_type=Path),
              metavar="FOLDER",
              help="A folder with the DfE's EES files that give counts and denominators "
                   "(la_cla_placement_stability.csv, la_care_leavers_*.csv, "
                   "cla_number_and_rate_per_10k_children.csv): each measure they give "
                   "gets a funnel plot, and the table a column saying whether the "
                   "authority is above, below or within its 99.8% limits.")
@click.option("--format", "-f", "output_format", type=click.Choice(format_names()),
              default="terminal", show_default=True, help="Output format.")
@click.option("--output", "-o", type=OutputPath(),
              help="Write to this file instead of standard output.")
@click.option("--profile", type=click.Choice(PROFILES),
              help="Who the report is for. Default: public for html, markdown and docx "
              "(papers), internal for the others.")
def benchmark(authorities: tuple[str, ...], region: str | None,
              neighbours_of: str | None, measures: tuple[str, ...], list_authorities: bool,
              search: str | None, periods: tuple[str, ...], all_periods: bool, model: str,
              average: Average, as_at: date | None, folder: Path | None, ees: Path | None,
              output_format: str, output: Path | None, profile: Profile | None) -> None:
    """Benchmark an authority against England, its region, its statistical neighbours
    and the authorities Ofsted judged Outstanding, with its national rank and quartile
    band, on every measure of the DfE's Local Authority Interactive Tool.

    \b
    Examples:
      corpparent benchmark -a Wiltshire
      corpparent benchmark -a 865 -m LAC_LongStable% -m LACStable_2016on --all-periods
      corpparent benchmark -a Staffordshire -f html -o staffordshire.html
      corpparent benchmark -a Wiltshire --outstanding-as-at 2025-03-31
      corpparent benchmark -a Wiltshire --ees ../shared/data/dfe -f html -o w.html
      corpparent benchmark -a Wiltshire -a Dorset -m LAC_LongStable%
      corpparent benchmark --region "South West" -m LAC_LongStable%
      corpparent benchmark --neighbours-of Wiltshire -f csv -o neighbours.csv
      corpparent benchmark --list-authorities
      corpparent benchmark --search-measures "placement stability"
    """
    from corpparent.cli import benchmark_lists

    if list_authorities:
        benchmark_lists.list_authorities(output_format, output)
        return
    if search is not None:
        benchmark_lists.list_measures(search, folder, output_format, output)
        return
    if not authorities and region is None and neighbours_of is None:
        raise click.UsageError("give --la NAME|CODE, --region NAME or --neighbours-of "
                               "NAME|CODE, or --list-authorities to see them")
    from corpparent.files.dfe.national_package import read_national_inputs
    from corpparent.report.provenance import make_provenance
    from corpparent.runs.benchmark import benchmark_authorities

    if backend(output_format).binary and output is None:
        raise click.UsageError(
            f"--format {output_format} writes a binary file: give --output FILE")
    inputs = read_national_inputs(folder, model="2021" if model == "2021" else "2025")
    # A format that leaves folded charts out needs no figures for them (see Backend).
    folded_charts = backend(output_format).folded_charts
    funnels: Sequence[FunnelMeasure] = ()
    if ees is not None:
        from corpparent.files.dfe.funnels import read_funnel_measures

        funnels = read_funnel_measures(ees)
    run = benchmark_authorities(inputs, authorities, region=region,
                                neighbours_of=neighbours_of, measures=measures,
                                periods=periods, every=all_periods, outstanding_as_at=as_at,
                                funnels=funnels, charts_up_to=None if folded_charts
                                else FULL_CHARTS_PRINTED)
    page = BenchmarkPage(*_shown_as(run), run.model, run.notes, run.rows,
                         names=run.names, polarities=run.polarities, decimals=run.decimals,
                         funnels=run.funnels, series=run.series,
                         neighbours_average=average,
                         folded_figures=folded_charts)
    provenance = make_provenance(options=options_used(
        authority=", ".join(authorities) or None, region=region,
        neighbours_of=neighbours_of, measures=", ".join(measures) or None,
        periods=", ".join(periods) or None, all_periods=all_periods or None,
        neighbours=model, neighbours_average=average, outstanding_as_at=as_at, data=folder, ees=ees,
        format=output_format, profile=profile))
    report = finish(benchmark_report(page, provenance), output_format, profile=profile)
    emit(report, output_format, output)
    if output is None and output_format == "csv":
        # Standard output carries the table alone, so a pipe or a redirect gets a CSV
        # any reader takes as it is; the sources go to standard error, which a terminal
        # shows and a pipe does not take. With --output they are written beside it.
        click.echo("\n".join(f"{item}: {text}" for item, text in provenance_items(report)
                             if item == "source"), err=True)


def _shown_as(run: BenchmarkRun) -> tuple[str, str]:
    """The name and code a benchmark is headed by: the authority's alone; a group's
    name with the code of its region or of the authority whose neighbours it is; or
    the authorities' names and codes, each list joined."""
    if len(run.areas) <= 1:
        return run.area.name, run.area.code
    if run.group is not None:
        return run.group
    return (", ".join(a.name for a in run.areas), ", ".join(a.code for a in run.areas))
