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
from corpparent.comparators.files import read_comparators
from corpparent.indicators.files import read_readings
from corpparent.periods import Period
from corpparent.report.build import scorecard_report
from corpparent.report.model import ScorecardReport
from corpparent.report.provenance import make_provenance
from corpparent.scorecard import Scorecard

__all__ = ["scorecard"]


@click.command(short_help="Assess a scorecard and its exception report.")
@click.argument("readings", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", "-p", "periods", type=PeriodType(), multiple=True, required=True,
              help="The period to assess, e.g. '2022-23 Q4'. Repeat for several periods.")
@click.option("--indicators", "-i", "indicator_ref", required=True, metavar="FILE.py[:NAME]",
              help="The indicator set: a Python file or module and the IndicatorSet (or "
              "function returning one) it defines.")
@click.option("--authority", "-a", help="The authority's name, shown in the report.")
@click.option("--comparators", "-c", "comparators_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="A comparators file (comparator, indicator, period, value): shown beside "
              "each indicator's latest value.")
@click.option("--title", help="The report's title.")
@click.option("--history", type=click.IntRange(min=1, max=40), default=8, show_default=True,
              help="How many periods each trend chart shows.")
@output_options
def scorecard(
    readings: Path,
    periods: tuple[Period, ...],
    indicator_ref: str,
    authority: str | None,
    comparators_file: Path | None,
    title: str | None,
    history: int,
    out: Output,
) -> None:
    """Assess a scorecard for a period from a readings file, with its exception report.

    READINGS is a CSV or JSON readings file (columns indicator, period, value, and
    optionally unit, numerator, denominator, population).

    \b
    Examples:
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          -i examples/scorecard.py:wiltshire_indicators -a Wiltshire -p "2022-23 Q4"
      corpparent scorecard readings.csv -i examples/scorecard.py -p "2022-23 Q4" \\
          -c comparators.csv --format html --output scorecard.html
      corpparent scorecard readings.csv -i examples/scorecard.py -p "2022-23 Q3" \\
          -p "2022-23 Q4" -f markdown -o "scorecard-{period}.md"
      corpparent scorecard readings.csv -i examples/scorecard.py -p "2022-23 Q4" \\
          -f json --fail-on-breach
    """
    if len(periods) > 1 and (out.path is None or "{period}" not in str(out.path)):
        raise click.UsageError("several periods need --output with {period} in the file name")
    indicators = load_indicator_set(indicator_ref)
    data = read_readings(readings, indicators)
    comparators = () if comparators_file is None else read_comparators(
        comparators_file, indicators=indicators)
    inputs = [readings] if comparators_file is None else [readings, comparators_file]
    assessor = Scorecard(indicators)
    reports: list[ScorecardReport] = []
    now = datetime.now(UTC).replace(microsecond=0)
    for period in progress(periods, "Assessing periods"):
        provenance = make_provenance(
            inputs=inputs,
            period=period,
            options={**options_used(indicators=indicator_ref, authority=authority,
                                    history=history), **out.options()},
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
