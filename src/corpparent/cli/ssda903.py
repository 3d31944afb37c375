"""``corpparent ssda903``: the panel's figures from the council's own SSDA903 return.

``corpparent ssda903 measures FOLDER --year 2023-24`` reads the return's CSV tables or its
XML ([`corpparent.files.read_returns`][corpparent.files.read_returns]), runs
`corpparent.runs.ssda903.ssda903_measures` and writes the tidy table of measures
(``measure``, ``year``, ``as_at``, ``numerator``, ``denominator``, ``value``) as CSV,
JSON or a Markdown table; ``--as-at`` takes them at days of the year other than its 31
March (a month or quarter end), from a return extract taken mid-year. The figures are
counts of children and never name one; small counts are shown, so every output says it
is an internal working copy, not for publication (CSV and JSON in the ``profile`` and
``publication`` columns every export carries, the Markdown in its first line).

``corpparent ssda903 readings FOLDER --authority ID`` writes, for every indicator of the
plug-in that names its measure, the readings file ``corpparent scorecard`` reads
(`corpparent.runs.ssda903.ssda903_readings`), at each year's 31 March or at the month
ends asked for. Each command reads, runs, and renders through `corpparent.report.ssda903`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from corpparent.cli.common import OutputPath, warn
from corpparent.cli.outputs import write_output
from corpparent.report.ssda903 import MEASURE_FORMATS

__all__ = ["ssda903"]


@click.group(short_help="Compute the DfE's children looked after measures from the "
             "council's SSDA903 return.")
def ssda903() -> None:
    """The DfE's children looked after measures, computed from the council's own SSDA903
    return, months before the DfE publishes them.

    \b
    Examples:
      corpparent ssda903 measures returns/ --year 2023-24
      corpparent ssda903 measures returns/2023-24 --year 2023-24 -f csv -o measures.csv
      corpparent ssda903 measures returns/ --year 2024-25 --as-at 2024-12-31
      corpparent ssda903 readings returns/ --authority wiltshire -o readings-903.csv
    """


@ssda903.command(short_help="A year's measures from the return's CSV tables or XML.")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--year", "-y", required=True, metavar="YYYY-YY",
              help="The collection year to compute, as the DfE writes it ('2023-24'). A "
                   "FOLDER not named as a year, and holding no such folders, is read as "
                   "this year's tables.")
@click.option("--as-at", "as_at", multiple=True, metavar="YYYY-MM-DD",
              type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Take the measures at this day of the year rather than its 31 March "
                   "('2023-12-31': looked after that day, the twelve months to it), from "
                   "a return extract taken on or after it; repeat for several days.")
@click.option("--measure", "-m", "measure_ids", multiple=True, metavar="ID",
              help="A measure ('placements_3plus'); repeat for several. Default: every "
                   "measure.")
@click.option("--format", "-f", "output_format", type=click.Choice(MEASURE_FORMATS),
              default="markdown", show_default=True, help="Output format.")
@click.option("--output", "-o", type=OutputPath(),
              help="Write to this file instead of standard output.")
def measures(folder: Path, year: str, as_at: tuple[dt.datetime, ...],
             measure_ids: tuple[str, ...], output_format: str, output: Path | None) -> None:
    """Compute a collection year's measures from the SSDA903 return in FOLDER: a folder
    named as a collection year (2023-24/) holding the CSV tables (Header.csv,
    Episodes.csv, OC2.csv, Missing.csv, ...) or the year's XML file, a folder holding
    such folders, or the XML file itself.

    \b
    Examples:
      corpparent ssda903 measures returns/ --year 2023-24
      corpparent ssda903 measures returns/ -y 2023-24 -m placements_3plus -f json
      corpparent ssda903 measures returns/ -y 2024-25 --as-at 2024-06-30 --as-at 2024-09-30
    """
    from corpparent.files.ssda903.reader import read_returns
    from corpparent.report.ssda903 import measures_document, render_measures
    from corpparent.runs.ssda903 import ssda903_measures

    returns = read_returns(folder, year=year)
    run = ssda903_measures(returns, year, measure_ids, [day.date() for day in as_at])
    warn(run.warnings, "ssda903 measures")
    write_output(render_measures(measures_document(run.values), output_format), output,
                 what=f"the {output_format} measures")


@ssda903.command(short_help="A readings file for the scorecard, computed from the return.")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
              help="An installed plug-in's id, or a plug-in file: the indicators whose "
                   "figures are computed, those that name their measure (ssda903 = ...).")
@click.option("--indicators", "-i", "indicator_ref", metavar="FILE.py[:NAME]",
              help="An indicator set from Python instead.")
@click.option("--year", "-y", "years", multiple=True, metavar="YYYY-YY",
              help="A collection year to compute, at its 31 March ('2023-24'); repeat for "
                   "several. Default: every year read, unless --as-at is given.")
@click.option("--as-at", "as_at", multiple=True, metavar="YYYY-MM-DD",
              type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Take the figures at this month end instead, in the collection year "
                   "holding it, from a return extract taken on or after it: a quarter's "
                   "or a month's reading (a count's, the twelve months to it); repeat "
                   "for several days.")
@click.option("--output", "-o", type=OutputPath(),
              help="Write to this file instead of standard output.")
def readings(folder: Path, authority_id: str | None, indicator_ref: str | None,
             years: tuple[str, ...], as_at: tuple[dt.datetime, ...],
             output: Path | None) -> None:
    """Write a readings file (CSV: indicator, period, value, numerator, denominator) of
    every indicator that names its SSDA903 measure, computed from the return in FOLDER,
    for `corpparent scorecard` to judge. The counts are of children, shown however
    small: the scorecard's public profile withholds them.

    \b
    Examples:
      corpparent ssda903 readings returns/ -a wiltshire -o readings-903.csv
      corpparent ssda903 readings returns/ -a national -y 2023-24
      corpparent ssda903 readings returns/ -a wiltshire --as-at 2024-06-30 --as-at 2024-09-30
    """
    from corpparent.cli.common import profile_and_indicators
    from corpparent.files.ssda903.reader import read_returns
    from corpparent.report.ssda903 import render_readings
    from corpparent.runs.ssda903 import ssda903_readings

    profile, indicators = profile_and_indicators(authority_id, indicator_ref)
    if indicator_ref is None and profile is not None:
        indicators = profile.reading_indicators
    returns = read_returns(folder, year=years[0] if len(years) == 1 else None)
    run = ssda903_readings(returns, indicators, years, [day.date() for day in as_at])
    warn(run.warnings, "ssda903 readings")
    write_output(render_readings(run.readings), output, what="the readings")


import corpparent.cli.ssda903_reconcile  # noqa: E402  (adds ``ssda903 reconcile``)
import corpparent.cli.ssda903_synthesise  # noqa: E402, F401  (registers synthesise)
