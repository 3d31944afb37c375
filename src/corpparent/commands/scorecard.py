"""``corpparent scorecard``: a scorecard and its exception report, in any format."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from corpparent.commands.common import (
    Output,
    PeriodType,
    emit,
    load_indicator_set,
    options_used,
    output_options,
    progress,
    slug,
)
from corpparent.comparators.series import Comparator
from corpparent.files.comparators import read_comparators
from corpparent.files.readings import read_readings
from corpparent.periods import Period
from corpparent.plugins import load_profile
from corpparent.report.build import scorecard_report
from corpparent.report.model import ScorecardReport
from corpparent.report.provenance import make_provenance
from corpparent.scorecard import Scorecard

__all__ = ["scorecard"]


@click.command(short_help="Assess a scorecard and its exception report.")
@click.argument("readings", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", "-p", "periods", type=PeriodType(), multiple=True, required=True,
              help="The period to assess, e.g. '2022-23 Q4'. Repeat for several periods.")
@click.option("--authority", "-a", "authority_id", metavar="ID",
              help="An installed authority plug-in (see 'corpparent authorities list'): its "
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
@output_options
def scorecard(
    readings: Path,
    periods: tuple[Period, ...],
    authority_id: str | None,
    indicator_ref: str | None,
    authority_name: str | None,
    comparators_file: Path | None,
    title: str | None,
    sheet: str | None,
    history: int,
    out: Output,
) -> None:
    """Assess a scorecard for a period from a readings file, with its exception report.

    READINGS is a CSV, JSON, Excel (.xlsx) or OpenDocument (.ods) readings file
    (columns indicator, period, value, and optionally unit, numerator, denominator,
    population).

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
    """
    if len(periods) > 1 and (out.path is None or "{period}" not in str(out.path)):
        raise click.UsageError("several periods need --output with {period} in the file name")
    if authority_id is None and indicator_ref is None:
        raise click.UsageError("give --authority (an installed plug-in) or --indicators")
    profile = None if authority_id is None else load_profile(authority_id)
    if indicator_ref is not None:
        indicators = load_indicator_set(indicator_ref)
    else:
        assert profile is not None
        indicators = profile.indicators
    authority = authority_name or (None if profile is None else profile.name)
    data = read_readings(readings, indicators, sheet=sheet)
    comparators: tuple[Comparator, ...] = ()
    if comparators_file is not None:
        comparators = read_comparators(comparators_file, indicators=indicators)
    elif profile is not None and profile.comparators is not None:
        comparators = profile.comparators.comparators
    inputs = [readings] if comparators_file is None else [readings, comparators_file]
    assessor = Scorecard(indicators)
    reports: list[ScorecardReport] = []
    now = datetime.now(UTC).replace(microsecond=0)
    for period in progress(periods, "Assessing periods"):
        provenance = make_provenance(
            inputs=inputs,
            period=period,
            options={**options_used(authority=authority_id, indicators=indicator_ref,
                                    comparators=None if comparators_file is None
                                    else str(comparators_file), history=history),
                     **out.options()},
            generated_at=now,
        )
        result = assessor.assess(data, period)
        report = scorecard_report(result, indicators, data, provenance, title=title,
                                  authority=authority, history=history, comparators=comparators)
        report = out.finish(report)
        target = None if out.path is None else Path(str(out.path).replace("{period}",
                                                                          slug(period)))
        emit(report, out.format, target)
        reports.append(report)
    out.exit_on_breach(reports)
