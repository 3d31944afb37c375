"""``corpparent scorecard``: a scorecard and its exception report, in any format."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import click

from corpparent.cli.common import (
    EXIT_INCOMPLETE,
    Output,
    PeriodType,
    emit,
    options_used,
    output_options,
    profile_and_indicators,
    progress,
    slug,
    warn,
)
from corpparent.cli.isolation import Outcome, outcome, user_code
from corpparent.cli.reading_options import reading_options
from corpparent.cli.record_owner import owner_of
from corpparent.files.panel.comparators import read_comparators
from corpparent.files.panel.readings import read_readings
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.plugins.references import plugin_file
from corpparent.report.build import scorecard_report
from corpparent.report.model import AnyReport, ScorecardReport
from corpparent.report.provenance import make_provenance
from corpparent.rulesets import BeforeFirstYearError
from corpparent.runs.notes import RunWarning
from corpparent.runs.scorecard import assess_scorecard
from corpparent.spc.chart import XmROptions

__all__ = ["scorecard"]


@click.command(short_help="Assess a scorecard and its exception report.")
@click.argument("readings", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--period", "-p", "periods", type=PeriodType(), multiple=True, required=True,
              help="The period to assess, e.g. '2022-23 Q4'. Repeat for several periods.")
@click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
              help="An installed plug-in's id, or a plug-in file not installed "
              "(.toml, or .py or module:NAME): its "
              "indicators, ranges, targets, comparators and name.")
@click.option("--indicators", "-i", "indicator_ref", metavar="FILE.py[:NAME]",
              help="An indicator set from Python instead: a file or module and the "
              "IndicatorSet (or function returning one) it defines.")
@click.option("--name", "authority_name", help="The authority's name, shown in the report "
              "(default: the plug-in's).")
@click.option("--comparators", "-c", "comparators_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="A comparators file (comparator, indicator, period, value): shown beside "
              "each indicator's latest value.")
@click.option("--title", help="The report's title.")
@click.option("--sheet", metavar="NAME", help="The sheet of an .xlsx or .ods READINGS file "
              "(default: the first sheet holding the readings' columns).")
@click.option("--history", type=click.IntRange(min=1, max=40), default=8, show_default=True,
              help="How many periods each trend chart shows.")
@click.option("--national", "use_national", is_flag=True,
              help="Show the authority's national rank and quartile band beside each "
              "indicator that names its DfE measure, from the DfE files shipped with "
              "corpparent (needs --authority, a plug-in with its DfE code).")
@click.option("--national-data", type=click.Path(file_okay=False, path_type=Path),
              metavar="DIR", help="The same from a newer download of the DfE files "
              "(implies --national).")
@click.option("--process-charts/--no-process-charts", default=True, show_default=True,
              help="Draw the process chart of each indicator with 13 or more readings up to "
              "the period: its variation, the assurance about its target, and its process "
              "limits as the expected range where none was set (see docs/spc.md).")
@click.option("--ssda903", "ssda903_folder", metavar="FOLDER",
              type=click.Path(path_type=Path),
              help="Compute the figures of every indicator that names its SSDA903 measure "
              "from the council's return in FOLDER, or in its XML file (each year's at "
              "its 31 March, and "
              "each quarter or month assessed at its end), beside or instead of READINGS.")
@click.option("--strict", is_flag=True,
              help="Exit with code 3 when an indicator has no reading for a period assessed, "
              "or nothing could be judged (a warning is printed either way).")
@reading_options
@output_options
def scorecard(
    readings: Path | None,
    periods: tuple[Period, ...],
    authority_id: str | None,
    indicator_ref: str | None,
    authority_name: str | None,
    comparators_file: Path | None,
    title: str | None,
    sheet: str | None,
    history: int,
    use_national: bool,
    national_data: Path | None,
    process_charts: bool,
    ssda903_folder: Path | None,
    strict: bool,
    out: Output,
) -> None:
    """Assess a scorecard for a period from a readings file, with its exception report.

    READINGS is a CSV, JSON, Excel (.xlsx) or OpenDocument (.ods) readings file
    (columns indicator, period, value, and optionally unit, numerator, denominator,
    population). With --ssda903 the figures of the indicators that name their SSDA903
    measure are computed from the council's return instead; a figure both give is refused.

    The indicators, their expected ranges and targets come from an authority plug-in
    (--authority) or from Python (--indicators); comparators from the plug-in or a file.

    \b
    Examples:
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          -a wiltshire -p "2022-23 Q4"
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          -a wiltshire -p "2022-23 Q4" --format html --output scorecard.html
      corpparent scorecard readings.csv -a wiltshire -p "2022-23 Q3" -p "2022-23 Q4" \\
          -f markdown -o "scorecard-{period}.md"
      corpparent scorecard readings.csv -i my_indicators.py:indicators --name "Our Council" \\
          -c comparators.csv -p "2022-23 Q4" -f json --fail-on-breach
      corpparent scorecard -a national --ssda903 returns/ -p 2023-24
    """
    if readings is None and ssda903_folder is None:
        raise click.UsageError("give a READINGS file, or --ssda903 FOLDER, or both")
    if len(periods) > 1 and (out.path is None or "{period}" not in str(out.path)):
        raise click.UsageError("several periods need --output with {period} in the file name")
    assessed = partial(_assessed, readings, periods, authority_id, indicator_ref,
                       authority_name, comparators_file, title, sheet, history, use_national,
                       national_data, process_charts, ssda903_folder, out)
    done = outcome(assessed, user_code(authority=authority_id, indicators=indicator_ref))
    warn(done.warnings, "scorecard")
    for report, target in zip(done.reports, done.targets, strict=True):
        written = None if target is None else Path(target)
        out.recording.publishing(report, written, done.owner)  # before the paper exists
        emit(report, out.format, written, out.paper)
    if strict and done.incomplete:
        sys.exit(EXIT_INCOMPLETE)
    out.exit_on_breach(r for r in done.reports if isinstance(r, ScorecardReport))


def _assessed(readings: Path | None, periods: tuple[Period, ...], authority_id: str | None,
              indicator_ref: str | None, authority_name: str | None,
              comparators_file: Path | None, title: str | None, sheet: str | None,
              history: int, use_national: bool, national_data: Path | None,
              process_charts: bool, ssda903_folder: Path | None, out: Output) -> Outcome:
    """The scorecard of each period, as report documents, with the run's warnings: the
    part of the command that runs a Python plug-in's code (in a child process when
    there is one)."""
    profile, indicators = profile_and_indicators(authority_id, indicator_ref)
    if indicator_ref is None and profile is not None:
        indicators = profile.reading_indicators
    data = Readings() if readings is None else read_readings(readings, indicators,
                                                              sheet=sheet)
    from_return: tuple[RunWarning, ...] = ()
    return_files: list[Path] = []
    if ssda903_folder is not None:
        data, from_return, return_files = _from_return(data, ssda903_folder, indicators,
                                                       periods)
    comparators = None
    if comparators_file is not None:
        comparators = read_comparators(comparators_file, indicators=indicators)
    national = None
    if use_national or national_data is not None:
        if profile is None or not (profile.dfe_code or profile.gss_code):
            raise click.UsageError("--national needs --authority: a plug-in with its DfE code")
        from corpparent.files.dfe.national_package import read_national_inputs

        national = read_national_inputs(national_data)
    try:
        run = assess_scorecard(
            data, periods, profile=profile,
            indicators=None if indicator_ref is None else indicators,
            comparators=comparators, history=history,
            process=XmROptions() if process_charts else None, national=national)
    except BeforeFirstYearError as exc:
        raise click.UsageError(str(exc)) from None
    warnings = [*from_return, *run.warnings]
    inputs = [f for f in (readings, comparators_file, plugin_file(authority_id)) if f]
    inputs += return_files
    options = {**options_used(authority=authority_id, indicators=indicator_ref,
                              comparators=None if comparators_file is None
                              else str(comparators_file), history=history,
                              process_charts=process_charts,
                              national=use_national or national_data is not None,
                              ssda903=None if ssda903_folder is None
                              else str(ssda903_folder)),
               **out.options()}
    owner = owner_of(profile, authority_name)
    now = datetime.now(UTC).replace(microsecond=0)
    reports: list[AnyReport] = []
    targets: list[str | None] = []
    for assessed in progress(run.periods, "Writing reports"):
        warnings.extend(assessed.warnings)
        provenance = make_provenance(inputs=inputs, period=assessed.period, options=options,
                                     generated_at=now)
        reports.append(out.finish(scorecard_report(
            assessed.result, provenance, title=title,
            authority=authority_name or run.authority,
            notes=(*assessed.notes, *(w.sentence for w in from_return))), owner))
        targets.append(None if out.path is None else str(out.path).replace(
            "{period}", slug(assessed.period)))
    # A figure the return could not give, or gave with a doubt, leaves the report as
    # incomplete as a reading missing from a file does.
    incomplete = run.incomplete or any(w.incomplete for w in from_return)
    return Outcome(tuple(reports), tuple(warnings), tuple(targets), incomplete=incomplete,
                   owner=owner)


def _from_return(data: Readings, folder: Path, indicators: IndicatorSet,
                 periods: tuple[Period, ...]
                 ) -> tuple[Readings, tuple[RunWarning, ...], list[Path]]:
    """The readings of the file and those computed from the SSDA903 return in
    ``folder``: the return read here, the figures worked out by the run; and the files
    the return was read from, for the report's inputs."""
    from corpparent.files.ssda903.reader import read_returns
    from corpparent.runs.ssda903 import scorecard_readings

    returns = read_returns(folder)
    done = scorecard_readings(data, returns, indicators, periods)
    files = sorted({Path(table.source) for year in returns
                    for table in returns[year].tables.values() if table.source})
    return done.readings, done.warnings, files
